import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EyeIcon, EyeOffIcon } from './icons.tsx'

type Common = {
  label: ReactNode
  hint?: ReactNode
  error?: string | null
  /** Extra content under the input, such as a strength meter. */
  below?: ReactNode
}

type InputFieldProps = Common & InputHTMLAttributes<HTMLInputElement> & { multiline?: false }
type TextAreaFieldProps = Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { multiline: true }

export function Field(props: InputFieldProps | TextAreaFieldProps) {
  const { t } = useTranslation()
  const autoId = useId()
  const [revealed, setRevealed] = useState(false)
  const { label, hint, error, below, multiline, id: givenId, className, ...control } = props
  const id = givenId ?? autoId
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  const shared = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: 'input',
  }

  let input: ReactNode
  if (multiline) {
    input = <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} />
  } else {
    const inputProps = control as InputHTMLAttributes<HTMLInputElement>
    const isPassword = inputProps.type === 'password'
    // The direction goes on the wrapper so the input's padding and the reveal button agree in RTL.
    const { dir, ...passwordProps } = inputProps
    input = isPassword ? (
      <div className="input-with-action" dir={dir}>
        <input {...passwordProps} {...shared} type={revealed ? 'text' : 'password'} />
        <button
          type="button"
          className="input-action"
          onClick={() => setRevealed((r) => !r)}
          aria-label={revealed ? t('common.hide_password') : t('common.show_password')}
          aria-pressed={revealed}
          aria-controls={id}
        >
          {revealed ? <EyeOffIcon size={18} /> : <EyeIcon size={18} />}
        </button>
      </div>
    ) : (
      <input {...inputProps} {...shared} />
    )
  }

  return (
    <div className={['field', error && 'field-invalid', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {input}
      {below}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}
