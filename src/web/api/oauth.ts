import { apiFetch } from './client.ts'

export type AuthorizationRequest = {
  client_id: string
  redirect_uri: string
  response_type?: string
  scope?: string
  state?: string
  code_challenge?: string
  code_challenge_method?: string
}

export type AuthorizationInfo = {
  app: { name: string; website: string | null }
  scopes: string[]
  redirect_uri: string
}

export type AuthorizationDecision = { redirect_to: string; code?: string }

export function getAuthorization(request: AuthorizationRequest): Promise<AuthorizationInfo> {
  // Mastodon apps always send response_type=code; the server requires it, so default it.
  return apiFetch('/oauth/authorization', { query: { response_type: 'code', ...request } })
}

export function decideAuthorization(request: AuthorizationRequest, approve: boolean): Promise<AuthorizationDecision> {
  const { response_type: _ignored, ...rest } = request
  return apiFetch('/oauth/authorization', { method: 'POST', body: { ...rest, approve } })
}
