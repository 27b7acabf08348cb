/**
 * Human-readable numbers for messages and evidence summaries (evidence keeps the raw numbers).
 */

/** 512 B, 3.2 MB, 10.0 GB (powers of 1024, as pg_size_pretty). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let value = Math.abs(bytes)
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const sign = bytes < 0 ? '-' : ''
  return unit === 0 ? `${sign}${Math.round(value)} B` : `${sign}${value.toFixed(1)} ${units[unit]}`
}

/** 50 000 000 -> "50,000,000"; locale-independent so reports are deterministic. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 0.8312 -> "83.1%". */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`
}
