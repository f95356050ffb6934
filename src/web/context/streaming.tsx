import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { openUserStream, type Stream, type StreamEvent, type StreamState } from '../lib/streaming.ts'
import { useSession } from './session.tsx'

const StreamContext = createContext<Stream | null>(null)

/** One streaming connection per signed-in tab (lib/streaming.ts); none while signed out. */
export function StreamProvider({ children }: { children: ReactNode }) {
  const { user } = useSession()
  const userId = user?.id ?? null
  const [stream, setStream] = useState<Stream | null>(null)

  useEffect(() => {
    if (!userId) return
    const opened = openUserStream()
    setStream(opened)
    return () => {
      opened.close()
      setStream(null)
    }
  }, [userId])

  return <StreamContext.Provider value={stream}>{children}</StreamContext.Provider>
}

/** Calls `handler` for each stream event (and `resync`) while mounted and `enabled`. */
export function useStreamEvents(handler: (event: StreamEvent) => void, enabled = true) {
  const stream = useContext(StreamContext)
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    if (!stream || !enabled) return
    return stream.subscribe((event) => latest.current(event))
  }, [stream, enabled])
}

const noSubscribe = () => () => {}

/** `closed` while signed out. */
export function useStreamState(): StreamState {
  const stream = useContext(StreamContext)
  return useSyncExternalStore(stream?.onStateChange ?? noSubscribe, () => stream?.state() ?? 'closed')
}
