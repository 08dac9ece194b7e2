// Demo consultations: an answered and published Q&A, an overdue complaint, a suggestion just received, a
// consultation due soon. The demo resident is the one the mock WeChat login gives for the code "demo-resident".
import type { Deps } from '../../platform/types'
import type { DemoContext } from '../../platform/seed'
import { addDays, atShanghai, shanghaiDate } from '../../platform/clock'
import { maskPersonalData } from './consultation.mask'

const HOUR = 3600_000

export async function seedConsultations (deps: Deps, ctx: DemoContext): Promise<void> {
  const { db, calendar } = deps
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const openid = deps.wechat.mock ? (await deps.wechat.code2Session('demo-resident')).openid : 'demo-resident'
  const resident = await db.resident.upsert({ where: { openid }, create: { openid, nickname: '林阿姨' }, update: {} })
  const handler = await db.staff.findUnique({ where: { username: 'handler' }, select: { id: true } })
  const s = (await deps.settings.get()).consultation
  const community = ctx.communityIds[0] ?? ctx.streetId

  // Answered within the deadline, closed by the resident, published with personal data masked.
  const askedAt = atShanghai(calendar.addWorkdays(addDays(today, -12), 0), '10:15')
  const question = '您好，我家小孩上个月出生，想给孩子办理城乡居民医保参保，需要带哪些材料？能不能在小程序上预约后一次办好？我的电话13906001234。'
  const answer = '您好！新生儿参加城乡居民基本医疗保险，可由父母一方携带户口簿（已落户）或出生医学证明、监护人身份证原件，到湖里街道便民服务中心社会保障窗口办理，也可通过“闽政通”App 线上办理。建议先在本小程序“预约办理”中预约，按预约时段到窗口办理，材料齐全的当场办结，最多跑一趟。咨询电话 0592-5620000。'
  const repliedAt = new Date(atShanghai(calendar.addWorkdays(shanghaiDate(askedAt), 1), '15:30').getTime())
  const published = await db.consultation.create({
    data: {
      residentId: resident.id, orgId: ctx.streetId, kind: 'CONSULT', title: '新生儿医保参保需要带哪些材料？', content: question,
      status: 'CLOSED', allowPublish: true, contactConsent: false, createdAt: askedAt, dueAt: calendar.deadline(askedAt, s.consultWorkdays),
      assigneeId: handler?.id ?? null, firstRepliedAt: repliedAt, repliedAt, closedAt: new Date(repliedAt.getTime() + 20 * HOUR), closedBy: 'RESIDENT',
      published: true, publishedAt: new Date(repliedAt.getTime() + 24 * HOUR),
      publicTitle: '新生儿医保参保需要带哪些材料？', publicQuestion: maskPersonalData(question), publicAnswer: maskPersonalData(answer, { keepOfficialContacts: true }),
    },
  })
  await db.consultationMessage.create({ data: { consultationId: published.id, authorType: 'STAFF', staffId: handler?.id ?? null, content: answer, createdAt: repliedAt } })

  // A complaint past its 5-working-day deadline, assigned but not yet answered.
  let complainedAt = atShanghai(addDays(today, -8), '16:40')
  while (calendar.deadline(complainedAt, s.complaintWorkdays) >= now) complainedAt = new Date(complainedAt.getTime() - 24 * HOUR)
  await db.consultation.create({
    data: {
      residentId: resident.id, orgId: community, kind: 'COMPLAINT', title: '小区楼道长期堆放杂物无人清理',
      content: '塘边社区某小区 5 号楼一单元楼道里堆了很多纸箱和旧家具，已经两个多月了，存在消防隐患，老人上下楼也不方便。之前跟物业反映过几次都没有处理，希望社区督促物业尽快清理。',
      status: 'ASSIGNED', allowPublish: true, contactConsent: true, createdAt: complainedAt,
      dueAt: calendar.deadline(complainedAt, s.complaintWorkdays), assigneeId: handler?.id ?? null,
    },
  })

  // A consultation due by the end of the next working day.
  const dueSoonAt = atShanghai(calendar.addWorkdays(addDays(today, -4), 0), '09:20')
  if (calendar.deadline(dueSoonAt, s.consultWorkdays) > now) {
    await db.consultation.create({
      data: {
        residentId: resident.id, orgId: ctx.streetId, kind: 'CONSULT', title: '居住证到期了怎么续签？',
        content: '我的居住证下个月到期，请问续签需要本人到场吗？要带哪些材料，多久能拿到？',
        status: 'SUBMITTED', allowPublish: false, createdAt: dueSoonAt, dueAt: calendar.deadline(dueSoonAt, s.consultWorkdays),
      },
    })
  }

  // A suggestion received an hour ago.
  const suggestedAt = new Date(now.getTime() - HOUR)
  await db.consultation.create({
    data: {
      residentId: resident.id, orgId: ctx.streetId, kind: 'SUGGESTION', title: '建议便民服务中心增设午间延时服务',
      content: '上班族中午才有时间办事，但中心 12:00 到 14:30 不开放。建议每周安排一两天午间延时服务，或者开放午间预约，方便在职人员办理社保、居住证等业务。',
      status: 'SUBMITTED', allowPublish: true, createdAt: suggestedAt, dueAt: calendar.deadline(suggestedAt, s.suggestionWorkdays),
    },
  })
}
