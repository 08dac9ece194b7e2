import { useCallback, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ApiError, homeVisitInput, type HomeVisitView } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { useConfirm } from '@/components/confirm'
import { labelled } from '@/components/a11y'
import { go } from '@/kit/nav'
import { InfoRow, Loaded, Section, useResource } from '@/kit'
import { dayText, instantText, weekdayText } from '../../appointments/parts/appointment.format'
import '../../appointments/parts/appointment.scss'

const statusLabels: Record<HomeVisitView['status'], string> = { REQUESTED: '待受理', SCHEDULED: '已安排', DECLINED: '未受理', DONE: '已办结', CANCELLED: '已撤回' }
const tone = (s: HomeVisitView['status']) => (s === 'REQUESTED' || s === 'SCHEDULED' ? 'active' : s === 'DONE' ? 'done' : s === 'DECLINED' ? 'bad' : 'off')

/** 上门服务: request a visit for an item marked for it (address, reason, preferred days); my requests and their progress. */
export default function HomeVisitsPage () {
  const { itemId = '', id = '' } = useRouter().params
  // Opened for one request (?id=, e.g. from a message): its detail on top.
  const one = useResource(async () => (id ? api('getHomeVisit', { params: { id } }) : null), [id])
  const [itemName, setItemName] = useState('')
  const [days, setDays] = useState<string[]>([])
  const [picked, setPicked] = useState<string[]>([])
  const [form, setForm] = useState({ contactName: '', contactPhone: '', address: '', reason: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [mine, setMine] = useState<HomeVisitView[]>([])
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(true)
  const [busy, setBusy] = useState(false)
  const [formError, setFormError] = useState('')
  const { ask, panel } = useConfirm()

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const [list, item, slots] = await Promise.all([
        api('listHomeVisits'),
        itemId ? api('getServiceItem', { params: { id: itemId } }) : Promise.resolve(null),
        itemId ? api('listServiceItemSlots', { params: { id: itemId } }) : Promise.resolve(null),
      ])
      setMine(list.items)
      setItemName(item?.name ?? '')
      setDays(slots?.dates ?? [])
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [itemId])
  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load() })

  const submit = async () => {
    const body = { serviceItemId: itemId, ...form, preferredDays: picked }
    const check = homeVisitInput.safeParse(body)
    if (!check.success) {
      const found: Record<string, string> = {}
      for (const i of check.error.issues) { const k = String(i.path[0] ?? ''); if (!found[k]) found[k] = i.message }
      setErrors(found)
      return
    }
    setErrors({})
    setFormError('')
    setBusy(true)
    try {
      await api('createHomeVisit', { body: check.data })
      void Taro.showToast({ title: '已提交申请', icon: 'success' })
      setPicked([])
      void load()
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors()).length) setErrors(e.fieldErrors())
      setFormError(`提交未成功：${errorMessage(e)}`)
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async (h: HomeVisitView) => {
    if (!await ask({ key: h.id, title: '撤回申请', content: `确定撤回“${h.serviceItemName}”的上门服务申请吗？`, confirmText: '撤回', cancelText: '不撤回' })) return
    try {
      await api('cancelHomeVisit', { params: { id: h.id } })
      void load()
    } catch (e) {
      await ask({ key: h.id, title: '撤回未成功', content: errorMessage(e), confirmText: '知道了', cancelText: '' })
    }
  }

  const err = (k: string) => (errors[k] ? <Text className='ap-field__error'>{errors[k]}</Text> : null)
  const input = (k: keyof typeof form, label: string, placeholder: string, extra: { type?: 'number'; maxlength?: number } = {}) => (
    <View className='ap-field'>
      <Text className='ap-field__label'>{label}</Text>
      <Input className='ap-field__input' {...labelled(label)} value={form[k]} placeholder={placeholder} maxlength={extra.maxlength ?? 200} type={extra.type ?? 'text'} onInput={(e) => setForm((f) => ({ ...f, [k]: e.detail.value }))} />
      {err(k)}
    </View>
  )

  if (error) return <PageRoot><PageState status='error' title={error} onRetry={() => void load()} /></PageRoot>
  return (
    <PageRoot className='home-visits' consent={itemId ? 'required' : undefined}>
      {id && (
        <Loaded resource={one} notFoundDescription='这条申请可能已撤回，或链接有误。'>
          {(h) => h && (
            <Section title={`上门服务申请：${h.serviceItemName}`} testId='hv-detail'>
              <InfoRow label='状态'><Text className={`ap-tag ap-tag--${tone(h.status)}`} data-testid='hv-detail-status'>{statusLabels[h.status]}</Text></InfoRow>
              <InfoRow label='申请时间'>{instantText(h.createdAt)}</InfoRow>
              <InfoRow label='上门地址'>{h.address}</InfoRow>
              <InfoRow label='申请原因'>{h.reason}</InfoRow>
              {h.preferredDays.length > 0 && <InfoRow label='希望日期'>{h.preferredDays.map((d) => `${dayText(d)} ${weekdayText(d)}`).join('、')}</InfoRow>}
              <InfoRow label='上门时间' testId='hv-detail-time'>{h.scheduledAt ? `${instantText(h.scheduledAt)}${h.scheduledEnd ? `–${h.scheduledEnd.slice(11, 16)}` : ''}` : '待安排'}</InfoRow>
              {h.assigneeName && <InfoRow label='上门人员'>{h.assigneeName}</InfoRow>}
              {h.declineReason && <InfoRow label='未受理原因' testId='hv-detail-decline'>{h.declineReason}</InfoRow>}
              {h.doneAt && <InfoRow label='办结时间'>{instantText(h.doneAt)}</InfoRow>}
            </Section>
          )}
        </Loaded>
      )}
      {itemId && itemName && (
        <View className='bm-card'>
          <Text className='ap-title'>{`申请上门办理：${itemName}`}</Text>
          <Text className='ap-line'>行动不便的居民可申请工作人员上门办理，受理后会与您电话确认上门时间。</Text>
          {input('contactName', '姓名', '申请人姓名', { maxlength: 30 })}
          {input('contactPhone', '手机号码', '便于工作人员联系', { type: 'number', maxlength: 11 })}
          {input('address', '上门地址', '如：东荣路 22 号 3 单元 502')}
          <View className='ap-field'>
            <Text className='ap-field__label'>申请原因</Text>
            <Textarea className='ap-field__input' {...labelled('申请原因')} value={form.reason} maxlength={500} placeholder='如：年老体弱、长期卧床' onInput={(e) => setForm((f) => ({ ...f, reason: e.detail.value }))} />
            {err('reason')}
          </View>
          <View className='ap-field'>
            <Text className='ap-field__label'>希望上门的日期（可多选）</Text>
            <View className='ap-chips'>
              {days.map((d) => (
                <Button key={d} className={`bm-button ap-chip${picked.includes(d) ? ' ap-chip--on' : ''}`}
                  onClick={() => setPicked((p) => (p.includes(d) ? p.filter((x) => x !== d) : [...p, d].slice(-5)))}>{`${dayText(d)} ${weekdayText(d)}`}</Button>
              ))}
            </View>
            {err('preferredDays')}
          </View>
          {formError && <Text className='ap-field__error' data-testid='home-visit-error'>{formError}</Text>}
          <View className='ap-actions'>
            <Button className={`bm-button bm-button--primary${busy ? ' bm-button--disabled' : ''}`} disabled={busy} onClick={() => void submit()}>提交申请</Button>
          </View>
        </View>
      )}
      <Text className='ap-section'>我的上门服务申请</Text>
      {loading && <PageState status='loading' />}
      {!loading && mine.length === 0 && <Text className='ap-empty-note'>还没有申请。可在办事指南中支持上门服务的事项里申请。</Text>}
      {mine.map((h) => (
        <View key={h.id} className='ap-card'>
          <View className='ap-meta'><Text className={`ap-tag ap-tag--${tone(h.status)}`}>{statusLabels[h.status]}</Text><Text>{instantText(h.createdAt)}</Text></View>
          <Text className='ap-title'>{h.serviceItemName}</Text>
          <Text className='ap-line'>{`地址：${h.address}`}</Text>
          {h.scheduledAt && <Text className='ap-line' data-testid='hv-mine-time'>{`上门时间：${instantText(h.scheduledAt)}${h.scheduledEnd ? `–${h.scheduledEnd.slice(11, 16)}` : ''}`}</Text>}
          {h.assigneeName && h.status === 'SCHEDULED' && <Text className='ap-line'>{`上门人员：${h.assigneeName}`}</Text>}
          {h.declineReason && <Text className='ap-line'>{`未受理原因：${h.declineReason}`}</Text>}
          {h.status === 'DONE' && (
            <View className='ap-actions'>
              <Button className='bm-button bm-button--primary' onClick={() => go('ratingRate', { subjectType: 'HOME_VISIT', subjectId: h.id })} data-testid='hv-mine-rate'>评价本次服务</Button>
            </View>
          )}
          {panel(h.id) ?? ((h.status === 'REQUESTED' || h.status === 'SCHEDULED') && (
            <View className='ap-actions'><Button className='bm-button bm-button--danger' onClick={() => void withdraw(h)}>撤回申请</Button></View>
          ))}
        </View>
      ))}
    </PageRoot>
  )
}
