import './reactions.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ReactionIcon } from '../../components/ReactionIcon.tsx'
import { type InnerStatus, reactionTotal, topReactions } from './post-model.ts'
import { ReactionsDialog } from './ReactionsDialog.tsx'

/** The top reaction pictures and how many reacted; a click lists who reacted how. */
export function ReactionSummary({ post, compact = false }: { post: InnerStatus; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const total = reactionTotal(post)
  if (total === 0) return null
  const mine = post.kith.my_reaction !== null
  const count = new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(total)
  const text = compact
    ? count
    : mine
      ? total === 1
        ? t('post.reactions.you')
        : t('post.reactions.you_and_others', { count: total - 1 })
      : count
  return (
    <>
      <button
        type="button"
        className={compact ? 'reaction-summary compact' : 'reaction-summary'}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={t('post.reactions.summary', { count: total })}
      >
        <span className="reaction-stack" aria-hidden="true">
          {topReactions(post).map((k) => (
            <ReactionIcon key={k} kind={k} size={compact ? 16 : 18} />
          ))}
        </span>
        <span aria-hidden="true">{text}</span>
      </button>
      <ReactionsDialog post={post} open={open} onClose={() => setOpen(false)} />
    </>
  )
}
