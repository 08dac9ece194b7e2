// No side effects here (package.json "sideEffects"): bundlers take only the modules a bundle uses. zod's Chinese
// messages are set by contract/locale.ts, which every schema file imports.
export * from './errors'
export * from './contract/index'
export * from './client'
export * from './pages'
