import { apiFetch } from './client.ts'

export type Role = 'owner' | 'admin' | 'moderator' | 'user'

export type CurrentUser = {
  id: string
  username: string
  display_name: string
  email: string
  role: Role
  email_confirmed: boolean
  two_factor_enabled: boolean
  locale: string
  avatar: string | null
}

export type SignInResult =
  | { status: 'signed_in'; user: CurrentUser }
  | { status: 'two_factor_required'; challenge: string }

export type SignUpInput = {
  username: string
  email: string
  password: string
  agreement: true
  invite_code?: string
  reason?: string
  locale?: string
}

export async function getSession(): Promise<CurrentUser | null> {
  const { user } = await apiFetch<{ user: CurrentUser | null }>('/session')
  return user
}

export function signUp(input: SignUpInput): Promise<{ status: 'confirmation_sent' }> {
  return apiFetch('/auth/sign_up', { method: 'POST', body: input })
}

export function confirmEmail(token: string): Promise<{ status: 'confirmed' | 'pending_approval' }> {
  return apiFetch('/auth/confirm', { method: 'POST', body: { token } })
}

export function resendConfirmation(email: string): Promise<{ ok: true }> {
  return apiFetch('/auth/confirm/resend', { method: 'POST', body: { email } })
}

export function signIn(login: string, password: string): Promise<SignInResult> {
  return apiFetch('/auth/sign_in', { method: 'POST', body: { login, password } })
}

export function submitTwoFactor(challenge: string, code: string): Promise<{ status: 'signed_in'; user: CurrentUser }> {
  return apiFetch('/auth/two_factor', { method: 'POST', body: { challenge, code } })
}

export function signOut(): Promise<{ ok: true }> {
  return apiFetch('/auth/sign_out', { method: 'POST', body: {} })
}

export function requestPasswordReset(email: string): Promise<{ ok: true }> {
  return apiFetch('/auth/password/forgot', { method: 'POST', body: { email } })
}

export function resetPassword(token: string, password: string): Promise<{ ok: true }> {
  return apiFetch('/auth/password/reset', { method: 'POST', body: { token, password } })
}
