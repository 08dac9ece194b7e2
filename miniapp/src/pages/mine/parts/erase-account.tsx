// 注销账号 (PIPL right of erasure), in two steps on the page itself (no pop-up): what happens, then a second,
// explicit confirmation. Afterwards this device forgets the account and the app starts afresh.
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { api, consent, errorMessage } from '@/api/client'
import { aria } from '@/components/a11y'
import { STORAGE_KEYS, taroStorage } from '@/api/storage'
import { relaunch } from '@/kit/nav'

const consequences = [
  '您的姓名、手机号码、地址和您写的内容会被删除，不能恢复；',
  '还没到时间的预约会被取消，正在处理的上门服务申请会被撤回；',
  '办理记录只保留不含个人身份的统计数字。',
]

export function EraseAccount ({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<1 | 2 | 'done'>(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [cancelled, setCancelled] = useState(0)

  const erase = async () => {
    setBusy(true)
    setError('')
    try {
      const r = await api('deleteMe')
      setCancelled(r.cancelledAppointments)
      // This device forgets the account: the next start signs in as a new resident and asks for consent again.
      taroStorage.remove(STORAGE_KEYS.residentToken)
      taroStorage.remove(STORAGE_KEYS.h5LoginCode)
      consent.reset()
      setStep('done')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='bm-card mine-panel mine-panel--danger' data-testid='erase-panel' role='region' aria-label='注销账号'>
      <Text className='mine-panel__title'>注销账号</Text>
      {step === 1 && (
        <View data-testid='erase-step-1'>
          <Text className='mine-panel__text'>注销后：</Text>
          {consequences.map((l) => <Text key={l} className='mine-panel__item'>{`· ${l}`}</Text>)}
          <Text className='mine-panel__text'>建议先“导出我的数据”留存。</Text>
          <View className='mine-panel__actions'>
            <Button className='bm-button' onClick={onClose} data-testid='erase-keep'>我再想想</Button>
            <Button className='bm-button bm-button--danger' onClick={() => setStep(2)} data-testid='erase-next'>继续注销</Button>
          </View>
        </View>
      )}
      {step === 2 && (
        <View data-testid='erase-step-2'>
          <Text className='mine-panel__text mine-panel__strong'>请再确认一次：真的要注销账号、删除您的信息吗？</Text>
          {error && <Text className='mine-panel__error' {...aria('alert')} data-testid='erase-error'>{error}</Text>}
          <View className='mine-panel__actions'>
            <Button className='bm-button' onClick={onClose} data-testid='erase-keep-2'>不注销了</Button>
            <Button className={`bm-button bm-button--primary mine-panel__erase${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void erase()} data-testid='erase-confirm'>
              {busy ? '正在注销…' : '确认注销'}
            </Button>
          </View>
        </View>
      )}
      {step === 'done' && (
        <View data-testid='erase-done'>
          <Text className='mine-panel__text' {...aria('status')}>{`账号已注销，您的个人信息已删除。${cancelled ? `已取消 ${cancelled} 个预约。` : ''}`}</Text>
          <Button className='bm-button bm-button--primary bm-button--block' onClick={() => relaunch('home')} data-testid='erase-restart'>回到首页</Button>
        </View>
      )}
    </View>
  )
}
