// Accessibility props that work across platforms: Taro's H5 Image/Input/Textarea/Switch pass `nativeProps` to the
// inner <img>/<input>/<textarea>, where screen readers look for alt and aria-label; weapp reads `ariaLabel`.

/** Alt text of an image. */
export const alt = (text: string) => ({ ariaLabel: text, nativeProps: { alt: text } })

/** The name of a form control whose visible label is a separate Text. */
export const labelled = (label: string) => ({ ariaLabel: label, nativeProps: { 'aria-label': label } })

/** Roles a finger or a key operates: in the H5 focus order (tabindex 0, document order), Enter/Space click them. */
export const INTERACTIVE_ROLES = ['button', 'link', 'tab', 'radio', 'checkbox', 'switch', 'option']

/**
 * A role (and aria-* attributes) on any component, e.g. `<Text {...aria('heading', { 'aria-level': 2 })}>`: Taro's
 * types list `role` only for some platforms; React passes both to the H5 element as attributes.
 */
// eslint-disable-next-line @typescript-eslint/ban-types
export const aria = (role: string, attrs: Record<`aria-${string}`, string | number | boolean> = {}): {} =>
  ({ role, ...(INTERACTIVE_ROLES.includes(role) && attrs['aria-disabled'] !== true ? { tabIndex: 0 } : {}), ...attrs })

/** H5: Enter or Space on a focused custom control (a View with an interactive role) clicks it, like a real button. */
export function enableKeyboardActivation (doc: Document): void {
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const el = e.target as HTMLElement | null
    const role = el?.getAttribute?.('role')
    if (!el || !role || !INTERACTIVE_ROLES.includes(role) || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return
    e.preventDefault()
    el.click()
  })
}
