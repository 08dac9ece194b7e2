import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { auditTargetLabels, type AuditEntry } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Field, go, usePagedList, useResource } from '@/kit'
import { instantText } from '@/pages/appointments/parts/appointment.format'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { StaffPage } from '../../shell/staff-page'
import { targetLink } from './targets'

interface Filters { actorId: string; action: string; targetType: string; from: string; to: string }
const none: Filters = { actorId: '', action: '', targetType: '', from: '', to: '' }
const detailText = (d: unknown) => (d === null || d === undefined ? '' : JSON.stringify(d).slice(0, 120))

/** 审计日志 (admins, reviewers): who did what, when, to which record; filters; an entry opens its record. */
export default function StaffAuditPage () {
  const [f, setF] = useState<Filters>(none)
  const facets = useResource(() => staffApi('listAuditFacets'), [], { on: 'mount' })
  const actors = facets.data?.actors ?? []
  const actions = facets.data?.actions ?? []
  const types = facets.data?.targetTypes ?? []
  const badRange = Boolean(f.from && f.to && f.from > f.to)
  const list = usePagedList((cursor) => staffApi('listAudit', {
    query: { actorId: f.actorId || undefined, action: f.action || undefined, targetType: f.targetType || undefined, from: f.from || undefined, to: f.to || undefined, cursor, limit: 50 },
  }), [f.actorId, f.action, f.targetType, f.from, f.to], { enabled: !badRange })
  const set = (k: keyof Filters) => (v: string) => setF((x) => ({ ...x, [k]: v }))

  const columns: Column<AuditEntry>[] = [
    { key: 'time', title: '时间', width: '1.1fr', render: (a) => <Text>{instantText(a.createdAt)}</Text> },
    { key: 'actor', title: '人员', width: '1fr', render: (a) => <Text>{a.actorName ?? (a.actorType === 'SYSTEM' ? '系统' : a.actorType === 'RESIDENT' ? '居民' : '—')}</Text> },
    { key: 'action', title: '操作', width: '1.4fr', render: (a) => <Text data-testid='audit-action'>{a.action}</Text> },
    {
      key: 'target', title: '对象', width: '1.2fr', render: (a) => {
        const label = a.targetType ? auditTargetLabels[a.targetType] ?? a.targetType : '—'
        const link = targetLink(a.targetType, a.targetId)
        return link
          ? <Text className='staff-link' onClick={(e) => { e.stopPropagation(); go(link.page, link.query) }} data-testid='audit-target'>{`${label} ›`}</Text>
          : <Text>{label}</Text>
      },
    },
    { key: 'detail', title: '详情', width: '2fr', render: (a) => <Text>{detailText(a.detail)}</Text> },
  ]

  return (
    <StaffPage title='审计日志' width='wide' actions={<Action onClick={() => setF(none)} testId='audit-clear'>清除筛选</Action>}>
      <View className='staff-filters'>
        <Field kind='picker' label='人员' options={['全部人员', ...actors.map((a) => `${a.name}（${a.username}）`)]} index={actors.findIndex((a) => a.id === f.actorId) + 1}
          onPick={(i) => set('actorId')(actors[i - 1]?.id ?? '')} testId='audit-actor' />
        <Field kind='picker' label='操作' options={['全部操作', ...actions]} index={actions.indexOf(f.action) + 1} onPick={(i) => set('action')(actions[i - 1] ?? '')} testId='audit-action-filter' />
        <Field kind='picker' label='对象类型' options={['全部类型', ...types.map((t) => t.label)]} index={types.findIndex((t) => t.key === f.targetType) + 1}
          onPick={(i) => set('targetType')(types[i - 1]?.key ?? '')} testId='audit-type' />
        <Field kind='date' label='开始日期' value={f.from} onChange={set('from')} placeholder='不限' testId='audit-from' />
        <Field kind='date' label='结束日期' value={f.to} onChange={set('to')} placeholder='不限' error={badRange ? '结束日期不能早于开始日期' : undefined} testId='audit-to' />
      </View>
      <PagedTable list={list} label='审计日志' columns={columns}
        rowKey={(a) => a.id} rowTestId='audit-row' onRowClick={(a) => { const l = targetLink(a.targetType, a.targetId); if (l) go(l.page, l.query) }} rowLabel={(a) => `${instantText(a.createdAt)} ${a.action}`}
        empty={{ title: '没有符合条件的记录' }} />
    </StaffPage>
  )
}
