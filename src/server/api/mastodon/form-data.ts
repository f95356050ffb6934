// Mastodon accepts form data wherever it accepts JSON, and some clients send multipart/form-data
// (masto.js registers accounts that way, Mastodon's docs use `curl -F`). This parses a multipart
// body of plain fields, within one encapsulated scope; file uploads have their own routes.
import type { FastifyRequest } from 'fastify'
import type { Api } from '../types.ts'

const FIELDS_BODY_LIMIT = 64 * 1024

export function acceptFormFields(scope: Api): void {
  // Replaces, in this scope only, any app-wide multipart parser (which would stream files instead).
  if (scope.hasContentTypeParser('multipart/form-data')) scope.removeContentTypeParser('multipart/form-data')
  scope.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: FIELDS_BODY_LIMIT },
    async (req: FastifyRequest, body: Buffer) => {
      let form: FormData
      try {
        form = await new Response(new Uint8Array(body), {
          headers: { 'content-type': String(req.headers['content-type']) },
        }).formData()
      } catch {
        throw badRequest('The multipart/form-data body is malformed')
      }
      return formToObject(form)
    },
  )
}

/** `a=1&a=2` and `a[]=1` or `a[0]=1` become arrays, as Rails reads them. */
function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, string | string[]> = {}
  for (const [rawKey, value] of form.entries()) {
    if (typeof value !== 'string') throw badRequest('File uploads are not accepted by this endpoint')
    const m = rawKey.match(/^(.+?)\[\d*\]$/)
    const key = m ? m[1]! : rawKey
    const prev = out[key]
    if (prev === undefined) out[key] = m ? [value] : value
    else out[key] = ([] as string[]).concat(prev, value)
  }
  return out
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400, code: 'invalid_request' })
}
