/** The text of a server-rendered HTML fragment (a post's content), for short previews. */
export function plainText(html: string, max = 220): string {
  if (!html) return ''
  // DOMParser builds an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>|<\/p>/gi, ' $&'), 'text/html')
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
