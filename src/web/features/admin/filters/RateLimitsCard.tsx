import type { TFunction } from 'i18next'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type AdminSettings,
  getSettings,
  type RateLimitAction,
  type RateLimits,
  rateLimitActions,
  updateSettings,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { CheckIcon } from '../../../components/icons.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { Loaded } from '../admin-ui.tsx'

const WINDOWS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 86_400, 7 * 86_400]

/** Per-action rate limits (per person; per address for sign-ups), saved in the site settings. */
export function RateLimitsCard() {
  const { t } = useTranslation()
  const settings = useLoad(getSettings)
  return (
    <section className="card admin-card" aria-labelledby="rate-limits-title">
      <div className="admin-card-head">
        <div>
          <h2 id="rate-limits-title">{t('admin.filters.limits.title')}</h2>
          <p className="muted small">{t('admin.filters.limits.intro')}</p>
        </div>
      </div>
      <Loaded load={settings}>{(s) => <RateLimitsForm settings={s} />}</Loaded>
    </section>
  )
}

function windowLabel(t: TFunction, seconds: number): string {
  if (seconds % 86_400 === 0) return t('admin.filters.limits.per_days', { count: seconds / 86_400 })
  if (seconds % 3600 === 0) return t('admin.filters.limits.per_hours', { count: seconds / 3600 })
  if (seconds % 60 === 0) return t('admin.filters.limits.per_minutes', { count: seconds / 60 })
  return t('admin.filters.limits.per_seconds', { count: seconds })
}

function RateLimitsForm({ settings }: { settings: AdminSettings }) {
  const { t } = useTranslation()
  const toDraft = (limits: RateLimits) =>
    Object.fromEntries(
      rateLimitActions.map((a) => [a, { max: String(limits[a].max), window_s: limits[a].window_s }]),
    ) as Record<RateLimitAction, { max: string; window_s: number }>
  const [saved, setSaved] = useState(settings.rate_limits)
  const [draft, setDraft] = useState(() => toDraft(settings.rate_limits))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(saved))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setDone(false)
    try {
      const limits = Object.fromEntries(
        rateLimitActions.map((a) => [a, { max: Number(draft[a].max), window_s: draft[a].window_s }]),
      ) as RateLimits
      const next = await updateSettings({ rate_limits: limits })
      setSaved(next.rate_limits)
      setDraft(toDraft(next.rate_limits))
      setDone(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <table className="admin-table limits-table">
        <caption className="visually-hidden">{t('admin.filters.limits.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.filters.limits.action')}</th>
            <th scope="col">{t('admin.filters.limits.max')}</th>
            <th scope="col">{t('admin.filters.limits.window')}</th>
          </tr>
        </thead>
        <tbody>
          {rateLimitActions.map((a) => {
            const windows = WINDOWS.includes(draft[a].window_s)
              ? WINDOWS
              : [...WINDOWS, draft[a].window_s].sort((x, y) => x - y)
            return (
              <tr key={a}>
                <th scope="row">{t(`admin.filters.limits.actions.${a}`)}</th>
                <td data-label={t('admin.filters.limits.max')}>
                  <input
                    className="input limits-input"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1_000_000}
                    value={draft[a].max}
                    aria-label={`${t(`admin.filters.limits.actions.${a}`)}: ${t('admin.filters.limits.max')}`}
                    onChange={(e) => setDraft((d) => ({ ...d, [a]: { ...d[a], max: e.target.value } }))}
                  />
                </td>
                <td data-label={t('admin.filters.limits.window')}>
                  <select
                    className="select"
                    value={draft[a].window_s}
                    aria-label={`${t(`admin.filters.limits.actions.${a}`)}: ${t('admin.filters.limits.window')}`}
                    onChange={(e) => setDraft((d) => ({ ...d, [a]: { ...d[a], window_s: Number(e.target.value) } }))}
                  >
                    {windows.map((w) => (
                      <option key={w} value={w}>
                        {windowLabel(t, w)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      <div className="form-actions">
        <Button type="submit" busy={busy} disabled={!dirty && !busy}>
          {t('common.save')}
        </Button>
        {done && !dirty && (
          <span className="admin-saved" role="status">
            <CheckIcon size={16} /> {t('admin.settings.saved')}
          </span>
        )}
      </div>
    </form>
  )
}
