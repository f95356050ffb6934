// Site settings: one row per key in `site_settings`, JSON values, read through a short cache.

import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { listSettingRows, upsertSettingRows } from './site-store.ts'

export const REGISTRATION_MODES = ['open', 'approval', 'invite', 'closed'] as const
export type RegistrationMode = (typeof REGISTRATION_MODES)[number]
export const LOCALES = ['en', 'ar'] as const
export type Locale = (typeof LOCALES)[number]

export type SiteSettings = {
  name: string
  description: string
  registration_mode: RegistrationMode
  brand_color: string
  logo_url: string | null
  default_locale: Locale
  post_max_chars: number
  contact_email: string
  setup_completed_at: string | null
}

export const defaultSettings: SiteSettings = {
  name: 'Kith',
  description: 'A friendly community',
  registration_mode: 'open',
  brand_color: '#2f6fde',
  logo_url: null,
  default_locale: 'en',
  post_max_chars: 5000,
  contact_email: '',
  setup_completed_at: null,
}

export const PASSWORD_MIN_LENGTH = 10

// NOTE: in scaled mode another instance's change shows here within CACHE_MS.
const CACHE_MS = 2000
const cache = new WeakMap<Db, { at: number; value: SiteSettings }>()

export async function getSiteSettings(ctx: AppContext): Promise<SiteSettings> {
  const hit = cache.get(ctx.db)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
  const rows = await listSettingRows(ctx.db)
  const value: SiteSettings = { ...defaultSettings }
  for (const row of rows) {
    if (row.key in value) (value as Record<string, unknown>)[row.key] = JSON.parse(row.value)
  }
  cache.set(ctx.db, { at: Date.now(), value })
  return value
}

export async function updateSiteSettings(ctx: AppContext, db: Db, changes: Partial<SiteSettings>): Promise<void> {
  const rows = Object.entries(changes)
    .filter(([key, value]) => key in defaultSettings && value !== undefined)
    .map(([key, value]) => ({ key, value: JSON.stringify(value) }))
  await upsertSettingRows(db, rows, ctx.clock.now().toISOString())
  cache.delete(ctx.db)
}

export function isSetupRequired(settings: SiteSettings): boolean {
  return settings.setup_completed_at === null
}
