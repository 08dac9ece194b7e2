// The service items a window handles or a business line takes, as checkboxes (with how many are chosen).
import { Text, View } from '@tarojs/components'
import { Check } from '@/kit'

export interface ItemOption { id: string; name: string; code: string }

export function ItemChecks ({ label, items, chosen, onChange, testPrefix, note }: {
  label: string; items: ItemOption[]; chosen: string[]; onChange: (ids: string[]) => void; testPrefix: string; note?: (id: string) => string | null
}) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((i) => i !== id) : [...chosen, id])
  return (
    <>
      <Text className='cat-note'>{`${label}（已选 ${chosen.length} 项）`}</Text>
      <View className='cat-items' role='group' aria-label={label}>
        {items.map((i) => {
          const n = note?.(i.id)
          return <Check key={i.id} on={chosen.includes(i.id)} onToggle={() => toggle(i.id)} testId={`${testPrefix}-${i.code}`}>{`${i.name}（${i.code}）${n ? ` · ${n}` : ''}`}</Check>
        })}
        {items.length === 0 && <Text className='cat-note'>还没有事项：请先在「办事指南」中新增事项。</Text>}
      </View>
    </>
  )
}
