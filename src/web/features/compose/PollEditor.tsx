import { useTranslation } from 'react-i18next'
import type { ComposeLimits } from '../../api/instance.ts'
import { Button } from '../../components/Button.tsx'
import { CloseIcon } from '../../components/icons.tsx'
import { PlusIcon } from '../../components/post-icons.tsx'

export type PollDraft = { options: string[]; expiresIn: number; multiple: boolean }

export const newPoll = (): PollDraft => ({ options: ['', ''], expiresIn: 24 * 3600, multiple: false })

const MAX_OPTIONS = 6
const durations = [
  [5, 'minute'],
  [30, 'minute'],
  [1, 'hour'],
  [6, 'hour'],
  [1, 'day'],
  [3, 'day'],
  [7, 'day'],
] as const
const seconds = { minute: 60, hour: 3600, day: 86400 }

export function pollIsReady(p: PollDraft): boolean {
  return p.options.filter((o) => o.trim()).length >= 2
}

/** Two to six answers, how long the poll stays open, and whether people may pick several. */
export function PollEditor({
  poll,
  limits,
  onChange,
  onRemove,
}: {
  poll: PollDraft
  limits: ComposeLimits
  onChange: (p: PollDraft) => void
  onRemove: () => void
}) {
  const { t, i18n } = useTranslation()
  const max = Math.min(MAX_OPTIONS, limits.pollMaxOptions)
  const setOption = (i: number, text: string) =>
    onChange({ ...poll, options: poll.options.map((o, j) => (j === i ? text : o)) })
  const choices = durations
    .map(([n, unit]) => ({
      value: n * seconds[unit],
      label: new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
    }))
    .filter((d) => d.value >= limits.pollMinExpiration && d.value <= limits.pollMaxExpiration)

  return (
    <fieldset className="poll-editor">
      <legend className="poll-editor-title">{t('compose.poll.title')}</legend>
      <ol className="poll-editor-options">
        {poll.options.map((option, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place and have no other identity
          <li key={i} className="poll-editor-option">
            <input
              className="input"
              value={option}
              maxLength={limits.pollMaxOptionChars}
              aria-label={t('compose.poll.option', { n: i + 1 })}
              placeholder={t('compose.poll.option', { n: i + 1 })}
              onChange={(e) => setOption(i, e.target.value)}
            />
            {poll.options.length > 2 && (
              <button
                type="button"
                className="icon-button icon-button-sm"
                aria-label={t('compose.poll.remove_option', { n: i + 1 })}
                title={t('compose.poll.remove_option', { n: i + 1 })}
                onClick={() => onChange({ ...poll, options: poll.options.filter((_, j) => j !== i) })}
              >
                <CloseIcon size={16} />
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="poll-editor-row">
        {poll.options.length < max && (
          <Button
            variant="ghost"
            size="sm"
            icon={<PlusIcon size={16} />}
            onClick={() => onChange({ ...poll, options: [...poll.options, ''] })}
          >
            {t('compose.poll.add_option')}
          </Button>
        )}
      </div>
      <div className="poll-editor-row poll-editor-settings">
        <label className="poll-editor-duration">
          <span>{t('compose.poll.duration')}</span>
          <select
            className="select"
            value={poll.expiresIn}
            onChange={(e) => onChange({ ...poll, expiresIn: Number(e.target.value) })}
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check poll-editor-multiple">
          <input
            type="checkbox"
            checked={poll.multiple}
            onChange={(e) => onChange({ ...poll, multiple: e.target.checked })}
          />
          <span>{t('compose.poll.multiple')}</span>
        </label>
        <Button variant="ghost" size="sm" onClick={onRemove}>
          {t('compose.poll.remove')}
        </Button>
      </div>
    </fieldset>
  )
}
