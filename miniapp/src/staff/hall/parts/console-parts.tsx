// The blocks of the window console: the ticket being served with the step buttons, waiting per line, today's
// figures, skipped tickets that may be called back once, and the transfer choice.
import { Text, View } from '@tarojs/components'
import type { StaffTicket, StaffWindow, WindowConsole } from '@bianmin/shared'
import { clockOf, minutesText, ticketChannelLabels } from '@/components/hall/ticket-format'
import { aria, Action, Actions, List, ListItem, Section } from '@/kit'
import { consoleLabels, withKey, type ConsoleAction } from './console-keys'

const STEPS: { action: ConsoleAction; kind?: 'primary' | 'danger' }[] = [
  { action: 'next', kind: 'primary' }, { action: 'recall' }, { action: 'skip', kind: 'danger' }, { action: 'done', kind: 'primary' }, { action: 'transfer' }, { action: 'pause' },
]

export function CurrentTicket ({ ticket: t, paused, can, run }: { ticket: StaffTicket | null; paused: boolean; can: (a: ConsoleAction) => boolean; run: (a: ConsoleAction) => void }) {
  return (
    <Section title='当前办理' testId='console-current'>
      {t
        ? (
          <View className='hc-current' {...aria('region', { 'aria-label': `当前办理 ${t.number}` })}>
            <Text className='hc-current__number' data-testid='console-current-number'>{t.number}</Text>
            <View className='hc-current__facts'>
              <Text className='hc-current__item'>{t.serviceItemName}</Text>
              <Text>{`${t.lineName} · ${ticketChannelLabels[t.channel]}${t.recallCount > 0 ? ` · 已重呼 ${t.recallCount} 次` : ''}`}</Text>
              <Text>{`取号 ${clockOf(t.createdAt)} · 叫号 ${clockOf(t.calledAt)}`}</Text>
              {(t.contactName || t.contactPhone) && <Text>{[t.contactName, t.contactPhone].filter(Boolean).join(' ')}</Text>}
            </View>
          </View>
          )
        : <Text className='hc-current__none' data-testid='console-current-none'>{paused ? '窗口已暂停，恢复后可叫号' : '当前没有办理中的号，按“叫下一位”开始'}</Text>}
      <View className='hc-steps' {...aria('toolbar', { 'aria-label': '叫号操作' })}>
        {STEPS.map(({ action, kind }) => (
          <Action key={action} kind={kind} disabled={!can(action)} onClick={() => run(action)} testId={`console-${action}`}>
            {withKey(action, action === 'pause' && paused ? '恢复窗口' : consoleLabels[action])}
          </Action>
        ))}
      </View>
      <Text className='hc-steps__hint'>快捷键：N 叫下一位，R 重呼，S 过号，D 办结，T 转窗口，P 暂停/恢复</Text>
    </Section>
  )
}

export function TransferChooser ({ windows, busy, onPick, onCancel }: { windows: StaffWindow[]; busy: boolean; onPick: (windowId: string) => void; onCancel: () => void }) {
  return (
    <Section title='转到其他窗口' testId='console-transfer'>
      {windows.length === 0 && <Text className='bm-row__desc'>本中心没有其他可用窗口</Text>}
      <List>
        {windows.map((w) => (
          <ListItem key={w.id} title={`${w.number} 号窗口`} description={w.name} testId={`transfer-to-${w.number}`} onClick={busy ? undefined : () => onPick(w.id)} />
        ))}
      </List>
      <Actions><Action onClick={onCancel}>取消</Action></Actions>
    </Section>
  )
}

export function LineCounts ({ lines, total }: { lines: WindowConsole['waiting']; total: number }) {
  return (
    <Section title={`本窗口可叫 ${total} 人`} testId='console-waiting'>
      <List>
        {lines.map((l) => <ListItem key={l.line} title={`${l.line} ${l.lineName}`} extra={<Text className='hc-count' data-testid={`console-waiting-${l.line}`}>{`${l.waiting} 人`}</Text>} />)}
      </List>
      {lines.length === 0 && <Text className='bm-row__desc'>没有等候的号</Text>}
    </Section>
  )
}

export function TodayFigures ({ today: d }: { today: WindowConsole['today'] }) {
  const figures: [string, string, string][] = [
    ['已叫号', `${d.called}`, 'called'], ['已办结', `${d.done}`, 'done'], ['过号', `${d.skipped}`, 'skipped'], ['转出', `${d.transferred}`, 'transferred'],
    ['平均等候', minutesText(d.avgWaitMinutes), 'wait'], ['平均办理', minutesText(d.avgServiceMinutes), 'service'],
  ]
  return (
    <Section title='今日本窗口' testId='console-today'>
      <View className='hc-figures' {...aria('list', { 'aria-label': '今日数据' })}>
        {figures.map(([label, value, key]) => (
          <View key={key} className='hc-figure' {...aria('listitem')}>
            <Text className='hc-figure__value' data-testid={`console-today-${key}`}>{value}</Text>
            <Text className='hc-figure__label'>{label}</Text>
          </View>
        ))}
      </View>
    </Section>
  )
}

export function SkippedList ({ tickets, busy, onRecall }: { tickets: StaffTicket[]; busy: boolean; onRecall: (t: StaffTicket) => void }) {
  return (
    <Section title='过号（到场后可重呼一次）' testId='console-skipped'>
      <List>
        {tickets.map((t) => (
          <ListItem key={t.id} title={t.number} description={`${t.serviceItemName} · 过号 ${clockOf(t.skippedAt)}`}
            extra={t.canRecallSkipped ? <Action disabled={busy} onClick={() => onRecall(t)} testId={`console-recall-${t.number}`}>重呼</Action> : <Text className='bm-row__desc'>已重呼过</Text>} />
        ))}
      </List>
    </Section>
  )
}
