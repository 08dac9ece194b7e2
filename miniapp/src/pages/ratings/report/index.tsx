// 好差评 公示: the public monthly or quarterly report of an org (optionally one hall), after the 广东 monthly report.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api/client'
import { Chips, InfoRow, Loaded, PageRoot, Section, useResource } from '@/kit'
import { percent } from '@/components/rating/format'
import { lastPeriod, type ReportPeriod } from '@/components/rating/period'

type Period = ReportPeriod
const periods = [{ key: 'month' as const, label: '月报' }, { key: 'quarter' as const, label: '季报' }]

export default function RatingReportPage () {
  const router = useRouter()
  const [period, setPeriod] = useState<Period>('month')
  const { year, index } = lastPeriod(period)
  const hallId = router.params.hallId || undefined
  const report = useResource(() => api('getRatingReport', { query: { period, year, index, hallId } }), [period, year, index, hallId])
  return (
    <PageRoot>
      <Chips options={periods} value={period} onChange={setPeriod} testId={(k) => `period-${k}`} />
      <Loaded resource={report}>
        {(r) => (
          <View data-testid='rating-report'>
            <Section title={r.title}>
              <Text>{`统计期间：${r.from} 至 ${r.to}`}</Text>
              <InfoRow label='评价总数'>{`${r.rated} 条`}</InfoRow>
              <InfoRow label='好评率'>{percent(r.goodRate)}</InfoRow>
              <InfoRow label='差评'>{`${r.bad} 条`}</InfoRow>
            </Section>
            <Section title='按评价渠道'>{r.byChannel.map((c) => <InfoRow key={c.channel} label={c.label}>{`${c.count} 条`}</InfoRow>)}</Section>
            <Section title='按评价等级'>{r.byLevel.map((l) => <InfoRow key={l.level} label={l.label}>{`${l.count} 条`}</InfoRow>)}</Section>
            <Section title='差评主要问题'>
              {r.topBadTags.length ? r.topBadTags.map((t) => <InfoRow key={t.tag} label={t.tag}>{`${t.count} 条`}</InfoRow>) : <Text>本期无差评</Text>}
            </Section>
            <Section title='差评整改'>
              <InfoRow label='整改率'>{percent(r.rectificationRate)}</InfoRow>
              <InfoRow label='按时整改率'>{percent(r.onTimeRectificationRate)}</InfoRow>
              <InfoRow label='实名差评回访率'>{`${percent(r.revisitRate)}（${r.realNameRevisited}/${r.realNameBad}）`}</InfoRow>
            </Section>
          </View>
        )}
      </Loaded>
    </PageRoot>
  )
}
