// Pieces the filter cards share: a titled card and the state of an "add" form.
import { type FormEvent, type ReactNode, useState } from 'react'

/** A card with a list and an "add" form; `submit` returns a promise the form waits on. */
export function useAdd() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (e: FormEvent, action: () => Promise<unknown>, after: () => void) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
      after()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}

export function Card({
  id,
  title,
  intro,
  children,
}: {
  id: string
  title: string
  intro: string
  children: ReactNode
}) {
  return (
    <section className="card admin-card" aria-labelledby={`${id}-title`}>
      <div className="admin-card-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="muted small">{intro}</p>
        </div>
      </div>
      {children}
    </section>
  )
}
