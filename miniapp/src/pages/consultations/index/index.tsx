import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ConsultationStatus } from '@bianmin/shared'
import { api } from '@/api/client'
import { Action, Actions, Card, Chips, PageRoot, PagedFooter, StatusTag, Tag, go, usePagedList } from '@/kit'
import { consultationStatus, dueText, kindLabel, timeText } from '../parts/consultation.format'
import '../parts/consultation.scss'

type TabKey = 'all' | ConsultationStatus
const tabs: { key: TabKey; label: string }[] = [
  { key: 'all', label: '全部' }, { key: 'SUBMITTED', label: '待受理' }, { key: 'ASSIGNED', label: '办理中' },
  { key: 'REPLIED', label: '已答复' }, { key: 'CLOSED', label: '已办结' },
]

/** 我的咨询: the resident's cases with status and the countdown to the reply deadline. */
export default function MyConsultationsPage () {
  const [tab, setTab] = useState<TabKey>('all')
  const list = usePagedList((cursor) => api('listMyConsultations', { query: { status: tab === 'all' ? undefined : tab, cursor } }), [tab])

  return (
    <PageRoot className='cs-mine'>
      <Actions>
        <Action kind='primary' onClick={() => go('consultationNew')} testId='cs-new'>我要留言</Action>
        <Action onClick={() => go('consultationsPublic')} testId='cs-public'>公开答复</Action>
      </Actions>
      <Chips options={tabs} value={tab} onChange={setTab} columns={5} />

      {list.items.map((c) => {
        const due = dueText(c)
        return (
          <Card key={c.id} onClick={() => go('consultationDetail', { id: c.id })} testId='cs-item'>
            <View className='cs-meta'>
              <StatusTag map={consultationStatus} status={c.status} solid />
              <Tag>{kindLabel(c.kind)}</Tag>
              <Text>{timeText(c.createdAt)}</Text>
            </View>
            <Text className='cs-title'>{c.title}</Text>
            <View className='cs-meta'>
              <Text>{c.orgName}</Text>
              {c.messageCount > 0 && <Text>{`${c.messageCount} 条回复`}</Text>}
            </View>
            {due && <Text className={`cs-due cs-due--${due.tone}`}>{due.text}</Text>}
          </Card>
        )
      })}
      <PagedFooter list={list} endText={null}
        empty={{ title: '还没有留言', description: '有问题想咨询、要投诉或有建议，点“我要留言”。咨询 3 个工作日内答复，投诉 5 个，建议 10 个。' }} />
    </PageRoot>
  )
}
