// zod setup first: it must run before the shared contract's schemas are built.
import './setup/zod'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { residentSession } from './api/client'
import './app.scss'

function App ({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Sign the resident in early; pages wait for the same login and show any error themselves.
    residentSession.ensureLogin().catch(() => undefined)
  })
  return children
}

export default App
