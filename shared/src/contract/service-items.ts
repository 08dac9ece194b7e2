// 办事指南 (service items) and where they are handled: public guide, admin CRUD of items, halls, windows, templates.
import { z } from 'zod'
import { route } from './route'
import { boolQuery, dateString, id, idParams, isoDateTime, ok, page, pageQuery, text, timeString } from './common'

/** 原件 (original), 复印件 (copy) or both. */
export const materialForm = z.enum(['ORIGINAL', 'COPY', 'BOTH'], { error: '材料形式为 ORIGINAL（原件）、COPY（复印件）或 BOTH（原件和复印件）' })
export const material = z.object({
  name: text('材料名称', 100),
  form: materialForm.optional(),
  copies: z.number({ error: '份数必须是数字' }).int('份数必须是整数').min(1, '份数至少 1').max(20, '份数最多 20').optional(),
  note: z.string().trim().max(200, '材料说明最多 200 个字').optional(),
})

export const serviceItemSummary = z.object({
  id, code: z.string(), name: z.string(), category: z.string(), orgId: id, orgName: z.string(),
  description: z.string().nullable(), timeLimitDays: z.number().int(), feeFen: z.number().int(), feeText: z.string(),
  fullyOnline: z.boolean(), maxOneVisit: z.boolean(), bookable: z.boolean(), homeVisit: z.boolean(),
})
export const handlingHall = z.object({
  id, name: z.string(), address: z.string(), phone: z.string().nullable(), openHours: z.string().nullable(),
  windows: z.array(z.object({ id, name: z.string(), number: z.string() })),
})
export const serviceItemDetail = serviceItemSummary.extend({
  conditions: z.string().nullable(),
  materials: z.array(z.object({ name: z.string(), form: materialForm.optional(), copies: z.number().int().optional(), note: z.string().optional() })),
  legalBasis: z.string().nullable(),
  legalLimitDays: z.number().int().nullable(),
  halls: z.array(handlingHall),
  /** Link to this guide in the H5 build, and its QR code (data: URL, SVG). */
  guideUrl: z.string(),
  qrCode: z.string(),
})

export const slotView = z.object({
  id, hallId: id, hallName: z.string(), windowId: id.nullable(), windowName: z.string().nullable(),
  date: z.string(), start: z.string(), end: z.string(), startsAt: isoDateTime, capacity: z.number().int(), remaining: z.number().int(),
})

const optText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`).nullable().optional()
const workdays = (label: string) => z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能为负数`).max(365, `${label}最多 365 个工作日`)

export const serviceItemInput = z.object({
  orgId: id,
  code: z.string({ error: '请填写事项编码' }).trim().regex(/^[A-Za-z0-9-]{2,32}$/, '事项编码为 2–32 位字母、数字或短横线'),
  name: text('事项名称', 60),
  category: text('事项分类', 20),
  description: optText('事项简介', 500),
  conditions: optText('办理条件', 2000),
  materials: z.array(material).max(50, '材料最多 50 项').default([]),
  legalBasis: optText('设定依据', 1000),
  timeLimitDays: workdays('承诺时限'),
  legalLimitDays: workdays('法定时限').nullable().optional(),
  feeFen: z.number({ error: '收费金额必须是数字' }).int('收费金额以分为单位').min(0, '收费金额不能为负数').max(10_000_000, '收费金额过大').default(0),
  feeText: optText('收费说明', 100),
  fullyOnline: z.boolean().default(false),
  maxOneVisit: z.boolean().default(true),
  bookable: z.boolean().default(true),
  homeVisit: z.boolean().default(false),
  active: z.boolean().default(true),
})
export const serviceItemPatch = serviceItemInput.partial().omit({ orgId: true }).extend({ orgId: id.optional() })
export const staffServiceItem = serviceItemDetail.omit({ halls: true, guideUrl: true, qrCode: true }).extend({ active: z.boolean(), updatedAt: isoDateTime })

