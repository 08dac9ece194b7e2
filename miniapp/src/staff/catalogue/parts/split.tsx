// List + detail for the 服务管理 pages: side by side on a desk (MasterDetail); on a phone the chosen record replaces
// the list, with 返回列表.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Action } from '@/kit'
import { MasterDetail } from '../../shell/master-detail'
import { useDesk } from '../../shell/use-desk'

export function Split ({ list, detail, placeholder, onBack }: { list: ReactNode; detail: ReactNode | null; placeholder: string; onBack: () => void }) {
  const desk = useDesk()
  if (desk || !detail) return <MasterDetail list={list} detail={detail} placeholder={placeholder} />
  return <View><Action onClick={onBack}>‹ 返回列表</Action>{detail}</View>
}
