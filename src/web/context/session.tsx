import { createContext, type ReactNode, startTransition, useCallback, useContext, useEffect, useState } from 'react'
import { setSessionLostHandler } from '../api/client.ts'
import { type CurrentUser, getSession, signOut as requestSignOut } from '../api/session.ts'
import { StartupScreen } from '../components/StartupScreen.tsx'

type SessionState = {
  user: CurrentUser | null
  setUser: (user: CurrentUser | null) => void
  refresh: () => Promise<CurrentUser | null>
  /** Ends the session; `leave` runs before the user is cleared, so guarded pages don't redirect first. */
  signOut: (leave?: () => unknown) => Promise<void>
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

  useEffect(() => {
    setSessionLostHandler(() => setUser(null))
    return () => setSessionLostHandler(null)
  }, [])

  const signOut = useCallback(async (leave?: () => unknown) => {
    await requestSignOut()
    await leave?.()
    // NOTE: the router applies navigations as transitions; clearing the user in one too keeps
    // both in the same render, so a guarded page never sees "signed out" before it is left.
    startTransition(() => setUser(null))
  }, [])

  if (status !== 'ready') return <StartupScreen failed={status === 'failed'} onRetry={start} />
  return <SessionContext.Provider value={{ user, setUser, refresh, signOut }}>{children}</SessionContext.Provider>
}

export function useSession(): SessionState {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession() needs a <SessionProvider>')
  return value
}
