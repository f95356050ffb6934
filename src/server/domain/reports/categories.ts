// Report categories: Kith's own, Mastodon's mapped onto them, and the queue's severity order.

export const CATEGORIES = ['spam', 'harassment', 'violence', 'terrorism', 'child_safety', 'illegal', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
/** What Mastodon clients send and read (https://docs.joinmastodon.org/entities/Report/#category). */
export type MastodonCategory = 'spam' | 'legal' | 'violation' | 'other'

/** Highest first in the moderation queue; within one severity the oldest waits least. */
export const SEVERITY: Record<Category, number> = {
  child_safety: 3,
  terrorism: 3,
  violence: 3,
  harassment: 2,
  illegal: 2,
  spam: 1,
  other: 1,
}
/** Appeals and posts held by a filter sit between the gravest reports and the rest. */
export const APPEAL_SEVERITY = 2
export const HELD_POST_SEVERITY = 2

export function toCategory(value: string | undefined | null): Category | null {
  if (!value) return 'other'
  if ((CATEGORIES as readonly string[]).includes(value)) return value as Category
  if (value === 'legal') return 'illegal'
  // NOTE: Mastodon's `violation` means "breaks the rules I picked"; the rules travel in rule_ids.
  if (value === 'violation') return 'other'
  return null
}

export function toMastodonCategory(category: string, ruleIds: string[]): MastodonCategory {
  switch (category) {
    case 'spam':
      return 'spam'
    case 'illegal':
    case 'child_safety':
    case 'terrorism':
      return 'legal'
    case 'harassment':
    case 'violence':
      return 'violation'
    default:
      return ruleIds.length > 0 ? 'violation' : 'other'
  }
}

export function splitIds(value: string): string[] {
  return value.split(' ').filter(Boolean)
}
