import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../../components/icons.tsx'
import { describeError } from '../../lib/errors.ts'
import type { Upload } from './use-uploads.ts'

type Props = {
  items: Upload[]
  descriptionLimit: number
  onRemove: (localId: string) => void
  onRetry: (localId: string) => void
  onDescribe: (localId: string, text: string) => void
}

/** Picked photos: a preview with upload progress or the error, a remove button and an alt text field. */
export function UploadList({ items, descriptionLimit, onRemove, onRetry, onDescribe }: Props) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <div className="uploads">
      <ul className={items.length === 1 ? 'upload-list upload-list-single' : 'upload-list'}>
        {items.map((u, i) => {
          const n = i + 1
          return (
            <li key={u.localId} className={`upload upload-${u.state}`}>
              <div className="upload-preview">
                <img src={u.previewUrl} alt="" />
                {u.state === 'uploading' && (
                  <div className="upload-progress">
                    <progress max={1} value={u.progress} aria-label={t('compose.photo_uploading', { n })} />
                  </div>
                )}
                {u.state === 'failed' && (
                  <div className="upload-error" role="alert">
                    <span>{describeError(t, u.error)}</span>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => onRetry(u.localId)}>
                      {t('common.try_again')}
                    </button>
                  </div>
                )}
                <button
                  type="button"
                  className="upload-remove"
                  onClick={() => onRemove(u.localId)}
                  aria-label={t('compose.photo_remove', { n })}
                  title={t('compose.photo_remove', { n })}
                >
                  <CloseIcon size={16} />
                </button>
              </div>
              <label className="visually-hidden" htmlFor={`alt-${u.localId}`}>
                {t('compose.photo_alt_label', { n })}
              </label>
              <textarea
                id={`alt-${u.localId}`}
                className="input upload-alt"
                rows={2}
                maxLength={descriptionLimit}
                placeholder={t('compose.photo_alt_placeholder')}
                value={u.description}
                onChange={(e) => onDescribe(u.localId, e.target.value)}
              />
            </li>
          )
        })}
      </ul>
      <p className="uploads-hint">{t('compose.photo_alt_hint')}</p>
    </div>
  )
}
