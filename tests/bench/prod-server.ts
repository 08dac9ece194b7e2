// The real server as production runs it: `node server/dist/main.js` (the esbuild bundle of `npm run build:server`)
// in its own process, NODE_ENV=production, on a prepared database. BENCH_NODE_ARGS adds node flags to that process
// (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile written when the bench stops it with SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const bundle = path.join(root, 'server/dist/main.js')
/** The bench uses the bundle when it was built (run.mjs builds it first), else the sources in a forked child. */
export const useBundle = (): boolean => !process.argv.includes('--source') && fs.existsSync(bundle)

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = net.createServer()
  s.once('error', reject)
  s.listen(0, '127.0.0.1', () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)) })
})

export async function startBundle (url: string, secrets: Record<string, string>, env: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort()
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, bundle], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port),
      DATABASE_URL: url, LOG_LEVEL: 'warn', JOBS: 'off', DATA_DIR: os.tmpdir(), ...secrets, ...env,
    },
  })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server/dist/main.js did not start (exit ${child.exitCode})`) }
    try { if ((await fetch(`${base}/readyz`)).ok) break } catch { await new Promise((r) => setTimeout(r, 50)) }
  }
  return { child, base }
}
