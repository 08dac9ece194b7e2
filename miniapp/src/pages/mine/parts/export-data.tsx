// 导出我的数据 (PIPL right of access): a summary of everything stored about me; H5 downloads it as a JSON file,
// WeChat copies it to the clipboard (to paste into a chat with oneself).
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyDataExport } from '@bianmin/shared'
import { api, errorMessage } from '@/api/client'
import { aria } from '@/components/a11y'
import { PageState } from '@/components/page-state'

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

export function summaryLines (d: MyDataExport): string[] {
  return [
    `预约 ${d.appointments.length} 条`,
    `服务大厅取号 ${d.tickets.length} 个`,
    `上门服务申请 ${d.homeVisits.length} 条`,
    `咨询、投诉、建议 ${d.consultations.length} 件`,
    `评价 ${d.ratings.length} 条`,
    `政府信息公开申请 ${d.disclosures.length} 件`,
    `消息 ${d.messages.length} 条`,
    `上传的照片和文件 ${d.uploads.length} 个`,
    `同意隐私政策的记录 ${d.consents.length} 次`,
  ]
}

function download (d: MyDataExport): void {
  const blob = new Blob([JSON.stringify(d, null, 2)], { type: 'application/json;charset=utf-8' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = `我的数据-${d.exportedAt.slice(0, 10)}.json`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}

export function ExportData ({ onClose }: { onClose: () => void }) {
  const [data, setData] = useState<MyDataExport | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')
  const [saved, setSaved] = useState('')

  const load = async () => {
    setLoading(true)
    setError('')
    try {
      setData(await api('exportMyData'))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }

  const save = async () => {
    if (!data) return
    if (process.env.TARO_ENV === 'h5') {
      download(data)
      setSaved('文件已开始下载，请在浏览器的下载内容里查看。')
      return
    }
    try {
      await Taro.setClipboardData({ data: JSON.stringify(data) })
      setSaved('已复制。可以粘贴到微信“文件传输助手”里保存。')
    } catch {
      setSaved('没有复制成功，请稍后再试。')
    }
  }

  return (
    <View className='bm-card mine-panel' data-testid='export-panel' role='region' aria-label='导出我的数据'>
      <Text className='mine-panel__title'>导出我的数据</Text>
      {!data && !loading && !error && (
        <View>
          <Text className='mine-panel__text'>我们会把保存的您的全部信息整理出来，包括预约、咨询、评价、申请和手机号码，只给您本人。</Text>
          <View className='mine-panel__actions'>
            <Button className='bm-button' onClick={onClose}>不用了</Button>
            <Button className='bm-button bm-button--primary' onClick={() => void load()} data-testid='export-start'>开始导出</Button>
          </View>
        </View>
      )}
      {loading && <PageState status='loading' title='正在整理您的数据…' />}
      {!loading && error && <PageState status='error' title={error} onRetry={() => void load()} />}
      {data && (
        <View data-testid='export-summary'>
          <Text className='mine-panel__text'>{`整理时间：${when(data.exportedAt)}。我们保存的您的信息有：`}</Text>
          {summaryLines(data).map((l) => <Text key={l} className='mine-panel__item'>{`· ${l}`}</Text>)}
          {saved && <Text className='mine-panel__text' {...aria('status')} data-testid='export-saved'>{saved}</Text>}
          <View className='mine-panel__actions'>
            <Button className='bm-button' onClick={onClose}>关闭</Button>
            <Button className='bm-button bm-button--primary' onClick={() => void save()} data-testid='export-save'>
              {process.env.TARO_ENV === 'h5' ? '下载文件' : '复制全部内容'}
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
