// Queries for the admin user directory and the moderator's account page.
import type { Db } from '../../db/connect.ts'
import type { Dialect } from '../../db/dialect.ts'
import type { AccountRow, Role, UserRow } from '../../db/schema.ts'

export type Person = { account: AccountRow; user: UserRow | null }

export type DirectoryQuery = {
  status?: 'active' | 'pending' | 'disabled' | 'silenced' | 'limited' | 'suspended' | 'sensitized' | 'new' | 'reported'
  role?: Role | 'staff'
  roleId?: string
  username?: string
  displayName?: string
  email?: string
  emailDomain?: string
  ip?: string
  /** For status `new`: signed up at or after this time. */
  since?: string
  maxId?: string | null
  sinceId?: string | null
  minId?: string | null
  limit: number
}

export async function listPeople(db: Db, dialect: Dialect, q: DirectoryQuery): Promise<Person[]> {
  let query = db
    .selectFrom('accounts')
    .leftJoin('users', 'users.account_id', 'accounts.id')
    .selectAll('accounts')
    .select(['users.id as u_id', 'users.email as u_email', 'users.role as u_role'])
  const s = q.status
  if (s === 'active') {
    query = query
      .where('accounts.suspended_at', 'is', null)
      .where('users.approved', '=', 1)
      .where('users.disabled_at', 'is', null)
  }
  if (s === 'pending') query = query.where('users.approved', '=', 0)
  if (s === 'disabled') query = query.where('users.disabled_at', 'is not', null)
  if (s === 'silenced' || s === 'limited') query = query.where('accounts.limited_at', 'is not', null)
  if (s === 'suspended') query = query.where('accounts.suspended_at', 'is not', null)
  if (s === 'sensitized') query = query.where('accounts.sensitized_at', 'is not', null)
  if (s === 'new' && q.since) query = query.where('accounts.created_at', '>=', q.since)
  if (s === 'reported') {
    query = query.where('accounts.id', 'in', (eb) =>
      eb
        .selectFrom('reports')
        .select('reports.target_account_id')
        .where('reports.action_taken_at', 'is', null)
        .$castTo<string>(),
    )
  }
  if (q.role === 'staff') query = query.where('users.role', 'in', ['owner', 'admin', 'moderator'])
  else if (q.role) query = query.where('users.role', '=', q.role)
  if (q.roleId) {
    query = ['owner', 'admin', 'moderator'].includes(q.roleId)
      ? query.where('users.role', '=', q.roleId as Role)
      : query.where('users.custom_role_id', '=', q.roleId)
  }
  if (q.username) query = query.where(dialect.contains('accounts.username', q.username))
  if (q.displayName) query = query.where(dialect.contains('accounts.display_name', q.displayName))
  if (q.email) query = query.where(dialect.contains('users.email_lower', q.email.toLowerCase()))
  if (q.emailDomain) {
    const d = q.emailDomain.toLowerCase().replace(/^@/, '')
    query = query.where((eb) =>
      eb.or([
        eb('users.email_lower', 'like', `%@${d.replace(/[\\%_]/g, '')}`),
        eb('users.email_lower', 'like', `%.${d.replace(/[\\%_]/g, '')}`),
      ]),
    )
  }
  if (q.ip) {
    const ip = q.ip
    query = query.where((eb) =>
      eb.or([
        eb('users.sign_up_ip', '=', ip),
        eb('users.id', 'in', eb.selectFrom('sessions').select('sessions.user_id').where('sessions.ip', '=', ip)),
      ]),
    )
  }
  if (q.maxId) query = query.where('accounts.id', '<', q.maxId)
  if (q.sinceId) query = query.where('accounts.id', '>', q.sinceId)
  const rows = q.minId
    ? (await query.where('accounts.id', '>', q.minId).orderBy('accounts.id', 'asc').limit(q.limit).execute()).reverse()
    : await query.orderBy('accounts.id', 'desc').limit(q.limit).execute()
  const userIds = rows.map((r) => r.u_id).filter((id): id is string => !!id)
  const users = userIds.length ? await db.selectFrom('users').selectAll().where('id', 'in', userIds).execute() : []
  const byId = new Map(users.map((u) => [u.id, u]))
  return rows.map(({ u_id, u_email: _e, u_role: _r, ...account }) => ({
    account,
    user: u_id ? (byId.get(u_id) ?? null) : null,
  }))
}

export async function findPerson(db: Db, accountId: string): Promise<Person | undefined> {
  if (!/^\d{1,20}$/.test(accountId)) return undefined
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst()
  if (!account) return undefined
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', account.id).executeTakeFirst()
  return { account, user: user ?? null }
}

/** Sign-in IPs per user, newest use first: sessions' IPs plus the sign-up IP. */
export async function listUserIps(db: Db, userIds: string[]): Promise<Map<string, { ip: string; used_at: string }[]>> {
  const out = new Map<string, { ip: string; used_at: string }[]>()
  if (userIds.length === 0) return out
  const rows = await db
    .selectFrom('sessions')
    .select((eb) => ['user_id', 'ip', eb.fn.max('last_seen_at').as('used_at')])
    .where('user_id', 'in', userIds)
    .where('ip', 'is not', null)
    .groupBy(['user_id', 'ip'])
    .execute()
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), { ip: r.ip!, used_at: String(r.used_at) }])
  for (const list of out.values()) list.sort((a, b) => (a.used_at < b.used_at ? 1 : -1))
  return out
}
