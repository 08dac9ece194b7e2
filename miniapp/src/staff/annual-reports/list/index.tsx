// 年度报告编制: the org's reports by year (older years open read-only) and drafting this year's or last year's.
import { Text } from '@tarojs/components'
import { staffApi } from '@/api/client'
import { Action, Actions, FormError, List, ListItem, Loaded, StatusTag, go, useResource, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'

const statusMap = { DRAFT: { label: '草稿', tone: 'muted' }, SUBMITTED: { label: '待审核', tone: 'warning' }, APPROVED: { label: '已审核', tone: 'info' }, PUBLISHED: { label: '已发布', tone: 'success' } } as const

export default function AnnualReportsPage () {
  const list = useResource(() => staffApi('listAnnualReports', {}), [])
  const thisYear = new Date().getFullYear()
  const create = useSubmit((year: number) => staffApi('createAnnualReport', { body: { year } }), { onSuccess: (r) => go('staffAnnualReportEdit', { id: r.id }) })
  return (
    <StaffPage title='年度报告编制' width='wide'>
      <Actions>
        {[thisYear, thisYear - 1].map((y) => (
          <Action key={y} busy={create.busy} onClick={() => void create.run(y)} testId={`draft-${y}`}>{`起草${y}年度报告`}</Action>
        ))}
      </Actions>
      <FormError error={create.error} />
      <Loaded resource={list} isEmpty={(d) => d.items.length === 0} empty={{ title: '还没有年度报告', description: '点“起草”开始编制，正文会预填当年数据' }}>
        {(d) => (
          <List title='历年报告'>
            {d.items.map((r) => (
              <ListItem key={r.id} title={r.title} testId={`report-${r.year}`} onClick={() => go('staffAnnualReportEdit', { id: r.id })}
                extra={<StatusTag map={statusMap} status={r.status} />}
                description={r.readOnly ? '只读' : '可编辑'} />
            ))}
          </List>
        )}
      </Loaded>
      <Text className='bm-muted'>每年 1 月 31 日前发布上一年度的报告。</Text>
    </StaffPage>
  )
}
