// The admin's workbench warning from 1 November while next year has no official holiday data (chinese-days has not
// got it yet and no notice was imported): a link to 导入节假日安排.
import { Text, View } from '@tarojs/components'
import type { Role } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, useResource } from '@/kit'
import { go } from '@/kit/nav'

export function CalendarWarning ({ roles }: { roles: readonly Role[] }) {
  const admin = roles.includes('ADMIN')
  const status = useResource(() => staffApi('getCalendarStatus'), [], { on: 'mount', enabled: admin })
  if (!admin || !status.data?.warning) return null
  return (
    <View className='bm-card staff-home__warning' role='alert' data-testid='calendar-warning'>
      <Text>{status.data.warning}</Text>
      <Action kind='primary' onClick={() => go('staffCalendarImport')} testId='calendar-warning-import'>{`导入${status.data.nextYear}年节假日安排`}</Action>
    </View>
  )
}
