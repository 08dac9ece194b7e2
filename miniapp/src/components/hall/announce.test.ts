import { describe, expect, it } from 'vitest'
import { announcementText, createAnnouncer, pickVoice } from './announce'

class FakeUtterance { lang = ''; rate = 1; volume = 1; voice: unknown = null; constructor (public text: string) {} }
const voice = (lang: string, name = lang) => ({ lang, name }) as SpeechSynthesisVoice

describe('announcementText', () => {
  it('reads the number and the window number as the hall says it', () => {
    expect(announcementText('A007', '3')).toBe('请 A007 号到 3 号窗口办理')
    expect(announcementText(' B012 ', ' 12 ')).toBe('请 B012 号到 12 号窗口办理')
  })
})

describe('pickVoice', () => {
  it('prefers a zh-CN voice, then any Chinese one, else none', () => {
    expect(pickVoice([voice('en-US'), voice('zh-TW'), voice('zh-CN', 'Ting')])?.name).toBe('Ting')
    expect(pickVoice([voice('en-US'), voice('zh-HK')])?.lang).toBe('zh-HK')
    expect(pickVoice([voice('en-US')])).toBeNull()
  })
})

describe('createAnnouncer', () => {
  it('speaks each call in Mandarin, in order', () => {
    const spoken: FakeUtterance[] = []
    const a = createAnnouncer({ speak: (u) => spoken.push(u as unknown as FakeUtterance), getVoices: () => [voice('zh-CN', 'Ting')] }, FakeUtterance as never)
    expect(a.supported).toBe(true)
    expect(a.announce('A007', '3')).toBe(true)
    expect(a.announce('A007', '3')).toBe(true)
    expect(a.announce('A008', '1')).toBe(true)
    expect(spoken.map((u) => u.text)).toEqual(['请 A007 号到 3 号窗口办理', '请 A007 号到 3 号窗口办理', '请 A008 号到 1 号窗口办理'])
    expect(spoken.every((u) => u.lang === 'zh-CN')).toBe(true)
    expect((spoken[0]!.voice as SpeechSynthesisVoice).name).toBe('Ting')
  })

  it('says so when the browser cannot speak', () => {
    const none = createAnnouncer(null, null)
    expect(none.supported).toBe(false)
    expect(none.announce('A001', '1')).toBe(false)
    const broken = createAnnouncer({ speak: () => { throw new Error('not allowed') } }, FakeUtterance as never)
    expect(broken.announce('A001', '1')).toBe(false)
  })
})
