import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { Footer } from './Footer.tsx'
import { TopBar } from './TopBar.tsx'

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const firstPath = useRef(pathname)

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (pathname === firstPath.current) return
    firstPath.current = ''
    mainRef.current?.focus({ preventScroll: true })
    window.scrollTo(0, 0)
  }, [pathname])

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip_to_content')}
      </a>
      <TopBar />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {children}
      </main>
      <Footer />
    </div>
  )
}
