import { defineLiveCheck, outcome, type LiveOutcome } from '../../engine/define.js'
import { activeFreeze, currentOpening, describeWindow, formatDuration, formatLocal, nextOpening, type Opening } from '../../engine/windows.js'

/**
 * Whether the evaluation time (ctx.now; `--at` sets it) is inside one of the target's
 * maintenance windows and outside every change freeze. Outside a window or inside a freeze the
 * check fails when target.enforceWindow is set, else warns; it says when the next window opens.
 * Freeze dates are read in the first window's time zone (UTC without windows).
 */
export default defineLiveCheck({
  id: 'maintenance-window',
  title: 'Inside a maintenance window and outside change freezes',
  category: 'window',
  severity: 'error',
  async run(ctx) {
    const windows = ctx.target.maintenanceWindows
    const freezes = ctx.target.freezes
    const now = ctx.now
    const freezeZone = windows[0]?.timezone ?? 'UTC'
    const next = nextOpening(windows, freezes, now, freezeZone)
    const evidence = {
      now: now.toISOString(),
      enforceWindow: ctx.target.enforceWindow,
      windows: windows.map(describeWindow),
      freezes: freezes.map((f) => `${f.from}..${f.to}${f.reason ? ` (${f.reason})` : ''}`),
      freezeTimeZone: freezeZone,
      nextOpensAt: next?.opensAt.toISOString() ?? null,
    }
    const block = (summary: string, mitigation: string): LiveOutcome =>
      ctx.target.enforceWindow ? outcome.fail(summary, mitigation, evidence) : outcome.warn(summary, mitigation, evidence)

    const freeze = activeFreeze(freezes, now, freezeZone)
    if (freeze) {
      return block(
        `${now.toISOString()} is inside the change freeze ${freeze.from} to ${freeze.to}${freeze.reason ? ` (${freeze.reason})` : ''}.${nextText(next, now)}`,
        'Wait for the freeze to end, or get the exception approved and run with --at set to the approved time.',
      )
    }
    if (windows.length === 0) {
      const freezeNote = freezes.length > 0 ? `; ${now.toISOString()} is outside all ${freezes.length} change freezes` : ''
      return outcome.pass(`No maintenance windows configured for ${ctx.targetName}${freezeNote}.`, evidence)
    }
    const open = windows.map((w) => currentOpening(w, now)).find((o): o is Opening => o !== undefined)
    if (open) {
      return outcome.pass(
        `Inside the maintenance window ${describeWindow(open.window)}: it closes at ${formatLocal(open.closesAt, open.window.timezone)} (${open.closesAt.toISOString()}), in ${formatDuration(open.closesAt.getTime() - now.getTime())}.`,
        { ...evidence, closesAt: open.closesAt.toISOString() },
      )
    }
    return block(
      `${now.toISOString()} is outside every maintenance window (${windows.map(describeWindow).join('; ')}).${nextText(next, now)}`,
      `Run the migration during a window${next ? `, from ${formatLocal(next.opensAt, next.window.timezone)}` : ''}, or pass --at for a planned time to check it.`,
    )
  },
})

/** " The next window opens Tue 2026-12-01 02:00 Europe/Berlin (2026-12-01T01:00:00.000Z, in 3 h)." */
function nextText(next: Opening | undefined, now: Date): string {
  if (!next) return ' No window opens in the next 400 days outside the freezes.'
  return ` The next window opens ${formatLocal(next.opensAt, next.window.timezone)} (${next.opensAt.toISOString()}, in ${formatDuration(next.opensAt.getTime() - now.getTime())}).`
}
