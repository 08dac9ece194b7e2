import { Button, Text, View } from '@tarojs/components'
import { consent } from '@/api/client'
import { aria } from '@/components/a11y'
import { go } from '@/kit/nav'
import { useConsentState } from '@/store/consent'
import { resolvePlatformPrivacy, PRIVACY_AGREE_BUTTON_ID } from '@/store/platform-privacy'
import './consent.scss'


/** What we collect and why, in a few plain lines (the full text is pages/privacy). */
export const PRIVACY_SUMMARY = [
  '微信登录标识：用来认出是您本人，不获取您的微信头像和昵称。',
  '预约、上门服务、申请公开时填写的姓名、手机号和地址：用于核对和通知您，加密保存。',
  '咨询、投诉、建议的内容和照片：用于办理和答复。',
]

const isWeapp = process.env.TARO_ENV === 'weapp'

/** The 同意 button. On weapp it is also WeChat's privacy agreement button, so one tap agrees to both. */
export function AgreeButton ({ label = '同意', testId = 'consent-agree', onAgreed }: { label?: string; testId?: string; onAgreed?: () => void }) {
  const { busy } = useConsentState(consent, false)
  const agree = async () => {
    resolvePlatformPrivacy('agree')
    if (await consent.accept()) onAgreed?.()
  }
  return (
    <Button
      id={PRIVACY_AGREE_BUTTON_ID}
      className={`bm-button bm-button--primary consent__agree${busy ? ' bm-button--disabled' : ''}`}
      disabled={busy}
      openType={isWeapp ? 'agreePrivacyAuthorization' : undefined}
      onAgreePrivacyAuthorization={isWeapp ? () => void agree() : undefined}
      onClick={isWeapp ? undefined : () => void agree()}
      data-testid={testId}
    >
      {busy ? '正在保存…' : label}
    </Button>
  )
}

/**
 * Consent shown inside the page (never a pop-up): on first use or after a new notice version, above the page
 * (`ask`), or instead of a form that sends personal data (`required`), where 不同意 explains what still works.
 */
export function ConsentPanel ({ mode }: { mode: 'ask' | 'required' }) {
  const s = useConsentState(consent, false)
  const declined = s.status === 'declined'
  return (
    <View className='consent bm-card' data-testid='consent-panel' role='region' aria-label='个人信息保护提示'>
      <Text className='consent__title' {...aria('heading', { 'aria-level': 2 })}>个人信息保护提示</Text>
      {declined && mode === 'required'
        ? <Text className='consent__text' data-testid='consent-declined'>您没有同意隐私政策，所以不能在这里提交信息。浏览通知公告、办事指南不受影响。如果改变主意，请点“阅读并同意”。</Text>
        : (
          <View>
            <Text className='consent__text'>{mode === 'required' ? '办理这项服务需要填写个人信息。提交前，请先了解我们怎样使用：' : '欢迎使用便民服务。为了给您办事，我们会用到以下信息：'}</Text>
            {PRIVACY_SUMMARY.map((line) => <Text key={line} className='consent__item'>{`· ${line}`}</Text>)}
            <Text className='consent__text'>只有负责办理的工作人员能看到，不会用于广告。您可以随时在“我的”里导出或删除自己的信息。</Text>
          </View>
          )}
      <Text className='consent__link' {...aria('link', { 'aria-label': '查看完整的隐私政策' })} onClick={() => go('privacy')} data-testid='consent-read'>
        查看完整的《隐私政策》{s.version ? `（${s.version} 版）` : ''}
      </Text>
      {s.error && <Text className='consent__error' {...aria('alert')} data-testid='consent-error'>{s.error}</Text>}
      <View className='consent__actions'>
        {declined && mode === 'required'
          ? <Button className='bm-button bm-button--primary consent__agree' onClick={() => consent.reconsider()} data-testid='consent-reconsider'>阅读并同意</Button>
          : (
            <>
              <Button className='bm-button consent__decline' onClick={() => { resolvePlatformPrivacy('disagree'); consent.decline() }} data-testid='consent-decline'>不同意</Button>
              <AgreeButton />
            </>
            )}
      </View>
      {!declined && <Text className='consent__note'>不同意也可以浏览通知公告和办事指南，但不能预约、留言和申请。</Text>}
      {mode === 'ask' && (
        // A staff member at a shared PC signs in without answering the residents' notice.
        <Text className='consent__link' {...aria('link', { 'aria-label': '工作人员登录' })} onClick={() => go('staffLogin')} data-testid='consent-staff-login'>
          工作人员登录
        </Text>
      )}
    </View>
  )
}
