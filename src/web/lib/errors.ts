import type { TFunction } from 'i18next'
import { ApiError } from '../api/client.ts'

// Error codes the UI has its own words for; anything else shows the server's message.
const knownCodes = new Set([
  'network',
  'csrf',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'server_error',
  'invalid_credentials',
  'email_unconfirmed',
  'pending_approval',
  'suspended',
  'invalid_code',
  'invalid_token',
  'challenge_expired',
  'registrations_closed',
  'session_required',
  'setup_required',
])

export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (knownCodes.has(error.code)) return t(`errors.${error.code}`)
    if (error.code === 'validation_failed' && Object.keys(error.details).length) return t('errors.validation_failed')
    if (error.message && error.status < 500 && error.status > 0) return error.message
    return t('errors.server_error')
  }
  return t('errors.unexpected')
}

/** Field messages from a 422 `details` object, for the fields this form shows. */
export function fieldErrorsFrom(error: unknown, fields: string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const field of fields) if (error.details[field]) out[field] = error.details[field]
  return out
}
