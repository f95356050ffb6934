// Plain text (bios, field values, later posts) → safe HTML, the way Mastodon renders it:
// everything is escaped, http(s) URLs, @mentions of local accounts and #hashtags become links,
// blank lines make paragraphs and single newlines <br />. Recognition is linkifyjs's; the HTML is ours.
import * as linkify from 'linkifyjs'
import 'linkify-plugin-hashtag'
import 'linkify-plugin-mention'

export type TextToken =
  | { kind: 'text'; text: string }
  | { kind: 'newline' }
  | { kind: 'url'; text: string; href: string }
  | { kind: 'mention'; text: string; username: string; domain: string | null }
  | { kind: 'hashtag'; text: string; name: string }

/** A local account a mention links to, keyed by lower-cased username in `RenderOptions.mentions`. */
export type MentionTarget = { username: string; url: string }

export type RenderOptions = {
  /** The site's public URL, e.g. `https://kith.example`; hashtags link to `<baseUrl>/tags/<name>`. */
  baseUrl: string
  /** Local accounts by lower-cased username. A mention of anyone else stays plain text. */
  mentions?: ReadonlyMap<string, MentionTarget>
  /** Field values are one line: no paragraphs. */
  inline?: boolean
}

const URL_DISPLAY_MAX = 30

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** linkifyjs tokens, normalised: dotted usernames and `@user@domain` joined, non-http links as text. */
export function tokenizePlainText(text: string): TextToken[] {
  const raw = linkify.tokenize(text).map((t) => ({ type: t.t, value: t.toString() }))
  const out: TextToken[] = []
  const pushText = (s: string) => {
    if (!s) return
    const last = out.at(-1)
    if (last?.kind === 'text') last.text += s
    else out.push({ kind: 'text', text: s })
  }
  for (let i = 0; i < raw.length; i++) {
    const { type, value } = raw[i]!
    if (type === 'nl') out.push({ kind: 'newline' })
    else if (type === 'url' && /^https?:\/\//i.test(value) && URL.canParse(value)) {
      out.push({ kind: 'url', text: value, href: value })
    } else if (type === 'hashtag') out.push({ kind: 'hashtag', text: value, name: value.slice(1) })
    else if (type === 'mention') {
      // linkify stops a mention at a dot ("@jo.ann" → "@jo") and splits "@bob@host.tld" in two.
      let username = value.slice(1)
      let next = raw[i + 1]
      const dotted = next?.type === 'text' ? next.value.match(/^(?:\.[A-Za-z0-9_-]*[A-Za-z0-9_])+/) : null
      if (dotted && next) {
        username += dotted[0]
        next = { type: 'text', value: next.value.slice(dotted[0].length) }
        raw[i + 1] = next
      }
      let domain: string | null = null
      if (next?.type === 'mention') {
        const after = raw[i + 2]
        const tld = after?.type === 'text' ? after.value.match(/^(?:\.[A-Za-z0-9-]+)+/) : null
        domain = next.value.slice(1) + (tld?.[0] ?? '')
        if (tld && after) raw[i + 2] = { type: 'text', value: after.value.slice(tld[0].length) }
        i++
      }
      out.push({ kind: 'mention', text: `@${username}${domain ? `@${domain}` : ''}`, username, domain })
    } else pushText(value)
  }
  return out
}

/** Lower-cased usernames mentioned on this site (bare, or `@name@<localHost>`), each once. */
export function extractLocalMentions(text: string, localHost: string): string[] {
  const names = new Set<string>()
  for (const t of tokenizePlainText(text)) {
    if (t.kind === 'mention' && isLocal(t, localHost)) names.add(t.username.toLowerCase())
  }
  return [...names]
}

/** Hashtag names as first written, each once (case-insensitively). */
export function extractHashtags(text: string): string[] {
  const seen = new Map<string, string>()
  for (const t of tokenizePlainText(text)) {
    if (t.kind === 'hashtag' && !seen.has(t.name.toLowerCase())) seen.set(t.name.toLowerCase(), t.name)
  }
  return [...seen.values()]
}

export function renderPlainText(text: string, options: RenderOptions): string {
  const normalised = text.replace(/\r\n?/g, '\n').trim()
  if (!normalised) return ''
  if (options.inline) return renderTokens(tokenizePlainText(normalised.replace(/\s*\n\s*/g, ' ')), options)
  return normalised
    .split(/\n\s*\n/)
    .map((p) => `<p>${renderTokens(tokenizePlainText(p.trim()), options)}</p>`)
    .join('')
}

function renderTokens(tokens: TextToken[], options: RenderOptions): string {
  const host = new URL(options.baseUrl).host
  return tokens.map((t) => renderToken(t, options, host)).join('')
}

function renderToken(t: TextToken, options: RenderOptions, host: string): string {
  if (t.kind === 'text') return escapeHtml(t.text)
  if (t.kind === 'newline') return '<br />'
  if (t.kind === 'url') return renderUrl(t.href)
  if (t.kind === 'hashtag') {
    return (
      `<a href="${escapeHtml(`${options.baseUrl}/tags/${encodeURIComponent(t.name)}`)}" ` +
      `class="mention hashtag" rel="tag">#<span>${escapeHtml(t.name)}</span></a>`
    )
  }
  const target = isLocal(t, host) ? options.mentions?.get(t.username.toLowerCase()) : undefined
  if (!target) return escapeHtml(t.text)
  return (
    `<span class="h-card" translate="no"><a href="${escapeHtml(target.url)}" class="u-url mention">` +
    `@<span>${escapeHtml(target.username)}</span></a></span>`
  )
}

// Mastodon's link markup: the scheme hidden, the rest cut at 30 characters with an ellipsis class.
function renderUrl(href: string): string {
  const m = href.match(/^(https?:\/\/(?:www\.)?)(.*)$/i)!
  const prefix = m[1]!
  const rest = m[2]!
  const shown = rest.slice(0, URL_DISPLAY_MAX)
  const hidden = rest.slice(URL_DISPLAY_MAX)
  return (
    `<a href="${escapeHtml(href)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${hidden ? 'ellipsis' : ''}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  )
}

function isLocal(t: { domain: string | null }, localHost: string): boolean {
  return t.domain === null || t.domain.toLowerCase() === localHost.toLowerCase()
}
