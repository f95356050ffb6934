// Account rows → Mastodon Account entities (https://docs.joinmastodon.org/entities/Account/).
import type { Account, CredentialAccount, Role } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import type { AccountRow, Role as UserRole, UserRow } from '../../../db/schema.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { countIncoming, findViewerTies } from '../../../domain/graph/graph-store.ts'
import { profileImageUrls } from '../../../domain/profiles/profile-images.ts'
import { listFieldsByAccounts } from '../../../domain/profiles/profiles-store.ts'
import { type RenderedProfile, renderProfiles } from '../../../domain/profiles/render-profile.ts'
import { DEFAULT_AVATAR_PATH, DEFAULT_HEADER_PATH } from '../default-images.ts'

/**
 * Batched and viewer-aware, like every presenter: one query for profile fields, one for the
 * accounts mentioned in bios, and (only when some row needs it) one for the viewer's ties.
 */
export async function presentAccounts(
  ctx: AppContext,
  viewer: Viewer | null,
  rows: readonly AccountRow[],
): Promise<Account[]> {
  if (rows.length === 0) return []
  const rendered = await renderedProfiles(ctx, rows)
  const needsTies = rows.filter(
    (r) => r.id !== viewer?.account.id && (r.locked === 1 || (r.birthday && r.birthday_visibility === 'friends')),
  )
  const ties =
    viewer && needsTies.length > 0
      ? await findViewerTies(
          ctx.db,
          viewer.account.id,
          needsTies.map((r) => r.id),
        )
      : { friends: new Set<string>(), following: new Set<string>() }
  return rows.map((row) => {
    const own = row.id === viewer?.account.id
    const birthdayShown =
      own || row.birthday_visibility === 'public' || (row.birthday_visibility === 'friends' && ties.friends.has(row.id))
    return toAccount(ctx, row, {
      rendered: rendered.get(row.id)!,
      birthday: birthdayShown ? row.birthday : null,
      hideCollections: row.locked === 1 && !own && !ties.following.has(row.id),
    })
  })
}

const renderCaches = new WeakMap<AppContext, Map<string, { key: string; rendered: RenderedProfile }>>()
const RENDER_CACHE_MAX = 20_000

/**
 * Bios and fields as HTML, cached per process by (account, updated_at, bio): every profile change
 * sets updated_at in the transaction that replaces the fields. Only texts without an @ are cached,
 * because a rendered mention depends on other accounts (a suspended one is not linked).
 */
async function renderedProfiles(ctx: AppContext, rows: readonly AccountRow[]): Promise<Map<string, RenderedProfile>> {
  let cache = renderCaches.get(ctx)
  if (!cache) {
    cache = new Map()
    renderCaches.set(ctx, cache)
  }
  const out = new Map<string, RenderedProfile>()
  const keyOf = (r: AccountRow) => `${r.updated_at}\n${r.note}`
  for (const r of rows) {
    const hit = cache.get(r.id)
    if (hit && hit.key === keyOf(r)) out.set(r.id, hit.rendered)
  }
  const misses = rows.filter((r) => !out.has(r.id))
  if (misses.length === 0) return out
  const fields = await listFieldsByAccounts(
    ctx.db,
    misses.map((r) => r.id),
  )
  const fresh = await renderProfiles(ctx, misses, fields)
  for (const r of misses) {
    const rendered = fresh.get(r.id)!
    out.set(r.id, rendered)
    if (r.note.includes('@') || (fields.get(r.id) ?? []).some((f) => f.value.includes('@'))) continue
    cache.delete(r.id)
    cache.set(r.id, { key: keyOf(r), rendered })
    if (cache.size > RENDER_CACHE_MAX) cache.delete(cache.keys().next().value!)
  }
  return out
}

export async function presentAccount(ctx: AppContext, viewer: Viewer | null, row: AccountRow): Promise<Account> {
  const [account] = await presentAccounts(ctx, viewer, [row])
  return account!
}

/** The viewer's own account, with the `source` and `role` only its owner sees. */
export async function presentCredentialAccount(
  ctx: AppContext,
  viewer: Viewer,
  row: AccountRow = viewer.account,
): Promise<CredentialAccount> {
  const [account, fields, followRequests, friendRequests] = await Promise.all([
    presentAccount(ctx, viewer, row),
    listFieldsByAccounts(ctx.db, [row.id]),
    countIncoming(ctx.db, 'follow_requests', row.id),
    countIncoming(ctx.db, 'friend_requests', row.id),
  ])
  return {
    ...account,
    source: {
      note: row.note,
      fields: (fields.get(row.id) ?? []).map((f) => ({ ...f, verified_at: null })),
      // TODO(preferences issue): posting defaults are not stored yet.
      privacy: 'public',
      sensitive: false,
      language: null,
      follow_requests_count: followRequests,
      hide_collections: account.hide_collections,
      discoverable: account.discoverable,
      indexable: account.indexable,
      attribution_domains: [],
      location: row.location,
      website: row.website,
      birthday: row.birthday,
      birthday_visibility: row.birthday_visibility,
      profile_visibility: row.profile_visibility,
      friend_requests_from: row.friend_requests_from,
      friends_visibility: row.friends_visibility,
      friend_requests_count: friendRequests,
    },
    role: presentRole(viewer.user),
  }
}

function toAccount(
  ctx: AppContext,
  row: AccountRow,
  extra: { rendered: RenderedProfile; birthday: string | null; hideCollections: boolean },
): Account {
  const { publicUrl } = ctx.config
  const images = profileImageUrls(ctx, row)
  const avatar = images.avatar ?? `${publicUrl}${DEFAULT_AVATAR_PATH}`
  const header = images.header ?? `${publicUrl}${DEFAULT_HEADER_PATH}`
  return {
    id: row.id,
    username: row.username,
    acct: row.username, // local accounts only, so no @domain
    url: `${publicUrl}/@${row.username}`,
    uri: `${publicUrl}/users/${row.username}`,
    display_name: row.display_name || row.username,
    note: extra.rendered.note,
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    locked: row.locked === 1,
    fields: extra.rendered.fields.map((f) => ({ ...f, verified_at: null })),
    emojis: [],
    bot: row.bot === 1,
    group: false,
    discoverable: row.discoverable === 1,
    indexable: row.discoverable === 1,
    noindex: row.discoverable !== 1,
    hide_collections: extra.hideCollections,
    ...(row.suspended_at ? { suspended: true } : {}),
    // Mastodon rounds to midnight UTC so the exact sign-up time is not revealed (3.4.0).
    created_at: `${row.created_at.slice(0, 10)}T00:00:00.000Z`,
    // A date without the time, as Mastodon (3.1.0) gives it.
    last_status_at: row.last_status_at ? row.last_status_at.slice(0, 10) : null,
    statuses_count: row.statuses_count,
    followers_count: row.followers_count,
    following_count: row.following_count,
    roles: [],
    friends_count: row.friends_count,
    avatar_small: images.avatarSmall ?? avatar,
    avatar_blurhash: row.avatar_blurhash,
    header_blurhash: row.header_blurhash,
    location: row.location,
    website: row.website,
    birthday: extra.birthday,
    friend_requests_from: row.friend_requests_from,
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
