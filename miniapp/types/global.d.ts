/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** API origin injected by config/index.ts (defineConstants); '' means same origin (H5). */
declare const TARO_APP_API_BASE: string
/** The contract's method + path per route (config/routes.ts, defineConstants). */
declare const BM_ROUTES: import('@bianmin/shared').RouteTable

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
    /** Absolute API origin for the mini-program build (default http://127.0.0.1:3000). */
    TARO_APP_API_BASE?: string
    /** API origin for the H5 build (default '' = same origin). */
    TARO_APP_H5_API_BASE?: string
  }
}
