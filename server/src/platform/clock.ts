// The one source of business time. CLOCK (outside production) sets "now" at start-up; time then runs on.
// Asia/Shanghai has no daylight saving: local time is UTC+8 all year.
const OFFSET_MS = 8 * 3600_000

export class Clock {
  private offset = 0
  private frozen: number | null = null
  constructor (start?: string) { if (start) this.set(start) }
  now (): Date { return new Date(this.frozen ?? Date.now() + this.offset) }
  /** Jump to an instant; time keeps running from there. */
  set (iso: string | Date): void { this.offset = new Date(iso).getTime() - Date.now(); this.frozen = null }
  /** Tests: stop time at an instant. */
  freeze (iso?: string | Date): void { this.frozen = iso ? new Date(iso).getTime() : this.now().getTime() }
  advance (ms: number): void { if (this.frozen !== null) this.frozen += ms; else this.offset += ms }
  /** Today's date (YYYY-MM-DD) in Asia/Shanghai. */
  today (): string { return shanghaiDate(this.now()) }
}

export const shanghaiDate = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10)
export const shanghaiTime = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().slice(11, 16)
/** The instant of a local date and time (HH:mm) in Asia/Shanghai. */
export const atShanghai = (date: string, time = '00:00'): Date => new Date(`${date}T${time}:00+08:00`)
export const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
/** ISO 8601 with the +08:00 offset, as the API answers. */
export const toIso = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().replace('Z', '+08:00')
export const toIsoOrNull = (d: Date | null | undefined): string | null => (d ? toIso(d) : null)
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
