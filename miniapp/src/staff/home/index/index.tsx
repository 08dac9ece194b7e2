// 工作台: who is signed in, the calendar warning, "what needs me now" counters and the entries this member's roles open.
import { Text, View } from '@tarojs/components'
import { staffApi, staffSession } from '@/api/client'
import { EntryGrid } from '@/components/entry-grid'
import { Action, PageState, redirect, useResource, useSubmit } from '@/kit'
import { entriesForRoles, roleLabels } from '../../roles'
import { clearMe, useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import { Counters } from '../counters'
import { CalendarWarning } from '../calendar-warning'
import './index.scss'

export default function StaffHomePage () {
  const me = useStaffMe()
  const work = useResource(() => staffApi('getWorkbench'), [])
  // Signing out always ends here on the login page (a failed logout call only leaves a token the server expires).
  const leave = useSubmit(async () => { await staffSession.signOut().catch(() => undefined); clearMe() }, { onSuccess: () => redirect('staffLogin') })
  const staff = me.staff
  return (
    <StaffPage title='工作台' className='staff-home'>
      {!staff && <PageState status={me.error ? 'error' : 'loading'} title={me.error || undefined} onRetry={me.error ? () => void me.reload() : undefined} />}
      {staff && (
        <>
          <View className='staff-home__header'>
            <Text className='staff-home__title'>工作台</Text>
            <Text className='staff-home__name' data-testid='staff-name'>{staff.name}</Text>
            <Text className='staff-home__org'>{staff.orgName}</Text>
            <View className='staff-home__roles'>
              {staff.roles.map((r) => <Text key={r} className='staff-home__role'>{roleLabels[r]}</Text>)}
            </View>
          </View>
          <CalendarWarning roles={staff.roles} />
          <View className='staff-home__section'><Counters work={work} /></View>
          <View className='staff-home__section'>
            <Text className='staff-home__subtitle'>常用功能</Text>
            <EntryGrid items={entriesForRoles(staff.roles)} />
          </View>
          <View className='staff-home__footer'>
            <Action kind='danger' block busy={leave.busy} onClick={() => void leave.run(undefined)} testId='staff-logout'>退出登录</Action>
          </View>
        </>
      )}
    </StaffPage>
  )
}
