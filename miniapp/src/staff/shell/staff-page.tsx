// The staff shell: every staff page renders inside <StaffPage>. At ≥ 1024 px (a desk PC) the workbench sections'
// navigation stands beside the work and the page has a header (title, actions, who is signed in); below that the
// phone layout: no sidebar, the actions on top, 返回工作台 on pages opened from a link (PageRoot).
import { useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PageName } from '@bianmin/shared'
import { staffSession } from '@/api/client'
import { aria } from '@/components/a11y'
import { PageRoot } from '@/components/page-root'
import { currentPage, redirect } from '@/kit/nav'
import { clearMe, useStaffMe } from './me'
import { navFor, navItemOf } from './nav'
import { requireStaff } from './session'
import './shell.scss'

export interface StaffPageProps {
  /** The page's heading (the desk header; on a phone the navigation bar shows the page's title). */
  title: string
  /** The list this page belongs to, highlighted in the navigation (default: the current page's own entry). */
  section?: PageName
  /** Buttons of the page (新建, 导出 …), in the header. */
  actions?: ReactNode
  /** 'wide' for tables and list + detail; 'column' (default) keeps a readable 960 px column. */
  width?: 'wide' | 'column'
  className?: string
  /** false only for the login page: no token needed, no navigation. */
  signedIn?: boolean
  children?: ReactNode
}

export function StaffPage ({ title, section, actions, width = 'column', className, signedIn = true, children }: StaffPageProps) {
  const [ok] = useState(() => !signedIn || requireStaff())
  return (
    <PageRoot className={['staff-page', className].filter(Boolean).join(' ')}>
      <View className='staff-shell'>
        {signedIn && ok && <StaffNav section={section} />}
        <View className={`staff-shell__main staff-shell__main--${width}`} role='main'>
          {(signedIn || actions) && (
            <View className={`staff-shell__head${actions ? ' staff-shell__head--actions' : ''}`}>
              <Text className='staff-shell__title' {...aria('heading', { 'aria-level': 1 })}>{title}</Text>
              {actions && <View className='staff-shell__actions'>{actions}</View>}
            </View>
          )}
          {ok && children}
        </View>
      </View>
    </PageRoot>
  )
}

/** The sidebar: sections and entries this member's roles may open, the current one marked; name and 退出登录. */
function StaffNav ({ section }: { section?: PageName }) {
  const { staff } = useStaffMe()
  const [here, setHere] = useState<PageName | undefined>(undefined)
  useEffect(() => { setHere(currentPage()) }, [])
  const active = navItemOf(section ?? here)?.key
  const signOut = async () => {
    await staffSession.signOut()
    clearMe()
    redirect('staffLogin')
  }
  return (
    <View className='staff-nav' role='navigation' aria-label='工作台导航' data-testid='staff-nav'>
      <Text className='staff-nav__brand'>便民服务 · 工作台</Text>
      {staff && navFor(staff.roles).map((s) => (
        <View key={s.key} className='staff-nav__section' role='group' aria-label={s.title}>
          <Text className='staff-nav__section-title'>{s.title}</Text>
          {s.items.map((i) => (
            <Text
              key={i.key}
              className={`staff-nav__item${i.key === active ? ' staff-nav__item--on' : ''}`}
              {...aria('link', i.key === active ? { 'aria-current': 'page' } : {})}
              onClick={() => { if (i.key !== active || i.page !== here) redirect(i.page) }}
              data-testid={`nav-${i.key}`}
            >
              {i.title}
            </Text>
          ))}
        </View>
      ))}
      {staff && (
        <View className='staff-nav__me'>
          <Text className='staff-nav__name' data-testid='staff-nav-name'>{staff.name}</Text>
          <Text className='staff-nav__org'>{staff.orgName}</Text>
          <Text className='staff-nav__logout' {...aria('button')} onClick={() => void signOut()} data-testid='staff-nav-logout'>退出登录</Text>
        </View>
      )}
    </View>
  )
}
