import { z } from 'zod'

// Chinese messages for zod's built-in checks (field-specific messages are set in the schemas).
z.config(z.locales.zhCN())

export * from './errors'
export * from './contract/index'
export * from './client'
export * from './pages'
