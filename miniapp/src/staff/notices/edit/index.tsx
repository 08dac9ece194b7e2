// 新建信息 / 修改 a draft or a returned notice (EDITOR): the form on the staff shell, with the 政策文件 to link.
import { useRouter } from '@tarojs/taro'
import { staffApi } from '@/api/client'
import { Loaded, useResource } from '@/kit'
import { hasRichFormatting, htmlToText } from '@/pages/notices/parts/notice.format'
import { StaffPage } from '../../shell/staff-page'
import { NoticeForm, type Loaded as Initial } from './notice-form'

async function load (id: string | undefined): Promise<Initial> {
  const files = await staffApi('listStaffNotices', { query: { category: '政策文件', limit: 50 } })
  const docs = files.items.filter((f) => f.status !== 'WITHDRAWN' && f.id !== id).map((f) => ({ id: f.id, title: f.title }))
  if (!id) return { docs, rich: false, files: [], originalAt: null, draft: { title: '', category: '通知公告', summary: '', text: '', pinned: false, date: '', time: '09:00', relatedNoticeId: null } }
  const n = await staffApi('getStaffNotice', { params: { id } })
  const rich = hasRichFormatting(n.body)
  return {
    id, docs, rich, version: n.version,
    files: n.attachments.map((a) => ({ id: a.id, name: a.name, size: a.size })),
    originalAt: n.publishAt ? `${n.publishAt.slice(0, 16)}:00+08:00` : null,
    draft: {
      title: n.title, category: n.category, summary: n.summary, text: rich ? n.body : htmlToText(n.body), pinned: n.pinned,
      date: n.publishAt?.slice(0, 10) ?? '', time: n.publishAt?.slice(11, 16) ?? '09:00', relatedNoticeId: n.relatedNoticeId,
    },
  }
}

export default function StaffNoticeEditPage () {
  const id = useRouter().params.id
  const r = useResource(() => load(id), [id], { on: 'mount' })
  return (
    <StaffPage title={id ? '修改信息' : '新建信息'} section='staffNotices'>
      <Loaded resource={r}>{(initial) => <NoticeForm key={initial.id ?? 'new'} initial={initial} />}</Loaded>
    </StaffPage>
  )
}
