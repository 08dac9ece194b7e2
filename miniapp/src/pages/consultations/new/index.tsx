import { useMemo, useState } from 'react'
import { Button, Image, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { ApiError, createConsultationBody, maxConsultationImages, type ConsultationKind, type OrgNode, type UploadView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { alt, aria, labelled } from '@/components/a11y'
import { findStreet } from '@/utils/org'
import { chooseAndUploadImages, fileUrl } from '../parts/consultation.upload'
import '../parts/consultation.scss'
import './index.scss'
import { redirect } from '@/kit/nav'

const kinds: { kind: ConsultationKind; label: string; hint: string }[] = [
  { kind: 'CONSULT', label: '咨询', hint: '3 个工作日内答复' },
  { kind: 'COMPLAINT', label: '投诉', hint: '5 个工作日内答复' },
  { kind: 'SUGGESTION', label: '建议', hint: '10 个工作日内答复' },
]
const MAX_CONTENT = 2000

/** Org tree → picker rows, indented by level. */
function flatten (nodes: OrgNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((n) => [{ id: n.id, label: `${'　'.repeat(depth)}${n.name}` }, ...flatten(n.children, depth + 1)])
}

function Check ({ on, onToggle, children, testId }: { on: boolean; onToggle: () => void; children: string; testId: string }) {
  return (
    <View className={`cs-check${on ? ' cs-check--on' : ''}`} onClick={onToggle} data-testid={testId} {...aria('checkbox', { 'aria-checked': on })}>
      <Text className='cs-check__box'>{on ? '✓' : ''}</Text>
      <Text>{children}</Text>
    </View>
  )
}

export default function NewConsultationPage () {
  const [orgs, setOrgs] = useState<{ id: string; label: string }[]>([])
  const [orgIndex, setOrgIndex] = useState(0)
  const [kind, setKind] = useState<ConsultationKind>('CONSULT')
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [images, setImages] = useState<UploadView[]>([])
  const [allowPublish, setAllowPublish] = useState(false)
  const [contactConsent, setContactConsent] = useState(false)
  const [contactPhone, setContactPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [loadError, setLoadError] = useState('')
  const [busy, setBusy] = useState<'' | 'upload' | 'submit'>('')

  const loadOrgs = async () => {
    setLoadError('')
    try {
      const { items } = await api('listOrgs')
      const rows = flatten(items)
      setOrgs(rows)
      const street = findStreet(items)
      setOrgIndex(Math.max(0, rows.findIndex((r) => r.id === street?.id)))
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }
  useLoad(() => { void loadOrgs() })

  const org = orgs[orgIndex]
  const body = useMemo(() => ({
    kind, orgId: org?.id ?? '', title, content, imageIds: images.map((i) => i.id), allowPublish, contactConsent,
    ...(contactConsent && contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
  }), [kind, org, title, content, images, allowPublish, contactConsent, contactPhone])

  const addImages = async () => {
    setBusy('upload')
    try {
      const added = await chooseAndUploadImages(maxConsultationImages - images.length)
      setImages((prev) => [...prev, ...added].slice(0, maxConsultationImages))
      setErrors((e) => ({ ...e, imageIds: '' }))
    } catch (e) {
      setErrors((prev) => ({ ...prev, imageIds: errorMessage(e) }))
    } finally {
      setBusy('')
    }
  }

  const submit = async () => {
    setFormError('')
    const check = createConsultationBody.safeParse(body)
    if (!check.success) {
      const found: Record<string, string> = {}
      for (const i of check.error.issues) { const k = String(i.path[0] ?? ''); if (!found[k]) found[k] = i.message }
      setErrors(found)
      return
    }
    setErrors({})
    setBusy('submit')
    try {
      const created = await api('createConsultation', { body })
      void Taro.showToast({ title: '提交成功', icon: 'success' })
      redirect('consultationDetail', { id: created.id })
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors()).length) {
        setErrors(Object.fromEntries(Object.entries(e.fieldErrors()).map(([k, v]) => [k.replace(/^body\./, ''), v])))
      }
      setFormError(`提交未成功：${errorMessage(e)}`)
    } finally {
      setBusy('')
    }
  }

  /** Editing a field clears its message. */
  const edit = <T,>(k: string, set: (v: T) => void) => (v: T) => { set(v); if (errors[k]) setErrors((e) => ({ ...e, [k]: '' })) }
  const err = (k: string) => (errors[k] ? <Text className='cs-field__error' data-testid={`cs-error-${k}`}>{errors[k]}</Text> : null)

  if (loadError) return <PageRoot><PageState status='error' title={loadError} onRetry={() => void loadOrgs()} /></PageRoot>

  return (
    <PageRoot className='cs-new' consent='required'>
      <View className='bm-card'>
        <View className='cs-field'>
          <Text className='cs-field__label'>类型</Text>
          <View className='cs-chips'>
            {kinds.map((k) => (
              <Button key={k.kind} className={`bm-button cs-chip${kind === k.kind ? ' cs-chip--on' : ''}`} onClick={() => edit('kind', setKind)(k.kind)} data-testid={`cs-kind-${k.kind}`}>{k.label}</Button>
            ))}
          </View>
          <Text className='cs-field__hint'>{kinds.find((k) => k.kind === kind)?.hint}（法定节假日顺延）</Text>
          {err('kind')}
        </View>

        <View className='cs-field'>
          <Text className='cs-field__label'>受理单位</Text>
          <Picker mode='selector' range={orgs.map((o) => o.label.trim())} value={orgIndex} onChange={(e) => setOrgIndex(Number(e.detail.value))}>
            <View className='cs-field__input cs-new__picker' data-testid='cs-org' {...aria('button', { 'aria-label': `受理单位：${org ? org.label.trim() : '正在加载'}，点击更改` })}>{org ? org.label.trim() : '正在加载…'} ›</View>
          </Picker>
          {err('orgId')}
        </View>

        <View className='cs-field'>
          <Text className='cs-field__label'>标题</Text>
          <Input className='cs-field__input' {...labelled('标题')} value={title} maxlength={50} placeholder='一句话说明您的问题' onInput={(e) => edit('title', setTitle)(e.detail.value)} data-testid='cs-title' />
          {err('title')}
        </View>

        <View className='cs-field'>
          <Text className='cs-field__label'>内容</Text>
          <Textarea className='cs-field__textarea' {...labelled('内容')} value={content} maxlength={MAX_CONTENT} placeholder='请写明事情经过、地点和您的诉求' onInput={(e) => edit('content', setContent)(e.detail.value)} data-testid='cs-content' />
          <Text className='cs-field__hint' data-testid='cs-counter'>{`${content.length}/${MAX_CONTENT}`}</Text>
          {err('content')}
        </View>

        <View className='cs-field'>
          <Text className='cs-field__label'>{`图片（选填，最多 ${maxConsultationImages} 张，每张不超过 5 MB）`}</Text>
          <View className='cs-images'>
            {images.map((img) => (
              <View key={img.id} className='cs-new__thumb'>
                <Image className='cs-images__item' src={fileUrl(img.url)} mode='aspectFill' {...alt('已添加的图片')} />
                <Text className='cs-new__remove' onClick={() => setImages((prev) => prev.filter((i) => i.id !== img.id))} {...aria('button', { 'aria-label': '删除这张图片' })}>×</Text>
              </View>
            ))}
            {images.length < maxConsultationImages && (
              <View className='cs-images__item cs-new__add' onClick={() => void addImages()} data-testid='cs-add-image' {...aria('button', { 'aria-label': '添加图片' })}>
                <Text>{busy === 'upload' ? '上传中…' : '＋ 添加'}</Text>
              </View>
            )}
          </View>
          {err('imageIds')}
        </View>

        <View className='cs-field'>
          <Check on={contactConsent} onToggle={() => edit('contactPhone', setContactConsent)(!contactConsent)} testId='cs-contact'>同意工作人员通过电话联系我</Check>
          {contactConsent && (
            <View className='cs-field'>
              <Text className='cs-field__label'>联系电话</Text>
              <Input className='cs-field__input' type='number' {...labelled('联系电话')} value={contactPhone} maxlength={11} placeholder='工作人员联系您的手机号' onInput={(e) => edit('contactPhone', setContactPhone)(e.detail.value)} data-testid='cs-contact-phone' />
              <Text className='cs-field__hint'>只用于办理本件时联系您，加密保存，注销账号时一并删除。</Text>
              {err('contactPhone')}
            </View>
          )}
          <Check on={allowPublish} onToggle={() => setAllowPublish((v) => !v)} testId='cs-allow-publish'>同意将问题和答复隐去个人信息后公开，供其他居民参考</Check>
        </View>
      </View>

      {formError && <View className='cs-new__form-error'><Text className='cs-field__error' {...aria('alert')} data-testid='cs-form-error'>{formError}</Text></View>}
      <View className='cs-actions'>
        <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={Boolean(busy)} onClick={() => void submit()} data-testid='cs-submit'>
          {busy === 'submit' ? '正在提交…' : '提交'}
        </Button>
      </View>
    </PageRoot>
  )
}
