import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { SettingGroup, Settings } from '@bianmin/shared'
import { ApiError, staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff, staffError } from '../../shell/session'
import { settingGroupDefs, type GroupDef } from './fields'
import '../admin.scss'

type Drafts = Record<string, Record<string, string>>

const toDrafts = (s: Settings): Drafts =>
  Object.fromEntries(Object.entries(s).map(([g, v]) => [g, Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]))]))

export default function SettingsPage () {
  const [saved, setSaved] = useState<Settings | null>(null)
  const [drafts, setDrafts] = useState<Drafts>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [groupError, setGroupError] = useState<Partial<Record<SettingGroup, string>>>({})
  const [saving, setSaving] = useState<SettingGroup | ''>('')
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const s = await staffApi('getSettings')
      setSaved(s)
      setDrafts(toDrafts(s))
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad(() => { if (requireStaff()) void load() })

  const changedFields = (g: GroupDef): Record<string, string> => {
    if (!saved) return {}
    const before = saved[g.key] as Record<string, unknown>
    return Object.fromEntries(Object.entries(drafts[g.key] ?? {}).filter(([k, v]) => String(before[k]) !== v))
  }

  const save = async (g: GroupDef) => {
    const changed = changedFields(g)
    const patch: Record<string, string | number> = {}
    const local: Record<string, string> = {}
    for (const f of g.fields) {
      const v = changed[f.key]
      if (v === undefined) continue
      if (f.text) patch[f.key] = v.trim()
      else if (/^\s*-?\d+\s*$/.test(v)) patch[f.key] = Number(v)
      else local[`${g.key}.${f.key}`] = '请填写整数'
    }
    setErrors((e) => ({ ...Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${g.key}.`))), ...local }))
    setGroupError((e) => ({ ...e, [g.key]: '' }))
    if (Object.keys(local).length > 0) return
    setSaving(g.key)
    try {
      const next = await staffApi('updateSettings', { body: { [g.key]: patch } })
      setSaved(next)
      // Only this group is refreshed; unsaved edits in other groups stay.
      setDrafts((d) => ({ ...d, [g.key]: toDrafts(next)[g.key]! }))
      void Taro.showToast({ title: `${g.title}设置已保存`, icon: 'none' })
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {}
      const mine = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith(`${g.key}.`)))
      if (Object.keys(mine).length > 0) setErrors((x) => ({ ...x, ...mine }))
      else {
        const msg = staffError(e)
        if (msg) setGroupError((x) => ({ ...x, [g.key]: msg }))
      }
    } finally {
      setSaving('')
    }
  }

  const edit = (g: SettingGroup, k: string, v: string) => {
    setDrafts((d) => ({ ...d, [g]: { ...d[g], [k]: v } }))
    setErrors((e) => ({ ...e, [`${g}.${k}`]: '' }))
  }

  return (
    <StaffPage title='系统设置' className='wb-admin'>
      {loading && !saved && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {saved && !error && (
        <>
          <Text className='wb-admin__intro'>修改后请点该组的“保存”。各项期限按工作日计的，会自动跳过节假日。</Text>
          {settingGroupDefs.map((g) => {
            const dirty = Object.keys(changedFields(g)).length > 0
            return (
              <View key={g.key} className='bm-card wb-admin-group' data-testid={`settings-${g.key}`}>
                <Text className='wb-admin-group__title'>{g.title}</Text>
                {g.fields.map((f) => {
                  const err = errors[`${g.key}.${f.key}`]
                  return (
                    <View key={f.key} className='wb-field'>
                      <Text className='wb-field__label'>{f.label}</Text>
                      <View className='wb-admin-field'>
                        <Input
                          className={`wb-field__input wb-admin-field__input${err ? ' wb-admin-field__input--error' : ''}`}
                          type={f.text ? 'text' : 'number'}
                          value={drafts[g.key]?.[f.key] ?? ''}
                          onInput={(e) => edit(g.key, f.key, e.detail.value)}
                          data-testid={`setting-${g.key}-${f.key}`}
                        />
                        {f.unit && <Text className='wb-admin-field__unit'>{f.unit}</Text>}
                      </View>
                      {f.hint && <Text className='wb-admin-field__hint'>{f.hint}</Text>}
                      {err && <Text className='wb-field__error' data-testid={`setting-${g.key}-${f.key}-error`}>{err}</Text>}
                    </View>
                  )
                })}
                {groupError[g.key] && <Text className='wb-field__error'>{groupError[g.key]}</Text>}
                <Button
                  className={`bm-button bm-button--primary bm-button--block${!dirty || saving ? ' bm-button--disabled' : ''}`}
                  disabled={!dirty || Boolean(saving)}
                  onClick={() => void save(g)}
                  data-testid={`save-${g.key}`}
                >
                  {saving === g.key ? '正在保存…' : dirty ? `保存${g.title}设置` : '没有修改'}
                </Button>
              </View>
            )
          })}
        </>
      )}
    </StaffPage>
  )
}
