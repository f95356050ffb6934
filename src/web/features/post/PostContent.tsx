import type { MouseEvent } from 'react'
import { useNavigate } from 'react-router'

/** Paths the app itself shows; other links in a post open as ordinary links. */
const inApp = /^\/(tags\/[^/]+|@[^/]+(\/\d+)?)\/?$/

/**
 * A post's text. Links to hashtags, people and posts on this site open inside the app.
 */
export function PostContent({
  html,
  lang,
  className = 'post-text',
}: {
  html: string
  lang?: string | null
  className?: string
}) {
  const navigate = useNavigate()
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const a = (e.target as Element).closest('a')
    if (!a?.href) return
    const url = new URL(a.href)
    if (url.origin !== window.location.origin || !inApp.test(url.pathname)) return
    e.preventDefault()
    navigate(`${url.pathname}${url.search}`)
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the click handler only routes clicks on the links inside
    // biome-ignore lint/a11y/useKeyWithClickEvents: links keep their own keyboard behaviour (Enter fires click)
    <div
      className={className}
      lang={lang ?? undefined}
      dir="auto"
      onClick={onClick}
      // SAFETY: `content` is HTML the Kith server builds itself (domain/text/plain-text.ts): it escapes
      // all user text and only adds its own <p>, <br>, <a> and <span> markup (links, mentions, hashtags),
      // so nothing a person typed can become markup here. Nothing else is ever rendered this way.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-built, escaped HTML (see SAFETY above)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
