/*
 * THE one source of page paths (mini-program and server).
 *
 * Every page of the app is listed here once, by name: the resident pages (`pages/<domain>/<page>/index`: the four tabs in
 * the main package, the others in sub-packages by domain, see residentSubPackages) and the staff section (sub-package
 * `staff`, `staff/<domain>/<page>/index`). Navigation in the mini-program
 * (`go('noticeDetail', { id })` in miniapp/src/kit), app.config.ts (page list, tabBar, sub-package), share paths,
 * the links the server puts into messages (`data.page`) and workbench counters, and the browser tests all read this
 * table. Do not write a page path as a string anywhere else: add the page here and use its name.
 */

export const PAGES = {
  // Resident pages (the tabs in the main package, the rest in sub-packages). The first one opens at start.
  home: 'pages/home/index/index',
  services: 'pages/services/index/index',
  messages: 'pages/messages/index/index',
  mine: 'pages/mine/index/index',
  consultations: 'pages/consultations/index/index',
  consultationNew: 'pages/consultations/new/index',
  consultationDetail: 'pages/consultations/detail/index',
  consultationsPublic: 'pages/consultations/public/index',
  notices: 'pages/notices/list/index',
  noticeDetail: 'pages/notices/detail/index',
  serviceDetail: 'pages/services/detail/index',
  appointmentBook: 'pages/appointments/book/index',
  appointments: 'pages/appointments/list/index',
  appointmentDetail: 'pages/appointments/detail/index',
  homeVisits: 'pages/home-visits/index/index',
  ratingRate: 'pages/ratings/rate/index',
  ratingsMine: 'pages/ratings/mine/index',
  ratingDetail: 'pages/ratings/detail/index',
  ratingStats: 'pages/ratings/stats/index',
  ratingReport: 'pages/ratings/report/index',
  disclosures: 'pages/disclosures/index/index',
  disclosureApply: 'pages/disclosures/apply/index',
  disclosureDetail: 'pages/disclosures/detail/index',
  privacy: 'pages/privacy/index/index',
  // Where an address that names no page lands (app.ts, onPageNotFound): 页面不存在 and a way home.
  notFound: 'pages/not-found/index/index',
  hallTake: 'pages/hall/take/index',
  hallTickets: 'pages/hall/tickets/index',

  // Staff section (sub-package root `staff`).
  staffLogin: 'staff/auth/login/index',
  staffHome: 'staff/home/index/index',
  staffConsultations: 'staff/consultations/index/index',
  staffConsultationDetail: 'staff/consultations/detail/index',
  staffDashboard: 'staff/stats/dashboard/index',
  staffReport: 'staff/stats/report/index',
  staffSettings: 'staff/admin/settings/index',
  staffAccounts: 'staff/admin/accounts/index',
  staffCalendar: 'staff/admin/calendar/index',
  staffAudit: 'staff/admin/audit/index',
  staffAppointmentsToday: 'staff/appointments/today/index',
  staffSlots: 'staff/appointments/slots/index',
  staffPhoneBooking: 'staff/appointments/phone/index',
  staffHomeVisits: 'staff/home-visits/list/index',
  staffHalls: 'staff/catalogue/halls/index',
  staffServiceItems: 'staff/catalogue/items/index',
  staffSlotTemplates: 'staff/catalogue/templates/index',
  staffCalendarImport: 'staff/admin/calendar-import/index',
  staffRectifications: 'staff/rectifications/list/index',
  staffRectificationDetail: 'staff/rectifications/detail/index',
  staffAppeals: 'staff/rectifications/appeals/index',
  staffDisclosures: 'staff/disclosures/list/index',
  staffDisclosureDetail: 'staff/disclosures/detail/index',
  staffDisclosureRecord: 'staff/disclosures/record/index',
  staffDisclosureReceipt: 'staff/disclosures/receipt/index',
  staffNotices: 'staff/notices/list/index',
  staffNoticeReview: 'staff/notices/review/index',
  staffNoticeDetail: 'staff/notices/detail/index',
  staffNoticeEdit: 'staff/notices/edit/index',
  staffHallConsole: 'staff/hall/console/index',
  staffPassword: 'staff/account/password/index',
  staffAnnualReports: 'staff/annual-reports/list/index',
  staffAnnualReportEdit: 'staff/annual-reports/edit/index',
  staffAnnualReportPrint: 'staff/annual-reports/print/index',

  // Hall devices (sub-package root `hall`): no resident session, no consent panel.
  hallScreen: 'hall/queue/screen/index',
  hallRater: 'hall/window/rater/index',
} as const

export type PageName = keyof typeof PAGES
export type PagePath = (typeof PAGES)[PageName]
export type PageQuery = Record<string, string | number | boolean | null | undefined>

