// Phone numbers (and other contact data) are encrypted at rest with AES-256-GCM; the key comes from PHONE_KEY.
// Stored form: "v2.<keyId>.<iv>.<tag>.<ciphertext>" (base64url). The key id names the key that encrypted the value,
// so `admin rotate-phone-key` can skip rows already under the new key and resume after an interruption.
// Earlier "v1.<iv>.<tag>.<ciphertext>" values carry no key id: they are tried with every known key.
import crypto from 'node:crypto'

/** Short public fingerprint of a key (never the key itself). */
export const keyIdOf = (key: Buffer): string =>
  crypto.createHash('sha256').update('bianmin-phone-key-id:').update(key).digest('base64url').slice(0, 8)

export class FieldCipher {
  readonly keyId: string
  private keys: Map<string, Buffer>

  /** `key` encrypts; `previous` keys are still accepted for decryption (key rotation). */
  constructor (private key: Buffer, previous: Buffer[] = []) {
    for (const k of [key, ...previous]) if (k.length !== 32) throw new Error('PHONE_KEY must be 32 bytes')
    this.keyId = keyIdOf(key)
    this.keys = new Map([key, ...previous].map((k) => [keyIdOf(k), k]))
  }

  encrypt (plain: string): string {
    const iv = crypto.randomBytes(12)
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()])
    return ['v2', this.keyId, iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
  }

  decrypt (stored: string): string {
    const parts = stored.split('.')
    if (parts[0] === 'v2' && parts.length === 5) {
      const key = this.keys.get(parts[1]!)
      if (!key) throw new Error(`no key for key id ${parts[1]}`)
      return open(key, parts[2]!, parts[3]!, parts[4]!)
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      for (const key of this.keys.values()) {
        try { return open(key, parts[1]!, parts[2]!, parts[3]!) } catch { /* try the next key */ }
      }
      throw new Error('no key decrypts this value')
    }
    throw new Error('unknown ciphertext format')
  }

  /** True when the value is already encrypted with the current key. */
  isCurrent (stored: string): boolean {
    return stored.startsWith(`v2.${this.keyId}.`)
  }

  /** Keyed hash for equality lookups without storing the plain value (keyed by the current key). */
  blindIndex (plain: string): string {
    return crypto.createHmac('sha256', this.key).update(plain).digest('base64url').slice(0, 22)
  }
}

function open (key: Buffer, iv: string, tag: string, data: string): string {
  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  d.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8')
}

/** 138****5678 */
export const maskPhone = (p: string): string => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****')
/** What an erased resident's name fields hold: a placeholder, not a name (never masked). */
export const ERASED_NAME = '已注销'
/** 张*三 / 张* */
export const maskName = (n: string): string => {
  if (n === ERASED_NAME) return n
  const chars = [...n]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
