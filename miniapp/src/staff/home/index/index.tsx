import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { z } from 'zod'
import type { staffView } from '@bianmin/shared'
import { STAFF_LOGIN_URL, staffApi, staffSession } from '@/api/client'
import { redirectToLogin } from '@/api/staff-auth'
import { EntryGrid } from '@/components/entry-grid'
import { PageState } from '@/components/page-state'
import { entriesForRoles, roleLabels } from '../../roles'
import { clearMe } from '../../shell/me'
import { requireStaff, staffError } from '../../shell/session'
import { StaffPage } from '../../shell/staff-page'
import { Counters, type Counter } from '../counters'
import { CalendarWarning } from '../calendar-warning'
import './index.scss'

type Staff = z.infer<typeof staffView>

export default function StaffHomePage () {
  const [staff, setStaff] = useState<Staff | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [leaving, setLeaving] = useState(false)
  const [counters, setCounters] = useState<Counter[] | null>(null)
  const [today, setToday] = useState('')
  const [countersLoading, setCountersLoading] = useState(true)
  const [countersError, setCountersError] = useState('')

  const loadCounters = useCallback(async () => {
    setCountersLoading(true)
    setCountersError('')
    try {
      const w = await staffApi('getWorkbench')
      setToday(w.today)
      setCounters(w.counters)
    } catch (e) {
      setCountersError(staffError(e) ?? '')
    } finally {
      setCountersLoading(false)
    }
  }, [])

  const load = useCallback(async () => {
    if (!requireStaff()) return
    setLoading(true)
    setError('')
    try {
      const me = await staffApi('getMe')
      if (me.type !== 'staff') { redirectToLogin(); return }
      setStaff(me.staff)
      void loadCounters()
    } catch (e) {
      setError(staffError(e) ?? '')
    } finally {
      setLoading(false)
    }
  }, [loadCounters])

  useDidShow(() => { void load() })

  const signOut = async () => {
    setLeaving(true)
    try {
      await staffSession.signOut()
      clearMe()
    } finally {
      setLeaving(false)
    }
    void Taro.redirectTo({ url: STAFF_LOGIN_URL })
  }

  return (
    <StaffPage title='工作台' className='staff-home'>
      {loading && !staff && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {staff && (
        <>
          <View className='staff-home__header'>
            <Text className='staff-home__title'>工作台</Text>
            <Text className='staff-home__name' data-testid='staff-name'>{staff.name}</Text>
            <Text className='staff-home__org'>{staff.orgName}</Text>
            <View className='staff-home__roles'>
              {staff.roles.map((r) => <Text key={r} className='staff-home__role'>{roleLabels[r]}</Text>)}
            </View>
          </View>
          <CalendarWarning roles={staff.roles} />
          <View className='staff-home__section'>
            <Counters today={today} counters={counters} loading={countersLoading} error={countersError} onRetry={() => void loadCounters()} />
          </View>
          <View className='staff-home__section'>
            <Text className='staff-home__subtitle'>常用功能</Text>
            <EntryGrid items={entriesForRoles(staff.roles)} />
          </View>
          <View className='staff-home__footer'>
            <Button className={`bm-button bm-button--danger bm-button--block${leaving ? ' bm-button--disabled' : ''}`} disabled={leaving} onClick={() => void signOut()} data-testid='staff-logout'>
              退出登录
            </Button>
          </View>
        </>
      )}
    </StaffPage>
  )
}
