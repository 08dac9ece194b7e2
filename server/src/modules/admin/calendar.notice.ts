// Reads the State Council's yearly 节假日安排 notice (国务院办公厅关于YYYY年部分节假日安排的通知) as pasted text:
// "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。" → holiday ranges and 调休 working days.
// Pure: no database, no clock. Problems are collected as Chinese messages (the caller answers 400 with them).
import { addDays } from '../../platform/clock'

export interface NoticeHoliday { name: string; from: string; to: string; dates: string[] }
export interface NoticeWorkday { name: string; date: string }
export interface ParsedNotice { year: number | null; title: string | null; holidays: NoticeHoliday[]; workdays: NoticeWorkday[]; problems: string[] }

const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g
const ORDINAL = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*/
const pad = (n: number) => String(n).padStart(2, '0')

/** A real calendar date or null (2月30日 → null). */
function isoDate (y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null
}

/** The year the notice is for: its title ("关于2026年部分节假日安排"), else "现将2026年…", else the first "YYYY年" in the text. */
export function noticeYear (text: string): number | null {
  const m = /关于\s*(\d{4})\s*年\s*部分节假日安排/.exec(text) ?? /现将\s*(\d{4})\s*年/.exec(text) ?? /(\d{4})\s*年\s*(?:元旦|春节|部分节假日)/.exec(text)
  return m ? Number(m[1]) : null
}

export function noticeTitle (text: string): string | null {
  const m = /国务院办公厅关于\s*\d{4}\s*年部分节假日安排的通知/.exec(text)
  return m ? m[0].replace(/\s+/g, '') : null
}

export function parseNotice (text: string, yearHint?: number): ParsedNotice {
  const year = yearHint ?? noticeYear(text)
  const out: ParsedNotice = { year, title: noticeTitle(text), holidays: [], workdays: [], problems: [] }
  if (!year) { out.problems.push('未能从通知中识别年份，请填写年份'); return out }
  let name = ''
  // Parentheses hold weekdays and lunar dates (（农历腊月二十八、周日）); drop them before reading dates.
  const clean = text.replace(/（[^（）]*）|\([^()]*\)/g, '')
  for (const raw of clean.split(/[\n。；;]/)) {
    let sentence = raw.trim()
    const head = /^(?:[一二三四五六七八九十]+\s*[、.．]\s*)?([\u4e00-\u9fa5]{2,6})\s*[:：]/.exec(sentence)
    if (head && (ORDINAL.test(sentence) || /节|元旦|春节/.test(head[1]!))) { name = head[1]!; sentence = sentence.slice(head[0].length) }
    for (const clause of sentence.split(/[，,]/)) {
      const off = clause.includes('放假')
      const on = !off && clause.includes('上班')
      if (!off && !on) continue
      const label = name || '节假日'
      let month = 0
      let y = year
      const dates: string[] = []
      for (const m of clause.matchAll(DATE)) {
        if (m[1]) y = Number(m[1])
        if (m[2]) month = Number(m[2])
        const d = month ? isoDate(y, month, Number(m[3])) : null
        if (!d) { out.problems.push(`${label}：“${m[0]}”不是有效日期`); continue }
        dates.push(d)
      }
      if (!dates.length) continue
      if (on) { for (const date of dates) out.workdays.push({ name: label, date }); continue }
      const from = dates[0]!
      const to = /至|到|-|—|~/.test(clause) && dates.length >= 2 ? dates[1]! : from
      if (to < from) { out.problems.push(`${label}：结束日期早于开始日期`); continue }
      const span: string[] = []
      for (let d = from; d <= to && span.length < 31; d = addDays(d, 1)) span.push(d)
      const stated = /共\s*(\d{1,2})\s*天/.exec(sentence)
      if (stated && Number(stated[1]) !== span.length) out.problems.push(`${label}：识别出 ${span.length} 天，与通知中的“共${stated[1]}天”不一致，请检查文本`)
      out.holidays.push({ name: label, from, to, dates: span })
    }
  }
  if (!out.holidays.length && !out.problems.length) out.problems.push('未能从文本中识别出放假安排，请粘贴通知正文（如“一、元旦：1月1日至3日放假调休，共3天。”）')
  return out
}
