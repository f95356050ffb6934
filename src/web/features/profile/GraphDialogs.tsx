import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'

type ConfirmProps = {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  tone?: 'danger' | 'primary'
  onConfirm: () => Promise<unknown>
  onClose: () => void
}

/** "Are you sure?" for actions that are hard to undo: unfriend, block. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  onConfirm,
  onClose,
}: ConfirmProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      onClose()
    }
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      closeLabel={t('relationship.close')}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} onClick={confirm} busy={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="graph-dialog-text">{children}</div>
    </Dialog>
  )
}

const durations = [
  { key: 'hour', seconds: 3600 },
  { key: 'day', seconds: 86_400 },
  { key: 'week', seconds: 7 * 86_400 },
  { key: 'forever', seconds: 0 },
] as const

type MuteProps = {
  open: boolean
  name: string
  onMute: (options: { duration: number; notifications: boolean }) => Promise<unknown>
  onClose: () => void
}

/** Mute for a while or for good, optionally with their notifications. */
export function MuteDialog({ open, name, onMute, onClose }: MuteProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('relationship.mute_title', { name })}
      closeLabel={t('relationship.close')}
      size="sm"
    >
      <MuteForm onMute={onMute} onClose={onClose} />
    </Dialog>
  )
}

function MuteForm({ onMute, onClose }: Pick<MuteProps, 'onMute' | 'onClose'>) {
  const { t } = useTranslation()
  const [duration, setDuration] = useState<number>(0)
  const [notifications, setNotifications] = useState(true)
  const [busy, setBusy] = useState(false)
  const legendId = useId()
  const notifyId = useId()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      await onMute({ duration, notifications })
    } finally {
      setBusy(false)
      onClose()
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p className="muted small">{t('relationship.mute_lead')}</p>
      <fieldset className="choice-list" aria-labelledby={legendId}>
        <legend id={legendId} className="field-label">
          {t('relationship.mute_for')}
        </legend>
        {durations.map((d) => (
          <label key={d.key} className="choice">
            <input
              type="radio"
              name="mute-duration"
              value={d.seconds}
              checked={duration === d.seconds}
              onChange={() => setDuration(d.seconds)}
            />
            <span>{t(`relationship.mute_durations.${d.key}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="check">
        <input
          id={notifyId}
          type="checkbox"
          checked={notifications}
          onChange={(e) => setNotifications(e.target.checked)}
        />
        <label htmlFor={notifyId}>{t('relationship.mute_notifications')}</label>
      </div>
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('relationship.mute')}
        </Button>
      </div>
    </form>
  )
}
