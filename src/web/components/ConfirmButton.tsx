import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button.tsx'

type Props = {
  children: ReactNode
  question: ReactNode
  confirmLabel: ReactNode
  onConfirm: () => Promise<void> | void
}

/** A destructive action that asks once, inline, before it happens. */
export function ConfirmButton({ children, question, confirmLabel, onConfirm }: Props) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  if (!asking) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setAsking(true)}>
        {children}
      </Button>
    )
  }
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }
  return (
    <div className="confirm-inline">
      <span className="confirm-question">{question}</span>
      <Button variant="danger" size="sm" busy={busy} onClick={confirm}>
        {confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" disabled={busy} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </div>
  )
}
