import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useSession } from '../context/session.tsx'
import { signInPath } from '../lib/return-to.ts'

/** Sends signed-out visitors to sign-in, with a way back here afterwards. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession()
  const location = useLocation()
  if (!user) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />
  return children
}
