export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'validation_failed'
  | 'rate_limited'
  | 'unavailable'

export const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
}

/**
 * The one error the domain throws. `reason` is a machine-readable detail the web client can
 * branch on (`email_unconfirmed`, `csrf` …); `details` maps field names to messages.
 */
export class AppError extends Error {
  name = 'AppError'
  code: ErrorCode
  reason?: string
  details?: Record<string, string>
  constructor(
    code: ErrorCode,
    message: string,
    extra?: { reason?: string; details?: Record<string, string>; cause?: unknown },
  ) {
    super(message, extra?.cause === undefined ? undefined : { cause: extra.cause })
    this.code = code
    this.reason = extra?.reason
    this.details = extra?.details
  }
}

export function validationError(details: Record<string, string>): AppError {
  const first = Object.values(details)[0] ?? 'Validation failed'
  return new AppError('validation_failed', `Validation failed: ${first}`, { details })
}
