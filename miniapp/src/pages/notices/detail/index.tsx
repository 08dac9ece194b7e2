import { RichText, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { api } from '@/api/client'
import { Loaded, PageRoot, aria, go, pageUrl, useResource } from '@/kit'
import { openAttachment } from '../parts/attachment'
import { dateText, sizeText } from '../parts/notice.format'
import '../parts/notice.scss'

/** A published notice: body (RichText), attachments, the linked 政策文件 / 政策解读, reads. */
export default function NoticeDetailPage () {
  const { params } = useRouter()
  const r = useResource(async () => {
    const n = await api('getNotice', { params: { id: params.id ?? '' } })
    void Taro.setNavigationBarTitle({ title: n.category })
    return n
  }, [params.id], { on: 'mount' })
  const notice = r.data

  useShareAppMessage(() => ({ title: notice?.title ?? '政务公开', path: pageUrl('noticeDetail', { id: params.id ?? '' }) }))

  return (
    <PageRoot className='nt-page'>
      <Loaded resource={r} notFoundDescription='该信息可能已撤回或尚未发布'>{(notice) => (
        <>
          <View className='bm-card nt-detail'>
            <Text className='nt-detail__title' data-testid='notice-title'>{notice.title}</Text>
            <View className='nt-detail__meta'>
              <Text className='nt-tag'>{notice.category}</Text>
              <Text>{notice.orgName}</Text>
              <Text>{`发布日期：${dateText(notice.publishedAt)}`}</Text>
              {/* The answer counts the reads before this one (views are added in batches): this read is one more. */}
              <Text data-testid='notice-views'>{`阅读 ${notice.views + 1}`}</Text>
            </View>
            <RichText className='nt-detail__body' nodes={notice.body} data-testid='notice-body' />
          </View>

          {notice.attachments.length > 0 && (
            <View className='bm-card nt-detail'>
              <Text className='nt-detail__section'>附件</Text>
              {notice.attachments.map((a) => (
                <Text key={a.id} className='nt-detail__link' onClick={() => void openAttachment(a.url, a.mime)} data-testid='notice-attachment' {...aria('link')}>
                  {`📎 ${a.name}（${sizeText(a.size)}）`}
                </Text>
              ))}
            </View>
          )}

          {notice.related.length > 0 && (
            <View className='bm-card nt-detail'>
              <Text className='nt-detail__section'>{notice.category === '政策解读' ? '相关政策文件' : '政策解读'}</Text>
              {notice.related.map((r) => (
                <Text key={r.id} className='nt-detail__link' onClick={() => go('noticeDetail', { id: r.id })} data-testid='notice-related' {...aria('link')}>
                  {`【${r.category}】${r.title}`}
                </Text>
              ))}
            </View>
          )}
        </>
      )}</Loaded>
    </PageRoot>
  )
}
