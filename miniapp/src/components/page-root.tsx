import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderMode } from '@/store/prefs'

/** Root element of every page: carries the `elder` class that switches the theme variables. */
export function PageRoot ({ className, children }: { className?: string; children?: ReactNode }) {
  const elder = useElderMode()
  const cls = ['bm-page', className, elder ? 'elder' : ''].filter(Boolean).join(' ')
  return <View className={cls}>{children}</View>
}
