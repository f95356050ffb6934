// Random secrets and their stored forms. Only hashes of bearer secrets reach the database,
// so a leaked database does not hand out sessions or tokens.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function keyFor(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}:${secret}`).digest()
}

/** AES-256-GCM, for secrets the server must read back (TOTP seeds). */
export function encryptSecret(secret: string, plain: string, purpose: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

export function decryptSecret(secret: string, sealed: string, purpose: string): string {
  const [iv, tag, body] = sealed.split('.').map((s) => Buffer.from(s, 'base64url'))
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), iv!)
  decipher.setAuthTag(tag!)
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')
}

/** A short-lived signed value (for the two-factor step of sign-in): `payload.expiry.mac`. */
export function signExpiring(secret: string, payload: string, expiresAtMs: number): string {
  const body = `${Buffer.from(payload).toString('base64url')}.${expiresAtMs}`
  return `${body}.${hmac(secret, body)}`
}

export function verifyExpiring(secret: string, signed: string, nowMs: number): string | null {
  const parts = signed.split('.')
  if (parts.length !== 3) return null
  const body = `${parts[0]}.${parts[1]}`
  if (!safeEqual(hmac(secret, body), parts[2]!)) return null
  if (Number(parts[1]) < nowMs) return null
  return Buffer.from(parts[0]!, 'base64url').toString('utf8')
}
