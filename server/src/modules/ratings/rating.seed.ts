// Demo 好差评: finished appointments at the demo halls over the past working days, rated by a few residents, one
// 差评 of the demo resident (code "demo-resident") with its rectification case open in the handler's inbox, and one
// finished appointment of the demo resident still waiting for a rating (待评价).
import type { Deps } from '../../platform/types'
import type { DemoContext } from '../../platform/seed'
import { addDays, atShanghai, shanghaiDate } from '../../platform/clock'

const HOUR = 3600_000

export async function seedRatings (deps: Deps, ctx: DemoContext): Promise<void> {
  const { db, calendar, cipher } = deps
  const now = deps.clock.now()
  const s = (await deps.settings.get()).rating
  const demoOpenid = deps.wechat.mock ? (await deps.wechat.code2Session('demo-resident')).openid : 'demo-resident'
  const demo = await db.resident.upsert({ where: { openid: demoOpenid }, create: { openid: demoOpenid, nickname: '林阿姨' }, update: {} })
  const others = await Promise.all(['demo-rater-1', 'demo-rater-2', 'demo-rater-3'].map((openid) =>
    db.resident.upsert({ where: { openid }, create: { openid }, update: {} })))
  const halls = await db.hall.findMany({ where: { id: { in: ctx.hallIds } }, include: { windows: { include: { items: { take: 2 } } } } })
  // The last working days before today, newest first.
  const days: string[] = []
  for (let d = addDays(shanghaiDate(now), -1); days.length < 5; d = addDays(d, -1)) if (calendar.isWorkday(d)) days.push(d)

  let n = 0
  async function done (residentId: string, hallIdx: number, day: string, time: string) {
    const hall = halls.find((h) => h.id === ctx.hallIds[hallIdx]) ?? halls[0]!
    const win = hall.windows.find((w) => w.items.length) ?? hall.windows[0]!
    const startsAt = atShanghai(day, time)
    const slot = await db.slot.upsert({
      where: { hallId_windowKey_date_start: { hallId: hall.id, windowKey: '', date: day, start: time } },
      create: { hallId: hall.id, date: day, start: time, end: time.replace(/:00$/, ':30'), startsAt, capacity: 3, booked: 1 },
      update: { booked: { increment: 1 } },
    })
    n++
    return db.appointment.create({
      data: {
        residentId, slotId: slot.id, hallId: hall.id, windowId: win.id, serviceItemId: win.items[n % win.items.length]!.serviceItemId, date: day,
        status: 'DONE', code: `R${String(n).padStart(3, '0')}`, contactName: residentId === demo.id ? '林秀英' : '王先生',
        contactPhoneEnc: cipher.encrypt(residentId === demo.id ? '13906001234' : '13800000000'), channel: 'APP',
        checkedInAt: new Date(startsAt.getTime() - 0.2 * HOUR), doneAt: new Date(startsAt.getTime() + 0.4 * HOUR),
      },
    })
  }
  async function rate (a: { id: string; residentId: string | null; hallId: string; windowId: string | null; serviceItemId: string; doneAt: Date | null }, level: number, tags: string[], comment?: string) {
    const hall = halls.find((h) => h.id === a.hallId)!
    const createdAt = new Date(a.doneAt!.getTime() + 2 * HOUR)
    const r = await db.rating.create({
      data: {
        subjectType: 'APPOINTMENT', subjectId: a.id, residentId: a.residentId, orgId: hall.orgId, hallId: a.hallId, windowId: a.windowId,
        serviceItemId: a.serviceItemId, level, tags, comment: comment ?? null, serviceDoneAt: a.doneAt!, createdAt,
        dimensions: { attitude: Math.max(level, 1), efficiency: level, guideAccuracy: Math.min(level + 1, 5), convenience: level },
      },
    })
    if (level <= 2) await db.rectification.create({ data: { ratingId: r.id, orgId: hall.orgId, dueAt: calendar.deadline(createdAt, s.rectificationWorkdays), createdAt } })
  }

  const [o1, o2, o3] = others as [typeof demo, typeof demo, typeof demo]
  await rate(await done(o1.id, 0, days[4]!, '09:00'), 5, ['热情周到', '一次办成'], '工作人员很耐心，材料一次就审核通过了')
  await rate(await done(o2.id, 0, days[3]!, '10:00'), 5, ['办理高效'])
  await rate(await done(o3.id, 0, days[2]!, '14:30'), 4, ['指南清晰'])
  await rate(await done(o1.id, 1, days[2]!, '09:30'), 4, ['耐心细致'], '社区服务站离家近，很方便')
  await rate(await done(o2.id, 0, days[1]!, '15:00'), 3, [])
  await done(o3.id, 1, days[1]!, '10:30') // finished, never rated: counts as 未评价
  await rate(await done(demo.id, 0, days[1]!, '09:00'), 2, ['等候时间长'], '预约了九点，排队等了四十多分钟才办上')
  await done(demo.id, 0, days[0]!, '10:00') // the demo resident's 待评价
}
