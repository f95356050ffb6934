// Steps of the OAuth flows, driven through the HTTP API as a client app would.
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import type { buildTestApp } from '../../helpers.ts'

type App = Awaited<ReturnType<typeof buildTestApp>>['app']

export const REDIRECT_URI = 'https://app.example/callback'
export const OOB = 'urn:ietf:wg:oauth:2.0:oob'

export type Client = { id: string; client_id: string; client_secret: string; scopes: string[] }

export async function registerApp(
  app: App,
  body: Record<string, unknown> = {},
): Promise<Client & Record<string, unknown>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/apps',
    payload: { client_name: 'Tooter', redirect_uris: [REDIRECT_URI, OOB], scopes: 'read write push', ...body },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export async function postToken(app: App, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/oauth/token', payload })
}

export async function appToken(app: App, client: Client, scope?: string): Promise<string> {
  const res = await postToken(app, {
    grant_type: 'client_credentials',
    client_id: client.client_id,
    client_secret: client.client_secret,
    ...(scope ? { scope } : {}),
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json().access_token
}

/** A signed-in person approves the app on the consent page; returns the code. */
export async function approve(
  app: App,
  web: Record<string, string>,
  client: Client,
  opts: { scope?: string; redirectUri?: string; challenge?: string; method?: string; state?: string } = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/kith/v1/oauth/authorization',
    headers: web,
    payload: {
      client_id: client.client_id,
      redirect_uri: opts.redirectUri ?? REDIRECT_URI,
      scope: opts.scope ?? 'read write',
      approve: true,
      ...(opts.state ? { state: opts.state } : {}),
      ...(opts.challenge ? { code_challenge: opts.challenge, code_challenge_method: opts.method ?? 'S256' } : {}),
    },
  })
  assert.equal(res.statusCode, 200, res.body)
  const body = res.json()
  return body.code ?? new URL(body.redirect_to).searchParams.get('code')!
}

/** Approves and redeems in one go: a user token for the app. */
export async function userToken(
  app: App,
  web: Record<string, string>,
  client: Client,
  scope = 'read write',
): Promise<{ access_token: string; refresh_token: string; scope: string }> {
  const { verifier, challenge } = pkcePair()
  const code = await approve(app, web, client, { scope, challenge })
  const res = await postToken(app, {
    grant_type: 'authorization_code',
    client_id: client.client_id,
    client_secret: client.client_secret,
    redirect_uri: REDIRECT_URI,
    code,
    code_verifier: verifier,
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** A multipart/form-data body, as fetch would send it. */
export async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const req = new Request('http://x/', { method: 'POST', body: form })
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! }
}
