import './post.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { getStatus, getStatusContext } from '../../api/statuses.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { LockIcon } from '../../components/icons.tsx'
import { ChevronStartIcon } from '../../components/post-icons.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { useStreamEvents } from '../../context/streaming.tsx'
import { describeError } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { PostSkeleton } from '../feed/PostSkeleton.tsx'
import { NotFoundPage } from '../not-found/NotFoundPage.tsx'
import { PostCard } from './PostCard.tsx'
import { type PostListActions, PostListContext } from './post-list.tsx'
import { displayName, patchStatus, type Status } from './post-model.ts'

/** `/@:username/:id` (a post's `url`): the post and all its comments; a comment opens its post. */
export function PostPage() {
  const { handle = '', id = '' } = useParams()
  if (!handle.startsWith('@') || !/^\d{1,20}$/.test(id)) return <NotFoundPage />
  return <PostView key={id} id={id} />
}

function PostView({ id }: { id: string }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const navigate = useNavigate()
  const [status, setStatus] = useState<Status | null>(null)
  const [highlightId, setHighlightId] = useState<string | undefined>()
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)

  const load = useCallback(async () => {
    setError(null)
    try {
      const s = await getStatus(id)
      // A comment's page is its post's page, scrolled to the comment.
      if (s.in_reply_to_id) {
        const { ancestors } = await getStatusContext(id)
        if (ancestors[0]) {
          setHighlightId(s.id)
          setStatus(ancestors[0])
          return
        }
      }
      setStatus(s)
    } catch (err) {
      setError(err)
    }
  }, [id])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the retry trigger
  useEffect(() => {
    void load()
  }, [load, round])

  const actions = useMemo<PostListActions>(
    () => ({
      patch: (pid, patch) => setStatus((s) => (s ? patchStatus(s, pid, patch) : s)),
      removeWhere: (test) => setStatus((s) => (s && test(s) ? null : s)),
      insert: () => {},
    }),
    [],
  )

  const post = status?.reblog ?? status

  // Live counts: the post is read again when the stream says something happened to it (an edit, or
  // a notification about it: a reaction, a share, a comment) and after a reconnect. Comments.tsx
  // keeps the thread itself live.
  const postId = post?.id
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(refreshTimer.current), [])
  useStreamEvents((event) => {
    if (!postId) return
    if (event.type === 'delete' && event.id === postId) {
      setError(new ApiError(404, {}))
      return
    }
    const about =
      event.type === 'resync' ||
      (event.type === 'status.update' && event.status.id === postId) ||
      (event.type === 'notification' &&
        (event.notification.status?.id === postId || event.notification.status?.in_reply_to_id === postId))
    if (!about) return
    clearTimeout(refreshTimer.current)
    refreshTimer.current = setTimeout(() => {
      getStatus(postId).then(
        (fresh) => {
          const { reblog: _, ...fields } = fresh
          setStatus((s) => (s ? patchStatus(s, postId, () => fields) : s))
        },
        () => {},
      )
    }, 250)
  })
  useDocumentTitle(post ? t('post.page_title', { name: displayName(post.account) }) : null)
  const gone = error instanceof ApiError && (error.status === 404 || error.status === 403)

  return (
    <div className="post-page">
      <Toaster />
      {user && (
        <p className="post-page-back">
          <Link to="/" className="btn btn-ghost btn-sm">
            <ChevronStartIcon size={18} />
            {t('post.back_to_feed')}
          </Link>
        </p>
      )}
      {gone ? (
        <section className="card empty-state" aria-labelledby="post-gone-title">
          <span className="empty-state-icon">
            <LockIcon size={28} />
          </span>
          <h1 id="post-gone-title">{t('post.unavailable_title')}</h1>
          <p className="muted">{t('post.unavailable_body')}</p>
          <Link to="/" className="btn btn-secondary">
            {user ? t('post.back_to_feed') : t('post.go_home')}
          </Link>
        </section>
      ) : error ? (
        <>
          <h1 className="visually-hidden">{t('post.page_heading')}</h1>
          <Alert
            tone="error"
            title={t('post.load_failed')}
            actions={
              <Button variant="secondary" size="sm" onClick={() => setRound((r) => r + 1)}>
                {t('common.try_again')}
              </Button>
            }
          >
            {describeError(t, error)}
          </Alert>
        </>
      ) : (
        <>
          <h1 className="visually-hidden">
            {post ? t('post.page_title', { name: displayName(post.account) }) : t('post.page_heading')}
          </h1>
          {status ? (
            <PostListContext.Provider value={actions}>
              <PostCard status={status} mode="page" highlightId={highlightId} onDeleted={() => navigate('/')} />
            </PostListContext.Provider>
          ) : (
            <PostSkeleton />
          )}
        </>
      )}
    </div>
  )
}
