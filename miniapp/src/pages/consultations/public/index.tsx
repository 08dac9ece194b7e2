import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import type { z } from 'zod'
import type { publicConsultation } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { labelled } from '@/components/a11y'
import { dayText, kindLabel } from '../parts/consultation.format'
import '../parts/consultation.scss'
import './index.scss'

type Item = z.infer<typeof publicConsultation>

/** Published Q&A (personal data masked), searchable; a tap shows the whole answer. */
export default function PublicConsultationsPage () {
  const [q, setQ] = useState('')
  const [items, setItems] = useState<Item[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async (keyword: string, after?: string) => {
    setLoading(true)
    setError('')
    try {
      const page = await api('listPublicConsultations', { query: { q: keyword.trim() || undefined, cursor: after } })
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }, [])

  useLoad(() => { void load('') })
  usePullDownRefresh(() => { void load(q) })

  return (
    <PageRoot className='cs-public'>
      <View className='cs-public__search'>
        <Input className='cs-field__input' {...labelled('搜索公开的问答')} value={q} placeholder='搜索问题或答复' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => void load(q)} data-testid='cs-search' />
        <Button className='bm-button bm-button--primary' onClick={() => void load(q)}>搜索</Button>
      </View>

      {items.map((c) => (
        <View key={c.id} className='cs-item' onClick={() => setOpen(open === c.id ? null : c.id)} data-testid='cs-public-item'>
          <View className='cs-meta'>
            <Text className='cs-tag cs-tag--kind'>{kindLabel(c.kind)}</Text>
            <Text>{c.orgName}</Text>
            <Text>{dayText(c.publishedAt)}</Text>
          </View>
          <Text className='cs-title'>{c.title}</Text>
          <Text className={`cs-public__text${open === c.id ? '' : ' cs-public__text--clamp'}`}>{`问：${c.question}`}</Text>
          <Text className={`cs-public__text cs-public__answer${open === c.id ? '' : ' cs-public__text--clamp'}`}>{`答：${c.answer}`}</Text>
          <Text className='cs-public__toggle'>{open === c.id ? '收起' : '展开全文'}</Text>
        </View>
      ))}

      {loading && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load(q)} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title={q ? '没有找到相关的答复' : '暂无公开的答复'} description='居民同意公开的咨询，答复后会隐去个人信息在这里公开。' />}
      {!loading && cursor && (
        <View className='cs-more'>
          <Button className='bm-button bm-button--block' onClick={() => void load(q, cursor)}>加载更多</Button>
        </View>
      )}
    </PageRoot>
  )
}
