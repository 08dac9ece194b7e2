// 叫号屏: the TV over the windows (H5, 1920×1080, no sign-in, no personal data). Numbers being served and their
// windows, the last calls, waiting per line, date and time; every call and recall read out in Mandarin; reconnects
// by itself and says so when the server cannot be reached.
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { hallEventTypes, type HallEvent, type HallQueue } from '@bianmin/shared'
import { aria } from '@/components/a11y'
import { PageRoot } from '@/components/page-root'
import { createAnnouncer } from '@/components/hall/announce'
import { publicApi, queueEventsUrl } from '@/components/hall/public-api'
import { openQueueStream, type StreamStatus } from '@/components/hall/queue-stream'
import { clockText, useClock } from '@/components/hall/use-clock'
import { lastCalls, servingNow } from './screen-model'
import './index.scss'

export default function HallScreenPage () {
  const hallId = useRouter().params.id ?? ''
  const [queue, setQueue] = useState<HallQueue | null>(null)
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const [failed, setFailed] = useState('')
  const [flash, setFlash] = useState<{ number: string; windowNumber: string; key: number } | null>(null)
  useClock() // re-renders every second
  // The server's clock is the hall's clock (a TV's own clock may be off): keep the offset seen in the last snapshot.
  const [offset, setOffset] = useState(0)
  // Until someone taps the screen once, the browser will not speak: a button says so until speech is known to work —
  // the tap, or an utterance that started (a kiosk browser allowed to speak); a refused one brings it back.
  const [voice, setVoice] = useState<'on' | 'needs-gesture' | 'unsupported'>('needs-gesture')
  const announcer = useRef(createAnnouncer(undefined, undefined, {
    onStart: () => setVoice('on'),
    onError: (error) => { if (error === 'not-allowed') setVoice('needs-gesture') },
  }))
  useEffect(() => { if (!announcer.current.supported) setVoice('unsupported') }, [])
  const enableVoice = () => { announcer.current.say('语音播报已开启'); setVoice('on') }
  const seq = useRef(0)

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    try {
      const q = await publicApi('getHallQueue', { params: { id: hallId } })
      if (mine === seq.current) { setQueue(q); setOffset(Date.parse(q.now) - Date.now()); setFailed('') }
    } catch (e) {
      if (mine === seq.current) setFailed(e instanceof Error ? e.message : '无法连接服务器')
    }
  }, [hallId])

  useEffect(() => {
    if (!hallId) return undefined
    void refresh()
    const stream = openQueueStream({
      url: queueEventsUrl(hallId),
      eventTypes: ['hello', ...hallEventTypes],
      staleMs: 45_000,
      onStatus: setStatus,
      onOpen: () => void refresh(),
      onEvent: (type, data) => {
        if (type === 'hello') {
          if (data && typeof data === 'object' && 'windows' in data) setQueue(data as HallQueue)
          return
        }
        const e = data as Partial<HallEvent>
        if ((type === 'CALL' || type === 'RECALL') && e.number && e.windowNumber) {
          announcer.current.announce(e.number, e.windowNumber)
          setFlash({ number: e.number, windowNumber: e.windowNumber, key: Date.now() })
        }
        void refresh()
      },
    })
    return () => stream.close()
  }, [hallId, refresh])

  const { date, time } = clockText(new Date(Date.now() + offset))
  const serving = queue ? servingNow(queue) : []
  // The call just announced stays in front while it is served; otherwise the newest call.
  const fresh = flash && serving.some((s) => s.number === flash.number && s.windowNumber === flash.windowNumber) ? flash : null
  const latest = fresh ?? (serving[0] ? { number: serving[0].number, windowNumber: serving[0].windowNumber, key: 0 } : null)
  const others = serving.filter((s) => !(latest && s.number === latest.number && s.windowNumber === latest.windowNumber))
  const offline = status === 'offline' || Boolean(failed && !queue)

  return (
    <PageRoot className='hall-screen'>
      <View className='hall-screen__head' {...aria('banner')}>
        <Text className='hall-screen__hall' {...aria('heading', { 'aria-level': 1 })} data-testid='screen-hall'>{queue?.hallName ?? '便民服务中心'}</Text>
        <View className='hall-screen__clock' {...aria('timer', { 'aria-label': `${date} ${time}` })}>
          <Text className='hall-screen__date' data-testid='screen-date'>{date}</Text>
          <Text className='hall-screen__time' data-testid='screen-time'>{time}</Text>
        </View>
      </View>

      {offline && (
        <View className='hall-screen__offline' {...aria('alert')} data-testid='screen-offline'>
          <Text>离线：与服务器的连接已断开，正在自动重新连接…</Text>
        </View>
      )}
      {!hallId && <View className='hall-screen__offline' {...aria('alert')}><Text>请在地址中指定服务中心（?id=）</Text></View>}

      <View className='hall-screen__body' {...aria('main')}>
        <View className='hall-screen__calls' {...aria('region', { 'aria-label': '正在叫号' })}>
          <Text className='hall-screen__h' {...aria('heading', { 'aria-level': 2 })}>正在叫号</Text>
          {latest
            ? (
              <View key={latest.key} className={`hall-screen__latest${fresh ? ' hall-screen__latest--new' : ''}`} {...aria('status', { 'aria-live': 'assertive' })} data-testid='screen-latest'>
                <Text className='hall-screen__latest-number' data-testid='screen-latest-number'>{latest.number}</Text>
                <Text className='hall-screen__latest-window' data-testid='screen-latest-window'>{`请到 ${latest.windowNumber} 号窗口`}</Text>
              </View>
              )
            : <Text className='hall-screen__idle'>{queue && !queue.open ? '今日取号时间已过或尚未开始' : '请留意叫号'}</Text>}
          {others.length > 0 && (
            <View className='hall-screen__windows' {...aria('list', { 'aria-label': '各窗口正在办理' })}>
              {others.slice(0, 6).map((s) => (
                <View key={s.windowId} className='hall-screen__window' {...aria('listitem')} data-testid='screen-serving'>
                  <Text className='hall-screen__window-number'>{s.number}</Text>
                  <Text className='hall-screen__window-name'>{`${s.windowNumber} 号窗口`}</Text>
                </View>
              ))}
            </View>
          )}
        </View>

        <View className='hall-screen__side'>
          <View {...aria('region', { 'aria-label': '最近叫号' })}>
            <Text className='hall-screen__h' {...aria('heading', { 'aria-level': 2 })}>最近叫号</Text>
            <View {...aria('list', { 'aria-label': '最近叫号' })} data-testid='screen-recent'>
              {(queue ? lastCalls(queue, 6) : []).map((r) => (
                <View key={`${r.number}-${r.at}-${r.kind}`} className='hall-screen__recent' {...aria('listitem')}>
                  <Text className='hall-screen__recent-number'>{r.number}</Text>
                  <Text className='hall-screen__recent-window'>{`${r.windowNumber} 号窗口${r.kind === 'RECALL' ? '（重呼）' : ''}`}</Text>
                </View>
              ))}
              {queue && queue.recent.length === 0 && <Text className='hall-screen__muted'>今天还没有叫号</Text>}
            </View>
          </View>
          <View {...aria('region', { 'aria-label': '等候人数' })}>
            <Text className='hall-screen__h' {...aria('heading', { 'aria-level': 2 })}>{`等候人数 ${queue?.waiting ?? 0}`}</Text>
            <View {...aria('list', { 'aria-label': '各业务线等候人数' })} data-testid='screen-lines'>
              {(queue?.lines ?? []).map((l) => (
                <View key={l.line} className='hall-screen__line' {...aria('listitem')} data-testid={`screen-line-${l.line}`}>
                  <Text className='hall-screen__line-name'>{`${l.line} ${l.lineName}`}</Text>
                  <Text className='hall-screen__line-count'>{`${l.waiting} 人`}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      </View>
      <View className='hall-screen__foot' {...aria('contentinfo')}>
        <Text>请留意屏幕和语音叫号；过号请到窗口出示号码，可重新呼叫一次</Text>
        {voice === 'needs-gesture' && (
          <View className='hall-screen__voice' {...aria('button')} onClick={enableVoice} data-testid='screen-voice-enable'>
            <Text>点击开启语音播报</Text>
          </View>
        )}
        {voice === 'unsupported' && <Text className='hall-screen__muted' data-testid='screen-voice-unsupported'>本设备不支持语音播报，请留意屏幕</Text>}
      </View>
    </PageRoot>
  )
}
