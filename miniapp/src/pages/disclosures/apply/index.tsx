import { useCallback, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import {
  contract, disclosureApplicantTypeLabels, disclosureApplicantTypes, disclosureFormLabels, disclosureForms, type OrgNode,
} from '@bianmin/shared'
import { api, ApiError, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { aria, labelled } from '@/components/a11y'
import { findStreet } from '@/utils/org'
import '@/components/disclosure.scss'
import { redirect } from '@/kit/nav'

type Field = 'applicantType' | 'applicantName' | 'orgId' | 'description' | 'purpose' | 'form' | 'contactName' | 'contactPhone' | 'consent'
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

export default function DisclosureApplyPage () {
  const [orgs, setOrgs] = useState<OrgOption[]>([])
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState('')
  const [typeIndex, setTypeIndex] = useState(0)
  const [orgIndex, setOrgIndex] = useState(0)
  const [values, setValues] = useState({ applicantName: '', description: '', purpose: '', contactName: '', contactPhone: '' })
  const [form, setForm] = useState<(typeof disclosureForms)[number]>('ELECTRONIC')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)

  const loadOrgs = useCallback(async () => {
    setLoading(true)
    setLoadError('')
    try {
      const { items } = await api('listOrgs')
      const list = flatten(items)
      setOrgs(list)
      const street = findStreet(items)
      setOrgIndex(Math.max(0, list.findIndex((o) => o.id === street?.id)))
    } catch (e) {
      setLoadError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useLoad(() => { void loadOrgs() })

  const applicantType = disclosureApplicantTypes[typeIndex] ?? 'NATURAL_PERSON'
  const isOrg = applicantType !== 'NATURAL_PERSON'
  const clear = (f: Field) => setErrors((errs) => (errs[f] ? { ...errs, [f]: undefined } : errs))
  const set = (k: keyof typeof values) => (e: { detail: { value: string } }) => { setValues((v) => ({ ...v, [k]: e.detail.value })); clear(k) }

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const body = {
      applicantType, orgId: orgs[orgIndex]?.id ?? '', form,
      description: values.description, contactName: values.contactName, contactPhone: values.contactPhone,
      ...(values.purpose.trim() ? { purpose: values.purpose } : {}),
      ...(isOrg ? { applicantName: values.applicantName } : {}),
    }
    const errs: Partial<Record<Field, string>> = {}
    const parsed = contract.createDisclosure.body.safeParse(body)
    if (!parsed.success) for (const i of parsed.error.issues) errs[i.path[0] as Field] ??= i.message
    if (isOrg && !values.applicantName.trim()) errs.applicantName = '请填写申请单位名称'
    if (!consent) errs.consent = '请确认并同意后再提交'
    setErrors(errs)
    if (!parsed.success || Object.keys(errs).length) return
    setSubmitting(true)
    try {
      const d = await api('createDisclosure', { body: parsed.data })
      void Taro.showToast({ title: '申请已提交', icon: 'success' })
      redirect('disclosureDetail', { id: d.id })
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {}
      if (Object.keys(fields).length) setErrors(fields as Partial<Record<Field, string>>)
      setFormError(errorMessage(e))
    } finally {
      setSubmitting(false)
    }
  }

  const error = (f: Field) => errors[f] && <Text className='dsc-field__error' data-testid={`error-${f}`}>{errors[f]}</Text>

  if (loading) return <PageRoot><PageState status='loading' /></PageRoot>
  if (loadError) return <PageRoot><PageState status='error' title={loadError} onRetry={() => void loadOrgs()} /></PageRoot>

  return (
    <PageRoot className='disclosure-apply' consent='required'>
      <View className='bm-card'>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>申请人类型</Text>
          <Picker mode='selector' range={typeNames} value={typeIndex} onChange={(e) => { setTypeIndex(Number(e.detail.value)); clear('applicantType') }}>
            <View className='dsc-field__picker' data-testid='field-applicantType' {...aria('button', { 'aria-label': `申请人类型：${typeNames[typeIndex]}，点击更改` })}>{typeNames[typeIndex]}</View>
          </Picker>
          {error('applicantType')}
        </View>
        {isOrg && (
          <View className='dsc-field'>
            <Text className='dsc-field__label'>申请单位名称</Text>
            <Input className='dsc-field__input' {...labelled('申请单位名称')} value={values.applicantName} maxlength={100} placeholder='与营业执照或登记证书一致' onInput={set('applicantName')} data-testid='field-applicantName' />
            {error('applicantName')}
          </View>
        )}
        <View className='dsc-field'>
          <Text className='dsc-field__label'>向哪个机关申请</Text>
          <Picker mode='selector' range={orgs.map((o) => o.name)} value={orgIndex} onChange={(e) => { setOrgIndex(Number(e.detail.value)); clear('orgId') }}>
            <View className='dsc-field__picker' data-testid='field-orgId' {...aria('button', { 'aria-label': `向哪个机关申请：${orgs[orgIndex]?.name.trim() ?? '请选择'}，点击更改` })}>{orgs[orgIndex]?.name.trim() ?? '请选择'}</View>
          </Picker>
          {error('orgId')}
        </View>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>所需信息的内容描述</Text>
          <Textarea className='dsc-field__textarea' {...labelled('所需信息的内容描述')} value={values.description} maxlength={2000} placeholder='请写明信息的名称、文号或其他便于查找的特征' onInput={set('description')} data-testid='field-description' />
          {error('description')}
        </View>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>用途（选填）</Text>
          <Input className='dsc-field__input' {...labelled('用途')} value={values.purpose} maxlength={500} placeholder='例如：了解政策、学习研究' onInput={set('purpose')} data-testid='field-purpose' />
          {error('purpose')}
        </View>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>获取信息的方式</Text>
          <View className='dsc-options' {...aria('radiogroup', { 'aria-label': '获取信息的方式' })}>
            {disclosureForms.map((f) => (
              <View key={f} className={`dsc-option${form === f ? ' dsc-option--on' : ''}`} onClick={() => setForm(f)} data-testid={`form-${f}`} {...aria('radio', { 'aria-checked': form === f })}>
                {disclosureFormLabels[f]}
              </View>
            ))}
          </View>
        </View>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>联系人</Text>
          <Input className='dsc-field__input' {...labelled('联系人')} value={values.contactName} maxlength={30} placeholder='请输入姓名' onInput={set('contactName')} data-testid='field-contactName' />
          {error('contactName')}
        </View>
        <View className='dsc-field'>
          <Text className='dsc-field__label'>联系电话</Text>
          <Input className='dsc-field__input' {...labelled('联系电话')} type='number' value={values.contactPhone} maxlength={11} placeholder='11 位手机号码' onInput={set('contactPhone')} data-testid='field-contactPhone' />
          <Text className='dsc-field__hint'>仅用于联系您办理本申请，加密保存。</Text>
          {error('contactPhone')}
        </View>
        <View className='dsc-consent' onClick={() => { setConsent((c) => !c); clear('consent') }} data-testid='field-consent' {...aria('checkbox', { 'aria-checked': consent })}>
          <View className={`dsc-consent__box${consent ? ' dsc-consent__box--on' : ''}`}>{consent ? '✓' : ''}</View>
          <Text>我确认所填信息真实，同意街道使用上述联系方式办理和答复本申请。</Text>
        </View>
        {error('consent')}
        {formError && <Text className='dsc-error' {...aria('alert')} data-testid='apply-error'>{formError}</Text>}
        <Button className={`bm-button bm-button--primary bm-button--block${submitting ? ' bm-button--disabled' : ''}`} disabled={submitting} onClick={() => void submit()} data-testid='apply-submit'>
          {submitting ? '正在提交…' : '提交申请'}
        </Button>
      </View>
    </PageRoot>
  )
}
