import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setRequestLocale } from '../api/client.ts'
import { readPreference } from '../lib/storage.ts'
import ar from './ar.json' with { type: 'json' }
import en from './en.json' with { type: 'json' }

// Each feature may keep its strings next to it, in features/<name>/i18n/{en,ar}.json; they are
// merged under the feature's top-level keys, so features never edit one another's files.
const featureStrings = import.meta.glob<Record<string, unknown>>('../features/*/i18n/*.json', {
  eager: true,
  import: 'default',
})

function withFeatureStrings(base: Record<string, unknown>, lng: string): Record<string, unknown> {
  const out = { ...base }
  for (const [path, strings] of Object.entries(featureStrings)) {
    if (path.endsWith(`/${lng}.json`)) Object.assign(out, strings)
  }
  return out
}

export const localeKey = 'kith.locale'
export const bundledLocales = ['en', 'ar'] as const
export type Locale = (typeof bundledLocales)[number]

export function isBundledLocale(value: string | null | undefined): value is Locale {
  return !!value && (bundledLocales as readonly string[]).includes(value)
}

/** The first supported language among the saved choice and the browser's list. */
export function detectLocale(): Locale | null {
  const saved = readPreference(localeKey)
  if (isBundledLocale(saved)) return saved
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0]
    if (isBundledLocale(base)) return base
  }
  return null
}

function applyDocumentLanguage(lng: string) {
  const root = document.documentElement
  root.lang = lng
  root.dir = i18n.dir(lng)
  setRequestLocale(lng)
}

i18n.on('languageChanged', applyDocumentLanguage)

// Resources are bundled, so init can finish synchronously before the first render.
void i18n.use(initReactI18next).init({
  initAsync: false,
  resources: { en: { translation: withFeatureStrings(en, 'en') }, ar: { translation: withFeatureStrings(ar, 'ar') } },
  lng: detectLocale() ?? 'en',
  fallbackLng: 'en',
  supportedLngs: [...bundledLocales],
  interpolation: { escapeValue: false },
})
applyDocumentLanguage(i18n.language)

export { i18n }
