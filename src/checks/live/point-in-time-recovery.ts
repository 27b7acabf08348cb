import { defineLiveCheck, outcome } from '../../engine/define.js'
import { judgeArchiving, readArchiver } from '../../dialects/postgres/catalog/archiver.js'

/**
 * Whether the target could be restored to just before the migration: WAL archiving is on and
 * working (pg_stat_archiver shows a recent success and no failure after it). Informational: it
 * warns, never fails. With acceptPitrAsBackup the static rules also take it as backup evidence
 * for destructive statements. https://www.postgresql.org/docs/current/continuous-archiving.html
 */
export default defineLiveCheck({
  id: 'point-in-time-recovery',
  title: 'Point-in-time recovery is possible',
  category: 'capacity',
  severity: 'warning',
  async run(ctx) {
    const state = await readArchiver(ctx)
    const verdict = judgeArchiving(state)
    const accepted = ctx.target.acceptPitrAsBackup
    const evidence = { ...state, lastSuccessAgeSeconds: verdict.lastSuccessAgeSeconds, acceptPitrAsBackup: accepted }
    if (verdict.isWorking) {
      const use = accepted ? ' The config accepts it as backup evidence for destructive statements.' : ' Set acceptPitrAsBackup to let it count as backup evidence for destructive statements.'
      return outcome.pass(`${capitalise(verdict.reason)}.${use}`, evidence)
    }
    return outcome.warn(
      `Point-in-time recovery is not assured: ${verdict.reason}.${accepted ? ' acceptPitrAsBackup is set, but it is not taken as backup evidence while archiving does not work.' : ''}`,
      'Take a backup (pg_dump of the affected tables, or a snapshot) before destructive migrations, or fix WAL archiving (archive_mode, archive_command or your provider\'s backup settings) and check pg_stat_archiver.',
      evidence,
    )
  },
})

/** Upper-cases the first letter. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
