// What the instance says about itself: GET /api/v1|v2/instance, nodeinfo and webfinger read from here.
import { readFileSync } from 'node:fs'
import type { AppContext } from '../../context.ts'
import type { AccountRow, RuleRow } from '../../db/schema.ts'
import { getSiteSettings, LOCALES, type RegistrationMode } from '../site/site-settings.ts'
import { countUsers, findOwnerAccount, listRules } from './instance-store.ts'

export const KITH_VERSION: string = JSON.parse(
  readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
).version
/** Clients feature-detect by the Mastodon version, so Kith names the API level it follows. */
export const MASTODON_COMPAT_VERSION = '4.3.0'
export const VERSION_STRING = `${MASTODON_COMPAT_VERSION} (compatible; Kith ${KITH_VERSION})`

// TODO(media issue): the media slice owns upload limits; these are Mastodon's defaults for images
// until then, and Kith does not take video yet.
export const MEDIA_LIMITS = {
  supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  description_limit: 1500,
  image_size_limit: 16 * 1024 * 1024,
  image_matrix_limit: 33_177_600,
  video_size_limit: 0,
  video_frame_rate_limit: 0,
  video_matrix_limit: 0,
}
export const STATUS_LIMITS = { max_media_attachments: 4, characters_reserved_per_url: 23 }
export const POLL_LIMITS = {
  max_options: 4,
  max_characters_per_option: 50,
  min_expiration: 300,
  max_expiration: 2_629_746,
}
export const ACCOUNT_LIMITS = { max_featured_tags: 10, max_pinned_statuses: 5 }

const DAY_MS = 86_400_000

export type InstanceInfo = {
  domain: string
  publicUrl: string
  /** AGPL: where visitors get the source. TODO(release): the public repository once there is one. */
  sourceUrl: string
  streamingUrl: string
  title: string
  description: string
  contactEmail: string
  owner: AccountRow | null
  registrationMode: RegistrationMode
  maxCharacters: number
  thumbnailUrl: string
  languages: string[]
  rules: RuleRow[]
  userCount: number
  activeMonth: number
}

export async function getInstanceInfo(ctx: AppContext): Promise<InstanceInfo> {
  const { publicUrl, domain } = ctx.config
  const monthAgo = new Date(ctx.clock.now().getTime() - 30 * DAY_MS).toISOString()
  const [settings, owner, rules, userCount, activeMonth] = await Promise.all([
    getSiteSettings(ctx),
    findOwnerAccount(ctx.db),
    listRules(ctx.db),
    countUsers(ctx.db),
    countUsers(ctx.db, monthAgo),
  ])
  return {
    domain,
    publicUrl,
    sourceUrl: publicUrl,
    streamingUrl: publicUrl.replace(/^http/, 'ws'),
    title: settings.name,
    description: settings.description,
    contactEmail: settings.contact_email,
    owner: owner ?? null,
    registrationMode: settings.registration_mode,
    maxCharacters: settings.post_max_chars,
    thumbnailUrl: new URL(settings.logo_url || '/instance/thumbnail.png', publicUrl).toString(),
    languages: [...LOCALES],
    rules,
    userCount,
    activeMonth,
  }
}

/** Counts for nodeinfo: all usable accounts, and those active in the last month and half-year. */
export async function getUsageStats(ctx: AppContext) {
  const now = ctx.clock.now().getTime()
  const [settings, total, activeMonth, activeHalfyear] = await Promise.all([
    getSiteSettings(ctx),
    countUsers(ctx.db),
    countUsers(ctx.db, new Date(now - 30 * DAY_MS).toISOString()),
    countUsers(ctx.db, new Date(now - 180 * DAY_MS).toISOString()),
  ])
  return {
    name: settings.name,
    description: settings.description,
    openRegistrations: settings.registration_mode === 'open' || settings.registration_mode === 'approval',
    users: { total, activeMonth, activeHalfyear },
  }
}
