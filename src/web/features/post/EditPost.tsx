import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editStatus, getStatusSource, type StatusEdit } from '../../api/statuses.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { countCharacters, useComposeLimits } from '../compose/use-compose-limits.ts'
import { usePostList } from './post-list.tsx'
import { htmlToText, type InnerStatus } from './post-model.ts'

/** Editing a post in place: its text and content warning. Photos and the poll stay as they are. */
export function EditPost({
  post,
  onDone,
  compact = false,
}: {
  post: InnerStatus
  onDone: () => void
  compact?: boolean
}) {
  const { t } = useTranslation()
  const list = usePostList()
  const limits = useComposeLimits()
  const [text, setText] = useState<string | null>(null)
  const [warning, setWarning] = useState(post.spoiler_text)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const ref = useRef<HTMLTextAreaElement>(null)
  const id = useId()

  useEffect(() => {
    let live = true
    // The source text keeps what the person typed; the HTML is a fallback when it is unavailable.
    getStatusSource(post.id).then(
      (src) => {
        if (!live) return
        setText(src.text)
        setWarning(src.spoiler_text)
      },
      () => live && setText(htmlToText(post.content)),
    )
    return () => {
      live = false
    }
  }, [post.id, post.content])

  useEffect(() => {
    const el = ref.current
    if (!el || text === null) return
    el.style.height = 'auto'
    el.style.height = `${el.scrollHeight + 2}px`
  }, [text])

  const loaded = text !== null
  useEffect(() => {
    if (loaded) ref.current?.focus()
  }, [loaded])

  if (text === null)
    return (
      <div className="center" aria-busy="true">
        <Spinner />
      </div>
    )

  const over = countCharacters(text) + countCharacters(warning) > limits.maxCharacters
  const empty = text.trim() === '' && post.media_attachments.length === 0 && !post.poll

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (over || empty) return
    setBusy(true)
    setError(null)
    try {
      const next = await editStatus(post.id, {
        status: text,
        spoiler_text: warning.trim(),
        sensitive: post.sensitive || warning.trim() !== '',
        media_ids: post.media_attachments.map((m) => m.id),
        poll: keepPoll(post, limits.pollMinExpiration),
      })
      list.patch(post.id, () => ({
        content: next.content,
        spoiler_text: next.spoiler_text,
        sensitive: next.sensitive,
        edited_at: next.edited_at ?? new Date().toISOString(),
        media_attachments: next.media_attachments,
        poll: next.poll,
        card: next.card,
        mentions: next.mentions,
        tags: next.tags,
      }))
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className={compact ? 'edit-post compact' : 'edit-post'} onSubmit={save}>
      {(!compact || warning) && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-cw`}>
            {t('compose.warning_label')}
          </label>
          <input
            id={`${id}-cw`}
            className="input"
            value={warning}
            onChange={(e) => setWarning(e.target.value)}
            placeholder={t('compose.warning_placeholder')}
          />
        </div>
      )}
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {t('post.edit.label')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={ref}
        className="input edit-post-text"
        value={text}
        dir="auto"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone()
        }}
      />
      {over && <p className="field-error">{t('post.edit.too_long', { count: limits.maxCharacters })}</p>}
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      <div className="edit-post-actions">
        <Button variant="secondary" size="sm" onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" size="sm" busy={busy} disabled={over || empty}>
          {t('post.edit.save')}
        </Button>
      </div>
    </form>
  )
}

/**
 * An edit replaces the poll as a whole (docs/api-kith-posts.md): sending the same choices keeps the
 * votes and only moves the end, so it is sent with the time it has left.
 */
function keepPoll(post: InnerStatus, minSeconds: number): StatusEdit['poll'] {
  const poll = post.poll
  if (!poll) return undefined
  const left = poll.expires_at ? Math.ceil((new Date(poll.expires_at).getTime() - Date.now()) / 1000) : 0
  return { options: poll.options.map((o) => o.title), expires_in: Math.max(left, minSeconds), multiple: poll.multiple }
}
