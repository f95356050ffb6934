// Telling people what moderators decided: the affected person (what, why, which rule, how to
// appeal) and everyone who reported it (the outcome). Email now; in-app notifications arrive with
// the notifications issue and hook in here.
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { ReportRow } from '../../db/schema.ts'
import { sendMail } from '../mail/mailer.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { splitIds } from './categories.ts'

export type ModerationAction =
  | 'warn'
  | 'remove_content'
  | 'mark_sensitive'
  | 'limit'
  | 'suspend'
  | 'disable'
  | 'delete_account'
  | 'unlimit'
  | 'unsuspend'
  | 'enable'
  | 'unsensitive'
  | 'sensitive'

const WHAT: Record<ModerationAction, string> = {
  warn: 'A moderator has sent you a warning.',
  remove_content: 'A moderator has removed some of your content.',
  mark_sensitive: 'A moderator has marked some of your posts as sensitive.',
  sensitive: 'A moderator has set your media to always be marked as sensitive.',
  limit: 'A moderator has limited your account: your posts are now seen only by people who already follow you.',
  suspend: 'Your account has been suspended. You have been signed out everywhere.',
  disable: 'Your login has been disabled. You have been signed out everywhere.',
  delete_account: 'Your account has been deleted by a moderator.',
  unlimit: 'The limit on your account has been lifted.',
  unsuspend: 'Your account is no longer suspended. You can sign in again.',
  enable: 'Your login has been enabled again.',
  unsensitive: 'Your media is no longer always marked as sensitive.',
}

const APPEALABLE = new Set<ModerationAction>(['warn', 'remove_content', 'mark_sensitive', 'sensitive', 'limit'])

export async function ruleTexts(db: Db, ruleIds: string): Promise<string[]> {
  const ids = splitIds(ruleIds)
  if (ids.length === 0) return []
  const rows = await db.selectFrom('rules').select(['id', 'text']).where('id', 'in', ids).orderBy('position').execute()
  return rows.map((r) => r.text)
}

/** Emails the person a decision is about: what happened, the reason and rules, and the way to appeal. */
export async function notifyAffected(
  ctx: AppContext,
  to: { email: string; name: string },
  action: ModerationAction,
  details: { text?: string; rules?: string[]; until?: string | null; posts?: string[] } = {},
): Promise<void> {
  const settings = await getSiteSettings(ctx)
  const lines = [`Hi ${to.name},`, '', WHAT[action]]
  if (details.until) lines.push(`This lasts until ${details.until.slice(0, 16).replace('T', ' ')} UTC.`)
  if (details.posts?.length) lines.push('', 'The posts concerned:', ...details.posts.map((p) => `  ${p}`))
  if (details.text) lines.push('', `Reason: ${details.text}`)
  if (details.rules?.length) lines.push('', 'Rules concerned:', ...details.rules.map((r) => `  - ${r}`))
  if (APPEALABLE.has(action)) {
    lines.push(
      '',
      `If you think this was a mistake, you can appeal once from your account settings on ${settings.name}.`,
    )
  } else if (action === 'suspend' || action === 'disable' || action === 'delete_account') {
    const contact = settings.contact_email || settings.email_reply_to
    if (contact) lines.push('', `If you think this was a mistake, write to ${contact}.`)
  }
  await sendMail(ctx, {
    to: to.email,
    subject: `${settings.name}: a moderation decision about your account`,
    text: lines.join('\n'),
  })
  // TODO(notifications issue): also an in-app `moderation_warning` notification (Mastodon 4.3).
}

export type Outcome = 'dismissed' | 'content_removed' | 'actioned'

const OUTCOME: Record<Outcome, string> = {
  dismissed: 'We reviewed it and did not find a breach of our rules, so we took no action.',
  content_removed: 'We reviewed it and removed the content.',
  actioned: 'We reviewed it and took action against the account.',
}

/** Tells every reporter of the resolved reports what came of them (once per reporter). */
export async function notifyReporters(ctx: AppContext, reports: ReportRow[], outcome: Outcome): Promise<void> {
  const reporterIds = [...new Set(reports.map((r) => r.account_id).filter((id): id is string => !!id))]
  if (reporterIds.length === 0) return
  const settings = await getSiteSettings(ctx)
  const people = await ctx.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.email', 'accounts.username', 'accounts.display_name'])
    .where('users.account_id', 'in', reporterIds)
    .execute()
  for (const p of people) {
    await sendMail(ctx, {
      to: p.email,
      subject: `${settings.name}: the outcome of your report`,
      text: [`Hi ${p.display_name || p.username},`, '', 'Thank you for your report.', OUTCOME[outcome]].join('\n'),
    })
    // TODO(notifications issue): in-app notification to the reporter here as well.
  }
}

export async function notifySignUpRejected(ctx: AppContext, to: { email: string; name: string }): Promise<void> {
  const settings = await getSiteSettings(ctx)
  await sendMail(ctx, {
    to: to.email,
    subject: `${settings.name}: your sign-up`,
    text: [
      `Hi ${to.name},`,
      '',
      `Your request to join ${settings.name} was not approved, and the account has been removed.`,
    ].join('\n'),
  })
}
