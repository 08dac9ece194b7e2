// 时段模板与生成 (ADMIN): pick a hall (?hallId=, or ?template= for the hall of that template), edit its week grid of
// templates, generate slots for a date range with a preview.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { Field, Loaded, Section, useResource } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { GenerateSlots } from './generate'
import { WeekGrid } from './week-grid'
import '../parts/catalogue.scss'

export default function StaffSlotTemplatesPage () {
  const { params } = useRouter()
  const [hallId, setHallId] = useState(params.hallId ?? '')
  // ?template=<id> (from the audit log): the hall whose week holds that template.
  const halls = useResource(async () => {
    const list = await staffApi('listStaffHalls')
    if (params.template && !params.hallId) {
      const weeks = await Promise.all(list.items.map((h) => staffApi('listSlotTemplates', { query: { hallId: h.id } })))
      const i = weeks.findIndex((w) => w.items.some((t) => t.id === params.template))
      if (i >= 0) setHallId(list.items[i]!.id)
    }
    return list
  }, [], { on: 'mount' })
  const work = useResource(() => staffApi('getWorkbench'), [], { on: 'mount' })
  return (
    <StaffPage title='时段模板与生成' section='staffHalls' width='wide'>
      <Loaded resource={halls} isEmpty={(d) => d.items.length === 0} empty={{ title: '还没有服务中心', description: '请先在「服务中心与窗口」中新建' }}>
        {(d) => {
          const hall = d.items.find((h) => h.id === hallId) ?? d.items[0]!
          return (
            <>
              <Field kind='picker' label='服务中心' options={d.items.map((h) => h.name)} index={d.items.indexOf(hall)} onPick={(i) => setHallId(d.items[i]!.id)} testId='templates-hall' />
              <Section title='每周时段模板'>
                <Text className='cat-note'>每个工作日按当天的模板生成时段；调休上班的周末按周一的模板；节假日不生成。修改模板不影响已生成的时段。</Text>
                <WeekGrid key={hall.id} hall={hall} highlight={params.template} />
              </Section>
              {work.data && <GenerateSlots key={hall.id} hallId={hall.id} today={work.data.today} />}
            </>
          )
        }}
      </Loaded>
    </StaffPage>
  )
}
