/**
 * Accepts only same-origin relative paths ("/settings?x=1"), never "//evil.example"
 * or "/\evil.example", which browsers treat as other hosts.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  try {
    const url = new URL(value, window.location.origin)
    if (url.origin !== window.location.origin) return null
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return null
  }
}

export function signInPath(returnTo: string): string {
  return `/auth/sign_in?return_to=${encodeURIComponent(returnTo)}`
}
