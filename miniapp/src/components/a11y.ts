// Accessibility props that work across platforms: Taro's H5 Image/Input/Textarea/Switch pass `nativeProps` to the
// inner <img>/<input>/<textarea>, where screen readers look for alt and aria-label; weapp reads `ariaLabel`.

/** Alt text of an image. */
export const alt = (text: string) => ({ ariaLabel: text, nativeProps: { alt: text } })

/** The name of a form control whose visible label is a separate Text. */
export const labelled = (label: string) => ({ ariaLabel: label, nativeProps: { 'aria-label': label } })

/**
 * A role (and aria-* attributes) on any component, e.g. `<Text {...aria('heading', { 'aria-level': 2 })}>`: Taro's
 * types list `role` only for some platforms; React passes both to the H5 element as attributes.
 */
// eslint-disable-next-line @typescript-eslint/ban-types
export const aria = (role: string, attrs: Record<`aria-${string}`, string | number | boolean> = {}): {} => ({ role, ...attrs })
