// 取号 at a hall from the phone (pages/hall/take/index?hallId=…&itemId=…): whether tickets are given now, the
// item's line and how many wait, then 取号 → 我的排队.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api/client'
import { estimateText } from '@/components/hall/ticket-format'
import { Action, Choices, FormError, InfoRow, Loaded, PageRoot, Section, go, redirect, useResource, useSubmit } from '@/kit'
import '../parts/hall.scss'

export default function TakeTicketPage () {
  const { hallId = '', itemId = '' } = useRouter().params
  const options = useResource(() => api('getHallTicketOptions', { params: { id: hallId } }), [hallId], { enabled: Boolean(hallId) })
  const [chosen, setChosen] = useState(itemId)
  const take = useSubmit((serviceItemId: string) => api('createTicket', { body: { hallId, serviceItemId } }), {
    validate: (id) => ({ serviceItemId: id ? undefined : '请选择办理事项' }),
    onSuccess: (t) => redirect('hallTickets', { id: t.id }),
  })

  return (
    <PageRoot className='hl' consent='required'>
      <Loaded resource={options}>
        {(o) => {
          const item = o.items.find((i) => i.serviceItemId === chosen)
          return (
            <>
              <Section title={o.hallName} testId='take-hall'>
                <InfoRow label='取号时间'>{o.hours.length ? o.hours.join('，') : '今日不办公'}</InfoRow>
                <InfoRow label='当前状态' testId='take-open'>{o.open ? '正在取号' : o.closedReason ?? '现在不能取号'}</InfoRow>
                <InfoRow label='大厅等候'>{o.lines.map((l) => `${l.lineName} ${l.waiting} 人`).join('，') || '暂无'}</InfoRow>
              </Section>
              <Section title='办理事项'>
                {o.items.length === 0
                  ? <Text className='bm-row__desc'>本中心暂无可取号的事项</Text>
                  : <Choices label='办理事项' value={chosen} onChange={(v) => { setChosen(v); take.clear('serviceItemId') }}
                    options={o.items.map((i) => ({ value: i.serviceItemId, label: i.name }))} testId={(v) => `take-item-${v}`} />}
                {take.errors.serviceItemId && <Text className='bm-field__error'>{take.errors.serviceItemId}</Text>}
                {item && (
                  <View className='hl-take__facts' data-testid='take-facts'>
                    <InfoRow label='业务线'>{`${item.line} ${item.lineName}`}</InfoRow>
                    <InfoRow label='前面等候' testId='take-waiting'>{`${item.waiting} 人`}</InfoRow>
                    <Text className='hl-hint' data-testid='take-estimate'>{estimateText(item.estimatedWaitMinutes)}</Text>
                  </View>
                )}
              </Section>
              <View className='bm-card'>
                <FormError error={take.error} testId='take-error' />
                <Action kind='primary' block busy={take.busy} busyText='正在取号…' disabled={!o.open} onClick={() => void take.run(chosen)} testId='take-submit'>
                  {o.open ? '取号' : '现在不能取号'}
                </Action>
                <Text className='hl-hint'>取号后请留意手机和大厅叫号屏；前面还剩 3 位时会提醒您。</Text>
                <Action block onClick={() => go('hallTickets')} testId='take-mine'>查看我的排队</Action>
              </View>
            </>
          )
        }}
      </Loaded>
    </PageRoot>
  )
}
