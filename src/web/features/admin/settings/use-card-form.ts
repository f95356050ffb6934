import { type FormEvent, useState } from 'react'
import type { AdminSettings, SettingsChanges } from '../../../api/admin.ts'
import { updateSettings } from '../../../api/admin.ts'
import { fieldErrorsFrom } from '../../../lib/errors.ts'

export type SavedHandler = (next: AdminSettings) => Promise<void> | void

/**
 * One settings card's form: a draft of some fields, saved with one PATCH of just those fields.
 * `toChanges` turns the draft (numbers typed as text, say) into the request body.
 */
export function useCardForm<D extends Record<string, unknown>>(
  initial: D,
  toChanges: (draft: D) => SettingsChanges,
  onSaved: SavedHandler,
) {
  const [draft, setDraft] = useState<D>(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  const set = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setSaved(false)
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      await onSaved(await updateSettings(toChanges(draft)))
      setSaved(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const errors = fieldErrorsFrom(error, Object.keys(initial))
  return { draft, set, setDraft, dirty, busy, error, errors, saved, submit }
}

/** A number field's text as the API wants it: a whole number, or null when blank and allowed. */
export function toInt(text: string, nullable: true): number | null
export function toInt(text: string, nullable?: false): number
export function toInt(text: string, nullable = false): number | null {
  const trimmed = text.trim()
  if (trimmed === '' && nullable) return null
  const n = Number(trimmed)
  // Anything that isn't a whole number goes through as NaN-free garbage the server refuses by field.
  return Number.isFinite(n) ? n : -1
}
