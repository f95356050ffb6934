import './overlays.css'
import { useSyncExternalStore } from 'react'

// Short confirmations ("Link copied") in one polite live region. showToast() may be called from
// anywhere; the messages appear wherever a <Toaster /> is mounted.

type Toast = { id: number; message: string; tone: 'info' | 'error' }

let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => {
  for (const l of listeners) l()
}

export function showToast(message: string, tone: Toast['tone'] = 'info') {
  const id = nextId++
  toasts = [...toasts.slice(-2), { id, message, tone }]
  emit()
  setTimeout(() => {
    toasts = toasts.filter((t) => t.id !== id)
    emit()
  }, 4000)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts)
  return (
    <div className="toaster" role="status" aria-live="polite">
      {list.map((t) => (
        <p key={t.id} className={t.tone === 'error' ? 'toast toast-error' : 'toast'}>
          {t.message}
        </p>
      ))}
    </div>
  )
}
