// Several Kith instances behave as one site: two processes on one PostgreSQL database and one
// Redis. A post made through A reaches a WebSocket on B within a second; a notification created
// through B shows in A's unread count and on A's stream. Runs when DATABASE_URL (PostgreSQL) and
// REDIS_URL are set (CI's PostgreSQL pass sets both); skipped otherwise.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it, type TestContext } from 'node:test'
import pino from 'pino'
import { loadConfig } from '#server/config.ts'
import { createContext } from '#server/context.ts'
import { createAccount } from '#server/domain/accounts/create-account.ts'
import { followAccount } from '#server/domain/graph/follow.ts'
import { createAccessToken } from '#server/domain/oauth/access-tokens.ts'
import { completeSetup } from '#server/domain/site/setup.ts'
import { channels } from '#server/pubsub/channels.ts'
import { freshPostgres, PASSWORD } from '../../helpers.ts'
import { untilListened } from './v1/streaming/stream-helpers.ts'

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined
const redisUrl = process.env.REDIS_URL
const isCI = process.env.CI === 'true' || process.env.CI === '1'
// Under CI a PostgreSQL run must bring Redis too: the test then fails rather than skips.
const skip = !pgUrl || (!redisUrl && !isCI) ? 'needs DATABASE_URL (PostgreSQL) and REDIS_URL' : false
const NODE = path.resolve(import.meta.dirname, '../../../node_modules/.bin/node')
const MAIN = path.resolve(import.meta.dirname, '../../../src/server/main.ts')

async function startInstance(t: TestContext, name: string, env: Record<string, string>): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kith-${name}-`))
  const child: ChildProcess = spawn(NODE, [MAIN], {
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  t.after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)))
  })
}

describe('two Kith instances on one database and one Redis', { skip }, () => {
  it('streams a post from A to B within a second, and counts on A what B notified', async (t) => {
    assert.ok(redisUrl, 'REDIS_URL must be set alongside DATABASE_URL under CI')
    const db = await freshPostgres(pgUrl!)
    const prefix = `kith-2i-${process.pid}-${Date.now()}:`
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl!,
      REDIS_PREFIX: prefix,
      PUBLIC_URL: 'http://kith.test',
      SECRET_KEY_BASE: 'two-instances-test-secret-two-instances-test-secret',
    }
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-2i-'))
    const ctx = await createContext(loadConfig({}, { ...shared, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      log: pino({ level: 'silent' }),
    })
    t.after(async () => {
      await ctx.close()
      await db.drop()
      rmSync(dataDir, { recursive: true, force: true })
    })
    await completeSetup(ctx, {
      siteName: 'Two Rivers',
      description: '',
      registrationMode: 'open',
      username: 'owner',
      email: 'owner@example.com',
      password: PASSWORD,
    })
    const person = async (username: string) => {
      const { user, account } = await createAccount(ctx, ctx.db, {
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
        confirmed: true,
        approved: true,
      })
      const { accessToken } = await createAccessToken(ctx, ctx.db, {
        userId: user.id,
        appId: null,
        scopes: 'read write',
      })
      return { account, token: accessToken }
    }
    const ana = await person('ana')
    const bob = await person('bob')
    const cat = await person('cat')
    await followAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain() // ana's "bob followed you", before anyone connects

    const [a, b] = await Promise.all([startInstance(t, 'A', shared), startInstance(t, 'B', shared)])

    const connect = async (base: string, token: string) => {
      const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/streaming?stream=user`, [token])
      const events: { event: string; payload: string }[] = []
      const waiters: (() => void)[] = []
      ws.addEventListener('message', (e) => {
        events.push(JSON.parse(String(e.data)))
        for (const w of waiters.splice(0)) w()
      })
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve, { once: true })
        ws.addEventListener('error', reject, { once: true })
      })
      t.after(() => ws.close())
      const next = async (event: string, ms: number) => {
        const end = Date.now() + ms
        for (;;) {
          const i = events.findIndex((e) => e.event === event)
          if (i >= 0) return events.splice(i, 1)[0]!
          const left = end - Date.now()
          if (left <= 0) throw new Error(`no ${event} within ${ms} ms`)
          await new Promise<void>((r) => {
            waiters.push(r)
            setTimeout(r, left)
          })
        }
      }
      return { next }
    }
    const bobOnB = await connect(b, bob.token)
    const anaOnA = await connect(a, ana.token)
    // The test's own context shares the Redis prefix, so it sees what the instances listen to.
    await untilListened(ctx, channels.home(bob.account.id))
    await untilListened(ctx, channels.notifications(ana.account.id))

    const postOnA = async (status: string) => {
      const res = await fetch(`${a}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      })
      assert.equal(res.status, 200)
      return (await res.json()).id as string
    }
    // The first request of a fresh process pays for compiling and connecting; time the second.
    const warmUp = await postOnA('Warming up')
    assert.equal(JSON.parse((await bobOnB.next('update', 5000)).payload).id, warmUp)
    const started = Date.now()
    const id = await postOnA('Posted on A')
    const update = await bobOnB.next('update', 1000)
    const latency = Date.now() - started
    assert.equal(JSON.parse(update.payload).id, id)
    assert.ok(latency < 1000, `took ${latency} ms`)
    t.diagnostic(`A → B delivery: ${latency} ms`)

    // A notification created through B…
    const mention = await fetch(`${b}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cat.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Hello @ana, from B' }),
    })
    assert.equal(mention.status, 200)
    // …reaches ana's socket on A…
    const n = await anaOnA.next('notification', 5000)
    assert.equal(JSON.parse(n.payload).account.username, 'cat')
    // …and A's unread count: bob's follow and cat's mention.
    const count = await fetch(`${a}/api/v1/notifications/unread_count`, {
      headers: { authorization: `Bearer ${ana.token}` },
    })
    assert.deepEqual(await count.json(), { count: 2 })
  })
})
