import './dashboard.css'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type Dashboard, getDashboard, type Series } from '../../../api/admin.ts'
import { useLocale } from '../../../context/locale.tsx'
import { formatDate } from '../../../lib/format.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { Loaded, SectionHead } from '../admin-ui.tsx'
import { PairedBars, peak, Sparkline, StackedBar } from './charts.tsx'
import { formatBytes, formatDay, formatDuration, formatNumber } from './numbers.ts'

const PERIODS = [7, 30, 90] as const

export function DashboardSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.dashboard.title'))
  const [days, setDays] = useState<number>(30)
  const load = useLoad(() => getDashboard(days), [days])

  return (
    <>
      <SectionHead
        title={t('admin.dashboard.title')}
        intro={t('admin.dashboard.intro')}
        actions={
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('admin.dashboard.period')}</legend>
            {PERIODS.map((d) => (
              <label key={d} className="segmented-option">
                <input type="radio" name="period" checked={days === d} onChange={() => setDays(d)} />
                <span>{t('admin.dashboard.last_days', { count: d })}</span>
              </label>
            ))}
          </fieldset>
        }
      />
      <Loaded load={load}>{(data) => <DashboardBody data={data} />}</Loaded>
    </>
  )
}

function DashboardBody({ data }: { data: Dashboard }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  const summary = (series: Series, what: string) => {
    const top = peak(series)
    return t('admin.dashboard.chart_summary', {
      what,
      days: series.length,
      total: n(series.reduce((s, p) => s + p.value, 0)),
      peak: n(top?.value ?? 0),
      date: top ? formatDate(`${top.date}T12:00:00Z`, locale) : '',
    })
  }
  const r = data.reports
  const storage = [
    { key: 'media', value: data.storage.media_bytes },
    { key: 'database', value: data.storage.database_bytes },
    { key: 'evidence', value: data.storage.evidence_bytes },
  ]
  const storageTotal = storage.reduce((s, p) => s + p.value, 0)
  const first = data.posts.series[0]?.date
  const last = data.posts.series.at(-1)?.date

  return (
    <div className="dash-grid">
      <Metric
        title={t('admin.dashboard.new_users')}
        value={n(data.new_users.total)}
        chart={
          <Sparkline
            series={data.new_users.series}
            label={summary(data.new_users.series, t('admin.dashboard.new_users'))}
          />
        }
        range={[first, last]}
      />
      <Metric
        title={t('admin.dashboard.active_users')}
        value={n(data.active_users.monthly)}
        unit={t('admin.dashboard.monthly')}
        chart={
          <Sparkline
            series={data.active_users.series}
            label={summary(data.active_users.series, t('admin.dashboard.active_users'))}
          />
        }
        range={[first, last]}
      >
        <dl className="dash-mini">
          <div>
            <dt>{t('admin.dashboard.daily')}</dt>
            <dd>{n(data.active_users.daily)}</dd>
          </div>
          <div>
            <dt>{t('admin.dashboard.weekly')}</dt>
            <dd>{n(data.active_users.weekly)}</dd>
          </div>
        </dl>
      </Metric>
      <Metric
        title={t('admin.dashboard.posts')}
        value={n(data.posts.total)}
        chart={<Sparkline series={data.posts.series} label={summary(data.posts.series, t('admin.dashboard.posts'))} />}
        range={[first, last]}
      />
      <Metric
        title={t('admin.dashboard.interactions')}
        value={n(data.interactions.total)}
        chart={
          <Sparkline
            series={data.interactions.series}
            label={summary(data.interactions.series, t('admin.dashboard.interactions'))}
          />
        }
        range={[first, last]}
      />

      <section className="card dash-card dash-wide" aria-labelledby="dash-reports">
        <div className="dash-card-head">
          <h2 id="dash-reports">{t('admin.dashboard.reports')}</h2>
          <Link to="/admin/reports" className="small">
            {t('admin.dashboard.open_queue')}
          </Link>
        </div>
        <dl className="dash-split dash-split-4">
          <div>
            <dt>{t('admin.dashboard.open_now')}</dt>
            <dd>{n(r.open)}</dd>
          </div>
          <div>
            <dt>
              <span className="dash-key dash-key-a" aria-hidden="true" />
              {t('admin.dashboard.opened')}
            </dt>
            <dd>{n(r.opened)}</dd>
          </div>
          <div>
            <dt>
              <span className="dash-key dash-key-b" aria-hidden="true" />
              {t('admin.dashboard.resolved')}
            </dt>
            <dd>{n(r.resolved)}</dd>
          </div>
          <div>
            <dt>{t('admin.dashboard.median')}</dt>
            <dd>{r.median_resolution_seconds === null ? '—' : formatDuration(r.median_resolution_seconds, locale)}</dd>
          </div>
        </dl>
        <div className="dash-chart" dir="ltr">
          <PairedBars
            a={r.opened_series}
            b={r.resolved_series}
            label={t('admin.dashboard.reports_summary', {
              days: r.opened_series.length,
              opened: n(r.opened),
              resolved: n(r.resolved),
            })}
          />
        </div>
        <ChartRange range={[first, last]} />
      </section>

      <section className="card dash-card dash-wide" aria-labelledby="dash-storage">
        <div className="dash-card-head">
          <h2 id="dash-storage">{t('admin.dashboard.storage')}</h2>
          <p className="dash-value">{formatBytes(storageTotal, locale)}</p>
        </div>
        <StackedBar
          parts={storage}
          label={storage
            .map((p) => `${t(`admin.dashboard.storage_${p.key}`)}: ${formatBytes(p.value, locale)}`)
            .join(', ')}
        />
        <ul className="dash-legend">
          {storage.map((p) => (
            <li key={p.key}>
              <span className={`dash-key chart-part-${p.key}`} aria-hidden="true" />
              <span>{t(`admin.dashboard.storage_${p.key}`)}</span>
              <strong>{formatBytes(p.value, locale)}</strong>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

function Metric({
  title,
  value,
  unit,
  chart,
  range,
  children,
}: {
  title: string
  value: string
  unit?: string
  chart: ReactNode
  range: [string | undefined, string | undefined]
  children?: ReactNode
}) {
  return (
    <section className="card dash-card">
      <h2 className="dash-title">{title}</h2>
      <p className="dash-value">
        {value}
        {unit && <span className="dash-unit"> {unit}</span>}
      </p>
      {children}
      <div className="dash-chart" dir="ltr">
        {chart}
      </div>
      <ChartRange range={range} />
    </section>
  )
}

function ChartRange({ range: [from, to] }: { range: [string | undefined, string | undefined] }) {
  const { locale } = useLocale()
  if (!from || !to) return null
  return (
    <p className="dash-range" dir="ltr" aria-hidden="true">
      <bdi>{formatDay(from, locale)}</bdi>
      <bdi>{formatDay(to, locale)}</bdi>
    </p>
  )
}
