// The hall screen's spoken calls (叫号播报) through the browser's speech synthesis, in Mandarin.

/** The text read out for a call: "请 A007 号到 3 号窗口办理" (the window by its number). */
export function announcementText (ticketNumber: string, windowNumber: string): string {
  return `请 ${ticketNumber.trim()} 号到 ${windowNumber.trim()} 号窗口办理`
}

/** The parts of the Web Speech API the announcer uses (window.speechSynthesis / SpeechSynthesisUtterance). */
export interface SpeechLike {
  speak: (u: SpeechSynthesisUtterance) => void
  cancel?: () => void
  getVoices?: () => SpeechSynthesisVoice[]
}
type UtteranceCtor = new (text: string) => SpeechSynthesisUtterance

/** A Mandarin voice when the browser has one (zh-CN first, then any zh), else null (the browser picks by lang). */
export function pickVoice (voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  return voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? voices.find((v) => /^zh/i.test(v.lang)) ?? null
}

export interface Announcer {
  /** Reads the call out; false when the browser cannot speak (the screen still shows it). */
  announce: (ticketNumber: string, windowNumber: string) => boolean
  /**
   * Reads any text out (the 开启语音播报 button's confirmation, which also unlocks speech: browsers speak only after
   * the page was touched once, unless started with --autoplay-policy=no-user-gesture-required).
   */
  say: (text: string) => boolean
  readonly supported: boolean
}

/** What the browser says of an utterance: it started (speech works), or it was refused (`not-allowed`: no tap yet). */
export interface SpeechEvents { onStart?: () => void; onError?: (error: string) => void }

/** An announcer on the given speech engine (default: the browser's; null: none); the engine queues calls in order. */
export function createAnnouncer (speech?: SpeechLike | null, Utterance?: UtteranceCtor | null, events: SpeechEvents = {}): Announcer {
  const browser = typeof window !== 'undefined' ? window : undefined
  const engine = speech !== undefined ? speech : browser?.speechSynthesis
  const Ctor = Utterance !== undefined ? Utterance : browser?.SpeechSynthesisUtterance
  const supported = Boolean(engine && Ctor)
  const say = (text: string): boolean => {
    if (!engine || !Ctor) return false
    const u = new Ctor(text)
    u.lang = 'zh-CN'
    u.rate = 0.9
    u.volume = 1
    const voice = pickVoice(engine.getVoices?.() ?? [])
    if (voice) u.voice = voice
    u.onstart = () => events.onStart?.()
    u.onerror = (e) => events.onError?.(e.error)
    try {
      engine.speak(u)
      return true
    } catch {
      return false
    }
  }
  return { supported, say, announce: (ticketNumber, windowNumber) => say(announcementText(ticketNumber, windowNumber)) }
}
