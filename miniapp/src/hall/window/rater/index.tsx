// 评价器: a tablet on the counter (H5), signed in once by a staff member of the hall, set to one window. After each
// 办结 at that window it shows the five faces; the rating is recorded (channel WINDOW), thanks, back to idle.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { staffApi, staffSession } from '@/api/client'
import { publicApi } from '@/components/hall/public-api'
import { useHallLive } from '@/components/hall/use-hall-live'
import { rememberedWindow, rememberWindow, WindowPicker, type ChosenWindow } from '@/components/hall/window-picker'
import { aria, Action, Field, FormError, Loaded, PageRoot, Section, useResource, useSubmit } from '@/kit'
import { RaterForm } from './rater-form'
import './index.scss'

const WINDOW_KEY = 'bm_rater_window'
const THANKS_MS = 6000

export default function RaterPage () {
  const [signedIn, setSignedIn] = useState(() => staffSession.hasToken())
  const [win, setWin] = useState<ChosenWindow | null>(() => rememberedWindow(WINDOW_KEY))
  const choose = (w: ChosenWindow | null) => { rememberWindow(WINDOW_KEY, w); setWin(w) }
  return (
    <PageRoot className='rater'>
      {!signedIn && <SignIn onDone={() => setSignedIn(true)} />}
      {signedIn && !win && <WindowPicker title='评价器：选择本机所在窗口' hint='选择后本机将一直停留在该窗口的评价页面。' onPick={choose} />}
      {signedIn && win && <Rater win={win} onReset={() => choose(null)} />}
    </PageRoot>
  )
}

function SignIn ({ onDone }: { onDone: () => void }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const submit = useSubmit((b: { username: string; password: string }) => staffSession.signIn(b.username, b.password), {
    validate: (b) => ({ username: b.username ? undefined : '请填写用户名', password: b.password ? undefined : '请填写密码' }),
    onSuccess: onDone,
  })
  return (
    <Section title='评价器登录（窗口工作人员）' testId='rater-login'>
      <Field label='用户名' value={username} onChange={setUsername} error={submit.errors.username} testId='rater-username' />
      <Field label='密码' password value={password} onChange={setPassword} error={submit.errors.password} testId='rater-password' />
      <FormError error={submit.error} testId='rater-login-error' />
      <Action kind='primary' block busy={submit.busy} onClick={() => void submit.run({ username: username.trim(), password })} testId='rater-login-submit'>登录</Action>
    </Section>
  )
}

function Rater ({ win, onReset }: { win: ChosenWindow; onReset: () => void }) {
  const target = useResource(() => staffApi('getWindowRatingTarget', { params: { id: win.id } }), [win.id])
  const meta = useResource(() => publicApi('getRatingTags'), [], { on: 'mount' })
  const [thanks, setThanks] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // A service finished at this window (or the link came back): is there something to rate?
  useHallLive(win.hallId, (c) => {
    if (c.type === 'open' || c.type === 'poll' || (c.type === 'DONE' && 'event' in c && c.event.windowId === win.id)) void target.reload()
  })
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current) }, [])

  const rated = () => {
    setThanks(true)
    timer.current = setTimeout(() => { setThanks(false); void target.reload() }, THANKS_MS)
  }
  const t = target.data?.target ?? null

  return (
    <View className='rater__screen'>
      <View className='rater__head'>
        <Text className='rater__window' data-testid='rater-window'>{`${win.hallName} · ${win.number} 号窗口`}</Text>
        <Action onClick={onReset} testId='rater-reset'>更换窗口</Action>
      </View>
      {thanks
        ? (
          <View className='rater__idle' {...aria('status')} data-testid='rater-thanks'>
            <Text className='rater__big'>感谢您的评价！</Text>
            <Text className='rater__sub'>您的意见将帮助我们改进服务</Text>
          </View>
          )
        : (
          <Loaded resource={target}>
            {() => (t && meta.data
              ? <RaterForm key={t.ticketId} windowId={win.id} target={t} meta={meta.data} onRated={rated} />
              : (
                <View className='rater__idle' data-testid='rater-idle'>
                  <Text className='rater__big'>欢迎您对本窗口服务作出评价</Text>
                  <Text className='rater__sub'>办结后此处将显示评价页面</Text>
                </View>
                ))}
          </Loaded>
          )}
    </View>
  )
}
