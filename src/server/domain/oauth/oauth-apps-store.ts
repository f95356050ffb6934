import type { Db } from '../../db/connect.ts'
import type { OauthAppRow } from '../../db/schema.ts'

export async function insertApp(db: Db, row: OauthAppRow): Promise<void> {
  await db.insertInto('oauth_apps').values(row).execute()
}

export async function findAppByClientId(db: Db, clientId: string): Promise<OauthAppRow | undefined> {
  return db.selectFrom('oauth_apps').selectAll().where('client_id', '=', clientId).executeTakeFirst()
}

export async function findAppById(db: Db, id: string): Promise<OauthAppRow | undefined> {
  return db.selectFrom('oauth_apps').selectAll().where('id', '=', id).executeTakeFirst()
}