export const hallInput = z.object({
  orgId: id,
  name: text('服务中心名称', 60),
  address: text('地址', 200),
  phone: z.string().trim().regex(/^[0-9-]{7,20}$/, '电话号码格式不正确').nullable().optional(),
  openHours: optText('办公时间', 100),
  queuePrefix: z.string().trim().regex(/^[A-Z]{1,2}$/, '排队号前缀为 1–2 个大写字母').default('A'),
  active: z.boolean().default(true),
})
export const hallPatch = hallInput.partial()
export const staffWindow = z.object({ id, hallId: id, name: z.string(), number: z.string(), active: z.boolean(), serviceItemIds: z.array(id) })
/** 业务线: the number prefix of walk-in tickets for the items it takes (A 社会保障, B 民政 …), PRODUCT.md §7. */
export const staffHallLine = z.object({ id, hallId: id, prefix: z.string(), name: z.string(), sort: z.number().int(), serviceItemIds: z.array(id) })
export const staffHall = z.object({
  id, orgId: id, orgName: z.string(), name: z.string(), address: z.string(), phone: z.string().nullable(), openHours: z.string().nullable(),
  queuePrefix: z.string(), active: z.boolean(), windows: z.array(staffWindow), lines: z.array(staffHallLine),
})
export const hallLineInput = z.object({
  prefix: z.string({ error: '请填写号码前缀' }).trim().regex(/^[A-Z]$/, '号码前缀为 1 个大写字母（A–Z）'),
  name: text('业务线名称', 20),
  sort: z.number({ error: '排序必须是数字' }).int('排序必须是整数').min(0, '排序不能小于 0').max(99, '排序不能大于 99').default(0),
  serviceItemIds: z.array(id).max(200, '事项最多 200 个').default([]),
})
export const hallLinePatch = hallLineInput.partial()
export const windowInput = z.object({
  hallId: id,
  name: text('窗口名称', 30),
  number: z.string({ error: '请填写窗口编号' }).trim().regex(/^[A-Za-z0-9-]{1,10}$/, '窗口编号为 1–10 位字母或数字'),
  active: z.boolean().default(true),
  serviceItemIds: z.array(id).max(200, '事项最多 200 个').default([]),
})
export const windowPatch = windowInput.partial().omit({ hallId: true })

const templateFields = {
  hallId: id,
  windowId: id.nullable().optional(),
  weekday: z.number({ error: '星期必须是数字' }).int().min(1, '星期为 1（周一）到 7（周日）').max(7, '星期为 1（周一）到 7（周日）'),
  start: timeString,
  end: timeString,
  capacity: z.number({ error: '容量必须是数字' }).int('容量必须是整数').min(1, '每个时段至少 1 个号').max(200, '每个时段最多 200 个号'),
  serviceItemIds: z.array(id).max(200).nullable().optional(),
  active: z.boolean().default(true),
}
const startBeforeEnd = (t: { start?: string; end?: string }) => !t.start || !t.end || t.start < t.end
export const slotTemplateInput = z.object(templateFields).refine(startBeforeEnd, { message: '结束时间必须晚于开始时间', path: ['end'] })
export const slotTemplatePatch = z.object(templateFields).omit({ hallId: true }).partial().refine(startBeforeEnd, { message: '结束时间必须晚于开始时间', path: ['end'] })
export const slotTemplateView = z.object({
  id, hallId: id, windowId: id.nullable(), weekday: z.number().int(), start: z.string(), end: z.string(), capacity: z.number().int(),
  serviceItemIds: z.array(id).nullable(), active: z.boolean(),
})

const slotRange = z.object({ hallId: id, from: dateString, to: dateString })
  .refine((b) => b.from <= b.to, { message: '结束日期不能早于开始日期', path: ['to'] })
export const slotPlanRow = z.object({
  action: z.enum(['CREATE', 'CLOSE', 'KEEP']), reason: z.string(), slotId: id.nullable(), date: z.string(), start: z.string(), end: z.string(),
  windowId: id.nullable(), windowName: z.string().nullable(), capacity: z.number().int(), booked: z.number().int(),
})
export const slotPlan = z.object({
  hallId: id, from: z.string(), to: z.string(), create: z.number().int(), close: z.number().int(), keep: z.number().int(), rows: z.array(slotPlanRow),
})
export const slotDay = z.object({
  date: z.string(), isWorkday: z.boolean(), slots: z.number().int(), open: z.number().int(), closed: z.number().int(),
  capacity: z.number().int(), booked: z.number().int(),
})
const dayBody = z.object({ hallId: id, date: dateString })

const admin = ['ADMIN'] as const
const desk = ['CLERK', 'ADMIN'] as const
const tags = ['办事指南']
const adminTags = ['管理']

