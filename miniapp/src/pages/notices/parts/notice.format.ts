// Formatting shared by the resident and staff notice pages.
import type { z } from 'zod'
import type { noticeListItem, noticeView, staffNoticeListItem, staffNoticeView } from '@bianmin/shared'

export type NoticeItem = z.infer<typeof noticeListItem>
export type Notice = z.infer<typeof noticeView>
export type StaffNoticeItem = z.infer<typeof staffNoticeListItem>
export type StaffNotice = z.infer<typeof staffNoticeView>

/** YYYY-MM-DD of an ISO time with the +08:00 offset the API answers. */
export const dateText = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')
export const dateTimeText = (iso: string | null | undefined): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '')

export const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Editor's plain text → body HTML: one paragraph per non-empty line (the server sanitises it again). */
export const textToHtml = (text: string): string =>
  text.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join('')

/** Body HTML → plain text for the editor, one paragraph per line. */
export function htmlToText (html: string): string {
  return html
    .replace(/<(br|hr)\b[^>]*>|<\/(p|div|li|h[1-6]|tr|blockquote|dd|dt)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((l) => l.trim()).filter(Boolean).join('\n')
}

/**
 * Whether a summary only repeats the start of the body (the automatic excerpt, or a short body in full): shown right
 * above the body it adds nothing.
 */
export function repeatsBody (summary: string, bodyHtml: string): boolean {
  const squash = (x: string) => x.replace(/\s+/g, '')
  const s = squash(summary.replace(/…$/, ''))
  return !s || squash(htmlToText(bodyHtml)).startsWith(s)
}

/** Whether a body has formatting the plain-text editor would lose (tables, lists, headings, links, images). */
export const hasRichFormatting = (html: string): boolean => /<(table|ul|ol|h[1-6]|a|img|blockquote)\b/i.test(html)
