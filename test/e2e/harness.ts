// What every browser test shares: a free port, a built web client, and Debian's Chromium started
// with the flags this project's machines need.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const CHROMIUM_PATH = '/usr/bin/chromium'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** The server serves dist/web; build it when a fresh checkout hasn't yet. */
export function ensureWebBuild(): void {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js')
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts'], { cwd: ROOT, encoding: 'utf8' })
  assert.equal(r.status, 0, `vite build failed:\n${r.stdout}\n${r.stderr}`)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}
