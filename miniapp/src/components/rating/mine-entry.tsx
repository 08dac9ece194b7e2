import { useState } from 'react'
import { Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { api } from '@/api/client'
import { Cell, CellGroup } from '@/components/cell'
import { go } from '@/kit/nav'
import './rating.scss'

/** 我的 → 好差评, with the number of finished services waiting for a rating (待评价). */
export function RatingsEntry () {
  const [pending, setPending] = useState(0)
  useDidShow(() => {
    api('listPendingRatings').then((r) => setPending(r.count)).catch(() => undefined) // the badge is a hint only
  })
  return (
    <CellGroup title='好差评'>
      <Cell
        title='我的评价'
        description={pending ? `${pending} 件办过的事待评价` : '评价办过的事，查看差评整改进度'}
        testId='mine-ratings'
        extra={pending ? <Text className='rating-badge rating-badge--danger' data-testid='mine-ratings-pending'>待评价 {pending}</Text> : undefined}
        onClick={() => go('ratingsMine')}
      />
    </CellGroup>
  )
}
