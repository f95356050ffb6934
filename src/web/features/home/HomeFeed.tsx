import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
import type { CurrentUser } from '../../api/session.ts'
import { resendConfirmation } from '../../api/session.ts'
import { loadHomeTimeline } from '../../api/timelines.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { FeedIcon, HomeIcon, SettingsIcon, ShieldIcon } from '../../components/icons.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { useSite } from '../../context/site.tsx'
import { Composer } from '../compose/Composer.tsx'
import { Timeline } from '../feed/Timeline.tsx'
import { useTimeline } from '../feed/use-timeline.ts'
import { BellIcon } from '../notifications/notification-icons.tsx'

export function HomeFeed({ user }: { user: CurrentUser }) {
  const { t } = useTranslation()
  const { site } = useSite()
  const name = user.display_name || user.username
  const timeline = useTimeline(loadHomeTimeline, 'home', { live: true })

  return (
    <div className="home-layout">
      <nav className="home-sidebar" aria-label={t('home.sidebar_label')}>
        <Link to="/settings/profile" className="profile-chip">
          <Avatar user={user} size={40} />
          <span className="profile-chip-text">
            <span className="profile-chip-name" dir="auto">
              {name}
            </span>
            <span className="profile-chip-handle" dir="ltr">
              @{user.username}
            </span>
          </span>
        </Link>
        <ul className="sidebar-links">
          <li>
            <NavLink to="/" end className="sidebar-link">
              <HomeIcon />
              <span>{t('nav.home')}</span>
            </NavLink>
          </li>
          <li>
            <NavLink to="/notifications" className="sidebar-link">
              <BellIcon />
              <span>{t('notifications.nav')}</span>
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings" className="sidebar-link">
              <SettingsIcon />
              <span>{t('nav.settings')}</span>
            </NavLink>
          </li>
        </ul>
      </nav>

      <div className="feed-column">
        <h1 className="visually-hidden">{t('home.title')}</h1>
        {!user.email_confirmed && <ConfirmEmailNotice email={user.email} />}
        <Composer onPosted={timeline.add} />
        <Timeline
          timeline={timeline}
          label={t('feed.home_label')}
          empty={
            <section className="card empty-state" aria-labelledby="feed-empty-title">
              <span className="empty-state-icon">
                <FeedIcon size={28} />
              </span>
              <h2 id="feed-empty-title">{t('home.empty_title')}</h2>
              <p className="muted">{t('home.empty_body')}</p>
            </section>
          }
        />
        <Toaster />
      </div>

      <aside className="home-aside" aria-label={t('home.aside_label')}>
        <section className="card aside-card">
          <h2>{t('home.about_title', { name: site.name })}</h2>
          <p className="muted" dir="auto">
            {site.description || t('landing.default_description')}
          </p>
        </section>
        {!user.two_factor_enabled && (
          <section className="card aside-card">
            <h2>
              <ShieldIcon size={18} /> {t('home.secure_title')}
            </h2>
            <p className="muted">{t('home.secure_body')}</p>
            <Link to="/settings/two_factor" className="btn btn-secondary btn-sm">
              {t('home.secure_action')}
            </Link>
          </section>
        )}
      </aside>
    </div>
  )
}

function ConfirmEmailNotice({ email }: { email: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const resend = async () => {
    setState('sending')
    try {
      await resendConfirmation(email)
    } catch {
      // The server answers ok for any address; a failure here changes nothing for the reader.
    }
    setState('sent')
  }
  return (
    <Alert
      tone="warning"
      title={t('home.unconfirmed_title')}
      actions={
        state === 'sent' ? (
          <span>{t('auth.resend_done')}</span>
        ) : (
          <Button variant="secondary" size="sm" busy={state === 'sending'} onClick={resend}>
            {t('auth.resend_confirmation')}
          </Button>
        )
      }
    >
      {t('home.unconfirmed_body', { email })}
    </Alert>
  )
}