/** The tab bar pages, in tab order (switchTab, never navigateTo). */
export const TAB_PAGES = ['home', 'services', 'messages', 'mine'] as const satisfies readonly PageName[]
export type TabPageName = (typeof TAB_PAGES)[number]

export const STAFF_ROOT = 'staff'
const pageNames = Object.keys(PAGES) as PageName[]
export const isStaffPage = (name: PageName): boolean => PAGES[name].startsWith(`${STAFF_ROOT}/`)
export const HALL_ROOT = 'hall'
export const isHallDevicePage = (name: PageName): boolean => PAGES[name].startsWith(`${HALL_ROOT}/`)
export const isTabPage = (name: PageName): name is TabPageName => (TAB_PAGES as readonly string[]).includes(name)

/** app.config.ts: the main package's pages: the four tabs (WeChat keeps tab pages in the main package), 首页 first. */
export const mainPackagePages = (): string[] => TAB_PAGES.map((n) => PAGES[n])
/** app.config.ts: the staff sub-package's pages (relative to its root). */
export const staffPackagePages = (): string[] =>
  pageNames.filter(isStaffPage).map((n) => PAGES[n].slice(STAFF_ROOT.length + 1))
/** app.config.ts: the hall devices' sub-package (root `hall`). */
export const hallPackagePages = (): string[] =>
  pageNames.filter(isHallDevicePage).map((n) => PAGES[n].slice(HALL_ROOT.length + 1))

/**
 * The sub-package root of a resident page beyond the tabs: its domain folder `pages/<domain>`, or the page's own
 * folder when a tab page lives in that domain folder (`pages/services/detail`), so no main-package page lies under a
 * sub-package root and every path stays as in PAGES. undefined for tab, staff and hall-device pages.
 */
export function residentPackageRoot (name: PageName): string | undefined {
  if (isTabPage(name) || isStaffPage(name) || isHallDevicePage(name)) return undefined
  const parts = PAGES[name].split('/')
  const domain = parts.slice(0, 2).join('/')
  return mainPackagePages().some((p) => p.startsWith(`${domain}/`)) ? parts.slice(0, 3).join('/') : domain
}

/** app.config.ts: the resident sub-packages (roots from residentPackageRoot, pages relative to the root). */
export function residentSubPackages (): { root: string; pages: string[] }[] {
  const byRoot = new Map<string, string[]>()
  for (const n of pageNames) {
    const root = residentPackageRoot(n)
    if (root) byRoot.set(root, [...(byRoot.get(root) ?? []), PAGES[n].slice(root.length + 1)])
  }
  return [...byRoot].map(([root, pages]) => ({ root, pages }))
}

/** `/pages/…/index?a=1&b=x` — the URL to navigate to (values URI-encoded; null/undefined/'' left out). */
export function pageUrl (name: PageName, query?: PageQuery): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `/${PAGES[name]}${qs ? `?${qs}` : ''}`
}

/** An H5 link (hash router) on the given origin, e.g. a QR code: `https://host/#/pages/…?id=…`. */
export const h5PageUrl = (origin: string, name: PageName, query?: PageQuery): string =>
  `${origin.replace(/\/+$/, '')}/#${pageUrl(name, query)}`

/**
 * Paths that links stored before a rename (messages already sent, counters of an older server) may still carry,
 * old path → page. `resolvePageUrl` maps them to today's page, so an old message still opens.
 */
export const LEGACY_PAGES: Readonly<Record<string, PageName>> = {
  'pages/index/index': 'home',
  'pages/services/index': 'services',
  'pages/messages/index': 'messages',
  'pages/mine/index': 'mine',
  'pages/privacy/index': 'privacy',
  'staff/login/index': 'staffLogin',
  'staff/home/index': 'staffHome',
  'staff/dashboard/index': 'staffDashboard',
  'staff/report/index': 'staffReport',
  'staff/rectifications/index': 'staffRectifications',
  'staff/appeals/index': 'staffAppeals',
  'staff/consultations/inbox/index': 'staffConsultations',
  'staff/ratings/rectifications/index': 'staffRectifications',
  'staff/ratings/appeals/index': 'staffAppeals',
}

const byPath = new Map<string, PageName>(pageNames.map((n) => [PAGES[n], n]))
const bare = (url: string) => url.replace(/^\/?#?\/*/, '').split('?')[0]!

/** The page a URL or path (with or without leading `/`, `#/` or query) opens, legacy paths included. */
export function pageNameOf (url: string | undefined | null): PageName | undefined {
  if (!url) return undefined
  const path = bare(url)
  return byPath.get(path) ?? LEGACY_PAGES[path]
}

/** The URL to open for a link: a legacy path replaced by today's, the query kept; unknown links unchanged. */
export function resolvePageUrl (url: string): string {
  const name = pageNameOf(url)
  if (!name) return url
  const q = url.indexOf('?')
  return `/${PAGES[name]}${q >= 0 ? url.slice(q) : ''}`
}
