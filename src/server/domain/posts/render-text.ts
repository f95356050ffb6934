// Plain text → safe HTML, as Mastodon renders statuses: paragraphs, line breaks, links, @mentions
// of local accounts and #hashtags. linkifyjs finds the entities; every piece of text is escaped
// here, so no user-supplied markup ever reaches the page.
import * as linkify from 'linkifyjs'
import 'linkify-plugin-hashtag'
import 'linkify-plugin-mention'
import type { Db } from '../../db/connect.ts'
import { canonicalUsername } from '../accounts/username.ts'
import { findAccountIdsByUsernames } from './posts-store.ts'

export type RenderedText = { html: string; mentionIds: string[]; tags: string[]; urls: string[] }

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export async function renderText(db: Db, publicUrl: string, text: string): Promise<RenderedText> {
  const normalized = text.replace(/\r\n?/g, '\n').trim()
  const tokens = linkify.tokenize(normalized)
  const usernames = tokens.filter((t) => t.t === 'mention').map((t) => canonicalUsername(t.toString().slice(1)))
  const accounts = await findAccountIdsByUsernames(db, [...new Set(usernames)])

  const mentionIds = new Set<string>()
  const tags = new Map<string, string>()
  const urls: string[] = []
  const paragraphs: string[] = []
  let current = ''
  let newlines = 0
  const flush = () => {
    if (current) paragraphs.push(`<p>${current}</p>`)
    current = ''
  }
  for (const token of tokens) {
    const raw = token.toString()
    if (token.t === 'nl') {
      newlines++
      continue
    }
    if (newlines >= 2) flush()
    else if (newlines === 1 && current) current += '<br />'
    newlines = 0
    if (token.t === 'url') {
      const href = token.toHref('https')
      if (!/^https?:\/\//i.test(href)) {
        current += escapeHtml(raw)
        continue
      }
      urls.push(href)
      const shown = raw.replace(/^https?:\/\/(www\.)?/i, '')
      const label = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown
      current += `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer" target="_blank">${escapeHtml(label)}</a>`
    } else if (token.t === 'mention') {
      const username = raw.slice(1)
      const id = accounts.get(canonicalUsername(username))
      if (!id) {
        current += escapeHtml(raw)
        continue
      }
      mentionIds.add(id)
      current += `<span class="h-card" translate="no"><a href="${escapeHtml(`${publicUrl}/@${username}`)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`
    } else if (token.t === 'hashtag') {
      const name = raw.slice(1)
      if (name.length > 100) {
        current += escapeHtml(raw)
        continue
      }
      if (!tags.has(name.toLowerCase())) tags.set(name.toLowerCase(), name)
      current += `<a href="${escapeHtml(`${publicUrl}/tags/${encodeURIComponent(name.toLowerCase())}`)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`
    } else {
      current += escapeHtml(raw)
    }
  }
  flush()
  return { html: paragraphs.join(''), mentionIds: [...mentionIds], tags: [...tags.values()].slice(0, 30), urls }
}
