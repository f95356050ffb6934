import './comments.css'
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getStatusContext } from '../../api/statuses.ts'
import { ReplyIcon } from '../../components/post-icons.tsx'
import { useSession } from '../../context/session.tsx'
import { useStreamEvents } from '../../context/streaming.tsx'
import type { StreamEvent } from '../../lib/streaming.ts'
import { CommentBox } from '../compose/CommentBox.tsx'
import { CommentItem } from './CommentItem.tsx'
import { buildThreads } from './comment-threads.ts'
import { type PostListActions, PostListContext, usePostList } from './post-list.tsx'
import { type Account, type InnerStatus, type Post, patchStatus, type Status } from './post-model.ts'

type Props = {
  root: Post
  /** In a feed: the newest two comments, loaded when the post scrolls into view. On its page: all. */
  mode: 'feed' | 'page'
  highlightId?: string
  /** Bumped by the card's Comment button: open the comments and put the cursor in the box. */
  composeSignal: number
}

type ReplyTarget = { threadId: string; target: InnerStatus }

/**
 * Facebook-style comments: comments on the post, and under each one its replies at a single second
 * level (a reply to a reply says "Replying to @x"). Built from the context's `in_reply_to_id`s.
 */
export function Comments({ root, mode, highlightId, composeSignal }: Props) {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const outer = usePostList()
  const [comments, setComments] = useState<Status[] | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle')
  const [showAll, setShowAll] = useState(mode === 'page')
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  const [replying, setReplying] = useState<ReplyTarget | null>(null)
  const [composing, setComposing] = useState(mode === 'page')
  const wrapRef = useRef<HTMLElement>(null)
  const boxRef = useRef<HTMLTextAreaElement>(null)
  const wanted = mode === 'page' || root.replies_count > 0 || composeSignal > 0

  const load = useCallback(async () => {
    setState('loading')
    try {
      const context = await getStatusContext(root.id)
      setComments(context.descendants)
      setState('idle')
    } catch {
      setState('error')
    }
  }, [root.id])

  // In a feed, comments load once the post comes near the screen: no request per post up front.
  useEffect(() => {
    if (comments !== null || state !== 'idle' || !wanted) return
    const el = wrapRef.current
    if (mode === 'page' || !el || typeof IntersectionObserver === 'undefined') {
      void load()
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect()
          void load()
        }
      },
      { rootMargin: '300px 0px' },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [comments, state, wanted, mode, load])

  // On the post's page the thread is live: a comment the stream tells us about (an `update` or a
  // notification whose post answers something in this thread) reloads it, a deleted one goes.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(reloadTimer.current), [])
  useStreamEvents((event: StreamEvent) => {
    if (comments === null) return
    const inThread = (id: string | null | undefined) => !!id && (id === root.id || comments.some((c) => c.id === id))
    let reload = event.type === 'resync'
    if (event.type === 'update' || event.type === 'status.update') reload = inThread(event.status.in_reply_to_id)
    if (event.type === 'notification') reload = inThread(event.notification.status?.in_reply_to_id)
    if (event.type === 'delete' && comments.some((c) => c.id === event.id)) {
      setComments((list) => list?.filter((c) => c.id !== event.id) ?? list)
    }
    if (!reload) return
    clearTimeout(reloadTimer.current)
    reloadTimer.current = setTimeout(() => void load(), 250)
  }, mode === 'page')

  useEffect(() => {
    if (composeSignal === 0) return
    setComposing(true)
    setShowAll(true)
    requestAnimationFrame(() => boxRef.current?.focus())
  }, [composeSignal])

  const actions = useMemo<PostListActions>(
    () => ({
      patch: (id, patch) => setComments((list) => list?.map((s) => patchStatus(s, id, patch)) ?? list),
      removeWhere: (test) => {
        setComments((list) => list?.filter((s) => !test(s)) ?? list)
        outer.patch(root.id, (s) => ({ replies_count: Math.max(0, s.replies_count - 1) }))
      },
      insert: outer.insert,
    }),
    [outer, root.id],
  )

  const added = (s: Status, threadId?: string) => {
    setComments((list) => [...(list ?? []), s])
    outer.patch(root.id, (r) => ({ replies_count: r.replies_count + 1 }))
    if (threadId) setExpanded((set) => new Set(set).add(threadId))
    setReplying(null)
  }

  const { threads, byId } = useMemo(() => buildThreads(root.id, comments ?? []), [root.id, comments])
  const shown = showAll ? threads : threads.slice(-2)
  const hidden = threads.length - shown.length
  const count = new Intl.NumberFormat(i18n.language)

  if (!wanted && !composing) return null

  const replyBox = (threadId: string): ReactNode => {
    if (replying?.threadId !== threadId) return null
    const target = replying.target
    const mention = target.account.id !== user?.id ? `@${target.account.acct} ` : ''
    return (
      <CommentBox
        key={target.id}
        inReplyToId={target.id}
        visibility={root.kith.visibility}
        initialText={mention}
        autoFocus
        label={t('post.comments.reply_label', { name: target.account.display_name || target.account.username })}
        placeholder={t('post.comments.reply_placeholder')}
        onPosted={(s) => added(s, threadId)}
      />
    )
  }

  return (
    <PostListContext.Provider value={actions}>
      <section ref={wrapRef} className="comments" aria-label={t('post.comments.label')}>
        {hidden > 0 && (
          <button type="button" className="comments-more" onClick={() => setShowAll(true)}>
            {t('post.comments.view_more', { count: hidden, formatted: count.format(hidden) })}
          </button>
        )}
        {state === 'loading' && comments === null && <CommentsSkeleton />}
        {state === 'error' && (
          <p className="comments-error" role="alert">
            {t('post.comments.load_failed')}{' '}
            <button type="button" className="link-button" onClick={() => void load()}>
              {t('common.try_again')}
            </button>
          </p>
        )}
        {shown.length > 0 && (
          <ul className="comment-list">
            {shown.map(({ comment, replies }) => {
              const open = mode === 'page' || expanded.has(comment.id) || replies.some((r) => r.id === highlightId)
              return (
                <li key={comment.id} className="comment-thread">
                  <CommentItem
                    comment={comment}
                    highlighted={comment.id === highlightId}
                    onReply={() => setReplying({ threadId: comment.id, target: comment })}
                  />
                  {replies.length > 0 &&
                    (open ? (
                      <ul className="comment-replies">
                        {replies.map((r) => (
                          <li key={r.id}>
                            <CommentItem
                              comment={r}
                              highlighted={r.id === highlightId}
                              replyingTo={r.in_reply_to_id !== comment.id ? replyTarget(byId, r) : null}
                              onReply={() => setReplying({ threadId: comment.id, target: r })}
                            />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <button
                        type="button"
                        className="comment-replies-toggle"
                        onClick={() => setExpanded((set) => new Set(set).add(comment.id))}
                      >
                        <ReplyIcon size={16} />
                        {t('post.comments.view_replies', {
                          count: replies.length,
                          formatted: count.format(replies.length),
                        })}
                      </button>
                    ))}
                  {replying?.threadId === comment.id && <div className="comment-replies">{replyBox(comment.id)}</div>}
                </li>
              )
            })}
          </ul>
        )}
        {user && (composing || (comments?.length ?? 0) > 0) && (
          <CommentBox
            inReplyToId={root.id}
            visibility={root.kith.visibility}
            inputRef={boxRef}
            label={t('post.comments.write_label')}
            placeholder={t('post.comments.write_placeholder')}
            onPosted={(s) => added(s)}
          />
        )}
      </section>
    </PostListContext.Provider>
  )
}

function replyTarget(byId: Map<string, Status>, s: Status): Account | null {
  return (s.in_reply_to_id && byId.get(s.in_reply_to_id)?.account) || null
}

function CommentsSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="comments-skeleton">
      <span className="visually-hidden" role="status">
        {t('post.comments.loading')}
      </span>
      {[0, 1].map((i) => (
        <div key={i} className="comment-skeleton" aria-hidden="true">
          <span className="skeleton skeleton-circle" />
          <span className="skeleton skeleton-bubble" />
        </div>
      ))}
    </div>
  )
}
