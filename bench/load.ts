// One load run, in its own process so the load generator never shares the server's CPU time
// accounting: `node bench/load.ts <spec.json>` prints autocannon's summary as JSON.
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

export type LoadRequest = {
  method: 'GET' | 'POST' | 'PUT'
  /** `{post}` is replaced by a random post id from `posts`, `{account}` by a random account id. */
  path: string
  body?: string
  weight?: number
}
export type LoadSpec = {
  url: string
  connections: number
  duration: number
  overallRate?: number
  tokens: string[]
  posts: string[]
  accounts?: string[]
  requests: LoadRequest[]
}

// The spec comes as a file: at size M its token list is larger than a command line may be.
const spec: LoadSpec = JSON.parse(readFileSync(process.argv[2]!, 'utf8'))
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!
const weights = spec.requests.map((r) => r.weight ?? 1)
const total = weights.reduce((a, b) => a + b, 0)
let counter = 0

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  overallRate: spec.overallRate,
  requests: [
    {
      setupRequest: (req: any) => {
        let x = Math.random() * total
        let chosen = spec.requests[0]!
        for (let i = 0; i < spec.requests.length; i++) {
          x -= weights[i]!
          if (x <= 0) {
            chosen = spec.requests[i]!
            break
          }
        }
        req.method = chosen.method
        req.path = chosen.path
          .replace('{post}', () => pick(spec.posts))
          .replace('{account}', () => pick(spec.accounts ?? []))
        const body = chosen.body?.replace('{n}', String(++counter)).replace('{post}', () => pick(spec.posts))
        req.headers = {
          authorization: `Bearer ${pick(spec.tokens)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        }
        req.body = body
        return req
      },
    },
  ],
})
const l = result.latency
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50_us: Math.round(l.p50 * 1000),
    p90_us: Math.round(l.p90 * 1000),
    p99_us: Math.round(l.p99 * 1000),
    max_us: Math.round(l.max * 1000),
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    requests: result.requests.total,
    bytes_avg: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  }),
)
