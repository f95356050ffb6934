import { Type } from 'typebox'
import type { AccountRow, UserRow } from '../../../db/schema.ts'

export const CurrentUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  email_confirmed: Type.Boolean(),
  two_factor_enabled: Type.Boolean(),
  locale: Type.String(),
  avatar: Type.String(),
})
export type CurrentUser = Type.Static<typeof CurrentUser>

export function presentCurrentUser(user: UserRow, account: AccountRow): CurrentUser {
  return {
    id: account.id,
    username: account.username,
    display_name: account.display_name || account.username,
    email: user.email,
    role: user.role,
    email_confirmed: user.confirmed_at !== null,
    two_factor_enabled: user.otp_enabled_at !== null,
    locale: user.locale,
    // TODO(profiles issue): uploaded avatars; until then the web client draws initials.
    avatar: '',
  }
}
