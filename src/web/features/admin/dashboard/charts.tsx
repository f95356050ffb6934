// Small inline SVG charts for the dashboard; no chart library. Each is one image with a spoken
// summary. Time runs left to right in every language, as on the axis of a printed chart.
import type { Series } from '../../../api/admin.ts'

const W = 300
const H = 72
const PAD = 4

function scale(series: Series) {
  const max = Math.max(1, ...series.map((p) => p.value))
  const step = series.length > 1 ? (W - PAD * 2) / (series.length - 1) : 0
  const x = (i: number) => PAD + i * step
  const y = (v: number) => H - PAD - (v / max) * (H - PAD * 2)
  return { max, x, y }
}

/** A line with a soft area under it, for one daily series. */
export function Sparkline({ series, label }: { series: Series; label: string }) {
  if (series.length === 0) return null
  const { x, y } = scale(series)
  const points = series.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
  const line = `M${points.join(' L')}`
  const area = `${line} L${x(series.length - 1).toFixed(1)},${H - PAD} L${x(0).toFixed(1)},${H - PAD} Z`
  const last = series.length - 1
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <line className="chart-base" x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} />
      <path className="chart-area" d={area} />
      <path className="chart-line" d={line} vectorEffect="non-scaling-stroke" />
      <circle className="chart-dot" cx={x(last)} cy={y(series[last]!.value)} r="3" vectorEffect="non-scaling-stroke" />
    </svg>
  )
}

/** Paired daily bars: two series side by side (reports opened and resolved). */
export function PairedBars({ a, b, label }: { a: Series; b: Series; label: string }) {
  if (a.length === 0) return null
  const max = Math.max(1, ...a.map((p) => p.value), ...b.map((p) => p.value))
  const slot = (W - PAD * 2) / a.length
  const bar = Math.max(1, slot / 2 - 1)
  const h = (v: number) => (v / max) * (H - PAD * 2)
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <line className="chart-base" x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} />
      {a.map((p, i) => {
        const resolved = b[i]?.value ?? 0
        const x0 = PAD + i * slot
        return (
          <g key={p.date}>
            {p.value > 0 && (
              <rect className="chart-bar-a" x={x0} y={H - PAD - h(p.value)} width={bar} height={h(p.value)} rx="1" />
            )}
            {resolved > 0 && (
              <rect
                className="chart-bar-b"
                x={x0 + bar + 1}
                y={H - PAD - h(resolved)}
                width={bar}
                height={h(resolved)}
                rx="1"
              />
            )}
          </g>
        )
      })}
    </svg>
  )
}

/** One horizontal bar split into parts (storage by kind). */
export function StackedBar({ parts, label }: { parts: { key: string; value: number }[]; label: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0)
  let at = 0
  return (
    <svg className="chart chart-stack" viewBox="0 0 300 16" preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect className="chart-track" x="0" y="0" width="300" height="16" />
      {total > 0 &&
        parts.map((p) => {
          const w = (p.value / total) * 300
          const rect = (
            <rect key={p.key} className={`chart-part chart-part-${p.key}`} x={at} y="0" width={w} height="16" />
          )
          at += w
          return rect
        })}
    </svg>
  )
}

export function peak(series: Series): { date: string; value: number } | null {
  return series.reduce<{ date: string; value: number } | null>(
    (best, p) => (!best || p.value > best.value ? p : best),
    null,
  )
}