export const serviceItemRoutes = {
  listServiceItems: route({
    method: 'GET', path: '/api/v1/service-items', access: 'public', summary: '办事指南列表（按机构、分类、关键词）', tags,
    query: pageQuery.extend({
      orgId: id.optional(), category: z.string().trim().max(20, '分类过长').optional(), q: z.string().trim().max(50, '关键词最多 50 个字').optional(),
      bookable: boolQuery,
    }),
    responses: { 200: page(serviceItemSummary).extend({ categories: z.array(z.string()) }) },
  }),
  getServiceItem: route({
    method: 'GET', path: '/api/v1/service-items/:id', access: 'public', summary: '办事指南详情（材料、条件、依据、时限、收费、办理地点、二维码）', tags,
    params: idParams,
    responses: { 200: serviceItemDetail },
  }),
  listServiceItemSlots: route({
    method: 'GET', path: '/api/v1/service-items/:id/slots', access: 'public', summary: '可预约时段（今天起若干个工作日内，含剩余号数）', tags,
    params: idParams,
    query: z.object({ from: dateString.optional(), to: dateString.optional(), hallId: id.optional() }),
    /** `dates`: the bookable working days, `workdays` of them from today (booking.maxWorkdaysAhead). */
    responses: { 200: z.object({ items: z.array(slotView), dates: z.array(z.string()), workdays: z.number().int() }) },
  }),

  listStaffServiceItems: route({
    method: 'GET', path: '/api/v1/staff/service-items', access: 'staff', roles: admin, summary: '事项管理列表（本机构及下级）', tags: adminTags,
    query: pageQuery.extend({ q: z.string().trim().max(50).optional(), active: boolQuery }),
    responses: { 200: page(staffServiceItem) },
  }),
  createServiceItem: route({
    method: 'POST', path: '/api/v1/staff/service-items', access: 'staff', roles: admin, summary: '新增事项', tags: adminTags,
    body: serviceItemInput, responses: { 201: staffServiceItem },
  }),
  getStaffServiceItem: route({
    method: 'GET', path: '/api/v1/staff/service-items/:id', access: 'staff', roles: admin, summary: '事项详情（编辑办事指南，含已停用）', tags: adminTags,
    params: idParams, responses: { 200: staffServiceItem },
  }),
  deleteServiceItem: route({
    method: 'DELETE', path: '/api/v1/staff/service-items/:id', access: 'staff', roles: admin, summary: '删除事项（已有预约、上门服务或评价的不能删除，请停用）', tags: adminTags,
    params: idParams, responses: { 200: ok },
  }),
  updateServiceItem: route({
    method: 'PATCH', path: '/api/v1/staff/service-items/:id', access: 'staff', roles: admin, summary: '修改事项（停用用 active=false）', tags: adminTags,
    params: idParams, body: serviceItemPatch, responses: { 200: staffServiceItem },
  }),
  listStaffHalls: route({
    method: 'GET', path: '/api/v1/staff/halls', access: 'staff', summary: '服务中心管理列表（含窗口）', tags: adminTags,
    responses: { 200: z.object({ items: z.array(staffHall) }) },
  }),
  createHall: route({
    method: 'POST', path: '/api/v1/staff/halls', access: 'staff', roles: admin, summary: '新增便民服务中心', tags: adminTags,
    body: hallInput, responses: { 201: staffHall },
  }),
  updateHall: route({
    method: 'PATCH', path: '/api/v1/staff/halls/:id', access: 'staff', roles: admin, summary: '修改便民服务中心', tags: adminTags,
    params: idParams, body: hallPatch, responses: { 200: staffHall },
  }),
  deleteHall: route({
    method: 'DELETE', path: '/api/v1/staff/halls/:id', access: 'staff', roles: admin, summary: '删除便民服务中心（已有预约或评价的不能删除，请停用）', tags: adminTags,
    params: idParams, responses: { 200: ok },
  }),
  createHallLine: route({
    method: 'POST', path: '/api/v1/staff/halls/:id/lines', access: 'staff', roles: admin, summary: '新增业务线（取号前缀及其事项）', tags: adminTags,
    params: idParams, body: hallLineInput, responses: { 201: staffHallLine },
  }),
  updateHallLine: route({
    method: 'PATCH', path: '/api/v1/staff/hall-lines/:id', access: 'staff', roles: admin, summary: '修改业务线（已取的号不变）', tags: adminTags,
    params: idParams, body: hallLinePatch, responses: { 200: staffHallLine },
  }),
  deleteHallLine: route({
    method: 'DELETE', path: '/api/v1/staff/hall-lines/:id', access: 'staff', roles: admin, summary: '删除业务线（其事项改用第一条业务线取号，已取的号不变）', tags: adminTags,
    params: idParams, responses: { 200: ok },
  }),
  createWindow: route({
    method: 'POST', path: '/api/v1/staff/windows', access: 'staff', roles: admin, summary: '新增窗口（及其办理的事项）', tags: adminTags,
    body: windowInput, responses: { 201: staffWindow },
  }),
  updateWindow: route({
    method: 'PATCH', path: '/api/v1/staff/windows/:id', access: 'staff', roles: admin, summary: '修改窗口（及其办理的事项）', tags: adminTags,
    params: idParams, body: windowPatch, responses: { 200: staffWindow },
  }),
  deleteWindow: route({
    method: 'DELETE', path: '/api/v1/staff/windows/:id', access: 'staff', roles: admin, summary: '删除窗口（已有预约或评价的不能删除，请停用）', tags: adminTags,
    params: idParams, responses: { 200: ok },
  }),
  listSlotTemplates: route({
    method: 'GET', path: '/api/v1/staff/slot-templates', access: 'staff', roles: admin, summary: '每周时段模板', tags: adminTags,
    query: z.object({ hallId: id }), responses: { 200: z.object({ items: z.array(slotTemplateView) }) },
  }),
  createSlotTemplate: route({
    method: 'POST', path: '/api/v1/staff/slot-templates', access: 'staff', roles: admin, summary: '新增时段模板', tags: adminTags,
    body: slotTemplateInput, responses: { 201: slotTemplateView },
  }),
  updateSlotTemplate: route({
    method: 'PATCH', path: '/api/v1/staff/slot-templates/:id', access: 'staff', roles: admin, summary: '修改时段模板（已生成的时段不变）', tags: adminTags,
    params: idParams, body: slotTemplatePatch, responses: { 200: slotTemplateView },
  }),
  deleteSlotTemplate: route({
    method: 'DELETE', path: '/api/v1/staff/slot-templates/:id', access: 'staff', roles: admin, summary: '删除时段模板（已生成的时段及其预约不变）', tags: adminTags,
    params: idParams, responses: { 200: ok },
  }),
  previewSlotGeneration: route({
    method: 'POST', path: '/api/v1/staff/slots/generate/preview', access: 'staff', roles: admin, summary: '生成时段预览：将新增、关闭和保留的时段（不做任何修改）', tags: adminTags,
    body: slotRange, responses: { 200: slotPlan },
  }),
  listSlotDays: route({
    method: 'GET', path: '/api/v1/staff/slots/days', access: 'staff', roles: desk, summary: '时段日历：每天的时段数、开放与关闭、容量与已约（最多 62 天）', tags: adminTags,
    query: slotRange, responses: { 200: z.object({ items: z.array(slotDay) }) },
  }),
  closeSlotDay: route({
    method: 'POST', path: '/api/v1/staff/slots/close-day', access: 'staff', roles: desk, summary: '整天停止办理：关闭当天全部时段，取消其预约并通知群众', tags: adminTags,
    body: dayBody.extend({ reason: text('停办原因', 100, 2) }), responses: { 200: z.object({ date: z.string(), closed: z.number().int(), cancelled: z.number().int() }) },
  }),
  reopenSlotDay: route({
    method: 'POST', path: '/api/v1/staff/slots/reopen-day', access: 'staff', roles: desk, summary: '整天恢复办理：重新开放当天尚未开始的时段（已取消的预约不恢复）', tags: adminTags,
    body: dayBody, responses: { 200: z.object({ date: z.string(), reopened: z.number().int() }) },
  }),
}

export type ServiceItemSummary = z.infer<typeof serviceItemSummary>
export type ServiceItemDetail = z.infer<typeof serviceItemDetail>
export type SlotView = z.infer<typeof slotView>
export type StaffHall = z.infer<typeof staffHall>
export type StaffWindow = z.infer<typeof staffWindow>
export type StaffHallLine = z.infer<typeof staffHallLine>
export type StaffServiceItem = z.infer<typeof staffServiceItem>
export type SlotTemplateView = z.infer<typeof slotTemplateView>
export type SlotPlan = z.infer<typeof slotPlan>
export type SlotPlanRow = z.infer<typeof slotPlanRow>
export type SlotDay = z.infer<typeof slotDay>
export type Material = z.infer<typeof material>
