// 系统设置 (ADMIN): the rule settings group by group; each group saves its own changes (the server's range checks
// said at the field).
import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Settings } from '@bianmin/shared'
import { ApiError, staffApi } from '@/api/client'
import { Action, Field, FormError, Loaded, Section, useResource, useSubmit } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import { settingGroupDefs, type GroupDef } from './fields'

type Values = Record<string, unknown>
const draftOf = (v: Values) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))

/** The server names a field `body.<group>.<key>`: errors come back under `<key>`. */
async function update (group: string, patch: Record<string, string | number>): Promise<Settings> {
  try {
    return await staffApi('updateSettings', { body: { [group]: patch } })
  } catch (e) {
    if (!(e instanceof ApiError) || !Array.isArray(e.details)) throw e
    const details = (e.details as { path?: string; message?: string }[]).map((d) => ({ ...d, path: d.path?.split('.').pop() }))
    throw new ApiError(e.status, e.code, e.message, details)
  }
}

function SettingGroup ({ g, saved, onSaved }: { g: GroupDef; saved: Values; onSaved: (s: Settings) => void }) {
  const [draft, setDraft] = useState(() => draftOf(saved))
  const changed = g.fields.filter((f) => draft[f.key] !== undefined && draft[f.key] !== String(saved[f.key]))
  const save = useSubmit(() => update(g.key, Object.fromEntries(changed.map((f) => [f.key, f.text ? draft[f.key]!.trim() : Number(draft[f.key])]))), {
    validate: () => Object.fromEntries(changed.filter((f) => !f.text && !/^\s*-?\d+\s*$/.test(draft[f.key]!)).map((f) => [f.key, '请填写整数'])),
    onSuccess: (next) => {
      onSaved(next)
      setDraft(draftOf(next[g.key] as Values)) // only this group; unsaved edits in other groups stay
      void Taro.showToast({ title: `${g.title}设置已保存`, icon: 'none' })
    },
  })
  const hasFieldError = Object.values(save.errors).some(Boolean)
  return (
    <Section title={g.title} testId={`settings-${g.key}`}>
      {g.fields.map((f) => (
        <Field key={f.key} label={f.unit ? `${f.label}（${f.unit}）` : f.label} name={f.label} type={f.text ? 'text' : 'number'} value={draft[f.key] ?? ''}
          hint={f.hint} onChange={(v) => { setDraft((d) => ({ ...d, [f.key]: v })); save.clear(f.key) }}
          error={save.errors[f.key]} testId={`setting-${g.key}-${f.key}`} errorTestId={`setting-${g.key}-${f.key}-error`} />
      ))}
      {!hasFieldError && <FormError error={save.error} />}
      <Action kind='primary' block disabled={changed.length === 0} busy={save.busy} busyText='正在保存…' onClick={() => void save.run(undefined)} testId={`save-${g.key}`}>
        {changed.length ? `保存${g.title}设置` : '没有修改'}
      </Action>
    </Section>
  )
}

export default function SettingsPage () {
  const settings = useResource(() => staffApi('getSettings'), [], { on: 'mount' })
  return (
    <StaffPage title='系统设置'>
      <Loaded resource={settings}>
        {(s) => (
          <>
            <Text className='staff-case__line'>修改后请点该组的“保存”。各项期限按工作日计的，会自动跳过节假日。</Text>
            {settingGroupDefs.map((g) => <SettingGroup key={g.key} g={g} saved={s[g.key] as Values} onSaved={settings.setData} />)}
          </>
        )}
      </Loaded>
    </StaffPage>
  )
}
