import { defineConfig, type UserConfigExport, type UserConfigFn } from '@tarojs/cli'
import path from 'node:path'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { requireWithEsbuild } from '@tarojs/helper'
import devConfig from './dev'
import { routeTableJson } from './routes'
import prodConfig from './prod'

// The shared contract package is TypeScript source: it must go through Taro's babel-loader.
const workspaceSources = [path.resolve(__dirname, '../../shared')]

const platform = process.env.TARO_ENV ?? 'weapp'

// The design tokens (src/kit/tokens.ts) as SCSS variables. The config loader compiles only this folder: esbuild it.
const { tokensScss } = requireWithEsbuild(path.resolve(__dirname, '../src/kit/tokens.ts')) as typeof import('../src/kit/tokens')

// npm may nest this package under miniapp/node_modules (its vite peer differs from the root's),
// where @tarojs/taro-h5 in the root node_modules cannot find it: resolve it from here.
const frameworkReact = path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json', { paths: [__dirname] }))

type ProjectConfig = Awaited<ReturnType<UserConfigFn<'webpack5'>>>
type Chain = Parameters<NonNullable<NonNullable<ProjectConfig['mini']>['webpackChain']>>[0]

function sharedChain (chain: Chain) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  chain.resolve.alias.set('@tarojs/plugin-framework-react', frameworkReact)
}

// H5: Taro splits only the initial chunks, so every lazily loaded page would carry its own copy of zod, the contract
// schemas and the kit. Split async chunks too: what several pages share is loaded once, beside the page.
function h5Chain (chain: Chain) {
  sharedChain(chain)
  chain.optimization.splitChunks({
    chunks: 'all',
    minSize: 20_000,
    maxAsyncRequests: 30,
    maxInitialRequests: 30,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      vendors: { test: /[\\/]node_modules[\\/]/, priority: 10, reuseExistingChunk: true },
      common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
    },
  })
}

// API origin. H5 is served by the Koa server itself, so same origin ('') by default;
// the mini-program needs an absolute URL (a legal HTTPS domain in production).
const apiBase = platform === 'h5'
  ? (process.env.TARO_APP_H5_API_BASE ?? '')
  : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bianmin',
    date: '2026-11-21',
    // Styles are written in CSS px of a 375-wide phone; pxtransform maps them to rpx / rem.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      TARO_APP_API_BASE: JSON.stringify(apiBase.replace(/\/+$/, '')),
      BM_ROUTES: routeTableJson(),
    },
    copy: { patterns: [], options: {} },
    // Design tokens (src/kit/tokens.ts) as SCSS variables, and the shared mixins, in front of every SCSS file.
    sass: {
      resource: [path.resolve(__dirname, '../src/kit/styles/_mixins.scss')],
      data: tokensScss(),
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: workspaceSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: sharedChain,
    },
    h5: {
      compile: { include: workspaceSources },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The root font size the rem layout scales from (Taro's formula: 20px per 375px, 20–40px), from the viewport.
      // Taro's own script measures the document, whose height changes as the page fills in, and re-sizes everything
      // on the next resize event (a layout shift of the whole page).
      htmlPluginOption: {
        script: '!function(n){function f(){var d=n.document.documentElement,w=Math.min(n.innerWidth,n.innerHeight)||d.clientWidth,' +
          'x=20*w/375;d.style.fontSize=(x>=40?40:x<=20?20:x)+"px"}n.addEventListener("resize",f),f()}(window);',
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: h5Chain,
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
