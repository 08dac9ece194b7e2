// The 办事指南 editor: every field of a service item, the materials as a list (name, 原件/复印件, copies, note), delete
// (refused when it has history: then 停用 is offered) and, once saved, the public guide with its QR code.
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { z } from 'zod'
import { serviceItemInput, type Material, type StaffServiceItem } from '@bianmin/shared'
import { api, staffApi } from '@/api/client'
import { Action, Actions, Check, Choices, Field, FormError, Section, alt, go, useConfirm, useResource, useSubmit } from '@/kit'
import { useOrgOptions, useRemove } from '../parts/catalogue'

const FORMS = [{ value: 'ORIGINAL', label: '原件' }, { value: 'COPY', label: '复印件' }, { value: 'BOTH', label: '原件和复印件' }] as const
type Form = (typeof FORMS)[number]['value']
const VISITS = [{ value: 'online', label: '一趟不用跑' }, { value: 'one', label: '最多跑一趟' }, { value: 'more', label: '需多次到场' }] as const
type Visit = (typeof VISITS)[number]['value']

interface Draft {
  orgId: string; code: string; name: string; category: string; description: string; conditions: string; legalBasis: string
  materials: { name: string; form: Form; copies: string; note: string }[]
  timeLimitDays: string; legalLimitDays: string; fee: string; feeText: string; visit: Visit; bookable: boolean; homeVisit: boolean; active: boolean
}

const draftOf = (i: StaffServiceItem | null): Draft => ({
  orgId: i?.orgId ?? '', code: i?.code ?? '', name: i?.name ?? '', category: i?.category ?? '', description: i?.description ?? '',
  conditions: i?.conditions ?? '', legalBasis: i?.legalBasis ?? '',
  materials: (i?.materials ?? []).map((m) => ({ name: m.name, form: m.form ?? 'ORIGINAL', copies: String(m.copies ?? 1), note: m.note ?? '' })),
  timeLimitDays: String(i?.timeLimitDays ?? 1), legalLimitDays: i?.legalLimitDays == null ? '' : String(i.legalLimitDays),
  fee: i ? (i.feeFen / 100).toFixed(2).replace(/\.00$/, '') : '0', feeText: i && i.feeText !== (i.feeFen === 0 ? '不收费' : `${(i.feeFen / 100).toFixed(2)} 元`) ? i.feeText : '',
  visit: i?.fullyOnline ? 'online' : i && !i.maxOneVisit ? 'more' : 'one', bookable: i?.bookable ?? true, homeVisit: i?.homeVisit ?? false, active: i?.active ?? true,
})

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s))
function bodyOf (d: Draft, orgId: string) {
  return {
    orgId, code: d.code, name: d.name, category: d.category, description: d.description.trim() || null, conditions: d.conditions.trim() || null,
    legalBasis: d.legalBasis.trim() || null,
    materials: d.materials.map((m): Material => ({ name: m.name, form: m.form, copies: num(m.copies), ...(m.note.trim() ? { note: m.note.trim() } : {}) })),
    timeLimitDays: num(d.timeLimitDays), legalLimitDays: d.legalLimitDays.trim() ? num(d.legalLimitDays) : null,
    feeFen: Math.round(num(d.fee) * 100), feeText: d.feeText.trim() || null,
    fullyOnline: d.visit === 'online', maxOneVisit: d.visit !== 'more', bookable: d.bookable, homeVisit: d.homeVisit, active: d.active,
  }
}
type Body = z.infer<typeof serviceItemInput>

function MaterialsEditor ({ d, set, error }: { d: Draft; set: (m: Draft['materials']) => void; error?: string }) {
  const change = (i: number, patch: Partial<Draft['materials'][number]>) => set(d.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)))
  return (
    <View role='group' aria-label='申请材料' data-testid='materials'>
      {d.materials.map((m, i) => (
        <View key={i} className='cat-material' data-testid={`material-${i}`}>
          <Field label={`材料 ${i + 1} 名称`} value={m.name} onChange={(v) => change(i, { name: v })} maxlength={100} testId={`material-name-${i}`} />
          <Choices label='形式' options={FORMS} value={m.form} onChange={(v) => change(i, { form: v })} testId={(v) => `material-form-${i}-${v}`} />
          <View className='cat-row'>
            <Field label='份数' type='number' value={m.copies} onChange={(v) => change(i, { copies: v })} maxlength={2} testId={`material-copies-${i}`} />
            <Field label='说明（选填）' name='说明' value={m.note} onChange={(v) => change(i, { note: v })} maxlength={200} testId={`material-note-${i}`} />
          </View>
          <Actions>
            {i > 0 && <Action onClick={() => set(d.materials.map((x, j) => (j === i - 1 ? m : j === i ? d.materials[i - 1]! : x)))}>上移</Action>}
            <Action kind='danger' onClick={() => set(d.materials.filter((_, j) => j !== i))} testId={`material-remove-${i}`}>移除</Action>
          </Actions>
        </View>
      ))}
      <FormError error={error} />
      <Action onClick={() => set([...d.materials, { name: '', form: 'ORIGINAL', copies: '1', note: '' }])} testId='material-add'>＋ 添加材料</Action>
    </View>
  )
}

