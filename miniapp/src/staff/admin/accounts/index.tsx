import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { z } from 'zod'
import type { accountView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { PageState } from '@/components/page-state'
import { StaffPage } from '../../shell/staff-page'
import { requireStaff, staffError } from '../../shell/session'
import { subtreeOptions, type OrgOption } from '../../home/orgs'
import { roleLabels } from '../../roles'
import { AccountForm, type AccountDraft, type HallOption } from './account-form'
import { PasswordDialog } from './password-dialog'
import '../admin.scss'
import './index.scss'

type Account = z.infer<typeof accountView>
type Filter = 'all' | 'active' | 'disabled'
const filters: { key: Filter; label: string }[] = [{ key: 'all', label: '全部' }, { key: 'active', label: '在用' }, { key: 'disabled', label: '已停用' }]

export default function AccountsPage () {
  const [items, setItems] = useState<Account[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const [me, setMe] = useState<{ id: string; orgId: string } | null>(null)
  const [orgs, setOrgs] = useState<OrgOption[]>([])
  const [halls, setHalls] = useState<HallOption[]>([])
  const [form, setForm] = useState<AccountDraft | null>(null)
  const [secret, setSecret] = useState<{ title: string; who: string; password: string } | null>(null)

  const load = useCallback(async (opts: { q: string; filter: Filter; cursor?: string }) => {
    setLoading(true)
    setError('')
    try {
      const disabled = opts.filter === 'all' ? undefined : String(opts.filter === 'disabled')
      const page = await staffApi('listAccounts', { query: { q: opts.q.trim() || undefined, disabled, cursor: opts.cursor, limit: 20 } })
      setItems((old) => (opts.cursor ? [...old, ...page.items] : page.items))
      setNext(page.nextCursor)
    } catch (e) {
      const msg = staffError(e)
      if (msg) setError(msg)
    } finally {
      setLoading(false)
    }
  }, [])

  useLoad(() => {
    if (!requireStaff()) return
    void load({ q: '', filter: 'all' })
    // Org tree and halls for the form (the admin's own subtree).
    Promise.all([staffApi('getMe'), staffApi('listOrgs'), staffApi('listStaffHalls')]).then(([m, o, h]) => {
      if (m.type !== 'staff') return
      setMe({ id: m.staff.id, orgId: m.staff.orgId })
      setOrgs(subtreeOptions(o.items, m.staff.orgId))
      setHalls(h.items.map((x) => ({ id: x.id, name: x.name, orgId: x.orgId })))
    }).catch((e) => { const msg = staffError(e); if (msg) setError(msg) })
  })

  const search = (f: Filter = filter) => { setFilter(f); void load({ q, filter: f }) }
  const replace = (a: Account) => setItems((xs) => xs.map((x) => (x.id === a.id ? a : x)))

  const submit = async (d: AccountDraft) => {
    if (d.id) {
      replace(await staffApi('updateAccount', { params: { id: d.id }, body: { name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId } }))
      setForm(null)
      void Taro.showToast({ title: '已保存', icon: 'none' })
      return
    }
    const r = await staffApi('createAccount', { body: { username: d.username, name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId } })
    setForm(null)
    setItems((xs) => [r.account, ...xs])
    setSecret({ title: '账号已创建', who: `${r.account.name}（用户名 ${r.account.username}）`, password: r.initialPassword })
  }

  const toggleDisabled = async (a: Account) => {
    const verb = a.disabled ? '启用' : '停用'
    const ok = await Taro.showModal({ title: `${verb}账号`, content: a.disabled ? `确定重新启用“${a.name}”的账号吗？` : `停用后“${a.name}”将不能登录，正在使用的登录也会立即失效。确定停用吗？`, confirmText: verb })
    if (!ok.confirm) return
    try {
      replace(await staffApi('updateAccount', { params: { id: a.id }, body: { disabled: !a.disabled } }))
      void Taro.showToast({ title: `已${verb}`, icon: 'none' })
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showModal({ title: `${verb}失败`, content: msg, showCancel: false })
    }
  }

  const resetPassword = async (a: Account) => {
    const ok = await Taro.showModal({ title: '重置密码', content: `将为“${a.name}”生成新密码，原密码和正在使用的登录立即失效。确定吗？`, confirmText: '重置' })
    if (!ok.confirm) return
    try {
      const r = await staffApi('resetAccountPassword', { params: { id: a.id } })
      setSecret({ title: '密码已重置', who: `${a.name}（用户名 ${a.username}）`, password: r.initialPassword })
      void load({ q, filter })
    } catch (e) {
      const msg = staffError(e)
      if (msg) void Taro.showModal({ title: '重置失败', content: msg, showCancel: false })
    }
  }

  const newDraft = (): AccountDraft => ({ username: '', name: '', roles: [], orgId: me?.orgId ?? orgs[0]?.id ?? '', hallId: null })

  return (
    <StaffPage title='账号管理' className='wb-admin'>
      <View className='bm-card wb-accounts__bar'>
        <View className='wb-accounts__search'>
          <Input className='wb-field__input wb-accounts__q' value={q} placeholder='按姓名或用户名查找' maxlength={30} confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => search()} data-testid='accounts-q' />
          <Button className='bm-button bm-button--primary' onClick={() => search()} data-testid='accounts-search'>查找</Button>
        </View>
        <View className='wb-checks'>
          {filters.map((f) => (
            <View key={f.key} className={`wb-checks__item${filter === f.key ? ' wb-checks__item--on' : ''}`} onClick={() => search(f.key)}><Text>{f.label}</Text></View>
          ))}
        </View>
        <Button className='bm-button bm-button--primary bm-button--block' disabled={orgs.length === 0} onClick={() => setForm(newDraft())} data-testid='accounts-new'>＋ 新建账号</Button>
      </View>

      {loading && items.length === 0 && <PageState status='loading' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load({ q, filter })} />}
      {!loading && !error && items.length === 0 && <PageState status='empty' title='没有找到账号' />}
      {items.map((a) => (
        <View key={a.id} className='bm-card wb-account' data-testid={`account-${a.username}`}>
          <View className='wb-account__head'>
            <Text className='wb-account__name'>{a.name}</Text>
            <Text className='wb-account__user'>{a.username}</Text>
            {a.disabled && <Text className='wb-tag wb-tag--danger'>已停用</Text>}
            {a.locked && <Text className='wb-tag wb-tag--danger'>已锁定</Text>}
            {a.mustChangePassword && <Text className='wb-tag'>待改密码</Text>}
          </View>
          <Text className='wb-account__line'>{a.roles.map((r) => roleLabels[r]).join('、')} · {a.orgName}</Text>
          <Text className='wb-account__line'>最近登录：{a.lastLoginAt ? a.lastLoginAt.slice(0, 16).replace('T', ' ') : '从未登录'}</Text>
          <View className='wb-account__actions'>
            <Button className='bm-button' onClick={() => setForm({ id: a.id, username: a.username, name: a.name, roles: a.roles, orgId: a.orgId, hallId: a.hallId })}>修改</Button>
            <Button className='bm-button' onClick={() => void resetPassword(a)} data-testid={`account-reset-${a.username}`}>重置密码</Button>
            {a.id !== me?.id && (
              <Button className={`bm-button${a.disabled ? '' : ' bm-button--danger'}`} onClick={() => void toggleDisabled(a)} data-testid={`account-toggle-${a.username}`}>
                {a.disabled ? '启用' : '停用'}
              </Button>
            )}
          </View>
        </View>
      ))}
      {next && !loading && (
        <View className='wb-accounts__more'>
          <Button className='bm-button bm-button--block' onClick={() => void load({ q, filter, cursor: next })}>加载更多</Button>
        </View>
      )}

      {form && <AccountForm initial={form} orgs={orgs} halls={halls} onSubmit={submit} onCancel={() => setForm(null)} />}
      {secret && <PasswordDialog {...secret} onClose={() => setSecret(null)} />}
    </StaffPage>
  )
}
