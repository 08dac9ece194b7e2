import { useState } from 'react'
import { View } from '@tarojs/components'
import { contract, disclosureApplicantTypeLabels, disclosureApplicantTypes, type DisclosureApplicantType } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Choices, Field, FormError, Section, redirect, useResource, useSubmit } from '@/kit'
import { indented, subtreeOptions } from '../../home/orgs'
import { useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'

type Channel = 'IN_PERSON' | 'POST'
type Form = 'ELECTRONIC' | 'PAPER'
const channels: { value: Channel; label: string }[] = [{ value: 'IN_PERSON', label: '当面申请' }, { value: 'POST', label: '信函申请' }]
const forms: { value: Form; label: string }[] = [{ value: 'ELECTRONIC', label: '电子文件' }, { value: 'PAPER', label: '纸质文件（邮寄）' }]
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

interface Input {
  channel: Channel; receivedDate: string; orgId: string; applicantType: DisclosureApplicantType; applicantName: string; applicantIdNumber: string
  contactName: string; contactPhone: string; description: string; purpose: string; form: Form; postalAddress: string
}

/** 登记当面或信函提交的依申请公开申请: received date → reply deadline; then the printable 受理回执. */
export default function StaffDisclosureRecordPage () {
  const { staff } = useStaffMe()
  const orgs = useResource(() => staffApi('listOrgs'), [], { on: 'mount' })
  const options = staff && orgs.data ? subtreeOptions(orgs.data.items, staff.orgId) : []
  const [f, setF] = useState<Input>({
    channel: 'IN_PERSON', receivedDate: today(), orgId: '', applicantType: 'NATURAL_PERSON', applicantName: '', applicantIdNumber: '',
    contactName: '', contactPhone: '', description: '', purpose: '', form: 'ELECTRONIC', postalAddress: '',
  })
  const orgId = f.orgId || options[0]?.id || ''
  const person = f.applicantType === 'NATURAL_PERSON'
  const submit = useSubmit(async (body: Input) => staffApi('recordDisclosure', {
    body: {
      ...body, orgId, applicantName: person ? undefined : body.applicantName || undefined, purpose: body.purpose || undefined,
      postalAddress: body.form === 'PAPER' ? body.postalAddress : (body.postalAddress || undefined),
    },
  }), {
    validate: (b) => {
      const r = contract.recordDisclosure.body.safeParse({ ...b, orgId, applicantName: person ? undefined : b.applicantName || undefined, purpose: b.purpose || undefined, postalAddress: b.postalAddress || undefined })
      if (r.success) return {}
      const out: Record<string, string> = {}
      for (const i of r.error.issues) { const k = String(i.path[0] ?? 'form'); out[k] ??= i.message }
      return out
    },
    onSuccess: (d) => redirect('staffDisclosureReceipt', { id: d.id }),
  })
  const set = <K extends keyof Input>(k: K) => (v: Input[K]) => { setF((x) => ({ ...x, [k]: v })); submit.clear(k) }
  const e = submit.errors

  return (
    <StaffPage title='登记依申请公开申请'>
      <Section title='收件'>
        <Field kind='custom' label='申请渠道'><Choices label='申请渠道' options={channels} value={f.channel} onChange={set('channel')} testId={(v) => `dr-channel-${v}`} /></Field>
        <Field kind='date' label={f.channel === 'POST' ? '签收日期' : '收到日期'} value={f.receivedDate} onChange={set('receivedDate')} end={today()}
          hint='答复期限自收到之日起计算（节假日收到的，自下一个工作日起算）' error={e.receivedDate} testId='dr-received' />
        <Field kind='picker' label='受理机关' options={options.map(indented)} index={options.findIndex((o) => o.id === orgId)}
          onPick={(i) => set('orgId')(options[i]?.id ?? '')} error={e.orgId || orgs.error} testId='dr-org' />
      </Section>
      <Section title='申请人'>
        <Field kind='picker' label='申请人类型' options={disclosureApplicantTypes.map((t) => disclosureApplicantTypeLabels[t])}
          index={disclosureApplicantTypes.indexOf(f.applicantType)} onPick={(i) => set('applicantType')(disclosureApplicantTypes[i] ?? 'NATURAL_PERSON')} testId='dr-type' />
        {!person && <Field label='单位名称' value={f.applicantName} onChange={set('applicantName')} maxlength={100} error={e.applicantName} testId='dr-org-name' />}
        <Field label={person ? '姓名' : '联系人'} value={f.contactName} onChange={set('contactName')} maxlength={30} error={e.contactName} testId='dr-name' />
        <Field label={person ? '身份证号' : '统一社会信用代码'} type='idcard' value={f.applicantIdNumber} onChange={set('applicantIdNumber')} maxlength={30}
          error={e.applicantIdNumber} testId='dr-id' />
        <Field label='联系电话' type='number' value={f.contactPhone} onChange={set('contactPhone')} maxlength={11} error={e.contactPhone} testId='dr-phone' />
      </Section>
      <Section title='所需信息'>
        <Field kind='textarea' label='所需信息的内容描述' value={f.description} onChange={set('description')} maxlength={2000} counter error={e.description} testId='dr-description' />
        <Field label='用途（选填）' name='用途' value={f.purpose} onChange={set('purpose')} maxlength={500} error={e.purpose} />
        <Field kind='custom' label='获取信息的方式'><Choices label='获取信息的方式' options={forms} value={f.form} onChange={set('form')} testId={(v) => `dr-form-${v}`} /></Field>
        {f.form === 'PAPER' && <Field label='邮寄地址' value={f.postalAddress} onChange={set('postalAddress')} maxlength={200} error={e.postalAddress} testId='dr-address' />}
        <FormError error={submit.error} testId='dr-error' />
        <View>
          <Action kind='primary' block busy={submit.busy} busyText='正在登记…' onClick={() => void submit.run(f)} testId='dr-submit'>登记并打印回执</Action>
        </View>
      </Section>
    </StaffPage>
  )
}
