// Confirmations: the platform's modal in the normal theme; in 长辈模式 (no pop-ups) ConfirmInline, shown where the
// action was tapped (in place of its buttons), with large buttons and the whole question in view.
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState, type ReactElement } from 'react'
import { useElderMode } from '@/store/prefs'
import { token } from '../tokens'
import '../styles/kit.scss'

export interface ConfirmOptions {
  /** Which panel answers (one per action area, e.g. the appointment id). */
  key: string
  title: string
  content: string
  confirmText?: string
  /** '' = a notice with one button. */
  cancelText?: string
  /** A destructive action (cancel, withdraw, delete): its button in the danger colour, never the platform's green. */
  danger?: boolean
}
export type Ask = (o: ConfirmOptions) => Promise<boolean>

/** `ask(o)` resolves true/false; put `panel(key) ?? <buttons/>` where the buttons are (the inline panel in 长辈模式). */
export function useConfirm (): { ask: Ask; panel: (key: string) => ReactElement | null } {
  const elder = useElderMode()
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null)

  const ask = useCallback<Ask>(async (o) => {
    if (!elder) {
      const single = o.cancelText === ''
      const r = await Taro.showModal({
        title: o.title, content: o.content, confirmText: o.confirmText ?? '确定', showCancel: !single, ...(single ? {} : { cancelText: o.cancelText ?? '取消' }),
        // The platform's default confirm colour is WeChat green: the token colours instead.
        confirmColor: token(o.danger ? 'color-danger' : 'color-primary'), cancelColor: token('color-text'),
      })
      return r.confirm
    }
    return new Promise<boolean>((resolve) => {
      setPending((prev) => { prev?.resolve(false); return { ...o, resolve } })
    })
  }, [elder])

  const answer = (ok: boolean) => {
    pending?.resolve(ok)
    setPending(null)
  }

  const panel = (key: string) => (pending?.key === key ? <ConfirmInline {...pending} onAnswer={answer} /> : null)
  return { ask, panel }
}

/** The inline question: title, text, 取消 / 确定; scrolled into view when it appears. */
export function ConfirmInline ({ onAnswer, ...o }: Omit<ConfirmOptions, 'key'> & { onAnswer: (ok: boolean) => void }) {
  useEffect(() => {
    if (typeof Taro.pageScrollTo === 'function') void Taro.pageScrollTo({ selector: '#bm-confirm', offsetTop: -24, duration: 200 }).catch(() => undefined)
  }, [o.title, o.content])
  return (
    <View id='bm-confirm' className='bm-confirm' role='alertdialog' aria-label={o.title} data-testid='inline-confirm'>
      <Text className='bm-confirm__title'>{o.title}</Text>
      <Text className='bm-confirm__content' data-testid='inline-confirm-text'>{o.content}</Text>
      <View className='bm-confirm__actions'>
        {o.cancelText !== '' && <Button className='bm-button' onClick={() => onAnswer(false)} data-testid='inline-confirm-cancel'>{o.cancelText ?? '取消'}</Button>}
        <Button className={`bm-button ${o.danger ? 'bm-button--danger' : 'bm-button--primary'}`} onClick={() => onAnswer(true)} data-testid='inline-confirm-ok'>{o.confirmText ?? '确定'}</Button>
      </View>
    </View>
  )
}
