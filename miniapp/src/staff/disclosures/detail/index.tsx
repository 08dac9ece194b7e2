import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { disclosureApplicantTypeLabels, disclosureChannelLabels, disclosureFormLabels, type Role } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff } from '../../shell/session'
import { PageState } from '@/components/page-state'
import { dateOf, openAttachment, outcomeText, statusTone, type DisclosureView } from '@/utils/disclosure'
import { DisclosureActions } from './actions'
import { DisclosureTimeline, Row } from '@/components/disclosure-parts'

export default function StaffDisclosureDetailPage () {
  const [id, setId] = useState('')
  const [d, setD] = useState<DisclosureView | null>(null)
  const [roles, setRoles] = useState<Role[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (which: string) => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      const [view, me] = await Promise.all([staffApi('getStaffDisclosure', { params: { id: which } }), staffApi('getMe')])
      setD(view)
      if (me.type === 'staff') setRoles(me.staff.roles)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad((params: Record<string, string | undefined>) => {
    const which = params.id ?? ''
    setId(which)
    if (which) void load(which)
    else { setLoading(false); setError('未找到该申请') }
  })

  if (loading && !d) return <StaffPage title='申请办理' section='staffDisclosures'><PageState status='loading' /></StaffPage>
  if (error || !d) return <StaffPage title='申请办理' section='staffDisclosures'><PageState status='error' title={error || '未找到该申请'} onRetry={id ? () => void load(id) : undefined} /></StaffPage>

  const outcome = outcomeText(d)
  return (
    <StaffPage title='申请办理' section='staffDisclosures' className='staff-disclosure'>
      <View className='bm-card dsc-card'>
        <View className='dsc-card__head'>
          <Text className='dsc-card__title'>{d.description}</Text>
          <Text className={`dsc-badge dsc-badge--${statusTone(d)}`} data-testid='staff-detail-status'>{d.overdue ? '已超期' : d.statusLabel}</Text>
        </View>
        <Row label='收到日期' value={`${dateOf(d.receivedAt)}（${disclosureChannelLabels[d.channel]}）`} />
        <Row label={d.status === 'CORRECTION_REQUESTED' ? '补正期限' : '答复期限'} value={dateOf(d.dueAt)} testId='staff-detail-due' />
        {d.extended && <Row label='已延期' value={`${d.extensionDays} 个工作日`} />}
        {d.pausedWorkdays > 0 && <Row label='不计入期限' value={`${d.pausedWorkdays} 个工作日（征求第三方意见）`} />}
      </View>

      <DisclosureActions d={d} roles={roles} onChange={setD} />

      {outcome && (
        <View className='bm-card'>
          <Text className='dsc-intro__title'>答复</Text>
          <Text className='dsc-card__outcome dsc-block' data-testid='staff-reply-outcome'>{outcome}</Text>
          {d.outcomeDetail && <Text className='dsc-block'>{d.outcomeDetail}</Text>}
          {d.replyContent && <Text className='dsc-block'>{d.replyContent}</Text>}
          {d.attachments.map((a) => (
            <Text key={a.id} className='dsc-link' onClick={() => void openAttachment(a.url, a.name)}>附件：{a.name ?? '答复文件'}</Text>
          ))}
        </View>
      )}

      <View className='bm-card'>
        <Text className='dsc-intro__title'>申请信息</Text>
        <Row label='申请机关' value={d.orgName} />
        <Row label='申请人类型' value={disclosureApplicantTypeLabels[d.applicantType]} />
        {d.applicantName && <Row label='申请单位' value={d.applicantName} />}
        {d.purpose && <Row label='用途' value={d.purpose} />}
        <Row label='获取方式' value={disclosureFormLabels[d.form]} />
        <Row label='联系人' value={d.contactName} />
        <Row label='联系电话' value={d.contactPhone} />
        {d.correction && <Row label='补正要求' value={d.correction.request} />}
        {d.correction?.content && <Row label='补正内容' value={d.correction.content} />}
      </View>

      <DisclosureTimeline events={d.events} />
    </StaffPage>
  )
}
