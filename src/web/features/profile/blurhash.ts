import { decode } from 'blurhash'
import { useMemo } from 'react'

const cache = new Map<string, string>()

/** A small data: URL drawn from a blurhash, shown while the real picture loads ('' if none). */
export function blurhashUrl(hash: string | null | undefined, width = 32, height = 32): string {
  if (!hash) return ''
  const key = `${hash}:${width}x${height}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  let url = ''
  try {
    const pixels = decode(hash, width, height)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (ctx) {
      const image = ctx.createImageData(width, height)
      image.data.set(pixels)
      ctx.putImageData(image, 0, 0)
      url = canvas.toDataURL()
    }
  } catch {
    // An invalid hash just means no placeholder.
  }
  cache.set(key, url)
  return url
}

export function useBlurhash(hash: string | null | undefined, width?: number, height?: number): string {
  return useMemo(() => blurhashUrl(hash, width, height), [hash, width, height])
}
