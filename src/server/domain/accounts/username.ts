// Username rules, as Mastodon's: ASCII letters, digits and underscores (dots and dashes inside),
// at most 30 characters. Non-ASCII look-alikes (Cyrillic "а" for Latin "a") are refused outright,
// and the canonical form folds ASCII look-alikes so "BiIl0" and "bill0" cannot both exist.

export const USERNAME_MAX_LENGTH = 30
const USERNAME_RE = /^[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?$/i

const RESERVED = new Set([
  'admin',
  'administrator',
  'root',
  'support',
  'help',
  'moderator',
  'mod',
  'staff',
  'system',
  'kith',
  'webmaster',
  'postmaster',
  'hostmaster',
  'security',
  'abuse',
  'noreply',
  'no-reply',
  'api',
  'oauth',
  'settings',
  'auth',
  'setup',
  'about',
  'explore',
  'home',
  'null',
  'undefined',
])

/** An error message, or null when the username is acceptable. */
export function checkUsername(username: string, options: { allowReserved?: boolean } = {}): string | null {
  if (username.length === 0) return 'is required'
  if (username.length > USERNAME_MAX_LENGTH) return `must be at most ${USERNAME_MAX_LENGTH} characters`
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting non-ASCII on purpose
  if (/[^\x00-\x7f]/.test(username)) return 'may only use the letters a–z, digits, and _ . -'
  if (!USERNAME_RE.test(username)) return 'may only use letters, digits and underscores (dots and dashes inside)'
  if (!options.allowReserved && RESERVED.has(username.toLowerCase())) return 'is reserved'
  return null
}

/** Lower-cased, with visually confusable ASCII folded together (0/o, 1/l/i, rn/m, vv/w, . - _ alike). */
export function canonicalUsername(username: string): string {
  return username
    .toLowerCase()
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[0]/g, 'o')
    .replace(/[1i|]/g, 'l')
    .replace(/[.-]/g, '_')
}

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/
export function checkEmail(email: string): string | null {
  if (email.length === 0) return 'is required'
  if (email.length > 254) return 'is too long'
  if (!EMAIL_RE.test(email)) return 'is not a valid email address'
  return null
}
