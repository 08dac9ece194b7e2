import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { AppError } from '../../platform/errors'
import { audit } from '../../platform/audit'
import { addDays } from '../../platform/clock'
import { defineJob } from '../../platform/jobs'
import * as accounts from './account.service'
import { calendarImportRoutes } from './calendar.routes'

// Other instances pick up calendar overrides within a minute.
export const calendarReloadJob = defineJob({ name: 'calendar.reload', everyMs: 60_000, run: (deps) => deps.calendar.load() })

export function adminRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })

  mountContract(router, deps, contract.getSettings, async () => deps.settings.get())
  mountContract(router, deps, contract.updateSettings, async ({ body }, c) => {
    const before = await deps.settings.get()
    const next = await deps.settings.update(body, c.actor.id)
    const changed = Object.keys(body) as (keyof typeof before)[]
    await audit(deps.db, c.actor, { action: 'settings.update', targetType: 'Setting', detail: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: body } }, meta(c))
    return next
  })

  mountContract(router, deps, contract.listAccounts, async ({ query }, c) => accounts.listAccounts(deps, c.actor, query))
  mountContract(router, deps, contract.createAccount, async ({ body }, c) => accounts.createAccount(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateAccount, async ({ params, body }, c) => accounts.updateAccount(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.resetAccountPassword, async ({ params }, c) => accounts.resetPassword(deps, c.actor, params.id, meta(c)))

  calendarImportRoutes(router, deps)
  const describe = (date: string, o: { note: string | null; notice: string | null } | undefined) => ({
    date, isWorkday: deps.calendar.isWorkday(date), note: o?.note ?? null, notice: o?.notice ?? null,
    source: o ? 'OVERRIDE' as const : deps.calendar.isOfficial(Number(date.slice(0, 4))) ? 'OFFICIAL' as const : 'FALLBACK' as const,
  })
  const day = async (date: string) => describe(date, (await deps.db.calendarOverride.findUnique({ where: { date } })) ?? undefined)
  mountContract(router, deps, contract.listCalendar, async ({ query }) => {
    if (query.to < query.from) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [{ path: 'query.to', message: '结束日期不能早于开始日期' }])
    const days: string[] = []
    for (let d = query.from; d <= query.to && days.length < 400; d = addDays(d, 1)) days.push(d)
    if (days.length >= 400) throw new AppError('VALIDATION_FAILED', '一次最多查询 400 天', [{ path: 'query.to', message: '一次最多查询 400 天' }])
    const overrides = new Map((await deps.db.calendarOverride.findMany({ where: { date: { gte: query.from, lte: query.to } } })).map((o) => [o.date, o]))
    return {
      items: days.map((date) => describe(date, overrides.get(date))),
    }
  })
  mountContract(router, deps, contract.setCalendarDay, async ({ params, body }, c) => {
    await deps.db.calendarOverride.upsert({
      where: { date: params.date },
      create: { date: params.date, isWorkday: body.isWorkday, note: body.note ?? null, createdById: c.actor.id },
      update: { isWorkday: body.isWorkday, note: body.note ?? null, createdById: c.actor.id },
    })
    deps.calendar.setOverride(params.date, body.isWorkday)
    await audit(deps.db, c.actor, { action: 'calendar.override', targetType: 'CalendarOverride', targetId: params.date, detail: body }, meta(c))
    deps.events.emit('calendar.changed', params.date)
    await deps.events.idle() // deadlines recomputed before the answer, so a later request never races them
    return day(params.date)
  })
  mountContract(router, deps, contract.clearCalendarDay, async ({ params }, c) => {
    await deps.db.calendarOverride.deleteMany({ where: { date: params.date } })
    deps.calendar.setOverride(params.date, null)
    await audit(deps.db, c.actor, { action: 'calendar.clear', targetType: 'CalendarOverride', targetId: params.date }, meta(c))
    deps.events.emit('calendar.changed', params.date)
    await deps.events.idle() // deadlines recomputed before the answer, so a later request never races them
    return day(params.date)
  })
}
