import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api/client'
import { Action, Loaded, PageRoot, PagedFooter, Section, Tag, labelled, usePagedList, useResource } from '@/kit'
import { dayText, kindLabel } from '../parts/consultation.format'
import '../parts/consultation.scss'
import './index.scss'

/** Published Q&A (personal data masked), searchable; a tap shows the whole answer; ?id= opens one Q&A in full on top. */
export default function PublicConsultationsPage () {
  const { id = '' } = useRouter().params
  const one = useResource(async () => (id ? api('getPublicConsultation', { params: { id } }) : null), [id], { on: 'mount' })
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

      {id && (
        <Loaded resource={one} notFoundDescription='这条答复可能已撤回公开，或链接有误。'>
          {(c) => c && (
            <Section title={c.title} testId='cs-public-detail'>
              <View className='cs-meta'>
                <Tag>{kindLabel(c.kind)}</Tag>
                <Text>{c.orgName}</Text>
                <Text>{dayText(c.publishedAt)}</Text>
              </View>
              <Text className='cs-public__text'>{`问：${c.question}`}</Text>
              <Text className='cs-public__text cs-public__answer'>{`答：${c.answer}`}</Text>
            </Section>
          )}
        </Loaded>
      )}

      {list.items.filter((c) => c.id !== id).map((c) => (
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
