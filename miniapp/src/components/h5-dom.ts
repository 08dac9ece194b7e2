// H5 only: what Taro's web components leave out, set once for the whole document (app.ts) and kept up as pages render.
// - Taro's H5 <Button> (taro-button-core) is a custom element without button semantics: it gets role=button and a place
//   in the focus order (none while disabled), so keyboards and screen readers reach it (Enter/Space: a11y.ts).
// - Taro's H5 tab bar items are <a href="javascript:;">. Following that link is refused by the Content-Security-Policy
//   (script-src has no 'unsafe-inline', and we keep it so) and logged as a violation on every tap. The href is removed
//   (Taro switches tabs in its own click handler); the items stay links in the focus order, the current one
//   aria-current=page, and the bar is the navigation landmark.
// - Taro's H5 modal (showModal) and toast are bare <div>s added to <body>: the modal becomes an alert dialog named by
//   its title and text, with buttons a keyboard reaches; the toast a status message screen readers announce.

const TAB_ITEM = 'a.weui-tabbar__item'
const BUTTON = 'taro-button-core'
const MODAL = '.taro__modal'
const MODAL_BUTTON = '.taro-model__btn'
const TOAST = '.taro__toast'

const setAll = (el: Element, attrs: Record<string, string>) => {
  for (const [k, v] of Object.entries(attrs)) if (el.getAttribute(k) !== v) el.setAttribute(k, v)
}

function fixModal (el: Element): void {
  const title = el.querySelector('.taro-modal__title')
  const text = el.querySelector('.taro-modal__text')
  if (title && !title.id) title.id = 'bm-modal-title'
  if (text && !text.id) text.id = 'bm-modal-text'
  // Announced as it opens (a live region, so it also counts as a region for axe's landmark rule).
  setAll(el, { role: 'alertdialog', 'aria-modal': 'true', 'aria-live': 'assertive', 'aria-labelledby': [title?.id, text?.id].filter(Boolean).join(' ') })
}

function fixButton (el: Element): void {
  // Taro's H5 button always carries the attribute, as disabled="false" when enabled.
  const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'
  if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button')
  if (disabled) {
    if (el.getAttribute('aria-disabled') !== 'true') el.setAttribute('aria-disabled', 'true')
    if (el.hasAttribute('tabindex')) el.removeAttribute('tabindex')
  } else {
    if (el.hasAttribute('aria-disabled')) el.removeAttribute('aria-disabled')
    if (el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0')
  }
}

function fixTabItem (el: Element): void {
  if (el.hasAttribute('href')) el.removeAttribute('href')
  if (el.getAttribute('role') !== 'link') el.setAttribute('role', 'link')
  if (el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0')
  const current = el.classList.contains('weui-bar__item_on')
  if (current && el.getAttribute('aria-current') !== 'page') el.setAttribute('aria-current', 'page')
  if (!current && el.hasAttribute('aria-current')) el.removeAttribute('aria-current')
  const bar = el.closest('.weui-tabbar')
  if (bar && bar.getAttribute('role') !== 'navigation') {
    bar.setAttribute('role', 'navigation')
    bar.setAttribute('aria-label', '主导航')
  }
}

const FIXES: [string, (el: Element) => void][] = [
  [BUTTON, fixButton],
  [TAB_ITEM, fixTabItem],
  [MODAL, fixModal],
  [MODAL_BUTTON, (el) => setAll(el, { role: 'button', tabindex: '0' })],
  [TOAST, (el) => setAll(el, { role: 'status', 'aria-live': 'polite' })],
]

function fixTree (root: Element): void {
  for (const [selector, fix] of FIXES) {
    if (root.matches(selector)) fix(root)
    root.querySelectorAll(selector).forEach(fix)
  }
}

/** Fixes what is there and everything added or changed later. */
export function patchTaroDom (doc: Document): MutationObserver {
  fixTree(doc.documentElement)
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => { if (n.nodeType === Node.ELEMENT_NODE) fixTree(n as Element) })
      } else {
        const el = r.target as Element
        if (el.matches(BUTTON)) fixButton(el)
        else if (el.matches(TAB_ITEM)) fixTabItem(el)
      }
    }
  })
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'href', 'class'] })
  return observer
}
