import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import { shortUrl } from './account-model.ts'
import { CakeIcon, CalendarIcon, LinkIcon, PinIcon } from './graph-icons.tsx'

/** Links in server-rendered HTML that point into this site open in the app, not with a reload. */
export function useInAppLinks() {
  const navigate = useNavigate()
  return (e: MouseEvent) => {
    const link = (e.target as Element).closest('a')
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const url = new URL(link.href, window.location.href)
    if (url.origin !== window.location.origin || link.target === '_blank') return
    e.preventDefault()
    navigate(`${url.pathname}${url.search}${url.hash}`)
  }
}

/** `YYYY-MM-DD` as "14 March 1990", without a time zone moving it a day. */
export function formatBirthday(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m || !d) return date
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

function formatJoined(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** Bio, profile fields, location, website, birthday and join date. */
export function IntroCard({ account, isOwn }: { account: Account; isOwn: boolean }) {
  const { t, i18n } = useTranslation()
  const inApp = useInAppLinks()
  const empty = !account.note && account.fields.length === 0 && !account.location && !account.website

  return (
    <section className="card profile-card" aria-labelledby="intro-heading">
      <h2 id="intro-heading">{t('profile.intro')}</h2>
      {account.note && (
        // The server escapes every character of the bio and builds the only markup itself
        // (paragraphs, line breaks and links), so this HTML is safe to insert.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped bio
        // biome-ignore lint/a11y/noStaticElementInteractions: only catches clicks on its links
        // biome-ignore lint/a11y/useKeyWithClickEvents: links handle the keyboard themselves
        <div className="profile-bio" dir="auto" onClick={inApp} dangerouslySetInnerHTML={{ __html: account.note }} />
      )}
      {empty && isOwn && (
        <p className="muted small">
          {t('profile.intro_empty_own')} <Link to={`/@${account.username}/edit`}>{t('profile.add_details')}</Link>
        </p>
      )}
      <ul className="profile-facts">
        {account.location && (
          <li>
            <PinIcon size={18} />
            <span>{t('profile.lives_in', { place: account.location })}</span>
          </li>
        )}
        {account.website && (
          <li>
            <LinkIcon size={18} />
            <a href={account.website} rel="me noopener nofollow" target="_blank" dir="ltr">
              {shortUrl(account.website)}
              <span className="visually-hidden"> {t('common.opens_new_tab')}</span>
            </a>
          </li>
        )}
        {account.birthday && (
          <li>
            <CakeIcon size={18} />
            <span>{t('profile.born', { date: formatBirthday(account.birthday, i18n.language) })}</span>
          </li>
        )}
        <li>
          <CalendarIcon size={18} />
          <span>{t('profile.joined', { date: formatJoined(account.created_at, i18n.language) })}</span>
        </li>
      </ul>
      {account.fields.length > 0 && (
        <dl className="profile-fields" onClick={inApp}>
          {account.fields.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fields have no id and keep their order
            <div key={i} className="profile-field">
              {/* Field names and values are escaped and rendered by the server, like the bio. */}
              <dt>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped */}
                <bdi dangerouslySetInnerHTML={{ __html: f.name }} />
              </dt>
              <dd>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped */}
                <bdi dangerouslySetInnerHTML={{ __html: f.value }} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
