import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Poll, votePoll } from '../../api/polls.ts'
import { Button } from '../../components/Button.tsx'
import { CheckSmallIcon } from '../../components/post-icons.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatRelative } from '../../lib/format.ts'
import { usePostList } from './post-list.tsx'
import type { InnerStatus } from './post-model.ts'

/** A poll: choices and a Vote button until you vote or it closes, then the results as bars. */
export function PollView({ post }: { post: InnerStatus }) {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const list = usePostList()
  const poll = post.poll!
  const [picked, setPicked] = useState<number[]>([])
  const [peek, setPeek] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const name = useId()
  const canVote = !!user && !poll.expired && !poll.voted
  const showResults = !canVote || peek
  const total = poll.multiple ? (poll.voters_count ?? poll.votes_count) : poll.votes_count
  const most = Math.max(0, ...poll.options.map((o) => o.votes_count ?? 0))
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' })

  const vote = async (e: FormEvent) => {
    e.preventDefault()
    if (picked.length === 0) return
    setBusy(true)
    setError(null)
    try {
      const next: Poll = await votePoll(poll.id, picked)
      list.patch(post.id, () => ({ poll: next }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const footer = (
    <p className="poll-footer">
      <span>{t('post.poll.votes', { count: total })}</span>
      <span aria-hidden="true"> · </span>
      <span>
        {poll.expired || !poll.expires_at
          ? poll.expired
            ? t('post.poll.closed')
            : t('post.poll.open')
          : t('post.poll.closes', { time: formatRelative(poll.expires_at, i18n.language) })}
      </span>
      {canVote && (
        <>
          <span aria-hidden="true"> · </span>
          <button type="button" className="link-button poll-peek" onClick={() => setPeek(!peek)}>
            {peek ? t('post.poll.hide_results') : t('post.poll.see_results')}
          </button>
        </>
      )}
    </p>
  )

  if (showResults) {
    return (
      <div className="poll">
        <ul className="poll-results">
          {poll.options.map((o, i) => {
            const votes = o.votes_count ?? 0
            const share = total > 0 ? votes / total : 0
            const mine = poll.own_votes?.includes(i)
            return (
              <li key={o.title} className={votes === most && most > 0 ? 'poll-result leading' : 'poll-result'}>
                <span className="poll-bar" style={{ inlineSize: `${Math.round(share * 100)}%` }} aria-hidden="true" />
                <span className="poll-result-title" dir="auto">
                  {o.title}
                  {mine && (
                    <span className="poll-mine">
                      <CheckSmallIcon size={16} />
                      <span className="visually-hidden">{t('post.poll.your_choice')}</span>
                    </span>
                  )}
                </span>
                <span className="poll-result-percent">{percent.format(share)}</span>
              </li>
            )
          })}
        </ul>
        {footer}
      </div>
    )
  }

  return (
    <form className="poll" onSubmit={vote}>
      <fieldset className="poll-choices">
        <legend className="visually-hidden">{t('post.poll.legend')}</legend>
        {poll.options.map((o, i) => (
          <label key={o.title} className="poll-choice">
            <input
              type={poll.multiple ? 'checkbox' : 'radio'}
              name={name}
              checked={picked.includes(i)}
              onChange={(e) =>
                setPicked(poll.multiple ? (e.target.checked ? [...picked, i] : picked.filter((x) => x !== i)) : [i])
              }
            />
            <span dir="auto">{o.title}</span>
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <p className="field-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <div className="poll-actions">
        <Button type="submit" size="sm" variant="secondary" disabled={picked.length === 0} busy={busy}>
          {t('post.poll.vote')}
        </Button>
        {poll.multiple && <span className="muted small">{t('post.poll.multiple_hint')}</span>}
      </div>
      {footer}
    </form>
  )
}
