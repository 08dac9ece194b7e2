import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, type TestApp } from '../support/app'
import { PDF_MIN, PNG_1PX, pngOfSize, upload, type ErrorBody } from '../support/uploads'

let t: TestApp
let street: { id: string; path: string }
let other: { id: string; path: string }

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  const district = await createOrg(t.deps, '上传区', 'DISTRICT')
  street = await createOrg(t.deps, '上传街道', 'STREET', district)
  other = await createOrg(t.deps, '邻近街道', 'STREET', district)
  await createStaff(t.deps, 'up_editor', 'EDITOR', street.id)
  await createStaff(t.deps, 'up_other', 'EDITOR', other.id)
})
afterAll(async () => { await t.close() })

const storedFiles = () => {
  const dir = t.deps.config.uploadDir
  if (!fs.existsSync(dir)) return 0
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length
}

describe('uploading', () => {
  it('stores a resident image under a random key and answers {id, url}', async () => {
    const me = await t.resident()
    const r = await upload(t.url, me.token, PNG_1PX, '../../etc/证件照.png')
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ mime: 'image/png', size: PNG_1PX.length, name: '证件照.png' })
    expect(r.body.url).toMatch(new RegExp(`^/api/v1/uploads/${r.body.id}\\?exp=\\d+&sig=`))
    const row = await t.deps.db.upload.findUniqueOrThrow({ where: { id: r.body.id! } })
    expect(row).toMatchObject({ ownerType: 'RESIDENT', ownerId: me.id, refType: null, sha256: crypto.createHash('sha256').update(PNG_1PX).digest('hex') })
    expect(row.storageKey).toMatch(/^2026-11\/[0-9a-f]{32}\.png$/)
    expect(fs.readFileSync(path.join(t.deps.config.uploadDir, row.storageKey)).equals(PNG_1PX)).toBe(true)
  })

  it('sniffs the type from the bytes: text or a program named .jpg is refused', async () => {
    const me = await t.resident()
    const before = [await t.deps.db.upload.count(), storedFiles()]
    for (const [bytes, name] of [[Buffer.from('hello, 这不是图片'), 'photo.jpg'], [Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]), 'photo.jpg'], [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.svg']] as const) {
      const r = await upload(t.url, me.token, bytes, name, 'image/jpeg')
      expect(r.status).toBe(400)
      expect(r.body.error?.code).toBe('VALIDATION_FAILED')
      expect(r.body.error?.message).toMatch(/仅支持 JPG、PNG、WEBP、GIF/)
    }
    expect([await t.deps.db.upload.count(), storedFiles()]).toEqual(before)
  })

  it('refuses documents from residents but accepts a PDF from staff (audited, downloaded as attachment)', async () => {
    const me = await t.resident()
    expect((await upload(t.url, me.token, PDF_MIN, 'a.pdf', 'application/pdf')).status).toBe(400)
    const staff = await t.staff('up_editor')
    const r = await upload(t.url, staff.token, PDF_MIN, '通知附件.pdf', 'application/pdf')
    expect(r.status).toBe(201)
    expect(r.body.mime).toBe('application/pdf')
    const entry = await t.deps.db.auditLog.findFirst({ where: { action: 'upload.create', targetId: r.body.id! } })
    expect(entry?.actorId).toBe(staff.id)
    const dl = await t.fetch(`/api/v1/uploads/${r.body.id}`, { headers: { authorization: `Bearer ${staff.token}` } })
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-type')).toBe('application/pdf')
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''%E9%80%9A/)
  })

  it('answers 413 for an image over 5 MB and for a body far over the limit; nothing is stored', async () => {
    const me = await t.resident()
    const staff = await t.staff('up_editor')
    const before = [await t.deps.db.upload.count(), storedFiles()]
    const big = pngOfSize(5 * 1024 * 1024 + 10)
    for (const token of [me.token, staff.token]) {
      const r = await upload(t.url, token, big)
      expect(r.status).toBe(413)
      expect(r.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 5 MB' })
    }
    const huge = await upload(t.url, me.token, pngOfSize(8 * 1024 * 1024))
    expect(huge.status).toBe(413)
    expect(huge.body.error?.message).toMatch(/不能超过 5 MB/)
    expect([await t.deps.db.upload.count(), storedFiles()]).toEqual(before)
  })

  it('asks for a file: no file part, an empty file, JSON instead of multipart, no login', async () => {
    const me = await t.resident()
    const wrongField = await upload(t.url, me.token, PNG_1PX, 'a.png', 'image/png', 'image')
    expect(wrongField.status).toBe(400)
    expect(wrongField.body.error?.message).toBe('请选择要上传的文件')
    expect((await upload(t.url, me.token, Buffer.alloc(0))).body.error?.message).toBe('文件内容为空')
    const json = await t.fetch('/api/v1/uploads', { method: 'POST', headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' }, body: '{}' })
    expect(json.status).toBe(400)
    expect((await json.json() as ErrorBody).error.message).toMatch(/multipart\/form-data/)
    const anon = await upload(t.url, null, PNG_1PX)
    expect(anon.status).toBe(401)
  })
})

describe('downloading', () => {
  it('serves the owner and signed links with the stored type, nosniff and a disposition; others get 404', async () => {
    const me = await t.resident()
    const stranger = await t.resident()
    const r = await upload(t.url, me.token, PNG_1PX, 'x.png')
    const own = await t.fetch(`/api/v1/uploads/${r.body.id}`, { headers: { authorization: `Bearer ${me.token}` } })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toBe('image/png')
    expect(own.headers.get('x-content-type-options')).toBe('nosniff')
    expect(own.headers.get('content-disposition')).toBe('inline; filename="x.png"')
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG_1PX)).toBe(true)

    const signed = await t.fetch(r.body.url!)
    expect(signed.status).toBe(200)
    for (const res of [
      await t.fetch(`/api/v1/uploads/${r.body.id}`),
      await t.fetch(`/api/v1/uploads/${r.body.id}`, { headers: { authorization: `Bearer ${stranger.token}` } }),
      await t.fetch(r.body.url!.slice(0, -1) + (r.body.url!.endsWith('A') ? 'B' : 'A')),
      await t.fetch(`/api/v1/uploads/nope${r.body.id}`),
    ]) {
      expect(res.status).toBe(404)
      expect((await res.json() as ErrorBody).error.code).toBe('NOT_FOUND')
    }
    t.deps.clock.advance(3 * 3600_000)
    expect((await t.fetch(r.body.url!)).status).toBe(404)
    t.deps.clock.advance(-3 * 3600_000)
  })

  it('makes an attachment public once its notice is published; staff of other orgs see drafts as 404', async () => {
    const editor = await t.staff('up_editor')
    const outsider = await t.staff('up_other')
    const r = await upload(t.url, editor.token, PDF_MIN, '附件.pdf', 'application/pdf')
    const notice = await t.deps.db.notice.create({ data: { orgId: street.id, category: '通知公告', title: '测试公告', body: '<p>正文</p>', authorId: editor.id } })
    await t.deps.db.upload.update({ where: { id: r.body.id! }, data: { refType: 'NOTICE', refId: notice.id } })
    const get = (token?: string) => t.fetch(`/api/v1/uploads/${r.body.id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    expect((await get()).status).toBe(404)
    expect((await get(outsider.token)).status).toBe(404)
    expect((await get(editor.token)).status).toBe(200)
    await t.deps.db.notice.update({ where: { id: notice.id }, data: { status: 'PUBLISHED', publishedAt: t.deps.clock.now() } })
    const pub = await get()
    expect(pub.status).toBe(200)
    expect(pub.headers.get('cache-control')).toBe('public, max-age=3600')
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After after 30 uploads an hour', async () => {
    const limited = await startTestApp({ clock: '2026-11-23T09:00:00+08:00', env: { RATE_LIMITS: 'on' } })
    try {
      const me = await limited.resident()
      for (let i = 0; i < 30; i++) expect((await upload(limited.url, me.token, PNG_1PX)).status).toBe(201)
      const r = await upload(limited.url, me.token, PNG_1PX)
      expect(r.status).toBe(429)
      expect(r.body.error?.code).toBe('RATE_LIMITED')
      expect(r.body.error?.message).toMatch(/操作太频繁/)
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
      const other = await limited.resident()
      expect((await upload(limited.url, other.token, PNG_1PX)).status).toBe(201)
    } finally {
      await limited.close()
    }
  })
})

describe('attachments of scheduled notices', () => {
  it('stay private until the notice is visible', async () => {
    await createStaff(t.deps, 'up_reviewer', 'REVIEWER', street.id)
    const editor = await t.staff('up_editor')
    const reviewer = await t.staff('up_reviewer')
    const file = await upload(t.url, editor.token, PDF_MIN, '定时附件.pdf', 'application/pdf')
    const at = new Date(t.deps.clock.now().getTime() + 3600_000)
    const n = await editor.call('createNotice', { body: { title: '定时发布的通知', category: '通知公告', body: '<p>正文</p>', publishAt: at.toISOString(), attachments: [file.body.id!] } })
    await editor.call('submitNotice', { params: { id: n.id } })
    await reviewer.call('approveNotice', { params: { id: n.id } })
    expect((await t.fetch(`/api/v1/uploads/${file.body.id}`)).status).toBe(404)
    t.deps.clock.advance(3600_000 + 1000)
    expect((await t.fetch(`/api/v1/uploads/${file.body.id}`)).status).toBe(200)
  })
})
