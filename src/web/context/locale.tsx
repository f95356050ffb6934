import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { updateProfile } from '../api/settings.ts'
import { bundledLocales, detectLocale, i18n, isBundledLocale, type Locale, localeKey } from '../i18n/setup.ts'
import { writePreference } from '../lib/storage.ts'
import { useSession } from './session.tsx'
import { useSite } from './site.tsx'

type LocaleState = {
  locale: Locale
  locales: Locale[]
  /** Switches the UI language, remembers it on this device and, when signed in, on the account. */
  setLocale: (locale: Locale) => Promise<void>
}

const LocaleContext = createContext<LocaleState | null>(null)

export function LocaleProvider({ children }: { children: ReactNode }) {
  // Subscribes to language changes; actions use the i18n instance itself, whose identity is stable.
  useTranslation()
  const { site } = useSite()
  const { user, setUser } = useSession()

  const locales = useMemo(() => {
    const offered = site.locales.filter(isBundledLocale)
    return offered.length ? offered : [...bundledLocales]
  }, [site.locales])

  // Without a saved or browser choice, the site's default language applies.
  useEffect(() => {
    if (!detectLocale() && isBundledLocale(site.default_locale)) void i18n.changeLanguage(site.default_locale)
  }, [site.default_locale])

  // NOTE: when signed in, the account's language wins over this device's, so a choice
  // made on one device follows the person; it is adopted whenever the session changes.
  const userId = user?.id
  const userLocale = user?.locale
  useEffect(() => {
    if (userId && isBundledLocale(userLocale) && userLocale !== i18n.language) {
      writePreference(localeKey, userLocale)
      void i18n.changeLanguage(userLocale)
    }
  }, [userId, userLocale])

  const setLocale = useCallback(
    async (next: Locale) => {
      writePreference(localeKey, next)
      await i18n.changeLanguage(next)
      if (userId) {
        try {
          setUser((await updateProfile({ locale: next })).user)
        } catch {
          // The UI already switched; the account keeps its old language until the next try.
        }
      }
    },
    [userId, setUser],
  )

  const locale = isBundledLocale(i18n.language) ? i18n.language : 'en'
  return <LocaleContext.Provider value={{ locale, locales, setLocale }}>{children}</LocaleContext.Provider>
}

export function useLocale(): LocaleState {
  const value = useContext(LocaleContext)
  if (!value) throw new Error('useLocale() needs a <LocaleProvider>')
  return value
}
