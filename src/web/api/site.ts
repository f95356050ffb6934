import { apiFetch } from './client.ts'
import type { CurrentUser } from './session.ts'

export type RegistrationMode = 'open' | 'approval' | 'invite' | 'closed'
export const registrationModes: RegistrationMode[] = ['open', 'approval', 'invite', 'closed']

export type Site = {
  setup_required: boolean
  name: string
  description: string
  registration_mode: RegistrationMode
  brand_color: string
  logo_url: string | null
  default_locale: string
  locales: string[]
  password_min_length: number
}

export type SetupInput = {
  site_name: string
  description: string
  registration_mode: RegistrationMode
  username: string
  email: string
  password: string
}

export function getSite(): Promise<Site> {
  return apiFetch<Site>('/site')
}

export function completeSetup(input: SetupInput): Promise<{ user: CurrentUser }> {
  return apiFetch('/setup', { method: 'POST', body: input })
}
