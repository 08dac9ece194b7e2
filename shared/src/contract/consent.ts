// Plain constants of the privacy-consent refusal, apart from the schemas (the mini-program's main package needs them).

/** `details.reason` of the 403 answered by endpoints marked `requiresConsent` when consent is missing or outdated. */
export const CONSENT_REQUIRED = 'PRIVACY_CONSENT_REQUIRED'
export const consentRequiredMessage = '请先阅读并同意隐私政策，再提交个人信息'
