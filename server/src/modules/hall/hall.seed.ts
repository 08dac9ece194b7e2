// Demo data: business lines of the demo halls. Appointments keep the hall's own prefix (湖里 A, 东荣 B), so the
// walk-in lines use other letters.
import type { DemoSeeder } from '../../platform/seed'

const lines: Record<string, { prefix: string; name: string; categories: string[] }[]> = {
  湖里街道便民服务中心: [
    { prefix: 'B', name: '社会保障', categories: ['社会保障', '就业创业'] },
    { prefix: 'C', name: '民政', categories: ['社会救助', '残疾人服务', '养老服务'] },
    { prefix: 'D', name: '户籍居住', categories: ['户籍居住', '证明开具', '计生服务'] },
    { prefix: 'E', name: '综合', categories: [] },
  ],
  东荣社区党群服务中心便民服务站: [{ prefix: 'C', name: '综合', categories: [] }],
}

export const seedHallLines: DemoSeeder = async (deps, ctx) => {
  const { db } = deps
  for (const hall of await db.hall.findMany({ where: { id: { in: ctx.hallIds } }, select: { id: true, name: true } })) {
    const defs = lines[hall.name]
    if (!defs) continue
    const handled = await db.windowServiceItem.findMany({ where: { window: { hallId: hall.id } }, select: { serviceItem: { select: { id: true, category: true } } } })
    const items = [...new Map(handled.map((h) => [h.serviceItem.id, h.serviceItem.category]))]
    const taken = new Set<string>()
    for (const [sort, d] of defs.entries()) {
      const line = await db.hallLine.create({ data: { hallId: hall.id, prefix: d.prefix, name: d.name, sort } })
      // The last line (综合) takes whatever the others did not.
      const mine = items.filter(([id, cat]) => !taken.has(id) && (d.categories.includes(cat) || (sort === defs.length - 1 && d.categories.length === 0)))
      for (const [id] of mine) taken.add(id)
      if (mine.length) await db.hallLineItem.createMany({ data: mine.map(([serviceItemId]) => ({ lineId: line.id, hallId: hall.id, serviceItemId })) })
    }
  }
}
