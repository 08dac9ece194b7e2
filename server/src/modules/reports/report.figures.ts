// The year's figures as the starting paragraph of 一、总体情况 (the editor keeps or changes it).
import type { Deps, StaffActor } from '../../platform/types'
import { annualReport } from '../workbench/annual.service'

export async function suggestedOverview (deps: Deps, actor: StaffActor, year: number, orgId: string): Promise<string> {
  const r = await annualReport(deps, actor, year, orgId)
  const f = (label: string) => String(r.figures.find((x) => x.label === label)?.value ?? 0)
  const row = (key: string) => r.disclosures.rows.find((x) => x.key === key)?.values.TOTAL ?? 0
  const consults = Number(f('受理在线咨询')) + Number(f('受理网上投诉')) + Number(f('受理意见建议'))
  return [
    `${year}年，${r.orgName}主动公开政府信息${r.proactive.total}条。`,
    `本年新收政府信息公开申请${row('NEW')}件，上年结转${row('CARRIED_OVER')}件，办结${row('HANDLED_TOTAL')}件，结转下年度继续办理${row('CARRIED_FORWARD')}件。`,
    `受理在线咨询、投诉和意见建议${consults}件，已答复${f('已答复')}件，按时答复率${f('按时答复率')}。`,
    `收到服务评价${f('收到评价')}条，好评率${f('满意率')}，差评${f('差评')}条，差评整改率${f('差评整改率')}。`,
    `预约办理${f('预约办理')}件，办结${f('办结')}件；“一趟不用跑”事项占比${f('“一趟不用跑”事项占比')}，“最多跑一趟”事项占比${f('“最多跑一趟”事项占比')}。`,
  ].join('')
}
