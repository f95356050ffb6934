import { useCallback, useEffect, useRef, useState } from 'react'
import { type MediaAttachment, updateMedia, uploadMedia } from '../../api/media.ts'

export type Upload = {
  localId: string
  file: File
  previewUrl: string
  state: 'uploading' | 'done' | 'failed'
  progress: number
  media: MediaAttachment | null
  description: string
  error: unknown
}

let seq = 0

/** Photos picked in a composer: each uploads at once, with progress, and can be removed or retried. */
export function useUploads(maxCount: number) {
  const [items, setItems] = useState<Upload[]>([])
  const controllers = useRef(new Map<string, AbortController>())
  const itemsRef = useRef(items)
  itemsRef.current = items

  const update = useCallback((localId: string, patch: Partial<Upload>) => {
    setItems((list) => list.map((u) => (u.localId === localId ? { ...u, ...patch } : u)))
  }, [])

  const start = useCallback(
    (localId: string, file: File) => {
      const controller = new AbortController()
      controllers.current.set(localId, controller)
      update(localId, { state: 'uploading', progress: 0, error: null })
      uploadMedia(file, {
        signal: controller.signal,
        onProgress: (progress) => update(localId, { progress }),
      }).then(
        (media) => update(localId, { state: 'done', progress: 1, media }),
        (error) => {
          if (!controller.signal.aborted) update(localId, { state: 'failed', error })
        },
      )
    },
    [update],
  )

  /** Adds up to the limit; returns how many files were left out. */
  const add = useCallback(
    (files: File[]) => {
      const room = Math.max(0, maxCount - itemsRef.current.length)
      const taken = files.slice(0, room)
      const added = taken.map(
        (file): Upload => ({
          localId: `u${++seq}`,
          file,
          previewUrl: URL.createObjectURL(file),
          state: 'uploading',
          progress: 0,
          media: null,
          description: '',
          error: null,
        }),
      )
      setItems((list) => [...list, ...added])
      for (const u of added) start(u.localId, u.file)
      return files.length - taken.length
    },
    [maxCount, start],
  )

  const remove = useCallback((localId: string) => {
    controllers.current.get(localId)?.abort()
    controllers.current.delete(localId)
    setItems((list) => {
      const gone = list.find((u) => u.localId === localId)
      if (gone) URL.revokeObjectURL(gone.previewUrl)
      return list.filter((u) => u.localId !== localId)
    })
  }, [])

  const retry = useCallback(
    (localId: string) => {
      const u = itemsRef.current.find((x) => x.localId === localId)
      if (u) start(localId, u.file)
    },
    [start],
  )

  const describe = useCallback((localId: string, description: string) => update(localId, { description }), [update])

  const reset = useCallback(() => {
    for (const u of itemsRef.current) URL.revokeObjectURL(u.previewUrl)
    for (const c of controllers.current.values()) c.abort()
    controllers.current.clear()
    setItems([])
  }, [])

  useEffect(
    () => () => {
      for (const u of itemsRef.current) URL.revokeObjectURL(u.previewUrl)
      for (const c of controllers.current.values()) c.abort()
    },
    [],
  )

  /** Saves alt text typed after the upload finished, then gives the ids to attach. */
  const finish = useCallback(async (): Promise<string[]> => {
    const list = itemsRef.current
    await Promise.all(
      list.map((u) =>
        u.media && u.description.trim() !== (u.media.description ?? '')
          ? updateMedia(u.media.id, { description: u.description.trim() })
          : null,
      ),
    )
    return list.flatMap((u) => (u.media ? [u.media.id] : []))
  }, [])

  return {
    items,
    add,
    remove,
    retry,
    describe,
    reset,
    finish,
    uploading: items.some((u) => u.state === 'uploading'),
    failed: items.some((u) => u.state === 'failed'),
  }
}
