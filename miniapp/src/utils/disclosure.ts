// 依申请公开: shapes and small formatting helpers used by the resident pages and the staff sub-package.
import Taro from '@tarojs/taro'
import type { Contract, ResponseOf } from '@bianmin/shared'
import { disclosureCategoryNames, type DisclosureOutcomeCategory } from '@bianmin/shared'
import { API_BASE } from '@/api/transport'

export type DisclosureSummary = ResponseOf<Contract['listMyDisclosures']>['items'][number]
export type DisclosureView = ResponseOf<Contract['getDisclosure']>

/** 2026-10-30T23:59:59.999+08:00 → 2026-10-30 (times are answered in Asia/Shanghai). */
export const dateOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')
/** 2026-10-14T20:00:00+08:00 → 2026-10-14 20:00 */
export const dateTimeOf = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

/** "予以公开" or "不予公开 · 4.保护第三方合法权益" */
export function outcomeText (d: { outcomeCategory: DisclosureOutcomeCategory | null; outcomeLabel: string | null }): string {
  if (!d.outcomeCategory || !d.outcomeLabel) return ''
  const name = disclosureCategoryNames[d.outcomeCategory]
  return name === d.outcomeLabel ? name : `${name} · ${d.outcomeLabel}`
}

/** Badge tone of a status: active, waiting for the applicant, finished. */
export function statusTone (d: { status: string; overdue: boolean }): 'danger' | 'warn' | 'done' | 'active' {
  if (d.overdue) return 'danger'
  if (d.status === 'CORRECTION_REQUESTED') return 'warn'
  if (d.status === 'REPLIED' || d.status === 'CLOSED') return 'done'
  return 'active'
}

/** Opens a reply document: a new tab in H5, the system viewer in the mini-program. */
export async function openAttachment (url: string, name: string | null): Promise<void> {
  const full = url.startsWith('http') ? url : `${API_BASE}${url}`
  if (process.env.TARO_ENV === 'h5') {
    window.open(full, '_blank')
    return
  }
  try {
    const res = await Taro.downloadFile({ url: full })
    if (res.statusCode !== 200) throw new Error(String(res.statusCode))
    await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true })
  } catch {
    void Taro.showToast({ title: `无法打开${name ?? '附件'}，请稍后再试`, icon: 'none' })
  }
}

/** The kit's tone for a request's status tag (`<Tag tone={disclosureTone(d)} solid>`). */
export const disclosureTone = (d: { status: string; overdue: boolean }) =>
  ({ danger: 'danger', warn: 'warning', done: 'success', active: 'info' } as const)[statusTone(d)]
