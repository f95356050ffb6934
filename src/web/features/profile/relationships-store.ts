// One shared copy of the viewer's relationships, so every button for a person (profile header,
// friend lists, suggestions) shows the same, true state. Entries come from the server only:
// GET /api/v1/accounts/relationships, or the Relationship every graph action answers with.
import { useEffect, useSyncExternalStore } from 'react'
import { getRelationships, type Relationship } from '../../api/relationships.ts'

const known = new Map<string, Relationship>()
const listeners = new Set<() => void>()
let version = 0

function emit() {
  version++
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function putRelationships(list: Relationship[]) {
  for (const r of list) known.set(r.id, r)
  if (list.length) emit()
}

/** Fetches fresh relationships for these accounts (80 per request, the server's limit). */
export async function loadRelationships(ids: string[]): Promise<void> {
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 80) {
    putRelationships(await getRelationships(unique.slice(i, i + 80)))
  }
}

export function peekRelationship(id: string): Relationship | undefined {
  return known.get(id)
}

/** Forget everything, e.g. when the signed-in person changes. */
export function clearRelationships() {
  known.clear()
  emit()
}

/**
 * The relationship with one account, fetched afresh when the id changes (pass `null` to skip,
 * e.g. when signed out or on your own profile).
 */
export function useRelationship(id: string | null): Relationship | undefined {
  const value = useSyncExternalStore(subscribe, () => (id ? known.get(id) : undefined))
  useEffect(() => {
    if (!id) return
    const load = () => loadRelationships([id]).catch(() => {})
    load()
    // The other person may have answered while the tab was in the background.
    const onVisible = () => document.visibilityState === 'visible' && load()
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [id])
  return value
}

/** Relationships for a list of accounts; loaded once per distinct set of ids. */
export function useRelationships(ids: string[] | null): Map<string, Relationship> {
  useSyncExternalStore(subscribe, () => version)
  const key = ids?.join(',') ?? ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids
  useEffect(() => {
    if (ids?.length) loadRelationships(ids).catch(() => {})
  }, [key])
  return known
}

// Other parts of the page (counts, the requests badge) listen for changes to the graph.
type GraphListener = (accountId: string) => void
const graphListeners = new Set<GraphListener>()

export function onGraphChange(listener: GraphListener): () => void {
  graphListeners.add(listener)
  return () => graphListeners.delete(listener)
}

export function notifyGraphChange(accountId: string) {
  for (const listener of graphListeners) listener(accountId)
}
