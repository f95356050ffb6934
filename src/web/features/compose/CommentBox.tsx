import './compose.css'
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../api/mastodon-fetch.ts'
import { createStatus, type KithVisibility, type Status } from '../../api/statuses.ts'
import { Avatar } from '../../components/Avatar.tsx'
import { SendIcon } from '../../components/post-icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { countCharacters, useComposeLimits } from './use-compose-limits.ts'

type Props = {
  /** The post or comment this answers. */
  inReplyToId: string
  visibility: KithVisibility
  onPosted: (status: Status) => void
  label: string
  placeholder: string
  initialText?: string
  autoFocus?: boolean
  inputRef?: RefObject<HTMLTextAreaElement | null>
}

/** A one-line comment field that grows as you type; Enter sends, Shift+Enter starts a new line. */
export function CommentBox({
  inReplyToId,
  visibility,
  onPosted,
  label,
  placeholder,
  initialText = '',
  autoFocus,
  inputRef,
}: Props) {
  const { t } = useTranslation()
  const { user } = useSession()
  const limits = useComposeLimits()
  const [text, setText] = useState(initialText)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const key = useRef(newIdempotencyKey())
  const ownRef = useRef<HTMLTextAreaElement>(null)
  const ref = inputRef ?? ownRef
  const id = useId()

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measures whenever the text changes
  useEffect(() => {
    const el = ref.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${el.scrollHeight + 2}px`
  }, [text, ref])

  useEffect(() => {
    const el = ref.current
    if (!autoFocus || !el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [autoFocus, ref])

  if (!user) return null
  const over = countCharacters(text) > limits.maxCharacters
  const canSend = text.trim() !== '' && !over && !busy

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    if (!canSend) return
    setBusy(true)
    setError(null)
    try {
      const status = await createStatus({ status: text, visibility, in_reply_to_id: inReplyToId }, key.current)
      key.current = newIdempotencyKey()
      setText('')
      onPosted(status)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="comment-box" onSubmit={submit}>
      <Avatar user={user} size={32} />
      <div className="comment-box-main">
        <div className={over ? 'comment-box-field over' : 'comment-box-field'}>
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          <textarea
            id={id}
            ref={ref}
            rows={1}
            value={text}
            dir="auto"
            placeholder={placeholder}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault()
                void submit()
              }
            }}
          />
          <button
            type="submit"
            className="comment-box-send"
            disabled={!canSend}
            aria-label={t('post.comments.send')}
            title={t('post.comments.send')}
          >
            {busy ? <Spinner size={16} /> : <SendIcon size={18} />}
          </button>
        </div>
        {error !== null && (
          <p className="comment-box-error" role="alert">
            {describeError(t, error)}
          </p>
        )}
      </div>
    </form>
  )
}
