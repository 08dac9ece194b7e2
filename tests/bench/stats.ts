// 好差评 statistics over a large data set on PostgreSQL: ratingStats() timed per filter, against a baseline of the one
// raw-driver GROUP BY a hand-written report would run, with the query plans of the statements Prisma sends.
// Run: npx tsx tests/bench/stats.ts [--ratings 1000000] (TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/test)
// --smoke: 20 000 ratings, one round (CI).
import crypto from 'node:crypto'
import pg from 'pg'
import pino from 'pino'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../../server/src/generated/postgresql/client.js'
import { migrateDeploy } from '../../server/src/platform/migrate'
import { Clock } from '../../server/src/platform/clock'
import { SettingsStore } from '../../server/src/platform/settings'
import type { Db } from '../../server/src/platform/db'
import type { Deps } from '../../server/src/platform/types'
import { ratingStats, statsFilter, type StatsQuery } from '../../server/src/modules/ratings/rating.stats'
import { pgAdmin, pgUrlFor } from '../support/db'

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined }
const smoke = process.argv.includes('--smoke')
const RATINGS = Number(arg('--ratings') ?? (smoke ? 20_000 : 1_000_000))
const ROUNDS = smoke ? 1 : 7
const NOW = '2026-11-23T09:00:00+08:00'

const name = `bm_bench_${crypto.randomBytes(4).toString('hex')}`
const url = pgUrlFor(name)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
async function time (fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = []
  await fn() // warm-up
  for (let i = 0; i < ROUNDS; i++) { const t0 = performance.now(); await fn(); ms.push(performance.now() - t0) }
  return median(ms)
}

