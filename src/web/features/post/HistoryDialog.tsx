import { useTranslation } from 'react-i18next'
import { getStatusHistory } from '../../api/statuses.ts'
import { Alert } from '../../components/Alert.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useLoad } from '../../lib/use-load.ts'
import { PostContent } from './PostContent.tsx'
import type { InnerStatus } from './post-model.ts'

/** Every version of an edited post, newest first. */
export function HistoryDialog({ post, open, onClose }: { post: InnerStatus; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('post.history.title')} closeLabel={t('post.close')}>
      <History post={post} />
    </Dialog>
  )
}

function History({ post }: { post: InnerStatus }) {
  const { t, i18n } = useTranslation()
  const versions = useLoad(() => getStatusHistory(post.id), [post.id, post.edited_at])
  if (versions.loading && !versions.data)
    return (
      <div className="center">
        <Spinner />
      </div>
    )
  if (versions.error) return <Alert tone="error">{describeError(t, versions.error)}</Alert>
  const list = [...(versions.data ?? [])].reverse()
  return (
    <ol className="history">
      {list.map((v, i) => (
        <li key={v.created_at} className="history-item">
          <p className="history-when">
            {i === list.length - 1 ? t('post.history.original') : t('post.history.edited')}
            {' · '}
            <time dateTime={v.created_at}>{formatDateTime(v.created_at, i18n.language)}</time>
          </p>
          {v.spoiler_text && <p className="post-warning-text">{v.spoiler_text}</p>}
          <PostContent html={v.content} />
        </li>
      ))}
    </ol>
  )
}
