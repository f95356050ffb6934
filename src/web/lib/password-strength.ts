// A quick, dictionary-free estimate shown while typing. The server makes the real decision.

export type Strength = 'too_short' | 'weak' | 'fair' | 'good' | 'strong'

const common = /^(password|passw0rd|qwerty|letmein|welcome|admin|iloveyou|123456|abc123|monkey|dragon)/i

export function estimateStrength(password: string, minLength: number): Strength {
  if (password.length < minLength) return 'too_short'
  if (common.test(password) || /^(.)\1+$/.test(password)) return 'weak'
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  let score = classes - 1
  if (password.length >= minLength + 4) score++
  if (password.length >= 16) score++
  if (score <= 1) return 'weak'
  if (score === 2) return 'fair'
  if (score === 3) return 'good'
  return 'strong'
}
