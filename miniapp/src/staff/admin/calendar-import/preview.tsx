// The import's preview: the holidays and 调休 days read, every day whose status changes, the slots that will close.
import { Text, View } from '@tarojs/components'
import type { CalendarImportPreview } from '@bianmin/shared'
import { InfoRow, Section, Tag, type Tone } from '@/kit'
import { DataTable, type Column } from '../../shell/data-table'

type Day = CalendarImportPreview['days'][number]
const changeTag: Record<Day['change'], { label: string; tone: Tone }> = {
  OFF: { label: '改为放假', tone: 'danger' }, ON: { label: '改为上班', tone: 'success' }, SAME: { label: '不变', tone: 'muted' }, DROPPED: { label: '不再列出', tone: 'warning' },
}
const WD = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const columns: Column<Day>[] = [
  { key: 'date', title: '日期', width: '1.3fr', render: (d) => <Text>{`${d.date} ${WD[new Date(`${d.date}T00:00:00Z`).getUTCDay()]}`}</Text> },
  { key: 'was', title: '原来', width: '0.8fr', render: (d) => <Text>{d.wasWorkday ? '上班' : '休息'}</Text> },
  { key: 'now', title: '导入后', width: '0.8fr', render: (d) => <Text>{d.isWorkday ? '上班' : '休息'}</Text> },
  { key: 'change', title: '变化', width: '1fr', render: (d) => <Tag tone={changeTag[d.change].tone}>{changeTag[d.change].label}</Tag> },
  { key: 'note', title: '说明', width: '1.4fr', render: (d) => <Text>{d.note ?? (d.change === 'SAME' ? '' : '按正常周末和工作日')}</Text> },
]

export function ImportPreview ({ p, showAll }: { p: CalendarImportPreview; showAll: boolean }) {
  const changed = p.days.filter((d) => d.change === 'ON' || d.change === 'OFF')
  return (
    <View data-testid='import-preview'>
      <Section title={`${p.year} 年 · ${p.name}`}>
        {p.replaces && <InfoRow label='替换'>{`此前导入的“${p.replaces}”`}</InfoRow>}
        <InfoRow label='放假'>{p.holidays.map((h) => `${h.name} ${h.from.slice(5)}${h.to !== h.from ? `～${h.to.slice(5)}` : ''}（${h.days} 天）`).join('；') || '无'}</InfoRow>
        <InfoRow label='调休上班'>{p.workdays.map((w) => `${w.date.slice(5)}（${w.name}）`).join('、') || '无'}</InfoRow>
        <InfoRow label='变化'><Text data-testid='import-changed'>{`${changed.length} 天改变`}</Text></InfoRow>
        <InfoRow label='受影响'><Text data-testid='import-affected'>{p.affected.slots ? `${p.affected.slots} 个已开放的时段将关闭，其中 ${p.affected.bookings} 个预约将被取消并通知群众` : '没有已开放的时段受影响'}</Text></InfoRow>
        <Text className='cat-note'>导入后，该年未列出的日子按正常周末和工作日计算。</Text>
      </Section>
      {(showAll ? p.days : changed).length > 0 && (
        <DataTable label='变化的日子' columns={columns} rows={showAll ? p.days : changed} rowKey={(d) => d.date} rowTestId='import-day' />
      )}
    </View>
  )
}
