// Site settings changed by admins: validated field by field, recorded in the audit log, live
// within the settings cache's two seconds.
import type { AppContext } from '../../context.ts'
import { validationError } from '../../errors.ts'
import { sendMail } from '../mail/mailer.ts'
import { processImage } from '../media/images.ts'
import { deleteMedia, putMedia } from '../media/storage.ts'
import {
  getSiteSettings,
  LOCALES,
  RATE_LIMITED_ACTIONS,
  REGISTRATION_MODES,
  type SiteSettings,
  updateSiteSettings,
} from '../site/site-settings.ts'
import { type Actor, recordAudit } from './audit.ts'
import { PAGE_MAX_LENGTH } from './pages.ts'

/** The settings an admin may change here (setup_completed_at and the image URLs are not among them). */
export type SettingsChanges = Partial<Omit<SiteSettings, 'setup_completed_at' | 'logo_url' | 'favicon_url'>>

const COLOR_RE = /^#[0-9a-fA-F]{6}$/
const EMAIL_RE = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/
// Names and one-line texts: no markup characters, no control characters (and so no header injection).
const PLAIN_LINE_RE = /^[^<>\p{Cc}]*$/u

function checkChanges(c: SettingsChanges): Record<string, string> {
  const bad: Record<string, string> = {}
  const line = (key: keyof SettingsChanges, value: string | undefined, max: number, min = 0) => {
    if (value === undefined) return
    if (value.trim().length < min) bad[key] = `${key} can't be blank`
    else if (value.length > max) bad[key] = `${key} must be at most ${max} characters`
    else if (!PLAIN_LINE_RE.test(value)) bad[key] = `${key} must be plain text on one line (no < or >)`
  }
  line('name', c.name, 60, 1)
  line('email_from_name', c.email_from_name, 60)
  if (c.description !== undefined) {
    if (c.description.length > 500) bad.description = 'description must be at most 500 characters'
    else if (/[<>]/.test(c.description)) bad.description = 'description must be plain text (no < or >)'
  }
  if (c.approval_prompt !== undefined && c.approval_prompt.length > 1000) {
    bad.approval_prompt = 'approval_prompt must be at most 1000 characters'
  }
  if (c.email_footer !== undefined && c.email_footer.length > 1000) bad.email_footer = 'email_footer is too long'
  if (c.brand_color !== undefined && !COLOR_RE.test(c.brand_color)) bad.brand_color = 'brand_color must be #RRGGBB'
  if (c.default_theme !== undefined && !['system', 'light', 'dark'].includes(c.default_theme)) {
    bad.default_theme = 'default_theme must be system, light or dark'
  }
  if (c.default_locale !== undefined && !LOCALES.includes(c.default_locale)) {
    bad.default_locale = `default_locale must be one of ${LOCALES.join(', ')}`
  }
  if (c.registration_mode !== undefined && !REGISTRATION_MODES.includes(c.registration_mode)) {
    bad.registration_mode = `registration_mode must be one of ${REGISTRATION_MODES.join(', ')}`
  }
  if (c.invites_allowed !== undefined && !['everyone', 'moderators', 'admins'].includes(c.invites_allowed)) {
    bad.invites_allowed = 'invites_allowed must be everyone, moderators or admins'
  }
  for (const key of ['contact_email', 'email_reply_to'] as const) {
    const v = c[key]
    if (v !== undefined && v !== '' && !(v.length <= 254 && EMAIL_RE.test(v)))
      bad[key] = `${key} must be an email address`
  }
  for (const slug of ['about', 'terms', 'privacy'] as const) {
    const v = c[`page_${slug}`]
    if (v !== undefined && v.length > PAGE_MAX_LENGTH) bad[`page_${slug}`] = `The page is too long`
  }
  const int = (
    key: keyof SettingsChanges,
    v: number | null | undefined,
    min: number,
    max: number,
    nullable = false,
  ) => {
    if (v === undefined || (v === null && nullable)) return
    if (v === null || !Number.isInteger(v) || v < min || v > max)
      bad[key] = `${key} must be a whole number from ${min} to ${max}`
  }
  int('post_max_chars', c.post_max_chars, 100, 100_000)
  int('media_max_attachments', c.media_max_attachments, 0, 10)
  int('media_max_image_mb', c.media_max_image_mb, 1, 100)
  int('media_description_limit', c.media_description_limit, 0, 10_000)
  int('invite_max_uses_default', c.invite_max_uses_default, 1, 10_000, true)
  int('invite_expiry_days_default', c.invite_expiry_days_default, 1, 3650, true)
  if (c.rate_limits !== undefined) {
    for (const [action, limit] of Object.entries(c.rate_limits)) {
      if (!(RATE_LIMITED_ACTIONS as readonly string[]).includes(action)) bad.rate_limits = `Unknown action ${action}`
      else if (
        !Number.isInteger(limit?.max) ||
        limit.max < 1 ||
        limit.max > 1_000_000 ||
        !Number.isInteger(limit.window_s) ||
        limit.window_s < 1 ||
        limit.window_s > 30 * 86_400
      ) {
        bad.rate_limits = `${action}: max 1–1000000 and window_s 1–2592000 (whole numbers)`
      }
    }
  }
  return bad
}

