// Anonymises text before a Q&A is published: ID-card and other long numbers, mobile and landline numbers, emails,
// house numbers of addresses and personal names (names we know, and names introduced as "我叫…", "姓名：…").
import { maskName } from '../../platform/crypto'

const stars = (s: string) => '*'.repeat([...s].length)

const rules = {
  /** 18-digit ID numbers (last character may be X) and any 15–19 digit run (old IDs, bank cards). */
  longNumbers: [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, /(?<!\d)\d{15,19}(?!\d)/g],
  mobile: /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g,
  landline: /(?<!\d)(0\d{2,3})[- ]?\d{7,8}(?!\d)/g,
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  /** Flat, building, unit numbers: unambiguous anywhere. */
  unit: /[\d０-９]+(?:-[\d０-９]+)?(?=\s*(?:号楼|栋|幢|单元|室|户))/g,
  /** Street numbers after a road / estate name ("湖里大道68号", "东荣路22号之3"). */
  streetNumber: /(?<=(?:路|街|道|巷|弄|里|村|小区|花园|苑|公寓|大厦|广场)[\s]*)[\d０-９]+(?:[-之][\d０-９]+)?(?=\s*(?:号|弄))/g,
  /** A name introduced by the writer ("我叫王小明"): surname + first given character, hidden wherever it recurs. */
  introducedName: /(?:我叫|本人叫|名叫|我的名字是|姓名[:：]?|联系人[:：]|户主[:：]|业主[:：]|申请人[:：]?)\s*([\u4e00-\u9fa5]{2})/g,
}

/** Names the writers introduced themselves with, to be hidden in every text of the case (王小明 → 王小, masked as 王*明). */
export const introducedNames = (...texts: string[]): string[] =>
  texts.flatMap((t) => [...t.matchAll(rules.introducedName)].map((m) => m[1]!))

/** Road + house number ("路22号") and landlines the resident wrote: personal wherever they recur, staff answers included. */
const residentFragments = [/(?:路|街|道|巷|弄|里|村|小区|花园|苑|公寓|大厦|广场)\s*[\d０-９]+(?:[-之][\d０-９]+)?\s*(?:号|弄)/g, rules.landline]

/** The literal address numbers and phone numbers in the residents' texts of a case. */
export const personalFragments = (...texts: string[]): string[] =>
  [...new Set(texts.flatMap((t) => residentFragments.flatMap((re) => [...t.matchAll(re)].map((m) => m[0]))))]

export interface MaskOptions {
  /** Literal fragments to hide (their digits starred), e.g. the resident's address as it recurs in an answer. */
  hide?: string[]
  /** Personal names known to belong to the case (resident nickname, staff names). */
  names?: (string | null | undefined)[]
  /** Staff answers keep official landlines and street addresses (they are the office's own). */
  keepOfficialContacts?: boolean
}

export function maskPersonalData (text: string, opts: MaskOptions = {}): string {
  let s = text
  for (const f of [...(opts.hide ?? [])].sort((a, b) => b.length - a.length)) s = s.split(f).join(f.replace(/[\d０-９]/g, '*'))
  for (const re of rules.longNumbers) s = s.replace(re, stars)
  s = s.replace(rules.mobile, (_m, head: string, tail: string) => `${head}****${tail}`)
  if (!opts.keepOfficialContacts) {
    s = s.replace(rules.landline, (_m, area: string) => `${area}-********`)
    s = s.replace(rules.streetNumber, stars)
  }
  s = s.replace(rules.email, '***@***')
  s = s.replace(rules.unit, stars)
  const names = [...new Set([...(opts.names ?? []), ...introducedNames(text)].map((n) => n?.trim() ?? '').filter((n) => [...n].length >= 2))]
  names.sort((a, b) => b.length - a.length)
  for (const n of names) s = s.split(n).join(maskName(n))
  return s
}
