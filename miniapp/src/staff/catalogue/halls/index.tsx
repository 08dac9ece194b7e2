// 服务中心与窗口 (ADMIN): the halls of the admin's subtree as a table; the chosen one (or a new one) beside it
// (?id=<hall>, ?window=<window> or ?line=<business line> chooses one).
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { StaffHall } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Loaded, Tag, useResource } from '@/kit'
import { DataTable, type Column } from '../../shell/data-table'
import { Split } from '../parts/split'
import { StaffPage } from '../../shell/staff-page'
import { HallEditor } from './hall-editor'
import '../parts/catalogue.scss'

const columns: Column<StaffHall>[] = [
  { key: 'name', title: '服务中心', width: '2fr', sort: (a, b) => a.name.localeCompare(b.name), render: (h) => <Text>{h.name}</Text> },
  { key: 'org', title: '所属机构', width: '1.4fr', render: (h) => <Text>{h.orgName}</Text> },
  { key: 'windows', title: '窗口', width: '0.6fr', numeric: true, render: (h) => <Text>{h.windows.length}</Text> },
  { key: 'state', title: '状态', width: '0.8fr', render: (h) => (h.active ? <Tag tone='success'>启用</Tag> : <Tag tone='muted'>已停用</Tag>) },
]

export default function StaffHallsPage () {
  const { params } = useRouter()
  const halls = useResource(() => staffApi('listStaffHalls'), [])
  // ?id=<hall>, ?window=<window> or ?line=<line> (from the audit log): that hall is chosen.
  const [chosen, setSelected] = useState<string | 'new' | null | undefined>(params.id)
  const ofWindow = halls.data?.items.find((h) => h.windows.some((w) => w.id === params.window) || h.lines.some((l) => l.id === params.line))?.id ?? null
  const selected = chosen === undefined ? ofWindow : chosen
  const hall = halls.data?.items.find((h) => h.id === selected) ?? null
  const saved = (h: StaffHall) => {
    halls.setData((d) => d && ({ items: d.items.some((x) => x.id === h.id) ? d.items.map((x) => (x.id === h.id ? h : x)) : [...d.items, h] }))
    setSelected(h.id)
  }
  return (
    <StaffPage title='服务中心与窗口' width='wide' actions={<Action kind='primary' onClick={() => setSelected('new')} testId='hall-new'>＋ 新建服务中心</Action>}>
      <Split
        onBack={() => setSelected(null)}
        list={(
          <Loaded resource={halls} isEmpty={(d) => d.items.length === 0} empty={{ title: '还没有服务中心', description: '新建后再添加窗口和每周时段模板' }}>
            {(d) => <DataTable label='服务中心列表' columns={columns} rows={d.items} rowKey={(h) => h.id} onRowClick={(h) => setSelected(h.id)} selectedKey={selected} rowTestId='hall-row' rowLabel={(h) => h.name} />}
          </Loaded>
        )}
        detail={selected === 'new'
          ? <HallEditor key='new' hall={null} onSaved={saved} onDeleted={() => setSelected(null)} />
          : hall ? <HallEditor key={hall.id} hall={hall} onSaved={saved} onDeleted={() => { setSelected(null); void halls.reload() }} /> : null}
        placeholder={halls.data && selected && !hall ? '没有找到该服务中心或窗口（可能已删除），请在左侧选择' : '在左侧选择一个服务中心，或新建一个'}
      />
    </StaffPage>
  )
}
