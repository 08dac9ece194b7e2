// A hall's business lines (业务线): the number prefix of walk-in tickets (B 社会保障 → B007) and the items each takes;
// add, change, delete. Items in no line are numbered by the first line; appointments keep the hall's own prefix.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { hallLineInput, type StaffHall, type StaffHallLine } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Field, FormError, Section, useConfirm, useResource, useSubmit } from '@/kit'
import { useRemove } from '../parts/catalogue'
import { ItemChecks, type ItemOption } from '../parts/item-checks'

interface Draft { prefix: string; name: string; sort: string; serviceItemIds: string[] }

function LineForm ({ hall, line, items, onDone }: { hall: StaffHall; line: StaffHallLine | null; items: ItemOption[]; onDone: () => void }) {
  const [d, setD] = useState<Draft>({ prefix: line?.prefix ?? '', name: line?.name ?? '', sort: String(line?.sort ?? hall.lines.length), serviceItemIds: line?.serviceItemIds ?? [] })
  const { ask, panel } = useConfirm()
  const save = useSubmit((body: { prefix: string; name: string; sort: number; serviceItemIds: string[] }) => (line
    ? staffApi('updateHallLine', { params: { id: line.id }, body })
    : staffApi('createHallLine', { params: { id: hall.id }, body })), { schema: hallLineInput, errorPrefix: '保存未成功：', onSuccess: onDone })
  const del = useRemove(() => staffApi('deleteHallLine', { params: { id: line!.id } }), onDone)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); save.clear(k) }
  // An item already in another line of this hall: said beside it (the server refuses taking it twice).
  const elsewhere = (id: string) => hall.lines.find((l) => l.id !== line?.id && l.serviceItemIds.includes(id))
  const key = `line-${line?.id ?? 'new'}`
  return (
    <View className='cat-material' data-testid={line ? `line-${line.prefix}` : 'line-new'}>
      <View className='cat-row'>
        <Field label='号码前缀' value={d.prefix} onChange={(v) => set('prefix', v.trim().toUpperCase())} maxlength={1} hint={`1 个大写字母；${hall.queuePrefix} 用于预约号`} error={save.errors.prefix} testId='line-prefix' />
        <Field label='业务线名称' value={d.name} onChange={(v) => set('name', v)} maxlength={20} placeholder='如 社会保障' error={save.errors.name} testId='line-name' />
        <Field label='排序' value={d.sort} onChange={(v) => set('sort', v.replace(/\D/g, ''))} maxlength={2} type='number' error={save.errors.sort} testId='line-sort' />
      </View>
      <ItemChecks label='取号的事项' items={items} chosen={d.serviceItemIds} onChange={(ids) => set('serviceItemIds', ids)} testPrefix='line-item'
        note={(id) => { const l = elsewhere(id); return l ? `已属于 ${l.prefix} ${l.name}` : null }} />
      <FormError error={save.error || save.errors.serviceItemIds || del.error} />
      {panel(key) ?? (
        <Actions>
          <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run({ prefix: d.prefix, name: d.name, sort: Number(d.sort || 0), serviceItemIds: d.serviceItemIds })} testId='line-save'>{line ? '保存业务线' : '添加业务线'}</Action>
          {line && <Action kind='danger' onClick={() => void (async () => { if (await ask({ key, title: '删除业务线', content: `确定删除业务线“${line.prefix} ${line.name}”吗？其事项改用第一条业务线取号，已取的号不变。`, confirmText: '删除' })) await del.run() })()} testId='line-delete'>删除</Action>}
        </Actions>
      )}
    </View>
  )
}

export function LinesEditor ({ hall, onChange }: { hall: StaffHall; onChange: (h: StaffHall) => void }) {
  const items = useResource(() => staffApi('listStaffServiceItems', { query: { limit: 100 } }), [], { on: 'mount' })
  const [adding, setAdding] = useState(false)
  const [rev, setRev] = useState(0)
  const refresh = async () => {
    const h = (await staffApi('listStaffHalls')).items.find((x) => x.id === hall.id)
    setAdding(false)
    setRev((n) => n + 1)
    if (h) onChange(h)
  }
  const list = (items.data?.items ?? []).map((i) => ({ id: i.id, name: i.name, code: i.code }))
  return (
    <Section title={`业务线（${hall.lines.length}）`} extra={!adding && <Action onClick={() => setAdding(true)} testId='line-add'>＋ 新增业务线</Action>}>
      <Text className='cat-note'>{`现场取号按业务线编号（如 B007）；未归入业务线的事项按第一条业务线取号${hall.lines.length ? '' : '，没有业务线时统一用“综合”'}。`}</Text>
      {hall.lines.map((l) => <LineForm key={`${l.id}-${rev}`} hall={hall} line={l} items={list} onDone={() => void refresh()} />)}
      {adding && <LineForm hall={hall} line={null} items={list} onDone={() => void refresh()} />}
    </Section>
  )
}
