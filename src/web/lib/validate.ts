// Client-side checks before a request; the server checks again and has the last word.
// Each returns a translation key, or null when the value is fine.

export function checkRequired(value: string): string | null {
  return value.trim() ? null : 'validation.required'
}

export function checkEmail(value: string): string | null {
  if (!value.trim()) return 'validation.required'
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'validation.email'
}

export function checkUsername(value: string): string | null {
  if (!value.trim()) return 'validation.required'
  return /^[A-Za-z0-9_]{1,30}$/.test(value.trim()) ? null : 'validation.username'
}

export type FieldErrors = Record<string, string | undefined>

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean)
}

/** After a failed submit, moves focus to the first field marked invalid (once React has rendered it). */
export function focusFirstError(form: EventTarget | null) {
  if (!(form instanceof HTMLFormElement)) return
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
