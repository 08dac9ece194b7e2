// 窗口叫号台 (desk PC first): the window's current ticket, call next / recall / skip / transfer / pause / done with
// keyboard shortcuts, waiting per line, today's figures, skipped tickets to call back, and 现场取号 for walk-ins.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ticketChannelLabels, type StaffTicket, type WindowConsole } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { rememberedWindow, rememberWindow, WindowPicker, type ChosenWindow } from '@/components/hall/window-picker'
import { useHallLive } from '@/components/hall/use-hall-live'
import { clockOf, ticketStatusMap } from '@/components/hall/ticket-format'
import { aria, Action, FormError, Loaded, Section, StatusTag, useResource, useSubmit } from '@/kit'
import { DataTable, type Column } from '../../shell/data-table'
import { StaffPage } from '../../shell/staff-page'
import { actionForKey, type ConsoleAction } from '../parts/console-keys'
import { CurrentTicket, LineCounts, SkippedList, TodayFigures, TransferChooser } from '../parts/console-parts'
import { DeskTicket } from '../parts/desk-ticket'
import './index.scss'

const WINDOW_KEY = 'bm_console_window'

const queueColumns: Column<StaffTicket>[] = [
  { key: 'number', title: '号码', width: '1fr', render: (t) => <Text>{t.number}</Text> },
  { key: 'item', title: '事项', width: '3fr', render: (t) => <Text>{`${t.serviceItemName} · ${t.lineName}`}</Text> },
  { key: 'channel', title: '渠道', width: '1.2fr', render: (t) => <Text>{ticketChannelLabels[t.channel]}</Text> },
  { key: 'status', title: '状态', width: '1fr', render: (t) => <StatusTag map={ticketStatusMap} status={t.status} /> },
  { key: 'since', title: '取号时间', width: '1fr', sort: (a, b) => a.createdAt.localeCompare(b.createdAt), render: (t) => <Text>{clockOf(t.createdAt)}</Text> },
]

export default function WindowConsolePage () {
  const [win, setWin] = useState<ChosenWindow | null>(() => rememberedWindow(WINDOW_KEY))
  const choose = (w: ChosenWindow | null) => { rememberWindow(WINDOW_KEY, w); setWin(w) }
  return (
    <StaffPage title={win ? `窗口叫号台 · ${win.hallName} ${win.number} 号窗口` : '窗口叫号台'} width='wide' className='hc'
      actions={win ? <Action onClick={() => choose(null)} testId='console-change-window'>更换窗口</Action> : undefined}>
      {win
        ? <Console key={win.id} win={win} />
        : <WindowPicker title='选择我的窗口' hint='本机将记住所选窗口，之后打开叫号台直接进入。' onPick={choose} />}
    </StaffPage>
  )
}

type Step = { action: ConsoleAction; ticket?: StaffTicket; windowId?: string }

