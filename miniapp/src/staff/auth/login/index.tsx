import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { contract } from '@bianmin/shared'
import { STAFF_HOME_URL, staffSession } from '@/api/client'
import { safeBack } from '@/api/staff-auth'
import { Action, Field, FormError, useSubmit } from '@/kit'
import { clearMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import './index.scss'

/** Signs a staff member in, then opens the page they came from (`?back=`, after a 401) or the workbench. */
export default function StaffLoginPage () {
  const { params } = useRouter()
  const next = safeBack(params.back) || STAFF_HOME_URL
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const login = useSubmit((b: { username: string; password: string }) => staffSession.signIn(b.username, b.password), {
    schema: contract.loginStaff.body,
    onSuccess: () => { clearMe(); setPassword(''); void Taro.redirectTo({ url: next }) },
  })

  useLoad(() => {
    if (staffSession.hasToken()) void Taro.redirectTo({ url: next })
  })

  const submit = () => void login.run({ username, password })
  const fieldError = Boolean(login.errors.username || login.errors.password)
  return (
    <StaffPage title='工作人员登录' signedIn={false} className='staff-login'>
      <View className='staff-login__head'>
        <Text className='staff-login__title'>工作人员登录</Text>
        <Text className='staff-login__tip'>请使用单位分配的账号登录</Text>
      </View>
      <View className='bm-card'>
        <Field label='用户名' value={username} placeholder='请输入用户名' maxlength={64} testId='staff-username'
          onChange={(v) => { setUsername(v); login.clear('username') }} error={login.errors.username} />
        <Field label='密码' password value={password} placeholder='请输入密码' maxlength={128} testId='staff-password'
          onChange={(v) => { setPassword(v); login.clear('password') }} onConfirm={submit} error={login.errors.password} />
        {!fieldError && <FormError error={login.error} testId='staff-login-error' />}
        <Action kind='primary' block busy={login.busy} busyText='正在登录…' onClick={submit} testId='staff-login-submit' className='staff-login__submit'>登录</Action>
      </View>
    </StaffPage>
  )
}
