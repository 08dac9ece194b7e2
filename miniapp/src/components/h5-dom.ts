// H5 only: what Taro's web components leave out, set once for the whole document (app.ts) and kept up as pages render.
// - Taro's H5 <Button> (taro-button-core) is a custom element without button semantics: it gets role=button and a place
//   in the focus order (none while disabled), so keyboards and screen readers reach it (Enter/Space: a11y.ts).
// - Taro's H5 tab bar items are <a href="javascript:;">. Following that link is refused by the Content-Security-Policy
//   (script-src has no 'unsafe-inline', and we keep it so) and logged as a violation on every tap. The href is removed
//   (Taro switches tabs in its own click handler); the items stay links in the focus order, the current one
//   aria-current=page, and the bar is the navigation landmark.

const TAB_ITEM = 'a.weui-tabbar__item'
const BUTTON = 'taro-button-core'

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

function fixTree (root: Element): void {
  if (root.matches(BUTTON)) fixButton(root)
  else if (root.matches(TAB_ITEM)) fixTabItem(root)
  root.querySelectorAll(BUTTON).forEach(fixButton)
  root.querySelectorAll(TAB_ITEM).forEach(fixTabItem)
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
