// 办事指南 (ADMIN): the service items of the admin's subtree as a table (search, 在用/已停用); the editor beside it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { StaffServiceItem } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Choices, Field, Loaded, Tag, usePagedList, useResource } from '@/kit'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { StaffPage } from '../../shell/staff-page'
import { Split } from '../parts/split'
import { ItemEditor } from './item-editor'
import '../parts/catalogue.scss'

const columns: Column<StaffServiceItem>[] = [
  { key: 'name', title: '事项', width: '2.4fr', sort: (a, b) => a.name.localeCompare(b.name), render: (i) => <Text>{i.name}</Text> },
  { key: 'code', title: '编码', width: '1.2fr', sort: (a, b) => a.code.localeCompare(b.code), render: (i) => <Text>{i.code}</Text> },
  { key: 'category', title: '分类', width: '1fr', render: (i) => <Text>{i.category}</Text> },
  { key: 'limit', title: '承诺时限', width: '0.9fr', numeric: true, render: (i) => <Text>{`${i.timeLimitDays} 个工作日`}</Text> },
  {
    key: 'state', title: '状态', width: '1.4fr', render: (i) => (
      <View className='staff-tags'>
        {i.active ? <Tag tone='success'>在用</Tag> : <Tag tone='muted'>已停用</Tag>}
        {i.bookable && <Tag>可预约</Tag>}
        {i.homeVisit && <Tag>上门服务</Tag>}
      </View>
    ),
  },
]
const filters = [{ value: 'all', label: '全部' }, { value: 'true', label: '在用' }, { value: 'false', label: '已停用' }] as const

export default function StaffServiceItemsPage () {
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [active, setActive] = useState<'all' | 'true' | 'false'>('all')
  const list = usePagedList((cursor) => staffApi('listStaffServiceItems', { query: { q: search || undefined, active: active === 'all' ? undefined : active, cursor } }), [search, active])
  const [selected, setSelected] = useState<string | 'new' | null>(useRouter().params.id ?? null) // ?id= from the audit log
  const chosen = useResource(() => staffApi('getStaffServiceItem', { params: { id: selected! } }), [selected], { enabled: !!selected && selected !== 'new' })
  const saved = (i: StaffServiceItem) => {
    list.setItems((xs) => (xs.some((x) => x.id === i.id) ? xs.map((x) => (x.id === i.id ? i : x)) : [i, ...xs]))
    chosen.setData(i)
    setSelected(i.id)
  }
  const removed = () => { setSelected(null); void list.refresh() }
  return (
    <StaffPage title='办事指南' width='wide' actions={<Action kind='primary' onClick={() => setSelected('new')} testId='item-new'>＋ 新增事项</Action>}>
      <View className='staff-filters'>
        <Field label='查找' value={q} onChange={setQ} placeholder='事项名称或编码' confirmType='search' onConfirm={() => setSearch(q.trim())} maxlength={50} testId='item-q' />
        <Choices label='状态' options={filters} value={active} onChange={setActive} />
      </View>
      <Split
        onBack={() => setSelected(null)}
        list={<PagedTable list={list} label='事项列表' columns={columns}
          rowKey={(i) => i.id} onRowClick={(i) => setSelected(i.id)} selectedKey={selected} rowTestId='item-row' rowLabel={(i) => i.name}
          empty={{ title: '没有符合条件的事项' }} endText={null} />}
        detail={selected === 'new'
          ? <ItemEditor key='new' item={null} onSaved={saved} onDeleted={removed} />
          : selected && chosen.data?.id === selected ? <ItemEditor key={selected} item={chosen.data} onSaved={saved} onDeleted={removed} />
            : selected && chosen.error ? <Loaded resource={chosen}>{() => null}</Loaded> : null}
        placeholder='在左侧选择一个事项编辑办事指南，或新增事项'
      />
    </StaffPage>
  )
}
