import { useEffect, useState } from 'react'
import type { Account } from '../../api/accounts.ts'
import { listFriends } from '../../api/friends.ts'
import { loadRelationships, onGraphChange, peekRelationship } from './relationships-store.ts'

export type MutualFriends = {
  count: number
  /** A few of them, for the little row of faces. */
  sample: Account[]
  /** False when the person has more friends than one page holds, so `count` is a lower bound. */
  complete: boolean
}

/**
 * Friends the viewer shares with `accountId`, or null when that cannot be known (their list is
 * hidden, or nobody is signed in).
 * NOTE: the API has no "mutual friends with this person" call, so this reads the first page of
 * their friends and the viewer's relationships with them.
 */
export function useMutualFriends(accountId: string, viewerId: string | null): MutualFriends | null {
  const [result, setResult] = useState<MutualFriends | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => onGraphChange(() => setRound((r) => r + 1)), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` re-reads after a graph change
  useEffect(() => {
    setResult(null)
    if (!viewerId || viewerId === accountId) return
    let live = true
    ;(async () => {
      const page = await listFriends({ account_id: accountId, limit: 80 })
      const others = page.items.map((f) => f.account).filter((a) => a.id !== viewerId)
      await loadRelationships(others.map((a) => a.id))
      const shared = others.filter((a) => peekRelationship(a.id)?.friends)
      if (live) setResult({ count: shared.length, sample: shared.slice(0, 3), complete: page.items.length < 80 })
    })().catch(() => live && setResult(null))
    return () => {
      live = false
    }
  }, [accountId, viewerId, round])

  return result
}
