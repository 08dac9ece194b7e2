import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import type { Contract } from '@bianmin/shared'
import { api, consent } from '@/api/client'
import { RatingsEntry } from '@/components/rating/mine-entry'
import { useConsentState } from '@/store/consent'
import { prefs, useElderMode } from '@/store/prefs'
import { Action, Actions, Field, FormError, List, ListItem, Loaded, PageRoot, go, labelled, token, useResource, useSubmit } from '@/kit'
import { useUnreadBadge } from '../../messages/parts/unread'
import { EraseAccount } from '../parts/erase-account'
import { ExportData } from '../parts/export-data'
import './index.scss'

type NicknameBody = Contract['updateMe']['body']['_input']

/** The header: the resident's nickname (set or changed in place) or the staff member's name. */
function Header () {
  const me = useResource(() => api('getMe'), [])
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState('')
  const save = useSubmit((body: NicknameBody) => api('updateMe', { body }), {
    // A tab page is in the main package: checked here rather than with the contract's zod schema (the server checks
    // it again), so zod stays out of the main package (miniapp/scripts/weapp-check.mjs).
    validate: (b) => {
      const n = b.nickname?.trim() ?? ''
      return { nickname: !n ? '请填写昵称' : n.length > 30 ? '昵称最多 30 个字' : undefined }
    },
    onSuccess: (resident) => { me.setData((prev) => (prev?.type === 'resident' ? { ...prev, resident } : prev)); setEditing(false) },
  })
  const nickname = me.data?.type === 'resident' ? me.data.resident.nickname : null

  const m = me.data
  return (
    <>
      <View className='mine__header'>
        {!m && <Text className='mine__name'>{me.loading ? '正在加载…' : '我的'}</Text>}
        {m && <Text className='mine__name' data-testid='mine-name'>{m.type === 'resident' ? nickname || '居民' : m.staff.name}</Text>}
        {m && <Text className='mine__role'>{m.type === 'resident' ? '居民用户' : m.staff.orgName}</Text>}
        {m?.type === 'resident' && !editing && (
          <Action className='mine__edit' onClick={() => { setValue(nickname ?? ''); save.reset(); setEditing(true) }} testId='mine-nickname-edit'>
            {nickname ? '修改昵称' : '设置昵称'}
          </Action>
        )}
      </View>
      {me.error && !me.loading && <Loaded resource={me}>{() => null}</Loaded>}
      {editing && (
        <View className='bm-card mine__nickname'>
          <Field label='昵称' value={value} maxlength={30} counter placeholder='给自己起个称呼' hint='不必填写真实姓名。'
            onChange={(v) => { setValue(v); save.clear('nickname') }} testId='mine-nickname' error={save.errors.nickname} errorTestId='mine-nickname-error' />
          <FormError error={save.error} testId='mine-nickname-failed' />
          <Actions>
            <Action onClick={() => setEditing(false)}>取消</Action>
            <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run({ nickname: value })} testId='mine-nickname-save'>保存</Action>
          </Actions>
        </View>
      )}
    </>
  )
}

export default function MinePage () {
  const elder = useElderMode()
  const [panel, setPanel] = useState<'' | 'export' | 'erase'>('')
  const c = useConsentState(consent)
  useUnreadBadge()

  const toggleElder = (on: boolean) => {
    prefs.setElderMode(on)
    // Also saved to the account, so it follows the resident to a new phone; the device setting wins.
    api('updateMe', { body: { elderMode: on } }).catch(() => undefined)
  }

  return (
    <PageRoot className='mine'>
      <Header />
      <RatingsEntry />

      <List title='我的办事'>
        <ListItem title='我的预约' description='预约、签到码、取消或改约' onClick={() => go('appointments')} testId='mine-appointments' />
        <ListItem title='我的咨询' description='咨询、投诉、建议的答复与办理进度' onClick={() => go('consultations')} testId='mine-consultations' />
        <ListItem title='我的申请' description='政府信息公开申请的申请编号、期限与答复' onClick={() => go('disclosures')} testId='mine-disclosures' />
        <ListItem title='我的上门服务' description='上门服务申请的进度、上门时间与评价' onClick={() => go('homeVisits')} testId='mine-home-visits' />
        <ListItem title='我的排队' description='今天的取号、前面还有几位、叫号窗口' onClick={() => go('hallTickets')} testId='mine-tickets' />
      </List>

      <List title='显示设置'>
        <ListItem
          title='长辈模式'
          description='字更大、按钮更大、颜色更清楚'
          testId='elder-mode'
          extra={<Switch className='bm-switch' checked={elder} color={token('color-primary', elder)} {...labelled('长辈模式')} onChange={(e) => toggleElder(Boolean(e.detail.value))} />}
        />
      </List>

      <List title='隐私与账号'>
        <ListItem title='隐私政策' testId='mine-privacy' onClick={() => go('privacy')}
          description={c.status === 'accepted' ? `您已同意（${c.version} 版）` : '我们怎样使用您的信息'} />
        <ListItem title='导出我的数据' description='查看我们保存的您的全部信息' testId='mine-export' onClick={() => setPanel('export')} />
        <ListItem title='注销账号' description='删除您的个人信息，不能恢复' testId='mine-erase' onClick={() => setPanel('erase')} />
      </List>
      {panel === 'export' && <ExportData onClose={() => setPanel('')} />}
      {panel === 'erase' && <EraseAccount onClose={() => setPanel('')} />}

      <List title='工作人员'>
        <ListItem title='工作人员登录' description='街道、社区工作人员使用' onClick={() => go('staffLogin')} testId='staff-login-entry' />
      </List>
    </PageRoot>
  )
}
