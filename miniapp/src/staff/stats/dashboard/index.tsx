import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { staffApi, staffSession } from '@/api/client'
import { PageState } from '@/components/page-state'
import { requireStaff, staffError } from '../../shell/session'
import { StaffPage } from '../../shell/staff-page'
import { subtreeOptions } from '../../home/orgs'
import { Filters, type Option, type Range } from './filters'
import { HallStatsSection } from './hall-section'
import { AppointmentsSection, ConsultationsSection, MonthlySection, NoticesSection, RatingsSection, type Overview } from './sections'
import './index.scss'

interface Query { range: Range | null; hallId: string; itemId: string }

/** Halls and service items in the staff member's subtree, for the drill-down pickers (best effort). */
async function loadOptions (): Promise<{ halls: Option[]; items: Option[] }> {
  const [me, orgs, halls] = await Promise.all([staffApi('getMe'), staffApi('listOrgs'), staffApi('listStaffHalls')])
  const inScope = new Set(me.type === 'staff' ? subtreeOptions(orgs.items, me.staff.orgId).map((o) => o.id) : [])
  const items: Option[] = []
  let cursor: string | undefined
  for (let i = 0; i < 5; i++) {
    const page = await staffApi('listServiceItems', { query: { limit: 100, cursor } })
    for (const it of page.items) if (inScope.has(it.orgId)) items.push({ id: it.id, name: it.name })
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return { halls: halls.items.map((h) => ({ id: h.id, name: h.name })), items }
}

export default function DashboardPage () {
  const [query, setQuery] = useState<Query>({ range: null, hallId: '', itemId: '' })
  const [data, setData] = useState<Overview | null>(null)
  const [today, setToday] = useState('')
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [options, setOptions] = useState<{ halls: Option[]; items: Option[] }>({ halls: [], items: [] })
  const seq = useRef(0)

  const load = useCallback(async (q: Query) => {
    const mine = ++seq.current
    setLoading(true)
    setError('')
    try {
      const o = await staffApi('getStatsOverview', {
        query: { ...(q.range ?? {}), ...(q.hallId ? { hallId: q.hallId } : {}), ...(q.itemId ? { serviceItemId: q.itemId } : {}) },
      })
      if (mine !== seq.current) return
      // Without a range the server answers this year up to today: that `to` is today.
      if (!q.range) setToday(o.to)
      setData(o)
    } catch (e) {
      if (mine !== seq.current) return
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useLoad(() => {
    if (!requireStaff()) return
    loadOptions().then(setOptions).catch(() => undefined)
  })

  // Reload whenever the range or a drill-down changes (requireStaff above has sent a signed-out user away).
  useEffect(() => { if (staffSession.hasToken()) void load(query) }, [query, load])

  return (
    <StaffPage title='统计分析' className='wb-dashboard'>
      <Filters
        range={query.range ?? { from: data?.from ?? '', to: data?.to ?? '' }}
        today={today}
        halls={options.halls}
        items={options.items}
        hallId={query.hallId}
        itemId={query.itemId}
        onRange={(range) => setQuery((q) => ({ ...q, range }))}
        onHall={(hallId) => setQuery((q) => ({ ...q, hallId }))}
        onItem={(itemId) => setQuery((q) => ({ ...q, itemId }))}
      />
      {loading && !data && <PageState status='loading' title='正在统计，请稍候…' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(query)} />}
      {data && !error && (
        <View className={loading ? 'wb-dashboard__body wb-dashboard__body--loading' : 'wb-dashboard__body'}>
          <Text className='wb-dashboard__scope' data-testid='dashboard-scope'>
            {data.orgName}　{data.from} 至 {data.to}{loading ? '（正在更新…）' : ''}
          </Text>
          <NoticesSection o={data} />
          <AppointmentsSection o={data} />
          <HallStatsSection hallId={query.hallId || undefined} from={data.from} to={data.to} />
          <ConsultationsSection o={data} />
          <RatingsSection o={data} />
          <MonthlySection o={data} />
        </View>
      )}
    </StaffPage>
  )
}
