import assert from 'node:assert/strict'
import diagnostics from 'node:diagnostics_channel'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { FetchRefusedError, isPublicAddress, type Resolve, type SafeFetchOptions, safeFetch } from './safe-fetch.ts'

const UA = 'Kith-test'
const html = { accept: ['text/html'], maxBytes: 64 * 1024, userAgent: UA } satisfies SafeFetchOptions

/** A resolver from a fixed table: tests never ask real DNS. */
const table =
  (entries: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = entries[host]
    if (!found) throw new Error(`ENOTFOUND ${host}`)
    return found
  }

/** Counts client sockets opened while `fn` runs (net's diagnostics channel sees every one). */
async function socketsOpenedBy(fn: () => Promise<unknown>): Promise<number> {
  let n = 0
  const onSocket = () => n++
  diagnostics.subscribe('net.client.socket', onSocket)
  try {
    await fn()
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket)
  }
  return n
}

const refused = (reason: string) => (err: unknown) => err instanceof FetchRefusedError && err.reason === reason

describe('isPublicAddress', () => {
  it('accepts public unicast and refuses every internal or special range', () => {
    for (const a of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111']) assert.ok(isPublicAddress(a), a)
    const internal = [
      '127.0.0.1',
      '127.8.9.10',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.100.100.200',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '192.0.0.192',
      '198.18.0.1',
      '::',
      '::1',
      'fe80::1',
      'fd00::1',
      'fd00:ec2::254',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      'not-an-address',
    ]
    for (const a of internal) assert.equal(isPublicAddress(a), false, a)
  })
})

describe('safeFetch', () => {
  let server: http.Server
  let base: string
  let hits = 0

  before(async () => {
    server = http.createServer((req, res) => {
      hits++
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(`<title>Hello</title><p>ua=${req.headers['user-agent']}</p>`)
      } else if (url.pathname === '/redirect') {
        res.writeHead(302, { location: url.searchParams.get('to')! })
        res.end()
      } else if (url.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('x'.repeat(100_000))
      } else if (url.pathname === '/json') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{}')
      } else if (url.pathname === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.write('<title>')
        // never ends; closed by the client's deadline
      } else {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  it('refuses names resolving to internal addresses without opening any connection', async () => {
    const internal = ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1']
    for (const address of internal) {
      const resolve = table({ 'evil.example': [address] })
      const sockets = await socketsOpenedBy(() =>
        assert.rejects(safeFetch('https://evil.example/', { ...html, resolve }), refused('address')),
      )
      assert.equal(sockets, 0, address)
    }
    // One bad address among good ones is enough to refuse.
    const mixed = table({ 'mixed.example': ['93.184.215.14', '10.1.2.3'] })
    assert.equal(
      await socketsOpenedBy(() =>
        assert.rejects(safeFetch('http://mixed.example/', { ...html, resolve: mixed }), refused('address')),
      ),
      0,
    )
  })

  it('refuses address literals, odd schemes, ports and credentials before connecting', async () => {
    const resolve = table({ 'ok.example': ['93.184.215.14'] })
    const cases: [string, string][] = [
      ['http://127.0.0.1/', 'address'],
      ['http://[::1]/', 'address'],
      ['http://[::ffff:7f00:1]/', 'address'],
      ['http://2130706433/', 'address'], // 127.0.0.1 spelt as a number
      ['http://0x7f.1/', 'address'],
      ['http://169.254.169.254/latest/meta-data/', 'address'],
      ['file:///etc/passwd', 'url'],
      ['ftp://ok.example/', 'url'],
      ['gopher://ok.example/', 'url'],
      ['http://user:pw@ok.example/', 'url'],
      ['http://ok.example:8080/', 'port'],
      ['https://ok.example:22/', 'port'],
      ['not a url', 'url'],
    ]
    const sockets = await socketsOpenedBy(async () => {
      for (const [url, reason] of cases) {
        await assert.rejects(safeFetch(url, { ...html, resolve }), refused(reason), url)
      }
    })
    assert.equal(sockets, 0)
  })

  it('fetches a page from a test server with loopback allowed explicitly, sending the Kith user agent', async () => {
    const page = await safeFetch(`${base}/page`, { ...html, allowLoopbackForTests: true })
    assert.equal(page.contentType, 'text/html')
    assert.equal(page.charset, 'utf-8')
    assert.match(page.body.toString(), /<title>Hello<\/title><p>ua=Kith-test<\/p>/)
    // Without the test-only switch the same server is refused.
    await assert.rejects(safeFetch(`${base}/page`, html), refused('port'))
    await assert.rejects(
      safeFetch('http://local.test/page', { ...html, resolve: table({ 'local.test': ['127.0.0.1'] }) }),
      refused('address'),
    )
  })

  it('re-checks every redirect: a hop to an internal address is refused before it is requested', async () => {
    const resolve = table({ 'metadata.test': ['169.254.169.254'], 'lan.test': ['10.0.0.1'] })
    const opts = { ...html, resolve, allowLoopbackForTests: true }
    for (const to of ['http://metadata.test/latest/', 'http://lan.test/', 'http://10.0.0.1/', 'http://[fd00::1]/']) {
      const before = hits
      const sockets = await socketsOpenedBy(() =>
        assert.rejects(safeFetch(`${base}/redirect?to=${encodeURIComponent(to)}`, opts), refused('address')),
      )
      assert.equal(hits - before, 1, 'only the first, allowed hop reached a server')
      assert.equal(sockets, 1, 'only one connection was opened')
    }
    // A redirect to a non-default port on a public host is refused too.
    const publicHost = table({ 'public.test': ['93.184.215.14'] })
    await assert.rejects(
      safeFetch(`${base}/redirect?to=${encodeURIComponent('http://public.test:6379/')}`, {
        ...html,
        resolve: publicHost,
        allowLoopbackForTests: true,
      }),
      refused('port'),
    )
  })

  it('follows at most three redirects', async () => {
    const opts = { ...html, allowLoopbackForTests: true }
    let url = `${base}/page`
    for (let i = 0; i < 3; i++) url = `${base}/redirect?to=${encodeURIComponent(url)}`
    assert.match((await safeFetch(url, opts)).body.toString(), /Hello/)
    url = `${base}/redirect?to=${encodeURIComponent(url)}`
    await assert.rejects(safeFetch(url, opts), refused('redirects'))
  })

  it('caps size and time, and takes only the accepted content types', async () => {
    const opts = { ...html, allowLoopbackForTests: true }
    await assert.rejects(safeFetch(`${base}/big`, { ...opts, maxBytes: 10_000 }), refused('size'))
    await assert.rejects(safeFetch(`${base}/json`, opts), refused('type'))
    await assert.rejects(safeFetch(`${base}/missing`, opts), refused('status'))
    const started = Date.now()
    await assert.rejects(safeFetch(`${base}/slow`, { ...opts, timeoutMs: 300 }), refused('timeout'))
    assert.ok(Date.now() - started < 2000)
  })
})
