import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useState } from 'react'
import { brandPalette } from '../lib/color.ts'
import { readPreference, writePreference } from '../lib/storage.ts'
import { useSite } from './site.tsx'

export type ThemePreference = 'system' | 'light' | 'dark'
export type Theme = 'light' | 'dark'

const themeKey = 'kith.theme'
const darkQuery = '(prefers-color-scheme: dark)'

type ThemeState = {
  preference: ThemePreference
  theme: Theme
  setPreference: (preference: ThemePreference) => void
  toggle: () => void
}

const ThemeContext = createContext<ThemeState | null>(null)

function readThemePreference(): ThemePreference {
  const saved = readPreference(themeKey)
  return saved === 'light' || saved === 'dark' ? saved : 'system'
}

function systemTheme(): Theme {
  return window.matchMedia?.(darkQuery).matches ? 'dark' : 'light'
}

/** Called before the first render so the page never flashes the wrong theme. */
export function applyInitialTheme() {
  const preference = readThemePreference()
  document.documentElement.dataset.theme = preference === 'system' ? systemTheme() : preference
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const { site } = useSite()
  const [preference, setPreferenceState] = useState<ThemePreference>(readThemePreference)
  const [system, setSystem] = useState<Theme>(systemTheme)
  const theme = preference === 'system' ? system : preference

  useEffect(() => {
    const query = window.matchMedia?.(darkQuery)
    if (!query) return
    const onChange = () => setSystem(query.matches ? 'dark' : 'light')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])

  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])

  useLayoutEffect(() => {
    const palette = brandPalette(site.brand_color)
    const style = document.documentElement.style
    style.setProperty('--brand', palette.brand)
    style.setProperty('--on-brand', palette.onBrand)
    style.setProperty('--brand-ink-light', palette.inkLight)
    style.setProperty('--brand-ink-dark', palette.inkDark)
    style.setProperty('--brand-soft-light', palette.softLight)
    style.setProperty('--brand-soft-dark', palette.softDark)
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', palette.brand)
  }, [site.brand_color])

  const setPreference = (next: ThemePreference) => {
    setPreferenceState(next)
    writePreference(themeKey, next === 'system' ? null : next)
  }
  const toggle = () => setPreference(theme === 'dark' ? 'light' : 'dark')

  return <ThemeContext.Provider value={{ preference, theme, setPreference, toggle }}>{children}</ThemeContext.Provider>
}

export function useTheme(): ThemeState {
  const value = useContext(ThemeContext)
  if (!value) throw new Error('useTheme() needs a <ThemeProvider>')
  return value
}
