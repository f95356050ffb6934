import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialAccount } from '../../api/accounts.ts'

type Source = CredentialAccount['source']

export type PrivacyDraft = {
  profile_visibility: Source['profile_visibility']
  friend_requests_from: Source['friend_requests_from']
  friends_visibility: Source['friends_visibility']
  locked: boolean
  discoverable: boolean
}

type Props = {
  value: PrivacyDraft
  onChange: (value: PrivacyDraft) => void
  errors: Record<string, string>
}

/** Who may see the profile, send friend requests and see the friends list; follow approval; suggestions. */
export function PrivacyFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const set = <K extends keyof PrivacyDraft>(key: K, v: PrivacyDraft[K]) => onChange({ ...value, [key]: v })

  const choice = <K extends 'profile_visibility' | 'friend_requests_from' | 'friends_visibility'>(
    key: K,
    options: readonly PrivacyDraft[K][],
  ) => (
    <fieldset className="choice-list" aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}>
      <legend className="field-label">{t(`edit_profile.privacy.${key as string}`)}</legend>
      {options.map((option) => (
        <label key={option} className="choice choice-card">
          <input
            type="radio"
            name={`${id}-${key}`}
            value={option}
            checked={value[key] === option}
            onChange={() => set(key, option)}
          />
          <span>
            <span className="choice-title">
              {t(`edit_profile.privacy.${key as string}_options.${option as string}`)}
            </span>
          </span>
        </label>
      ))}
      {errors[key] && (
        <p className="field-error" id={`${id}-${key}-error`}>
          {errors[key]}
        </p>
      )}
    </fieldset>
  )

  return (
    <section className="card settings-card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('edit_profile.privacy.heading')}</h2>
      {choice('profile_visibility', ['public', 'members'])}
      {choice('friend_requests_from', ['everyone', 'friends_of_friends', 'nobody'])}
      {choice('friends_visibility', ['public', 'friends', 'only_me'])}
      <div className="check">
        <input
          id={`${id}-locked`}
          type="checkbox"
          checked={value.locked}
          onChange={(e) => set('locked', e.target.checked)}
          aria-describedby={`${id}-locked-hint`}
        />
        <label htmlFor={`${id}-locked`}>
          <span className="choice-title">{t('edit_profile.privacy.locked')}</span>
          <span className="field-hint" id={`${id}-locked-hint`}>
            {t('edit_profile.privacy.locked_hint')}
          </span>
        </label>
      </div>
      <div className="check">
        <input
          id={`${id}-discoverable`}
          type="checkbox"
          checked={value.discoverable}
          onChange={(e) => set('discoverable', e.target.checked)}
          aria-describedby={`${id}-discoverable-hint`}
        />
        <label htmlFor={`${id}-discoverable`}>
          <span className="choice-title">{t('edit_profile.privacy.discoverable')}</span>
          <span className="field-hint" id={`${id}-discoverable-hint`}>
            {t('edit_profile.privacy.discoverable_hint')}
          </span>
        </label>
      </div>
    </section>
  )
}
