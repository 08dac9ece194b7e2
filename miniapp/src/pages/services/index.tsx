import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@/components/cell'
import { PageRoot } from '@/components/page-root'
import { entries, openEntry, type Entry } from '@/features'
import './index.scss'

const groups: { title: string; items: Entry[] }[] = [
  { title: '到窗口办事', items: [entries.booking, entries.myBookings] },
  { title: '问一问、评一评', items: [entries.consult, entries.rating] },
  { title: '政府信息', items: [entries.notices, entries.disclosure] },
]

export default function ServicesPage () {
  return (
    <PageRoot className='services'>
      <View className='services__intro'>
        <Text>办事前可以先预约，到了窗口少排队。</Text>
      </View>
      {groups.map((g) => (
        <CellGroup key={g.title} title={g.title}>
          {g.items.map((e) => (
            <Cell key={e.key} title={e.title} description={e.description} onClick={() => openEntry(e)} testId={`service-${e.key}`} />
          ))}
        </CellGroup>
      ))}
    </PageRoot>
  )
}
