import type { Command } from '../args.ts'
import { inviteCreate } from './invites.ts'
import { migrate, setup } from './site.ts'
import { userApprove, userConfirmEmail, userCreate, userResetPassword, userRole } from './users.ts'

/** Every command, in the order `kith help` lists them. */
export const commands: Command[] = [
  migrate,
  setup,
  userCreate,
  userRole,
  userResetPassword,
  userConfirmEmail,
  userApprove,
  inviteCreate,
]
