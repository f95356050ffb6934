import { useEffect } from 'react'
import { useSite } from '../context/site.tsx'

/** "Page · Site", or just the site name on the home page. */
export function useDocumentTitle(page?: string | null) {
  const { site } = useSite()
  useEffect(() => {
    document.title = page ? `${page} · ${site.name}` : site.name
  }, [page, site.name])
}
