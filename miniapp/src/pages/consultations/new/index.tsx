import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createConsultationBody, maxConsultationImages, type ConsultationKind, type OrgNode, type UploadView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { Action, Actions, Check, Chips, Field, FormError, Loaded, PageRoot, alt, aria, redirect, useResource, useSubmit } from '@/kit'
import { findStreet } from '@/utils/org'
import { chooseAndUploadImages, fileUrl } from '../parts/consultation.upload'
import '../parts/consultation.scss'
import './index.scss'

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

export default function NewConsultationPage () {
  const orgs = useResource(async () => {
    const { items } = await api('listOrgs')
    const rows = flatten(items)
    const street = findStreet(items)
    setOrgIndex(Math.max(0, rows.findIndex((r) => r.id === street?.id)))
    return rows
  }, [], { on: 'mount' })
  const [orgIndex, setOrgIndex] = useState(0)
  const [kind, setKind] = useState<ConsultationKind>('CONSULT')
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [images, setImages] = useState<UploadView[]>([])
  const [allowPublish, setAllowPublish] = useState(false)
  const [contactConsent, setContactConsent] = useState(false)
  const [uploading, setUploading] = useState(false)
  const send = useSubmit((body: typeof createConsultationBody._input) => api('createConsultation', { body }), {
    schema: createConsultationBody,
    errorPrefix: '提交未成功：',
    onSuccess: (created) => {
      void Taro.showToast({ title: '提交成功', icon: 'success' })
      redirect('consultationDetail', { id: created.id })
    },
  })

  const org = orgs.data?.[orgIndex]
  const body = { kind, orgId: org?.id ?? '', title, content, imageIds: images.map((i) => i.id), allowPublish, contactConsent }

  const addImages = async () => {
    setUploading(true)
    try {
      const added = await chooseAndUploadImages(maxConsultationImages - images.length)
      setImages((prev) => [...prev, ...added].slice(0, maxConsultationImages))
      send.clear('imageIds')
    } catch (e) {
      send.setErrors({ ...send.errors, imageIds: errorMessage(e) })
    } finally {
      setUploading(false)
    }
  }

  /** Editing a field clears its message. */
  const edit = <T,>(k: string, set: (v: T) => void) => (v: T) => { set(v); send.clear(k) }
  const err = (k: string) => ({ error: send.errors[k], errorTestId: `cs-error-${k}` })
  const busy = uploading || send.busy

  if (orgs.error) return <PageRoot><Loaded resource={orgs}>{() => null}</Loaded></PageRoot>

  return (
    <PageRoot className='cs-new' consent='required'>
      <View className='bm-card'>
        <Field kind='custom' label='类型' hint={`${kinds.find((k) => k.kind === kind)?.hint ?? ''}（法定节假日顺延）`} {...err('kind')}>
          <Chips options={kinds.map((k) => ({ key: k.kind, label: k.label }))} value={kind} onChange={edit('kind', setKind)} testId={(k) => `cs-kind-${k}`} />
        </Field>
        <Field kind='picker' label='受理单位' options={(orgs.data ?? []).map((o) => o.label.trim())} index={orgIndex} placeholder='正在加载…'
          onPick={setOrgIndex} testId='cs-org' {...err('orgId')} />
        <Field label='标题' value={title} maxlength={50} placeholder='一句话说明您的问题' onChange={edit('title', setTitle)} testId='cs-title' {...err('title')} />
        <Field kind='textarea' label='内容' value={content} maxlength={MAX_CONTENT} placeholder='请写明事情经过、地点和您的诉求' onChange={edit('content', setContent)}
          counter counterTestId='cs-counter' testId='cs-content' {...err('content')} />
        <Field kind='custom' label={`图片（选填，最多 ${maxConsultationImages} 张，每张不超过 5 MB）`} {...err('imageIds')}>
          <View className='cs-images'>
            {images.map((img) => (
              <View key={img.id} className='cs-new__thumb'>
                <Image className='cs-images__item' src={fileUrl(img.url)} mode='aspectFill' {...alt('已添加的图片')} />
                <Text className='cs-new__remove' onClick={() => setImages((prev) => prev.filter((i) => i.id !== img.id))} {...aria('button', { 'aria-label': '删除这张图片' })}>×</Text>
              </View>
            ))}
            {images.length < maxConsultationImages && (
              <View className='cs-images__item cs-new__add' onClick={() => void addImages()} data-testid='cs-add-image' {...aria('button', { 'aria-label': '添加图片' })}>
                <Text>{uploading ? '上传中…' : '＋ 添加'}</Text>
              </View>
            )}
          </View>
        </Field>
        <View className='bm-field'>
          <Check on={contactConsent} onToggle={() => setContactConsent((v) => !v)} testId='cs-contact'>同意工作人员通过我留存的手机号联系我</Check>
          <Check on={allowPublish} onToggle={() => setAllowPublish((v) => !v)} testId='cs-allow-publish'>同意将问题和答复隐去个人信息后公开，供其他居民参考</Check>
        </View>
      </View>

      <View className='cs-new__form-error'><FormError error={send.error} testId='cs-form-error' /></View>
      <Actions>
        <Action kind='primary' busy={busy} busyText={send.busy ? '正在提交…' : undefined} onClick={() => void send.run(body)} testId='cs-submit'>提交</Action>
      </Actions>
    </PageRoot>
  )
}
