// Kith's admin command line: `npm run kith -- <command>`. See docs/cli.md.
import { text } from 'node:stream/consumers'
import { runCli } from './run.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  readStdin: () => text(process.stdin),
})
