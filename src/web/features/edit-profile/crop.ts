// The geometry of the crop frame. Position is kept as the image point under the frame's centre,
// in the image's own pixels, so zooming and resizing the frame never lose the chosen spot.

export type Size = { width: number; height: number }
export type Crop = { cx: number; cy: number; zoom: number }

export const MAX_ZOOM = 4

/** The scale at which the image just covers the frame (zoom 1). */
export function coverScale(image: Size, frame: Size): number {
  return Math.max(frame.width / image.width, frame.height / image.height)
}

/** Keeps the frame inside the image and the zoom within bounds. */
export function clampCrop(crop: Crop, image: Size, frame: Size): Crop {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, crop.zoom))
  const scale = coverScale(image, frame) * zoom
  const halfW = frame.width / scale / 2
  const halfH = frame.height / scale / 2
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)))
  return { zoom, cx: clamp(crop.cx, halfW, image.width - halfW), cy: clamp(crop.cy, halfH, image.height - halfH) }
}

export function centredCrop(image: Size): Crop {
  return { cx: image.width / 2, cy: image.height / 2, zoom: 1 }
}

/** Moves the image by a drag of (dx, dy) screen pixels. */
export function dragCrop(crop: Crop, dx: number, dy: number, image: Size, frame: Size): Crop {
  const scale = coverScale(image, frame) * crop.zoom
  return clampCrop({ ...crop, cx: crop.cx - dx / scale, cy: crop.cy - dy / scale }, image, frame)
}

/** Where the image sits in the frame: its top-left corner and the scale, for a CSS transform. */
export function placement(crop: Crop, image: Size, frame: Size) {
  const scale = coverScale(image, frame) * crop.zoom
  return { scale, x: frame.width / 2 - crop.cx * scale, y: frame.height / 2 - crop.cy * scale }
}

/** The part of the image inside the frame, in image pixels. */
export function sourceRect(crop: Crop, image: Size, frame: Size) {
  const scale = coverScale(image, frame) * crop.zoom
  const width = frame.width / scale
  const height = frame.height / scale
  return { x: crop.cx - width / 2, y: crop.cy - height / 2, width, height }
}

/**
 * Draws the framed part to a canvas of at most `output` pixels (never enlarged past the source)
 * and encodes it. JPEG on white: the server re-encodes to WebP anyway, so this only needs to be small.
 */
export async function renderCrop(image: HTMLImageElement, crop: Crop, frame: Size, output: Size): Promise<Blob> {
  const natural = { width: image.naturalWidth, height: image.naturalHeight }
  const src = sourceRect(crop, natural, frame)
  const factor = Math.min(1, src.width / output.width)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(output.width * factor))
  canvas.height = Math.max(1, Math.round(output.height * factor))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('No 2D canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(image, src.x, src.y, src.width, src.height, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Encoding failed'))), 'image/jpeg', 0.9),
  )
}
