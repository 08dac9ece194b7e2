import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { api } from '@/api/client'
import { Action, PageRoot, PagedFooter, Tag, labelled, usePagedList } from '@/kit'
import { dayText, kindLabel } from '../parts/consultation.format'
import '../parts/consultation.scss'
import './index.scss'

/** Published Q&A (personal data masked), searchable; a tap shows the whole answer. */
export default function PublicConsultationsPage () {
  const [q, setQ] = useState('')
  const [search, setSearch] = useState({ q: '' })
  const [open, setOpen] = useState<string | null>(null)
  const list = usePagedList((cursor) => api('listPublicConsultations', { query: { q: search.q.trim() || undefined, cursor } }), [search], { on: 'mount' })
  const find = () => setSearch({ q })

  return (
    <PageRoot className='cs-public'>
      <View className='cs-public__search'>
        <Input className='bm-field__input' {...labelled('搜索公开的问答')} value={q} placeholder='搜索问题或答复' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={find} data-testid='cs-search' />
        <Action kind='primary' onClick={find}>搜索</Action>
      </View>

      {list.items.map((c) => (
        <View key={c.id} className='bm-card' onClick={() => setOpen(open === c.id ? null : c.id)} data-testid='cs-public-item'>
          <View className='cs-meta'>
            <Tag>{kindLabel(c.kind)}</Tag>
            <Text>{c.orgName}</Text>
            <Text>{dayText(c.publishedAt)}</Text>
          </View>
          <Text className='cs-title'>{c.title}</Text>
          <Text className={`cs-public__text${open === c.id ? '' : ' cs-public__text--clamp'}`}>{`问：${c.question}`}</Text>
          <Text className={`cs-public__text cs-public__answer${open === c.id ? '' : ' cs-public__text--clamp'}`}>{`答：${c.answer}`}</Text>
          <Text className='cs-public__toggle'>{open === c.id ? '收起' : '展开全文'}</Text>
        </View>
      ))}
      <PagedFooter list={list} endText={null} empty={{ title: search.q ? '没有找到相关的答复' : '暂无公开的答复', description: '居民同意公开的咨询，答复后会隐去个人信息在这里公开。' }} />
    </PageRoot>
  )
}
