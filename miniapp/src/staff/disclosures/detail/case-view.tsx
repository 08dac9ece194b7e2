// One 依申请公开 request for handlers and reviewers: state and deadlines, the handling actions, the reply, the
// application and its timeline. Its own page on a phone, beside the list on a desk.
import { Text, View } from '@tarojs/components'
import { disclosureApplicantTypeLabels, disclosureChannelLabels, disclosureFormLabels } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { InfoRow, Loaded, Section, Tag, useResource } from '@/kit'
import { DisclosureTimeline } from '@/components/disclosure-parts'
import { dateOf, disclosureTone, openAttachment, outcomeText, type DisclosureView } from '@/utils/disclosure'
import { useStaffMe } from '../../shell/me'
import { DisclosureActions } from './actions'

export function DisclosureCase ({ id, onChange }: { id: string; onChange?: () => void }) {
  const r = useResource(() => staffApi('getStaffDisclosure', { params: { id } }), [id])
  return <Loaded resource={r}>{(d) => <CaseBody d={d} onChange={(next) => { r.setData(next); onChange?.() }} />}</Loaded>
}

function CaseBody ({ d, onChange }: { d: DisclosureView; onChange: (d: DisclosureView) => void }) {
  const { staff } = useStaffMe()
  const outcome = outcomeText(d)
  return (
    <View className='staff-case'>
      <Section>
        <View className='staff-tags'>
          <Tag tone={disclosureTone(d)} solid testId='staff-detail-status'>{d.overdue ? '已超期' : d.statusLabel}</Tag>
        </View>
        <Text className='staff-case__title'>{d.description}</Text>
        <InfoRow label='收到日期'>{`${dateOf(d.receivedAt)}（${disclosureChannelLabels[d.channel]}）`}</InfoRow>
        <InfoRow label={d.status === 'CORRECTION_REQUESTED' ? '补正期限' : '答复期限'} testId='staff-detail-due'>{dateOf(d.dueAt)}</InfoRow>
        {d.extended && <InfoRow label='已延期'>{`${d.extensionDays} 个工作日`}</InfoRow>}
        {d.pausedWorkdays > 0 && <InfoRow label='不计入期限'>{`${d.pausedWorkdays} 个工作日（征求第三方意见）`}</InfoRow>}
      </Section>

      <DisclosureActions d={d} roles={staff?.roles ?? []} onChange={onChange} />

      {outcome && (
        <Section title='答复'>
          <Text className='staff-case__line staff-case__title' data-testid='staff-reply-outcome'>{outcome}</Text>
          {d.outcomeDetail && <Text className='staff-case__line'>{d.outcomeDetail}</Text>}
          {d.replyContent && <View className='staff-case__body'><Text userSelect>{d.replyContent}</Text></View>}
          {d.attachments.map((a) => (
            <Text key={a.id} className='staff-link' onClick={() => void openAttachment(a.url, a.name)}>{`附件：${a.name ?? '答复文件'}`}</Text>
          ))}
        </Section>
      )}

      <Section title='申请信息'>
        <InfoRow label='申请机关'>{d.orgName}</InfoRow>
        <InfoRow label='申请人类型'>{disclosureApplicantTypeLabels[d.applicantType]}</InfoRow>
        {d.applicantName && <InfoRow label='申请单位'>{d.applicantName}</InfoRow>}
        {d.applicantIdNumber && <InfoRow label='证件号码'>{d.applicantIdNumber}</InfoRow>}
        {d.purpose && <InfoRow label='用途'>{d.purpose}</InfoRow>}
        <InfoRow label='获取方式'>{disclosureFormLabels[d.form]}</InfoRow>
        {d.postalAddress && <InfoRow label='邮寄地址'>{d.postalAddress}</InfoRow>}
        <InfoRow label='联系人'>{d.contactName}</InfoRow>
        <InfoRow label='联系电话'>{d.contactPhone}</InfoRow>
        {d.correction && <InfoRow label='补正要求'>{d.correction.request}</InfoRow>}
        {d.correction?.content && <InfoRow label='补正内容'>{d.correction.content}</InfoRow>}
      </Section>

      <DisclosureTimeline events={d.events} />
    </View>
  )
}
