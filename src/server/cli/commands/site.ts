// `kith migrate` and `kith setup`.
import type { Config } from '../../config.ts'
import { migrateToLatest } from '../../db/connect.ts'
import { completeSetup } from '../../domain/site/setup.ts'
import { REGISTRATION_MODES, type RegistrationMode } from '../../domain/site/site-settings.ts'
import type { Command } from '../args.ts'

export const migrate: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations and list them. The server also migrates when it starts.',
  options: {},
  autoMigrate: false,
  async run(ctx, _args, io) {
    io.out(`Database: ${describeDatabase(ctx.config)}`)
    const applied = await migrateToLatest(ctx.db)
    if (applied.length === 0) {
      io.out('The database is up to date; no migration was pending.')
      return
    }
    io.out(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`)
    for (const name of applied) io.out(`  ${name}`)
  },
}

export const setup: Command = {
  path: ['setup'],
  summary: 'Name the site and create its owner, as the setup wizard does on first visit. Works once.',
  options: {
    'site-name': { type: 'string', value: 'NAME', required: true, description: 'Site name (at most 60 characters)' },
    'owner-username': { type: 'string', value: 'NAME', required: true, description: "The owner's username" },
    'owner-email': { type: 'string', value: 'ADDRESS', required: true, description: "The owner's email address" },
    'owner-password': {
      type: 'string',
      value: 'PASSWORD',
      required: true,
      stdin: true,
      description: "The owner's password; - reads it from standard input",
    },
    registration: {
      type: 'string',
      value: 'MODE',
      required: true,
      choices: REGISTRATION_MODES,
      description: `Who may sign up: ${REGISTRATION_MODES.join(', ')}`,
    },
    description: { type: 'string', value: 'TEXT', description: 'A short description (at most 500 characters)' },
  },
  async run(ctx, args, io) {
    const { account, user } = await completeSetup(ctx, {
      siteName: args.string('site-name'),
      description: args.optional('description') ?? '',
      registrationMode: args.string('registration') as RegistrationMode,
      username: args.string('owner-username'),
      email: args.string('owner-email'),
      password: args.string('owner-password'),
    })
    io.out(`Site "${args.string('site-name').trim()}" is set up; registration is ${args.string('registration')}.`)
    io.out(`Owner: @${account.username} <${user.email}>. Sign in at ${ctx.config.publicUrl}/auth/sign_in`)
  },
}

/** Where the database is, without the password of a PostgreSQL URL. */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'sqlite') return `SQLite ${config.database.url.replace(/^file:/, '')}`
  const url = new URL(config.database.url)
  if (url.password) url.password = '***'
  return `PostgreSQL ${url.toString()}`
}
