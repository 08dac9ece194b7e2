// Demo 依申请公开 requests around the demo clock: one carried over from last year, one 予以公开, one 部分公开, one
// waiting for 补正 and one just received — so the staff queue, the resident pages and the annual table show something.
import { disclosureOutcomeInfo } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import type { DemoSeeder } from '../../platform/seed'
import { addDays, atShanghai } from '../../platform/clock'
import { storedDueAt } from './disclosure.deadline'
import { rules } from './disclosure.service'

interface Demo {
  applicantType: string; applicantName?: string; description: string; purpose?: string; channel: 'IN_PERSON' | 'POST'
  contactName: string; contactPhone: string; received: string
  correction?: { on: string; request: string }
  reply?: { on: string; outcome: string; outcomeDetail?: string; content: string }
}

/** The working day `n` working days before `date`. */
function workdaysBefore (deps: Deps, date: string, n: number): string {
  let d = date
  for (let left = n; left > 0;) { d = addDays(d, -1); if (deps.calendar.isWorkday(d)) left-- }
  return d
}

export const seedDisclosures: DemoSeeder = async (deps, ctx) => {
  const today = deps.clock.today()
  const r = await rules(deps)
  const back = (n: number) => workdaysBefore(deps, deps.calendar.addWorkdays(today, 0), n)
  const lastDecember = deps.calendar.addWorkdays(`${Number(today.slice(0, 4)) - 1}-12-22`, 0)
  const carriedReply = deps.calendar.addWorkdays(lastDecember, 12)
  const handler = await deps.db.staff.findFirst({ where: { username: 'handler' }, select: { id: true } })

  const demos: Demo[] = [
    {
      applicantType: 'NATURAL_PERSON', channel: 'POST', contactName: '陈美玲', contactPhone: '13906001234', received: lastDecember,
      description: '申请公开湖里社区老旧小区改造工程的施工单位、工期安排和资金来源。', purpose: '了解小区改造进度',
      ...(carriedReply < today ? { reply: { on: carriedReply, outcome: 'DISCLOSED', content: '经查，您申请的改造工程信息已整理完毕，详见答复书所附清单，也可到街道便民服务中心查阅。' } } : {}),
    },
    {
      applicantType: 'NATURAL_PERSON', channel: 'IN_PERSON', contactName: '林志强', contactPhone: '13806002345', received: back(30),
      description: '申请公开本街道上一年度临时救助金发放的总户数和总金额。', purpose: '学习研究',
      reply: { on: back(14), outcome: 'DISCLOSED', content: '上一年度本街道共发放临时救助金，发放户数和金额详见答复书。' },
    },
    {
      applicantType: 'COMMERCIAL', applicantName: '厦门鑫达物业管理有限公司', channel: 'POST', contactName: '黄晓东', contactPhone: '13606003456', received: back(25),
      description: '申请公开东荣社区垃圾分类收运服务采购项目的评审结果及合同文本。',
      reply: {
        on: back(8), outcome: 'PARTIAL', outcomeDetail: '合同中涉及供应商商业秘密的报价明细不予公开',
        content: '经审查，评审结果和合同主要条款予以公开；报价明细涉及第三方商业秘密，经征求意见后不予公开。',
      },
    },
    {
      applicantType: 'NATURAL_PERSON', channel: 'IN_PERSON', contactName: '吴秀英', contactPhone: '13706004567', received: back(3),
      description: '申请公开塘边社区居民活动中心改造的相关文件。',
      correction: { on: back(1), request: '请写明所需文件的名称或文号，以及大致的发文时间。' },
    },
    {
      applicantType: 'RESEARCH', applicantName: '厦门某高校公共管理学院', channel: 'POST', contactName: '郑海峰', contactPhone: '13506005678', received: back(1),
      description: '申请公开本街道近三年政务服务“好差评”差评整改情况的统计数据。', purpose: '课题研究',
    },
  ]

  const orgs = [ctx.streetId, ctx.streetId, ctx.communityIds[0] ?? ctx.streetId, ctx.communityIds[1] ?? ctx.streetId, ctx.streetId]
  for (const [i, demo] of demos.entries()) {
    const receivedAt = atShanghai(demo.received, '10:00')
    const correctionRequestedAt = demo.correction ? atShanghai(demo.correction.on, '15:00') : null
    const repliedAt = demo.reply ? atShanghai(demo.reply.on, '16:00') : null
    const status = demo.reply ? 'REPLIED' : demo.correction ? 'CORRECTION_REQUESTED' : 'RECEIVED'
    const facts = { status, receivedAt, correctionRequestedAt, correctionAnsweredAt: null, extensionDays: 0, pausedWorkdays: 0, pausedAt: null }
    const events = [
      { action: 'RECORDED', note: null, createdAt: receivedAt },
      ...(demo.correction ? [{ action: 'CORRECTION_REQUESTED', note: demo.correction.request, createdAt: correctionRequestedAt! }] : []),
      ...(demo.reply ? [{ action: 'REPLIED', note: disclosureOutcomeInfo(demo.reply.outcome)?.label ?? null, createdAt: repliedAt! }] : []),
    ]
    await deps.db.disclosure.create({
      data: {
        orgId: orgs[i]!, applicantType: demo.applicantType, applicantName: demo.applicantName ?? null, description: demo.description,
        purpose: demo.purpose ?? null, form: 'PAPER', contactName: demo.contactName, contactPhoneEnc: deps.cipher.encrypt(demo.contactPhone),
        channel: demo.channel, receivedAt, status, dueAt: storedDueAt(deps.calendar, r, facts), createdAt: receivedAt,
        correctionRequestedAt, correctionRequest: demo.correction?.request ?? null,
        outcome: demo.reply?.outcome ?? null, outcomeDetail: demo.reply?.outcomeDetail ?? null, replyContent: demo.reply?.content ?? null,
        repliedAt, handlerId: demo.reply ? handler?.id ?? null : null,
        events: { create: events.map((e) => ({ ...e, staffId: handler?.id ?? null })) },
      },
    })
  }
}
