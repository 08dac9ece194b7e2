// Section 三 of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): rows × applicant-type columns, with the table's
// own check 一 + 二 = 三 + 四 per column. A request is "handled" in the year its reply (or 逾期不补正 ending) falls in.
import {
  disclosureAnnualColumnLabels, disclosureAnnualColumns, disclosureApplicantTypes, disclosureOutcomeList,
  type DisclosureAnnualColumn, type DisclosureOutcomeCategory, type Contract, type ResponseOf,
} from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import { atShanghai } from '../../platform/clock'

export type DisclosureAnnualTable = ResponseOf<Contract['disclosureAnnualTable']>
type Values = Record<DisclosureAnnualColumn, number>

const zero = (): Values => Object.fromEntries(disclosureAnnualColumns.map((c) => [c, 0])) as Values
const LEGAL_PERSON_GROUP = '法人或其他组织'

export async function disclosureAnnualTable (deps: Deps, orgIds: string[], year: number): Promise<DisclosureAnnualTable> {
  const start = atShanghai(`${year}-01-01`)
  const end = atShanghai(`${year + 1}-01-01`)
  // Everything that was open at some point of the year: received before its end and not finished before its start.
  const rows = await deps.db.disclosure.findMany({
    where: { orgId: { in: orgIds }, receivedAt: { lt: end }, OR: [{ repliedAt: null }, { repliedAt: { gte: start } }] },
    select: { applicantType: true, receivedAt: true, repliedAt: true, outcome: true },
  })

  const fresh = zero(); const carried = zero(); const handled = zero(); const forward = zero()
  const byOutcome = new Map<string, Values>(disclosureOutcomeList.map((o) => [o.code, zero()]))
  const add = (v: Values, col: string) => {
    const c = (disclosureApplicantTypes as readonly string[]).includes(col) ? (col as DisclosureAnnualColumn) : 'OTHER'
    v[c]++
    v.TOTAL++
  }
  for (const r of rows) {
    add(r.receivedAt >= start ? fresh : carried, r.applicantType)
    if (r.repliedAt && r.repliedAt < end) {
      // 总计 is the sum of the outcome rows: a finished request with an outcome outside the table shows as a difference.
      const v = r.outcome ? byOutcome.get(r.outcome) : undefined
      if (v) { add(v, r.applicantType); add(handled, r.applicantType) }
    } else {
      add(forward, r.applicantType)
    }
  }

  const differences = zero()
  for (const c of disclosureAnnualColumns) differences[c] = fresh[c] + carried[c] - handled[c] - forward[c]
  const balanced = disclosureAnnualColumns.every((c) => differences[c] === 0)

  const row = (key: string, label: string, values: Values, category: DisclosureOutcomeCategory | null = null) => ({ key, label, category, values })
  return {
    year,
    columns: disclosureAnnualColumns.map((c) => ({
      key: c, label: disclosureAnnualColumnLabels[c], group: c === 'NATURAL_PERSON' || c === 'TOTAL' ? null : LEGAL_PERSON_GROUP,
    })),
    rows: [
      row('NEW', '一、本年新收政府信息公开申请数量', fresh),
      row('CARRIED_OVER', '二、上年结转政府信息公开申请数量', carried),
      ...disclosureOutcomeList.map((o) => row(o.code, o.label, byOutcome.get(o.code)!, o.category)),
      row('HANDLED_TOTAL', '（七）总计', handled),
      row('CARRIED_FORWARD', '四、结转下年度继续办理', forward),
    ],
    check: { balanced, differences },
  }
}
