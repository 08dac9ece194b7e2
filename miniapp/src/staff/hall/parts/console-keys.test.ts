import { describe, expect, it } from 'vitest'
import { actionForKey, withKey } from './console-keys'

describe('actionForKey', () => {
  it('maps the letters of the common steps, either case', () => {
    expect(actionForKey({ key: 'n' })).toBe('next')
    expect(actionForKey({ key: 'N' })).toBe('next')
    expect(actionForKey({ key: 'r' })).toBe('recall')
    expect(actionForKey({ key: 's' })).toBe('skip')
    expect(actionForKey({ key: 'd' })).toBe('done')
    expect(actionForKey({ key: 't' })).toBe('transfer')
    expect(actionForKey({ key: 'p' })).toBe('pause')
    expect(actionForKey({ key: 'x' })).toBeNull()
    expect(actionForKey({ key: 'Enter' })).toBeNull()
  })

  it('leaves typing, browser shortcuts and held keys alone', () => {
    expect(actionForKey({ key: 'n', target: { tagName: 'input' } })).toBeNull()
    expect(actionForKey({ key: 'd', target: { tagName: 'TEXTAREA' } })).toBeNull()
    expect(actionForKey({ key: 'r', ctrlKey: true })).toBeNull()
    expect(actionForKey({ key: 's', metaKey: true })).toBeNull()
    expect(actionForKey({ key: 'd', altKey: true })).toBeNull()
    expect(actionForKey({ key: 'n', repeat: true })).toBeNull()
    expect(actionForKey({ key: 'n', target: { tagName: 'DIV' } })).toBe('next')
  })
})

describe('withKey', () => {
  it('shows the shortcut on the button', () => {
    expect(withKey('next')).toBe('叫下一位（N）')
    expect(withKey('pause', '恢复窗口')).toBe('恢复窗口（P）')
  })
})
