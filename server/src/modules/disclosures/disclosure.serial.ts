// 申请编号: <receipt year>-<six-digit sequence>, unique in the database. The next number is read inside the creating
// transaction; two requests that read the same number collide on the unique index and the later one retries.
import type { Deps, Tx } from '../../platform/types'
import { shanghaiDate } from '../../platform/clock'
import { AppError } from '../../platform/errors'

export type NextSerial = (tx: Tx) => Promise<string>

/** The only unique column of a new request besides its id is the serial. */
const isSerialClash = (e: unknown) => (e as { code?: string })?.code === 'P2002'

async function next (tx: Tx, year: string): Promise<string> {
  const last = await tx.disclosure.findFirst({ where: { serialNo: { startsWith: `${year}-` } }, orderBy: { serialNo: 'desc' }, select: { serialNo: true } })
  const n = last?.serialNo ? Number(last.serialNo.slice(year.length + 1)) + 1 : 1
  return `${year}-${String(n).padStart(6, '0')}`
}

export async function withSerial<T> (_deps: Deps, receivedAt: Date, run: (serial: NextSerial) => Promise<T>): Promise<T> {
  const year = shanghaiDate(receivedAt).slice(0, 4)
  for (let attempt = 0; ; attempt++) {
    try {
      return await run((tx) => next(tx, year))
    } catch (err) {
      if (!isSerialClash(err)) throw err
      if (attempt >= 5) throw new AppError('CONFLICT', '申请登记繁忙，请稍后重试')
    }
  }
}

/** 3502**********1234: enough to recognise, not to copy. */
export const maskIdNumber = (v: string): string => (v.length > 8 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : '****')
