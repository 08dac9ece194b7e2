// Create (with username) or edit an account: name, roles (check boxes), org and, for window staff, the hall.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { contract, roles as allRoles, type Role } from '@bianmin/shared'
import { Action, Actions, Check, Field, FormError, Section, fieldErrorsOf, useSubmit } from '@/kit'
import { indented, type OrgOption } from '../../home/orgs'
import { roleLabels } from '../../roles'

export interface AccountDraft { id?: string; username: string; name: string; roles: Role[]; orgId: string; hallId: string | null }
export interface HallOption { id: string; name: string; orgId: string }
type Body = Omit<AccountDraft, 'id' | 'username'> & { username?: string }

interface Props {
  initial: AccountDraft
  orgs: OrgOption[]
  halls: HallOption[]
  /** Creates or updates (the contract's field errors are shown at the fields). */
  onSubmit: (draft: AccountDraft) => Promise<void>
  onCancel: () => void
}

export function AccountForm ({ initial, orgs, halls, onSubmit, onCancel }: Props) {
  const creating = !initial.id
  const [d, setD] = useState<AccountDraft>(initial)
  const schema = creating ? contract.createAccount.body : contract.updateAccount.body
  const save = useSubmit((b: Body) => onSubmit({ ...d, ...b }), {
    validate: (b) => { const r = schema.safeParse(b); return r.success ? {} : fieldErrorsOf(r.error) }, errorPrefix: '保存未成功：',
  })
  const set = (patch: Partial<AccountDraft>) => { setD((x) => ({ ...x, ...patch })); for (const k of Object.keys(patch)) save.clear(k) }
  const orgHalls = halls.filter((h) => h.orgId === d.orgId)
  const orgIndex = Math.max(0, orgs.findIndex((o) => o.id === d.orgId))
  const toggle = (r: Role) => set({ roles: d.roles.includes(r) ? d.roles.filter((y) => y !== r) : [...d.roles, r] })
  const body: Body = { ...(creating ? { username: d.username } : {}), name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId }

  return (
    <Section title={creating ? '新建工作人员账号' : `修改账号：${initial.username}`} testId='account-form'>
      {creating && (
        <Field label='用户名（登录用，小写字母开头）' name='用户名' value={d.username} maxlength={32} placeholder='例如 wanglihua'
          onChange={(v) => set({ username: v })} error={save.errors.username} testId='account-username' />
      )}
      <Field label='姓名' value={d.name} maxlength={30} onChange={(v) => set({ name: v })} error={save.errors.name} testId='account-name' />
      <Field kind='custom' label='岗位（可多选）' error={save.errors.roles}>
        <View className='staff-tags'>
          {allRoles.map((r) => <Check key={r} on={d.roles.includes(r)} onToggle={() => toggle(r)} testId={`account-role-${r}`}>{roleLabels[r]}</Check>)}
        </View>
      </Field>
      <Field kind='picker' label='所属单位' options={orgs.map(indented)} index={orgIndex} onPick={(i) => set({ orgId: orgs[i]?.id ?? d.orgId, hallId: null })}
        error={save.errors.orgId} testId='account-org' />
      <Field kind='picker' label='所在服务中心（窗口人员填写）' name='所在服务中心' options={['不指定', ...orgHalls.map((h) => h.name)]}
        index={Math.max(0, orgHalls.findIndex((h) => h.id === d.hallId) + 1)} onPick={(i) => set({ hallId: orgHalls[i - 1]?.id ?? null })}
        error={save.errors.hallId} testId='account-hall' />
      <FormError error={save.error} testId='account-form-error' />
      <Actions>
        <Action onClick={onCancel}>取消</Action>
        <Action kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void save.run(body)} testId='account-submit'>{creating ? '创建账号' : '保存修改'}</Action>
      </Actions>
    </Section>
  )
}
