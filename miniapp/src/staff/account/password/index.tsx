import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { contract, passwordChecks } from '@bianmin/shared'
import { staffApi, staffSession, STAFF_HOME_URL } from '@/api/client'
import { safeBack } from '@/api/staff-auth'
import { Action, aria, Field, FormError, Section, useSubmit } from '@/kit'
import { clearMe, useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import './index.scss'

interface Input { oldPassword: string; newPassword: string; confirm: string }

/** 修改密码: every staff member, from the workbench; the only page open to an account with a one-time password. */
export default function StaffPasswordPage () {
  const { params } = useRouter()
  const { staff } = useStaffMe()
  const [form, setForm] = useState<Input>({ oldPassword: '', newPassword: '', confirm: '' })
  const checks = passwordChecks(form.newPassword)
  const submit = useSubmit(async (input: Input) => {
    await staffApi('changePassword', { body: { oldPassword: input.oldPassword, newPassword: input.newPassword } })
    // Every session ended with the change (the old token would be refused): drop it, sign in with the new password.
    await staffSession.signOut()
    if (staff) await staffSession.signIn(staff.username, input.newPassword)
    clearMe()
    return true
  }, {
    schema: {
      safeParse: (v: unknown) => {
        const i = v as Input
        const r = contract.changePassword.body.safeParse({ oldPassword: i.oldPassword, newPassword: i.newPassword })
        return r.success ? { success: true as const, data: i } : { success: false as const, error: r.error }
      },
    },
    validate: (i) => ({ confirm: i.confirm !== i.newPassword ? '两次输入的新密码不一致' : undefined }),
    onSuccess: () => {
      setForm({ oldPassword: '', newPassword: '', confirm: '' })
      void Taro.showToast({ title: '密码已修改', icon: 'success' })
      void Taro.redirectTo({ url: safeBack(params.back) || STAFF_HOME_URL })
    },
  })
  const set = (k: keyof Input) => (v: string) => { setForm((f) => ({ ...f, [k]: v })); submit.clear(k) }

  return (
    <StaffPage title='修改密码'>
      <Section>
        {staff?.mustChangePassword && (
          <Text className='pw-notice' data-testid='pw-required'>您正在使用管理员设置的一次性密码，修改密码后才能使用其他功能。</Text>
        )}
        <Field label={staff?.mustChangePassword ? '初始密码' : '原密码'} password value={form.oldPassword} onChange={set('oldPassword')}
          maxlength={128} error={submit.errors.oldPassword} testId='pw-old' />
        <Field label='新密码' password value={form.newPassword} onChange={set('newPassword')} maxlength={128} error={submit.errors.newPassword} testId='pw-new' />
        <View className='pw-checks' {...aria('list', { 'aria-label': '密码要求' })} data-testid='pw-checks'>
          {checks.map((c) => (
            <Text key={c.key} {...aria('listitem')} className={`pw-check${c.ok ? ' pw-check--ok' : ''}`} data-testid={`pw-check-${c.key}`} data-ok={c.ok ? 'yes' : 'no'}>
              {`${c.ok ? '✓' : '○'} ${c.label}`}
            </Text>
          ))}
        </View>
        <Field label='确认新密码' password value={form.confirm} onChange={set('confirm')} maxlength={128} error={submit.errors.confirm} testId='pw-confirm' />
        <FormError error={submit.error} testId='pw-error' />
        <Action kind='primary' block busy={submit.busy} busyText='正在修改…' onClick={() => void submit.run(form)} testId='pw-submit'>修改密码</Action>
      </Section>
    </StaffPage>
  )
}
