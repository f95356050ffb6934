// Finds the command, parses its flags, opens the database as the server would, runs it, and
// turns the outcome into an exit code: 0 done, 1 refused (or failed), 2 bad usage or configuration.
import pino from 'pino'
import { ConfigError, loadConfig } from '../config.ts'
import { type AppContext, createContext } from '../context.ts'
import { AppError } from '../errors.ts'
import { type Command, formatCommandHelp, type Io, PROGRAM, parseCommandArgs, UsageError } from './args.ts'
import { commands } from './commands/index.ts'

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const
type Env = Record<string, string | undefined>

export async function runCli(argv: string[], io: Io, env: Env = process.env): Promise<number> {
  const words: string[] = []
  for (const a of argv) {
    if (a.startsWith('-')) break
    words.push(a)
  }
  const wantsHelp = argv.includes('--help') || argv.includes('-h')

  if (argv.length === 0) {
    io.err(formatOverview())
    return EXIT.usage
  }
  if (words.length === 0) {
    if (argv[0] === '--help' || argv[0] === '-h') {
      io.out(formatOverview())
      return EXIT.ok
    }
    io.err(`Unknown option: ${argv[0]}\nRun \`${PROGRAM} help\` to list the commands.`)
    return EXIT.usage
  }
  if (words[0] === 'help') {
    const topic = words.slice(1)
    const found = findCommand(topic)
    if (topic.length === 0) io.out(formatOverview())
    else if (found && found.rest.length === 0) io.out(formatCommandHelp(found.command))
    else return groupOrUnknown(topic, io, true)
    return EXIT.ok
  }

  const found = findCommand(words)
  if (!found) return groupOrUnknown(words, io, wantsHelp)
  const { command } = found
  const rest = argv.slice(command.path.length)
  if (wantsHelp) {
    io.out(formatCommandHelp(command))
    return EXIT.ok
  }

  let ctx: AppContext | null = null
  try {
    const args = await parseCommandArgs(command, rest, io)
    const config = loadConfig(env)
    ctx = await createContext(config, { log: pino({ level: 'warn' }), migrate: command.autoMigrate !== false })
    await command.run(ctx, args, io)
    return EXIT.ok
  } catch (err) {
    return reportError(err, command, io)
  } finally {
    await ctx?.close()
  }
}

function findCommand(words: string[]): { command: Command; rest: string[] } | undefined {
  // The longest path that prefixes the words wins.
  const matches = commands
    .filter((c) => c.path.every((w, i) => words[i] === w))
    .sort((a, b) => b.path.length - a.path.length)
  const command = matches[0]
  return command && { command, rest: words.slice(command.path.length) }
}

/** `kith user` alone lists the user commands; an unknown word is a usage error. */
function groupOrUnknown(words: string[], io: Io, wantsHelp: boolean): number {
  const group = commands.filter((c) => c.path.length > 1 && c.path[0] === words[0])
  if (group.length > 0 && (words.length === 1 || !group.some((c) => c.path[1] === words[1]))) {
    const known = words.length === 1
    const lines = [
      ...(known ? [] : [`Unknown command: ${words.join(' ')}`, '']),
      `Usage: ${PROGRAM} ${words[0]} <command> [options]`,
      '',
      'Commands:',
      ...listCommands(group),
      '',
      `Run \`${PROGRAM} ${words[0]} <command> --help\` for its options.`,
    ]
    if (known && wantsHelp) {
      io.out(lines.join('\n'))
      return EXIT.ok
    }
    io.err(lines.join('\n'))
    return EXIT.usage
  }
  io.err(`Unknown command: ${words.join(' ')}\nRun \`${PROGRAM} help\` to list the commands.`)
  return EXIT.usage
}

function listCommands(list: Command[]): string[] {
  const width = Math.max(...list.map((c) => c.path.join(' ').length)) + 2
  return list.map((c) => `  ${c.path.join(' ').padEnd(width)}${c.summary.split('. ')[0]!.replace(/\.$/, '')}`)
}

function formatOverview(): string {
  return [
    'Kith admin command line',
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...listCommands(commands),
    `  ${'help [command]'.padEnd(Math.max(...commands.map((c) => c.path.join(' ').length)) + 2)}Show help`,
    '',
    `Run \`${PROGRAM} <command> --help\` for a command's options.`,
    'It reads the same environment as the server: DATABASE_URL, DATA_DIR, PUBLIC_URL and the rest.',
    'Exit codes: 0 done, 1 refused or failed, 2 bad usage or configuration.',
  ].join('\n')
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '3D000', '28P01', '28000'])

function reportError(err: unknown, command: Command, io: Io): number {
  if (err instanceof UsageError) {
    io.err(`${err.message}\nRun \`${PROGRAM} ${command.path.join(' ')} --help\` for its options.`)
    return EXIT.usage
  }
  if (err instanceof ConfigError) {
    io.err(`Configuration error: ${err.message}`)
    return EXIT.usage
  }
  if (err instanceof AppError) {
    const details = Object.entries(err.details ?? {})
    if (details.length === 0) io.err(`Error: ${err.message}`)
    else io.err(['Error: validation failed', ...details.map(([field, msg]) => `  ${field}: ${msg}`)].join('\n'))
    return EXIT.refused
  }
  const e = err as { code?: string; errors?: { code?: string }[]; message?: string }
  const code = e.code ?? e.errors?.[0]?.code
  if (code && CONNECTION_CODES.has(code)) {
    io.err(`Error: cannot open the database (${code}): ${e.message || e.errors?.[0]}`)
    return EXIT.refused
  }
  io.err(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  return EXIT.refused
}
