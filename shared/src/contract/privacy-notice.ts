// The privacy notice (隐私政策) version residents consent to. The text itself ships with the mini-program
// (pages/privacy); its version must equal the server setting privacy.version, which this endpoint tells anyone.
import { z } from 'zod'
import { route } from './route'
import { isoDateTime } from './common'

export const privacyNoticeView = z.object({
  /** The version a resident must accept (POST /api/v1/me/consent) before sending personal data. */
  version: z.string(),
  /** When an admin last changed the version; null while the built-in default applies. */
  updatedAt: isoDateTime.nullable(),
})
export type PrivacyNoticeView = z.infer<typeof privacyNoticeView>

export { CONSENT_REQUIRED, consentRequiredMessage } from './consent'

export const privacyNoticeRoutes = {
  getPrivacyNotice: route({
    method: 'GET', path: '/api/v1/privacy', access: 'public', tags: ['我的'],
    summary: '当前隐私政策版本（居民提交个人信息前须同意此版本）',
    responses: { 200: privacyNoticeView },
  }),
}
