// 我的 → 昵称: a resident sets and changes a nickname (trimmed, at most 30 characters); it is theirs alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, expectError, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => { t = await startTestApp({ demo: true }) })
afterAll(async () => { await t?.close() })

describe('updateMe nickname', () => {
  it('sets, changes and reads back the nickname; a too long one changes nothing', async () => {
    const a = await t.resident('nick-a')
    const b = await t.resident('nick-b')
    expect((await a.call('updateMe', { body: { nickname: '  晓林  ' } })).nickname).toBe('晓林')
    expect(await a.call('getMe')).toMatchObject({ type: 'resident', resident: { nickname: '晓林' } })
    expect((await a.call('updateMe', { body: { nickname: '林阿姨' } })).nickname).toBe('林阿姨')
    const e = await expectError(a.call('updateMe', { body: { nickname: '长'.repeat(31) } }), 400, 'VALIDATION_FAILED')
    expect(e.fieldErrors().nickname).toBe('昵称最多 30 个字')
    expect((await t.deps.db.resident.findUniqueOrThrow({ where: { id: a.id } })).nickname).toBe('林阿姨')
    expect(await b.call('getMe')).toMatchObject({ resident: { nickname: null } })
    await expectError((await t.staff('admin')).call('updateMe', { body: { nickname: 'x' } }), 403, 'FORBIDDEN')
  })
})
