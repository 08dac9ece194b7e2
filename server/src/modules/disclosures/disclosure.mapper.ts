// Rows → response shapes. Residents see their phone masked and no internal notes (third-party consultations);
// staff see the full contact data in the case view and masked names in lists.
import {
  disclosureOutcomeInfo, disclosureEventLabels, disclosureStatusLabels,
  type DisclosureApplicantType, type DisclosureOutcome, type DisclosureStatus, type ResponseOf, type Contract,
} from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import { toIso, toIsoOrNull } from '../../platform/clock'
import { maskName, maskPhone } from '../../platform/crypto'
import { uploadView } from '../uploads/upload.links'
import { correctionDueAt, isOverdue, type DisclosureRules } from './disclosure.deadline'
import type { DisclosureRow, EventRow, UploadRow } from './disclosure.types'
import { maskIdNumber } from './disclosure.serial'

type Summary = ResponseOf<Contract['listMyDisclosures']>['items'][number]
type View = ResponseOf<Contract['getDisclosure']>
export type Audience = 'resident' | 'staff'

/** Events whose notes stay internal (the third party consulted may itself be protected information). */
const INTERNAL_NOTES = new Set(['PAUSED', 'RESUMED'])

export function toSummary (d: DisclosureRow, now: Date, audience: Audience): Summary {
  const info = d.outcome ? disclosureOutcomeInfo(d.outcome) : undefined
  return {
    id: d.id,
    serialNo: d.serialNo,
    status: d.status as DisclosureStatus,
    statusLabel: disclosureStatusLabels[d.status as DisclosureStatus],
    applicantType: d.applicantType as DisclosureApplicantType,
    applicantName: d.applicantName,
    orgId: d.orgId,
    orgName: d.org.name,
    description: d.description,
    channel: d.channel as Summary['channel'],
    receivedAt: toIso(d.receivedAt),
    dueAt: toIso(d.dueAt),
    overdue: isOverdue(d, now),
    outcome: (d.outcome as DisclosureOutcome | null) ?? null,
    outcomeLabel: info?.label ?? null,
    outcomeCategory: info?.category ?? null,
    repliedAt: toIsoOrNull(d.repliedAt),
    createdAt: toIso(d.createdAt),
    contactName: audience === 'staff' ? maskName(d.contactName) : d.contactName,
  }
}

export function toView (
  deps: Deps, rules: DisclosureRules, d: DisclosureRow & { events: EventRow[] }, uploads: UploadRow[], audience: Audience,
): View {
  const now = deps.clock.now()
  const phone = deps.cipher.decrypt(d.contactPhoneEnc)
  const dec = (v: string) => { try { return deps.cipher.decrypt(v) } catch { return '' } }
  const correction = d.correctionRequestedAt && d.correctionRequest
    ? {
        requestedAt: toIso(d.correctionRequestedAt),
        request: d.correctionRequest,
        dueAt: toIso(d.status === 'CORRECTION_REQUESTED' ? d.dueAt : correctionDueAt(deps.calendar, rules, d.correctionRequestedAt)),
        answeredAt: toIsoOrNull(d.correctionAnsweredAt),
        content: d.correctionContent,
      }
    : null
  return {
    ...toSummary(d, now, audience),
    contactName: d.contactName,
    contactPhone: audience === 'staff' ? phone : maskPhone(phone),
    purpose: d.purpose,
    form: d.form as View['form'],
    applicantIdNumber: d.applicantIdEnc ? maskIdNumber(dec(d.applicantIdEnc)) : null,
    postalAddress: d.postalAddressEnc ? dec(d.postalAddressEnc) : null,
    extended: d.extended,
    extensionDays: d.extensionDays,
    pausedWorkdays: d.pausedWorkdays,
    correction,
    outcomeDetail: d.outcomeDetail,
    replyContent: d.replyContent,
    attachments: uploads.map((u) => uploadView(deps, u)),
    closedAt: toIsoOrNull(d.closedAt),
    events: [...d.events]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((e) => ({
        action: e.action,
        label: disclosureEventLabels[e.action] ?? e.action,
        note: audience === 'resident' && INTERNAL_NOTES.has(e.action) ? null : e.note,
        createdAt: toIso(e.createdAt),
      })),
  }
}
