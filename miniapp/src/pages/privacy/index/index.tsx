// 隐私政策 (PIPL, WeChat 用户隐私保护指引): what we collect and why, how long, who sees it, the resident's rights, and
// how to reach us. The version is the server's privacy.version: when this text changes, an admin sets a new version
// (管理 → 设置) and every resident is asked again before sending personal data.
import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { Contract, ResponseOf } from '@bianmin/shared'
import { api, consent, errorMessage } from '@/api/client'
import { aria } from '@/components/a11y'
import { AgreeButton } from '@/components/consent-panel'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { useConsentState } from '@/store/consent'
import { resolvePlatformPrivacy } from '@/store/platform-privacy'
import './index.scss'
import { relaunch } from '@/kit/nav'

type Hall = ResponseOf<Contract['listHalls']>['items'][number]

const sections: { title: string; lines: string[] }[] = [
  {
    title: '一、我们收集哪些信息，为什么收集',
    lines: [
      '微信登录标识（openid）：您打开小程序时由微信提供，用来认出您的账号。我们不获取您的微信头像、昵称和通讯录，也不获取您的位置。',
      '姓名和手机号码：只在您预约办事、申请上门服务、申请公开政府信息时由您填写，用于核对身份、通知办理进度。手机号码加密保存，列表里只显示部分数字。',
      '上门服务地址：只在您申请上门服务时填写，用于安排工作人员上门，加密保存。',
      '咨询、投诉、建议的内容和照片：用于办理和答复。只有您同意公开时，才会在隐去姓名、电话、身份证号后公开问答。',
      '评价内容：用于改进服务；差评会转给责任单位核实整改，并回访您。',
      '显示设置（如长辈模式）：用于记住您的习惯。',
    ],
  },
  {
    title: '二、保存多久',
    lines: [
      '办理记录按政务服务档案的要求保存。',
      '您注销账号后，我们立即删除您的姓名、手机号、地址和您写的内容，只保留不含个人身份的统计数字；您上传的照片随后由系统清除。',
      '政府信息公开申请属于政府信息公开工作记录，注销后保留申请事项，但删除您的姓名和电话。',
    ],
  },
  {
    title: '三、谁能看到',
    lines: [
      '只有负责办理的街道、社区工作人员能看到，每人只能看到本单位及下属单位的事项。工作人员查看完整手机号码会被记录。',
      '办理通知通过微信服务通知发给您。除法律法规规定外，我们不向其他单位或个人提供您的信息，不用于广告。',
    ],
  },
  {
    title: '四、您的权利',
    lines: [
      '查看和导出：在“我的 → 导出我的数据”可以取得您的全部信息。',
      '更正：信息填错了，可以联系办理的服务中心更正。',
      '删除和撤回同意：在“我的 → 注销账号”可以删除您的信息；注销后如需再次使用，需要重新同意本政策。',
    ],
  },
]

export default function PrivacyPage () {
  const c = useConsentState(consent)
  const [halls, setHalls] = useState<Hall[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const loadHalls = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      setHalls((await api('listHalls')).items)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useLoad(() => { void loadHalls() })

  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else relaunch('home')
  }

  return (
    <PageRoot className='privacy'>
      <View className='bm-card'>
        <Text className='privacy__title' {...aria('heading', { 'aria-level': 1 })}>便民服务隐私政策</Text>
        <Text className='privacy__meta' data-testid='privacy-version'>{c.version ? `版本：${c.version}` : '正在读取版本…'}</Text>
        <Text className='privacy__p'>本小程序由街道办事处及所属便民服务中心（以下简称“我们”）提供。我们按照《中华人民共和国个人信息保护法》，只收集办事必需的信息。请您仔细阅读。</Text>
      </View>

      {sections.map((s) => (
        <View key={s.title} className='bm-card'>
          <Text className='privacy__h' {...aria('heading', { 'aria-level': 2 })}>{s.title}</Text>
          {s.lines.map((l) => <Text key={l} className='privacy__p'>{l}</Text>)}
        </View>
      ))}

      <View className='bm-card' data-testid='privacy-contact'>
        <Text className='privacy__h' {...aria('heading', { 'aria-level': 2 })}>五、联系我们</Text>
        <Text className='privacy__p'>对本政策或您的信息有疑问，请联系就近的便民服务中心：</Text>
        {loading && <PageState status='loading' title='正在读取服务中心电话…' />}
        {!loading && error && <PageState status='error' title={error} onRetry={() => void loadHalls()} />}
        {!loading && !error && halls.length === 0 && <Text className='privacy__p'>也可以直接到街道办事处咨询。</Text>}
        {halls.map((h) => (
          <Text key={h.id} className='privacy__p'>{`${h.name}：${h.address}${h.phone ? `，电话 ${h.phone}` : ''}`}</Text>
        ))}
      </View>

      <View className='bm-card'>
        <Text className='privacy__h' {...aria('heading', { 'aria-level': 2 })}>六、政策更新</Text>
        <Text className='privacy__p'>本政策更新后，会在您下次办事前再次请您阅读并同意。</Text>
      </View>

      <View className='bm-card privacy__consent' data-testid='privacy-consent'>
        {c.status === 'accepted'
          ? <Text className='privacy__p' data-testid='privacy-accepted'>{`您已同意本政策（${c.version} 版）。`}</Text>
          : (
            <View>
              <Text className='privacy__p'>{c.status === 'declined' ? '您之前选择了不同意。' : '您还没有同意本政策。'}</Text>
              {c.error && <Text className='privacy__error' {...aria('alert')}>{c.error}</Text>}
              <View className='privacy__actions'>
                {c.status !== 'declined' && (
                  <Button className='bm-button' onClick={() => { resolvePlatformPrivacy('disagree'); consent.decline() }} data-testid='privacy-decline'>不同意</Button>
                )}
                <AgreeButton label='同意本政策' testId='privacy-agree' />
              </View>
            </View>
            )}
        <Button className='bm-button bm-button--block privacy__back' onClick={leave} data-testid='privacy-back'>返回</Button>
      </View>
    </PageRoot>
  )
}
