import { useCallback, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import type { ServiceItemDetail } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { alt } from '@/components/a11y'
import { Action, go } from '@/kit'
import '../../appointments/parts/appointment.scss'
import './index.scss'

/** 办事指南 detail: conditions, materials, basis, time limit, fee, where to go, a QR code of the guide; 预约 / 上门服务. */
export default function ServiceItemPage () {
  const id = useRouter().params.id ?? ''
  const [item, setItem] = useState<ServiceItemDetail | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      const d = await api('getServiceItem', { params: { id } })
      setItem(d)
      void Taro.setNavigationBarTitle({ title: d.name })
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [id])
  useLoad(() => { void load() })

  if (error) return <PageRoot><PageState status='error' title={error} onRetry={() => void load()} /></PageRoot>
  if (!item) return <PageRoot><PageState status='loading' /></PageRoot>

  const visits = item.fullyOnline ? '一趟不用跑（可全程网上办理）' : item.maxOneVisit ? '最多跑一趟' : '需到现场办理'
  return (
    <PageRoot className='guide'>
      <View className='bm-card'>
        <Text className='ap-title' data-testid='guide-name'>{item.name}</Text>
        <View className='ap-meta'><Text>{item.category}</Text><Text>{`事项编码 ${item.code}`}</Text><Text>{item.orgName}</Text></View>
        {item.description && <Text className='ap-line'>{item.description}</Text>}
        <View className='guide__facts'>
          <View className='guide__fact'><Text className='guide__fact-label'>承诺时限</Text><Text className='guide__fact-value'>{`${item.timeLimitDays} 个工作日`}</Text></View>
          {item.legalLimitDays !== null && <View className='guide__fact'><Text className='guide__fact-label'>法定时限</Text><Text className='guide__fact-value'>{`${item.legalLimitDays} 个工作日`}</Text></View>}
          <View className='guide__fact'><Text className='guide__fact-label'>收费</Text><Text className='guide__fact-value'>{item.feeText}</Text></View>
          <View className='guide__fact'><Text className='guide__fact-label'>跑动次数</Text><Text className='guide__fact-value'>{visits}</Text></View>
        </View>
      </View>

      {item.conditions && (
        <View className='bm-card'><Text className='guide__h'>办理条件</Text><Text className='guide__p'>{item.conditions}</Text></View>
      )}
      <View className='bm-card' data-testid='guide-materials'>
        <Text className='guide__h'>申请材料</Text>
        {item.materials.length === 0 && <Text className='guide__p'>无需提交材料</Text>}
        {item.materials.map((m, i) => (
          <Text key={m.name} className='guide__p'>{`${i + 1}. ${m.name}${m.copies ? `（${m.copies} 份）` : ''}${m.note ? `，${m.note}` : ''}`}</Text>
        ))}
      </View>
      {item.legalBasis && <View className='bm-card'><Text className='guide__h'>设定依据</Text><Text className='guide__p'>{item.legalBasis}</Text></View>}
      <View className='bm-card'>
        <Text className='guide__h'>办理地点</Text>
        {item.halls.length === 0 && <Text className='guide__p'>暂无可到现场办理的窗口</Text>}
        {item.halls.map((h) => (
          <View key={h.id} className='guide__hall'>
            <Text className='guide__p guide__hall-name'>{h.name}</Text>
            <Text className='guide__p'>{`地址：${h.address}`}</Text>
            {h.openHours && <Text className='guide__p'>{`时间：${h.openHours}`}</Text>}
            {h.phone && <Text className='guide__p'>{`电话：${h.phone}`}</Text>}
            <Text className='guide__p'>{`窗口：${h.windows.map((w) => `${w.number} 号${w.name}`).join('、')}`}</Text>
            {h.windows.length > 0 && <Action onClick={() => go('hallTake', { hallId: h.id, itemId: item.id })} testId='guide-take'>现场取号（在线排队）</Action>}
          </View>
        ))}
      </View>
      <View className='bm-card guide__qr'>
        <Text className='guide__h'>扫码查看本指南</Text>
        <Image className='ap-qr' src={item.qrCode} mode='aspectFit' {...alt(`${item.name}办事指南二维码`)} />
      </View>

      <View className='guide__bar'>
        {item.homeVisit && (
          <Button className='bm-button' onClick={() => go('homeVisits', { itemId: item.id })} data-testid='guide-home-visit'>申请上门服务</Button>
        )}
        {item.bookable && item.halls.length > 0
          ? <Button className='bm-button bm-button--primary' onClick={() => go('appointmentBook', { itemId: item.id })} data-testid='guide-book'>预约办理</Button>
          : <Text className='guide__note'>{item.fullyOnline ? '本事项可网上办理，无需预约' : '本事项无需预约，可直接到窗口办理'}</Text>}
      </View>
    </PageRoot>
  )
}
