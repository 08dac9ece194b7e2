// Chinese messages for zod's built-in checks (field-specific messages are set in the schemas). Imported for its effect
// by every contract file that builds schemas; the only module of this package with a side effect (package.json
// "sideEffects"), so bundlers drop the schemas a bundle does not use (the mini-program's main package).
import { z } from 'zod'

z.config(z.locales.zhCN())
