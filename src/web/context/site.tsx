import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { getSite, type Site } from '../api/site.ts'
import { StartupScreen } from '../components/StartupScreen.tsx'

type SiteState = { site: Site; reload: () => Promise<Site> }

const SiteContext = createContext<SiteState | null>(null)

export function SiteProvider({ children }: { children: ReactNode }) {
  const [site, setSite] = useState<Site | null>(null)
  const [failed, setFailed] = useState(false)

  const reload = useCallback(async () => {
    const next = await getSite()
    setSite(next)
    return next
  }, [])

  const start = useCallback(() => {
    setFailed(false)
    reload().catch(() => setFailed(true))
  }, [reload])

  useEffect(start, [start])

  if (!site) return <StartupScreen failed={failed} onRetry={start} />
  return <SiteContext.Provider value={{ site, reload }}>{children}</SiteContext.Provider>
}

export function useSite(): SiteState {
  const value = useContext(SiteContext)
  if (!value) throw new Error('useSite() needs a <SiteProvider>')
  return value
}
