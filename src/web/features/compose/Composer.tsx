import './compose.css'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../api/mastodon-fetch.ts'
import { createStatus, type KithVisibility, type Status } from '../../api/statuses.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { ChevronDownIcon, ImageIcon, PollIcon, WarningIcon } from '../../components/post-icons.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import type { Post } from '../post/post-model.ts'
import { QuotedPost } from '../post/QuotedPost.tsx'
import { AudienceDialog } from './AudienceDialog.tsx'
import { AudienceIcon, rememberAudience, rememberedAudience } from './audience.tsx'
import { newPoll, type PollDraft, PollEditor, pollIsReady } from './PollEditor.tsx'
import { UploadList } from './UploadList.tsx'
import { countCharacters, useComposeLimits } from './use-compose-limits.ts'
import { useUploads } from './use-uploads.ts'

export type ComposerProps = {
  onPosted?: (status: Status) => void
  /** Share with your thoughts: the post being quoted. */
  quote?: Post
  initialText?: string
  autoFocus?: boolean
  /** Shown inside a dialog: no card of its own, no author line. */
  bare?: boolean
}

/**
 * Writing a post: text with a character count, up to the site's limit of photos (uploaded as they
 * are picked, each with alt text), an audience, a poll and a content warning.
 */
export function Composer({ onPosted, quote, initialText = '', autoFocus, bare }: ComposerProps) {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const limits = useComposeLimits()
  const uploads = useUploads(limits.maxMedia)
  const [text, setText] = useState(initialText)
  const [warningOn, setWarningOn] = useState(false)
  const [warning, setWarning] = useState('')
  const [visibility, setVisibility] = useState<KithVisibility>(rememberedAudience)
  const [audienceOpen, setAudienceOpen] = useState(false)
  const [poll, setPoll] = useState<PollDraft | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const key = useRef(newIdempotencyKey())
  const textRef = useRef<HTMLTextAreaElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const ids = useId()

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measures whenever the text changes
  useEffect(() => autoGrow(textRef.current), [text])
  useEffect(() => {
    if (autoFocus) textRef.current?.focus()
  }, [autoFocus])

  if (!user) return null
  const name = user.display_name || user.username
  const used = countCharacters(text) + (warningOn ? countCharacters(warning) : 0)
  const left = limits.maxCharacters - used
  // A prefilled hashtag alone is not a post yet.
  const wrote = text.trim() !== '' && text.trim() !== initialText.trim()
  const hasContent = wrote || uploads.items.length > 0 || poll !== null || !!quote
  const pollBad = poll !== null && !pollIsReady(poll)
  const canPost = hasContent && left >= 0 && !uploads.uploading && !uploads.failed && !pollBad && !busy

  const pickPhotos = (files: FileList | null) => {
    if (!files?.length) return
    const images = Array.from(files).filter((f) => f.type.startsWith('image/'))
    const skipped = uploads.add(images)
    setNotice(
      skipped > 0
        ? t('compose.photo_limit', { count: limits.maxMedia })
        : images.length < files.length
          ? t('compose.photo_type')
          : null,
    )
    if (fileRef.current) fileRef.current.value = ''
  }

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    if (!canPost) return
    setBusy(true)
    setError(null)
    try {
      const mediaIds = await uploads.finish()
      const status = await createStatus(
        {
          status: text,
          visibility,
          spoiler_text: warningOn ? warning.trim() : undefined,
          sensitive: warningOn && warning.trim() !== '' ? true : undefined,
          media_ids: mediaIds.length ? mediaIds : undefined,
          poll: poll
            ? {
                options: poll.options.map((o) => o.trim()).filter(Boolean),
                expires_in: poll.expiresIn,
                multiple: poll.multiple,
              }
            : undefined,
          quoted_status_id: quote?.id,
        },
        key.current,
      )
      key.current = newIdempotencyKey()
      setText('')
      setWarning('')
      setWarningOn(false)
      setPoll(null)
      setNotice(null)
      uploads.reset()
      showToast(t('compose.posted'))
      onPosted?.(status)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const counterTone = left < 0 ? 'over' : left <= limits.maxCharacters * 0.1 ? 'near' : 'ok'

  const form = (
    <form
      className={bare ? 'composer composer-bare' : 'card composer'}
      onSubmit={submit}
      aria-label={t('compose.label')}
    >
      <div className="composer-head">
        <Avatar user={user} size={44} />
        <div className="composer-who">
          <span className="composer-name" dir="auto">
            {name}
          </span>
          <button
            type="button"
            className="audience-button"
            onClick={() => setAudienceOpen(true)}
            aria-haspopup="dialog"
            aria-label={t('compose.audience_button', { audience: t(`compose.audience.${visibility}`) })}
          >
            <AudienceIcon visibility={visibility} size={14} />
            <span>{t(`compose.audience.${visibility}`)}</span>
            <ChevronDownIcon size={14} />
          </button>
        </div>
      </div>

      {warningOn && (
        <div className="composer-warning">
          <label className="visually-hidden" htmlFor={`${ids}-cw`}>
            {t('compose.warning_label')}
          </label>
          <input
            id={`${ids}-cw`}
            className="input"
            value={warning}
            onChange={(e) => setWarning(e.target.value)}
            placeholder={t('compose.warning_placeholder')}
          />
        </div>
      )}

      <label className="visually-hidden" htmlFor={`${ids}-text`}>
        {quote ? t('compose.quote_label') : t('compose.text_label')}
      </label>
      <textarea
        id={`${ids}-text`}
        ref={textRef}
        className="composer-text"
        rows={quote || bare ? 3 : 2}
        value={text}
        placeholder={quote ? t('compose.quote_placeholder') : t('compose.placeholder', { name: `\u2068${name}\u2069` })}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
        }}
        aria-describedby={`${ids}-count`}
        dir="auto"
      />

      {quote && (
        <div className="composer-quote">
          <QuotedPost post={quote} linked={false} />
        </div>
      )}

      <UploadList
        items={uploads.items}
        descriptionLimit={limits.descriptionLimit}
        onRemove={uploads.remove}
        onRetry={uploads.retry}
        onDescribe={uploads.describe}
      />

      {poll && <PollEditor poll={poll} limits={limits} onChange={setPoll} onRemove={() => setPoll(null)} />}

      {notice && <p className="composer-notice">{notice}</p>}
      {error !== null && (
        <Alert tone="error" title={t('compose.failed')}>
          {describeError(t, error)}
        </Alert>
      )}

      <div className="composer-bar">
        <fieldset className="composer-tools">
          <legend className="visually-hidden">{t('compose.add_to_post')}</legend>
          <input
            ref={fileRef}
            type="file"
            accept={limits.mediaTypes.join(',') || 'image/*'}
            multiple
            hidden
            onChange={(e) => pickPhotos(e.target.files)}
          />
          <button
            type="button"
            className="composer-tool tool-photo"
            onClick={() => fileRef.current?.click()}
            disabled={poll !== null || uploads.items.length >= limits.maxMedia || !!quote}
            title={t('compose.photo')}
          >
            <ImageIcon />
            <span className="composer-tool-label">{t('compose.photo')}</span>
          </button>
          <button
            type="button"
            className="composer-tool tool-poll"
            onClick={() => setPoll(poll ? null : newPoll())}
            disabled={uploads.items.length > 0 || !!quote}
            aria-pressed={poll !== null}
            title={t('compose.poll.button')}
          >
            <PollIcon />
            <span className="composer-tool-label">{t('compose.poll.button')}</span>
          </button>
          <button
            type="button"
            className="composer-tool tool-warning"
            onClick={() => setWarningOn(!warningOn)}
            aria-pressed={warningOn}
            title={t('compose.warning_button')}
          >
            <WarningIcon />
            <span className="composer-tool-label">{t('compose.warning_button')}</span>
          </button>
        </fieldset>
        <span id={`${ids}-count`} className={`composer-count composer-count-${counterTone}`}>
          <span aria-hidden="true">{text || warningOn ? formatNumber(left, i18n.language) : ''}</span>
          <span className="visually-hidden">{t('compose.characters_left', { count: left })}</span>
        </span>
        <Button type="submit" className="composer-submit" disabled={!canPost} busy={busy}>
          {quote ? t('compose.share') : t('compose.post')}
        </Button>
      </div>
    </form>
  )
  return (
    <>
      {form}
      <AudienceDialog
        open={audienceOpen}
        value={visibility}
        onClose={() => setAudienceOpen(false)}
        onChoose={(v) => {
          setVisibility(v)
          rememberAudience(v)
          setAudienceOpen(false)
        }}
      />
    </>
  )
}

function formatNumber(n: number, locale: string) {
  return new Intl.NumberFormat(locale).format(n)
}

function autoGrow(el: HTMLTextAreaElement | null) {
  if (!el) return
  el.style.height = 'auto'
  el.style.height = `${Math.min(el.scrollHeight + 2, window.innerHeight * 0.6)}px`
}