function Console ({ win }: { win: ChosenWindow }) {
  const c = useResource(() => staffApi('getWindowConsole', { params: { id: win.id } }), [win.id])
  // 等候队列: the hall's waiting tickets today, in queue order.
  const queue = useResource(async () => (await staffApi('listHallTickets', { params: { id: win.hallId }, query: { status: 'WAITING', limit: 100 } })).items, [win.hallId])
  const halls = useResource(async () => (await staffApi('listStaffHalls')).items, [], { on: 'mount' })
  const [transferring, setTransferring] = useState(false)
  const [note, setNote] = useState('')

  // Live: any change in the hall reloads the console (coalesced).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const live = useHallLive(win.hallId, () => {
    if (timer.current) return
    timer.current = setTimeout(() => { timer.current = null; void c.reload(); void queue.reload() }, 150)
  })
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current) }, [])

  const step = useSubmit(async ({ action, ticket, windowId }: Step) => {
    const params = { id: ticket?.id ?? '' }
    switch (action) {
      case 'next': { const t = await staffApi('callNextTicket', { params: { id: win.id } }); return `已叫号 ${t.number}` }
      case 'recall': { const t = await staffApi('recallTicket', { params }); return `已重呼 ${t.number}` }
      case 'skip': { const t = await staffApi('skipTicket', { params }); return `${t.number} 已过号` }
      case 'done': { const t = await staffApi('doneTicket', { params }); return `${t.number} 已办结` }
      case 'transfer': { const t = await staffApi('transferTicket', { params, body: { windowId: windowId ?? '' } }); return `${t.number} 已转到 ${t.windowNumber ?? ''} 号窗口` }
      case 'pause': {
        const w = c.data?.window.paused ? await staffApi('resumeWindow', { params: { id: win.id } }) : await staffApi('pauseWindow', { params: { id: win.id } })
        return w.paused ? '窗口已暂停，暂停期间不能叫号' : '窗口已恢复'
      }
    }
  }, { onSuccess: (msg) => { setNote(msg); setTransferring(false); void c.reload(); void queue.reload() } })

  const data = c.data
  const current = data?.current ?? null
  const can = (a: ConsoleAction): boolean => {
    if (!data || step.busy) return false
    if (a === 'next') return !current && !data.window.paused
    if (a === 'pause') return true
    return Boolean(current)
  }
  const run = (a: ConsoleAction) => {
    if (!can(a)) return
    setNote('')
    if (a === 'transfer') { setTransferring((x) => !x); return }
    void step.run({ action: a, ticket: current ?? undefined })
  }

  // Keyboard shortcuts on a desk PC.
  const runRef = useRef(run)
  runRef.current = run
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const onKey = (e: KeyboardEvent) => {
      const a = actionForKey(e)
      if (!a) return
      e.preventDefault()
      runRef.current(a)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const others = (halls.data?.find((h) => h.id === win.hallId)?.windows ?? []).filter((w) => w.active && w.id !== win.id)
  return (
    <View className='hc__grid'>
      <View className='hc__main'>
        <Section title={`${win.number} 号窗口 · ${win.name}`} testId='console-window'>
          <View className='hc__status' {...aria('status')}>
            <Text data-testid='console-live'>{live === 'online' ? '实时更新中' : live === 'offline' ? '连接已断开，正在重新连接…' : '正在连接…'}</Text>
            {data?.window.paused && <Text className='hc__paused' data-testid='console-paused'>窗口已暂停</Text>}
          </View>
        </Section>
        <Loaded resource={c}>
          {(d: WindowConsole) => (
            <>
              <CurrentTicket ticket={d.current} paused={d.window.paused} can={can} run={run} />
              {transferring && d.current && (
                <TransferChooser windows={others} busy={step.busy} onPick={(windowId) => void step.run({ action: 'transfer', ticket: d.current!, windowId })} onCancel={() => setTransferring(false)} />
              )}
              <View className='hc__feedback'>
                {note && <Text className='hc__note' {...aria('status')} data-testid='console-note'>{note}</Text>}
                <FormError error={step.error} testId='console-error' />
              </View>
              <TodayFigures today={d.today} />
            </>
          )}
        </Loaded>
        <Section title='等候队列' testId='console-queue'>
          <Loaded resource={queue} isEmpty={(rows) => rows.length === 0} empty={{ title: '当前没有等候的号' }}>
            {(rows) => <DataTable label='等候队列' columns={queueColumns} rows={rows} rowKey={(t) => t.id} rowTestId='console-queue-item' />}
          </Loaded>
        </Section>
      </View>
      <View className='hc__side'>
        {data && <LineCounts lines={data.waiting} total={data.waitingTotal} />}
        {data && data.skipped.length > 0 && (
          <SkippedList tickets={data.skipped} busy={step.busy || Boolean(current)} onRecall={(t) => { setNote(''); void step.run({ action: 'recall', ticket: t }) }} />
        )}
        <DeskTicket hallId={win.hallId} preferred={data?.window.serviceItemIds} onIssued={() => { void c.reload(); void queue.reload() }} />
      </View>
    </View>
  )
}
