// Small helpers for showing an Account: names, paths, and whether its pictures are real uploads.
import type { Account } from '../../api/accounts.ts'

const DEFAULT_AVATAR = '/avatars/original/missing.png'
const DEFAULT_HEADER = '/headers/original/missing.png'

export function nameOf(a: Pick<Account, 'display_name' | 'username'>): string {
  return a.display_name.trim() || a.username
}

export function profilePathOf(a: Pick<Account, 'username'>): string {
  return `/@${a.username}`
}

export function hasAvatar(a: Pick<Account, 'avatar'>): boolean {
  return !!a.avatar && !a.avatar.endsWith(DEFAULT_AVATAR)
}

export function hasHeader(a: Pick<Account, 'header'>): boolean {
  return !!a.header && !a.header.endsWith(DEFAULT_HEADER)
}

/** The first letter of the name, for an avatar without a picture. */
export function initialOf(a: Pick<Account, 'display_name' | 'username'>): string {
  return Array.from(nameOf(a).trim())[0]?.toLocaleUpperCase() ?? '?'
}

/** A website for display: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}
