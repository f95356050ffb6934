// What a link preview shows, read from a page's OpenGraph and Twitter tags, <title> and
// <meta name="description">. Only these few strings leave this file: never raw HTML.
// NOTE: htmlparser2 is a streaming, forgiving parser (the one behind cheerio); it decodes entities
// and builds no DOM, so a large page costs little memory.
import { Parser } from 'htmlparser2'

export type PageMetadata = { title: string; description: string; siteName: string; imageUrl: string | null }

export const CARD_LIMITS = { title: 200, description: 500, siteName: 100 }

/** Decodes the body with the charset from the header, else a <meta charset>, else UTF-8. */
export function decodeHtml(body: Buffer, headerCharset: string | null): string {
  const head = body.subarray(0, 2048).toString('latin1')
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null
  for (const label of [headerCharset, meta, 'utf-8']) {
    if (!label) continue
    try {
      return new TextDecoder(label).decode(body)
    } catch {
      // an unknown label: try the next
    }
  }
  return body.toString('utf8')
}

export function extractPageMetadata(html: string, pageUrl: string): PageMetadata {
  const metas = new Map<string, string>()
  let title = ''
  let inTitle = false
  let sawTitle = false
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title' && !sawTitle) inTitle = true
        if (name !== 'meta') return
        const key = (attrs.property ?? attrs.name ?? '').trim().toLowerCase()
        // The first value wins, as OpenGraph readers do.
        if (key && attrs.content !== undefined && !metas.has(key)) metas.set(key, attrs.content)
      },
      ontext(text) {
        if (inTitle) title += text
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false
          sawTitle = true
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()

  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v?.trim()) ?? ''
  return {
    title: cleanText(first('og:title', 'twitter:title') || title, CARD_LIMITS.title),
    description: cleanText(first('og:description', 'twitter:description', 'description'), CARD_LIMITS.description),
    siteName: cleanText(first('og:site_name', 'application-name'), CARD_LIMITS.siteName),
    imageUrl: absoluteHttpUrl(
      first('og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src'),
      pageUrl,
    ),
  }
}

// Control characters, bidi overrides (they can make a title read backwards), BOMs and line separators.
// Zero-width joiners stay: emoji sequences need them.
const UNWANTED = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/gu

/** Unwanted characters out, whitespace collapsed, trimmed, and capped (in code points). */
export function cleanText(s: string, max: number): string {
  const flat = s.replace(UNWANTED, ' ').replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

function absoluteHttpUrl(raw: string, base: string): string | null {
  if (!raw.trim()) return null
  try {
    const url = new URL(raw.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
