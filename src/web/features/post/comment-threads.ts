import type { Status } from './post-model.ts'

export type Thread = { comment: Status; replies: Status[] }

/** Comments on the post, oldest first, each with every reply under it (at any depth), oldest first. */
export function buildThreads(rootId: string, all: Status[]): { threads: Thread[]; byId: Map<string, Status> } {
  const byId = new Map(all.map((s) => [s.id, s]))
  const threads = new Map<string, Thread>()
  // IDs are time-sortable numbers written as strings: a shorter one is older.
  const sorted = [...all].sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const s of sorted) if (s.in_reply_to_id === rootId) threads.set(s.id, { comment: s, replies: [] })
  for (const s of sorted) {
    if (s.in_reply_to_id === rootId) continue
    let top: Status | undefined = s
    for (let hops = 0; top && top.in_reply_to_id !== rootId && hops < 100; hops++) {
      top = top.in_reply_to_id ? byId.get(top.in_reply_to_id) : undefined
    }
    if (top) threads.get(top.id)?.replies.push(s)
  }
  return { threads: [...threads.values()], byId }
}
