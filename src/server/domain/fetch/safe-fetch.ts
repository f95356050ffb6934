// Fetches a URL that a user supplied, without letting them reach Kith's own network (SSRF).
// Each hop (the first request and every redirect) is checked the same way:
//   1. http or https only, no user:password, and only the scheme's default port (80 / 443);
//   2. Kith resolves the name itself and refuses it when ANY address is not public unicast;
//   3. the socket connects to the address that was checked (a pinned `lookup`), so a second DNS
//      answer cannot swap in a private one between check and connect (no TOCTOU).
// Bodies are capped in bytes and the whole fetch (all hops) in time; nothing is decompressed.
//
// NOTE: libraries: ipaddr.js (2.x, the classifier behind proxy-addr and so Express/Fastify's
// trustProxy) names the special ranges; node:http/https carry the request, because they take a
// custom `lookup` per request with no extra dependency (undici would need its own Agent).
// NOTE: ports: only 80/443. Internal services listen on other ports (Redis, Postgres, admin
// panels, Docker), also on hosts with public addresses; previews of sites on :8080 are the cost.
import { lookup as dnsLookup } from 'node:dns/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'

export type Resolve = (hostname: string) => Promise<string[]>

export type SafeFetchOptions = {
  /** Media types accepted, as prefixes of the Content-Type (`text/html`, `image/`). */
  accept: readonly string[]
  maxBytes: number
  userAgent: string
  /** For the whole fetch, redirects included. */
  timeoutMs?: number
  maxRedirects?: number
  /** Name → addresses. The system resolver by default; tests pass their own (they never reach DNS). */
  resolve?: Resolve
  /**
   * Tests only: also allow loopback addresses, on any port, so a test can serve pages from a local
   * server. Never set from configuration or the environment.
   */
  allowLoopbackForTests?: boolean
}

export type FetchedResource = { url: string; contentType: string; charset: string | null; body: Buffer }

export type RefusalReason = 'url' | 'port' | 'address' | 'dns' | 'redirects' | 'status' | 'type' | 'size' | 'timeout'

export class FetchRefusedError extends Error {
  name = 'FetchRefusedError'
  reason: RefusalReason
  constructor(reason: RefusalReason, message: string, options?: ErrorOptions) {
    super(message, options)
    this.reason = reason
  }
}

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_REDIRECTS = 3
const REDIRECTS = new Set([301, 302, 303, 307, 308])
// Every public IPv6 address is in 2000::/3; the rest (including the deprecated IPv4-compatible
// ::a.b.c.d, which ipaddr.js calls "unicast") is refused outright.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3')

export const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address)

/**
 * True for public unicast addresses only. Refused: private (RFC 1918), loopback, link-local (and so
 * 169.254.169.254, the cloud metadata address), unique-local (fd00:ec2::254 too), multicast,
 * unspecified, broadcast, CGNAT (100.100.100.200, Alibaba's metadata), reserved and documentation
 * ranges, NAT64/6to4/Teredo (they embed IPv4), and IPv4-mapped IPv6 by the IPv4 it maps.
 */
export function isPublicAddress(address: string, options: { allowLoopback?: boolean } = {}): boolean {
  if (!ipaddr.isValid(address)) return false
  let ip = ipaddr.parse(address)
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address()
  const range = ip.range()
  if (options.allowLoopback && range === 'loopback') return true
  if (ip.kind() === 'ipv6' && !(ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return false
  return range === 'unicast'
}

/** GETs `url`, following at most `maxRedirects` redirects, each checked as the first request was. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchedResource> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  let current = parseUrl(url)
  try {
    for (let hop = 0; ; hop++) {
      const address = await vet(current, options, signal)
      const res = await get(current, address, options, signal)
      const status = res.statusCode ?? 0
      if (REDIRECTS.has(status) && res.headers.location) {
        res.destroy()
        if (hop >= maxRedirects) throw new FetchRefusedError('redirects', `More than ${maxRedirects} redirects`)
        current = parseUrl(res.headers.location, current)
        continue
      }
      if (status < 200 || status > 299) {
        res.destroy()
        throw new FetchRefusedError('status', `The server answered ${status}`)
      }
      const header = String(res.headers['content-type'] ?? '').toLowerCase()
      const contentType = header.split(';')[0]!.trim()
      if (!options.accept.some((prefix) => contentType.startsWith(prefix))) {
        res.destroy()
        throw new FetchRefusedError('type', `Unexpected content type "${contentType}"`)
      }
      const body = await readCapped(res, options.maxBytes)
      const charset = /charset="?([\w.:-]+)/.exec(header)?.[1] ?? null
      return { url: current.href, contentType, charset, body }
    }
  } catch (err) {
    if (err instanceof FetchRefusedError) throw err
    if (signal.aborted) throw new FetchRefusedError('timeout', 'The fetch took too long', { cause: err })
    throw err
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    throw new FetchRefusedError('url', 'Not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError('url', 'Only http and https')
  if (url.username || url.password) throw new FetchRefusedError('url', 'URLs with credentials are refused')
  url.hash = ''
  return url
}

type Vetted = { address: string; family: 4 | 6 }

async function vet(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Vetted> {
  const allowLoopback = options.allowLoopbackForTests === true
  if (url.port !== '' && !allowLoopback) throw new FetchRefusedError('port', 'Only the default ports 80 and 443')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (ipaddr.isValid(host)) {
    addresses = [host]
  } else {
    const resolve = options.resolve ?? systemResolve
    try {
      addresses = await abortable(resolve(host), signal)
    } catch (err) {
      if (signal.aborted) throw err
      throw new FetchRefusedError('dns', `Cannot resolve ${host}`, { cause: err })
    }
  }
  if (addresses.length === 0) throw new FetchRefusedError('dns', `No address for ${host}`)
  // All must be public: a name that also points inside must not get through on a later try.
  const bad = addresses.find((a) => !isPublicAddress(a, { allowLoopback }))
  if (bad !== undefined) throw new FetchRefusedError('address', `${host} resolves to a non-public address`)
  const address = addresses[0]!
  if (allowLoopback && url.port !== '' && ipaddr.parse(address).range() !== 'loopback') {
    throw new FetchRefusedError('port', 'Only the default ports 80 and 443')
  }
  return { address, family: ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4 }
}

function get(url: URL, vetted: Vetted, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  // Connect to the checked address whatever the name resolves to now; TLS still verifies the name.
  const lookup = ((_host, opts, callback) => {
    if (opts?.all) callback(null, [vetted])
    else callback(null, vetted.address, vetted.family)
  }) as LookupFunction
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup,
        signal,
        headers: {
          'user-agent': options.userAgent,
          accept: options.accept.map((a) => (a.endsWith('/') ? `${a}*` : a)).join(', '),
          'accept-encoding': 'identity',
        },
      },
      resolve,
    )
    req.on('error', reject)
    req.end()
  })
}

async function readCapped(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
    res.destroy()
    throw new FetchRefusedError('size', `Larger than ${maxBytes} bytes`)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of res) {
    total += (chunk as Buffer).length
    if (total > maxBytes) {
      res.destroy()
      throw new FetchRefusedError('size', `Larger than ${maxBytes} bytes`)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
