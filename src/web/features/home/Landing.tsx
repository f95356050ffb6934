import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GlobeIcon, LockIcon, UsersIcon } from '../../components/icons.tsx'
import { SiteLogo } from '../../components/SiteLogo.tsx'
import { useSite } from '../../context/site.tsx'

export function Landing() {
  const { t } = useTranslation()
  const { site } = useSite()
  const mode = site.registration_mode
  return (
    <div className="landing">
      <section className="card landing-hero">
        <SiteLogo size={72} />
        <h1>{t('landing.title', { name: site.name })}</h1>
        <p className="landing-lead" dir="auto">
          {site.description || t('landing.default_description')}
        </p>
        <div className="landing-actions">
          {mode !== 'closed' && (
            <Link className="btn btn-primary btn-lg" to="/auth/sign_up">
              {t('landing.create_account')}
            </Link>
          )}
          <Link
            className={mode === 'closed' ? 'btn btn-primary btn-lg' : 'btn btn-secondary btn-lg'}
            to="/auth/sign_in"
          >
            {t('landing.sign_in')}
          </Link>
        </div>
        <p className="muted small">{t(`landing.registration.${mode}`)}</p>
      </section>
      <ul className="landing-features">
        <li className="card">
          <UsersIcon size={24} />
          <h2>{t('landing.feature_friends_title')}</h2>
          <p className="muted">{t('landing.feature_friends_body')}</p>
        </li>
        <li className="card">
          <GlobeIcon size={24} />
          <h2>{t('landing.feature_fediverse_title')}</h2>
          <p className="muted">{t('landing.feature_fediverse_body')}</p>
        </li>
        <li className="card">
          <LockIcon size={24} />
          <h2>{t('landing.feature_privacy_title')}</h2>
          <p className="muted">{t('landing.feature_privacy_body')}</p>
        </li>
      </ul>
    </div>
  )
}
