import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { contract } from '@bianmin/shared'
import { ApiError, errorMessage, STAFF_HOME_URL, staffSession } from '@/api/client'
import { safeBack } from '@/api/staff-auth'
import { clearMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import './index.scss'

type Field = 'username' | 'password'

/** Signs a staff member in, then opens the page they came from (`?back=`, after a 401) or the workbench. */
export default function StaffLoginPage () {
  const { params } = useRouter()
  const next = safeBack(params.back) || STAFF_HOME_URL
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)

  useLoad(() => {
    if (staffSession.hasToken()) void Taro.redirectTo({ url: next })
  })

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const parsed = contract.loginStaff.body.safeParse({ username, password })
    if (!parsed.success) {
      const errs: Partial<Record<Field, string>> = {}
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as Field
        errs[f] ??= issue.message
      }
      setFieldErrors(errs)
      return
    }
    setFieldErrors({})
    setSubmitting(true)
    try {
      await staffSession.signIn(parsed.data.username, parsed.data.password)
      clearMe()
      setPassword('')
      void Taro.redirectTo({ url: next })
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {}
      if (fields.username || fields.password) setFieldErrors({ username: fields.username, password: fields.password })
      else setFormError(errorMessage(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <StaffPage title='工作人员登录' signedIn={false} className='staff-login'>
      <View className='staff-login__head'>
        <Text className='staff-login__title'>工作人员登录</Text>
        <Text className='staff-login__tip'>请使用单位分配的账号登录</Text>
      </View>

      <View className='bm-card'>
        <View className='form-item'>
          <Text className='form-item__label'>用户名</Text>
          <Input
            className='form-item__input'
            value={username}
            placeholder='请输入用户名'
            maxlength={64}
            onInput={(e) => setUsername(e.detail.value)}
            data-testid='staff-username'
          />
          {fieldErrors.username && <Text className='form-item__error'>{fieldErrors.username}</Text>}
        </View>
        <View className='form-item'>
          <Text className='form-item__label'>密码</Text>
          <Input
            className='form-item__input'
            value={password}
            password
            placeholder='请输入密码'
            maxlength={128}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={() => void submit()}
            data-testid='staff-password'
          />
          {fieldErrors.password && <Text className='form-item__error'>{fieldErrors.password}</Text>}
        </View>

        {formError && <Text className='staff-login__error' data-testid='staff-login-error'>{formError}</Text>}

        <Button
          className={`bm-button bm-button--primary bm-button--block staff-login__submit${submitting ? ' bm-button--disabled' : ''}`}
          disabled={submitting}
          onClick={() => void submit()}
          data-testid='staff-login-submit'
        >
          {submitting ? '正在登录…' : '登录'}
        </Button>
      </View>
    </StaffPage>
  )
}