export async function changeSettings(ctx: AppContext, actor: Actor, changes: SettingsChanges): Promise<SiteSettings> {
  const bad = checkChanges(changes)
  if (Object.keys(bad).length > 0) throw validationError(bad)
  const before = await getSiteSettings(ctx)
  const next: SettingsChanges = { ...changes }
  if (next.name !== undefined) next.name = next.name.trim()
  if (next.brand_color !== undefined) next.brand_color = next.brand_color.toLowerCase()
  if (next.rate_limits) next.rate_limits = { ...before.rate_limits, ...next.rate_limits }
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof SiteSettings])),
  )
  if (Object.keys(changed).length === 0) return before
  await ctx.db.transaction().execute(async (trx) => {
    await updateSiteSettings(ctx, trx, changed)
    const old = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof SiteSettings]]))
    await recordAudit(ctx, trx, actor, {
      action: 'settings.update',
      target: { type: 'settings', id: 'site', label: Object.keys(changed).join(', ') },
      before: old,
      after: changed,
    })
  })
  return getSiteSettings(ctx)
}

const IMAGE_VARIANTS = {
  logo: [{ name: 'logo', width: 512, height: 512, fit: 'inside' as const }],
  favicon: [{ name: 'favicon', width: 64, height: 64, fit: 'cover' as const }],
}

/** Uploads the site logo or favicon through the one image pipeline; `null` removes it. */
export async function changeSiteImage(
  ctx: AppContext,
  actor: Actor,
  kind: 'logo' | 'favicon',
  data: Buffer | null,
): Promise<SiteSettings> {
  const before = await getSiteSettings(ctx)
  const key = kind === 'logo' ? 'logo_url' : 'favicon_url'
  let url: string | null = null
  if (data) {
    const image = await processImage(data, IMAGE_VARIANTS[kind])
    const v = image.variants[0]!
    url = await putMedia(ctx, `site/${kind}-${ctx.clock.now().getTime()}/${v.name}.webp`, v.data)
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateSiteSettings(ctx, trx, { [key]: url })
    await recordAudit(ctx, trx, actor, {
      action: `settings.${kind}`,
      target: { type: 'settings', id: 'site', label: kind },
      before: { [key]: before[key] },
      after: { [key]: url },
    })
  })
  const old = before[key]?.match(/\/media\/(site\/[a-z0-9_-]+)\//)?.[1]
  if (old) await deleteMedia(ctx, old).catch((err) => ctx.log.warn({ err }, 'old site image not deleted'))
  return getSiteSettings(ctx)
}

/** Queues a test message to the given address (or the admin's own) through the normal mail job. */
export async function sendTestEmail(ctx: AppContext, actor: NonNullable<Actor>, to?: string): Promise<string> {
  const address = to?.trim() || actor.viewer.user.email
  if (!EMAIL_RE.test(address) || address.length > 254) throw validationError({ to: 'to must be an email address' })
  const settings = await getSiteSettings(ctx)
  await sendMail(ctx, {
    to: address,
    subject: `Test email from ${settings.name}`,
    text: `This is a test email sent by @${actor.viewer.account.username} from the admin settings of ${settings.name}.\n\nIf you can read this, email works.`,
  })
  await recordAudit(ctx, ctx.db, actor, {
    action: 'settings.test_email',
    target: { type: 'settings', id: 'email', label: address },
  })
  return address
}
