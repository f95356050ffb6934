import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KithVisibility } from '../../api/statuses.ts'
import { GlobeIcon, UsersIcon } from '../../components/icons.tsx'
import { AtIcon, ChevronDownIcon, FriendsIcon, UnlockIcon } from '../../components/post-icons.tsx'
import { readPreference, writePreference } from '../../lib/storage.ts'

/** The audiences a person picks from, most open first; `unlisted` waits under "More". */
export const mainAudiences: KithVisibility[] = ['public', 'private', 'friends', 'direct']
export const moreAudiences: KithVisibility[] = ['unlisted']
const all = [...mainAudiences, ...moreAudiences]

const icons = {
  public: GlobeIcon,
  unlisted: UnlockIcon,
  private: UsersIcon,
  friends: FriendsIcon,
  direct: AtIcon,
} as const

export function AudienceIcon({ visibility, size = 16 }: { visibility: KithVisibility; size?: number }) {
  const Icon = icons[visibility] ?? GlobeIcon
  return <Icon size={size} />
}

const storageKey = 'kith.compose.visibility'

export function rememberedAudience(): KithVisibility {
  const saved = readPreference(storageKey) as KithVisibility | null
  return saved && all.includes(saved) ? saved : 'public'
}

export function rememberAudience(v: KithVisibility) {
  writePreference(storageKey, v)
}

/** A radio list of audiences, each with its icon and a one-line explanation. */
export function AudienceOptions({ value, onChange }: { value: KithVisibility; onChange: (v: KithVisibility) => void }) {
  const { t } = useTranslation()
  const name = useId()
  const [more, setMore] = useState(moreAudiences.includes(value))
  const option = (v: KithVisibility) => (
    <label key={v} className={v === value ? 'audience-option selected' : 'audience-option'}>
      <span className="audience-option-icon">
        <AudienceIcon visibility={v} size={22} />
      </span>
      <span className="audience-option-text">
        <span className="audience-option-label">{t(`compose.audience.${v}`)}</span>
        <span className="audience-option-hint">{t(`compose.audience_hint.${v}`)}</span>
      </span>
      <input type="radio" name={name} value={v} checked={v === value} onChange={() => onChange(v)} />
    </label>
  )
  return (
    <fieldset className="audience-options">
      <legend className="visually-hidden">{t('compose.audience_title')}</legend>
      {mainAudiences.map(option)}
      {more ? (
        moreAudiences.map(option)
      ) : (
        <button type="button" className="link-button audience-more" onClick={() => setMore(true)}>
          <ChevronDownIcon size={16} />
          {t('compose.audience_more')}
        </button>
      )}
    </fieldset>
  )
}
