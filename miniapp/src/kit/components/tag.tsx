// Tag and StatusTag: small coloured labels. The status → tone + label maps live with each domain (parts/*.format.ts).
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import '../styles/kit.scss'

export type Tone = 'info' | 'success' | 'warning' | 'danger' | 'muted'
export type StatusMap<S extends string> = Readonly<Record<S, { label: string; tone: Tone }>>

export function Tag ({ tone = 'info', solid, children, testId, className }: { tone?: Tone; solid?: boolean; children: ReactNode; testId?: string; className?: string }) {
  const cls = ['bm-tag', `bm-tag--${tone}`, solid ? 'bm-tag--solid' : '', className].filter(Boolean).join(' ')
  return <Text className={cls} data-testid={testId}>{children}</Text>
}

/** A status shown with its domain's label and tone: `<StatusTag map={appointmentStatus} status={a.status} />`. */
export function StatusTag<S extends string> ({ map, status, testId, solid }: { map: StatusMap<S>; status: S; testId?: string; solid?: boolean }) {
  const s = map[status] ?? { label: status, tone: 'muted' as const }
  return <Tag tone={s.tone} solid={solid} testId={testId}>{s.label}</Tag>
}
