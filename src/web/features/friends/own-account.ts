// The signed-in person's own account (verify_credentials), shared by the Friends badge in the top
// bar and the Friends page: pending friend and follow requests, whether the account is locked.
import { useEffect, useSyncExternalStore } from 'react'
import { type CredentialAccount, verifyCredentials } from '../../api/accounts.ts'
import { clearRelationships, onGraphChange } from '../profile/relationships-store.ts'

let current: CredentialAccount | null = null
let owner: string | null = null
let inFlight: Promise<void> | null = null
const listeners = new Set<() => void>()

function set(next: CredentialAccount | null) {
  current = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Reads the account again (one request at a time). */
export function refreshOwnAccount(): Promise<void> {
  if (!owner) return Promise.resolve()
  const forUser = owner
  inFlight ??= verifyCredentials()
    .then((account) => {
      if (owner === forUser) set(account)
    })
    .catch(() => {})
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

const POLL_MS = 60_000

/**
 * The account of `userId` (the session's user), or null. With `watch`, it is kept fresh: every
 * minute while the tab is visible, when the tab comes back, and after any change to the graph.
 * The top bar watches; pages only read.
 */
export function useOwnAccount(userId: string | null, { watch = false } = {}): CredentialAccount | null {
  const account = useSyncExternalStore(subscribe, () => current)

  useEffect(() => {
    if (userId === owner) return
    // A different person (or nobody): forget what we knew about the last one.
    owner = userId
    set(null)
    clearRelationships()
    void refreshOwnAccount()
  }, [userId])

  useEffect(() => {
    if (!watch || !userId) return
    const tick = () => document.visibilityState === 'visible' && void refreshOwnAccount()
    const timer = setInterval(tick, POLL_MS)
    document.addEventListener('visibilitychange', tick)
    const off = onGraphChange(() => void refreshOwnAccount())
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
      off()
    }
  }, [watch, userId])

  return account && account.id === userId ? account : null
}
