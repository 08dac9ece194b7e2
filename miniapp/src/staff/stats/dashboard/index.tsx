import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { staffApi } from '@/api/client'
import { Loaded, useResource } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { subtreeOptions } from '../../home/orgs'
import { Filters, type Option, type Range } from './filters'
import { HallStatsSection } from './hall-section'
import { AppointmentsSection, ConsultationsSection, MonthlySection, NoticesSection, RatingsSection } from './sections'
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
  const [today, setToday] = useState('')
  const options = useResource(loadOptions, [], { on: 'mount' })
  const overview = useResource(async () => {
    const o = await staffApi('getStatsOverview', {
      query: { ...(query.range ?? {}), ...(query.hallId ? { hallId: query.hallId } : {}), ...(query.itemId ? { serviceItemId: query.itemId } : {}) },
    })
    // Without a range the server answers this year up to today: that `to` is today.
    if (!query.range) setToday(o.to)
    return o
  }, [query], { on: 'mount' })
  const data = overview.data
  const loading = overview.loading

  return (
    <StaffPage title='统计分析' className='wb-dashboard'>
      <Filters
        range={query.range ?? { from: data?.from ?? '', to: data?.to ?? '' }}
        today={today}
        halls={options.data?.halls ?? []}
        items={options.data?.items ?? []}
        hallId={query.hallId}
        itemId={query.itemId}
        onRange={(range) => setQuery((q) => ({ ...q, range }))}
        onHall={(hallId) => setQuery((q) => ({ ...q, hallId }))}
        onItem={(itemId) => setQuery((q) => ({ ...q, itemId }))}
      />
      <Loaded resource={overview} loadingTitle='正在统计，请稍候…'>
        {(data) => (
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
      </Loaded>
    </StaffPage>
  )
}
