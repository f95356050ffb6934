import { type ChangeEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CredentialAccount, removeProfileImage, uploadProfileImage } from '../../api/accounts.ts'
import { Button } from '../../components/Button.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { describeError } from '../../lib/errors.ts'
import { AccountAvatar } from '../profile/AccountAvatar.tsx'
import { hasAvatar, hasHeader } from '../profile/account-model.ts'
import { CameraIcon, TrashIcon } from '../profile/graph-icons.tsx'
import { CropDialog, type CropKind } from './CropDialog.tsx'

type Props = {
  account: CredentialAccount
  onChange: (account: CredentialAccount) => void
}

/** Cover photo and profile picture: pick a file, place it in the crop frame, save; or remove. */
export function PicturesCard({ account, onChange }: Props) {
  const { t } = useTranslation()
  const [picking, setPicking] = useState<{ kind: CropKind; file: File } | null>(null)
  const [removing, setRemoving] = useState<CropKind | null>(null)
  const inputs = { avatar: useRef<HTMLInputElement>(null), header: useRef<HTMLInputElement>(null) }

  const onPick = (kind: CropKind) => (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = '' // picking the same file again still opens the cropper
    if (file) setPicking({ kind, file })
  }

  const save = async (image: Blob) => {
    if (!picking) return
    const updated = await uploadProfileImage(picking.kind, image)
    onChange(updated)
    showToast(picking.kind === 'avatar' ? t('edit_profile.avatar_saved') : t('edit_profile.cover_saved'))
  }

  const remove = async (kind: CropKind) => {
    setRemoving(kind)
    try {
      onChange(await removeProfileImage(kind))
      showToast(kind === 'avatar' ? t('edit_profile.avatar_removed') : t('edit_profile.cover_removed'))
    } catch (err) {
      showToast(describeError(t, err), 'error')
    } finally {
      setRemoving(null)
    }
  }

  const picker = (kind: CropKind) => (
    <input
      ref={inputs[kind]}
      type="file"
      accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      onChange={onPick(kind)}
    />
  )

  return (
    <section className="card settings-card" id="pictures" aria-labelledby="pictures-heading">
      <h2 id="pictures-heading">{t('edit_profile.pictures')}</h2>

      <div className="picture-row">
        <div className="picture-head">
          <h3>{t('edit_profile.cover')}</h3>
          <div className="button-row">
            {hasHeader(account) && (
              <Button
                variant="ghost"
                size="sm"
                icon={<TrashIcon size={16} />}
                busy={removing === 'header'}
                onClick={() => remove('header')}
              >
                {t('edit_profile.remove_cover')}
              </Button>
            )}
            <Button
              variant="secondary"
              size="sm"
              icon={<CameraIcon size={16} />}
              onClick={() => inputs.header.current?.click()}
            >
              {hasHeader(account) ? t('edit_profile.change_cover') : t('edit_profile.add_cover')}
            </Button>
          </div>
        </div>
        <div className={hasHeader(account) ? 'picture-cover' : 'picture-cover profile-cover-empty'}>
          {hasHeader(account) && <img src={account.header} alt={t('edit_profile.current_cover')} />}
        </div>
        {picker('header')}
      </div>

      <div className="picture-row">
        <div className="picture-head">
          <h3>{t('edit_profile.avatar')}</h3>
          <div className="button-row">
            {hasAvatar(account) && (
              <Button
                variant="ghost"
                size="sm"
                icon={<TrashIcon size={16} />}
                busy={removing === 'avatar'}
                onClick={() => remove('avatar')}
              >
                {t('edit_profile.remove_avatar')}
              </Button>
            )}
            <Button
              variant="secondary"
              size="sm"
              icon={<CameraIcon size={16} />}
              onClick={() => inputs.avatar.current?.click()}
            >
              {hasAvatar(account) ? t('edit_profile.change_avatar') : t('edit_profile.add_avatar')}
            </Button>
          </div>
        </div>
        <div className="picture-avatar">
          <AccountAvatar account={account} size={128} />
        </div>
        {picker('avatar')}
      </div>
      <p className="field-hint">{t('edit_profile.pictures_hint')}</p>

      <CropDialog
        kind={picking?.kind ?? 'avatar'}
        file={picking?.file ?? null}
        onClose={() => setPicking(null)}
        onSave={save}
      />
    </section>
  )
}
