// One hall: its fields (new or existing), delete (refused when it has history: then 停用 is offered), and its windows.
import { useState } from 'react'
import { View } from '@tarojs/components'
import type { z } from 'zod'
import { hallInput, type StaffHall } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Check, Field, FormError, Section, go, useConfirm, useSubmit } from '@/kit'
import { useOrgOptions, useRemove } from '../parts/catalogue'
import { WindowsEditor } from './windows-editor'
import { LinesEditor } from './lines-editor'
import { HallDevices } from './hall-devices'

interface Draft { orgId: string; name: string; address: string; phone: string; openHours: string; queuePrefix: string; active: boolean }
const draftOf = (h: StaffHall | null, orgId: string): Draft => ({
  orgId: h?.orgId ?? orgId, name: h?.name ?? '', address: h?.address ?? '', phone: h?.phone ?? '', openHours: h?.openHours ?? '',
  queuePrefix: h?.queuePrefix ?? 'A', active: h?.active ?? true,
})
const bodyOf = (d: Draft) => ({ ...d, phone: d.phone.trim() || null, openHours: d.openHours.trim() || null })

export function HallEditor ({ hall, onSaved, onDeleted }: { hall: StaffHall | null; onSaved: (h: StaffHall) => void; onDeleted: () => void }) {
  const orgs = useOrgOptions()
  const [d, setD] = useState<Draft>(() => draftOf(hall, ''))
  const orgId = d.orgId || orgs.options[0]?.id || ''
  const { ask, panel } = useConfirm()
  const save = useSubmit((body: z.infer<typeof hallInput>) => (hall
    ? staffApi('updateHall', { params: { id: hall.id }, body })
    : staffApi('createHall', { body })), { schema: hallInput, errorPrefix: '保存未成功：', onSuccess: onSaved })
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); save.clear(k) }

  const del = useRemove(() => staffApi('deleteHall', { params: { id: hall!.id } }), onDeleted)
  const remove = async () => {
    if (hall && await ask({ key: 'hall', title: '删除服务中心', content: `确定删除“${hall.name}”及其窗口、时段模板和未被预约的时段吗？`, confirmText: '删除' })) await del.run()
  }
  const deactivate = async () => {
    const h = await save.run(bodyOf({ ...d, orgId, active: false }))
    if (h) { setD(draftOf(h, orgId)); del.reset() }
  }

  return (
    <View className='cat-form' data-testid='hall-editor'>
      <Section title={hall ? hall.name : '新建服务中心'}>
        {orgs.options.length > 1 && (
          <Field kind='picker' label='所属机构' options={orgs.labels} index={Math.max(0, orgs.options.findIndex((o) => o.id === orgId))} onPick={(i) => set('orgId', orgs.options[i]!.id)} />
        )}
        <Field label='名称' value={d.name} onChange={(v) => set('name', v)} maxlength={60} error={save.errors.name} testId='hall-name' />
        <Field label='地址' value={d.address} onChange={(v) => set('address', v)} maxlength={200} error={save.errors.address} testId='hall-address' />
        <Field label='电话（选填）' name='电话' value={d.phone} onChange={(v) => set('phone', v)} maxlength={20} error={save.errors.phone} testId='hall-phone' />
        <Field label='办公时间（选填）' name='办公时间' value={d.openHours} onChange={(v) => set('openHours', v)} maxlength={100} placeholder='如 周一至周五 9:00-17:00' error={save.errors.openHours} testId='hall-hours' />
        <Field label='排队号前缀' value={d.queuePrefix} onChange={(v) => set('queuePrefix', v.toUpperCase())} maxlength={2} hint='1–2 个大写字母，如 A → A007' error={save.errors.queuePrefix} testId='hall-prefix' />
        <Check on={d.active} onToggle={() => set('active', !d.active)} testId='hall-active'>启用（停用后群众看不到，也不再生成时段）</Check>
        <FormError error={save.error || del.error} testId='hall-error' />
        {panel('hall') ?? (
          <Actions>
            <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run(bodyOf({ ...d, orgId }))} testId='hall-save'>{hall ? '保存' : '创建'}</Action>
            {hall && del.historic && d.active && <Action onClick={() => void deactivate()} testId='hall-deactivate'>改为停用</Action>}
            {hall && <Action kind='danger' onClick={() => void remove()} testId='hall-delete'>删除</Action>}
          </Actions>
        )}
      </Section>
      {hall && (
        <>
          <Section title='时段'>
            <Actions>
              <Action onClick={() => go('staffSlotTemplates', { hallId: hall.id })} testId='hall-templates'>每周时段模板与生成</Action>
              <Action onClick={() => go('staffSlots', { hallId: hall.id })} testId='hall-slots'>时段管理</Action>
            </Actions>
          </Section>
          <WindowsEditor hall={hall} onChange={onSaved} />
          <LinesEditor hall={hall} onChange={onSaved} />
          <HallDevices hallId={hall.id} />
        </>
      )}
    </View>
  )
}
