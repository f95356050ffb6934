import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation, useNavigate } from 'react-router'
import { useSession } from '../context/session.tsx'
import { useSite } from '../context/site.tsx'
import { AdminNavLink } from '../features/admin/AdminNavLink.tsx'
import { FriendsNavLink, ProfileNavLink } from '../features/friends/NavLinks.tsx'
import { NotificationsMenu } from '../features/notifications/NotificationsMenu.tsx'
import { CloseIcon, HomeIcon, MenuIcon, SettingsIcon, SignInIcon, SignOutIcon, UserPlusIcon } from './icons.tsx'
import { LanguageSwitcher } from './LanguageSwitcher.tsx'
import { SiteLogo } from './SiteLogo.tsx'
import { ThemeToggle } from './ThemeToggle.tsx'

export function TopBar() {
  const { t } = useTranslation()
  const { site } = useSite()
  const { user, signOut } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [open, setOpen] = useState(false)
  const [signingOut, setSigningOut] = useState(false)

  // The phone menu closes with Escape (focus back on its button) or a click outside it.
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      document.querySelector<HTMLElement>('.menu-button')?.focus()
    }
    const onClick = (e: MouseEvent) => {
      if (!(e.target as Element).closest('.topbar')) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('click', onClick)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('click', onClick)
    }
  }, [open])

  // The phone menu closes whenever the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname])

  const onSignOut = async () => {
    setSigningOut(true)
    try {
      await signOut(() => navigate('/'))
    } finally {
      setSigningOut(false)
    }
  }

  const setupOnly = site.setup_required
  const canSignUp = site.registration_mode !== 'closed'

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand">
          <SiteLogo />
          <span className="brand-name" dir="auto">
            {site.name}
          </span>
        </Link>

        {!setupOnly && user && <NotificationsMenu />}

        {!setupOnly && (
          <button
            type="button"
            className="icon-button menu-button"
            aria-expanded={open}
            aria-controls="topbar-menu"
            aria-label={open ? t('nav.close_menu') : t('nav.open_menu')}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <CloseIcon /> : <MenuIcon />}
          </button>
        )}

        <div
          className={setupOnly ? 'topbar-menu topbar-menu-inline' : open ? 'topbar-menu open' : 'topbar-menu'}
          id="topbar-menu"
        >
          {!setupOnly && (
            <nav aria-label={t('nav.main')} className="topbar-nav">
              <ul>
                <li>
                  <NavLink to="/" end className="nav-link">
                    <HomeIcon />
                    <span>{t('nav.home')}</span>
                  </NavLink>
                </li>
                {user ? (
                  <>
                    <li>
                      <FriendsNavLink user={user} />
                    </li>
                    <li>
                      <ProfileNavLink user={user} />
                    </li>
                    <li>
                      <NavLink to="/settings" className="nav-link">
                        <SettingsIcon />
                        <span>{t('nav.settings')}</span>
                      </NavLink>
                    </li>
                    <AdminNavLink user={user} />
                    <li>
                      <button type="button" className="nav-link" onClick={onSignOut} disabled={signingOut}>
                        <SignOutIcon />
                        <span>{t('nav.sign_out')}</span>
                      </button>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <NavLink to="/auth/sign_in" className="nav-link">
                        <SignInIcon />
                        <span>{t('nav.sign_in')}</span>
                      </NavLink>
                    </li>
                    {canSignUp && (
                      <li>
                        <NavLink to="/auth/sign_up" className="nav-link nav-link-cta">
                          <UserPlusIcon />
                          <span>{t('nav.sign_up')}</span>
                        </NavLink>
                      </li>
                    )}
                  </>
                )}
              </ul>
            </nav>
          )}
          <div className="topbar-tools">
            <LanguageSwitcher />
            <ThemeToggle />
          </div>
        </div>
      </div>
    </header>
  )
}
