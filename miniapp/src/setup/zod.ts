// Must be the first import of app.ts: zod decides at schema construction whether to compile
// parsers with `new Function`, which WeChat forbids.
import { z } from 'zod'

z.config({ jitless: true })
