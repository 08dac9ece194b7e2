import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { contract, roles as allRoles, type Role } from '@bianmin/shared'
import { ApiError } from '@/api/client'
import { indented, type OrgOption } from '../../home/orgs'
import { roleLabels } from '../../roles'

export interface AccountDraft { id?: string; username: string; name: string; roles: Role[]; orgId: string; hallId: string | null }
export interface HallOption { id: string; name: string; orgId: string }

interface Props {
  initial: AccountDraft
  orgs: OrgOption[]
  halls: HallOption[]
  /** Creates or updates; throws ApiError with field details on bad input. */
  onSubmit: (draft: AccountDraft) => Promise<void>
  onCancel: () => void
}

type Field = 'username' | 'name' | 'roles' | 'orgId' | 'hallId'

/** Create (with username) or edit an account: name, roles (check boxes), org and, for window staff, the hall. */
export function AccountForm ({ initial, orgs, halls, onSubmit, onCancel }: Props) {
  const creating = !initial.id
  const [d, setD] = useState<AccountDraft>(initial)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const orgHalls = halls.filter((h) => h.orgId === d.orgId)
  const orgIndex = Math.max(0, orgs.findIndex((o) => o.id === d.orgId))
  const hallNames = ['不指定', ...orgHalls.map((h) => h.name)]
  const hallIndex = Math.max(0, orgHalls.findIndex((h) => h.id === d.hallId) + 1)

  const toggle = (r: Role) => setD((x) => ({ ...x, roles: x.roles.includes(r) ? x.roles.filter((y) => y !== r) : [...x.roles, r] }))

  const submit = async () => {
    if (busy) return
    setFormError('')
    const body = { ...(creating ? { username: d.username } : {}), name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId }
    const parsed = (creating ? contract.createAccount.body : contract.updateAccount.body).safeParse(body)
    if (!parsed.success) {
      const errs: Partial<Record<Field, string>> = {}
      for (const i of parsed.error.issues) errs[i.path[0] as Field] ??= i.message
      setErrors(errs)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await onSubmit(d)
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {}
      const mapped: Partial<Record<Field, string>> = {}
      for (const [k, v] of Object.entries(fields)) mapped[k.split('.')[0] as Field] ??= v
      if (Object.keys(mapped).length > 0) setErrors(mapped)
      else setFormError(e instanceof Error ? e.message : '保存失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='wb-dialog' data-testid='account-form'>
      <View className='wb-dialog__box'>
        <Text className='wb-dialog__title'>{creating ? '新建工作人员账号' : `修改账号：${initial.username}`}</Text>
        {creating && (
          <View className='wb-field'>
            <Text className='wb-field__label'>用户名（登录用，小写字母开头）</Text>
            <Input className='wb-field__input' value={d.username} maxlength={32} placeholder='例如 wanglihua' onInput={(e) => setD({ ...d, username: e.detail.value })} data-testid='account-username' />
            {errors.username && <Text className='wb-field__error'>{errors.username}</Text>}
          </View>
        )}
        <View className='wb-field'>
          <Text className='wb-field__label'>姓名</Text>
          <Input className='wb-field__input' value={d.name} maxlength={30} onInput={(e) => setD({ ...d, name: e.detail.value })} data-testid='account-name' />
          {errors.name && <Text className='wb-field__error'>{errors.name}</Text>}
        </View>
        <View className='wb-field'>
          <Text className='wb-field__label'>岗位（可多选）</Text>
          <View className='wb-checks'>
            {allRoles.map((r) => (
              <View key={r} className={`wb-checks__item${d.roles.includes(r) ? ' wb-checks__item--on' : ''}`} onClick={() => toggle(r)} data-testid={`account-role-${r}`}>
                <Text>{d.roles.includes(r) ? '☑ ' : '☐ '}{roleLabels[r]}</Text>
              </View>
            ))}
          </View>
          {errors.roles && <Text className='wb-field__error'>{errors.roles}</Text>}
        </View>
        <View className='wb-field'>
          <Text className='wb-field__label'>所属单位</Text>
          <Picker mode='selector' range={orgs.map(indented)} value={orgIndex} onChange={(e) => setD({ ...d, orgId: orgs[Number(e.detail.value)]?.id ?? d.orgId, hallId: null })}>
            <View className='wb-field__input wb-field__picker' data-testid='account-org'>{orgs[orgIndex]?.name ?? '请选择'} ▾</View>
          </Picker>
          {errors.orgId && <Text className='wb-field__error'>{errors.orgId}</Text>}
        </View>
        <View className='wb-field'>
          <Text className='wb-field__label'>所在服务中心（窗口人员填写）</Text>
          <Picker mode='selector' range={hallNames} value={hallIndex} onChange={(e) => setD({ ...d, hallId: orgHalls[Number(e.detail.value) - 1]?.id ?? null })}>
            <View className='wb-field__input wb-field__picker' data-testid='account-hall'>{hallNames[hallIndex]} ▾</View>
          </Picker>
          {errors.hallId && <Text className='wb-field__error'>{errors.hallId}</Text>}
        </View>
        {formError && <Text className='wb-field__error' data-testid='account-form-error'>{formError}</Text>}
        <View className='wb-dialog__actions'>
          <Button className='bm-button' onClick={onCancel}>取消</Button>
          <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void submit()} data-testid='account-submit'>
            {busy ? '正在保存…' : creating ? '创建账号' : '保存修改'}
          </Button>
        </View>
      </View>
    </View>
  )
}
