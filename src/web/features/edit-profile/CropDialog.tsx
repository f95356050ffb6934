import { type KeyboardEvent, type PointerEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { describeError } from '../../lib/errors.ts'
import { ZoomInIcon, ZoomOutIcon } from '../profile/graph-icons.tsx'
import { type Crop, centredCrop, clampCrop, dragCrop, MAX_ZOOM, placement, renderCrop, type Size } from './crop.ts'

export type CropKind = 'avatar' | 'header'

const shapes: Record<CropKind, { aspect: number; output: Size }> = {
  avatar: { aspect: 1, output: { width: 400, height: 400 } },
  header: { aspect: 3, output: { width: 1500, height: 500 } },
}

type Props = {
  kind: CropKind
  file: File | null
  onClose: () => void
  onSave: (image: Blob) => Promise<void>
}

/** Shows the picked picture in the frame it will fill: drag (or arrow keys) to place it, zoom to fit. */
export function CropDialog({ kind, file, onClose, onSave }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={!!file}
      onClose={onClose}
      title={kind === 'avatar' ? t('edit_profile.crop_avatar_title') : t('edit_profile.crop_cover_title')}
      closeLabel={t('edit_profile.close')}
      size={kind === 'avatar' ? 'md' : 'lg'}
      className="crop-dialog"
    >
      {file && (
        <Cropper key={`${file.name}:${file.lastModified}`} kind={kind} file={file} onClose={onClose} onSave={onSave} />
      )}
    </Dialog>
  )
}

function Cropper({ kind, file, onClose, onSave }: Props & { file: File }) {
  const { t } = useTranslation()
  const { aspect, output } = shapes[kind]
  const [url, setUrl] = useState('')
  const [image, setImage] = useState<Size | null>(null)
  const [frame, setFrame] = useState<Size>({ width: 0, height: 0 })
  const [crop, setCrop] = useState<Crop | null>(null)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const frameRef = useRef<HTMLDivElement>(null)
  const imgRef = useRef<HTMLImageElement>(null)
  const drag = useRef<{ id: number; x: number; y: number } | null>(null)
  const zoomId = useId()
  const hintId = useId()

  useEffect(() => {
    const objectUrl = URL.createObjectURL(file)
    setUrl(objectUrl)
    return () => URL.revokeObjectURL(objectUrl)
  }, [file])

  // The frame fills the dialog's width; follow it when the window changes size.
  useEffect(() => {
    const el = frameRef.current
    if (!el) return
    const measure = () => setFrame({ width: el.clientWidth, height: el.clientWidth / aspect })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [aspect])

  // Zooming with the wheel needs a listener that may cancel the page's scroll.
  useEffect(() => {
    const el = frameRef.current
    if (!el || !image) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const size = { width: el.clientWidth, height: el.clientWidth / aspect }
      setCrop((c) => c && clampCrop({ ...c, zoom: c.zoom * (e.deltaY < 0 ? 1.08 : 1 / 1.08) }, image, size))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [image, aspect])
  const ready = !!image && !!crop && frame.width > 0
  const place = ready ? placement(crop, image, frame) : null

  const onLoad = () => {
    const img = imgRef.current
    if (!img?.naturalWidth) return setFailed(true)
    const size = { width: img.naturalWidth, height: img.naturalHeight }
    setImage(size)
    setCrop(centredCrop(size))
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId || !image) return
    const dx = e.clientX - d.x
    const dy = e.clientY - d.y
    drag.current = { id: d.id, x: e.clientX, y: e.clientY }
    setCrop((c) => c && dragCrop(c, dx, dy, image, frame))
  }
  const endDrag = () => {
    drag.current = null
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!image) return
    const step = e.shiftKey ? 40 : 10
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    }
    if (moves[e.key]) {
      const [dx, dy] = moves[e.key]
      setCrop((c) => c && dragCrop(c, dx, dy, image, frame))
    } else if (e.key === '+' || e.key === '=') {
      setCrop((c) => c && clampCrop({ ...c, zoom: c.zoom * 1.1 }, image, frame))
    } else if (e.key === '-') {
      setCrop((c) => c && clampCrop({ ...c, zoom: c.zoom / 1.1 }, image, frame))
    } else return
    e.preventDefault()
  }

  const setZoom = (zoom: number) => image && setCrop((c) => c && clampCrop({ ...c, zoom }, image, frame))

  const save = async () => {
    if (!imgRef.current || !crop) return
    setBusy(true)
    setError(null)
    try {
      await onSave(await renderCrop(imgRef.current, crop, frame, output))
      onClose()
    } catch (err) {
      setError(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  if (failed) {
    return (
      <div className="stack">
        <Alert tone="error">{t('edit_profile.not_an_image')}</Alert>
        <div className="form-actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    )
  }

  return (
    <div className="stack">
      {/* biome-ignore lint/a11y/useSemanticElements: a draggable picture frame, not a form group */}
      <div
        ref={frameRef}
        className={`crop-frame crop-frame-${kind}`}
        // The geometry is physical (left/top); the frame never mirrors in RTL.
        dir="ltr"
        style={{ aspectRatio: String(aspect) }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the frame is moved with the arrow keys
        tabIndex={0}
        role="group"
        aria-roledescription={t('edit_profile.crop_area')}
        aria-label={t('edit_profile.crop_label')}
        aria-describedby={hintId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onKeyDown={onKeyDown}
      >
        {url && (
          <img
            ref={imgRef}
            src={url}
            alt=""
            draggable={false}
            onLoad={onLoad}
            onError={() => setFailed(true)}
            className="crop-image"
            style={
              place && image
                ? {
                    width: image.width * place.scale,
                    height: image.height * place.scale,
                    transform: `translate(${place.x}px, ${place.y}px)`,
                  }
                : { opacity: 0 }
            }
          />
        )}
        <span className="crop-mask" aria-hidden="true" />
      </div>
      <p id={hintId} className="muted small crop-hint">
        {t('edit_profile.crop_hint')}
      </p>
      <div className="crop-zoom">
        <button
          type="button"
          className="icon-button icon-button-sm"
          onClick={() => crop && setZoom(crop.zoom / 1.2)}
          aria-label={t('edit_profile.zoom_out')}
          disabled={!ready}
        >
          <ZoomOutIcon size={18} />
        </button>
        <label htmlFor={zoomId} className="visually-hidden">
          {t('edit_profile.zoom')}
        </label>
        <input
          id={zoomId}
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.01}
          value={crop?.zoom ?? 1}
          onChange={(e) => setZoom(Number(e.target.value))}
          disabled={!ready}
          aria-valuetext={`${Math.round((crop?.zoom ?? 1) * 100)}%`}
        />
        <button
          type="button"
          className="icon-button icon-button-sm"
          onClick={() => crop && setZoom(crop.zoom * 1.2)}
          aria-label={t('edit_profile.zoom_in')}
          disabled={!ready}
        >
          <ZoomInIcon size={18} />
        </button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} busy={busy} disabled={!ready}>
          {t('edit_profile.save_picture')}
        </Button>
      </div>
    </div>
  )
}
