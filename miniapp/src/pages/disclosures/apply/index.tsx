import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  contract, disclosureApplicantTypeLabels, disclosureApplicantTypes, disclosureFormLabels, disclosureForms, type OrgNode,
} from '@bianmin/shared'
import { api } from '@/api/client'
import { Action, Check, Choices, Field, FormError, Loaded, PageRoot, redirect, useResource, useSubmit } from '@/kit'
import { findStreet } from '@/utils/org'
import '@/components/disclosure.scss'

interface OrgOption { id: string; name: string }

/** Street and communities, indented under their parent, for the org picker. */
function flatten (nodes: OrgNode[], depth = 0, out: OrgOption[] = []): OrgOption[] {
  for (const n of nodes) {
    if (n.level !== 'DISTRICT') out.push({ id: n.id, name: `${'　'.repeat(Math.max(0, depth - 1))}${n.name}` })
    flatten(n.children, depth + 1, out)
  }
  return out
}

const typeNames = disclosureApplicantTypes.map((t) => (t === 'NATURAL_PERSON' ? '自然人（个人）' : `法人或其他组织 · ${disclosureApplicantTypeLabels[t]}`))

type Body = typeof contract.createDisclosure.body._input

export default function DisclosureApplyPage () {
  const [orgIndex, setOrgIndex] = useState(0)
  const orgs = useResource(async () => {
    const { items } = await api('listOrgs')
    const list = flatten(items)
    const street = findStreet(items)
    setOrgIndex(Math.max(0, list.findIndex((o) => o.id === street?.id)))
    return list
  }, [], { on: 'mount' })
  const [typeIndex, setTypeIndex] = useState(0)
  const [values, setValues] = useState({ applicantName: '', applicantIdNumber: '', description: '', purpose: '', contactName: '', contactPhone: '', postalAddress: '' })
  const [form, setForm] = useState<(typeof disclosureForms)[number]>('ELECTRONIC')
  const [consent, setConsent] = useState(false)

  const applicantType = disclosureApplicantTypes[typeIndex] ?? 'NATURAL_PERSON'
  const isOrg = applicantType !== 'NATURAL_PERSON'
  const send = useSubmit((body: Body) => api('createDisclosure', { body }), {
    schema: contract.createDisclosure.body,
    validate: () => ({
      applicantName: isOrg && !values.applicantName.trim() ? '请填写申请单位名称' : undefined,
      postalAddress: form === 'PAPER' && !values.postalAddress.trim() ? '申请纸质文件时请填写邮寄地址' : undefined,
      consent: consent ? undefined : '请确认并同意后再提交',
    }),
    onSuccess: (d) => {
      void Taro.showToast({ title: '申请已提交', icon: 'success' })
      // The detail page confirms it with the 申请编号 and the reply deadline.
      redirect('disclosureDetail', { id: d.id, submitted: 1 })
    },
  })
  const set = (k: keyof typeof values) => (v: string) => { setValues((old) => ({ ...old, [k]: v })); send.clear(k) }
  const err = (f: string) => ({ error: send.errors[f], errorTestId: `error-${f}` })
  const orgList = orgs.data ?? []

  const submit = () => void send.run({
    applicantType, orgId: orgList[orgIndex]?.id ?? '', form,
    description: values.description, contactName: values.contactName, contactPhone: values.contactPhone,
    applicantIdNumber: values.applicantIdNumber,
    ...(form === 'PAPER' && values.postalAddress.trim() ? { postalAddress: values.postalAddress } : {}),
    ...(values.purpose.trim() ? { purpose: values.purpose } : {}),
    ...(isOrg ? { applicantName: values.applicantName } : {}),
  })

  if (!orgs.data) return <PageRoot><Loaded resource={orgs}>{() => null}</Loaded></PageRoot>

  return (
    <PageRoot className='disclosure-apply' consent='required'>
      <View className='bm-card'>
        <Field kind='picker' label='申请人类型' options={typeNames} index={typeIndex} onPick={(i) => { setTypeIndex(i); send.clear('applicantType') }} testId='field-applicantType' {...err('applicantType')} />
        {isOrg && <Field label='申请单位名称' value={values.applicantName} maxlength={100} placeholder='与营业执照或登记证书一致' onChange={set('applicantName')} testId='field-applicantName' {...err('applicantName')} />}
        <Field label={isOrg ? '统一社会信用代码' : '身份证号码'} value={values.applicantIdNumber} maxlength={30} type={isOrg ? 'text' : 'idcard'}
          placeholder={isOrg ? '或其他登记证书号码' : '18 位公民身份号码'} hint='用于核实申请人身份（条例第二十九条），加密保存。'
          onChange={set('applicantIdNumber')} testId='field-applicantIdNumber' {...err('applicantIdNumber')} />
        <Field kind='picker' label='向哪个机关申请' options={orgList.map((o) => o.name)} index={orgIndex} onPick={(i) => { setOrgIndex(i); send.clear('orgId') }} testId='field-orgId' {...err('orgId')} />
        <Field kind='textarea' label='所需信息的内容描述' value={values.description} maxlength={2000} placeholder='请写明信息的名称、文号或其他便于查找的特征' onChange={set('description')} testId='field-description' {...err('description')} />
        <Field label='用途（选填）' name='用途' value={values.purpose} maxlength={500} placeholder='例如：了解政策、学习研究' onChange={set('purpose')} testId='field-purpose' {...err('purpose')} />
        <Field kind='custom' label='获取信息的方式'>
          <Choices label='获取信息的方式' options={disclosureForms.map((f) => ({ value: f, label: disclosureFormLabels[f] }))} value={form}
            onChange={(f) => { setForm(f); send.clear('postalAddress') }} testId={(f) => `form-${f}`} />
        </Field>
        {form === 'PAPER' && (
          <Field label='邮寄地址' value={values.postalAddress} maxlength={200} placeholder='省市区、街道、门牌号，纸质答复寄到这里'
            onChange={set('postalAddress')} testId='field-postalAddress' {...err('postalAddress')} />
        )}
        <Field label='联系人' value={values.contactName} maxlength={30} placeholder='请输入姓名' onChange={set('contactName')} testId='field-contactName' {...err('contactName')} />
        <Field label='联系电话' type='number' value={values.contactPhone} maxlength={11} placeholder='11 位手机号码' onChange={set('contactPhone')}
          hint='仅用于联系您办理本申请，加密保存。' testId='field-contactPhone' {...err('contactPhone')} />
        <View className='bm-field'>
          <Check on={consent} onToggle={() => { setConsent((c) => !c); send.clear('consent') }} testId='field-consent'>我确认所填信息真实，同意街道使用上述联系方式办理和答复本申请。</Check>
          {send.errors.consent && <Text className='bm-field__error' data-testid='error-consent'>{send.errors.consent}</Text>}
        </View>
        <FormError error={send.error} testId='apply-error' />
        <Action kind='primary' block busy={send.busy} busyText='正在提交…' onClick={submit} testId='apply-submit'>提交申请</Action>
      </View>
    </PageRoot>
  )
}
