// Field: a labelled form control (input, textarea, picker, date, or your own) with hint, counter and error text.
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { aria, labelled } from '@/components/a11y'
import '../styles/kit.scss'

interface Base {
  label: string
  /** The control's accessible name when it differs from the visible label (e.g. without '（选填）'). */
  name?: string
  error?: string
  errorTestId?: string
  hint?: string
  className?: string
  testId?: string
}
interface TextProps { value: string; onChange: (value: string) => void; placeholder?: string; maxlength?: number; counter?: boolean; counterTestId?: string }
export type FieldProps = Base & (
  | ({ kind?: 'input'; type?: 'text' | 'number' | 'digit' | 'idcard'; password?: boolean; confirmType?: 'search' | 'done' | 'send' | 'go' | 'next'; onConfirm?: () => void } & TextProps)
  | ({ kind: 'textarea' } & TextProps)
  | { kind: 'picker'; options: string[]; index: number; onPick: (index: number) => void; placeholder?: string }
  | { kind: 'date'; value: string; onChange: (value: string) => void; start?: string; end?: string; placeholder?: string }
  | { kind: 'custom'; children: ReactNode }
)

function Control (p: FieldProps) {
  const name = p.name ?? p.label
  switch (p.kind) {
    case 'custom': return <>{p.children}</>
    case 'picker': {
      const text = p.options[p.index] ?? p.placeholder ?? '请选择'
      return (
        <Picker mode='selector' range={p.options} value={p.index} onChange={(e) => p.onPick(Number(e.detail.value))}>
          <View className='bm-field__input bm-field__picker' data-testid={p.testId} {...aria('button', { 'aria-label': `${name}：${text.trim()}，点击更改` })}>{text.trim()}</View>
        </Picker>
      )
    }
    case 'date': {
      const text = p.value || p.placeholder || '请选择日期'
      return (
        <Picker mode='date' value={p.value} start={p.start} end={p.end} onChange={(e) => p.onChange(String(e.detail.value))}>
          <View className='bm-field__input bm-field__picker' data-testid={p.testId} {...aria('button', { 'aria-label': `${name}：${text}，点击更改` })}>{text}</View>
        </Picker>
      )
    }
    case 'textarea':
      return <Textarea className='bm-field__textarea' {...labelled(name)} value={p.value} maxlength={p.maxlength} placeholder={p.placeholder}
        onInput={(e) => p.onChange(e.detail.value)} data-testid={p.testId} />
    default:
      return <Input className='bm-field__input' {...labelled(name)} type={p.type} password={p.password} value={p.value} maxlength={p.maxlength}
        placeholder={p.placeholder} confirmType={p.confirmType} onConfirm={p.onConfirm} onInput={(e) => p.onChange(e.detail.value)} data-testid={p.testId} />
  }
}

export function Field (p: FieldProps) {
  const counted = (p.kind === undefined || p.kind === 'input' || p.kind === 'textarea') && p.counter && p.maxlength
  return (
    <View className={['bm-field', p.className].filter(Boolean).join(' ')}>
      <Text className='bm-field__label'>{p.label}</Text>
      <Control {...p} />
      {(p.hint || counted) && (
        <View className='bm-field__foot'>
          {p.hint && <Text className='bm-field__hint'>{p.hint}</Text>}
          {counted && <Text className='bm-field__counter' data-testid={(p as TextProps).counterTestId}>{`${(p as TextProps).value.length}/${(p as TextProps).maxlength}`}</Text>}
        </View>
      )}
      {p.error && <Text className='bm-field__error' data-testid={p.errorTestId}>{p.error}</Text>}
    </View>
  )
}

/** A checkbox row (consent, options): the whole row toggles. */
export function Check ({ on, onToggle, children, testId }: { on: boolean; onToggle: () => void; children: ReactNode; testId?: string }) {
  return (
    <View className={`bm-check${on ? ' bm-check--on' : ''}`} onClick={onToggle} data-testid={testId} {...aria('checkbox', { 'aria-checked': on })}>
      <Text className='bm-check__box'>{on ? '✓' : ''}</Text>
      <Text className='bm-check__text'>{children}</Text>
    </View>
  )
}

/** One choice of a few (chips): a radio group; `testId(value)` names each chip. */
export function Choices<V extends string> ({ label, options, value, onChange, testId }: {
  label: string; options: readonly { value: V; label: string }[]; value: V; onChange: (v: V) => void; testId?: (v: V) => string
}) {
  return (
    <View className='bm-choices' {...aria('radiogroup', { 'aria-label': label })}>
      {options.map((o) => (
        <View key={o.value} className={`bm-choice${o.value === value ? ' bm-choice--on' : ''}`} onClick={() => onChange(o.value)}
          data-testid={testId?.(o.value)} {...aria('radio', { 'aria-checked': o.value === value })}>{o.label}</View>
      ))}
    </View>
  )
}

/** The general error of a form, next to its button. */
export function FormError ({ error, testId }: { error?: string; testId?: string }) {
  return error ? <Text className='bm-form-error' {...aria('alert')} data-testid={testId}>{error}</Text> : null
}

/** A search box with its 搜索 button (Enter searches too). */
export function SearchBar ({ label, value, onChange, onSearch, placeholder, maxlength, testId, buttonTestId, className }: {
  label: string; value: string; onChange: (v: string) => void; onSearch: () => void; placeholder?: string; maxlength?: number
  testId?: string; buttonTestId?: string; className?: string
}) {
  return (
    <View className={['bm-search', className].filter(Boolean).join(' ')}>
      <Input className='bm-field__input bm-search__input' {...labelled(label)} value={value} placeholder={placeholder} maxlength={maxlength} confirmType='search'
        onInput={(e) => onChange(e.detail.value)} onConfirm={onSearch} data-testid={testId} />
      <Button className='bm-button bm-button--primary' onClick={onSearch} data-testid={buttonTestId}>搜索</Button>
    </View>
  )
}
