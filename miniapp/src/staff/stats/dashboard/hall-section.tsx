// 服务大厅 on the dashboard: tickets per channel, waiting (取号 → 叫号) and service (叫号 → 办结) times per hour of day,
// window, item and hall, skipped and cancelled, for the dashboard's range and hall.
import { Text, View } from '@tarojs/components'
import type { HallStats } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Chart } from '@/components/chart'
import { minutesText } from '@/components/hall/ticket-format'
import { Loaded, Section, useResource } from '@/kit'

const mins = (v: number | null) => (v === null ? 0 : Math.round(v * 10) / 10)
type Row = HallStats['byWindow'][number]

function TimesChart ({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  if (rows.length === 0) return null
  return (
    <Chart title={title} kind='bar' labels={rows.map((r) => r.name)} unit='单位：分钟' unitWord=' 分钟' testId={testId}
      series={[{ name: '平均等候', values: rows.map((r) => mins(r.avgWaitMinutes)) }, { name: '平均办理', values: rows.map((r) => mins(r.avgServiceMinutes)) }]} />
  )
}

export function HallStatsSection ({ hallId, from, to }: { hallId?: string; from?: string; to?: string }) {
  const stats = useResource(
    () => staffApi('getHallStats', { query: { ...(hallId ? { hallId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } }),
    [hallId, from, to], { on: 'mount' },
  )
  return (
    <Section title='服务大厅' testId='section-hall'>
      <Loaded resource={stats}>
        {(s) => (
          <>
            <View className='wb-stats'>
              {([
                ['取号（张）', s.tickets, 'tickets'], ['已办结', s.done, 'done'], ['过号', s.skipped, 'skipped'], ['取消', s.cancelled, 'cancelled'],
                ['平均等候', minutesText(s.wait.avgMinutes), 'wait'], ['等候中位数', minutesText(s.wait.medianMinutes), 'wait-median'],
                ['平均办理', minutesText(s.service.avgMinutes), 'service'],
              ] as const).map(([label, value, key]) => (
                <View key={key} className='wb-stat' data-testid={`stat-hall-${key}`}>
                  <Text className='wb-stat__value'>{value}</Text>
                  <Text className='wb-stat__label'>{label}</Text>
                </View>
              ))}
            </View>
            <Chart title='取号渠道' kind='bar' labels={s.byChannel.map((c) => c.label)} series={[{ name: '张数', values: s.byChannel.map((c) => c.count) }]}
              unit='单位：张' unitWord='张' testId='chart-hall-channels' />
            {s.byHour.length > 0 && (
              <Chart title='各时段等候与办理时长' kind='line' labels={s.byHour.map((h) => `${h.hour}时`)} unit='单位：分钟' unitWord=' 分钟' testId='chart-hall-hours'
                series={[{ name: '平均等候', values: s.byHour.map((h) => mins(h.avgWaitMinutes)) }, { name: '平均办理', values: s.byHour.map((h) => mins(h.avgServiceMinutes)) }]} />
            )}
            {s.byHour.length > 0 && (
              <Chart title='各时段取号' kind='bar' labels={s.byHour.map((h) => `${h.hour}时`)} unit='单位：张' unitWord='张' testId='chart-hall-hour-tickets'
                series={[{ name: '取号', values: s.byHour.map((h) => h.tickets) }, { name: '过号', values: s.byHour.map((h) => h.skipped) }, { name: '取消', values: s.byHour.map((h) => h.cancelled) }]} />
            )}
            <TimesChart title='各窗口等候与办理时长' rows={s.byWindow} testId='chart-hall-windows' />
            <TimesChart title='各事项等候与办理时长' rows={s.byItem.slice(0, 10)} testId='chart-hall-items' />
            {s.byHall.length > 1 && <TimesChart title='各服务中心等候与办理时长' rows={s.byHall} testId='chart-hall-halls' />}
            {s.tickets === 0 && <Text className='wb-section__note'>所选期间没有取号记录</Text>}
          </>
        )}
      </Loaded>
    </Section>
  )
}
