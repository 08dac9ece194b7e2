import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

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
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: [r('./test/setup.ts')],
  },
})
