import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminSettings, sendTestEmail } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { Field } from '../../../components/Field.tsx'
import { useSession } from '../../../context/session.tsx'
import { describeError, fieldErrorsFrom } from '../../../lib/errors.ts'
import { SendIcon } from '../admin-icons.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, useCardForm } from './use-card-form.ts'

export function EmailCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const form = useCardForm(
    {
      contact_email: settings.contact_email,
      email_from_name: settings.email_from_name,
      email_reply_to: settings.email_reply_to,
      email_footer: settings.email_footer,
    },
    (d) => d,
    onSaved,
  )
  const { draft, set, errors } = form
  const transport = settings.email_transport
  return (
    <SettingsCard
      id="settings-email"
      title={t('admin.settings.email.title')}
      intro={t('admin.settings.email.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(errors).length > 0}
      after={<TestEmail />}
    >
      <Alert
        tone={transport.smtp ? 'success' : 'warning'}
        title={t(`admin.settings.email.transport_${transport.smtp ? 'smtp' : 'outbox'}`)}
      >
        <span>
          {t('admin.settings.email.sender')} <code dir="ltr">{transport.mail_from}</code>
        </span>
      </Alert>
      <div className="admin-grid-2">
        <Field
          label={t('admin.settings.email.from_name')}
          hint={t('admin.settings.email.from_name_hint')}
          value={draft.email_from_name}
          maxLength={60}
          onChange={(e) => set('email_from_name', e.target.value)}
          error={errors.email_from_name}
          dir="auto"
        />
        <Field
          label={t('admin.settings.email.reply_to')}
          type="email"
          value={draft.email_reply_to}
          onChange={(e) => set('email_reply_to', e.target.value)}
          error={errors.email_reply_to}
          dir="ltr"
        />
        <Field
          label={t('admin.settings.email.contact')}
          hint={t('admin.settings.email.contact_hint')}
          type="email"
          value={draft.contact_email}
          onChange={(e) => set('contact_email', e.target.value)}
          error={errors.contact_email}
          dir="ltr"
        />
      </div>
      <Field
        multiline
        label={t('admin.settings.email.footer')}
        hint={t('admin.settings.email.footer_hint')}
        value={draft.email_footer}
        maxLength={1000}
        rows={2}
        onChange={(e) => set('email_footer', e.target.value)}
        error={errors.email_footer}
        dir="auto"
      />
    </SettingsCard>
  )
}

/** "Send test email", to the admin's own address unless another is given. */
function TestEmail() {
  const { t } = useTranslation()
  const { user } = useSession()
  const [to, setTo] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: string } | { error: unknown } | null>(null)
  const send = async (e?: FormEvent) => {
    e?.preventDefault()
    setBusy(true)
    setResult(null)
    try {
      const r = await sendTestEmail(to.trim() || undefined)
      setResult({ ok: r.to })
    } catch (err) {
      setResult({ error: err })
    } finally {
      setBusy(false)
    }
  }
  const err = result && 'error' in result ? result.error : null
  return (
    <div className="test-email">
      <h3 className="form-section-title">{t('admin.settings.email.test_title')}</h3>
      <form className="admin-inline-form" onSubmit={send} noValidate>
        <Field
          label={t('admin.settings.email.test_to')}
          type="email"
          placeholder={user?.email}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={fieldErrorsFrom(err, ['to']).to}
          dir="ltr"
        />
        <Button type="submit" variant="secondary" busy={busy} icon={<SendIcon size={16} />}>
          {t('admin.settings.email.test_send')}
        </Button>
      </form>
      {result && 'ok' in result && (
        <Alert tone="success">{t('admin.settings.email.test_sent', { to: result.ok })}</Alert>
      )}
      {err !== null && !fieldErrorsFrom(err, ['to']).to && <Alert tone="error">{describeError(t, err)}</Alert>}
    </div>
  )
}
