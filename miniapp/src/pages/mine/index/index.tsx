import { useCallback, useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { api, consent, errorMessage } from '@/api/client'
import { labelled } from '@/components/a11y'
import { token } from '@/kit/tokens'
import { Cell, CellGroup } from '@/components/cell'
import { go } from '@/kit/nav'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { RatingsEntry } from '@/components/rating/mine-entry'
import { useConsentState } from '@/store/consent'
import { prefs, useElderMode } from '@/store/prefs'
import { EraseAccount } from '../parts/erase-account'
import { ExportData } from '../parts/export-data'
import './index.scss'

export default function MinePage () {
  const elder = useElderMode()
  const [name, setName] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')
  const [panel, setPanel] = useState<'' | 'export' | 'erase'>('')
  const c = useConsentState(consent)

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const me = await api('getMe')
      setName(me.type === 'resident' ? me.resident.nickname || '居民' : me.staff.name)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => { void load() })

  const toggleElder = (on: boolean) => {
    prefs.setElderMode(on)
    // Also saved to the account, so it follows the resident to a new phone; the device setting wins.
    api('updateMe', { body: { elderMode: on } }).catch(() => undefined)
  }

  return (
    <PageRoot className='mine'>
      <View className='mine__header'>
        {loading && name === null && <Text className='mine__name'>正在加载…</Text>}
        {name !== null && <Text className='mine__name' data-testid='mine-name'>{name}</Text>}
        {name !== null && <Text className='mine__role'>居民用户</Text>}
      </View>
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}

      <RatingsEntry />

      <CellGroup title='我的办事'>
        <Cell title='我的预约' description='预约、签到码、取消或改约' onClick={() => go('appointments')} testId='mine-appointments' />
        <Cell title='我的排队' description='今天的取号、前面还有几位、叫号窗口' onClick={() => go('hallTickets')} testId='mine-tickets' />
        <Cell title='我的上门服务' description='上门服务申请的进度、上门时间与评价' onClick={() => go('homeVisits')} testId='mine-home-visits' />
      </CellGroup>

      <CellGroup title='显示设置'>
        <Cell
          title='长辈模式'
          description='字更大、按钮更大、颜色更清楚'
          testId='elder-mode'
          extra={<Switch className='bm-switch' checked={elder} color={token('color-primary', elder)} {...labelled('长辈模式')} onChange={(e) => toggleElder(Boolean(e.detail.value))} />}
        />
      </CellGroup>

      <CellGroup title='隐私与账号'>
        <Cell title='隐私政策' testId='mine-privacy' onClick={() => go('privacy')}
          description={c.status === 'accepted' ? `您已同意（${c.version} 版）` : '我们怎样使用您的信息'} />
        <Cell title='导出我的数据' description='查看我们保存的您的全部信息' testId='mine-export' onClick={() => setPanel('export')} />
        <Cell title='注销账号' description='删除您的个人信息，不能恢复' testId='mine-erase' onClick={() => setPanel('erase')} />
      </CellGroup>
      {panel === 'export' && <ExportData onClose={() => setPanel('')} />}
      {panel === 'erase' && <EraseAccount onClose={() => setPanel('')} />}

      <CellGroup title='工作人员'>
        <Cell title='工作人员登录' description='街道、社区工作人员使用' onClick={() => go('staffLogin')} testId='staff-login-entry' />
      </CellGroup>
    </PageRoot>
  )
}
