// A hall's windows: number, name, active and the service items each handles (checkboxes); add, change, delete.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { windowInput, type StaffHall, type StaffWindow } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Check, Field, FormError, Section, Tag, useConfirm, useResource, useSubmit } from '@/kit'
import { useRemove } from '../parts/catalogue'
import { ItemChecks, type ItemOption } from '../parts/item-checks'

interface Draft { number: string; name: string; active: boolean; serviceItemIds: string[] }

function WindowForm ({ hallId, w, items, onDone }: { hallId: string; w: StaffWindow | null; items: ItemOption[]; onDone: () => void }) {
  const [d, setD] = useState<Draft>({ number: w?.number ?? '', name: w?.name ?? '', active: w?.active ?? true, serviceItemIds: w?.serviceItemIds ?? [] })
  const { ask, panel } = useConfirm()
  const save = useSubmit((body: Draft & { hallId: string }) => (w
    ? staffApi('updateWindow', { params: { id: w.id }, body: { number: body.number, name: body.name, active: body.active, serviceItemIds: body.serviceItemIds } })
    : staffApi('createWindow', { body })), { schema: windowInput, errorPrefix: '保存未成功：', onSuccess: onDone })
  const del = useRemove(() => staffApi('deleteWindow', { params: { id: w!.id } }), onDone)
  const key = `window-${w?.id ?? 'new'}`
  return (
    <View className='cat-material' data-testid={w ? `window-${w.number}` : 'window-new'}>
      <View className='cat-row'>
        <Field label='窗口编号' value={d.number} onChange={(v) => { setD({ ...d, number: v }); save.clear('number') }} maxlength={10} error={save.errors.number} testId='window-number' />
        <Field label='窗口名称' value={d.name} onChange={(v) => { setD({ ...d, name: v }); save.clear('name') }} maxlength={30} error={save.errors.name} testId='window-name' />
      </View>
      <Check on={d.active} onToggle={() => setD({ ...d, active: !d.active })}>启用</Check>
      <ItemChecks label='办理的事项' items={items} chosen={d.serviceItemIds} onChange={(ids) => setD({ ...d, serviceItemIds: ids })} testPrefix='window-item' />
      <FormError error={save.error || save.errors.serviceItemIds || del.error} />
      {panel(key) ?? (
        <Actions>
          <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run({ ...d, hallId })} testId='window-save'>{w ? '保存窗口' : '添加窗口'}</Action>
          {w && del.historic && d.active && <Action onClick={() => void save.run({ ...d, active: false, hallId })}>改为停用</Action>}
          {w && <Action kind='danger' onClick={() => void (async () => { if (await ask({ key, title: '删除窗口', content: `确定删除 ${w.number} 号窗口吗？`, confirmText: '删除' })) await del.run() })()}>删除</Action>}
        </Actions>
      )}
    </View>
  )
}

export function WindowsEditor ({ hall, onChange }: { hall: StaffHall; onChange: (h: StaffHall) => void }) {
  const items = useResource(() => staffApi('listStaffServiceItems', { query: { limit: 100 } }), [], { on: 'mount' })
  const [adding, setAdding] = useState(false)
  const [rev, setRev] = useState(0)
  const refresh = async () => {
    const all = await staffApi('listStaffHalls')
    const h = all.items.find((x) => x.id === hall.id)
    setAdding(false)
    setRev((n) => n + 1)
    if (h) onChange(h)
  }
  const list = (items.data?.items ?? []).map((i) => ({ id: i.id, name: i.name, code: i.code }))
  return (
    <Section title={`窗口（${hall.windows.length}）`} extra={!adding && <Action onClick={() => setAdding(true)} testId='window-add'>＋ 新增窗口</Action>}>
      {hall.windows.map((w) => (
        <View key={`${w.id}-${rev}`}>
          <View className='cat-row'>
            <Text>{`${w.number} 号 · ${w.name}`}</Text>
            {!w.active && <Tag tone='muted'>已停用</Tag>}
          </View>
          <WindowForm hallId={hall.id} w={w} items={list} onDone={() => void refresh()} />
        </View>
      ))}
      {adding && <WindowForm hallId={hall.id} w={null} items={list} onDone={() => void refresh()} />}
      {hall.windows.length === 0 && !adding && <Text className='cat-note'>还没有窗口。</Text>}
    </Section>
  )
}
