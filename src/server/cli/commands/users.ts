// `kith user …`: create, role, reset-password, confirm-email, approve.
import type { Role } from '../../db/schema.ts'
import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  approveUser,
  changeUserRole,
  confirmUserEmail,
  createUserAsOperator,
  ROLES,
  resetUserPassword,
} from '../../domain/accounts/manage-users.ts'
import { type Command, type OptionSpec, PROGRAM, UsageError } from '../args.ts'

const username: OptionSpec = { type: 'string', value: 'NAME', required: true, description: 'The username' }

export const userCreate: Command = {
  path: ['user', 'create'],
  summary: 'Create an account. It is approved, and its email counts as confirmed unless --unconfirmed.',
  details:
    'An operator vouches for the address, so no confirmation email is sent. With --unconfirmed the\n' +
    'person must confirm it first (the sign-in page offers to resend the confirmation email).',
  options: {
    username: { ...username, description: 'Letters, digits and _ (reserved names such as admin are allowed here)' },
    email: { type: 'string', value: 'ADDRESS', required: true, description: 'Email address' },
    password: {
      type: 'string',
      value: 'PASSWORD',
      required: true,
      stdin: true,
      description: 'Password; - reads it from standard input',
    },
    role: { type: 'string', value: 'ROLE', choices: ROLES, description: `${ROLES.join(', ')} (default: user)` },
    confirmed: { type: 'boolean', description: 'Mark the email as confirmed (the default)' },
    unconfirmed: { type: 'boolean', description: 'Leave the email unconfirmed until the person confirms it' },
  },
  async run(ctx, args, io) {
    if (args.flag('confirmed') && args.flag('unconfirmed')) {
      throw new UsageError('Use either --confirmed or --unconfirmed, not both')
    }
    const { account, user } = await createUserAsOperator(ctx, {
      username: args.string('username'),
      email: args.string('email'),
      password: args.string('password'),
      role: (args.optional('role') ?? 'user') as Role,
      confirmed: !args.flag('unconfirmed'),
    })
    io.out(
      `Created @${account.username} <${user.email}> with role ${user.role}; ` +
        (user.confirmed_at ? 'email confirmed.' : 'email not yet confirmed.'),
    )
  },
}

export const userRole: Command = {
  path: ['user', 'role'],
  summary: "Change someone's role. The last owner cannot be demoted.",
  options: {
    username,
    role: {
      type: 'string',
      value: 'ROLE',
      required: true,
      choices: ASSIGNABLE_ROLES,
      description: ASSIGNABLE_ROLES.join(', '),
    },
  },
  async run(ctx, args, io) {
    const { account, user, previousRole } = await changeUserRole(
      ctx,
      args.string('username'),
      args.string('role') as AssignableRole,
    )
    io.out(
      previousRole === user.role
        ? `@${account.username} is already ${user.role}; nothing changed.`
        : `@${account.username} is now ${user.role} (was ${previousRole}).`,
    )
  },
}

export const userResetPassword: Command = {
  path: ['user', 'reset-password'],
  summary: 'Set a new password and sign the person out everywhere (sessions and app tokens).',
  details: 'Without --password a strong password is generated and printed once.',
  options: {
    username,
    password: {
      type: 'string',
      value: 'PASSWORD',
      stdin: true,
      description: 'The new password; - reads it from standard input',
    },
  },
  async run(ctx, args, io) {
    const { account, password, generated } = await resetUserPassword(
      ctx,
      args.string('username'),
      args.optional('password'),
    )
    io.out(`Password of @${account.username} changed; every session ended and every app token was revoked.`)
    if (generated) {
      io.out('New password (shown only this once):')
      io.out(`  ${password}`)
    }
  },
}

export const userConfirmEmail: Command = {
  path: ['user', 'confirm-email'],
  summary: "Mark someone's email address as confirmed, without the confirmation email.",
  options: { username },
  async run(ctx, args, io) {
    const { account, user, changed } = await confirmUserEmail(ctx, args.string('username'))
    io.out(
      changed
        ? `Confirmed <${user.email}> for @${account.username}.`
        : `<${user.email}> of @${account.username} was already confirmed.`,
    )
    if (!user.approved)
      io.out(`@${account.username} still awaits approval: ${PROGRAM} user approve --username ${account.username}`)
  },
}

export const userApprove: Command = {
  path: ['user', 'approve'],
  summary: 'Approve an account that signed up while the site required approval.',
  options: { username },
  async run(ctx, args, io) {
    const { account, user, changed } = await approveUser(ctx, args.string('username'))
    io.out(changed ? `Approved @${account.username}.` : `@${account.username} was already approved.`)
    if (!user.confirmed_at) io.out(`They can sign in once they confirm <${user.email}>.`)
  },
}
