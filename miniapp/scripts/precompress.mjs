#!/usr/bin/env node
// Precompresses the H5 build's hashed scripts and styles (dist/h5/js, dist/h5/css) to .br and .gz beside them, so the
// server sends them compressed without compressing per request (server/src/platform/static.ts). Run after build:h5.
// Usage: node miniapp/scripts/precompress.mjs [h5 dir]   (default miniapp/dist/h5)
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/h5')
const MIN_BYTES = 1024
let files = 0; let raw = 0; let br = 0

function walk (dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name)
    if (e.isDirectory()) { walk(file); continue }
    if (!/\.(js|css)$/.test(e.name)) continue
    const body = fs.readFileSync(file)
    if (body.length < MIN_BYTES) continue
    const b = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    fs.writeFileSync(`${file}.br`, b)
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }))
    files++; raw += body.length; br += b.length
  }
}

for (const dir of ['js', 'css']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir))
console.log(`precompress: ${files} files, ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`)
