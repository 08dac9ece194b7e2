// 我的排队 (pages/hall/tickets/index?id=…): today's tickets; the live one large with how many are ahead and the
// estimated wait, updated as the hall calls (SSE in H5, polling in WeChat); the window when called; cancel; 评价.
import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ApiError, type TicketView } from '@bianmin/shared'
import { api } from '@/api/client'
import { clockOf, estimateText, ticketStatusMap } from '@/components/hall/ticket-format'
import { useHallLive } from '@/components/hall/use-hall-live'
import { aria, Action, Actions, FormError, Loaded, PageRoot, StatusTag, go, useConfirm, useResource, useSubmit } from '@/kit'
import '../parts/hall.scss'

const live = (t: TicketView) => t.status === 'WAITING' || t.status === 'CALLED'

export default function MyTicketsPage () {
  const focus = useRouter().params.id ?? ''
  // Opened for one ticket (?id=, e.g. from a message): read that ticket itself and keep it first, even from another day
  // (a link to a ticket that is gone still shows today's tickets).
  const list = useResource(async () => {
    const one = focus
      ? api('getTicket', { params: { id: focus } }).catch((e: unknown) => { if (e instanceof ApiError && e.status === 404) return null; throw e })
      : Promise.resolve(null)
    const [mine, ticket] = await Promise.all([api('listMyTickets'), one])
    return ticket ? [ticket, ...mine.items.filter((t) => t.id !== ticket.id)] : mine.items
  }, [focus])
  const tickets = list.data ?? []
  const active = tickets.find((t) => t.id === focus && live(t)) ?? tickets.find(live)
  const highlighted = (t: TicketView) => t.id === active?.id || t.id === focus

  // Any change in that hall: read my tickets again (coalesced).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useHallLive(active?.hallId, () => {
    if (timer.current) return
    timer.current = setTimeout(() => { timer.current = null; void list.reload() }, 200)
  })
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current) }, [])

  const { ask, panel } = useConfirm()
  const cancel = useSubmit((id: string) => api('cancelTicket', { params: { id } }), { onSuccess: () => void list.reload() })
  const askCancel = async (t: TicketView) => {
    if (await ask({ key: t.id, title: '取消排队', content: `确定取消 ${t.number} 号吗？取消后需重新取号。`, confirmText: '取消排队', cancelText: '再等等' })) void cancel.run(t.id)
  }

  return (
    <PageRoot className='hl'>
      <Loaded resource={list} isEmpty={(l) => l.length === 0}
        empty={{ title: '今天还没有取号', description: '在办事指南中选择事项，到服务中心现场办理时可在线取号', action: { label: '去办事', onClick: () => go('services'), testId: 'tickets-to-services' } }}>
        {(items) => items.map((t) => (
          <View key={t.id} className={`bm-card hl-ticket${highlighted(t) ? ' hl-ticket--active' : ''}`} data-testid='ticket'
            {...aria('region', { 'aria-label': `排队号 ${t.number}，${ticketStatusMap[t.status].label}` })}>
            <View className='hl-ticket__head'>
              <StatusTag map={ticketStatusMap} status={t.status} testId='ticket-status' />
              <Text className='hl-ticket__hall'>{t.hallName}</Text>
            </View>
            <Text className='hl-ticket__number' data-testid='ticket-number'>{t.number}</Text>
            <Text className='hl-ticket__item'>{`${t.serviceItemName} · ${t.lineName}`}</Text>
            {t.status === 'CALLED' && (
              <Text className='hl-ticket__called' {...aria('alert')} data-testid='ticket-window'>
                {`请到 ${t.windowNumber ?? ''} 号窗口${t.windowName ? `（${t.windowName}）` : ''}办理`}
              </Text>
            )}
            {t.status === 'WAITING' && (
              <View className='hl-ticket__wait' {...aria('status', { 'aria-live': 'polite' })}>
                <Text>前面还有 <Text className='hl-ticket__ahead' data-testid='ticket-ahead'>{t.ahead}</Text> 位</Text>
                <Text data-testid='ticket-estimate'>{estimateText(t.estimatedWaitMinutes)}</Text>
                {t.ahead > 0 && t.ahead <= 3 && <Text className='hl-ticket__soon'>快到您了，请到叫号屏附近等候</Text>}
              </View>
            )}
            {t.status === 'SKIPPED' && <Text className='hl-ticket__line'>{t.canRecallSkipped ? '您已过号，请到窗口出示号码，可重新呼叫一次' : '您已过号，如需办理请重新取号'}</Text>}
            <Text className='hl-ticket__line'>{`取号 ${clockOf(t.createdAt)}${t.calledAt ? ` · 叫号 ${clockOf(t.calledAt)}` : ''}${t.doneAt ? ` · 办结 ${clockOf(t.doneAt)}` : ''}`}</Text>
            {panel(t.id) ?? (
              <Actions>
                {t.canCancel && <Action kind='danger' busy={cancel.busy} onClick={() => void askCancel(t)} testId='ticket-cancel'>取消排队</Action>}
                {t.status === 'DONE' && t.rating && (t.rating.ratingId
                  ? <Action onClick={() => go('ratingDetail', { id: t.rating!.ratingId })} testId='ticket-rating'>查看我的评价</Action>
                  : <Action kind='primary' onClick={() => go('ratingRate', { subjectType: t.rating!.subjectType, subjectId: t.rating!.subjectId })} testId='ticket-rate'>评价本次服务</Action>)}
              </Actions>
            )}
          </View>
        ))}
      </Loaded>
      <View className='bm-card'><FormError error={cancel.error} testId='ticket-error' /></View>
    </PageRoot>
  )
}
