import { useTranslation } from 'react-i18next'
import { estimateStrength } from '../lib/password-strength.ts'

const levels = { too_short: 0, weak: 1, fair: 2, good: 3, strong: 4 } as const

/** A four-segment meter with a text label; the label is what assistive tech reads. */
export function PasswordStrength({ password, minLength }: { password: string; minLength: number }) {
  const { t } = useTranslation()
  if (!password) return null
  const strength = estimateStrength(password, minLength)
  const level = levels[strength]
  return (
    <div className={`strength strength-${strength}`}>
      <div className="strength-bars" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= level ? 'on' : undefined} />
        ))}
      </div>
      <p className="strength-label" aria-live="polite">
        {t(`password.strength.${strength}`, { min: minLength })}
      </p>
    </div>
  )
}
