import { type CSSProperties, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminSettings, removeSiteImage, uploadSiteImage } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { Spinner } from '../../../components/Spinner.tsx'
import { useTheme } from '../../../context/theme.tsx'
import { brandPalette, parseHex } from '../../../lib/color.ts'
import { describeError } from '../../../lib/errors.ts'
import { UploadIcon } from '../admin-icons.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, useCardForm } from './use-card-form.ts'

const SWATCHES = ['#2f6fde', '#4f46e5', '#0f766e', '#15803d', '#c2410c', '#be123c', '#7c3aed', '#334155']

export function LookCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const colorId = useId()
  const form = useCardForm({ brand_color: settings.brand_color }, (d) => d, onSaved)
  const { draft, set, errors } = form
  const valid = /^#[0-9a-f]{6}$/i.test(draft.brand_color)

  return (
    <SettingsCard
      id="settings-look"
      title={t('admin.settings.look.title')}
      intro={t('admin.settings.look.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty && valid}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(errors).length > 0}
    >
      <div className="admin-grid-2">
        <SiteImage kind="logo" url={settings.logo_url} onSaved={onSaved} />
        <SiteImage kind="favicon" url={settings.favicon_url} onSaved={onSaved} />
      </div>

      <div className="look-colour">
        <div className="field">
          <label className="field-label" htmlFor={colorId}>
            {t('admin.settings.look.brand_color')}
          </label>
          <div className="colour-row">
            <input
              type="color"
              className="colour-picker"
              value={valid ? draft.brand_color : '#000000'}
              onChange={(e) => set('brand_color', e.target.value)}
              aria-label={t('admin.settings.look.pick_color')}
            />
            <input
              id={colorId}
              className="input colour-hex"
              value={draft.brand_color}
              maxLength={7}
              spellCheck={false}
              dir="ltr"
              aria-invalid={!valid || !!errors.brand_color || undefined}
              aria-describedby={`${colorId}-hint`}
              onChange={(e) => set('brand_color', e.target.value.trim())}
            />
          </div>
          <ul className="colour-swatches" aria-label={t('admin.settings.look.suggestions')}>
            {SWATCHES.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  className="colour-swatch"
                  style={{ background: c }}
                  aria-label={c}
                  aria-pressed={draft.brand_color.toLowerCase() === c}
                  onClick={() => set('brand_color', c)}
                />
              </li>
            ))}
          </ul>
          <p className={valid ? 'field-hint' : 'field-error'} id={`${colorId}-hint`}>
            {errors.brand_color ??
              (valid ? t('admin.settings.look.brand_hint') : t('admin.settings.look.brand_invalid'))}
          </p>
        </div>
        <BrandPreview
          color={valid ? draft.brand_color : settings.brand_color}
          name={settings.name}
          logo={settings.logo_url}
        />
      </div>
    </SettingsCard>
  )
}

/** The brand colour on a small mock of the top bar, a button, a link and a selected tab. */
function BrandPreview({ color, name, logo }: { color: string; name: string; logo: string | null }) {
  const { t } = useTranslation()
  const { theme } = useTheme()
  const p = brandPalette(parseHex(color) ? color : '#2f6fde')
  const style = {
    '--brand': p.brand,
    '--on-brand': p.onBrand,
    '--brand-ink': theme === 'dark' ? p.inkDark : p.inkLight,
    '--brand-soft': theme === 'dark' ? p.softDark : p.softLight,
  } as CSSProperties
  const letter = Array.from(name.trim())[0]?.toLocaleUpperCase() ?? 'K'
  return (
    <figure className="brand-preview" style={style}>
      <figcaption className="field-label">{t('admin.settings.look.preview')}</figcaption>
      <div className="brand-preview-frame" aria-hidden="true">
        <div className="brand-preview-bar">
          {logo ? (
            <img className="site-logo" src={logo} alt="" width={28} height={28} />
          ) : (
            <span className="site-logo site-logo-letter" style={{ width: 28, height: 28, fontSize: 14 }}>
              {letter}
            </span>
          )}
          <span className="brand-preview-name" dir="auto">
            {name}
          </span>
          <span className="brand-preview-tab">{t('admin.settings.look.preview_tab')}</span>
        </div>
        <div className="brand-preview-body">
          <span className="btn btn-primary btn-sm">{t('admin.settings.look.preview_button')}</span>
          <span className="brand-preview-link">{t('admin.settings.look.preview_link')}</span>
          <span className="badge badge-brand">{t('admin.settings.look.preview_badge')}</span>
        </div>
      </div>
    </figure>
  )
}

function setFavicon(url: string | null) {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
  if (!url) {
    link?.remove()
    return
  }
  if (!link) {
    link = document.createElement('link')
    link.rel = 'icon'
    document.head.append(link)
  }
  link.href = url
}

function SiteImage({ kind, url, onSaved }: { kind: 'logo' | 'favicon'; url: string | null; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const inputId = useId()
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null)
  const [error, setError] = useState<unknown>(null)

  const run = async (what: 'upload' | 'remove', action: () => Promise<AdminSettings>) => {
    setBusy(what)
    setError(null)
    try {
      const next = await action()
      if (kind === 'favicon') setFavicon(next.favicon_url)
      await onSaved(next)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="site-image">
      <p className="field-label" id={`${inputId}-label`}>
        {t(`admin.settings.look.${kind}`)}
      </p>
      <div className="site-image-row">
        <div className={`site-image-frame site-image-${kind}`}>
          {busy ? (
            <Spinner />
          ) : url ? (
            <img src={url} alt={t(`admin.settings.look.current_${kind}`)} />
          ) : (
            <span className="muted small">{t('admin.settings.look.none')}</span>
          )}
        </div>
        <div className="site-image-actions">
          <label className={`btn btn-secondary btn-sm file-button${busy ? ' is-disabled' : ''}`}>
            <UploadIcon size={16} />
            <span>{url ? t('admin.settings.look.replace') : t('admin.settings.look.upload')}</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              className="visually-hidden"
              disabled={!!busy}
              aria-describedby={`${inputId}-label ${inputId}-hint`}
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) void run('upload', () => uploadSiteImage(kind, file))
              }}
            />
          </label>
          {url && (
            <Button
              variant="ghost"
              size="sm"
              disabled={!!busy}
              onClick={() => run('remove', () => removeSiteImage(kind))}
            >
              {t('admin.settings.look.remove')}
            </Button>
          )}
        </div>
      </div>
      <p className="field-hint" id={`${inputId}-hint`}>
        {t(`admin.settings.look.${kind}_hint`)}
      </p>
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
    </div>
  )
}