/** The public guide as residents see it, with its QR code (only while the item is active). */
function PublicGuide ({ id }: { id: string }) {
  const g = useResource(() => api('getServiceItem', { params: { id } }), [id], { on: 'mount' })
  if (!g.data) return null
  return (
    <Section title='公开的办事指南' testId='item-guide'>
      <Image src={g.data.qrCode} style={{ width: '160px', height: '160px' }} {...alt(`${g.data.name} 办事指南二维码`)} />
      <Text className='cat-note'>{g.data.halls.length ? `办理地点：${g.data.halls.map((h) => h.name).join('、')}` : '尚无窗口办理该事项：请在「服务中心与窗口」中勾选'}</Text>
      <Action onClick={() => go('serviceDetail', { id })}>查看群众看到的页面</Action>
    </Section>
  )
}

export function ItemEditor ({ item, onSaved, onDeleted }: { item: StaffServiceItem | null; onSaved: (i: StaffServiceItem) => void; onDeleted: () => void }) {
  const orgs = useOrgOptions()
  const [d, setD] = useState<Draft>(() => draftOf(item))
  const orgId = d.orgId || orgs.options[0]?.id || ''
  const { ask, panel } = useConfirm()
  const save = useSubmit((body: Body) => (item
    ? staffApi('updateServiceItem', { params: { id: item.id }, body })
    : staffApi('createServiceItem', { body })), { schema: serviceItemInput, errorPrefix: '保存未成功：', onSuccess: onSaved })
  const del = useRemove(() => staffApi('deleteServiceItem', { params: { id: item!.id } }), onDeleted)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); save.clear(k === 'fee' ? 'feeFen' : k) }
  const text = (k: 'code' | 'name' | 'category' | 'description' | 'conditions' | 'legalBasis' | 'feeText', label: string, max: number, extra: { kind?: 'textarea'; hint?: string } = {}) =>
    <Field kind={extra.kind ?? 'input'} label={label} name={label.replace('（选填）', '')} value={d[k]} onChange={(v: string) => set(k, v)} maxlength={max} hint={extra.hint} error={save.errors[k]} testId={`item-${k}`} />

  return (
    <View className='cat-form' data-testid='item-editor'>
      <Section title={item ? item.name : '新增事项'}>
        {orgs.options.length > 1 && <Field kind='picker' label='实施机构' options={orgs.labels} index={Math.max(0, orgs.options.findIndex((o) => o.id === orgId))} onPick={(i) => set('orgId', orgs.options[i]!.id)} />}
        {text('code', '事项编码', 32, { hint: '2–32 位字母、数字或短横线' })}
        {text('name', '事项名称', 60)}
        {text('category', '事项分类', 20)}
        {text('description', '事项简介（选填）', 500, { kind: 'textarea' })}
        {text('conditions', '办理条件（选填）', 2000, { kind: 'textarea' })}
      </Section>
      <Section title='申请材料'>
        <MaterialsEditor d={d} set={(m) => { set('materials', m); save.clear('materials') }} error={save.errors.materials} />
      </Section>
      <Section title='依据、时限与收费'>
        {text('legalBasis', '设定依据（选填）', 1000, { kind: 'textarea' })}
        <View className='cat-row'>
          <Field label='承诺时限（工作日）' name='承诺时限' type='number' value={d.timeLimitDays} onChange={(v) => set('timeLimitDays', v)} maxlength={3} error={save.errors.timeLimitDays} testId='item-timeLimitDays' />
          <Field label='法定时限（工作日，选填）' name='法定时限' type='number' value={d.legalLimitDays} onChange={(v) => set('legalLimitDays', v)} maxlength={3} error={save.errors.legalLimitDays} testId='item-legalLimitDays' />
        </View>
        <View className='cat-row'>
          <Field label='收费（元）' type='digit' value={d.fee} onChange={(v) => set('fee', v)} maxlength={9} hint='0 为不收费' error={save.errors.feeFen} testId='item-fee' />
          {text('feeText', '收费说明（选填）', 100)}
        </View>
        <Choices label='到场次数' options={VISITS} value={d.visit} onChange={(v) => set('visit', v)} testId={(v) => `item-visit-${v}`} />
        <Check on={d.bookable} onToggle={() => set('bookable', !d.bookable)} testId='item-bookable'>可以网上预约</Check>
        <Check on={d.homeVisit} onToggle={() => set('homeVisit', !d.homeVisit)} testId='item-homeVisit'>可申请上门服务</Check>
        <Check on={d.active} onToggle={() => set('active', !d.active)} testId='item-active'>启用（停用后群众看不到该事项）</Check>
      </Section>
      <FormError error={save.error || del.error} testId='item-error' />
      {panel('item') ?? (
        <Actions>
          <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run(bodyOf(d, orgId))} testId='item-save'>{item ? '保存' : '创建'}</Action>
          {item && del.historic && d.active && <Action onClick={() => { set('active', false); void save.run({ ...bodyOf(d, orgId), active: false }) }} testId='item-deactivate'>改为停用</Action>}
          {item && <Action kind='danger' onClick={() => void (async () => { if (await ask({ key: 'item', title: '删除事项', content: `确定删除“${item.name}”吗？`, confirmText: '删除' })) await del.run() })()} testId='item-delete'>删除</Action>}
        </Actions>
      )}
      {item?.active && <PublicGuide key={item.updatedAt} id={item.id} />}
    </View>
  )
}
