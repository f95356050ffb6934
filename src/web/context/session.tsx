import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { type CurrentUser, getSession, signOut as requestSignOut } from '../api/session.ts'
import { StartupScreen } from '../components/StartupScreen.tsx'

type SessionState = {
  user: CurrentUser | null
  setUser: (user: CurrentUser | null) => void
  refresh: () => Promise<CurrentUser | null>
  signOut: () => Promise<void>
}

const SessionContext = createContext<SessionState | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading')

  const refresh = useCallback(async () => {
    const next = await getSession()
    setUser(next)
    return next
  }, [])

  const start = useCallback(() => {
    setStatus('loading')
    refresh().then(
      () => setStatus('ready'),
      () => setStatus('failed'),
    )
  }, [refresh])

  useEffect(start, [start])

  const signOut = useCallback(async () => {
    await requestSignOut()
    setUser(null)
  }, [])

  if (status !== 'ready') return <StartupScreen failed={status === 'failed'} onRetry={start} />
  return <SessionContext.Provider value={{ user, setUser, refresh, signOut }}>{children}</SessionContext.Provider>
}

export function useSession(): SessionState {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession() needs a <SessionProvider>')
  return value
}
