import { useEffect, useState } from 'react'
import { type ComposeLimits, defaultLimits, getComposeLimits } from '../../api/instance.ts'

/** The site's limits (characters, photos, poll options); sensible defaults until they arrive. */
export function useComposeLimits(): ComposeLimits {
  const [limits, setLimits] = useState(defaultLimits)
  useEffect(() => {
    let live = true
    getComposeLimits().then(
      (l) => live && setLimits(l),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])
  return limits
}

/** Characters as Mastodon counts them (code points), so an emoji is one. */
export function countCharacters(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}
