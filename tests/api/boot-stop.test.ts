// boot()'s stop(): the server stops taking requests, then module state is closed — buffered notice views are written
// to the database (nothing read before the stop is lost) and the flush timer is gone.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { inject } from 'vitest'
import { boot } from '../../server/src/boot'
import { createDb } from '../../server/src/platform/db'
import { createLogger } from '../../server/src/platform/logger'
import { noticeRuntime } from '../../server/src/modules/notices/notice.cache'
import { cloneTemplate } from '../support/db'
import { TEST_PASSWORD } from '../support/app'

it('writes buffered notice views and clears the flush timer on stop()', async () => {
  const db0 = await cloneTemplate(inject('templateDb'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-boot-'))
  try {
    const running = await boot({
      NODE_ENV: 'test', DATABASE_URL: db0.url, PORT: '0', HOST: '127.0.0.1', JOBS: 'off', RATE_LIMITS: 'off', DATA_DIR: dataDir,
      DEMO_PASSWORD: TEST_PASSWORD, TOKEN_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      PHONE_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    }, { log: createLogger('silent') })
    const address = running.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const notice = await running.deps.db.notice.findFirstOrThrow({ where: { status: 'PUBLISHED', publishedAt: { lte: running.deps.clock.now() } } })
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/api/v1/notices/${notice.id}`)).status).toBe(200)
    const rt = noticeRuntime(running.deps)
    expect(rt.pendingViews(notice.id)).toBe(3) // buffered, not yet in the database (flushes every 5 s)

    await running.stop()
    expect(rt.pendingViews(notice.id)).toBe(0)
    expect((rt as unknown as { timer: unknown }).timer).toBeNull()
    const db = await createDb(db0.url)
    try {
      expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).views).toBe(notice.views + 3)
    } finally { await db.$disconnect() }
  } finally {
    await db0.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
