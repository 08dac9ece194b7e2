// 时段管理 (CLERK, ADMIN): a hall's next four weeks day by day (open, closed, booked / capacity); the chosen day beside
// it: close or reopen the whole day, change a slot's capacity or close it. Admins also reach templates and generation.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { SlotDay } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Field, Loaded, Tag, go, useResource } from '@/kit'
import { DataTable, type Column } from '../../shell/data-table'
import { useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import { Split } from '../../catalogue/parts/split'
import { WEEKDAYS, addDaysIso } from '../../catalogue/parts/catalogue'
import { DaySlots } from './day-slots'
import '../../catalogue/parts/catalogue.scss'

const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]
const columns: Column<SlotDay>[] = [
  { key: 'date', title: '日期', width: '1.4fr', render: (d) => <Text>{`${d.date} ${weekdayOf(d.date)}`}</Text> },
  { key: 'kind', title: '', width: '0.8fr', render: (d) => (d.isWorkday ? <Tag tone='info'>工作日</Tag> : <Tag tone='muted'>休息</Tag>) },
  { key: 'open', title: '开放/关闭', width: '1fr', numeric: true, render: (d) => <Text>{d.slots ? `${d.open} / ${d.closed}` : '无时段'}</Text> },
  { key: 'booked', title: '已约/容量', width: '1fr', numeric: true, render: (d) => <Text>{d.slots ? `${d.booked} / ${d.capacity}` : '—'}</Text> },
]

export default function StaffSlotsPage () {
  const [hallId, setHallId] = useState(useRouter().params.hallId ?? '')
  const [date, setDate] = useState<string | null>(null)
  const { staff } = useStaffMe()
  const halls = useResource(() => staffApi('listStaffHalls'), [])
  const work = useResource(() => staffApi('getWorkbench'), [], { on: 'mount' })
  const hall = halls.data?.items.find((h) => h.id === hallId) ?? halls.data?.items[0]
  const today = work.data?.today
  const days = useResource(() => staffApi('listSlotDays', { query: { hallId: hall!.id, from: today!, to: addDaysIso(today!, 27) } }), [hall?.id, today], { enabled: !!hall && !!today })
  const day = days.data?.items.find((d) => d.date === date)
  const admin = staff?.roles.includes('ADMIN')
  return (
    <StaffPage title='时段管理' width='wide' actions={admin && hall ? <Action onClick={() => go('staffSlotTemplates', { hallId: hall.id })} testId='slots-templates'>时段模板与生成</Action> : undefined}>
      <Loaded resource={halls} isEmpty={(d) => d.items.length === 0} empty={{ title: '没有可管理的服务中心' }}>
        {(d) => (
          <>
            <Field kind='picker' label='服务中心' options={d.items.map((h) => h.name)} index={Math.max(0, d.items.findIndex((h) => h.id === hall?.id))} onPick={(i) => { setHallId(d.items[i]!.id); setDate(null) }} testId='slots-hall' />
            <Split
              onBack={() => setDate(null)}
              list={(
                <Loaded resource={days}>
                  {(x) => <DataTable label='每天的时段' columns={columns} rows={x.items} rowKey={(r) => r.date} onRowClick={(r) => setDate(r.date)} selectedKey={date} rowTestId='slot-day' rowLabel={(r) => `${r.date} ${weekdayOf(r.date)}`} />}
                </Loaded>
              )}
              detail={hall && day ? <DaySlots key={`${hall.id}-${day.date}`} hallId={hall.id} date={day.date} isWorkday={day.isWorkday} onChange={() => void days.reload()} /> : null}
              placeholder='在左侧选择一天，查看和调整时段'
            />
          </>
        )}
      </Loaded>
    </StaffPage>
  )
}
