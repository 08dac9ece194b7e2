import { useCallback, useState, type ReactNode } from 'react'
import { Button, Input, Picker, RichText, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { noticeAttachmentRules, noticeCategories, type NoticeCategory } from '@bianmin/shared'
import { ApiError, errorMessage, staffApi } from '@/api/client'
import { requireStaff } from '../../shell/session'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { hasRichFormatting, htmlToText, sizeText, textToHtml } from '@/pages/notices/parts/notice.format'
import { aria } from '@/components/a11y'
import { chooseAndUploadDocument } from '../../disclosures/detail/upload'
import { staffNoticeUrl } from '../staff-notice-list'
import '@/pages/notices/parts/notice.scss'

interface Draft { title: string; category: NoticeCategory; summary: string; text: string; pinned: boolean; date: string; time: string; relatedNoticeId: string | null }
interface FileItem { id: string; name: string; size: number }
const TABLE = '<table><thead><tr><th>项目</th><th>标准</th></tr></thead><tbody><tr><td></td><td></td></tr></tbody></table>'
const empty: Draft = { title: '', category: '通知公告', summary: '', text: '', pinned: false, date: '', time: '09:00', relatedNoticeId: null }

/** New notice or edit of a draft / rejected one: plain paragraphs (one per line) or HTML with tables kept, attachments,
 * a preview exactly as residents will see it, optional schedule and 三同步 link. */
export default function StaffNoticeEditPage () {
  const { params } = useRouter()
  const id = params.id
  const [d, setD] = useState<Draft>(empty)
  const [version, setVersion] = useState<number | undefined>()
  const [originalAt, setOriginalAt] = useState<string | null>(null)
  // HTML mode keeps tables and other formatting (the server sanitises; 预览 shows the result).
  const [rich, setRich] = useState(false)
  const [files, setFiles] = useState<FileItem[]>([])
  const [uploading, setUploading] = useState(false)
  const [preview, setPreview] = useState<string | null>(null)
  const [docs, setDocs] = useState<{ id: string; title: string }[]>([])
  const [loading, setLoading] = useState(Boolean(id))
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoadError('')
    try {
      const files = await staffApi('listStaffNotices', { query: { category: '政策文件', limit: 50 } })
      setDocs(files.items.filter((f) => f.status !== 'WITHDRAWN' && f.id !== id).map((f) => ({ id: f.id, title: f.title })))
      if (!id) return
      setLoading(true)
      const n = await staffApi('getStaffNotice', { params: { id } })
      setD({
        title: n.title, category: n.category, summary: n.summary, text: hasRichFormatting(n.body) ? n.body : htmlToText(n.body), pinned: n.pinned,
        date: n.publishAt?.slice(0, 10) ?? '', time: n.publishAt?.slice(11, 16) ?? '09:00', relatedNoticeId: n.relatedNoticeId,
      })
      setVersion(n.version)
      setOriginalAt(n.publishAt ? `${n.publishAt.slice(0, 16)}:00+08:00` : null)
      setRich(hasRichFormatting(n.body))
      setFiles(n.attachments.map((a) => ({ id: a.id, name: a.name, size: a.size })))
    } catch (e) {
      setLoadError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [id])

  useLoad(() => { void load() })

  const save = async (submit: boolean) => {
    setBusy(true)
    setErrors({})
    setFormError('')
    try {
      const publishAt = d.date ? `${d.date}T${d.time}:00+08:00` : null
      const body = {
        title: d.title, category: d.category, summary: d.summary, body: bodyHtml(), pinned: d.pinned, attachments: files.map((f) => f.id),
        // An unchanged schedule is not sent again (it may have passed; the server refuses past times).
        ...(id && publishAt === originalAt ? {} : { publishAt }), relatedNoticeId: d.category === '政策解读' ? d.relatedNoticeId : null,
      }
      const saved = id ? await staffApi('updateNotice', { params: { id }, body: { ...body, version } }) : await staffApi('createNotice', { body })
      if (submit) await staffApi('submitNotice', { params: { id: saved.id } })
      void Taro.showToast({ title: submit ? '已提交审核' : '已保存', icon: 'success' })
      void Taro.redirectTo({ url: staffNoticeUrl(saved.id) })
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.fieldErrors()
        setErrors(fields)
        if (!Object.keys(fields).length) setFormError(e.message)
      } else setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  function bodyHtml () { return rich ? d.text : (textToHtml(d.text) || d.text) }
  const addFile = async () => {
    setUploading(true)
    setErrors((e) => ({ ...e, attachments: '' }))
    try {
      const u = await chooseAndUploadDocument()
      if (u) setFiles((f) => [...f, { id: u.id, name: u.name ?? '附件', size: u.size }])
    } catch (e) {
      setErrors((x) => ({ ...x, attachments: errorMessage(e) }))
    } finally {
      setUploading(false)
    }
  }
  const showPreview = async () => {
    setErrors({})
    setFormError('')
    try {
      setPreview((await staffApi('previewNotice', { body: { body: bodyHtml() } })).body)
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors()).length) setErrors(e.fieldErrors())
      else setFormError(errorMessage(e))
    }
  }

  const catIndex = Math.max(0, noticeCategories.indexOf(d.category))
  const docIndex = docs.findIndex((f) => f.id === d.relatedNoticeId)
  const field = (label: string, key: string, child: ReactNode) => (
    <View className='nt-field'>
      <Text className='nt-field__label'>{label}</Text>
      {child}
      {errors[key] && <Text className='nt-field__error'>{errors[key]}</Text>}
    </View>
  )

  if (loading) return <PageRoot className='nt-page'><PageState status='loading' /></PageRoot>
  if (loadError) return <PageRoot className='nt-page'><PageState status='error' title={loadError} onRetry={() => void load()} /></PageRoot>
  return (
    <PageRoot className='nt-page'>
      <View className='bm-card'>
        {field('标题', 'title', <Input className='nt-field__input' value={d.title} maxlength={100} onInput={(e) => setD({ ...d, title: e.detail.value })} data-testid='notice-form-title' />)}
        {field('栏目', 'category', (
          <Picker mode='selector' range={[...noticeCategories]} value={catIndex} onChange={(e) => setD({ ...d, category: noticeCategories[Number(e.detail.value)] ?? d.category })}>
            <View className='nt-field__input nt-field__picker' data-testid='notice-form-category'>{d.category} ▾</View>
          </Picker>
        ))}
        {d.category === '政策解读' && field('解读的政策文件（三同步：与文件一并审核发布）', 'relatedNoticeId', (
          <Picker mode='selector' range={['（不关联）', ...docs.map((f) => f.title)]} value={docIndex + 1} onChange={(e) => setD({ ...d, relatedNoticeId: docs[Number(e.detail.value) - 1]?.id ?? null })}>
            <View className='nt-field__input nt-field__picker'>{docs[docIndex]?.title ?? '（不关联）'} ▾</View>
          </Picker>
        ))}
        {field('摘要（可不填，自动取正文开头）', 'summary', <Input className='nt-field__input' value={d.summary} maxlength={200} onInput={(e) => setD({ ...d, summary: e.detail.value })} />)}
        {field(rich ? '正文（HTML：可含表格、列表；保存时去除脚本等不安全内容）' : '正文（每行一段）', 'body', (
          <Textarea className='nt-field__textarea' value={d.text} maxlength={100000} autoHeight onInput={(e) => { setD({ ...d, text: e.detail.value }); setPreview(null) }} data-testid='notice-form-body' />
        ))}
        <View className='nt-field__row'>
          <Button className='bm-button' onClick={() => { setD({ ...d, text: rich ? htmlToText(d.text) : textToHtml(d.text) }); setRich(!rich); setPreview(null) }} data-testid='notice-form-mode'>
            {rich ? '改为纯文本段落（会去掉表格等格式）' : '改为 HTML（可加表格）'}
          </Button>
          {rich && <Button className='bm-button' onClick={() => { setD({ ...d, text: `${d.text}${TABLE}` }); setPreview(null) }} data-testid='notice-form-table'>插入表格</Button>}
          <Button className='bm-button' onClick={() => void showPreview()} data-testid='notice-form-preview'>预览</Button>
        </View>
        {preview !== null && (
          <View className='nt-detail' data-testid='notice-preview'>
            <Text className='nt-field__label'>预览（群众看到的样子）</Text>
            <Text className='nt-detail__title'>{d.title || '（未填写标题）'}</Text>
            <RichText className='nt-detail__body' nodes={preview} data-testid='notice-preview-body' />
            {files.length > 0 && <Text className='nt-field__label'>{`附件 ${files.length} 个：${files.map((f) => f.name).join('、')}`}</Text>}
          </View>
        )}
        {field(`附件（最多 ${noticeAttachmentRules.maxCount} 个，PDF、Word、Excel 或图片，每个不超过 20 MB）`, 'attachments', (
          <View data-testid='notice-files'>
            {files.map((f) => (
              <View key={f.id} className='nt-field__row' data-testid='notice-file'>
                <Text>{`${f.name}（${sizeText(f.size)}）`}</Text>
                <Text className='nt-home__more' {...aria('button', { 'aria-label': `删除附件 ${f.name}` })} onClick={() => setFiles((x) => x.filter((y) => y.id !== f.id))} data-testid='notice-file-remove'>删除</Text>
              </View>
            ))}
            {files.length < noticeAttachmentRules.maxCount && (
              <Button className={`bm-button${uploading ? ' bm-button--disabled' : ''}`} disabled={uploading} onClick={() => void addFile()} data-testid='notice-file-add'>{uploading ? '正在上传…' : '添加附件'}</Button>
            )}
          </View>
        ))}
        {field('置顶', 'pinned', <Switch checked={d.pinned} onChange={(e) => setD({ ...d, pinned: e.detail.value })} />)}
        {field('定时发布（可不填：审核通过即发布）', 'publishAt', (
          <View className='nt-field__row'>
            <Picker mode='date' value={d.date} onChange={(e) => setD({ ...d, date: e.detail.value })}>
              <View className='nt-field__input nt-field__picker'>{d.date || '选择日期'}</View>
            </Picker>
            <Picker mode='time' value={d.time} onChange={(e) => setD({ ...d, time: e.detail.value })}>
              <View className='nt-field__input nt-field__picker'>{d.time}</View>
            </Picker>
            {d.date && <Text className='nt-home__more' onClick={() => setD({ ...d, date: '' })}>清除</Text>}
          </View>
        ))}
      </View>
      <View className='nt-actions'>
        {formError && <Text className='nt-detail__warn' data-testid='notice-form-error'>{formError}</Text>}
        <Button className={`bm-button bm-button--primary bm-button--block${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void save(true)} data-testid='notice-form-submit'>保存并提交审核</Button>
        <Button className={`bm-button bm-button--block${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void save(false)} data-testid='notice-form-save'>保存草稿</Button>
      </View>
    </PageRoot>
  )
}
