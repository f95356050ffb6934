// Photo uploads: POST /api/v2/media (multipart, with upload progress) and alt text edits.
import type { MediaAttachment } from '#shared/mastodon-statuses.ts'
import { ApiError } from './client.ts'
import { csrfHeaders, mastodonFetch } from './mastodon-fetch.ts'

export type { MediaAttachment }

/**
 * Uploads one file. fetch() cannot report upload progress, so this uses XMLHttpRequest.
 * Mastodon may answer 202 while it still processes the file; then we poll until `url` is set.
 */
export async function uploadMedia(
  file: File,
  {
    description,
    onProgress,
    signal,
  }: { description?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<MediaAttachment> {
  const form = new FormData()
  form.append('file', file)
  if (description) form.append('description', description)
  const { status, body } = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/v2/media')
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v)
    xhr.withCredentials = true
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total)
    xhr.onload = () => {
      let parsed: unknown = {}
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : {}
      } catch {
        // Not JSON (a proxy's error page): the status code still tells what happened.
      }
      resolve({ status: xhr.status, body: parsed })
    }
    xhr.onerror = () => reject(new ApiError(0, {}))
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
  if (status < 200 || status >= 300) throw new ApiError(status, body as object)
  let media = body as MediaAttachment
  for (let tries = 0; status === 202 && !media.url && tries < 30; tries++) {
    await new Promise((r) => setTimeout(r, 1000))
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError')
    media = await mastodonFetch<MediaAttachment>(`/api/v1/media/${encodeURIComponent(media.id)}`)
  }
  return media
}

export function updateMedia(id: string, input: { description: string }): Promise<MediaAttachment> {
  return mastodonFetch(`/api/v1/media/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
}
