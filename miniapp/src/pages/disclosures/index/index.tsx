import { Text, View } from '@tarojs/components'
import { api } from '@/api/client'
import { Action, Card, PageRoot, PagedFooter, Tag, go, usePagedList } from '@/kit'
import { dateOf, disclosureTone, outcomeText, type DisclosureSummary } from '@/utils/disclosure'
import '@/components/disclosure.scss'

/** A request in my list: what I asked, where it stands, and the deadline or the outcome. */
function RequestCard ({ d, onClick }: { d: DisclosureSummary; onClick: () => void }) {
  const outcome = outcomeText(d)
  return (
    <Card className='dsc-card' onClick={onClick} testId='disclosure-item'>
      <View className='dsc-card__head'>
        <Text className='dsc-card__title'>{d.description}</Text>
        <Tag tone={disclosureTone(d)} solid>{d.overdue ? '已超期' : d.statusLabel}</Tag>
      </View>
      <Text className='dsc-card__meta'>{d.orgName} · 收到日期 {dateOf(d.receivedAt)}</Text>
      {outcome
        ? <Text className='dsc-card__outcome' data-testid='disclosure-outcome'>答复结果：{outcome}</Text>
        : (
          <Text className='dsc-card__meta' data-testid='disclosure-due'>
            {d.status === 'CORRECTION_REQUESTED' ? `请于 ${dateOf(d.dueAt)} 前补正` : `答复期限 ${dateOf(d.dueAt)}`}
          </Text>
          )}
    </Card>
  )
}

export default function DisclosuresPage () {
  const list = usePagedList((cursor) => api('listMyDisclosures', { query: { limit: 20, cursor } }), [])
  return (
    <PageRoot className='disclosures'>
      <View className='bm-card dsc-intro'>
        <Text className='dsc-intro__title'>申请公开政府信息</Text>
        <Text className='dsc-intro__text'>
          依据《中华人民共和国政府信息公开条例》，您可以向街道、社区申请获取所需的政府信息。我们将在收到申请之日起 20 个工作日内答复，需要延长的会告知您。
        </Text>
        <Action kind='primary' block onClick={() => go('disclosureApply')} testId='disclosure-apply'>我要申请</Action>
      </View>

      <Text className='dsc-section-title'>我的申请</Text>
      {list.items.map((d) => <RequestCard key={d.id} d={d} onClick={() => go('disclosureDetail', { id: d.id })} />)}
      <PagedFooter list={list} endText={null} empty={{ title: '还没有提交过申请' }} />
    </PageRoot>
  )
}
