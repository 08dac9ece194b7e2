// Shared bits of the 服务管理 pages: the admin's org subtree for pickers, weekday names, delete-or-deactivate.
import { useState } from 'react'
import { ApiError } from '@bianmin/shared'
import { errorMessage, staffApi } from '@/api/client'
import { useResource } from '@/kit'
import { useStaffMe } from '../../shell/me'
import { indented, subtreeOptions, type OrgOption } from '../../home/orgs'

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** The orgs an admin may put halls and items under (their own subtree), for a picker. */
export function useOrgOptions (): { options: OrgOption[]; labels: string[] } {
  const { staff } = useStaffMe()
  const tree = useResource(() => staffApi('listOrgs'), [], { on: 'mount' })
  const options = staff && tree.data ? subtreeOptions(tree.data.items, staff.orgId) : []
  return { options, labels: options.map(indented) }
}

/** A refused delete (CONFLICT: it has history) says why; the page then offers 停用. */
export const hasHistory = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'CONFLICT'

export const addDaysIso = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/**
 * Delete after a confirmation; a refusal is said on the page (`error`), and `historic` is true when the record has
 * history, so the page offers 停用 instead.
 */
export function useRemove (remove: () => Promise<unknown>, onDone: () => void) {
  const [error, setError] = useState('')
  const [historic, setHistoric] = useState(false)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    setError('')
    try {
      await remove()
      onDone()
    } catch (e) {
      setError(errorMessage(e))
      setHistoric(hasHistory(e))
    } finally {
      setBusy(false)
    }
  }
  return { run, error, historic, busy, reset: () => { setError(''); setHistoric(false) } }
}
