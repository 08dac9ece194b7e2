// 账号管理 (ADMIN, own subtree): accounts as a table (search, 在用/已停用); a row opens the account beside it on a desk
// (in place of the list on a phone) to edit, reset its password or disable it; a one-time password shown once.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { accountView } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, Choices, FormError, SearchBar, Section, Tag, useConfirm, usePagedList, useResource, useSubmit } from '@/kit'
import { Split } from '../../catalogue/parts/split'
import type { Column } from '../../shell/data-table'
import { PagedTable } from '../../shell/paged-table'
import { useStaffMe } from '../../shell/me'
import { StaffPage } from '../../shell/staff-page'
import { subtreeOptions } from '../../home/orgs'
import { roleLabels } from '../../roles'
import { AccountForm, type AccountDraft } from './account-form'
import { PasswordDialog } from './password-dialog'

type Account = z.infer<typeof accountView>
type Filter = 'all' | 'active' | 'disabled'
const filters: { value: Filter; label: string }[] = [{ value: 'all', label: '全部' }, { value: 'active', label: '在用' }, { value: 'disabled', label: '已停用' }]
type Op = { a: Account; op: 'toggle' | 'reset' }

export default function AccountsPage () {
  const { staff: me } = useStaffMe()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const list = usePagedList((cursor) => staffApi('listAccounts', {
    query: { q: search || undefined, disabled: filter === 'all' ? undefined : String(filter === 'disabled'), cursor, limit: 20 },
  }), [search, filter])
  const refs = useResource(() => Promise.all([staffApi('listOrgs'), staffApi('listStaffHalls')]), [], { on: 'mount' })
  const orgs = me && refs.data ? subtreeOptions(refs.data[0].items, me.orgId) : []
  const halls = (refs.data?.[1].items ?? []).map((h) => ({ id: h.id, name: h.name, orgId: h.orgId }))
  const [form, setForm] = useState<AccountDraft | null>(null)
  const [secret, setSecret] = useState<{ title: string; who: string; password: string } | null>(null)
  const { ask, panel } = useConfirm()
  const replace = (a: Account) => list.setItems((xs) => xs.map((x) => (x.id === a.id ? a : x)))

  const submit = async (d: AccountDraft) => {
    if (d.id) {
      replace(await staffApi('updateAccount', { params: { id: d.id }, body: { name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId } }))
      setForm(null)
      void Taro.showToast({ title: '已保存', icon: 'none' })
      return
    }
    const r = await staffApi('createAccount', { body: { username: d.username, name: d.name, roles: d.roles, orgId: d.orgId, hallId: d.hallId } })
    setForm(null)
    list.setItems((xs) => [r.account, ...xs])
    setSecret({ title: '账号已创建', who: `${r.account.name}（用户名 ${r.account.username}）`, password: r.initialPassword })
  }

  const act = useSubmit(async ({ a, op }: Op) => {
    if (op === 'reset') {
      if (!await ask({ key: a.id, title: '重置密码', content: `将为“${a.name}”生成新密码，原密码和正在使用的登录立即失效。确定吗？`, confirmText: '重置', danger: true })) return
      const r = await staffApi('resetAccountPassword', { params: { id: a.id } })
      setForm(null)
      setSecret({ title: '密码已重置', who: `${a.name}（用户名 ${a.username}）`, password: r.initialPassword })
      void list.refresh()
      return
    }
    const verb = a.disabled ? '启用' : '停用'
    const content = a.disabled ? `确定重新启用“${a.name}”的账号吗？` : `停用后“${a.name}”将不能登录，正在使用的登录也会立即失效。确定停用吗？`
    if (!await ask({ key: a.id, title: `${verb}账号`, content, confirmText: verb, danger: !a.disabled })) return
    replace(await staffApi('updateAccount', { params: { id: a.id }, body: { disabled: !a.disabled } }))
    void Taro.showToast({ title: `已${verb}`, icon: 'none' })
  })

  const columns: Column<Account>[] = [
    {
      key: 'name', title: '姓名', width: '2fr', sort: (x, y) => x.name.localeCompare(y.name), render: (a) => (
        <View className='staff-tags'>
          <Text className='staff-tags__text'>{a.name}</Text>
          <Text className='staff-text--muted'>{a.username}</Text>
          {a.disabled && <Tag tone='danger'>已停用</Tag>}
          {a.locked && <Tag tone='danger'>已锁定</Tag>}
          {a.mustChangePassword && <Tag tone='warning'>待改密码</Tag>}
        </View>
      ),
    },
    { key: 'roles', title: '岗位 · 单位', width: '2fr', render: (a) => <Text>{`${a.roles.map((r) => roleLabels[r]).join('、')} · ${a.orgName}`}</Text> },
    { key: 'login', title: '最近登录', width: '1.2fr', render: (a) => <Text>{a.lastLoginAt ? a.lastLoginAt.slice(0, 16).replace('T', ' ') : '从未登录'}</Text> },
  ]
  const edit = (a: Account) => { setSecret(null); setForm({ id: a.id, username: a.username, name: a.name, roles: a.roles, orgId: a.orgId, hallId: a.hallId }) }
  const editing = form?.id ? list.items.find((a) => a.id === form.id) : undefined
  const ops = editing && (panel(editing.id) ?? (
    <Section title='账号操作'>
      <Actions>
        <Action busy={act.busy} onClick={() => void act.run({ a: editing, op: 'reset' })} testId={`account-reset-${editing.username}`}>重置密码</Action>
        {editing.id !== me?.id && (
          <Action kind={editing.disabled ? 'default' : 'danger'} busy={act.busy} onClick={() => void act.run({ a: editing, op: 'toggle' })} testId={`account-toggle-${editing.username}`}>
            {editing.disabled ? '启用账号' : '停用账号'}
          </Action>
        )}
      </Actions>
      <FormError error={act.error} testId='accounts-error' />
    </Section>
  ))
  const newDraft = (): AccountDraft => ({ username: '', name: '', roles: [], orgId: me?.orgId ?? orgs[0]?.id ?? '', hallId: null })
  const close = () => { setForm(null); setSecret(null) }

  return (
    <StaffPage title='账号管理' width='wide'
      actions={<Action kind='primary' disabled={orgs.length === 0} onClick={() => { setSecret(null); setForm(newDraft()) }} testId='accounts-new'>＋ 新建账号</Action>}>
      <View className='staff-filters'>
        <SearchBar label='查找账号' value={q} onChange={setQ} onSearch={() => setSearch(q.trim())} placeholder='按姓名或用户名查找' maxlength={30} testId='accounts-q' buttonTestId='accounts-search' />
        <Choices label='账号状态' options={filters} value={filter} onChange={setFilter} testId={(k) => `accounts-filter-${k}`} />
      </View>
      <FormError error={refs.error} />
      <Split
        onBack={close}
        list={<PagedTable list={list} label='账号列表' columns={columns} rowKey={(a) => a.id} onRowClick={edit} selectedKey={form?.id ?? null}
          rowTestId={(a) => `account-${a.username}`} rowLabel={(a) => `${a.name}（${a.username}）`} empty={{ title: '没有找到账号' }} endText={null} />}
        detail={secret ? <PasswordDialog {...secret} onClose={close} /> : form ? <><AccountForm key={form.id ?? 'new'} initial={form} orgs={orgs} halls={halls} onSubmit={submit} onCancel={close} />{ops}</> : null}
        placeholder='在左侧选择一个账号修改、重置密码或停用，或新建账号'
      />
    </StaffPage>
  )
}
