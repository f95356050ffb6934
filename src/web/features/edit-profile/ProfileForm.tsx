import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CredentialAccount, type ProfileChanges, updateCredentials } from '../../api/accounts.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { type FieldDraft, FieldsEditor } from './FieldsEditor.tsx'
import { type PrivacyDraft, PrivacyFields } from './PrivacyFields.tsx'

const NOTE_MAX = 500
const errorFields = [
  'display_name',
  'note',
  'fields_attributes',
  'location',
  'website',
  'birthday',
  'birthday_visibility',
  'profile_visibility',
  'friend_requests_from',
  'friends_visibility',
]

function draftOf(a: CredentialAccount) {
  return {
    display_name: a.display_name,
    note: a.source.note,
    location: a.source.location,
    website: a.source.website,
    birthday: a.source.birthday ?? '',
    birthday_visibility: a.source.birthday_visibility,
    fields: a.source.fields.map((f) => ({ name: f.name, value: f.value })) as FieldDraft[],
    privacy: {
      profile_visibility: a.source.profile_visibility,
      friend_requests_from: a.source.friend_requests_from,
      friends_visibility: a.source.friends_visibility,
      locked: a.locked,
      discoverable: a.discoverable ?? true,
    } as PrivacyDraft,
  }
}

type Draft = ReturnType<typeof draftOf>

/** Everything about you that is text or a choice, saved together. */
export function ProfileForm({
  account,
  onSaved,
}: {
  account: CredentialAccount
  onSaved: (account: CredentialAccount) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => draftOf(account))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const visibilityId = useId()
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const noteLeft = NOTE_MAX - Array.from(draft.note).length

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    setFailure(null)
    const changes: ProfileChanges = {
      display_name: draft.display_name.trim(),
      note: draft.note,
      location: draft.location.trim(),
      website: draft.website.trim(),
      birthday: draft.birthday,
      birthday_visibility: draft.birthday_visibility,
      fields_attributes: draft.fields
        .map((f) => ({ name: f.name.trim(), value: f.value.trim() }))
        .filter((f) => f.name || f.value),
      ...draft.privacy,
    }
    try {
      const saved = await updateCredentials(changes)
      onSaved(saved)
      setDraft(draftOf(saved))
      showToast(t('edit_profile.saved'))
    } catch (err) {
      setErrors(fieldErrorsFrom(err, errorFields))
      setFailure(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="edit-profile-form" onSubmit={submit} noValidate>
      <section className="card settings-card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('edit_profile.about')}</h2>
        <Field
          label={t('edit_profile.display_name')}
          value={draft.display_name}
          onChange={(e) => set('display_name', e.target.value)}
          maxLength={100}
          autoComplete="nickname"
          dir="auto"
          error={errors.display_name}
        />
        <Field
          multiline
          label={t('edit_profile.bio')}
          hint={t('edit_profile.bio_hint')}
          value={draft.note}
          onChange={(e) => set('note', e.target.value)}
          rows={4}
          dir="auto"
          error={errors.note}
          below={
            <p
              className={noteLeft < 0 ? 'char-count char-count-over' : 'char-count'}
              aria-live={noteLeft <= 20 ? 'polite' : 'off'}
            >
              {noteLeft < 0
                ? t('edit_profile.chars_over', { count: -noteLeft })
                : t('edit_profile.chars_left', { count: noteLeft })}
            </p>
          }
        />
        <div className="form-grid">
          <Field
            label={t('edit_profile.location')}
            value={draft.location}
            onChange={(e) => set('location', e.target.value)}
            maxLength={100}
            autoComplete="address-level2"
            dir="auto"
            error={errors.location}
          />
          <Field
            label={t('edit_profile.website')}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={draft.website}
            onChange={(e) => set('website', e.target.value)}
            maxLength={255}
            autoComplete="url"
            dir="ltr"
            error={errors.website}
          />
          <Field
            label={t('edit_profile.birthday')}
            type="date"
            value={draft.birthday}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(e) => set('birthday', e.target.value)}
            autoComplete="bday"
            error={errors.birthday}
          />
          <div className="field">
            <label className="field-label" htmlFor={visibilityId}>
              {t('edit_profile.birthday_visibility')}
            </label>
            <div className="select-wrap">
              <select
                id={visibilityId}
                className="select"
                value={draft.birthday_visibility}
                onChange={(e) => set('birthday_visibility', e.target.value as Draft['birthday_visibility'])}
              >
                <option value="public">{t('edit_profile.audience.public')}</option>
                <option value="friends">{t('edit_profile.audience.friends')}</option>
                <option value="only_me">{t('edit_profile.audience.only_me')}</option>
              </select>
            </div>
          </div>
        </div>
        <FieldsEditor fields={draft.fields} onChange={(f) => set('fields', f)} error={errors.fields_attributes} />
      </section>

      <PrivacyFields value={draft.privacy} onChange={(p) => set('privacy', p)} errors={errors} />

      <div className="edit-profile-actions card">
        {failure && <Alert tone="error">{failure}</Alert>}
        <div className="form-actions">
          <Button variant="secondary" disabled={busy} onClick={() => setDraft(draftOf(account))}>
            {t('edit_profile.reset')}
          </Button>
          <Button type="submit" busy={busy} className="form-actions-main">
            {t('common.save')}
          </Button>
        </div>
      </div>
    </form>
  )
}
