// The notice form: plain paragraphs (one per line) or HTML with tables kept, attachments (upload, list, remove),
// a preview exactly as residents will see it (the server's sanitised HTML), optional schedule and 三同步 link.
import { useState } from 'react'
import { Picker, RichText, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { noticeAttachmentRules, noticeCategories, type NoticeCategory } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { aria } from '@/components/a11y'
import { Action, Actions, Check, Field, FormError, Section, redirect, useSubmit } from '@/kit'
import { htmlToText, sizeText, textToHtml } from '@/pages/notices/parts/notice.format'
import { chooseAndUploadDocument } from '../../disclosures/detail/upload'
import '@/pages/notices/parts/notice.scss'

export interface Draft { title: string; category: NoticeCategory; summary: string; text: string; pinned: boolean; date: string; time: string; relatedNoticeId: string | null }
export interface FileItem { id: string; name: string; size: number }
export interface Loaded { id?: string; draft: Draft; rich: boolean; files: FileItem[]; version?: number; originalAt: string | null; docs: { id: string; title: string }[] }
const TABLE = '<table><thead><tr><th>项目</th><th>标准</th></tr></thead><tbody><tr><td></td><td></td></tr></tbody></table>'

export function NoticeForm ({ initial }: { initial: Loaded }) {
  const { id, docs } = initial
  const [d, setD] = useState<Draft>(initial.draft)
  const [rich, setRich] = useState(initial.rich)
  const [files, setFiles] = useState<FileItem[]>(initial.files)
  const [preview, setPreview] = useState<string | null>(null)
  const set = (patch: Partial<Draft>) => { setD((x) => ({ ...x, ...patch })); for (const k of Object.keys(patch)) save.clear(k === 'text' ? 'body' : k) }
  const bodyHtml = () => (rich ? d.text : (textToHtml(d.text) || d.text))

  const save = useSubmit(async (submit: boolean) => {
    const publishAt = d.date ? `${d.date}T${d.time}:00+08:00` : null
    const body = {
      title: d.title, category: d.category, summary: d.summary, body: bodyHtml(), pinned: d.pinned, attachments: files.map((f) => f.id),
      // An unchanged schedule is not sent again (it may have passed; the server refuses past times).
      ...(id && publishAt === initial.originalAt ? {} : { publishAt }), relatedNoticeId: d.category === '政策解读' ? d.relatedNoticeId : null,
    }
    const saved = id ? await staffApi('updateNotice', { params: { id }, body: { ...body, version: initial.version } }) : await staffApi('createNotice', { body })
    if (submit) await staffApi('submitNotice', { params: { id: saved.id } })
    return saved
  }, {
    onSuccess: (saved, submit) => { void Taro.showToast({ title: submit ? '已提交审核' : '已保存', icon: 'success' }); redirect('staffNoticeDetail', { id: saved.id }) },
  })
  const show = useSubmit(() => staffApi('previewNotice', { body: { body: bodyHtml() } }), { onSuccess: (p) => setPreview(p.body) })
  const upload = useSubmit(() => chooseAndUploadDocument(), { onSuccess: (u) => { if (u) setFiles((f) => [...f, { id: u.id, name: u.name ?? '附件', size: u.size }]) } })
  const edited = (text: string) => { set({ text }); setPreview(null) }
  const docIndex = docs.findIndex((f) => f.id === d.relatedNoticeId)

  return (
    <>
      <Section>
        <Field label='标题' value={d.title} maxlength={100} onChange={(v) => set({ title: v })} error={save.errors.title} testId='notice-form-title' errorTestId='notice-form-title-error' />
        <Field kind='picker' label='栏目' options={[...noticeCategories]} index={Math.max(0, noticeCategories.indexOf(d.category))}
          onPick={(i) => set({ category: noticeCategories[i] ?? d.category })} error={save.errors.category} testId='notice-form-category' />
        {d.category === '政策解读' && (
          <Field kind='picker' label='解读的政策文件（三同步：与文件一并审核发布）' name='解读的政策文件' options={['（不关联）', ...docs.map((f) => f.title)]} index={docIndex + 1}
            onPick={(i) => set({ relatedNoticeId: docs[i - 1]?.id ?? null })} error={save.errors.relatedNoticeId} />
        )}
        <Field label='摘要（可不填，自动取正文开头）' name='摘要' value={d.summary} maxlength={200} onChange={(v) => set({ summary: v })} error={save.errors.summary} />
        <Field kind='textarea' label={rich ? '正文（HTML：可含表格、列表；保存时去除脚本等不安全内容）' : '正文（每行一段）'} name='正文' value={d.text} maxlength={100000}
          onChange={edited} error={save.errors.body || show.errors.body} testId='notice-form-body' />
        <Actions>
          <Action onClick={() => { set({ text: rich ? htmlToText(d.text) : textToHtml(d.text) }); setRich(!rich); setPreview(null) }} testId='notice-form-mode'>
            {rich ? '改为纯文本段落（会去掉表格等格式）' : '改为 HTML（可加表格）'}
          </Action>
          {rich && <Action onClick={() => edited(`${d.text}${TABLE}`)} testId='notice-form-table'>插入表格</Action>}
          <Action busy={show.busy} onClick={() => void show.run(undefined)} testId='notice-form-preview'>预览</Action>
        </Actions>
        <FormError error={show.errors.body ? '' : show.error} />
      </Section>

      {preview !== null && (
        <Section title='预览（群众看到的样子）' testId='notice-preview'>
          <Text className='nt-detail__title'>{d.title || '（未填写标题）'}</Text>
          <RichText className='nt-detail__body' nodes={preview} data-testid='notice-preview-body' />
          {files.length > 0 && <Text className='staff-case__line'>{`附件 ${files.length} 个：${files.map((f) => f.name).join('、')}`}</Text>}
        </Section>
      )}

      <Section title={`附件（最多 ${noticeAttachmentRules.maxCount} 个，PDF、Word、Excel 或图片，每个不超过 20 MB）`} testId='notice-files'>
        {files.map((f) => (
          <View key={f.id} className='staff-tags' data-testid='notice-file'>
            <Text className='staff-tags__text'>{`${f.name}（${sizeText(f.size)}）`}</Text>
            <Text className='staff-link' {...aria('button', { 'aria-label': `删除附件 ${f.name}` })} onClick={() => setFiles((x) => x.filter((y) => y.id !== f.id))} data-testid='notice-file-remove'>删除</Text>
          </View>
        ))}
        {files.length < noticeAttachmentRules.maxCount && <Action busy={upload.busy} busyText='正在上传…' onClick={() => void upload.run(undefined)} testId='notice-file-add'>添加附件</Action>}
        <FormError error={upload.error || save.errors.attachments} />
      </Section>

      <Section title='发布设置'>
        <Check on={d.pinned} onToggle={() => set({ pinned: !d.pinned })} testId='notice-form-pinned'>置顶</Check>
        <Field kind='date' label='定时发布日期（可不填：审核通过即发布）' name='定时发布日期' value={d.date} onChange={(v) => set({ date: v })} placeholder='不定时' error={save.errors.publishAt} />
        {d.date && (
          <Field kind='custom' label='定时发布时间'>
            <View className='staff-tags'>
              <Picker mode='time' value={d.time} onChange={(e) => set({ time: e.detail.value })}>
                <View className='bm-field__input bm-field__picker' {...aria('button', { 'aria-label': `定时发布时间：${d.time}，点击更改` })}>{d.time}</View>
              </Picker>
              <Text className='staff-link' {...aria('button')} onClick={() => set({ date: '' })}>清除定时</Text>
            </View>
          </Field>
        )}
      </Section>

      <Section>
        <FormError error={save.error} testId='notice-form-error' />
        <Actions column>
          <Action kind='primary' block busy={save.busy} onClick={() => void save.run(true)} testId='notice-form-submit'>保存并提交审核</Action>
          <Action block busy={save.busy} onClick={() => void save.run(false)} testId='notice-form-save'>保存草稿</Action>
        </Actions>
      </Section>
    </>
  )
}
