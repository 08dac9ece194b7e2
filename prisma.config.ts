// Loaded only by the Prisma CLI (migrate, generate, diff). Prisma 6.19 on its WASM engine + driver adapters:
// nothing is downloaded, so it works offline and in air-gapped networks. DB_PROVIDER picks the schema folder
// (prisma/sqlite or prisma/postgresql), its migrations and the adapter; scripts/prisma.mjs sets it from DATABASE_URL.
import path from 'node:path'
import pg from 'pg'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'

// 1) No telemetry / update check (the CLI otherwise spawns a child that resolves checkpoint.prisma.io).
process.env.CHECKPOINT_DISABLE ??= '1'
// 2) The 6.19 WASM schema engine arms 10 s / 60 s timers it never clears: the CLI would linger after finishing.
{
  const setTimeout0 = globalThis.setTimeout
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const t = setTimeout0(fn, ms, ...rest)
    if ((ms ?? 0) >= 5000) t.unref()
    return t
  }) as typeof globalThis.setTimeout
}

const provider = process.env.DB_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite'
const root = import.meta.dirname ?? process.cwd()

if (provider === 'postgresql') {
  // 3) prisma/prisma#27403: catalog columns of type `name` (19) and `"char"` (18) cannot be deserialised by
  //    adapter-pg 6.19 ("Column type 'name' could not be deserialized"). Report them as text (25).
  const proto = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void }
  const addFields = proto.addFields
  proto.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
    return addFields.call(this, fields)
  }
}

// 4) SQLite `migrate dev` replays migration files through executeRaw (one statement only, P3006):
//    route parameterless multi-statement SQL to executeScript.
type SqlAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>
function execMultiStatement<T extends SqlAdapter> (a: T): T {
  const executeRaw = a.executeRaw.bind(a)
  a.executeRaw = async (q) => (q.args.length === 0 && /;\s*\S/.test(q.sql) ? (await a.executeScript(q.sql), 0) : executeRaw(q))
  return a
}
function sqliteUrl (url: string): string {
  // Relative file paths are relative to the repository root, as for the server (server/src/platform/config.ts).
  const file = url.replace(/^file:/, '')
  return file.startsWith('/') || file === ':memory:' ? url : `file:${path.resolve(root, file)}`
}
function sqliteCliAdapter (url: string) {
  const f = new PrismaBetterSQLite3({ url: sqliteUrl(url) })
  const connect = f.connect.bind(f)
  const connectToShadowDb = f.connectToShadowDb.bind(f)
  f.connect = async () => execMultiStatement(await connect())
  f.connectToShadowDb = async () => execMultiStatement(await connectToShadowDb())
  return f
}

// adapter-pg opens the shadow DB with { ...config, database }; a connectionString would override that database.
function pgConfig (url: string): pg.PoolConfig {
  const u = new URL(url)
  return {
    host: u.searchParams.get('host') ?? u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true, // else the CLI lingers ~10 s after finishing
  }
}
// 5) adapter-pg 6.19's connectToShadowDb drops the shadow DB before closing its pool (and leaks it). Re-implemented.
function pgCliAdapter (cfg: pg.PoolConfig) {
  const f = new PrismaPg(cfg)
  f.connectToShadowDb = async () => {
    const main = await f.connect()
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`
    await main.executeScript(`CREATE DATABASE "${database}"`)
    const shadow = await new PrismaPg({ ...cfg, database }).connect()
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`)
      await main.dispose()
    }
    return shadow
  }
  return f
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(root, 'prisma', provider),
  migrations: { path: path.join(root, 'prisma', provider, 'migrations') },
  adapter: async () =>
    provider === 'postgresql'
      ? pgCliAdapter(pgConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bianmin'))
      : sqliteCliAdapter(process.env.DATABASE_URL ?? 'file:./data/bianmin.db'),
})
