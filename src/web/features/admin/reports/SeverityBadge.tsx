import { useTranslation } from 'react-i18next'

/** Queue severity: 3 (child safety, terrorism, violence), 2 (harassment, illegal, appeals), 1 (the rest). */
export function SeverityBadge({ severity }: { severity: number }) {
  const { t } = useTranslation()
  const level = severity >= 3 ? 'severe' : severity === 2 ? 'high' : 'normal'
  return (
    <span className={`severity severity-${level}`}>
      <span className="severity-dot" aria-hidden="true" />
      {t(`admin.reports.severity.${level}`)}
    </span>
  )
}