async function seed (c: pg.Client) {
  const t0 = performance.now()
  await c.query("SET TIME ZONE 'Asia/Shanghai'")
  // Org tree: 1 district, 3 streets, 4 communities each; one hall per street and community, 3 windows per hall.
  await c.query(`INSERT INTO "Org" (id, name, level, "parentId", path) VALUES ('d', '区', 'DISTRICT', NULL, '/d/')`)
  await c.query(`INSERT INTO "Org" (id, name, level, "parentId", path) SELECT 's' || s, '街道' || s, 'STREET', 'd', '/d/s' || s || '/' FROM generate_series(1, 3) s`)
  await c.query(`INSERT INTO "Org" (id, name, level, "parentId", path) SELECT 's' || s || 'c' || k, '社区' || s || '-' || k, 'COMMUNITY', 's' || s, '/d/s' || s || '/s' || s || 'c' || k || '/'
    FROM generate_series(1, 3) s, generate_series(1, 4) k`)
  await c.query(`INSERT INTO "Hall" (id, "orgId", name, address, "updatedAt") SELECT 'h_' || id, id, name || '服务中心', '地址', now() FROM "Org" WHERE level <> 'DISTRICT'`)
  await c.query(`INSERT INTO "Window" (id, "hallId", name, number) SELECT h.id || '_w' || n, h.id, '窗口' || n, n::text FROM "Hall" h, generate_series(1, 3) n`)
  await c.query(`INSERT INTO "ServiceItem" (id, "orgId", code, name, category, materials, "timeLimitDays", "updatedAt")
    SELECT 'i' || n, 's1', 'C' || n, '事项' || n, '综合', '[]', 5, now() FROM generate_series(1, 40) n`)
  await c.query(`CREATE TEMP TABLE w AS SELECT row_number() OVER (ORDER BY w.id) - 1 AS k, w.id, w."hallId", h."orgId" FROM "Window" w JOIN "Hall" h ON h.id = w."hallId"`)
  // One slot per window and working day over two years (appointments need one).
  await c.query(`INSERT INTO "Slot" (id, "hallId", "windowId", "windowKey", date, start, "end", "startsAt", capacity, booked, "updatedAt")
    SELECT w.id || '_' || d::date, w."hallId", w.id, w.id, to_char(d, 'YYYY-MM-DD'), '09:00', '09:30', d + interval '1 hour', 999, 0, now()
    FROM w, generate_series(timestamptz '2024-11-25 00:00+08', timestamptz '2026-11-22 00:00+08', interval '1 day') d WHERE extract(isodow FROM d) < 6`)
  const windows = Number((await c.query('SELECT count(*) FROM w')).rows[0].count)
  // Finished appointments (89 % of them rated), on the 520 weekdays from Monday 2024-11-25, over all windows.
  const appts = Math.ceil(RATINGS * 100 / 89)
  await c.query(`INSERT INTO "Appointment" (id, "residentId", "slotId", "serviceItemId", "hallId", "windowId", date, status, code, "contactName", "contactPhoneEnc", "doneAt", "updatedAt")
    SELECT 'a' || g, NULL, w.id || '_' || t::date, 'i' || (g % 40 + 1), w."hallId", w.id, to_char(t, 'YYYY-MM-DD'), 'DONE', 'c' || g, '某', 'x', t, now()
    FROM (SELECT g, timestamptz '2024-11-25 09:30+08' + (((g::bigint * 7919) % 520) / 5 * 7 + (g::bigint * 7919) % 520 % 5) * interval '1 day' AS t
      FROM generate_series(1, ${appts}) g) s
    JOIN w ON w.k = s.g % ${windows}`)
  // Ratings for the first RATINGS appointments: levels 5 (60 %), 4 (20 %), 3 (10 %), 2 (6 %), 1 (4 %); 1 in 500 excluded.
  await c.query(`INSERT INTO "Rating" (id, "subjectType", "subjectId", "orgId", "hallId", "windowId", "serviceItemId", level, tags, excluded, "serviceDoneAt", "createdAt")
    SELECT 'r' || a.id, 'APPOINTMENT', a.id, h."orgId", a."hallId", a."windowId", a."serviceItemId",
      CASE WHEN x < 60 THEN 5 WHEN x < 80 THEN 4 WHEN x < 90 THEN 3 WHEN x < 96 THEN 2 ELSE 1 END, '[]', (x2 % 500 = 0), a."doneAt", a."doneAt" + interval '3 hours'
    FROM (SELECT *, (substr(id, 2)::int * 37) % 100 AS x, substr(id, 2)::int AS x2 FROM "Appointment" WHERE substr(id, 2)::int % 100 < 89) a
    JOIN "Hall" h ON h.id = a."hallId"`)
  await c.query(`INSERT INTO "Rectification" (id, "ratingId", "orgId", status, "dueAt", "closedAt", "residentSatisfied", "updatedAt", "createdAt")
    SELECT 'x' || r.id, r.id, r."orgId",
      (CASE WHEN r."createdAt" < timestamptz '2026-10-01' THEN 'CLOSED' ELSE 'VERIFIED' END)::"RectificationStatus",
      r."createdAt" + interval '21 days', CASE WHEN r."createdAt" < timestamptz '2026-10-01' THEN r."createdAt" + interval '10 days' END,
      CASE WHEN r."createdAt" < timestamptz '2026-10-01' THEN length(r.id) % 3 <> 0 END, now(), r."createdAt"
    FROM "Rating" r WHERE r.level <= 2`)
  await c.query('ANALYZE')
  const counts = (await c.query(`SELECT (SELECT count(*) FROM "Rating") AS ratings, (SELECT count(*) FROM "Appointment") AS appointments,
    (SELECT count(*) FROM "Rectification") AS rectifications`)).rows[0]
  console.log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

async function main () {
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"`))
  const raw = new pg.Client({ connectionString: url })
  const queries: { query: string; params: unknown[] }[] = []
  let capture = false
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: 'event', level: 'query' }] })
  prisma.$on('query', (e) => { if (capture) queries.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }) })
  const db = prisma as unknown as Db
  try {
    await migrateDeploy(url, 'postgresql')
    await raw.connect()
    await seed(raw)
    const clock = new Clock(); clock.freeze(NOW)
    const deps = { db, clock, settings: new SettingsStore(db) } as unknown as Deps

    const cases: { label: string; q: StatsQuery; baseline: [string, unknown[]] }[] = [
      { label: '全部（公开，无筛选）', q: {}, baseline: ['SELECT level, count(*) FROM "Rating" WHERE excluded = false GROUP BY level', []] },
      {
        label: '一个街道及其社区，一年', q: { orgId: 's1', from: '2025-11-23', to: '2026-11-22' },
        baseline: [`SELECT level, count(*) FROM "Rating" WHERE excluded = false AND "orgId" IN (SELECT id FROM "Org" WHERE path LIKE '/d/s1/%')
          AND "createdAt" >= $1 AND "createdAt" < $2 GROUP BY level`, [new Date('2025-11-23T00:00:00+08:00'), new Date('2026-11-23T00:00:00+08:00')]],
      },
      {
        label: '一个大厅，一个月', q: { hallId: 'h_s2c3', from: '2026-10-01', to: '2026-10-31' },
        baseline: [`SELECT level, count(*) FROM "Rating" WHERE excluded = false AND "hallId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 GROUP BY level`,
          ['h_s2c3', new Date('2026-10-01T00:00:00+08:00'), new Date('2026-11-01T00:00:00+08:00')]],
      },
      {
        label: '一个事项，一个季度', q: { serviceItemId: 'i7', from: '2026-07-01', to: '2026-09-30' },
        baseline: [`SELECT level, count(*) FROM "Rating" WHERE excluded = false AND "serviceItemId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 GROUP BY level`,
          ['i7', new Date('2026-07-01T00:00:00+08:00'), new Date('2026-10-01T00:00:00+08:00')]],
      },
    ]
    console.log(`\nratingStats() over ${RATINGS.toLocaleString('en')} ratings, median of ${ROUNDS} (ms); baseline = one raw-driver GROUP BY level`)
    for (const c of cases) {
      const filter = await statsFilter(deps, c.q)
      const ours = await time(() => ratingStats(deps, filter))
      const base = await time(() => raw.query(c.baseline[0], c.baseline[1]))
      const s = await ratingStats(deps, filter)
      console.log(`${c.label.padEnd(16, '　')} ${ours.toFixed(1).padStart(8)} ms   baseline ${base.toFixed(1).padStart(7)} ms   ratio ${(ours / base).toFixed(2)}` +
        `   (rated ${s.rated}, 好评率 ${s.goodRate}, 差评 ${s.bad}, 整改率 ${s.rectification.rate}, 未评价率 ${s.services.unratedRate})`)
    }

    // Query plans of every statement of one ratingStats() call (a street, one year).
    capture = true
    await ratingStats(deps, await statsFilter(deps, cases[1]!.q))
    capture = false
    console.log(`\nQuery plans (${queries.length} statements for 一个街道及其社区，一年):`)
    for (const q of queries) {
      if (!/^SELECT/i.test(q.query.trim())) continue
      const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.query}`, q.params)
      const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN'])
      console.log(`\n-- ${q.query.replace(/\s+/g, ' ').slice(0, 160)}…`)
      for (const l of lines) console.log(`   ${l}`)
    }
  } finally {
    await prisma.$disconnect().catch(() => {})
    await raw.end().catch(() => {})
    await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  }
}

main().catch((err) => { pino().error(err); process.exit(1) })
