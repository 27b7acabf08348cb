import { defineStaticRule } from '../../engine/define.js'
import { isExplicitlyWrapped, transactionControl } from './support/transactions.js'

// What each transaction-control statement does inside the tool's own transaction.
const EFFECTS: Readonly<Record<string, string>> = {
  TRANS_STMT_BEGIN:
    'PostgreSQL only warns ("there is already a transaction in progress"), and the COMMIT meant for it ends the tool\'s transaction early',
  TRANS_STMT_START:
    'PostgreSQL only warns ("there is already a transaction in progress"), and the COMMIT meant for it ends the tool\'s transaction early',
  TRANS_STMT_COMMIT:
    'it commits the tool\'s transaction early: what follows runs outside it, so a later failure leaves the migration half-applied and the tool\'s own COMMIT or ROLLBACK finds no transaction',
  TRANS_STMT_ROLLBACK:
    'it rolls back everything before it, and the tool may then record the migration as applied although its changes are gone',
  TRANS_STMT_PREPARE: 'it detaches the tool\'s transaction as a prepared transaction that keeps its locks until someone commits it',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED cannot run inside a transaction block: the migration fails',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED cannot run inside a transaction block: the migration fails',
}

/**
 * A migration tool that wraps each file in BEGIN ... COMMIT owns the transaction: BEGIN, COMMIT or
 * ROLLBACK written in the file fight it (https://www.postgresql.org/docs/current/sql-commit.html).
 * Scripts run as one multi-statement query (golang-migrate, Prisma, Supabase) get PostgreSQL's
 * implicit transaction instead, where an explicit BEGIN ... COMMIT is legal, and stay quiet.
 */
export default defineStaticRule({
  id: 'no-transaction-control-in-wrapped-file',
  title: 'No BEGIN/COMMIT in files the tool already wraps',
  category: 'static-analysis',
  severity: 'error',
  run(ctx) {
    for (const file of ctx.files) {
      if (!isExplicitlyWrapped(ctx, file)) continue
      for (const stmt of file.parsed.statements) {
        const control = transactionControl(stmt)
        const effect = control ? EFFECTS[control] : undefined
        if (!effect) continue
        const word = stmt.text.trim().split(/\s+/)[0]!.toUpperCase()
        ctx.report(
          { file, stmt },
          {
            message: `${word} inside a file that runs in a transaction already (${file.migration.transactionReason}): ${effect}.`,
            mitigation:
              'Remove BEGIN/COMMIT/ROLLBACK from the file and let the tool manage the transaction; for statements that must run outside one, use a separate migration the tool does not wrap.',
            help: 'SAVEPOINT / ROLLBACK TO SAVEPOINT are fine inside the tool\'s transaction.',
            evidence: { statement: word, transaction: file.migration.transactionReason, layout: ctx.layout ?? 'unknown' },
          },
        )
      }
    }
  },
})
