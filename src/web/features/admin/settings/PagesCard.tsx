import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminSettings, getPage, type PageSlug } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { useLoad } from '../../../lib/use-load.ts'
import { Loaded } from '../admin-ui.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, useCardForm } from './use-card-form.ts'

const SLUGS: PageSlug[] = ['about', 'terms', 'privacy']

/** About, Terms and Privacy in Markdown, with the server's own rendering as the preview. */
export function PagesCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const baseId = useId()
  const [slug, setSlug] = useState<PageSlug>('about')
  const [mode, setMode] = useState<'write' | 'preview'>('write')
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const form = useCardForm(
    { page_about: settings.page_about, page_terms: settings.page_terms, page_privacy: settings.page_privacy },
    (d) => d,
    onSaved,
  )
  const key = `page_${slug}` as const
  const unsaved = form.draft[key] !== settings[key]

  // Arrow keys move between the page tabs (WAI-ARIA tabs, automatic activation).
  const onTabKey = (e: KeyboardEvent, i: number) => {
    const dir = document.documentElement.dir === 'rtl' ? -1 : 1
    let next = -1
    if (e.key === 'ArrowRight') next = (i + dir + SLUGS.length) % SLUGS.length
    else if (e.key === 'ArrowLeft') next = (i - dir + SLUGS.length) % SLUGS.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = SLUGS.length - 1
    if (next < 0) return
    e.preventDefault()
    setSlug(SLUGS[next]!)
    tabs.current[next]?.focus()
  }

  return (
    <SettingsCard
      id="settings-pages"
      title={t('admin.settings.pages.title')}
      intro={t('admin.settings.pages.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(form.errors).length > 0}
    >
      <div className="pages-tabs" role="tablist" aria-label={t('admin.settings.pages.which')}>
        {SLUGS.map((s, i) => (
          <button
            key={s}
            ref={(el) => {
              tabs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${s}`}
            aria-selected={slug === s}
            aria-controls={`${baseId}-panel`}
            tabIndex={slug === s ? 0 : -1}
            className="pages-tab"
            onClick={() => setSlug(s)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t(`admin.settings.pages.${s}`)}
            {form.draft[`page_${s}`] !== settings[`page_${s}`] && (
              <span className="pages-dot" title={t('admin.settings.pages.unsaved')}>
                <span className="visually-hidden">{t('admin.settings.pages.unsaved')}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="pages-panel" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${slug}`}>
        <fieldset className="pages-mode">
          <legend className="visually-hidden">{t('admin.settings.pages.mode')}</legend>
          <button
            type="button"
            aria-pressed={mode === 'write'}
            className="pages-mode-btn"
            onClick={() => setMode('write')}
          >
            {t('admin.settings.pages.write')}
          </button>
          <button
            type="button"
            aria-pressed={mode === 'preview'}
            className="pages-mode-btn"
            onClick={() => setMode('preview')}
          >
            {t('admin.settings.pages.preview')}
          </button>
        </fieldset>
        {mode === 'write' ? (
          <div className="field">
            <label className="visually-hidden" htmlFor={`${baseId}-md`}>
              {t('admin.settings.pages.markdown_label', { page: t(`admin.settings.pages.${slug}`) })}
            </label>
            <textarea
              id={`${baseId}-md`}
              className="input pages-editor"
              value={form.draft[key]}
              onChange={(e) => form.set(key, e.target.value)}
              rows={14}
              dir="auto"
              spellCheck
              aria-describedby={`${baseId}-md-hint`}
              aria-invalid={form.errors[key] ? true : undefined}
            />
            {form.errors[key] && <p className="field-error">{form.errors[key]}</p>}
            <p className="field-hint" id={`${baseId}-md-hint`}>
              {t('admin.settings.pages.markdown_hint')}
            </p>
          </div>
        ) : (
          <PagePreview slug={slug} unsaved={unsaved} version={settings[key]} />
        )}
      </div>
    </SettingsCard>
  )
}

// NOTE: the API renders only saved pages (GET /api/kith/v1/pages/:slug); there is no endpoint that
// renders a draft, so the preview shows what visitors see now and says when the draft differs.
function PagePreview({ slug, unsaved, version }: { slug: PageSlug; unsaved: boolean; version: string }) {
  const { t } = useTranslation()
  const page = useLoad(() => getPage(slug), [slug, version])
  return (
    <div className="pages-preview-wrap">
      {unsaved && <Alert tone="info">{t('admin.settings.pages.preview_saved_only')}</Alert>}
      <Loaded load={page}>
        {(p) =>
          p.html.trim() ? (
            // The server renders Markdown with raw HTML disabled, so this is safe to insert.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped Markdown
            <div className="pages-preview prose" dir="auto" dangerouslySetInnerHTML={{ __html: p.html }} />
          ) : (
            <p className="empty-inline">{t('admin.settings.pages.empty')}</p>
          )
        }
      </Loaded>
    </div>
  )
}
