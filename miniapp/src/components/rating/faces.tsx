import { Text, View } from '@tarojs/components'
import { ratingLevelLabels } from '@bianmin/shared'
import { aria } from '@/components/a11y'
import './faces.scss'

const LEVELS = [5, 4, 3, 2, 1] as const

/** A face drawn with CSS (no emoji font needed): the mouth curves up for good levels and down for 差评. */
export function Face ({ level, size = 'large' }: { level: number; size?: 'large' | 'small' }) {
  return (
    <View className={`rating-face rating-face--${level} rating-face--${size}`}>
      <View className='rating-face__eyes'><View className='rating-face__eye' /><View className='rating-face__eye' /></View>
      <View className={`rating-face__mouth rating-face__mouth--${level >= 4 ? 'smile' : level === 3 ? 'flat' : 'frown'}`} />
    </View>
  )
}

/** The five levels of the national scheme as large faces with their labels (非常满意 … 非常不满意). */
export function RatingFaces ({ value, onChange }: { value: number | null; onChange: (level: number) => void }) {
  return (
    <View className='rating-faces' {...aria('radiogroup', { 'aria-label': '满意程度' })}>
      {LEVELS.map((level) => (
        <View
          key={level}
          className={`rating-faces__item${value === level ? ' rating-faces__item--on' : ''}`}
          onClick={() => onChange(level)}
          data-testid={`level-${level}`}
          {...aria('radio', { 'aria-checked': value === level, 'aria-label': ratingLevelLabels[level] ?? String(level) })}
        >
          <Face level={level} />
          <Text className='rating-faces__label'>{ratingLevelLabels[level]}</Text>
        </View>
      ))}
    </View>
  )
}

/** 1–5 stars for one sub-score; tapping the chosen star again clears it (sub-scores are optional). */
export function StarRow ({ label, value, onChange, testId }: { label: string; value?: number; onChange: (v: number | undefined) => void; testId: string }) {
  return (
    <View className='star-row' data-testid={testId}>
      <Text className='star-row__label'>{label}</Text>
      <View className='star-row__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`star-row__star${value !== undefined && n <= value ? ' star-row__star--on' : ''}`}
            onClick={() => onChange(value === n ? undefined : n)}
            data-testid={`${testId}-${n}`}
          >★</Text>
        ))}
      </View>
    </View>
  )
}
