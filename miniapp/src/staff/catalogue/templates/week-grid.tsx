// A hall's weekly slot templates as a week grid (周一…周日): each slot start–end, capacity, window; add, change, remove.
// 调休 make-up Saturdays and Sundays follow Monday's templates.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import { slotTemplateInput, type SlotTemplateView, type StaffHall } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Check, Field, FormError, Loaded, Tag, useResource, useSubmit } from '@/kit'
import { WEEKDAYS, useRemove } from '../parts/catalogue'

interface Draft { start: string; end: string; capacity: string; windowId: string | null; active: boolean }

function TemplateForm ({ hall, weekday, t, onDone, onCancel }: { hall: StaffHall; weekday: number; t: SlotTemplateView | null; onDone: () => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>({ start: t?.start ?? '09:00', end: t?.end ?? '09:30', capacity: String(t?.capacity ?? 3), windowId: t?.windowId ?? null, active: t?.active ?? true })
  const windows = [{ id: null, label: '全厅通用' }, ...hall.windows.map((w) => ({ id: w.id, label: `${w.number} 号 ${w.name}` }))]
  const save = useSubmit((body: z.infer<typeof slotTemplateInput>) => (t
    ? staffApi('updateSlotTemplate', { params: { id: t.id }, body: { start: body.start, end: body.end, capacity: body.capacity, windowId: body.windowId, active: body.active } })
    : staffApi('createSlotTemplate', { body })), { schema: slotTemplateInput, errorPrefix: '保存未成功：', onSuccess: onDone })
  const del = useRemove(() => staffApi('deleteSlotTemplate', { params: { id: t!.id } }), onDone)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); save.clear(k) }
  return (
    <View className='cat-slot' data-testid='template-form'>
      <Field label='开始' value={d.start} onChange={(v) => set('start', v)} maxlength={5} placeholder='09:00' error={save.errors.start} testId='template-start' />
      <Field label='结束' value={d.end} onChange={(v) => set('end', v)} maxlength={5} placeholder='09:30' error={save.errors.end} testId='template-end' />
      <Field label='容量（个号）' name='容量' type='number' value={d.capacity} onChange={(v) => set('capacity', v)} maxlength={3} error={save.errors.capacity} testId='template-capacity' />
      {hall.windows.length > 0 && (
        <Field kind='picker' label='窗口' options={windows.map((w) => w.label)} index={Math.max(0, windows.findIndex((w) => w.id === d.windowId))} onPick={(i) => set('windowId', windows[i]!.id)} />
      )}
      <Check on={d.active} onToggle={() => set('active', !d.active)}>启用</Check>
      <FormError error={save.error || del.error} />
      <Actions column>
        <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run({ hallId: hall.id, weekday, start: d.start, end: d.end, capacity: Number(d.capacity), windowId: d.windowId, active: d.active })} testId='template-save'>保存</Action>
        {t && <Action kind='danger' busy={del.busy} onClick={() => void del.run()} testId='template-remove'>删除</Action>}
        <Action onClick={onCancel}>取消</Action>
      </Actions>
    </View>
  )
}

/** `highlight`: a template to mark (opened from the audit log). */
export function WeekGrid ({ hall, highlight }: { hall: StaffHall; highlight?: string }) {
  const templates = useResource(() => staffApi('listSlotTemplates', { query: { hallId: hall.id } }), [hall.id], { on: 'mount' })
  const [editing, setEditing] = useState<string | null>(null) // template id, or `new-<weekday>`
  const done = () => { setEditing(null); void templates.reload() }
  const windowName = (id: string | null) => (id ? hall.windows.find((w) => w.id === id)?.name ?? '窗口' : '全厅通用')
  return (
    <Loaded resource={templates}>
      {(data) => (
        <View className='cat-week' role='group' aria-label='每周时段模板' data-testid='week-grid'>
          {WEEKDAYS.map((label, i) => {
            const weekday = i + 1
            const rows = data.items.filter((t) => t.weekday === weekday)
            return (
              <View key={label} className='cat-week__day' role='group' aria-label={label} data-testid={`week-day-${weekday}`}>
                <Text className='cat-week__title'>{label}</Text>
                {rows.map((t) => (editing === t.id
                  ? <TemplateForm key={t.id} hall={hall} weekday={weekday} t={t} onDone={done} onCancel={() => setEditing(null)} />
                  : (
                    <View key={t.id} className={`cat-slot${t.active ? '' : ' cat-slot--off'}${t.id === highlight ? ' cat-slot--on' : ''}`} data-testid='template'>
                      <Text>{`${t.start}–${t.end}`}</Text>
                      <Text className='cat-note'>{`${t.capacity} 个号 · ${windowName(t.windowId)}`}</Text>
                      {!t.active && <Tag tone='muted'>已停用</Tag>}
                      <Action onClick={() => setEditing(t.id)} testId='template-edit'>修改</Action>
                    </View>
                    )))}
                {editing === `new-${weekday}`
                  ? <TemplateForm hall={hall} weekday={weekday} t={null} onDone={done} onCancel={() => setEditing(null)} />
                  : <Action onClick={() => setEditing(`new-${weekday}`)} testId={`template-add-${weekday}`}>＋ 添加</Action>}
              </View>
            )
          })}
        </View>
      )}
    </Loaded>
  )
}
