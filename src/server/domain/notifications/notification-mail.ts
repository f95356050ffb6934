// Email for notifications, always from a background job: one message per notification for kinds set
// to `email`, and a daily digest of what is still unread for people who chose one.
import i18next from 'i18next'
import type { AppContext } from '../../context.ts'
import type { NotificationRow } from '../../db/schema.ts'
import { sendMail } from '../mail/mailer.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import {
  claimDigestSlot,
  findDigest,
  findNotificationsMarker,
  findPreference,
  finishDigest,
  markEmailed,
  notificationsQuery,
} from './notifications-store.ts'
import { NOTIFICATION_KINDS } from './types.ts'

const DAY_MS = 24 * 3600 * 1000
const DIGEST_MAX_LINES = 20

const en = {
  mention: '{{name}} mentioned you',
  'kith:comment': '{{name}} commented on your post',
  'kith:reply': '{{name}} replied to your comment',
  'kith:reaction': '{{name}} reacted to your post',
  reblog: '{{name}} shared your post',
  quote: '{{name}} quoted your post',
  follow: '{{name}} followed you',
  follow_request: '{{name}} asked to follow you',
  'kith:friend_request': '{{name}} sent you a friend request',
  'kith:friend_accepted': '{{name}} accepted your friend request',
  poll: 'A poll you took part in has ended',
  update: '{{name}} edited a post you interacted with',
  moderation_warning: 'You have a message from the moderators of {{site}}',
  greeting: 'Hi {{name}},',
  open: 'See it on {{site}}:',
  settings: 'Choose which emails you get: {{url}}',
  digest_subject: 'What you missed on {{site}}',
  digest_intro: 'Here is what happened on {{site}} since your last visit:',
  digest_more: '…and more.',
}
const ar: typeof en = {
  mention: 'أشار إليك {{name}}',
  'kith:comment': 'علّق {{name}} على منشورك',
  'kith:reply': 'ردّ {{name}} على تعليقك',
  'kith:reaction': 'تفاعل {{name}} مع منشورك',
  reblog: 'شارك {{name}} منشورك',
  quote: 'اقتبس {{name}} منشورك',
  follow: 'بدأ {{name}} بمتابعتك',
  follow_request: 'طلب {{name}} متابعتك',
  'kith:friend_request': 'أرسل إليك {{name}} طلب صداقة',
  'kith:friend_accepted': 'قبل {{name}} طلب صداقتك',
  poll: 'انتهى استطلاع شاركت فيه',
  update: 'عدّل {{name}} منشورًا تفاعلت معه',
  moderation_warning: 'لديك رسالة من مشرفي {{site}}',
  greeting: 'مرحبًا {{name}}،',
  open: 'اطّلع عليه في {{site}}:',
  settings: 'اختر الرسائل التي تصلك: {{url}}',
  digest_subject: 'ما فاتك في {{site}}',
  digest_intro: 'إليك ما جرى في {{site}} منذ زيارتك الأخيرة:',
  digest_more: '…وغيرها.',
}
const i18n = i18next.createInstance()
await i18n.init({
  resources: { en: { n: en }, ar: { n: ar } },
  fallbackLng: 'en',
  defaultNS: 'n',
  // Kinds such as `kith:comment` are keys, not namespace:key.
  nsSeparator: false,
  interpolation: { escapeValue: false },
})

async function findRecipient(ctx: AppContext, accountId: string) {
  return ctx.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.email', 'users.locale', 'users.confirmed_at', 'accounts.display_name', 'accounts.username'])
    .where('users.account_id', '=', accountId)
    .executeTakeFirst()
}

async function describe(ctx: AppContext, rows: NotificationRow[], locale: string, site: string): Promise<string[]> {
  const t = i18n.getFixedT(locale)
  const senders = rows.length
    ? await ctx.db
        .selectFrom('accounts')
        .select(['id', 'display_name', 'username'])
        .where('id', 'in', [...new Set(rows.map((r) => r.from_account_id))])
        .execute()
    : []
  const names = new Map(senders.map((s) => [s.id, s.display_name || `@${s.username}`]))
  return rows.map((r) => t(r.type, { name: names.get(r.from_account_id) ?? '', site }))
}

