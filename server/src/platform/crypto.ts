// Phone numbers (and other contact data) are encrypted at rest with AES-256-GCM; the key comes from PHONE_KEY.
// Stored form: "v1.<iv>.<tag>.<ciphertext>" (base64url), so the key can be rotated by version.
import crypto from 'node:crypto'

export class FieldCipher {
  constructor (private key: Buffer) { if (key.length !== 32) throw new Error('PHONE_KEY must be 32 bytes') }
  encrypt (plain: string): string {
    const iv = crypto.randomBytes(12)
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()])
    return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
  }
  decrypt (stored: string): string {
    const [v, iv, tag, data] = stored.split('.')
    if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format')
    const d = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    d.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8')
  }
  /** Keyed hash for equality lookups without storing the plain value. */
  blindIndex (plain: string): string {
    return crypto.createHmac('sha256', this.key).update(plain).digest('base64url').slice(0, 22)
  }
}

/** 138****5678 */
export const maskPhone = (p: string): string => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****')
/** 张*三 / 张* */
export const maskName = (n: string): string => {
  const chars = [...n]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
