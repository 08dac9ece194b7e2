// Reusable schemas. Query values arrive as strings: coerce with care ("" must not become 0 or true).
import { z } from 'zod'
import './locale'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

export const id = z.string({ error: '编号必须是文本' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')
export const idParams = z.object({ id })

export const limit = z.preprocess(emptyToUndefined,
  z.coerce.number({ error: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20))
export const cursor = z.string().max(512, '翻页参数过长').regex(/^[A-Za-z0-9_-]+$/, '翻页参数无效').optional()
export const pageQuery = z.object({ limit, cursor })

export const boolQuery = z.preprocess(emptyToUndefined,
  z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }).transform((v) => v === 'true' || v === '1').optional())

const dateRe = /^\d{4}-\d{2}-\d{2}$/
/** A calendar date YYYY-MM-DD (Asia/Shanghai). */
export const dateString = z.string().regex(dateRe, '日期格式应为 YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}, '日期不存在')
export const timeString = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')
/** ISO 8601 instant with offset, as every response carries. */
export const isoDateTime = z.string()

export const phone = z.string({ error: '请填写手机号码' }).trim().regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号码')
export const personName = z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(30, '姓名最多 30 个字')
export const text = (label: string, max: number, min = 1) =>
  z.string({ error: `请填写${label}` }).trim().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}最多 ${max} 个字`)

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
export const ok = z.object({ ok: z.literal(true) })

export const year = z.preprocess(emptyToUndefined, z.coerce.number({ error: '年份必须是数字' }).int().min(2000, '年份不正确').max(2100, '年份不正确'))
export const dateRangeQuery = z.object({ from: dateString.optional(), to: dateString.optional() })
