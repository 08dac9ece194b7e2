// Helpers for notice tests: an org tree with editors and reviewers, and a draft → submit → approve shortcut.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import type { ApiCall, NoticeCategory } from '@bianmin/shared'
import { createOrg, createStaff, type TestApp } from './app'

export type Call = ApiCall
export interface NoticeWorld {
  district: { id: string; path: string }
  street: { id: string; path: string }
  community: { id: string; path: string }
  otherStreet: { id: string; path: string }
  editor: { call: Call; id: string }
  editor2: { call: Call; id: string }
  reviewer: { call: Call; id: string }
  reviewer2: { call: Call; id: string }
  both: { call: Call; id: string }
  cEditor: { call: Call; id: string }
  cReviewer: { call: Call; id: string }
  otherReviewer: { call: Call; id: string }
  /** Logs every account in again (after moving the clock past the idle timeout). */
  relogin: () => Promise<void>
}

export async function noticeWorld (t: TestApp, prefix: string): Promise<NoticeWorld> {
  const district = await createOrg(t.deps, `${prefix}区`, 'DISTRICT')
  const street = await createOrg(t.deps, `${prefix}街道`, 'STREET', district)
  const community = await createOrg(t.deps, `${prefix}社区`, 'COMMUNITY', street)
  const otherStreet = await createOrg(t.deps, `${prefix}另一街道`, 'STREET', district)
  const accounts = {
    editor: ['EDITOR', street.id], editor2: ['EDITOR', street.id], reviewer: ['REVIEWER', street.id], reviewer2: ['REVIEWER', street.id],
    both: ['EDITOR,REVIEWER', street.id], cEditor: ['EDITOR', community.id], cReviewer: ['REVIEWER', community.id],
    otherReviewer: ['REVIEWER', otherStreet.id],
  } as const
  const out: Record<string, { call: Call; id: string }> = {}
  for (const [name, [roles, orgId]] of Object.entries(accounts)) {
    await createStaff(t.deps, `${prefix}_${name}`, roles, orgId)
    out[name] = await t.staff(`${prefix}_${name}`)
  }
  const relogin = async () => { for (const name of Object.keys(accounts)) Object.assign(out[name]!, await t.staff(`${prefix}_${name}`)) }
  return { district, street, community, otherStreet, relogin, ...(out as unknown as Omit<NoticeWorld, 'district' | 'street' | 'community' | 'otherStreet' | 'relogin'>) }
}

export interface DraftInput {
  title: string; category: NoticeCategory; body: string; summary?: string; orgId?: string; pinned?: boolean
  publishAt?: string | null; relatedNoticeId?: string | null; attachments?: string[]
}

export async function publish (editor: Call, reviewer: Call, input: DraftInput) {
  const n = await editor('createNotice', { body: input })
  await editor('submitNotice', { params: { id: n.id } })
  return reviewer('approveNotice', { params: { id: n.id } })
}

/** An Upload row and its file under the app's upload folder, as POST /api/v1/uploads would leave them. */
export async function fakeUpload (t: TestApp, ownerId: string, opts: { mime?: string; name?: string; size?: number; content?: string } = {}) {
  const content = Buffer.from(opts.content ?? '%PDF-1.4 测试附件')
  const storageKey = `test/${crypto.randomUUID()}`
  const file = path.join(t.deps.config.uploadDir, storageKey)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return t.deps.db.upload.create({
    data: {
      ownerType: 'STAFF', ownerId, mime: opts.mime ?? 'application/pdf', size: opts.size ?? content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'), storageKey, originalName: opts.name ?? '附件.pdf',
    },
  })
}
