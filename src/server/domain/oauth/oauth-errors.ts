// OAuth errors carry their RFC 6749 code as AppError.reason, so the OAuth routes can render
// `{ error: reason, error_description: message }` and the Kith consent API `{ error, error_code }`.
import { AppError, type ErrorCode } from '../../errors.ts'

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'

const status: Record<OAuthErrorCode, ErrorCode> = {
  invalid_request: 'bad_request',
  invalid_client: 'unauthorized',
  invalid_grant: 'bad_request',
  unauthorized_client: 'forbidden',
  unsupported_grant_type: 'bad_request',
  unsupported_response_type: 'bad_request',
  invalid_scope: 'bad_request',
}

export function oauthError(code: OAuthErrorCode, description: string): AppError {
  return new AppError(status[code], description, { reason: code })
}

export const INVALID_CLIENT =
  'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.'
export const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.'
