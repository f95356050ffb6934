// Argument parsing for `kith`: node:util parseArgs in strict mode, plus required flags, allowed
// values, whole numbers and per-command help. A UsageError means exit code 2.
import { parseArgs } from 'node:util'
import type { AppContext } from '../context.ts'

export class UsageError extends Error {
  name = 'UsageError'
}

export type OptionSpec = {
  type: 'string' | 'boolean'
  description: string
  /** Placeholder shown in help, e.g. NAME. */
  value?: string
  required?: boolean
  choices?: readonly string[]
  integer?: { min: number; max: number }
  /** `-` reads the value from standard input (for passwords kept out of shell history). */
  stdin?: boolean
}

export type Io = {
  out(text: string): void
  err(text: string): void
  readStdin(): Promise<string>
}

export type Args = {
  string(name: string): string
  optional(name: string): string | undefined
  flag(name: string): boolean
  integer(name: string): number | undefined
}

export type Command = {
  /** Words that name it: ['user', 'create']. */
  path: string[]
  summary: string
  /** More help text, shown under the usage line. */
  details?: string
  options: Record<string, OptionSpec>
  /** False to open the database without migrating it first (the `migrate` command itself). */
  autoMigrate?: boolean
  run(ctx: AppContext, args: Args, io: Io): Promise<void>
}

export const PROGRAM = 'npm run kith --'

export async function parseCommandArgs(command: Command, argv: string[], io: Io): Promise<Args> {
  const spec = Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }]))
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as typeof values
  } catch (err) {
    throw new UsageError(parseErrorMessage(err))
  }
  const strings = new Map<string, string>()
  const integers = new Map<string, number>()
  const missing: string[] = []
  for (const [name, o] of Object.entries(command.options)) {
    let v = values[name]
    if (v === undefined) {
      if (o.required) missing.push(`--${name}`)
      continue
    }
    if (o.type === 'boolean') continue
    v = String(v)
    if (o.stdin && v === '-') v = (await io.readStdin()).replace(/\r?\n$/, '')
    if (o.choices && !o.choices.includes(v)) {
      throw new UsageError(`--${name} must be one of ${o.choices.join(', ')} (got "${v}")`)
    }
    if (o.integer) {
      const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN
      if (!(n >= o.integer.min && n <= o.integer.max)) {
        throw new UsageError(`--${name} must be a whole number from ${o.integer.min} to ${o.integer.max} (got "${v}")`)
      }
      integers.set(name, n)
    }
    strings.set(name, v)
  }
  if (missing.length > 0)
    throw new UsageError(`Missing required ${missing.length > 1 ? 'flags' : 'flag'}: ${missing.join(', ')}`)
  return {
    string: (name) => {
      const v = strings.get(name)
      if (v === undefined) throw new UsageError(`Missing required flag: --${name}`)
      return v
    },
    optional: (name) => strings.get(name),
    flag: (name) => values[name] === true,
    integer: (name) => integers.get(name),
  }
}

function parseErrorMessage(err: unknown): string {
  // Node's messages suggest `--` for positional arguments, which Kith's commands never take.
  return String((err as Error).message ?? err)
    .replace(/\. To specify a positional argument.*$/s, '')
    .trim()
}

export function formatCommandHelp(command: Command): string {
  const name = command.path.join(' ')
  const required = Object.entries(command.options)
    .filter(([, o]) => o.required)
    .map(([n, o]) => `--${n} ${o.value ?? 'VALUE'}`)
  const hasOptional = Object.values(command.options).some((o) => !o.required)
  const lines = [
    `Usage: ${PROGRAM} ${[name, ...required, hasOptional ? '[options]' : ''].filter(Boolean).join(' ')}`,
    '',
    command.summary,
  ]
  if (command.details) lines.push('', command.details)
  const rows = Object.entries(command.options).map(([n, o]) => {
    const left = o.type === 'boolean' ? `--${n}` : `--${n} ${o.value ?? 'VALUE'}`
    const notes = [o.required ? '(required)' : '', o.description].filter(Boolean).join(' ')
    return [left, notes] as const
  })
  rows.push(['-h, --help', 'Show this help'])
  const width = Math.max(...rows.map(([l]) => l.length)) + 2
  lines.push('', 'Options:', ...rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`))
  return lines.join('\n')
}
