import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button.tsx'
import { CheckIcon, CopyIcon } from './icons.tsx'

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={copy}
      icon={state === 'copied' ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
    >
      <span aria-live="polite">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('common.copy_failed')
            : (label ?? t('common.copy'))}
      </span>
    </Button>
  )
}
