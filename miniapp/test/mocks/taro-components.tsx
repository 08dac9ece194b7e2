// Minimal stand-ins for @tarojs/components: plain DOM elements in jsdom.
// Taro-only props are dropped; onInput/onChange receive `{ detail: { value } }` like Taro's events.
import { createElement, forwardRef, type ReactNode } from 'react'

type AnyProps = { children?: ReactNode; [k: string]: unknown }
const taroOnly = new Set(['hoverClass', 'loading', 'maxlength', 'password', 'onConfirm', 'color', 'checked', 'scrollY', 'scrollX'])

const make = (tag: string, displayName: string) => {
  const C = forwardRef<unknown, AnyProps>(({ children, ...props }, ref) => {
    const dom: Record<string, unknown> = { ref }
    for (const [k, v] of Object.entries(props)) if (!taroOnly.has(k)) dom[k] = v
    return createElement(tag, dom, children as ReactNode)
  })
  C.displayName = displayName
  return C
}

export const View = make('div', 'View')
export const Text = make('span', 'Text')
export const Button = make('button', 'Button')
export const Image = make('img', 'Image')
export const ScrollView = make('div', 'ScrollView')

export const Input = forwardRef<HTMLInputElement, AnyProps>(({ onInput, password, value, placeholder, ...rest }, ref) =>
  createElement('input', {
    ref,
    type: password ? 'password' : 'text',
    value,
    placeholder,
    'data-testid': rest['data-testid'],
    onChange: (e: { target: { value: string } }) => (onInput as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.value } }),
  }))
Input.displayName = 'Input'

export const Switch = forwardRef<HTMLInputElement, AnyProps>(({ checked, onChange }, ref) =>
  createElement('input', {
    ref,
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(checked),
    onChange: (e: { target: { checked: boolean } }) => (onChange as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.checked } }),
  }))
Switch.displayName = 'Switch'

export const Textarea = forwardRef<HTMLTextAreaElement, AnyProps>(({ onInput, value, placeholder, ...rest }, ref) =>
  createElement('textarea', {
    ref,
    value,
    placeholder,
    'aria-label': rest.ariaLabel,
    'data-testid': rest['data-testid'],
    onChange: (e: { target: { value: string } }) => (onInput as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.value } }),
  }))
Textarea.displayName = 'Textarea'

/** A picker's face only (choosing is the platform's sheet). */
export const Picker = ({ children }: AnyProps) => createElement('div', null, children as ReactNode)

/** Rich text: its `nodes` HTML string as the element's content. */
export const RichText = ({ nodes, className }: AnyProps) => createElement('div', { className, dangerouslySetInnerHTML: { __html: typeof nodes === 'string' ? nodes : '' } })