/** One email for one notification (the kind's preference is `email`). */
export async function queueNotificationEmail(ctx: AppContext, row: NotificationRow): Promise<void> {
  const to = await findRecipient(ctx, row.account_id)
  if (!to?.confirmed_at) return
  const site = (await getSiteSettings(ctx)).name
  const t = i18n.getFixedT(to.locale)
  const [line] = await describe(ctx, [row], to.locale, site)
  const post = row.post_id
    ? await ctx.db.selectFrom('posts').select('text').where('id', '=', row.post_id).executeTakeFirst()
    : undefined
  const excerpt = post?.text ? `\n“${[...post.text].slice(0, 200).join('')}”\n` : ''
  const text = [
    t('greeting', { name: to.display_name || to.username }),
    '',
    `${line}.`,
    excerpt,
    t('open', { site }),
    `${ctx.config.publicUrl}/notifications`,
    '',
    t('settings', { url: `${ctx.config.publicUrl}/settings/notifications` }),
  ].join('\n')
  await sendMail(ctx, { to: to.email, subject: `${line} · ${site}`, text })
  await markEmailed(ctx.db, [row.id], ctx.clock.now().toISOString())
}

/** Called for each new in-app notification: makes sure a digest is coming, if the person wants one. */
export async function scheduleDigest(ctx: AppContext, accountId: string): Promise<void> {
  if ((await findPreference(ctx.db, accountId, 'email_digest')) !== 'daily') return
  const now = ctx.clock.now().getTime()
  const last = (await findDigest(ctx.db, accountId))?.last_sent_at
  const at = Math.max(now + 60_000, last ? Date.parse(last) + DAY_MS : now + DAY_MS)
  if (await claimDigestSlot(ctx.db, accountId, new Date(at).toISOString())) {
    await ctx.jobs.enqueue('sendNotificationDigest', { accountId }, { delayMs: at - now })
  }
}

/** The job: what is unread, not yet emailed and newer than the last digest, in one message. */
export async function sendNotificationDigest(ctx: AppContext, job: { accountId: string }): Promise<void> {
  const { accountId } = job
  const nowIso = ctx.clock.now().toISOString()
  const digest = await findDigest(ctx.db, accountId)
  const to = await findRecipient(ctx, accountId)
  if (!digest || !to?.confirmed_at || (await findPreference(ctx.db, accountId, 'email_digest')) !== 'daily') {
    await finishDigest(ctx.db, accountId, null)
    return
  }
  const marker = await findNotificationsMarker(ctx.db, accountId)
  const rows = await notificationsQuery(ctx.db, { recipientId: accountId, nowIso, kinds: NOTIFICATION_KINDS })
    .$if(marker !== null, (q) => q.where('notifications.id', '>', marker!))
    .$if(digest.last_sent_at !== null, (q) => q.where('notifications.created_at', '>', digest.last_sent_at!))
    .where('notifications.emailed_at', 'is', null)
    .orderBy('notifications.id', 'desc')
    .limit(DIGEST_MAX_LINES + 1)
    .execute()
  if (rows.length === 0) {
    await finishDigest(ctx.db, accountId, null)
    return
  }
  const site = (await getSiteSettings(ctx)).name
  const t = i18n.getFixedT(to.locale)
  const lines = await describe(ctx, rows.slice(0, DIGEST_MAX_LINES), to.locale, site)
  const text = [
    t('greeting', { name: to.display_name || to.username }),
    '',
    t('digest_intro', { site }),
    '',
    ...lines.map((l) => `• ${l}`),
    ...(rows.length > DIGEST_MAX_LINES ? [t('digest_more')] : []),
    '',
    t('open', { site }),
    `${ctx.config.publicUrl}/notifications`,
    '',
    t('settings', { url: `${ctx.config.publicUrl}/settings/notifications` }),
  ].join('\n')
  await sendMail(ctx, { to: to.email, subject: t('digest_subject', { site }), text })
  await finishDigest(ctx.db, accountId, nowIso)
}
