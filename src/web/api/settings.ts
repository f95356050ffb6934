import { apiFetch } from './client.ts'
import type { CurrentUser } from './session.ts'

export type TwoFactorSetup = { secret: string; otpauth_uri: string; qr_svg: string }

export type SessionInfo = {
  id: string
  created_at: string
  last_seen_at: string
  ip: string
  user_agent: string
  current: boolean
}

export type AuthorizedApp = {
  id: string
  name: string
  website: string | null
  scopes: string[]
  created_at: string
  last_used_at: string | null
}

export function updateProfile(input: { display_name?: string; locale?: string }): Promise<{ user: CurrentUser }> {
  return apiFetch('/settings/profile', { method: 'PATCH', body: input })
}

export function changePassword(current_password: string, password: string): Promise<{ ok: true }> {
  return apiFetch('/settings/password', { method: 'POST', body: { current_password, password } })
}

export function changeEmail(current_password: string, email: string): Promise<{ ok: true }> {
  return apiFetch('/settings/email', { method: 'POST', body: { current_password, email } })
}

export function startTwoFactorSetup(): Promise<TwoFactorSetup> {
  return apiFetch('/settings/two_factor/setup', { method: 'POST', body: {} })
}

export function enableTwoFactor(code: string): Promise<{ recovery_codes: string[] }> {
  return apiFetch('/settings/two_factor/enable', { method: 'POST', body: { code } })
}

export function disableTwoFactor(password: string): Promise<{ ok: true }> {
  return apiFetch('/settings/two_factor/disable', { method: 'POST', body: { password } })
}

export function listSessions(): Promise<SessionInfo[]> {
  return apiFetch('/settings/sessions')
}

export function revokeSession(id: string): Promise<{ ok: true }> {
  return apiFetch(`/settings/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function listApps(): Promise<AuthorizedApp[]> {
  return apiFetch('/settings/apps')
}

export function revokeApp(id: string): Promise<{ ok: true }> {
  return apiFetch(`/settings/apps/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
