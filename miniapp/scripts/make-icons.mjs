// Draws the tab bar icons (81×81 RGBA PNG, grey + brand colour) with no dependencies.
// Usage: node scripts/make-icons.mjs  → src/assets/tabbar/<name>[-active].png
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SS = 4 // supersampling per axis for anti-aliased edges
const COLORS = { normal: [0x59, 0x59, 0x59], active: [0x1a, 0x5f, 0xd0] }
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar')

// Shapes work in a unit square (0..1, y down). Each glyph: (x, y) => inside?
const rect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by); const d2 = s(bx, by, cx, cy); const d3 = s(cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}
const union = (...fs) => (x, y) => fs.some((f) => f(x, y))
const minus = (a, ...bs) => (x, y) => a(x, y) && !bs.some((b) => b(x, y))

const glyphs = {
  // 首页: house with a door
  home: minus(union(triangle(0.5, 0.1, 0.08, 0.5, 0.92, 0.5), rect(0.2, 0.45, 0.8, 0.88, 0.04)), rect(0.42, 0.62, 0.58, 0.88, 0.02)),
  // 办事: four rounded tiles
  services: union(rect(0.12, 0.12, 0.46, 0.46, 0.07), rect(0.54, 0.12, 0.88, 0.46, 0.07), rect(0.12, 0.54, 0.46, 0.88, 0.07), rect(0.54, 0.54, 0.88, 0.88, 0.07)),
  // 消息: speech bubble with three dots
  messages: minus(union(rect(0.08, 0.14, 0.92, 0.72, 0.12), triangle(0.22, 0.68, 0.42, 0.68, 0.2, 0.9)),
    circle(0.3, 0.43, 0.065), circle(0.5, 0.43, 0.065), circle(0.7, 0.43, 0.065)),
  // 我的: head and shoulders
  mine: union(circle(0.5, 0.3, 0.2), minus(ellipse(0.5, 0.92, 0.38, 0.4), rect(0, 0.92, 1, 1))),
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0 }
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function png (inside, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) if (inside((x + (sx + 0.5) / SS) / SIZE, (y + (sy + 0.5) / SS) / SIZE)) hits++
      }
      const o = row + 1 + x * 4
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = Math.round((255 * hits) / (SS * SS))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0 // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

fs.mkdirSync(outDir, { recursive: true })
for (const [name, glyph] of Object.entries(glyphs)) {
  for (const [variant, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, variant === 'active' ? `${name}-active.png` : `${name}.png`)
    const data = png(glyph, color)
    fs.writeFileSync(file, data)
    console.log(`${path.relative(process.cwd(), file)}  ${data.length} B`)
  }
}
