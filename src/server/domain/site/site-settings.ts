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
  // Administration (docs/api-admin.md); validated by domain/admin/site-admin.ts.
  favicon_url: string | null
  default_theme: 'system' | 'light' | 'dark'
  approval_prompt: string
  page_about: string
  page_terms: string
  page_privacy: string
  media_max_attachments: number
  media_max_image_mb: number
  media_description_limit: number
  invites_allowed: 'everyone' | 'moderators' | 'admins'
  invite_max_uses_default: number | null
  invite_expiry_days_default: number | null
  email_from_name: string
  email_reply_to: string
  email_footer: string
  rate_limits: RateLimits
}

export const RATE_LIMITED_ACTIONS = ['posting', 'following', 'friend_requests', 'messages', 'sign_ups'] as const
export type RateLimitedAction = (typeof RATE_LIMITED_ACTIONS)[number]
/** Per person (per IP for sign-ups): at most `max` in `window_s` seconds. */
export type RateLimits = Record<RateLimitedAction, { max: number; window_s: number }>

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
  favicon_url: null,
  default_theme: 'system',
  approval_prompt: '',
  page_about: '',
  page_terms: '',
  page_privacy: '',
  media_max_attachments: 4,
  media_max_image_mb: 16,
  media_description_limit: 1500,
  invites_allowed: 'everyone',
  invite_max_uses_default: null,
  invite_expiry_days_default: 7,
  email_from_name: '',
  email_reply_to: '',
  email_footer: '',
  // Mastodon's defaults where it has one (300 posts in 3 hours, 400 follows a day).
  rate_limits: {
    posting: { max: 300, window_s: 3 * 3600 },
    following: { max: 400, window_s: 24 * 3600 },
    friend_requests: { max: 100, window_s: 24 * 3600 },
    messages: { max: 300, window_s: 3600 },
    sign_ups: { max: 30, window_s: 3600 },
  },
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
