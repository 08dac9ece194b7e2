// List and detail side by side on a desk (the list's row opens the record beside it); on a phone the row opens
// the detail page instead.
import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PageName, PageQuery } from '@bianmin/shared'
import { go } from '@/kit/nav'
import { useDesk } from './use-desk'

export function MasterDetail ({ list, detail, placeholder = '在左侧选择一条，查看详情' }: { list: ReactNode; detail: ReactNode | null; placeholder?: string }) {
  const desk = useDesk()
  if (!desk) return <View className='staff-md'>{list}</View>
  return (
    <View className='staff-md staff-md--desk'>
      <View className='staff-md__list'>{list}</View>
      <View className='staff-md__detail' role='region' aria-label='详情' data-testid='staff-detail-pane'>
        {detail ?? <Text className='staff-md__placeholder'>{placeholder}</Text>}
      </View>
    </View>
  )
}

/** A row was chosen: on a desk it is shown beside the list (`selected`), on a phone its page opens. */
export function useSelection (page: PageName, query: (id: string) => PageQuery = (id) => ({ id })) {
  const desk = useDesk()
  const [selected, setSelected] = useState<string | null>(null)
  const open = (id: string) => { if (desk) setSelected(id); else go(page, query(id)) }
  return { selected: desk ? selected : null, open, clear: () => setSelected(null) }
}
