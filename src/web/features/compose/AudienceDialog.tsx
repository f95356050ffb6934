import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KithVisibility } from '../../api/statuses.ts'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { AudienceOptions } from './audience.tsx'

type Props = {
  open: boolean
  value: KithVisibility
  onClose: () => void
  onChoose: (v: KithVisibility) => void | Promise<void>
  title?: string
  confirmLabel?: string
}

/** "Who can see your post?" for the composer, and for changing a posted post's audience. */
export function AudienceDialog({ open, value, onClose, onChoose, title, confirmLabel }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title ?? t('compose.audience_title')}
      closeLabel={t('compose.close')}
      size="sm"
    >
      <AudienceForm value={value} onClose={onClose} onChoose={onChoose} confirmLabel={confirmLabel} />
    </Dialog>
  )
}

function AudienceForm({ value, onClose, onChoose, confirmLabel }: Omit<Props, 'open' | 'title'>) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState(value)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault()
        setBusy(true)
        try {
          await onChoose(choice)
        } finally {
          setBusy(false)
        }
      }}
    >
      <p className="muted small">{t('compose.audience_lead')}</p>
      <AudienceOptions value={choice} onChange={setChoice} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {confirmLabel ?? t('common.done')}
        </Button>
      </div>
    </form>
  )
}
