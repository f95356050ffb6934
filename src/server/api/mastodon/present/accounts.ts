// Account rows → Mastodon Account entities (https://docs.joinmastodon.org/entities/Account/).
import type { Account, CredentialAccount, Role } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import type { AccountRow, Role as UserRole, UserRow } from '../../../db/schema.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { DEFAULT_AVATAR_PATH, DEFAULT_HEADER_PATH } from '../default-images.ts'

/** Batched and viewer-aware, like every presenter. */
export async function presentAccounts(
  ctx: AppContext,
  _viewer: Viewer | null,
  rows: readonly AccountRow[],
): Promise<Account[]> {
  // TODO(profiles issue): profile fields from account_fields (one query for the whole list) and
  // uploaded avatars/headers, once their store and media URLs exist.
  return rows.map((row) => toAccount(ctx, row))
}

export async function presentAccount(ctx: AppContext, viewer: Viewer | null, row: AccountRow): Promise<Account> {
  const [account] = await presentAccounts(ctx, viewer, [row])
  return account!
}

/** The viewer's own account, with the `source` and `role` only its owner sees. */
export async function presentCredentialAccount(ctx: AppContext, viewer: Viewer): Promise<CredentialAccount> {
  const account = await presentAccount(ctx, viewer, viewer.account)
  return {
    ...account,
    source: {
      note: viewer.account.note,
      fields: [],
      // TODO(preferences issue): posting defaults are not stored yet.
      privacy: 'public',
      sensitive: false,
      language: null,
      follow_requests_count: 0,
      hide_collections: account.hide_collections,
      discoverable: account.discoverable,
      indexable: account.indexable,
      attribution_domains: [],
    },
    role: presentRole(viewer.user),
  }
}

function toAccount(ctx: AppContext, row: AccountRow): Account {
  const { publicUrl } = ctx.config
  const avatar = `${publicUrl}${DEFAULT_AVATAR_PATH}`
  const header = `${publicUrl}${DEFAULT_HEADER_PATH}`
  return {
    id: row.id,
    username: row.username,
    acct: row.username, // local accounts only, so no @domain
    url: `${publicUrl}/@${row.username}`,
    uri: `${publicUrl}/users/${row.username}`,
    display_name: row.display_name || row.username,
    note: noteToHtml(row.note),
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    locked: row.locked === 1,
    fields: [],
    emojis: [],
    bot: row.bot === 1,
    group: false,
    discoverable: row.discoverable === 1,
    indexable: row.discoverable === 1,
    noindex: row.discoverable !== 1,
    hide_collections: false,
    ...(row.suspended_at ? { suspended: true } : {}),
    // Mastodon rounds to midnight UTC so the exact sign-up time is not revealed (3.4.0).
    created_at: `${row.created_at.slice(0, 10)}T00:00:00.000Z`,
    // A date without the time, as Mastodon (3.1.0) gives it.
    last_status_at: row.last_status_at ? row.last_status_at.slice(0, 10) : null,
    statuses_count: row.statuses_count,
    followers_count: row.followers_count,
    following_count: row.following_count,
    roles: [],
  }
}

/** A plain-text bio as Mastodon renders one: paragraphs on blank lines, <br /> on single newlines. */
export function noteToHtml(note: string): string {
  const text = note.replace(/\r\n?/g, '\n').trim()
  if (!text) return ''
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`)
    .join('')
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

// Mastodon's UserRole permission bits (app/models/user_role.rb), for clients that show admin tools.
const P = {
  administrator: 1 << 0,
  view_audit_log: 1 << 2,
  view_dashboard: 1 << 3,
  manage_reports: 1 << 4,
  manage_federation: 1 << 5,
  manage_settings: 1 << 6,
  manage_blocks: 1 << 7,
  manage_taxonomies: 1 << 8,
  manage_appeals: 1 << 9,
  manage_users: 1 << 10,
  manage_invites: 1 << 11,
  manage_rules: 1 << 12,
  manage_announcements: 1 << 13,
  manage_custom_emojis: 1 << 14,
  invite_users: 1 << 16,
  manage_roles: 1 << 17,
  manage_user_access: 1 << 18,
  delete_user_data: 1 << 19,
}
const MODERATOR =
  P.invite_users | P.view_dashboard | P.view_audit_log | P.manage_users | P.manage_reports | P.manage_taxonomies
const ADMIN =
  MODERATOR |
  P.manage_federation |
  P.manage_settings |
  P.manage_blocks |
  P.manage_appeals |
  P.manage_invites |
  P.manage_rules |
  P.manage_announcements |
  P.manage_custom_emojis |
  P.manage_roles |
  P.manage_user_access |
  P.delete_user_data

// Mastodon's built-in role ids: everyone is -99, then Moderator 1, Admin 2, Owner 3.
const ROLES: Record<UserRole, Role> = {
  user: { id: '-99', name: '', color: '', permissions: String(P.invite_users), highlighted: false },
  moderator: { id: '1', name: 'Moderator', color: '', permissions: String(MODERATOR), highlighted: true },
  admin: { id: '2', name: 'Admin', color: '', permissions: String(ADMIN), highlighted: true },
  owner: { id: '3', name: 'Owner', color: '', permissions: String(P.administrator), highlighted: true },
}

export function presentRole(user: Pick<UserRow, 'role'>): Role {
  return ROLES[user.role] ?? ROLES.user
}
