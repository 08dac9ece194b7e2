import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { statsOverview } from '@bianmin/shared'
import { Chart } from '@/components/chart'
import { monthLabel, percent } from '@/components/chart-math'

export type Overview = z.infer<typeof statsOverview>

const channelLabels: Record<string, string> = { APP: '小程序', PHONE: '电话预约', PROXY: '代办', HOME: '上门服务' }

function Stat ({ label, value, note, danger, testId }: { label: string; value: string | number; note?: string; danger?: boolean; testId?: string }) {
  return (
    <View className='wb-stat' data-testid={testId}>
      <Text className={`wb-stat__value${danger ? ' wb-stat__value--danger' : ''}`}>{value}</Text>
      <Text className='wb-stat__label'>{label}</Text>
      {note && <Text className='wb-stat__note'>{note}</Text>}
    </View>
  )
}

function Section ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <View className='bm-card wb-section' data-testid={testId}>
      <Text className='wb-section__title'>{title}</Text>
      {children}
    </View>
  )
}

export function NoticesSection ({ o }: { o: Overview }) {
  const n = o.notices
  return (
    <Section title='政务公开' testId='section-notices'>
      <View className='wb-stats'><Stat label='主动公开信息（条）' value={n.published} testId='stat-notices-published' /></View>
      <Chart title='按栏目统计' kind='bar' labels={n.byCategory.map((c) => c.category)} series={[{ name: '发布数量', values: n.byCategory.map((c) => c.count) }]} unit='单位：条' unitWord='条' testId='chart-notices' />
      {n.byChannel.length > 0 && (
        <Text className='wb-section__note'>发布渠道：{n.byChannel.map((c) => `${c.channel} ${c.count} 条`).join('，')}</Text>
      )}
    </Section>
  )
}

export function AppointmentsSection ({ o }: { o: Overview }) {
  const a = o.appointments
  const statuses = [['已办结', a.done], ['待办理', a.pending], ['取消', a.cancelled], ['临近取消', a.lateCancelled], ['爽约', a.noShow]] as const
  return (
    <Section title='预约办理' testId='section-appointments'>
      <View className='wb-stats'>
        <Stat label='预约总数（件）' value={a.booked} note={a.definition} testId='stat-appointments-booked' />
        <Stat label='已办结' value={a.done} />
        <Stat label='爽约' value={a.noShow} danger={a.noShow > 0} />
        <Stat label='“一趟不用跑”事项' value={percent(a.items.fullyOnlineShare)} note={`${a.items.fullyOnline} / ${a.items.total} 项`} />
        <Stat label='“最多跑一趟”事项' value={percent(a.items.maxOneVisitShare)} note={`${a.items.maxOneVisit} / ${a.items.total} 项`} />
      </View>
      <Chart title='预约办理情况' kind='bar' labels={statuses.map((s) => s[0])} series={[{ name: '件数', values: statuses.map((s) => s[1]) }]} unit='单位：件' unitWord='件' testId='chart-appointments' />
      {a.byChannel.length > 0 && (
        <Text className='wb-section__note'>预约渠道：{a.byChannel.map((c) => `${channelLabels[c.channel] ?? c.channel} ${c.count} 件`).join('，')}</Text>
      )}
    </Section>
  )
}

export function ConsultationsSection ({ o }: { o: Overview }) {
  const c = o.consultations
  return (
    <Section title='在线咨询' testId='section-consultations'>
      <View className='wb-stats'>
        <Stat label='收到（件）' value={c.received} testId='stat-consultations-received' />
        <Stat label='按时答复率' value={percent(c.onTimeRate)} note={`已答复 ${c.replied} 件，按时 ${c.repliedOnTime} 件，超期未答复 ${c.unansweredPastDue} 件。${c.onTimeDefinition}`} testId='stat-consultations-on-time' />
        <Stat label='已超期未答复' value={c.overdue} danger={c.overdue > 0} />
        <Stat label='平均答复用时' value={c.avgReplyWorkHours === null ? '—' : `${c.avgReplyWorkHours}`} note='工作小时' />
      </View>
      <Chart title='按类别统计' kind='bar' labels={c.byKind.map((k) => k.label)} series={[{ name: '件数', values: c.byKind.map((k) => k.count) }]} unit='单位：件' unitWord='件' testId='chart-consultations' />
    </Section>
  )
}

export function RatingsSection ({ o }: { o: Overview }) {
  const r = o.ratings
  return (
    <Section title='好差评' testId='section-ratings'>
      <View className='wb-stats'>
        <Stat label='收到评价（条）' value={r.rated} testId='stat-ratings-rated' />
        <Stat label='好评率' value={percent(r.goodRate)} />
        <Stat label='差评' value={r.bad} danger={r.bad > 0} />
        <Stat label='整改率' value={percent(r.rectification.rate)} note={`已整改 ${r.rectification.closed} 件`} />
        <Stat label='未评价率' value={percent(r.services.unratedRate)} note={`${r.services.unrated} / ${r.services.done} 次服务`} />
      </View>
      <Chart title='按评价等级统计' kind='bar' labels={r.byLevel.map((l) => l.label)} series={[{ name: '条数', values: r.byLevel.map((l) => l.count) }]} unit='单位：条' unitWord='条' testId='chart-ratings' />
    </Section>
  )
}

export function MonthlySection ({ o }: { o: Overview }) {
  const m = o.monthly
  const spansYears = m.length > 0 && m[0]!.month.slice(0, 4) !== m[m.length - 1]!.month.slice(0, 4)
  const labels = m.map((x) => monthLabel(x.month, spansYears))
  return (
    <Section title='按月变化' testId='section-monthly'>
      <Chart
        title='每月件数'
        kind={m.length > 1 ? 'line' : 'bar'}
        labels={labels}
        series={[
          { name: '预约', values: m.map((x) => x.appointments) },
          { name: '办结', values: m.map((x) => x.appointmentsDone) },
          { name: '咨询', values: m.map((x) => x.consultations) },
          { name: '评价', values: m.map((x) => x.ratings) },
          { name: '公开信息', values: m.map((x) => x.notices) },
        ]}
        unit='单位：件（条）'
        height={240}
        testId='chart-monthly'
      />
      <Text className='wb-section__note'>
        每月好评率：{m.map((x, i) => `${labels[i]} ${percent(x.goodRate)}`).join('，')}
      </Text>
    </Section>
  )
}
