// Choosing the window a desk PC or a counter tablet works for (hall → window), remembered on the device.
import { Text } from '@tarojs/components'
import { staffApi } from '@/api/client'
import { taroStorage } from '@/api/storage'
import { List, ListItem, Loaded, Section, useResource } from '@/kit'

export interface ChosenWindow { id: string; hallId: string; hallName: string; name: string; number: string }

export function rememberedWindow (key: string): ChosenWindow | null {
  try {
    const w = JSON.parse(taroStorage.get(key) || 'null') as ChosenWindow | null
    return w && typeof w.id === 'string' && typeof w.hallId === 'string' ? w : null
  } catch {
    return null
  }
}
export const rememberWindow = (key: string, w: ChosenWindow | null) => (w ? taroStorage.set(key, JSON.stringify(w)) : taroStorage.remove(key))

/** The halls in the staff member's reach and their active windows; tapping one chooses it. */
export function WindowPicker ({ title = '选择窗口', hint, onPick }: { title?: string; hint?: string; onPick: (w: ChosenWindow) => void }) {
  const halls = useResource(async () => (await staffApi('listStaffHalls')).items.filter((h) => h.active), [], { on: 'mount' })
  return (
    <Section title={title} testId='window-picker'>
      {hint && <Text className='bm-row__desc'>{hint}</Text>}
      <Loaded resource={halls} isEmpty={(l) => l.length === 0} empty={{ title: '没有可用的服务中心', description: '请联系管理员在“服务中心”中设置窗口' }}>
        {(list) => list.map((h) => (
          <List key={h.id} title={h.name}>
            {h.windows.filter((w) => w.active).map((w) => (
              <ListItem key={w.id} title={`${w.number} 号窗口`} description={w.name} testId={`pick-window-${w.number}`}
                onClick={() => onPick({ id: w.id, hallId: h.id, hallName: h.name, name: w.name, number: w.number })} />
            ))}
          </List>
        ))}
      </Loaded>
    </Section>
  )
}
