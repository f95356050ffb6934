// The only file that reads process.env. Everything else receives a frozen Config.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type Config = Readonly<{
  port: number
  host: string
  publicUrl: string
  /** The host part of publicUrl: the domain of acct: URIs and webfinger. */
  domain: string
  secure: boolean
  dataDir: string
  database: { url: string; kind: 'sqlite' | 'postgres' }
  redisUrl: string | null
  /** Prepended to every Redis key and pub/sub channel, so several sites (or test runs) can share one Redis. */
  redisPrefix: string
  /** Bytes a streaming socket may have unsent before it is dropped as a slow consumer (it reconnects and resyncs). */
  streamingMaxBuffer: number
  smtpUrl: string | null
  mailFrom: string
  secretKeyBase: string
  logLevel: string
  trustProxy: boolean
  bench: boolean
  webDist: string
}>

type Env = Record<string, string | undefined>

export class ConfigError extends Error {
  name = 'ConfigError'
}

export function loadConfig(env: Env = process.env, overrides: Partial<Record<string, string>> = {}): Config {
  const e = { ...env, ...overrides }
  const port = Number(e.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0-65535, got ${e.PORT}`)
  const host = e.HOST ?? 'localhost'
  const dataDir = path.resolve(e.DATA_DIR ?? './data')
  mkdirSync(dataDir, { recursive: true })

  const publicUrlRaw = e.PUBLIC_URL ?? `http://localhost:${port}`
  let publicUrl: URL
  try {
    publicUrl = new URL(publicUrlRaw)
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: ${publicUrlRaw}`)
  }
  if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL must start with http:// or https://')
  }

  const dbUrl = e.DATABASE_URL || `file:${path.join(dataDir, 'kith.sqlite')}`
  let kind: 'sqlite' | 'postgres'
  if (dbUrl.startsWith('postgres://') || dbUrl.startsWith('postgresql://')) kind = 'postgres'
  else if (dbUrl.startsWith('file:') || dbUrl === ':memory:') kind = 'sqlite'
  else throw new ConfigError('DATABASE_URL must be a postgres:// URL or a file: path')

  return Object.freeze({
    port,
    host,
    publicUrl: publicUrl.origin,
    domain: publicUrl.host,
    secure: publicUrl.protocol === 'https:',
    dataDir,
    database: { url: dbUrl, kind },
    redisUrl: e.REDIS_URL || null,
    redisPrefix: e.REDIS_PREFIX ?? 'kith:',
    streamingMaxBuffer: positiveInt(e.STREAMING_MAX_BUFFER, 1024 * 1024, 'STREAMING_MAX_BUFFER'),
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM || `Kith <notifications@${publicUrl.hostname}>`,
    secretKeyBase: e.SECRET_KEY_BASE || loadOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL ?? 'info',
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    bench: e.KITH_BENCH === '1',
    webDist: path.resolve(import.meta.dirname, '../../dist/web'),
  })
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got ${raw}`)
  return n
}

/** A secret generated on first start and kept in DATA_DIR, never a hard-coded default. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret_key_base')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(48).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  return secret
}
