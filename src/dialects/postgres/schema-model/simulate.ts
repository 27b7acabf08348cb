/**
 * Replays pending statements, in order, on a schema model loaded from the target: a symbolic
 * run that executes nothing on the server. Each statement kind has a handler that checks what
 * the statement needs (objects that must or must not exist, usable indexes, key types) and
 * changes the model as the statement would.
 */
import type { StatementRef } from '../../../engine/define.js'
import type { SchemaModel } from './model.js'
import { stringsOf } from './names.js'
import { Replay, type SchemaIssue, type TypeChange } from './replay.js'
import { replayAlterTable, replayCreateIndex } from './replay-alter.js'
import {
  replayAlterEnum,
  replayAlterSequence,
  replayCluster,
  replayComment,
  replayCreateComposite,
  replayCreateDerived,
  replayCreateExtension,
  replayCreateSequence,
  replayCreateType,
  replayDrop,
  replayGrant,
  replayInsert,
  replayRefresh,
  replayReindex,
  replayRename,
  replaySet,
  replaySetSchema,
  replayUpdate,
} from './replay-objects.js'
import { replayCreateTable, requireRelation } from './replay-tables.js'

/** What the replay found. */
export interface Simulation {
  /** The model after every statement. */
  readonly model: SchemaModel
  readonly issues: readonly SchemaIssue[]
  readonly typeChanges: readonly TypeChange[]
  /** DO blocks and procedure calls: the replay cannot see what they change. */
  readonly opaque: readonly StatementRef[]
}

/** Replays the statements on `model` (which it changes) and returns the issues. */
export function simulate(model: SchemaModel, statements: Iterable<StatementRef>): Simulation {
  const r = new Replay(model)
  for (const ref of statements) {
    r.begin(ref)
    replayStatement(r, ref)
  }
  return { model, issues: r.issues, typeChanges: r.typeChanges, opaque: r.opaque }
}

/** Dispatches one statement to its handler; statements without one change nothing the model holds. */
function replayStatement(r: Replay, ref: StatementRef): void {
  const n = ref.stmt.node
  switch (ref.stmt.kind) {
    case 'CreateSchemaStmt':
      if (r.schemaState(n.schemaname) === 'yes') {
        if (!n.if_not_exists) r.reportExists('schema', n.schemaname)
      } else if (n.schemaname) r.model.schemas.add(n.schemaname)
      return
    case 'CreateStmt':
      return replayCreateTable(r, n)
    case 'AlterTableStmt':
      return replayAlterTable(r, n)
    case 'IndexStmt':
      return replayCreateIndex(r, n)
    case 'DropStmt':
      return replayDrop(r, n)
    case 'RenameStmt':
      return replayRename(r, n)
    case 'CreateEnumStmt':
      return replayCreateType(r, stringsOf(n.typeName), 'e', stringsOf(n.vals))
    case 'CreateDomainStmt':
      return replayCreateType(r, stringsOf(n.domainname), 'd', [], n.typeName)
    case 'CreateRangeStmt':
      return replayCreateType(r, stringsOf(n.typeName), 'r')
    case 'CompositeTypeStmt':
      return replayCreateComposite(r, n)
    case 'AlterEnumStmt':
      return replayAlterEnum(r, n)
    case 'CreateExtensionStmt':
      return replayCreateExtension(r, n)
    case 'AlterExtensionStmt':
      if (!r.model.extensions.has(n.extname)) r.reportMissing('extension', n.extname)
      return
    case 'CreateSeqStmt':
      return replayCreateSequence(r, n)
    case 'AlterSeqStmt':
      return replayAlterSequence(r, n)
    case 'ViewStmt':
      return replayCreateDerived(r, n.view, 'view', { replace: Boolean(n.replace) })
    case 'CreateTableAsStmt':
      return replayCreateDerived(r, n.into?.rel, n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', { ifNotExists: Boolean(n.if_not_exists) })
    case 'CommentStmt':
      return replayComment(r, n)
    case 'InsertStmt':
      return replayInsert(r, n)
    case 'UpdateStmt':
      return replayUpdate(r, n)
    case 'DeleteStmt':
    case 'MergeStmt':
    case 'CreateTrigStmt':
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      requireRelation(r, n.relation ?? n.table)
      return
    case 'TruncateStmt':
    case 'LockStmt':
      for (const rel of n.relations ?? []) requireRelation(r, rel.RangeVar)
      return
    case 'VacuumStmt':
      for (const rel of n.rels ?? []) requireRelation(r, rel.VacuumRelation?.relation)
      return
    case 'CopyStmt':
      if (n.relation) requireRelation(r, n.relation)
      return
    case 'ReindexStmt':
      return replayReindex(r, n)
    case 'ClusterStmt':
      return replayCluster(r, n)
    case 'RefreshMatViewStmt':
      return replayRefresh(r, n)
    case 'GrantStmt':
      return replayGrant(r, n)
    case 'AlterObjectSchemaStmt':
      return replaySetSchema(r, n)
    case 'VariableSetStmt':
      return replaySet(r, n)
    case 'DoStmt':
    case 'CallStmt':
    case 'ExecuteStmt':
      r.opaque.push(ref)
      return
    default:
      return
  }
}
