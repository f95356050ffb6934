import './settings.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminSettings, getSettings } from '../../../api/admin.ts'
import { useSite } from '../../../context/site.tsx'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { Loaded, SectionHead } from '../admin-ui.tsx'
import { EmailCard } from './EmailCard.tsx'
import { IdentityCard } from './IdentityCard.tsx'
import { LimitsCard } from './LimitsCard.tsx'
import { LookCard } from './LookCard.tsx'
import { PagesCard } from './PagesCard.tsx'
import { RegistrationCard } from './RegistrationCard.tsx'
import { RulesCard } from './RulesCard.tsx'

const cards = ['identity', 'look', 'rules', 'pages', 'registration', 'limits', 'email'] as const

export function SettingsSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.settings.title'))
  const load = useLoad(getSettings)

  return (
    <>
      <SectionHead title={t('admin.settings.title')} intro={t('admin.settings.intro')} />
      <nav className="settings-jump" aria-label={t('admin.settings.jump')}>
        <ul>
          {cards.map((c) => (
            <li key={c}>
              <a href={`#settings-${c}`}>{t(`admin.settings.${c}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Loaded load={load}>{(settings) => <SettingsCards initial={settings} />}</Loaded>
    </>
  )
}

function SettingsCards({ initial }: { initial: AdminSettings }) {
  const { reload } = useSite()
  const [settings, setSettings] = useState(initial)
  // The site context feeds the top bar, colours and logo: refreshing it applies a change at once.
  const onSaved = async (next: AdminSettings) => {
    setSettings(next)
    await reload().catch(() => undefined)
  }
  return (
    <>
      <IdentityCard settings={settings} onSaved={onSaved} />
      <LookCard settings={settings} onSaved={onSaved} />
      <RulesCard />
      <PagesCard settings={settings} onSaved={onSaved} />
      <RegistrationCard settings={settings} onSaved={onSaved} />
      <LimitsCard settings={settings} onSaved={onSaved} />
      <EmailCard settings={settings} onSaved={onSaved} />
    </>
  )
}
