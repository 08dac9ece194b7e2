// 业务线 (PRODUCT.md §7): an admin sets a hall's ticket prefixes per business line and the items each takes; a desk
// ticket for an item is numbered in its line at once. Refusals (the appointments' prefix, a prefix or an item taken
// by another line, another org's hall, bad input) say why in Chinese and change nothing; every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, createOrg, createStaff, expectError, type TestApp } from '../support/app'
import { snapshotter, diffSnapshots, type Snapshotter } from '../support/snapshot'

let t: TestApp
let snap: Snapshotter
let street: { id: string; path: string }
type Staff = Awaited<ReturnType<TestApp['staff']>>
let admin: Staff
let other: Staff

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T09:00:00+08:00' })
  const district = await createOrg(t.deps, '测试区', 'DISTRICT')
  street = await createOrg(t.deps, '测试街道', 'STREET', district)
  const otherStreet = await createOrg(t.deps, '另一街道', 'STREET', district)
  await createStaff(t.deps, 'ladmin', 'ADMIN', street.id)
  await createStaff(t.deps, 'lclerk', 'CLERK', street.id)
  await createStaff(t.deps, 'lother', 'ADMIN', otherStreet.id)
  admin = await t.staff('ladmin')
  other = await t.staff('lother')
  snap = await snapshotter(t.deps.config.databaseUrl)
})
afterAll(async () => { await snap?.close(); await t?.close() })

async function refusedUnchanged (p: () => Promise<unknown>, status: number, code: string) {
  const before = await snap.take()
  const err = await expectError(p(), status, code)
  expect(diffSnapshots(before, await snap.take())).toEqual([])
  return err
}

const guide = (code: string, name: string) => ({
  orgId: street.id, code, name, category: '社会保障', description: `${name}的办理`, conditions: '本街道户籍居民', legalBasis: '相关规定',
  materials: [{ name: '居民身份证', form: 'ORIGINAL' as const, copies: 1 }], timeLimitDays: 5, feeFen: 0, fullyOnline: false, maxOneVisit: true, bookable: false, homeVisit: false,
})

describe('业务线', () => {
  it('numbers desk tickets of an item in its line, moves items between lines, deletes a line; audited', async () => {
    const hall = await admin.call('createHall', { body: { orgId: street.id, name: '业务线测试中心', address: '测试路 9 号', openHours: '周一至周五 9:00-17:00', queuePrefix: 'A' } })
    expect(hall.lines).toEqual([])
    const yb = await admin.call('createServiceItem', { body: guide('LN-YB-01', '医保参保登记') })
    const dB = await admin.call('createServiceItem', { body: guide('LN-DB-01', '低保申请') })
    await admin.call('createWindow', { body: { hallId: hall.id, number: '1', name: '综合窗口', serviceItemIds: [yb.id, dB.id] } })

    const sb = await admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'B', name: '社会保障', serviceItemIds: [yb.id] } })
    expect(sb).toMatchObject({ hallId: hall.id, prefix: 'B', name: '社会保障', sort: 0, serviceItemIds: [yb.id] })
    const mz = await admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'C', name: '民政', sort: 1, serviceItemIds: [dB.id] } })
    const halls = await admin.call('listStaffHalls')
    expect(halls.items.find((h) => h.id === hall.id)!.lines.map((l) => `${l.prefix}${l.name}`)).toEqual(['B社会保障', 'C民政'])

    const clerk = await t.staff('lclerk')
    const t1 = await clerk.call('issueDeskTicket', { params: { id: hall.id }, body: { serviceItemId: yb.id } })
    const t2 = await clerk.call('issueDeskTicket', { params: { id: hall.id }, body: { serviceItemId: dB.id } })
    expect([t1.number, t1.lineName, t2.number, t2.lineName]).toEqual(['B001', '社会保障', 'C001', '民政'])

    // 低保 moves to 社会保障: first off 民政, then onto 社会保障; the next ticket follows at once, the old one keeps its number.
    await admin.call('updateHallLine', { params: { id: mz.id }, body: { serviceItemIds: [] } })
    const moved = await admin.call('updateHallLine', { params: { id: sb.id }, body: { name: '社保民政', serviceItemIds: [yb.id, dB.id] } })
    expect(moved.serviceItemIds.sort()).toEqual([yb.id, dB.id].sort())
    const t3 = await clerk.call('issueDeskTicket', { params: { id: hall.id }, body: { serviceItemId: dB.id } })
    expect([t3.number, t3.lineName]).toEqual(['B002', '社保民政'])
    expect((await t.deps.db.ticket.findUniqueOrThrow({ where: { id: t2.id } })).number).toBe('C001')

    await admin.call('deleteHallLine', { params: { id: mz.id } })
    expect(await t.deps.db.hallLine.count({ where: { hallId: hall.id } })).toBe(1)
    const actions = (await t.deps.db.auditLog.findMany({ where: { targetType: 'HallLine' }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['hallLine.create', 'hallLine.create', 'hallLine.update', 'hallLine.update', 'hallLine.delete'])
  })

  it('refuses the appointments’ prefix, a taken prefix or item, another org’s hall and bad input, changing nothing', async () => {
    const hall = await admin.call('createHall', { body: { orgId: street.id, name: '业务线拒绝测试中心', address: '测试路 10 号', queuePrefix: 'A' } })
    const item = await admin.call('createServiceItem', { body: guide('LN-RF-01', '拒绝测试事项') })
    await admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'B', name: '社会保障', serviceItemIds: [item.id] } })

    const own = await refusedUnchanged(() => admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'A', name: '综合' } }), 400, 'VALIDATION_FAILED')
    expect(own.message).toContain('预约号')
    const taken = await refusedUnchanged(() => admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'B', name: '民政' } }), 409, 'CONFLICT')
    expect(taken.message).toContain('社会保障')
    const itemTaken = await refusedUnchanged(() => admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'C', name: '民政', serviceItemIds: [item.id] } }), 409, 'CONFLICT')
    expect(itemTaken.message).toContain('拒绝测试事项')
    const lower = await refusedUnchanged(() => admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'c', name: '民政' } }), 400, 'VALIDATION_FAILED')
    expect(lower.message).toContain('大写字母')
    await refusedUnchanged(() => admin.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'C', name: '' } }), 400, 'VALIDATION_FAILED')
    const clash = await refusedUnchanged(() => admin.call('updateHall', { params: { id: hall.id }, body: { queuePrefix: 'B' } }), 409, 'CONFLICT')
    expect(clash.message).toContain('业务线')

    const line = (await admin.call('listStaffHalls')).items.find((h) => h.id === hall.id)!.lines[0]!
    await refusedUnchanged(() => other.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'C', name: '民政' } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => other.call('updateHallLine', { params: { id: line.id }, body: { name: '改名' } }), 404, 'NOT_FOUND')
    await refusedUnchanged(() => other.call('deleteHallLine', { params: { id: line.id } }), 404, 'NOT_FOUND')
    const clerk = await t.staff('lclerk')
    await refusedUnchanged(() => clerk.call('createHallLine', { params: { id: hall.id }, body: { prefix: 'C', name: '民政' } }), 403, 'FORBIDDEN')
  })
})
