// Keyboard shortcuts of the window console (H5 on a desk PC): one letter per common step, shown on its button.

export type ConsoleAction = 'next' | 'recall' | 'skip' | 'done' | 'transfer' | 'pause'

export const CONSOLE_KEYS: Readonly<Record<ConsoleAction, string>> = {
  next: 'N', recall: 'R', skip: 'S', done: 'D', transfer: 'T', pause: 'P',
}

export const consoleLabels: Readonly<Record<ConsoleAction, string>> = {
  next: '叫下一位', recall: '重呼', skip: '过号', done: '办结', transfer: '转窗口', pause: '暂停窗口',
}

interface KeyLike {
  key: string
  altKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  repeat?: boolean
  target?: unknown
}

const typing = (target: unknown): boolean => {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null
  const tag = el?.tagName?.toUpperCase()
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el?.isContentEditable === true
}

/** The step a key press asks for: a bare letter outside text fields (never with Ctrl/Alt/⌘, never auto-repeat). */
export function actionForKey (e: KeyLike): ConsoleAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || typing(e.target)) return null
  const k = e.key.length === 1 ? e.key.toUpperCase() : ''
  return (Object.keys(CONSOLE_KEYS) as ConsoleAction[]).find((a) => CONSOLE_KEYS[a] === k) ?? null
}

/** Button text with its shortcut, e.g. "叫下一位（N）". */
export const withKey = (a: ConsoleAction, label = consoleLabels[a]): string => `${label}（${CONSOLE_KEYS[a]}）`
