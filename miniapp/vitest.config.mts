import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { routeTable } from '../shared/src/client'
import { contract } from '../shared/src/contract/index'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  root: r('.'),
  resolve: {
    alias: {
      '@tarojs/components': r('./test/mocks/taro-components.tsx'),
      '@tarojs/taro': r('./test/mocks/taro.ts'),
      '@/': r('./src/'),
    },
  },
  // Build-time constants of config/index.ts.
  define: {
    TARO_APP_API_BASE: JSON.stringify('http://api.test'),
    BM_ROUTES: JSON.stringify(routeTable(contract)),
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: [r('./test/setup.ts')],
  },
})
