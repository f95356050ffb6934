import './report.css'
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react'
import { CloseIcon } from '../../components/icons.tsx'

type ModalProps = {
  open: boolean
  onClose: () => void
  title: ReactNode
  /** The close button's accessible name, in the page's language. */
  closeLabel: string
  children: ReactNode
  /** Buttons at the bottom; with `onSubmit` the body and footer are one form. */
  footer?: ReactNode
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void
  size?: 'sm' | 'md' | 'lg'
  /** Where focus lands when the dialog opens (a selector inside it); the first field by default. */
  initialFocus?: string
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert, closes on
 * Escape and hands focus back to whatever opened it. Children mount only while it is open.
 */
// NOTE: components/Dialog.tsx (written alongside) is the same idea; this one also wraps body and
// footer in one form and focuses the first field, which the report and moderation forms need.
export function Modal({
  open,
  onClose,
  title,
  closeLabel,
  children,
  footer,
  onSubmit,
  size = 'md',
  initialFocus,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement
      dialog.showModal()
      const target =
        (initialFocus && dialog.querySelector<HTMLElement>(initialFocus)) ||
        dialog.querySelector<HTMLElement>('.kmodal-body :is(input, select, textarea, button):not([disabled])')
      target?.focus()
    }
    if (!open && dialog.open) {
      dialog.close()
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus()
    }
  }, [open, initialFocus])

  const body = (
    <>
      <div className="kmodal-body">{children}</div>
      {footer && <div className="kmodal-foot">{footer}</div>}
    </>
  )

  return (
    <dialog
      ref={ref}
      className={`kmodal kmodal-${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on its children.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
    >
      {open && (
        <div className="kmodal-box">
          <div className="kmodal-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel} title={closeLabel}>
              <CloseIcon size={20} />
            </button>
          </div>
          {onSubmit ? (
            <form className="kmodal-form" onSubmit={onSubmit} noValidate>
              {body}
            </form>
          ) : (
            body
          )}
        </div>
      )}
    </dialog>
  )
}
