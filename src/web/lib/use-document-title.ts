import { useEffect } from 'react'
import { useSite } from '../context/site.tsx'

// The tab's title is the page's name plus, in front, the unread notification count: "(3) Kith".
// Pages set the name and the notifications badge sets the count, independently.
let pageTitle = typeof document === 'undefined' ? '' : document.title
let unread = 0

function apply() {
  document.title = unread > 0 ? `(${unread > 99 ? '99+' : unread}) ${pageTitle}` : pageTitle
}

/** Shown in front of the title while positive. */
export function setTitleCount(count: number) {
  unread = count
  apply()
}

/** "Page · Site", or just the site name on the home page. */
export function useDocumentTitle(page?: string | null) {
  const { site } = useSite()
  useEffect(() => {
    pageTitle = page ? `${page} · ${site.name}` : site.name
    apply()
  }, [page, site.name])
}
