/**
 * Maintenance windows and change freezes in IANA time zones, with Intl.DateTimeFormat only.
 * A window opens on each listed day at `start` (local time) and closes at `end`, the next day
 * when `end` is before `start`. Local times are turned into instants as Temporal's
 * "compatible" disambiguation does: a time skipped by a DST jump moves forward by the jump
 * (02:30 on a spring-forward night is 03:30), a time that occurs twice takes the earlier one.
 */
import { DAYS } from '../config/schema.js'

export type Day = (typeof DAYS)[number]

export interface MaintenanceWindow {
  readonly days: readonly Day[]
  /** HH:MM local time. */
  readonly start: string
  readonly end: string
  readonly timezone: string
}

export interface Freeze {
  /** YYYY-MM-DD, inclusive. */
  readonly from: string
  readonly to: string
  readonly reason?: string
}

/** A calendar date and time as a wall clock in some zone shows it. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly weekday: Day
}

/** One opening of a window: from `opensAt` to `closesAt`. */
export interface Opening {
  readonly window: MaintenanceWindow
  readonly opensAt: Date
  readonly closesAt: Date
}

const MINUTE = 60_000
const DAY = 86_400_000

/** How far ahead to look for the next opening (freezes can span months). */
export const LOOKAHEAD_DAYS = 400

/** The wall clock in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  }).formatToParts(instant)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0'
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: get('weekday').toLowerCase().slice(0, 3) as Day,
  }
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** The instant a local date and HH:MM happen in `timeZone` (Temporal "compatible" for gaps and overlaps). */
export function zonedInstant(date: { year: number; month: number; day: number }, hhmm: string, timeZone: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number]
  const local = Date.UTC(date.year, date.month - 1, date.day, hour, minute)
  // Offsets a day either side bracket any transition near this local time.
  const before = offsetAt(local - DAY, timeZone)
  const after = offsetAt(local + DAY, timeZone)
  const candidates = [...new Set([local - before, local - after])].sort((a, b) => a - b)
  const exact = candidates.filter((c) => c + offsetAt(c, timeZone) === local)
  // Overlap: both match, take the earlier. Gap: none match, shift forward by the jump (offset before it).
  return new Date(exact.length > 0 ? exact[0]! : local - before)
}

/** A local calendar date `days` after the given one. */
function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number; weekday: Day } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: DAYS[(d.getUTCDay() + 6) % 7]! }
}

/** True when the window ends on the next day (end before start). */
export function crossesMidnight(window: MaintenanceWindow): boolean {
  return window.end < window.start
}

/** The opening of `window` that starts on local date `date`, if the window opens that weekday. */
function openingOn(window: MaintenanceWindow, date: { year: number; month: number; day: number; weekday: Day }): Opening | undefined {
  if (!window.days.includes(date.weekday)) return undefined
  const opensAt = zonedInstant(date, window.start, window.timezone)
  const closesAt = zonedInstant(crossesMidnight(window) ? addDays(date, 1) : date, window.end, window.timezone)
  return { window, opensAt, closesAt }
}

/** The opening `now` falls in, if any (one that began yesterday may still be open). */
export function currentOpening(window: MaintenanceWindow, now: Date): Opening | undefined {
  const today = wallClock(now, window.timezone)
  for (const offset of [-1, 0]) {
    const opening = openingOn(window, addDays(today, offset))
    if (opening && opening.opensAt.getTime() <= now.getTime() && now.getTime() < opening.closesAt.getTime()) return opening
  }
  return undefined
}

/** The freeze covering `instant` (dates compared in `timeZone`), if any. */
export function activeFreeze(freezes: readonly Freeze[], instant: Date, timeZone: string): Freeze | undefined {
  const w = wallClock(instant, timeZone)
  const date = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
  return freezes.find((f) => f.from <= date && date <= f.to)
}

/** The next opening of any window after `now` that does not start inside a freeze. */
export function nextOpening(windows: readonly MaintenanceWindow[], freezes: readonly Freeze[], now: Date, freezeZone: string): Opening | undefined {
  let best: Opening | undefined
  for (const window of windows) {
    const today = wallClock(now, window.timezone)
    for (let k = 0; k <= LOOKAHEAD_DAYS; k++) {
      const opening = openingOn(window, addDays(today, k))
      if (!opening || opening.opensAt.getTime() <= now.getTime()) continue
      if (activeFreeze(freezes, opening.opensAt, freezeZone)) continue
      if (!best || opening.opensAt < best.opensAt) best = opening
      break
    }
  }
  return best
}

/** "Tue 2026-12-01 02:00 Europe/Berlin" for an instant in the window's zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const day = w.weekday.charAt(0).toUpperCase() + w.weekday.slice(1)
  return `${day} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${timeZone}`
}

/** "3 h 20 min", "45 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days} d${hours > 0 ? ` ${hours} h` : ''}`
  if (hours > 0) return `${hours} h${mins > 0 ? ` ${mins} min` : ''}`
  return `${mins} min`
}

/** "mon-fri 01:00-05:00 Europe/Berlin". */
export function describeWindow(window: MaintenanceWindow): string {
  return `${window.days.join(',')} ${window.start}-${window.end} ${window.timezone}`
}
