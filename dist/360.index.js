export const id = 360;
export const ids = [360];
export const modules = {

/***/ 90360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  liveChecks: () => (/* binding */ liveChecks)
});

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
;// CONCATENATED MODULE: ./src/checks/live/support/guard.ts

/** SQLSTATEs of a catalog object the server does not have: undefined table, column, function, object; feature not supported. */
const MISSING_OBJECT = new Set(['42P01', '42703', '42883', '42704', '0A000']);
/** MySQL and MariaDB error codes (mysql2's `code`) for a missing privilege. */
const MYSQL_DENIED = new Set(['ER_TABLEACCESS_DENIED_ERROR', 'ER_COLUMNACCESS_DENIED_ERROR', 'ER_SPECIFIC_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_PROCACCESS_DENIED_ERROR']);
/** The same check, with expected refusals of the target reported as a skip or warning. */
function guardCheck(check) {
    return {
        ...check,
        async run(ctx) {
            try {
                return await check.run(ctx);
            }
            catch (error) {
                const outcome = refusalOutcome(error, ctx);
                if (!outcome)
                    throw error;
                ctx.log.log('warn', `check ${check.id}: ${outcome.status}: ${(0,errors/* describeError */.Uc)(error)}`);
                return outcome;
            }
        },
    };
}
/** The outcome for an error that describes the target rather than a bug, or undefined. */
function refusalOutcome(error, ctx) {
    const code = error.code;
    if (typeof code !== 'string')
        return undefined;
    const reason = (0,errors/* describeError */.Uc)(error);
    const user = ctx.server.currentUser;
    const evidence = { sqlstate: code, error: reason, user };
    if (code === '42501' || MYSQL_DENIED.has(code)) {
        const grant = ctx.db.dialect === 'mysql' ? `GRANT PROCESS and SELECT on the schema (and performance_schema) to ${user}` : `GRANT pg_monitor TO ${user} (it includes pg_read_all_stats and pg_read_all_settings)`;
        return {
            status: 'skip',
            summary: `Not checked: the preflight login ${user} may not read what this check needs (${reason}). ${grant}, or grant the object named.`,
            evidence,
        };
    }
    if (code === '57014') {
        return {
            status: 'warn',
            summary: `Not checked: a catalog query ran past the preflight statement_timeout (${ctx.target.statementTimeoutMs} ms), so the server is overloaded or its catalog is very large.`,
            mitigation: 'Raise statementTimeoutMs for this target, or run preflight at a quieter time; a migration on a server this slow to answer will be slow too.',
            evidence: { ...evidence, statementTimeoutMs: ctx.target.statementTimeoutMs },
        };
    }
    if (code === '55P03') {
        return {
            status: 'warn',
            summary: `Not checked: a catalog query waited longer than the preflight lock_timeout (${ctx.target.lockTimeoutMs} ms): another session holds a strong lock (often ACCESS EXCLUSIVE from running DDL) on a table or catalog the check reads.`,
            mitigation: 'See blocking-locks and long-transactions for the session holding the lock; a migration started now would queue behind it too.',
            evidence: { ...evidence, lockTimeoutMs: ctx.target.lockTimeoutMs },
        };
    }
    if (code.startsWith('53')) {
        return {
            status: 'warn',
            summary: `Not checked: the server is short of resources (${reason}, SQLSTATE ${code}).`,
            mitigation: 'Find out why the server is short of memory, disk or connections before migrating: the migration needs more of them than a catalog query.',
            evidence,
        };
    }
    if (MISSING_OBJECT.has(code)) {
        return {
            status: 'skip',
            summary: `Not checked: the target lacks a catalog object this check reads (${reason}, SQLSTATE ${code}). It may be a PostgreSQL-compatible server (such as Aurora DSQL, CockroachDB, YugabyteDB or Redshift) or older than PostgreSQL 13.`,
            evidence,
        };
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/dialects/postgres/parser.ts
var postgres_parser = __webpack_require__(81956);
// EXTERNAL MODULE: ./src/engine/define.ts
var engine_define = __webpack_require__(61259);
;// CONCATENATED MODULE: ./src/checks/live/applied-migration-in-diff.ts





/**
 * A change (pull request) that edits or removes a migration the target already applied rewrites
 * history: the tool never runs an applied file again, so the edit never reaches this database,
 * while a database built from the files gets something else. Tools that store checksums (Flyway,
 * Prisma) refuse to migrate until someone repairs the history by hand.
 */
/* harmony default export */ const applied_migration_in_diff = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'applied-migration-in-diff',
    title: 'The change leaves applied migrations alone',
    category: 'migration-state',
    severity: 'error',
    async run(ctx) {
        const changes = ctx.changes;
        if (!changes)
            return engine_define/* outcome */.bu.skip('No list of changed files: this check runs in the GitHub Action on pull requests.');
        const evidence = { modified: changes.modified.length, removed: changes.removed.length };
        if (changes.modified.length + changes.removed.length === 0)
            return engine_define/* outcome */.bu.pass('The change adds migrations and edits none.', evidence);
        if (!ctx.layout || !ctx.history) {
            return engine_define/* outcome */.bu.skip(`The history on ${ctx.targetName} could not be read, so it is unknown whether the ${evidence.modified + evidence.removed} modified or removed migrations were applied (see migration-history).`, evidence);
        }
        const { layout, history } = ctx;
        const findings = [...(await editedFindings(ctx, layout, history)), ...(await removedFindings(ctx, layout, history))];
        if (findings.length === 0) {
            return engine_define/* outcome */.bu.pass(`None of the ${evidence.modified + evidence.removed} modified or removed migrations is applied on ${ctx.targetName}.`, evidence);
        }
        return {
            status: 'fail',
            summary: `This change edits or removes ${findings.length} migration${findings.length === 1 ? '' : 's'} that ${ctx.targetName} already applied; ${layout.tool} will not run ${findings.length === 1 ? 'it' : 'them'} again.`,
            mitigation: 'Revert the edits to applied migrations and write the change as a new migration.',
            evidence: { ...evidence, applied: findings.length, historyTable: history.table },
            findings,
        };
    },
}));
/** Findings for modified files the history records as applied, placed at the top of the file. */
async function editedFindings(ctx, layout, history) {
    const byPath = new Map(ctx.migrations.map((m) => [m.path, m]));
    const applied = ctx.changes.modified.map((p) => byPath.get(toProjectPath(p, ctx.baseDir))).filter((m) => !!m && layout.isApplied(m, history));
    if (applied.length === 0)
        return [];
    const parser = await (0,postgres_parser/* loadPostgresParser */.vF)();
    return applied.map((migration) => ({
        at: { file: { migration, parsed: parser.parse(migration.sql) }, line: 1, col: 1 },
        message: `${migration.path} is already applied on ${ctx.targetName} (${history.table}): ${layout.tool} never runs it again, so this edit will not reach ${ctx.targetName}, and databases built from the files will differ from it.`,
        mitigation: `Restore ${migration.path} as it was and put the change in a new migration.`,
        evidence: { id: migration.id, historyTable: history.table, change: 'modified' },
    }));
}
/** Findings for removed (or renamed-away) files the history records as applied; they have no file to point at. */
async function removedFindings(ctx, layout, history) {
    const out = [];
    for (const path of ctx.changes.removed) {
        const migration = await identifyRemoved(layout, ctx.migrationsDir, ctx.baseDir, path);
        if (!migration || !layout.isApplied(migration, history))
            continue;
        out.push({
            message: `${toProjectPath(path, ctx.baseDir)} was removed or renamed, but ${ctx.targetName} already applied it (id ${migration.id} in ${history.table}): the files no longer describe that database.`,
            mitigation: `Restore ${toProjectPath(path, ctx.baseDir)} under its old name; undo its effect with a new migration if that is the intent.`,
            evidence: { id: migration.id, historyTable: history.table, change: 'removed' },
        });
    }
    return out;
}
/**
 * The migration a removed file was, as the layout names it: the layout lists an empty placeholder
 * at the same place in a scratch folder. Undefined when the layout does not see a migration there
 * (a down file, a README, or a layout that also needs other files, such as Drizzle's journal).
 */
async function identifyRemoved(layout, migrationsDir, baseDir, path) {
    if (!migrationsDir)
        return undefined;
    const rel = (0,external_node_path_.relative)(migrationsDir, (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(baseDir, path));
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'preflight-removed-'));
    try {
        const placeholder = (0,external_node_path_.join)(scratch, rel);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(placeholder), { recursive: true });
        (0,external_node_fs_.writeFileSync)(placeholder, '');
        const listed = await layout.list(scratch, scratch, { transaction: 'auto' }).catch(() => []);
        return listed.find((m) => m.absPath === placeholder);
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** The project-relative, forward-slash form MigrationFile.path uses. */
function toProjectPath(path, baseDir) {
    return (0,external_node_path_.relative)(baseDir, (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(baseDir, path)).split('\\').join('/');
}

// EXTERNAL MODULE: ./src/engine/model.ts
var model = __webpack_require__(81123);
;// CONCATENATED MODULE: ./src/dialects/postgres/lock-conflicts.ts
/**
 * PostgreSQL's table-level lock conflict table (Table 13.2 of
 * https://www.postgresql.org/docs/current/explicit-locking.html), and the mapping from the mode
 * names pg_locks shows ("AccessShareLock") to the SQL names the rest of the tool uses.
 */

/** Each mode and the modes it conflicts with, as the manual lists them. */
const CONFLICTS = {
    'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
    'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'SHARE UPDATE EXCLUSIVE': ['SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'SHARE ROW EXCLUSIVE': ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    EXCLUSIVE: ['ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'ACCESS EXCLUSIVE': model/* LOCK_MODES */.bx,
};
/** True when a session holding (or waiting for) `a` and one requesting `b` cannot both have their lock. */
function locksConflict(a, b) {
    return CONFLICTS[a].includes(b);
}
/** The modes that conflict with `mode`, weakest first. */
function conflictingModes(mode) {
    return CONFLICTS[mode];
}
/** pg_locks.mode for table locks, e.g. "ShareUpdateExclusiveLock". */
const PG_LOCKS_NAMES = {
    AccessShareLock: 'ACCESS SHARE',
    RowShareLock: 'ROW SHARE',
    RowExclusiveLock: 'ROW EXCLUSIVE',
    ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
    ShareLock: 'SHARE',
    ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
    ExclusiveLock: 'EXCLUSIVE',
    AccessExclusiveLock: 'ACCESS EXCLUSIVE',
};
/** Converts a pg_locks mode name to the SQL lock mode; undefined for non-table modes (e.g. SIReadLock). */
function lockModeFromPgLocks(name) {
    return PG_LOCKS_NAMES[name];
}
/** True when holding `mode` blocks ordinary writes (INSERT/UPDATE/DELETE take ROW EXCLUSIVE). */
function blocksWrites(mode) {
    return locksConflict(mode, 'ROW EXCLUSIVE');
}
/** True when holding `mode` blocks plain SELECTs (ACCESS SHARE). */
function blocksReads(mode) {
    return locksConflict(mode, 'ACCESS SHARE');
}

// EXTERNAL MODULE: ./src/dialects/postgres/sql-lexing.ts
var sql_lexing = __webpack_require__(27407);
;// CONCATENATED MODULE: ./src/dialects/postgres/mask-query.ts
/**
 * Masks literals in query text taken from pg_stat_activity before it reaches a report: string,
 * numeric, bit/hex and dollar-quoted literals become `?`, comments are dropped, whitespace is
 * collapsed and the text is shortened. Query text can hold passwords, tokens and personal data;
 * the shape of the query is enough to recognise it. Text that pg_stat_activity truncated
 * (track_activity_query_size) may end inside a literal: the rest is masked too.
 */
/** Longest masked query text a report shows. */
const MASKED_QUERY_LENGTH = 200;

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const STRING_PREFIX = /[EeBbXxNn]/;
/** Returns the query with literals replaced by `?`, comments removed, at most `max` characters. */
function maskQuery(text, max = MASKED_QUERY_LENGTH) {
    if (!text)
        return '';
    let out = '';
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        const next = text[i + 1];
        if (c === '-' && next === '-') {
            i = (0,sql_lexing/* skipLineComment */.$V)(text, i);
            out += ' ';
        }
        else if (c === '/' && next === '*') {
            i = (0,sql_lexing/* skipBlockComment */.cv)(text, i);
            out += ' ';
        }
        else if (c === "'") {
            i = (0,sql_lexing/* skipQuoted */.er)(text, i);
            out += '?';
        }
        else if (STRING_PREFIX.test(c) && next === "'" && !isIdentBefore(text, i)) {
            i = (0,sql_lexing/* skipQuoted */.er)(text, i + 1, c === 'E' || c === 'e');
            out += '?';
        }
        else if ((c === 'U' || c === 'u') && next === '&' && text[i + 2] === "'" && !isIdentBefore(text, i)) {
            i = (0,sql_lexing/* skipQuoted */.er)(text, i + 2);
            out += '?';
        }
        else if (c === '"') {
            const end = (0,sql_lexing/* skipQuoted */.er)(text, i);
            out += text.slice(i, end);
            i = end;
        }
        else if (c === '$' && !isIdentBefore(text, i)) {
            const tag = (0,sql_lexing/* dollarQuoteTag */.bY)(text, i);
            if (tag === undefined) {
                // A parameter ($1) or a lone dollar: keep it.
                const end = skipWhile(text, i + 1, /[0-9]/);
                out += text.slice(i, end);
                i = end;
            }
            else {
                i = (0,sql_lexing/* skipDollarQuoted */.eQ)(text, i, tag);
                out += '?';
            }
        }
        else if ((isDigit(c) || (c === '.' && isDigit(next))) && !isIdentBefore(text, i)) {
            i = skipNumber(text, i);
            out += '?';
        }
        else if (/\s/.test(c)) {
            i = skipWhile(text, i, /\s/);
            out += ' ';
        }
        else {
            out += c;
            i++;
        }
    }
    const flat = out.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** True when the character before `i` continues an identifier (t1, x$2), so `i` is not a literal start. */
function isIdentBefore(text, i) {
    return i > 0 && IDENT_CHAR.test(text[i - 1]);
}
/** True for an ASCII digit. */
function isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9';
}
/** Index after the run of characters matching `re` from `i`. */
function skipWhile(text, i, re) {
    let j = i;
    while (j < text.length && re.test(text[j]))
        j++;
    return j;
}
/** Index after a numeric literal: 42, 3.14, .5, 1e-9, 1_000, 0x1F, 0o17, 0b101. */
function skipNumber(text, i) {
    const match = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(text.slice(i, i + 100));
    const length = match?.[0].length ?? 1;
    return i + Math.max(length, 1);
}

// EXTERNAL MODULE: ./src/dialects/postgres/catalog/touched.ts
var touched = __webpack_require__(49213);
;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/activity.ts



// pg_locks and the pid column of pg_stat_progress_vacuum are visible to every login, so waiting,
// open transactions and vacuums of hidden sessions are still known (lk, vac).
const SNAPSHOT_SQL = `
WITH touched AS (${(0,touched/* touchedRelationSql */.x1)(1)}),
db AS (SELECT oid FROM pg_database WHERE datname = current_database()),
lk AS (SELECT l.pid, bool_or(NOT l.granted) AS waiting, bool_or(l.locktype = 'virtualxid' AND l.granted) AS in_xact
         FROM pg_locks l WHERE l.pid IS NOT NULL GROUP BY l.pid),
vac AS (SELECT DISTINCT v.pid FROM pg_stat_progress_vacuum v WHERE v.datid = (SELECT oid FROM db))
SELECT
  pg_backend_pid() AS own_pid,
  (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role('pg_read_all_stats', 'USAGE') AS sees_all,
  (SELECT coalesce(json_agg(json_build_object('name', t.name, 'exists', t.oid IS NOT NULL)), '[]') FROM touched t) AS tables,
  (SELECT coalesce(json_agg(json_build_object(
      'pid', a.pid, 'user', a.usename, 'application', a.application_name, 'client', host(a.client_addr),
      'backendType', a.backend_type, 'state', a.state, 'waitEventType', a.wait_event_type, 'waitEvent', a.wait_event,
      'xactSeconds', extract(epoch FROM now() - a.xact_start)::float8,
      'querySeconds', extract(epoch FROM now() - a.query_start)::float8,
      'stateSeconds', extract(epoch FROM now() - a.state_change)::float8,
      'query', left(a.query, 4096),
      'blockedBy', CASE WHEN a.wait_event_type = 'Lock' OR lk.waiting THEN pg_blocking_pids(a.pid) END,
      'isAutovacuum', a.backend_type = 'autovacuum worker',
      'isWraparound', a.backend_type = 'autovacuum worker' AND a.query LIKE '%(to prevent wraparound)%',
      'isVisible', a.backend_type IS NOT NULL AND (a.state IS NOT NULL OR a.backend_type <> 'client backend'),
      'isInTransaction', CASE WHEN a.backend_type IS NOT NULL THEN a.xact_start IS NOT NULL ELSE coalesce(lk.in_xact, false) END,
      'isHiddenVacuum', a.backend_type IS NULL AND vac.pid IS NOT NULL
    ) ORDER BY a.pid), '[]')
    FROM pg_stat_activity a LEFT JOIN lk ON lk.pid = a.pid LEFT JOIN vac ON vac.pid = a.pid
    WHERE a.datid = (SELECT oid FROM db) AND a.pid <> pg_backend_pid()) AS sessions,
  (SELECT coalesce(json_agg(json_build_object(
      'table', t.name, 'pid', l.pid, 'mode', l.mode, 'granted', l.granted, 'vxid', l.virtualtransaction
    ) ORDER BY t.name, l.pid), '[]')
    FROM pg_locks l JOIN touched t ON l.relation = t.oid
    WHERE l.locktype = 'relation' AND l.database = (SELECT oid FROM db)
      AND (l.pid IS NULL OR l.pid <> pg_backend_pid())) AS locks,
  (SELECT coalesce(json_agg(json_build_object(
      'gid', p.gid, 'transaction', p.transaction::text, 'owner', p.owner, 'database', p.database,
      'preparedAt', p.prepared, 'ageSeconds', extract(epoch FROM now() - p.prepared)::float8, 'vxid', x.virtualtransaction
    ) ORDER BY p.prepared), '[]')
    FROM pg_prepared_xacts p
    LEFT JOIN pg_locks x ON x.locktype = 'transactionid' AND x.pid IS NULL AND x.transactionid = p.transaction
    WHERE p.database = current_database()) AS prepared,
  (SELECT coalesce(json_agg(json_build_object(
      'pid', v.pid, 'table', t.name, 'phase', v.phase, 'heapBlksTotal', v.heap_blks_total, 'heapBlksScanned', v.heap_blks_scanned
    ) ORDER BY v.pid), '[]')
    FROM pg_stat_progress_vacuum v JOIN touched t ON v.relid = t.oid
    WHERE v.datid = (SELECT oid FROM db)) AS vacuums`;
/** The activity snapshot for the context's touched tables, read once per run and shared. */
function readActivity(ctx) {
    return ctx.memo('postgres:activity', async () => {
        const names = ctx.touched.map((t) => t.table);
        const rows = await ctx.db.query(SNAPSHOT_SQL, (0,touched/* tableArrayParams */.K$)(names, (0,touched/* unqualifiedNames */.sf)(ctx.pending, Math.floor(ctx.server.major))));
        return toSnapshot(rows[0]);
    });
}
/** Shapes the row into a snapshot, masking query text here so raw text never leaves this module. */
function toSnapshot(row) {
    const locks = [];
    for (const l of row.locks) {
        const mode = lockModeFromPgLocks(l.mode);
        if (mode)
            locks.push({ table: l.table, pid: l.pid, mode, granted: l.granted, virtualTransaction: l.vxid });
    }
    return {
        ownPid: row.own_pid,
        seesAllSessions: row.sees_all === true,
        tables: row.tables,
        sessions: row.sessions.map((s) => ({
            pid: s.pid,
            user: s.user,
            application: s.application || null,
            clientAddress: s.client,
            backendType: s.backendType,
            state: s.state,
            waitEventType: s.waitEventType,
            waitEvent: s.waitEvent,
            transactionSeconds: roundSeconds(s.xactSeconds),
            querySeconds: roundSeconds(s.querySeconds),
            stateSeconds: roundSeconds(s.stateSeconds),
            query: maskQuery(s.query),
            blockedBy: s.blockedBy ?? [],
            isAutovacuum: s.isAutovacuum === true,
            isWraparound: s.isWraparound === true,
            isVisible: s.isVisible !== false,
            isInTransaction: s.isInTransaction === true,
            isHiddenVacuum: s.isHiddenVacuum === true,
        })),
        locks,
        prepared: row.prepared.map(({ vxid, ...p }) => ({ ...p, virtualTransaction: vxid, ageSeconds: roundSeconds(p.ageSeconds) ?? 0 })),
        vacuums: row.vacuums,
    };
}
/** Seconds with one decimal, so evidence stays readable. */
function roundSeconds(value) {
    return value === null ? null : Math.round(value * 10) / 10;
}
/** Evidence for one session: who, from where, doing what, for how long; query text is already masked. */
function sessionEvidence(s) {
    return {
        pid: s.pid,
        user: s.user,
        application: s.application,
        clientAddress: s.clientAddress,
        state: s.state,
        transactionSeconds: s.transactionSeconds,
        querySeconds: s.querySeconds,
        stateSeconds: s.stateSeconds,
        waitEvent: s.waitEventType ? `${s.waitEventType}:${s.waitEvent ?? ''}` : null,
        query: s.query,
    };
}
/** One line naming a session for messages: pid 123 (user app, application "api", from 10.0.0.5, idle in transaction for 12 s). */
function describeSession(s) {
    const parts = [s.user ? `user ${s.user}` : 'user hidden'];
    if (s.application)
        parts.push(`application "${s.application}"`);
    if (s.clientAddress)
        parts.push(`from ${s.clientAddress}`);
    const state = s.state ?? (s.isVisible ? s.backendType ?? 'unknown state' : 'state hidden');
    const age = s.state === 'idle in transaction' || s.state === 'idle in transaction (aborted)' ? s.stateSeconds : s.transactionSeconds ?? s.querySeconds;
    parts.push(age !== null ? `${state} for ${formatSeconds(age)}` : state);
    return `pid ${s.pid} (${parts.join(', ')})`;
}
/** 0.4 s, 12 s, 5 min, 5 min 3 s, 2 h 10 min. */
function formatSeconds(seconds) {
    if (seconds < 10)
        return `${Math.round(seconds * 10) / 10} s`;
    if (seconds < 60)
        return `${Math.round(seconds)} s`;
    const [big, small, bigUnit, smallUnit] = seconds < 3600 ? [Math.floor(seconds / 60), Math.round(seconds % 60), 'min', 's'] : [Math.floor(seconds / 3600), Math.round((seconds % 3600) / 60), 'h', 'min'];
    return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}
/** Sessions by pid, for joining locks to the sessions that hold them. */
function sessionsByPid(snapshot) {
    return new Map(snapshot.sessions.map((s) => [s.pid, s]));
}
/** Sessions whose details PostgreSQL hid from the login, other than vacuums and parallel workers (their leader is listed too). */
function hiddenSessions(snapshot) {
    return snapshot.sessions.filter((s) => !s.isVisible && !s.isHiddenVacuum && !s.isAutovacuum && s.backendType !== 'parallel worker');
}
/** "pid 12, 13 and 14" for a list of sessions, at most `max` pids. */
function describePids(sessions, max = 10) {
    const pids = sessions.map((s) => s.pid);
    const shown = pids.slice(0, max).join(', ');
    return `pid ${shown}${pids.length > max ? ` and ${pids.length - max} more` : ''}`;
}
/** What to grant so the login sees every session. */
const SEE_ALL_SESSIONS = 'GRANT pg_monitor TO the preflight login (or pg_read_all_stats) so that it sees every session\'s state, query and ages.';
/** A short hint when the login could not see other users' sessions in full. */
function visibilityNote(snapshot) {
    return snapshot.seesAllSessions
        ? undefined
        : 'The preflight login is not a superuser and lacks pg_read_all_stats: other users\' query text, state and ages are hidden, so this check may miss sessions. GRANT pg_monitor TO the preflight login.';
}

;// CONCATENATED MODULE: ./src/checks/live/autovacuum-on-touched-tables.ts



/**
 * Autovacuum working on a touched table. It holds SHARE UPDATE EXCLUSIVE; an ordinary autovacuum
 * is cancelled when DDL waits for it (after deadlock_timeout) and runs again later, but one
 * running "to prevent wraparound" is not cancelled, so the migration waits for it to finish, which
 * on a large table can take hours (https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND).
 */
/* harmony default export */ const autovacuum_on_touched_tables = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'autovacuum-on-touched-tables',
    title: 'Autovacuum is not working on the tables the migration locks',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return engine_define/* outcome */.bu.skip('No pending statement locks a table.');
        return gradeAutovacuum(ctx.touched, await readActivity(ctx));
    },
}));
/** Grades the autovacuum workers in a snapshot against the locks the touched tables need. */
function gradeAutovacuum(touched, snapshot) {
    const workers = findWorkers(touched, snapshot);
    const note = visibilityNote(snapshot);
    const evidence = {
        workers: workers.map((w) => ({ table: w.table, wraparound: w.session.isWraparound, blocksMigration: w.conflicts, phase: w.phase, scannedPercent: w.scannedPercent, ...sessionEvidence(w.session) })),
        ...(note ? { note } : {}),
    };
    const blocking = workers.filter((w) => w.conflicts);
    if (blocking.length === 0) {
        const extra = workers.length > 0 ? ` Autovacuum works on ${names(workers)}, but the migration's locks there do not conflict with it.` : '';
        return engine_define/* outcome */.bu.pass(`No autovacuum blocks the pending statements.${extra}`, evidence);
    }
    // A vacuum of a hidden session: pg_locks and pg_stat_progress_vacuum show it, but not whether it is an autovacuum to prevent wraparound.
    const hidden = blocking.filter((w) => w.session.isHiddenVacuum);
    if (hidden.length === blocking.length) {
        return engine_define/* outcome */.bu.warn(`A VACUUM runs on ${names(hidden)} (pid ${hidden.map((w) => w.session.pid).join(', ')}), but the preflight login may not see whether it is an autovacuum, which gives way to DDL after deadlock_timeout, ` +
            'or a manual VACUUM or an autovacuum to prevent wraparound, for which the migration would wait until it finishes.', `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating. See runbook/autovacuum-on-touched-tables.md.`, evidence);
    }
    const wraparound = blocking.filter((w) => w.session.isWraparound);
    if (wraparound.length > 0) {
        return engine_define/* outcome */.bu.fail(`Autovacuum to prevent wraparound is running on ${names(wraparound)} (pid ${wraparound.map((w) => w.session.pid).join(', ')}): it does not give way to DDL, so the migration would wait until it finishes while the table's queries queue behind the migration.`, 'Let it finish and run the migration afterwards: it is protecting the database from transaction ID wraparound. Do not cancel it (it restarts from the beginning and the wraparound risk grows). ' +
            'Watch progress in pg_stat_progress_vacuum. See runbook/autovacuum-on-touched-tables.md.', evidence);
    }
    return engine_define/* outcome */.bu.warn(`Autovacuum is running on ${names(blocking)} (pid ${blocking.map((w) => w.session.pid).join(', ')}). The migration's lock will cancel it after deadlock_timeout, and it will run again later; the table's dead rows wait until then.`, 'Usually fine. On a large table, let it finish first, or run the migration and a manual VACUUM (ANALYZE) afterwards. See runbook/autovacuum-on-touched-tables.md.', evidence);
}
/** Autovacuum workers holding a lock on a touched table. */
function findWorkers(touched, snapshot) {
    const needed = new Map(touched.map((t) => [t.table, t.lock]));
    const sessions = sessionsByPid(snapshot);
    const seen = new Set();
    const out = [];
    for (const l of snapshot.locks) {
        const s = l.pid === null ? undefined : sessions.get(l.pid);
        const need = needed.get(l.table);
        const key = `${l.pid}\u0000${l.table}`;
        if (!(s?.isAutovacuum || s?.isHiddenVacuum) || !l.granted || !need || seen.has(key))
            continue;
        seen.add(key);
        const progress = snapshot.vacuums.find((v) => v.pid === s.pid && v.table === l.table);
        out.push({
            table: l.table,
            session: s,
            conflicts: locksConflict(l.mode, need),
            phase: progress?.phase ?? null,
            scannedPercent: progress && progress.heapBlksTotal > 0 ? Math.round((progress.heapBlksScanned / progress.heapBlksTotal) * 100) : null,
        });
    }
    return out;
}
/** Comma-separated distinct table names. */
function names(workers) {
    return [...new Set(workers.map((w) => w.table))].join(', ');
}

;// CONCATENATED MODULE: ./src/checks/live/blocking-chains.ts


/**
 * Sessions already waiting for locks held by other sessions in the target database
 * (pg_blocking_pids, https://www.postgresql.org/docs/current/functions-info.html). A lock queue
 * that exists before the migration starts only gets longer when the migration joins it; one on
 * a touched table means the migration will wait too.
 */
/* harmony default export */ const blocking_chains = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'blocking-chains',
    title: 'No lock queue is building up on the target',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        const snapshot = await readActivity(ctx);
        const chains = blockingChains(snapshot);
        const note = visibilityNote(snapshot);
        if (chains.length === 0) {
            return engine_define/* outcome */.bu.pass(`No session in database ${ctx.server.database} is waiting for another session's lock.`, { chains: 0, ...(note ? { note } : {}) });
        }
        const evidence = {
            chains: chains.map((c) => ({
                root: c.root ? sessionEvidence(c.root) : { pid: c.rootPid, note: c.rootPid === 0 ? 'a prepared transaction (see prepared-transactions)' : 'a session outside this database or already gone' },
                blocked: c.blocked.map((s) => ({ ...sessionEvidence(s), waitingFor: s.blockedBy })),
                depth: c.depth,
                longestWaitSeconds: c.longestWait,
                touchedTables: c.tables,
            })),
            ...(note ? { note } : {}),
        };
        const described = chains.map((c) => `${c.root ? describeSession(c.root) : c.rootPid === 0 ? 'a prepared transaction' : `pid ${c.rootPid}`} blocks ${c.blocked.length} session${c.blocked.length === 1 ? '' : 's'} (waiting up to ${formatSeconds(c.longestWait)}${c.tables.length ? `, on ${c.tables.join(', ')}` : ''})`);
        const onTouched = chains.filter((c) => c.tables.length > 0);
        const mitigation = 'Find what the root session is doing (its application and client address are in the evidence). Wait for it to finish, or end it: SELECT pg_cancel_backend(pid) cancels its query; ' +
            'SELECT pg_terminate_backend(pid) ends the session and rolls back its transaction (with care: ask its owner). Everything queued behind it then proceeds. See runbook/blocking-chains.md.';
        if (onTouched.length > 0) {
            return engine_define/* outcome */.bu.fail(`Sessions are already queued for locks on tables the migration touches: ${described.join('; ')}. The migration would join the queue.`, mitigation, evidence);
        }
        return engine_define/* outcome */.bu.warn(`Sessions are queued for locks elsewhere in the database: ${described.join('; ')}. Running a migration now adds load to a server that is already waiting.`, mitigation, evidence);
    },
}));
/** Groups waiting sessions by the root blockers at the top of their wait graph. */
function blockingChains(snapshot) {
    const sessions = sessionsByPid(snapshot);
    const waiting = snapshot.sessions.filter((s) => s.blockedBy.length > 0);
    if (waiting.length === 0)
        return [];
    const byRoot = new Map();
    for (const s of waiting) {
        for (const { pid, depth } of rootsOf(s, sessions)) {
            const entry = byRoot.get(pid) ?? { blocked: new Set(), depth: 0 };
            entry.blocked.add(s);
            entry.depth = Math.max(entry.depth, depth);
            byRoot.set(pid, entry);
        }
    }
    return [...byRoot.entries()]
        .map(([rootPid, { blocked, depth }]) => {
        const members = [...blocked].sort((a, b) => a.pid - b.pid);
        const pids = new Set([rootPid, ...members.map((m) => m.pid)]);
        const tables = [...new Set(snapshot.locks.filter((l) => l.pid !== null && pids.has(l.pid) && (l.pid === rootPid ? l.granted : !l.granted)).map((l) => l.table))].sort();
        return { rootPid, root: sessions.get(rootPid), blocked: members, depth, longestWait: Math.max(...members.map((m) => m.querySeconds ?? 0)), tables };
    })
        .sort((a, b) => b.blocked.length - a.blocked.length || a.rootPid - b.rootPid);
}
/** The sessions at the top of `s`'s wait graph (not waiting themselves, or outside what we see), with their distance. */
function rootsOf(s, sessions) {
    const roots = new Map();
    const visited = new Set([s.pid]);
    let frontier = [...s.blockedBy];
    for (let depth = 1; frontier.length > 0 && depth < 100; depth++) {
        const next = [];
        for (const pid of frontier) {
            if (visited.has(pid))
                continue;
            visited.add(pid);
            const blocker = sessions.get(pid);
            if (!blocker || blocker.blockedBy.length === 0)
                roots.set(pid, Math.max(roots.get(pid) ?? 0, depth));
            else
                next.push(...blocker.blockedBy);
        }
        frontier = next;
    }
    // A cycle is a deadlock the server resolves within deadlock_timeout; report it under its first member.
    if (roots.size === 0)
        roots.set(s.blockedBy[0], 1);
    return [...roots.entries()].map(([pid, depth]) => ({ pid, depth }));
}

// EXTERNAL MODULE: ./src/dialects/postgres/locks.ts
var postgres_locks = __webpack_require__(88811);
// EXTERNAL MODULE: ./src/engine/pending.ts
var pending = __webpack_require__(55229);
;// CONCATENATED MODULE: ./src/checks/live/support/pending-locks.ts



/** The first pending statement on `touched.table` whose lock conflicts with `mode` (held or awaited by someone else). */
function firstConflictingStatement(ctx, touched, mode) {
    const major = Math.floor(ctx.server.major);
    for (const ref of touched.statements) {
        for (const { table, lock } of (0,postgres_locks/* statementLocks */.MI)(ref.stmt, major)) {
            if ((0,pending/* normaliseTable */.TA)(table) === touched.table && locksConflict(lock, mode))
                return { ref, lock };
        }
    }
    return undefined;
}
/** Touched tables by name. */
function touchedByName(ctx) {
    return new Map(ctx.touched.map((t) => [t.table, t]));
}
const STATEMENT_WORDS = {
    AlterTableStmt: 'ALTER TABLE',
    IndexStmt: 'CREATE INDEX',
    DropStmt: 'DROP',
    TruncateStmt: 'TRUNCATE',
    RenameStmt: 'RENAME',
    ReindexStmt: 'REINDEX',
    VacuumStmt: 'VACUUM',
    ClusterStmt: 'CLUSTER',
    RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
    InsertStmt: 'INSERT',
    UpdateStmt: 'UPDATE',
    DeleteStmt: 'DELETE',
    MergeStmt: 'MERGE',
    CreateTrigStmt: 'CREATE TRIGGER',
    RuleStmt: 'CREATE RULE',
    LockStmt: 'LOCK TABLE',
    CreateStmt: 'CREATE TABLE',
    CreateExtensionStmt: 'CREATE EXTENSION',
    CommentStmt: 'COMMENT',
};
/** The statement's command words, e.g. "ALTER TABLE". */
function statementWords(ref) {
    return STATEMENT_WORDS[ref.stmt.kind] ?? ref.stmt.text.split(/\s+/, 2).join(' ').toUpperCase();
}
/** "ALTER TABLE at db/001_add.sql:3:1". */
function describeStatement(ref) {
    return `${statementWords(ref)} at ${ref.file.migration.path}:${ref.stmt.line}:${ref.stmt.col}`;
}

;// CONCATENATED MODULE: ./src/checks/live/blocking-locks.ts





/**
 * Sessions that hold, or already wait for, a lock on a touched table that conflicts with the lock
 * a pending statement needs (https://www.postgresql.org/docs/current/explicit-locking.html).
 * The migration would wait for them, and while it waits every later query on the table queues
 * behind it. Autovacuum is left to autovacuum-on-touched-tables and prepared transactions to
 * prepared-transactions.
 */
/** A holder younger than this, running a query right now, is ordinary traffic: warn, do not fail. */
const TRANSIENT_SECONDS = 1;
const MITIGATION = 'Wait for these transactions to finish and run preflight again. If one is stuck, end it: SELECT pg_cancel_backend(pid) cancels its running query; ' +
    'SELECT pg_terminate_backend(pid) closes the session and rolls back its transaction (the application sees an error, so ask its owner first). ' +
    'Always run the migration with SET lock_timeout so it gives up instead of stalling the table. See runbook/blocking-locks.md.';
/* harmony default export */ const blocking_locks = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'blocking-locks',
    title: 'No session holds a lock the migration must wait for',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return engine_define/* outcome */.bu.skip('No pending statement locks a table.');
        const snapshot = await readActivity(ctx);
        const existing = snapshot.tables.filter((t) => t.exists).map((t) => t.name);
        if (existing.length === 0)
            return engine_define/* outcome */.bu.pass('The pending statements lock only tables they create themselves: nobody else can hold them.', { tables: 0 });
        const blockers = findBlockers(ctx.touched, snapshot.locks, sessionsByPid(snapshot));
        const touched = touchedByName(ctx);
        const findings = [];
        for (const b of blockers) {
            const t = touched.get(b.table);
            const needed = firstConflictingStatement(ctx, t, b.mode);
            const what = needed ? `${describeStatement(needed.ref)} needs ${needed.lock}` : `The migration needs ${t.lock}`;
            const message = b.granted
                ? `${what} on ${b.table}, but ${describeSession(b.session)} holds ${b.mode} on it: the migration will wait for that transaction, and every later query on ${b.table} will queue behind the migration.`
                : `${describeSession(b.session)} already waits for ${b.mode} on ${b.table}: ${what.charAt(0).toLowerCase()}${what.slice(1)} and would queue behind it.`;
            findings.push({
                message,
                mitigation: MITIGATION,
                severity: isTransient(b) ? 'warning' : 'error',
                evidence: { table: b.table, lockHeld: b.granted ? b.mode : null, lockAwaited: b.granted ? null : b.mode, lockNeeded: needed?.lock ?? t.lock, ...sessionEvidence(b.session) },
                tables: [b.table],
                ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
            });
        }
        const note = visibilityNote(snapshot);
        const evidence = {
            tablesChecked: existing.length,
            holders: blockers.filter((b) => b.granted).map((b) => ({ table: b.table, mode: b.mode, ...sessionEvidence(b.session) })),
            waiters: blockers.filter((b) => !b.granted).map((b) => ({ table: b.table, mode: b.mode, ...sessionEvidence(b.session) })),
            ...(note ? { note } : {}),
        };
        if (blockers.length === 0) {
            return engine_define/* outcome */.bu.pass(`No session holds or awaits a lock that conflicts with the pending statements on ${existing.length} existing table${existing.length === 1 ? '' : 's'}.`, evidence);
        }
        const pids = [...new Set(blockers.map((b) => b.session.pid))];
        const tables = [...new Set(blockers.map((b) => b.table))];
        const who = pids.length === 1 ? `1 session (pid ${pids[0]}) holds or awaits` : `${pids.length} sessions (pid ${pids.join(', ')}) hold or await`;
        const summary = `${who} conflicting locks on ${tables.join(', ')}: the migration would wait for them and block queries on ${tables.length === 1 ? 'that table' : 'those tables'} meanwhile.`;
        if (blockers.every(isTransient)) {
            return { status: 'warn', summary: `${summary} They are short transactions running right now, which is normal on a busy table.`, mitigation: MITIGATION, evidence, findings };
        }
        return { status: 'fail', summary, mitigation: MITIGATION, evidence, findings };
    },
}));
/** Other sessions' locks on touched tables that conflict with the lock the migration needs there, strongest per session and table. */
function findBlockers(touched, locks, sessions) {
    const needed = new Map(touched.map((t) => [t.table, t.lock]));
    const byKey = new Map();
    for (const l of locks) {
        const need = needed.get(l.table);
        if (l.pid === null || !need || !locksConflict(l.mode, need))
            continue;
        const session = sessions.get(l.pid);
        // Autovacuum (and a vacuum whose kind is hidden) has its own check; a parallel worker's leader holds the same lock.
        if (!session || session.isAutovacuum || session.isHiddenVacuum || session.backendType === 'parallel worker')
            continue;
        const key = `${l.table}\u0000${l.pid}\u0000${l.granted}`;
        const previous = byKey.get(key);
        byKey.set(key, { table: l.table, session, granted: l.granted, mode: previous ? (0,postgres_locks/* strongerLock */.wS)(previous.mode, l.mode) : l.mode });
    }
    return [...byKey.values()].sort((a, b) => a.table.localeCompare(b.table) || Number(b.granted) - Number(a.granted) || a.session.pid - b.session.pid);
}
/** A holder that is running a query in a transaction younger than TRANSIENT_SECONDS. */
function isTransient(b) {
    return b.granted && b.session.state === 'active' && (b.session.transactionSeconds ?? Infinity) < TRANSIENT_SECONDS;
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/model.ts
/**
 * An in-memory model of the part of a PostgreSQL schema that pending migrations touch: loaded
 * from the catalog (load.ts), then changed statement by statement by the simulator
 * (simulate.ts). Keys are "schema.name" exactly as stored (already case-folded by the parser).
 */
/** Relation kinds, named as PostgreSQL's error messages name them. */
const RELATION_KINDS = (/* unused pure expression or super */ null && ([
    'table',
    'partitioned table',
    'view',
    'materialized view',
    'foreign table',
    'sequence',
    'index',
    'partitioned index',
    'composite type',
]));
const CONSTRAINT_TYPES = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclusion', t: 'trigger', n: 'not null' };
/** "schema.name" key of an object. */
function keyOf(schema, name) {
    return `${schema}.${name}`;
}
/** Splits a key back into schema and name (names may contain dots; schemas are taken up to the first). */
function splitKey(key) {
    const dot = key.indexOf('.');
    return { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}
/** Quotes an identifier the way PostgreSQL prints it: only when needed. */
function displayIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
/** A key for messages: "public.users" -> "users" when in public, else "app.users". */
function displayKey(key) {
    const { schema, name } = splitKey(key);
    return schema === 'public' ? displayIdent(name) : `${displayIdent(schema)}.${displayIdent(name)}`;
}
/** An empty model. */
function emptyModel(isComplete = false) {
    return {
        schemas: new Set(),
        searchedSchemas: new Set(),
        searchedRelations: new Set(),
        relations: new Map(),
        types: new Map(),
        resolvedTypes: new Map(),
        extensions: new Map(),
        availableExtensions: new Set(),
        searchPath: ['public'],
        isComplete,
    };
}
/** Tables in the model that inherit from `key` or are its partitions, at any depth. */
function descendantsOf(model, key) {
    const out = [];
    const seen = new Set([key]);
    let frontier = [key];
    while (frontier.length > 0) {
        const next = [];
        for (const [k, r] of model.relations) {
            if (seen.has(k) || !r.parents?.some((p) => frontier.includes(p)))
                continue;
            seen.add(k);
            out.push(r);
            next.push(k);
        }
        frontier = next;
    }
    return out;
}
/** Indexes of a table in the model. */
function indexesOf(model, tableKey) {
    return [...model.relations.values()].filter((r) => r.index?.table === tableKey);
}

// EXTERNAL MODULE: ./src/dialects/postgres/schema-model/names.ts
var schema_model_names = __webpack_require__(46067);
;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/type-names.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * TypeName nodes (how the parser spells a column type) turned into catalog lookup keys and into
 * the text format_type prints, so types declared in a migration compare with loaded ones.
 */

/** serial and friends are not types: they are an integer column with a sequence default. */
const SERIAL_TYPES = {
    smallserial: 'int2',
    serial2: 'int2',
    serial: 'int4',
    serial4: 'int4',
    bigserial: 'int8',
    serial8: 'int8',
};
/** Keys the loader always resolves, for serial columns. */
const ALWAYS_RESOLVED = ['"pg_catalog"."int2"', '"pg_catalog"."int4"', '"pg_catalog"."int8"'];
/** Reads a TypeName node. */
function readTypeName(node) {
    const typmods = (node?.typmods ?? [])
        .map((t) => t?.A_Const?.ival?.ival ?? (t?.A_Const?.ival ? 0 : undefined))
        .filter((v) => typeof v === 'number');
    return { parts: (0,schema_model_names/* stringsOf */.iw)(node?.names), typmods, isArray: (node?.arrayBounds ?? []).length > 0 };
}
/** The integer type behind a serial pseudo-type, or undefined. */
function serialBase(parts) {
    const name = parts.at(-1) ?? '';
    if (parts.length > 1 && parts[0] !== 'pg_catalog')
        return undefined;
    return SERIAL_TYPES[name];
}
/** Double-quotes each part and joins them, as to_regtype accepts: '"public"."mood"'. */
function quotedKey(parts) {
    return parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.');
}
/**
 * Every key under which a name may resolve: as written (search_path of the session), and
 * qualified by each candidate schema, so the simulator can resolve it after a SET search_path.
 */
function lookupKeys(parts, candidateSchemas) {
    // A database-qualified name (db.schema.type) would make to_regtype raise; keep schema.type.
    if (parts.length > 1)
        return [quotedKey(parts.slice(-2))];
    const keys = [quotedKey(parts), quotedKey(['pg_catalog', parts[0]])];
    for (const schema of candidateSchemas)
        keys.push(quotedKey([schema, parts[0]]));
    return keys;
}
/** format_type's text for a base name plus modifiers: "character varying" + [20] -> "character varying(20)". */
function withTypmods(display, typmods) {
    if (typmods.length === 0)
        return display;
    const args = `(${typmods.join(',')})`;
    const zone = / with(out)? time zone$/.exec(display);
    return zone ? `${display.slice(0, zone.index)}${args}${zone[0]}` : `${display}${args}`;
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/replay.ts


/** What kind of mismatch an issue is; each live check reports some kinds. */
const ISSUE_KINDS = (/* unused pure expression or super */ null && (['missing', 'exists', 'dependents', 'cast', 'foreign-key', 'invalid-index', 'column-limit']));
/** PostgreSQL's limit on columns per table, dropped ones included (MaxHeapAttributeNumber). */
const MAX_COLUMNS = 1600;
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);
/** The mutable replay: model, search path, current statement and findings. */
class Replay {
    model;
    issues = [];
    typeChanges = [];
    /** Statements the replay cannot see into (DO blocks, procedure calls). */
    opaque = [];
    #path;
    /** A CREATE EXTENSION ran: its types are unknown to the model, so a missing type is no longer certain. */
    #hasNewExtension = false;
    #initialPath;
    #at;
    constructor(model) {
        this.model = model;
        this.#path = [...model.searchPath];
        this.#initialPath = [...model.searchPath];
    }
    /** The statement being replayed. */
    get at() {
        if (!this.#at)
            throw new Error('Replay.at read outside a statement');
        return this.#at;
    }
    /** Starts replaying a statement. */
    begin(at) {
        this.#at = at;
    }
    /** Records that a new extension was created by the migration. */
    noteNewExtension() {
        this.#hasNewExtension = true;
    }
    /** Sets the simulated search_path (SET search_path); undefined restores the session's. */
    setSearchPath(schemas) {
        this.#path = schemas ? [...schemas] : [...this.#initialPath];
    }
    /** Schemas of the search path that exist, in order (PostgreSQL skips missing ones). */
    effectivePath() {
        return this.#path.filter((s) => this.model.schemas.has(s));
    }
    /** The schema unqualified CREATE statements create in. */
    creationSchema() {
        return this.effectivePath()[0];
    }
    /** Whether a schema exists: yes, no, or unknown when the loader never looked. */
    schemaState(schema) {
        if (this.model.schemas.has(schema))
            return 'yes';
        if (this.model.isComplete || this.model.searchedSchemas.has(schema))
            return 'no';
        return 'unknown';
    }
    /** True when the model would know about relation `name` in `schema` if it existed. */
    isRelationSearched(schema, name) {
        if (this.schemaState(schema) === 'no')
            return true;
        return this.model.isComplete || (this.model.searchedRelations.has(name) && this.model.searchedSchemas.has(schema));
    }
    /** Resolves a relation as PostgreSQL does: qualified, or the first match on the search path. */
    lookupRelation(parts) {
        const name = parts.at(-1);
        if (parts.length > 1) {
            const key = keyOf(parts[parts.length - 2], name);
            const relation = this.model.relations.get(key);
            return { key, ...(relation ? { relation } : {}), isKnownMissing: !relation && this.isRelationSearched(parts[parts.length - 2], name) };
        }
        for (const schema of this.effectivePath()) {
            const relation = this.model.relations.get(keyOf(schema, name));
            if (relation)
                return { key: keyOf(schema, name), relation, isKnownMissing: false };
        }
        const creation = this.creationSchema();
        const isKnownMissing = this.#path.every((s) => this.isRelationSearched(s, name));
        return { key: creation ? keyOf(creation, name) : undefined, isKnownMissing };
    }
    /** Resolves a RangeVar node. */
    lookupRangeVar(rangeVar) {
        const parts = rangeVarParts(rangeVar);
        if (parts.length === 0)
            return { key: undefined, isKnownMissing: false, parts };
        return { ...this.lookupRelation(parts), parts };
    }
    /** The key a new relation named by `parts` gets; reports a missing schema. */
    creationKey(parts, what) {
        const name = parts.at(-1);
        const schema = parts.length > 1 ? parts[parts.length - 2] : this.creationSchema();
        if (!schema) {
            this.report('missing', `no schema on the search_path (${this.#path.join(', ') || 'empty'}) exists to create ${what} ${displayIdent(name)} in`, {
                mitigation: 'Qualify the name with its schema, or create the schema first.',
                evidence: { searchPath: this.#path },
            });
            return undefined;
        }
        if (this.schemaState(schema) === 'no') {
            this.reportMissing('schema', displayIdent(schema), { schema });
            return undefined;
        }
        return keyOf(schema, name);
    }
    /** Resolves a TypeName node to a column type, as PostgreSQL resolves type names. */
    lookupType(node) {
        const tn = readTypeName(node);
        const written = tn.parts.join('.') + (tn.isArray ? '[]' : '');
        const serial = serialBase(tn.parts);
        const base = serial ? this.#systemType(quotedKey(['pg_catalog', serial])) : this.#findType(tn.parts);
        if (!base.info)
            return { isKnownMissing: base.isKnownMissing && !this.#hasNewExtension, written };
        const info = base.info;
        const display = withTypmods(info.display, tn.typmods);
        const ref = tn.isArray
            ? { ...(info.arrayOid !== undefined ? { oid: info.arrayOid } : {}), display: `${display}[]`, category: 'A' }
            : {
                ...(info.oid !== undefined ? { oid: info.oid } : {}),
                display,
                category: info.category,
                ...(info.origin === 'migration' ? { createdKey: keyOf(info.schema, info.name) } : {}),
            };
        return { ref, info, isKnownMissing: false, written };
    }
    /** Finds a type by its name parts: pg_catalog first, then the user types on the search path. */
    #findType(parts) {
        if (parts.length > 1) {
            const [schema, name] = [parts[parts.length - 2], parts.at(-1)];
            if (SYSTEM_SCHEMAS.has(schema))
                return this.#systemType(quotedKey([schema, name]));
            const info = this.model.types.get(keyOf(schema, name));
            if (info)
                return { info, isKnownMissing: false };
            return { isKnownMissing: this.model.isComplete || this.model.resolvedTypes.has(quotedKey([schema, name])) || this.schemaState(schema) === 'no' };
        }
        const name = parts[0];
        const system = this.#systemType(quotedKey(['pg_catalog', name]));
        if (system.info)
            return system;
        for (const schema of this.effectivePath()) {
            const info = this.model.types.get(keyOf(schema, name));
            if (info)
                return { info, isKnownMissing: false };
        }
        const plain = this.model.resolvedTypes.get(quotedKey([name]));
        // Only trust a lookup through the session's path for system types: user types are in `types`.
        if (plain && SYSTEM_SCHEMAS.has(plain.schema))
            return { info: plain, isKnownMissing: false };
        return { isKnownMissing: this.model.resolvedTypes.has(quotedKey([name])) };
    }
    /** A system type by quoted key. */
    #systemType(key) {
        const info = this.model.resolvedTypes.get(key);
        return info ? { info, isKnownMissing: false } : { isKnownMissing: this.model.resolvedTypes.has(key) };
    }
    /** Adds a relation (and its row type for tables, views and composite types). */
    addRelation(key, kind, init = {}) {
        const dot = key.indexOf('.');
        const relation = {
            schema: key.slice(0, dot),
            name: key.slice(dot + 1),
            kind,
            columns: new Map(),
            attnums: 0,
            isOpaque: false,
            constraints: new Map(),
            dependents: [],
            origin: 'migration',
            ...init,
        };
        this.model.relations.set(key, relation);
        if (HAS_ROW_TYPE.has(kind)) {
            this.model.types.set(key, { schema: relation.schema, name: relation.name, typtype: 'c', display: displayKey(key), category: 'C', labels: [], relationKind: kind, origin: 'migration' });
        }
        return relation;
    }
    /** Removes a relation with its indexes, constraints and row type. */
    dropRelation(key) {
        const relation = this.model.relations.get(key);
        if (!relation)
            return;
        this.model.relations.delete(key);
        if (this.model.types.get(key)?.relationKind)
            this.model.types.delete(key);
        for (const [k, r] of this.model.relations) {
            if (r.index?.table === key)
                this.model.relations.delete(k);
            for (const [name, c] of r.constraints)
                if (c.refTable === key)
                    r.constraints.delete(name);
        }
    }
    /** Adds a column, counting its attribute number; reports when the table passes 1,600. */
    addColumn(relation, column) {
        relation.columns.set(column.name, column);
        relation.attnums += 1;
        if (relation.attnums === MAX_COLUMNS + 1) {
            this.report('column-limit', `table ${displayKey(keyOf(relation.schema, relation.name))} would have ${relation.attnums} columns counting dropped ones; PostgreSQL allows ${MAX_COLUMNS}`, {
                mitigation: 'Dropped columns still use attribute numbers until the table is rewritten: rebuild the table (pg_repack, or CREATE TABLE ... AS and swap), or split it into two tables.',
                evidence: { table: keyOf(relation.schema, relation.name), attributeNumbers: relation.attnums, limit: MAX_COLUMNS },
                tables: [keyOf(relation.schema, relation.name)],
            });
        }
    }
    /** Every constraint in the model, with the table it is on. */
    *allConstraints() {
        for (const relation of this.model.relations.values())
            yield* relation.constraints.values();
    }
    /** Records an issue at the current statement. */
    report(kind, reason, details) {
        // After a DO block or CALL the model may be missing objects it created: say so, and warn only.
        const isUnsure = kind === 'missing' && this.opaque.length > 0;
        const note = isUnsure ? ` (unless the ${this.opaque.at(-1).stmt.kind === 'DoStmt' ? 'DO block' : 'procedure call'} at line ${this.opaque.at(-1).stmt.line} creates it)` : '';
        this.issues.push({
            kind,
            at: this.at,
            severity: isUnsure ? 'warning' : (details.severity ?? 'error'),
            message: details.isFailure === false ? `${statementLabel(this.at)}: ${reason}.` : `${statementLabel(this.at)} fails on this target: ${reason}${note}.`,
            mitigation: details.mitigation,
            evidence: details.evidence ?? {},
            ...(details.tables ? { tables: details.tables } : {}),
        });
    }
    /** Reports an object that does not exist. */
    reportMissing(what, name, evidence = {}, tables) {
        this.report('missing', `${what} ${name} does not exist`, {
            mitigation: `Check the name and the migration order: create the ${what} in an earlier migration, or write IF EXISTS if its absence is expected. ` +
                'If other environments have it, this target has drifted: compare with `migrations snapshot`.',
            evidence: { object: what, name, ...evidence },
            ...(tables ? { tables } : {}),
        });
    }
    /** Reports an object that already exists. */
    reportExists(what, name, evidence = {}, hint) {
        this.report('exists', `${what} ${name} already exists`, {
            mitigation: hint ??
                `The target already has this ${what}: created by hand, or by a migration that ran part-way. Compare it with what the migration creates; ` +
                    'if it is the same, mark the migration applied or write IF NOT EXISTS; otherwise rename one of them.',
            evidence: { object: what, name, ...evidence },
        });
    }
}
/** Relation kinds that come with a composite row type of the same name. */
const HAS_ROW_TYPE = new Set(['table', 'partitioned table', 'view', 'materialized view', 'foreign table', 'composite type']);
/** [schema?, name] of a RangeVar. */
function rangeVarParts(rangeVar) {
    if (!rangeVar?.relname)
        return [];
    return rangeVar.schemaname ? [rangeVar.schemaname, rangeVar.relname] : [rangeVar.relname];
}
/** A short label for a statement in messages: "ALTER TABLE users", "CREATE INDEX". */
function statementLabel(at) {
    const words = at.stmt.text.replace(/\s+/g, ' ').trim().split(' ');
    const out = [];
    for (const word of words.slice(0, 5)) {
        if (!/^[A-Za-z]+$/.test(word) || !KEYWORDS.has(word.toUpperCase()))
            break;
        out.push(word.toUpperCase());
    }
    return out.length > 0 ? out.join(' ') : at.stmt.kind;
}
/** Leading keywords kept in a statement label. */
const KEYWORDS = new Set([
    'ALTER', 'CREATE', 'DROP', 'TABLE', 'INDEX', 'UNIQUE', 'CONCURRENTLY', 'TYPE', 'SCHEMA', 'SEQUENCE', 'VIEW', 'MATERIALIZED',
    'EXTENSION', 'DOMAIN', 'COMMENT', 'ON', 'COLUMN', 'INSERT', 'INTO', 'UPDATE', 'DELETE', 'FROM', 'REINDEX', 'RENAME', 'TRIGGER',
    'GRANT', 'REVOKE', 'CLUSTER', 'REFRESH', 'TRUNCATE', 'VACUUM', 'LOCK', 'OR', 'REPLACE', 'TEMPORARY', 'UNLOGGED', 'FOREIGN', 'POLICY', 'MERGE',
]);

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/casts.ts


/** Looks up the casts of every type change in one query. */
async function lookupCasts(db, changes) {
    const verdicts = [];
    const known = changes.filter((c) => c.from.oid !== undefined && c.to.oid !== undefined);
    for (const change of changes) {
        if (change.from.oid !== undefined && change.to.oid !== undefined)
            continue;
        // A type the model cannot identify (from an extension created in the migration): no verdict.
        if ((change.from.oid === undefined && !change.from.createdKey) || (change.to.oid === undefined && !change.to.createdKey))
            continue;
        verdicts.push(verdictForCreatedType(change));
    }
    if (known.length === 0)
        return verdicts;
    const rows = await db.query(`WITH p AS (
       SELECT * FROM unnest($1::oid[], $2::oid[]) WITH ORDINALITY AS p(src, dst, ord)
     ), b AS (
       SELECT p.ord,
              CASE WHEN s.typtype = 'd' THEN s.typbasetype ELSE s.oid END AS s_base,
              CASE WHEN d.typtype = 'd' THEN d.typbasetype ELSE d.oid END AS d_base
         FROM p JOIN pg_catalog.pg_type s ON s.oid = p.src JOIN pg_catalog.pg_type d ON d.oid = p.dst
     )
     SELECT b.ord::text AS ord, b.s_base = b.d_base AS same,
            c.castcontext::text AS context, c.castmethod::text AS method, dt.typcategory::text AS target_category,
            st.typcategory::text AS source_category,
            st.typcategory = 'A' AS source_is_array, dt.typcategory = 'A' AS target_is_array,
            NULLIF(st.typelem, 0) = NULLIF(dt.typelem, 0) AS elem_same,
            ce.castcontext::text AS elem_context, ce.castmethod::text AS elem_method, de.typcategory::text AS elem_target_category
       FROM b
       JOIN pg_catalog.pg_type st ON st.oid = b.s_base JOIN pg_catalog.pg_type dt ON dt.oid = b.d_base
       LEFT JOIN pg_catalog.pg_cast c ON c.castsource = b.s_base AND c.casttarget = b.d_base
       LEFT JOIN pg_catalog.pg_type de ON de.oid = NULLIF(dt.typelem, 0)
       LEFT JOIN pg_catalog.pg_cast ce ON ce.castsource = NULLIF(st.typelem, 0) AND ce.casttarget = NULLIF(dt.typelem, 0)
      ORDER BY b.ord`, [known.map((c) => c.from.oid), known.map((c) => c.to.oid)]);
    for (const row of rows)
        verdicts.push(verdictOf(known[Number(row.ord) - 1], row));
    return verdicts;
}
/** Applies PostgreSQL's assignment coercion rules to one cast row. */
function verdictOf(change, row) {
    // From a string type, an explicit cast always exists: the value goes through the target's input function.
    const base = { change, hasExplicitCast: row.context === 'e' || row.source_category === 'S' };
    if (row.same)
        return { ...base, isAssignable: true, isBinary: true, reason: 'same base type' };
    if (row.context === 'a' || row.context === 'i') {
        return { ...base, isAssignable: true, isBinary: row.method === 'b', reason: `${row.context === 'i' ? 'implicit' : 'assignment'} cast${row.method === 'b' ? ' (binary-coercible)' : ''}` };
    }
    // Any type converts to a string type through its output function in assignment context.
    if (row.target_category === 'S')
        return { ...base, isAssignable: true, isBinary: false, reason: 'I/O conversion to a string type' };
    if (row.source_is_array && row.target_is_array) {
        if (row.elem_same)
            return { ...base, isAssignable: true, isBinary: true, reason: 'same element type' };
        if (row.elem_context === 'a' || row.elem_context === 'i' || row.elem_target_category === 'S') {
            return { ...base, isAssignable: true, isBinary: row.elem_method === 'b', reason: 'element types have an assignment cast' };
        }
        return { change, isAssignable: false, isBinary: false, hasExplicitCast: row.elem_context === 'e', reason: 'no assignment cast between the element types' };
    }
    const reason = row.context === 'e' ? 'only an explicit cast exists' : row.source_category === 'S' ? 'only an explicit conversion from text exists' : 'no cast exists';
    return { ...base, isAssignable: false, isBinary: false, reason };
}
/** A change to or from a type the migration creates: only the same type converts without USING. */
function verdictForCreatedType(change) {
    const isSame = change.from.createdKey !== undefined && change.from.createdKey === change.to.createdKey;
    // An enum or domain created by the migration: text converts to it only explicitly.
    const isToString = change.to.category === 'S';
    return {
        change,
        isAssignable: isSame || isToString,
        isBinary: isSame,
        hasExplicitCast: change.from.category === 'S',
        reason: isSame ? 'same type' : isToString ? 'I/O conversion to a string type' : 'no assignment cast to a type the migration creates',
    };
}
/** Issues for type changes PostgreSQL refuses without USING. */
function castIssues(verdicts) {
    return verdicts
        .filter((v) => !v.isAssignable && !v.change.hasUsing)
        .map((v) => {
        const { change } = v;
        const using = `USING ${change.column}::${change.to.display}`;
        return {
            kind: 'cast',
            at: change.at,
            severity: 'error',
            message: `${statementLabel(change.at)} fails on this target: column "${change.column}" of ${displayKey(change.table)} cannot be cast automatically ` +
                `from ${change.from.display} to ${change.to.display} (${v.reason}).`,
            mitigation: v.hasExplicitCast
                ? `Say how to convert the values: ALTER COLUMN ${change.column} TYPE ${change.to.display} ${using}. Check first that every value converts (a failing row aborts the whole rewrite).`
                : `No cast exists between these types: write a USING expression that computes the new value from the old one, or add a new column, backfill it and swap.`,
            evidence: { table: change.table, column: change.column, from: change.from.display, to: change.to.display, cast: v.reason },
            tables: [change.table],
        };
    });
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/load.ts


/** pg_class.relkind to the model's kind. */
const RELKINDS = {
    r: 'table',
    p: 'partitioned table',
    v: 'view',
    m: 'materialized view',
    f: 'foreign table',
    S: 'sequence',
    i: 'index',
    I: 'partitioned index',
    c: 'composite type',
};
/** SQL condition for a schema that holds user objects. */
const USER_SCHEMA = `n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'`;
/** SQL condition excluding objects that belong to an extension (they come and go with it). */
const NOT_EXTENSION_MEMBER = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
/** Loads the model; the number of queries is constant (seven at most). */
async function loadSchemaModel(db, scope) {
    const isAll = scope.kind === 'all';
    const names = scope.kind === 'names' ? scope.names : undefined;
    const meta = await loadMeta(db, names, isAll);
    const searchedSchemas = new Set([...(names?.schemas ?? []), ...meta.searchPath]);
    const relations = await loadRelations(db, names, searchedSchemas, isAll);
    const tableOids = relations.filter((r) => r.kind !== 'index' && r.kind !== 'partitioned index' && r.kind !== 'sequence').map((r) => r.oid);
    const indexOids = relations.filter((r) => r.kind === 'index' || r.kind === 'partitioned index').map((r) => r.oid);
    const byOid = new Map(relations.map((r) => [r.oid, r]));
    await loadColumns(db, tableOids, byOid);
    const indexes = await loadIndexes(db, tableOids, indexOids, byOid);
    const constraints = await loadConstraints(db, tableOids);
    const dependents = isAll ? new Map() : await loadDependents(db, tableOids);
    const types = await loadTypes(db, names, searchedSchemas, isAll);
    const model = {
        ...emptyModel(isAll),
        schemas: new Set(meta.schemas),
        searchedSchemas,
        searchedRelations: new Set(names?.relations ?? []),
        extensions: new Map(meta.extensions.map((e) => [e.name, e])),
        availableExtensions: new Set(meta.available),
        searchPath: meta.searchPath,
        resolvedTypes: types.resolved,
        types: types.user,
    };
    for (const [oid, relation] of byOid) {
        const withIndex = indexes.has(oid) ? { ...relation, index: indexes.get(oid) } : relation;
        model.relations.set(keyOf(relation.schema, relation.name), { ...withIndex, dependents: dependents.get(oid) ?? [] });
    }
    for (const constraint of constraints) {
        // A foreign key from an unloaded table into a loaded one: the referencing table joins the
        // model as a stub with unknown columns, so dropping the referenced table sees it.
        if (!model.relations.has(constraint.table))
            model.relations.set(constraint.table, stubTable(constraint.table));
        model.relations.get(constraint.table).constraints.set(constraint.name, constraint);
    }
    return model;
}
/** A table known only by name (it references a loaded table). */
function stubTable(key) {
    const dot = key.indexOf('.');
    return {
        schema: key.slice(0, dot),
        name: key.slice(dot + 1),
        kind: 'table',
        columns: new Map(),
        attnums: 0,
        isOpaque: true,
        constraints: new Map(),
        dependents: [],
        origin: 'target',
    };
}
/** Search path, the schemas and extensions asked for, and which extensions the server could install. */
async function loadMeta(db, names, isAll) {
    const [row] = await db.query(`SELECT pg_catalog.current_schemas(false)::text[] AS search_path,
            ARRAY(SELECT n.nspname::text FROM pg_catalog.pg_namespace n
                   WHERE n.nspname = ANY($1::text[]) OR n.nspname = ANY(pg_catalog.current_schemas(false)) OR ($3 AND ${USER_SCHEMA})
                   ORDER BY 1) AS schemas,
            (SELECT json_agg(json_build_object('name', x.extname, 'version', x.extversion, 'schema', n.nspname) ORDER BY x.extname)
               FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
              WHERE x.extname = ANY($2::text[]) OR $3) AS extensions,
            ARRAY(SELECT a.name::text FROM pg_catalog.pg_available_extensions a WHERE a.name = ANY($2::text[])) AS available`, [[...(names?.schemas ?? [])], [...(names?.extensions ?? [])], isAll]);
    return { searchPath: row.search_path, schemas: row.schemas, extensions: row.extensions ?? [], available: row.available };
}
/** Relations by name in the searched schemas, or every user relation. */
async function loadRelations(db, names, schemas, isAll) {
    const rows = await db.query(`SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS relkind, c.reltuples::float8 AS reltuples,
            ARRAY(SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
                    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                   WHERE i.inhrelid = c.oid ORDER BY i.inhseqno)::text[] AS parents
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p','v','m','f','S','i','I','c')
        AND ((c.relname = ANY($1::text[]) AND n.nspname = ANY($2::text[]))
             OR ($3 AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}))
      ORDER BY 2, 3`, [[...(names?.relations ?? [])], [...schemas], isAll]);
    return rows.map((r) => ({
        schema: r.schema,
        name: r.name,
        kind: RELKINDS[r.relkind] ?? 'table',
        oid: r.oid,
        columns: new Map(),
        attnums: 0,
        isOpaque: false,
        constraints: new Map(),
        dependents: [],
        estimatedRows: r.reltuples,
        ...(r.parents.length > 0 && r.relkind !== 'i' && r.relkind !== 'I' ? { parents: r.parents } : {}),
        origin: 'target',
    }));
}
/** Columns of the loaded relations, dropped ones counted for the 1,600-column limit. */
async function loadColumns(db, oids, byOid) {
    if (oids.length === 0)
        return;
    const rows = await db.query(`SELECT a.attrelid AS relid, a.attnum::int AS attnum, a.attname::text AS name, a.attisdropped AS dropped,
            pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.atttypid AS typid, t.typcategory::text AS category,
            a.attnotnull AS notnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_catalog.pg_attribute a
       LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0
      ORDER BY a.attrelid, a.attnum`, [oids]);
    for (const row of rows) {
        const relation = byOid.get(row.relid);
        if (!relation)
            continue;
        relation.attnums = Math.max(relation.attnums, row.attnum);
        if (row.dropped)
            continue;
        relation.columns.set(row.name, {
            name: row.name,
            type: { oid: row.typid, display: row.type, ...(row.category ? { category: row.category } : {}) },
            isNotNull: row.notnull,
            ...(row.default_expr !== null ? { defaultExpr: row.default_expr } : {}),
            ...(row.identity ? { identity: row.identity } : {}),
            ...(row.generated ? { generated: row.generated } : {}),
        });
    }
}
/** Index facts (validity included) for the loaded tables and the indexes named directly. */
async function loadIndexes(db, tableOids, indexOids, byOid) {
    const out = new Map();
    if (tableOids.length === 0 && indexOids.length === 0)
        return out;
    const rows = await db.query(`SELECT i.indexrelid, tn.nspname::text AS table_schema, tc.relname::text AS table_name,
            xn.nspname::text AS index_schema, xc.relname::text AS index_name, xc.relkind::text AS relkind,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
            i.indisunique AS unique, i.indisprimary AS primary, i.indisvalid AS valid, i.indimmediate AS immediate,
            i.indpred IS NOT NULL AS partial, pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
       JOIN pg_catalog.pg_class xc ON xc.oid = i.indexrelid JOIN pg_catalog.pg_namespace xn ON xn.oid = xc.relnamespace
      WHERE i.indrelid = ANY($1::oid[]) OR i.indexrelid = ANY($2::oid[])
      ORDER BY 4, 5`, [tableOids, indexOids]);
    for (const row of rows) {
        if (!byOid.has(row.indexrelid)) {
            // An index of a loaded table that statements do not name: the model still needs it.
            byOid.set(row.indexrelid, {
                schema: row.index_schema,
                name: row.index_name,
                kind: row.relkind === 'I' ? 'partitioned index' : 'index',
                oid: row.indexrelid,
                columns: new Map(),
                attnums: 0,
                isOpaque: false,
                constraints: new Map(),
                dependents: [],
                origin: 'target',
            });
        }
        out.set(row.indexrelid, {
            table: keyOf(row.table_schema, row.table_name),
            columns: row.columns,
            isUnique: row.unique,
            isPrimary: row.primary,
            isValid: row.valid,
            isImmediate: row.immediate,
            isPartial: row.partial,
            definition: row.definition,
        });
    }
    return out;
}
/** Constraints on the loaded tables and foreign keys pointing at them. */
async function loadConstraints(db, tableOids) {
    if (tableOids.length === 0)
        return [];
    const rows = await db.query(`SELECT c.conname::text AS name, c.contype::text AS contype,
            tn.nspname::text AS table_schema, tc.relname::text AS table_name,
            rn.nspname::text AS ref_schema, rc.relname::text AS ref_name,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            c.convalidated AS validated, xn.nspname::text AS index_schema, xc.relname::text AS index_name,
            pg_catalog.pg_get_constraintdef(c.oid) AS definition
       FROM pg_catalog.pg_constraint c
       JOIN pg_catalog.pg_class tc ON tc.oid = c.conrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
       LEFT JOIN pg_catalog.pg_class rc ON rc.oid = c.confrelid LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
       LEFT JOIN pg_catalog.pg_class xc ON xc.oid = c.conindid AND c.contype IN ('p','u','x')
       LEFT JOIN pg_catalog.pg_namespace xn ON xn.oid = xc.relnamespace
      WHERE c.conrelid = ANY($1::oid[]) OR c.confrelid = ANY($1::oid[])
      ORDER BY 3, 4, 1`, [tableOids]);
    return rows.map((r) => ({
        name: r.name,
        type: r.contype,
        table: keyOf(r.table_schema, r.table_name),
        columns: r.columns,
        ...(r.ref_schema && r.ref_name ? { refTable: keyOf(r.ref_schema, r.ref_name), refColumns: r.ref_columns } : {}),
        isValidated: r.validated,
        ...(r.index_schema && r.index_name ? { index: keyOf(r.index_schema, r.index_name) } : {}),
        definition: r.definition,
    }));
}
/** Views and materialized views whose rules use the loaded relations, with the columns they use. */
async function loadDependents(db, tableOids) {
    const out = new Map();
    if (tableOids.length === 0)
        return out;
    const rows = await db.query(`SELECT d.refobjid AS relid, vn.nspname::text AS schema, v.relname::text AS name, v.relkind::text AS relkind,
            array_remove(array_agg(DISTINCT a.attname::text), NULL) AS columns
       FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
       JOIN pg_catalog.pg_class v ON v.oid = r.ev_class JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
       LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
      WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
        AND d.refobjid = ANY($1::oid[]) AND r.ev_class <> d.refobjid
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`, [tableOids]);
    for (const row of rows) {
        const list = out.get(row.relid) ?? [];
        list.push({ name: keyOf(row.schema, row.name), kind: RELKINDS[row.relkind] ?? 'view', columns: row.columns });
        out.set(row.relid, list);
    }
    return out;
}
const load_SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);
/** Resolves type names (every candidate qualification at once), or lists every user type. */
async function loadTypes(db, names, schemas, isAll) {
    const keys = new Set(ALWAYS_RESOLVED);
    for (const parts of names?.types.values() ?? [])
        for (const key of lookupKeys(parts, schemas))
            keys.add(key);
    const rows = await db.query(`WITH wanted AS (
       SELECT k.key, pg_catalog.to_regtype(k.key) AS oid FROM unnest($1::text[]) AS k(key)
       UNION ALL
       SELECT NULL, t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE $2 AND ${USER_SCHEMA} AND t.typcategory <> 'A' AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
          AND (t.typtype IN ('e','d','r','m') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
     )
     SELECT w.key, t.oid, n.nspname::text AS schema, t.typname::text AS name, pg_catalog.format_type(t.oid, NULL) AS display,
            t.typtype::text AS typtype, t.typcategory::text AS category,
            NULLIF(t.typarray, 0) AS array_oid, pg_catalog.format_type(NULLIF(t.typarray, 0), NULL) AS array_display,
            ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
            (SELECT c.relkind::text FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) AS relkind
       FROM wanted w LEFT JOIN pg_catalog.pg_type t ON t.oid = w.oid LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace`, [[...keys], isAll]);
    const resolved = new Map();
    const user = new Map();
    for (const row of rows) {
        if (row.oid === null) {
            if (row.key !== null)
                resolved.set(row.key, null);
            continue;
        }
        const info = {
            schema: row.schema,
            name: row.name,
            typtype: row.typtype,
            oid: row.oid,
            display: row.display,
            category: row.category,
            ...(row.array_oid !== null ? { arrayOid: row.array_oid, arrayDisplay: row.array_display ?? `${row.display}[]` } : {}),
            labels: row.labels,
            ...(row.relkind ? { relationKind: RELKINDS[row.relkind] ?? 'composite type' } : {}),
            origin: 'target',
        };
        if (row.key !== null)
            resolved.set(row.key, info);
        if (!load_SYSTEM_SCHEMAS.has(row.schema))
            user.set(keyOf(row.schema, row.name), info);
    }
    return { resolved, user };
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/replay-tables.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of table statements: CREATE TABLE, ALTER TABLE and CREATE INDEX, with their columns,
 * constraints, foreign keys and the indexes constraints rely on. Errors mirror the ones
 * PostgreSQL raises (tablecmds.c, parse_utilcmd.c), so a finding predicts a real failure.
 */




/** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63;
/** Word for an ALTER/DROP object type in messages. */
const OBJECT_WORDS = {
    OBJECT_TABLE: 'table',
    OBJECT_INDEX: 'index',
    OBJECT_SEQUENCE: 'sequence',
    OBJECT_VIEW: 'view',
    OBJECT_MATVIEW: 'materialized view',
    OBJECT_FOREIGN_TABLE: 'foreign table',
    OBJECT_TYPE: 'type',
};
/** "users" or "app.users" for a RangeVar's parts. */
function displayParts(parts) {
    return parts.length > 1 && parts[0] !== 'public' ? parts.map(displayIdent).join('.') : displayIdent(parts.at(-1) ?? '');
}
/** Resolves a RangeVar that must exist; reports it when the model knows it does not. */
function requireRelation(r, rangeVar, what = 'table', isMissingOk = false) {
    const look = r.lookupRangeVar(rangeVar);
    if (look.relation && look.key)
        return { key: look.key, relation: look.relation };
    if (look.isKnownMissing && !isMissingOk && look.parts.length > 0)
        r.reportMissing(what, displayParts(look.parts), {}, look.key ? [look.key] : undefined);
    return undefined;
}
/** True when the column exists (or the table's columns are unknown); reports a missing column. */
function requireColumn(r, relation, key, name, isMissingOk = false) {
    if (!name || relation.isOpaque)
        return true;
    if (relation.columns.has(name))
        return true;
    if (!isMissingOk)
        r.reportMissing('column', `"${name}" of ${relation.kind} ${displayKey(key)}`, { table: key, column: name }, [key]);
    return false;
}
/** Picks a free relation name the way ChooseRelationName does: base, then base1, base2... */
function chooseName(r, schema, base) {
    const trimmed = base.slice(0, MAX_IDENTIFIER);
    if (!r.model.relations.has(keyOf(schema, trimmed)))
        return trimmed;
    for (let i = 1;; i++) {
        const suffix = String(i);
        const name = base.slice(0, MAX_IDENTIFIER - suffix.length) + suffix;
        if (!r.model.relations.has(keyOf(schema, name)))
            return name;
    }
}
/** CREATE TABLE (also PARTITION OF, INHERITS, LIKE). */
function replayCreateTable(r, n) {
    const parts = rangeVarParts(n.relation);
    const key = r.creationKey(parts, 'table');
    if (!key)
        return;
    const existing = r.model.relations.get(key);
    const existingType = r.model.types.get(key);
    if (existing || existingType) {
        if (n.if_not_exists)
            return;
        if (existing)
            r.reportExists(existing.kind, displayKey(key), { kind: existing.kind });
        else
            r.reportExists('type', displayKey(key), { typtype: existingType.typtype }, 'A type of that name exists, and a table needs its row type name: rename the table or the type.');
        return;
    }
    const relation = r.addRelation(key, n.partspec ? 'partitioned table' : 'table');
    for (const parent of n.inhRelations ?? []) {
        const found = requireRelation(r, parent.RangeVar);
        if (found) {
            inheritColumns(r, relation, found.relation);
            relation.parents = [...(relation.parents ?? []), found.key];
        }
        else
            relation.isOpaque = true;
    }
    for (const elt of n.tableElts ?? []) {
        if (elt.ColumnDef)
            addColumnDef(r, relation, key, elt.ColumnDef);
        else if (elt.TableLikeClause) {
            const found = requireRelation(r, elt.TableLikeClause.relation);
            if (found)
                inheritColumns(r, relation, found.relation);
            else
                relation.isOpaque = true;
        }
        else if (elt.Constraint)
            addConstraint(r, relation, key, elt.Constraint);
    }
}
/** Copies a parent's or LIKE source's columns. */
function inheritColumns(r, relation, from) {
    if (from.isOpaque)
        relation.isOpaque = true;
    for (const column of from.columns.values())
        if (!relation.columns.has(column.name))
            r.addColumn(relation, { ...column });
}
/** Adds a column definition with its inline constraints; serial columns get their sequence. */
function addColumnDef(r, relation, key, def) {
    const name = def.colname;
    const constraints = (def.constraints ?? []).map((c) => c.Constraint).filter(Boolean);
    if (!def.typeName) {
        // PARTITION OF / OF type: a ColumnDef that only adds constraints to an inherited column.
        for (const c of constraints)
            addConstraint(r, relation, key, c, name);
        return;
    }
    const type = r.lookupType(def.typeName);
    if (!type.ref && type.isKnownMissing)
        r.reportMissing('type', type.written, { column: name }, [key]);
    const has = (contype) => constraints.some((c) => c.contype === contype);
    const identity = constraints.find((c) => c.contype === 'CONSTR_IDENTITY');
    const column = {
        name,
        type: type.ref ?? { display: type.written },
        isNotNull: has('CONSTR_NOTNULL') || has('CONSTR_PRIMARY') || identity !== undefined,
        ...(identity ? { identity: identity.generated_when === 'd' ? 'd' : 'a' } : {}),
        ...(has('CONSTR_GENERATED') ? { generated: 's' } : {}),
        ...(serialBase(readTypeName(def.typeName).parts) ? { defaultExpr: 'nextval(...)' } : {}),
    };
    r.addColumn(relation, column);
    if (serialBase(readTypeName(def.typeName).parts) || identity) {
        const sequence = chooseName(r, relation.schema, `${relation.name}_${name}_seq`);
        r.addRelation(keyOf(relation.schema, sequence), 'sequence');
    }
    for (const c of constraints)
        addConstraint(r, relation, key, c, name);
}
/** Replays one constraint node of CREATE TABLE or ALTER TABLE ADD. */
function addConstraint(r, relation, key, c, columnName) {
    switch (c.contype) {
        case 'CONSTR_PRIMARY':
        case 'CONSTR_UNIQUE':
        case 'CONSTR_EXCLUSION':
            addIndexConstraint(r, relation, key, c, columnName);
            return;
        case 'CONSTR_FOREIGN':
            addForeignKey(r, relation, key, c, columnName);
            return;
        case 'CONSTR_CHECK': {
            const name = c.conname ?? chooseConstraintName(relation, columnName ? `${relation.name}_${columnName}_check` : `${relation.name}_check`);
            if (c.conname && !isConstraintNameFree(r, relation, key, c.conname))
                return;
            relation.constraints.set(name, { name, type: 'c', table: key, columns: columnName ? [columnName] : [], isValidated: !c.skip_validation });
            return;
        }
        case 'CONSTR_NOTNULL': {
            const targets = columnName ? [columnName] : (0,schema_model_names/* stringsOf */.iw)(c.keys);
            for (const col of targets) {
                if (!requireColumn(r, relation, key, col))
                    continue;
                const column = relation.columns.get(col);
                if (column)
                    relation.columns.set(col, { ...column, isNotNull: true });
            }
            return;
        }
        default:
            return;
    }
}
/** True when no constraint of that name is on the table; reports the clash otherwise. */
function isConstraintNameFree(r, relation, key, name) {
    if (!relation.constraints.has(name))
        return true;
    r.reportExists('constraint', `"${name}" on table ${displayKey(key)}`, { table: key, constraint: name });
    return false;
}
/** PRIMARY KEY, UNIQUE and EXCLUDE: a constraint with an index of the same name. */
function addIndexConstraint(r, relation, key, c, columnName) {
    const type = c.contype === 'CONSTR_PRIMARY' ? 'p' : c.contype === 'CONSTR_UNIQUE' ? 'u' : 'x';
    if (type === 'p') {
        const existingPk = [...relation.constraints.values()].find((x) => x.type === 'p' && x.table === key);
        if (existingPk) {
            r.report('exists', `table ${displayKey(key)} already has a primary key (${existingPk.name}); a table has at most one`, {
                mitigation: 'Drop the old primary key in the same ALTER TABLE (DROP CONSTRAINT ..., ADD CONSTRAINT ... PRIMARY KEY USING INDEX ...), or make the new key UNIQUE.',
                evidence: { table: key, primaryKey: existingPk.name },
                tables: [key],
            });
            return;
        }
    }
    if (c.indexname) {
        attachIndex(r, relation, key, c, type);
        return;
    }
    const columns = columnName ? [columnName] : (0,schema_model_names/* stringsOf */.iw)(c.keys);
    if (!columns.every((col) => requireColumn(r, relation, key, col)))
        return;
    const base = type === 'p' ? `${relation.name}_pkey` : `${relation.name}_${columns.join('_')}_${type === 'u' ? 'key' : 'excl'}`;
    const name = c.conname ?? chooseName(r, relation.schema, base);
    if (c.conname && !isConstraintNameFree(r, relation, key, name))
        return;
    const indexKey = keyOf(relation.schema, name);
    const clash = r.model.relations.get(indexKey);
    if (clash) {
        r.reportExists(clash.kind, displayKey(indexKey), { kind: clash.kind }, `The constraint's index would be named ${name}, which a ${clash.kind} already uses: pick another constraint name.`);
        return;
    }
    addIndexRelation(r, indexKey, { table: key, columns, isUnique: type !== 'x', isPrimary: type === 'p', isValid: true, isImmediate: !c.deferrable, isPartial: Boolean(c.where_clause) });
    relation.constraints.set(name, { name, type, table: key, columns, isValidated: true, index: indexKey });
    if (type === 'p')
        markNotNull(relation, columns);
}
/** ADD CONSTRAINT ... USING INDEX: the index must exist on this table, be valid, unique and plain. */
function attachIndex(r, relation, key, c, type) {
    const indexKey = keyOf(relation.schema, c.indexname);
    const index = r.model.relations.get(indexKey);
    if (!index?.index) {
        if (r.isRelationSearched(relation.schema, c.indexname))
            r.reportMissing('index', displayKey(indexKey), { table: key }, [key]);
        return;
    }
    const info = index.index;
    const evidence = { index: indexKey, table: info.table, valid: info.isValid, unique: info.isUnique, partial: info.isPartial, definition: info.definition ?? null };
    if (info.table !== key) {
        r.report('missing', `index ${displayKey(indexKey)} is on table ${displayKey(info.table)}, not ${displayKey(key)}`, {
            mitigation: `Build the index on ${displayKey(key)} first (CREATE UNIQUE INDEX CONCURRENTLY ... ON ${displayKey(key)}), then attach it.`,
            evidence,
            tables: [key],
        });
        return;
    }
    if (!info.isValid) {
        reportInvalidIndex(r, indexKey, key, `to back the ${type === 'p' ? 'primary key' : 'unique constraint'}`, 'error', evidence);
        return;
    }
    const problem = !info.isUnique ? 'is not a unique index' : info.isPartial ? 'is partial (has a WHERE clause)' : info.columns.includes(null) ? 'indexes an expression' : undefined;
    if (problem) {
        r.report('invalid-index', `index ${displayKey(indexKey)} ${problem}, so it cannot back a constraint`, {
            mitigation: 'Build a plain unique index on the constraint columns with CREATE UNIQUE INDEX CONCURRENTLY, then attach that one.',
            evidence,
            tables: [key],
        });
        return;
    }
    const name = c.conname ?? index.name;
    if (c.conname && !isConstraintNameFree(r, relation, key, name))
        return;
    if (name !== index.name) {
        // PostgreSQL renames the index to the constraint's name.
        const renamedKey = keyOf(relation.schema, name);
        if (r.model.relations.has(renamedKey)) {
            r.reportExists('relation', displayKey(renamedKey), {}, `ADD CONSTRAINT ... USING INDEX renames the index to the constraint name ${name}, which is taken: choose another constraint name.`);
            return;
        }
        r.model.relations.delete(indexKey);
        index.name = name;
        r.model.relations.set(renamedKey, index);
    }
    relation.constraints.set(name, { name, type, table: key, columns: info.columns.filter((x) => x !== null), isValidated: true, index: keyOf(relation.schema, name) });
    if (type === 'p')
        markNotNull(relation, info.columns.filter((x) => x !== null));
}
/** Marks primary key columns NOT NULL, as PostgreSQL does. */
function markNotNull(relation, columns) {
    for (const col of columns) {
        const column = relation.columns.get(col);
        if (column)
            relation.columns.set(col, { ...column, isNotNull: true });
    }
}
/** Adds an index relation to the model. */
function addIndexRelation(r, indexKey, info) {
    r.addRelation(indexKey, 'index', { index: info });
}
/** Reports that the statement relies on an invalid index. */
function reportInvalidIndex(r, indexKey, tableKey, purpose, severity, evidence = {}) {
    r.report('invalid-index', `index ${displayKey(indexKey)} on ${displayKey(tableKey)} is invalid (indisvalid = false, usually a failed CREATE INDEX CONCURRENTLY), and it is needed ${purpose}`, {
        mitigation: `Find why the build failed (for a unique index: duplicate rows), fix that, then DROP INDEX CONCURRENTLY ${displayKey(indexKey)} and build it again with CREATE INDEX CONCURRENTLY ` +
            `(or REINDEX INDEX CONCURRENTLY ${displayKey(indexKey)}) before this migration runs.`,
        evidence: { index: indexKey, table: tableKey, valid: false, ...evidence },
        severity,
        ...(severity === 'warning' ? { isFailure: false } : {}),
        tables: [tableKey],
    });
}
/** The unique indexes of a table whose columns are exactly `columns` (in any order). */
function matchingUniqueIndexes(r, tableKey, columns) {
    const wanted = [...columns].sort().join('\u0000');
    const valid = [];
    const invalid = [];
    for (const rel of r.model.relations.values()) {
        const info = rel.index;
        if (!info || info.table !== tableKey || !info.isUnique || info.isPartial || !info.isImmediate || info.columns.includes(null))
            continue;
        if ([...info.columns].sort().join('\u0000') !== wanted)
            continue;
        (info.isValid ? valid : invalid).push(rel);
    }
    return { valid, invalid };
}
/** FOREIGN KEY: the referenced table, columns and a unique index on them exist, and types match. */
function addForeignKey(r, relation, key, c, columnName) {
    const columns = columnName ? [columnName] : (0,schema_model_names/* stringsOf */.iw)(c.fk_attrs);
    const name = c.conname ?? chooseConstraintName(relation, `${relation.name}_${columns.join('_')}_fkey`);
    if (c.conname && !isConstraintNameFree(r, relation, key, name))
        return;
    if (!columns.every((col) => requireColumn(r, relation, key, col)))
        return;
    const refParts = rangeVarParts(c.pktable);
    const ref = refParts.length > 0 && r.lookupRelation(refParts).key === key ? { key, relation } : requireRelation(r, c.pktable);
    const constraint = { name, type: 'f', table: key, columns, isValidated: !c.skip_validation, ...(ref ? { refTable: ref.key } : {}) };
    relation.constraints.set(name, constraint);
    if (!ref || ref.relation.isOpaque)
        return;
    let refColumns = (0,schema_model_names/* stringsOf */.iw)(c.pk_attrs);
    if (refColumns.length === 0) {
        const pk = [...ref.relation.constraints.values()].find((x) => x.type === 'p' && x.table === ref.key);
        if (!pk) {
            r.report('foreign-key', `table ${displayKey(ref.key)} has no primary key for the foreign key to reference`, {
                mitigation: `Name the referenced columns (REFERENCES ${displayKey(ref.key)} (column)), which need a unique constraint, or add a primary key to ${displayKey(ref.key)} first.`,
                evidence: { referencedTable: ref.key },
                tables: [key, ref.key],
            });
            return;
        }
        refColumns = [...pk.columns];
    }
    relation.constraints.set(name, { ...constraint, refColumns });
    if (!refColumns.every((col) => requireColumn(r, ref.relation, ref.key, col)))
        return;
    if (refColumns.length !== columns.length) {
        r.report('foreign-key', `the foreign key has ${columns.length} referencing and ${refColumns.length} referenced columns`, {
            mitigation: 'List the same number of columns on both sides.',
            evidence: { columns, refColumns },
            tables: [key, ref.key],
        });
        return;
    }
    // PostgreSQL stops at the missing unique constraint; the types are checked after it.
    if (!checkReferencedUnique(r, key, ref.key, refColumns))
        return;
    checkKeyTypes(r, relation, key, columns, ref.relation, ref.key, refColumns);
}
/** A default constraint name not used on the table yet. */
function chooseConstraintName(relation, base) {
    const trimmed = base.slice(0, MAX_IDENTIFIER);
    if (!relation.constraints.has(trimmed))
        return trimmed;
    for (let i = 1;; i++) {
        const name = base.slice(0, MAX_IDENTIFIER - String(i).length) + i;
        if (!relation.constraints.has(name))
            return name;
    }
}
/** The referenced columns need a valid, immediate, non-partial unique index with exactly those columns. */
function checkReferencedUnique(r, key, refKey, refColumns) {
    const { valid, invalid } = matchingUniqueIndexes(r, refKey, refColumns);
    if (valid.length > 0)
        return true;
    const cols = refColumns.join(', ');
    if (invalid.length > 0) {
        reportInvalidIndex(r, keyOf(invalid[0].schema, invalid[0].name), refKey, `as the unique constraint the foreign key references on (${cols})`, 'error');
        return false;
    }
    r.report('foreign-key', `no unique constraint or unique index on ${displayKey(refKey)} (${cols}) matches the referenced columns`, {
        mitigation: `Add a unique constraint on ${displayKey(refKey)} (${cols}) first (CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX), or reference the primary key.`,
        evidence: { referencedTable: refKey, referencedColumns: refColumns },
        tables: [key, refKey],
    });
    return false;
}
/** Categories where differing types still compare (int vs bigint, varchar vs text). */
const COMPARABLE_CATEGORIES = new Set(['N', 'S', 'D', 'T', 'V']);
/** Referencing and referenced column types should be the same; different categories fail outright. */
function checkKeyTypes(r, relation, key, columns, ref, refKey, refColumns) {
    for (const [i, col] of columns.entries()) {
        const local = relation.columns.get(col)?.type;
        const remote = ref.columns.get(refColumns[i])?.type;
        if (!local || !remote || sameType(local, remote))
            continue;
        const evidence = { column: `${key}.${col}`, type: local.display, referencedColumn: `${refKey}.${refColumns[i]}`, referencedType: remote.display };
        if (local.category && local.category === remote.category && COMPARABLE_CATEGORIES.has(local.category)) {
            r.report('foreign-key', `foreign key column ${displayKey(key)}.${col} is ${local.display} but references ${displayKey(refKey)}.${refColumns[i]}, which is ${remote.display}`, {
                mitigation: `Declare ${col} as ${remote.display}, so every referenced value fits and lookups use the index without a cross-type comparison.`,
                evidence,
                severity: 'warning',
                isFailure: false,
                tables: [key, refKey],
            });
        }
        else {
            r.report('foreign-key', `key columns ${col} and ${refColumns[i]} are of incompatible types: ${local.display} and ${remote.display}`, {
                mitigation: `Declare ${col} as ${remote.display}, the type of the referenced column.`,
                evidence,
                tables: [key, refKey],
            });
        }
    }
}
/** True when two column types are the same type (modifiers aside). */
function sameType(a, b) {
    if (a.oid !== undefined && b.oid !== undefined)
        return a.oid === b.oid;
    if (a.createdKey || b.createdKey)
        return a.createdKey === b.createdKey;
    return a.display.replace(/\(.*\)/, '') === b.display.replace(/\(.*\)/, '');
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/replay-alter.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of ALTER TABLE sub-commands and CREATE INDEX on the model.
 * https://www.postgresql.org/docs/current/sql-altertable.html
 */


/** Sub-commands that only need their column to exist. */
const COLUMN_COMMANDS = new Set([
    'AT_ColumnDefault',
    'AT_CookedColumnDefault',
    'AT_SetStatistics',
    'AT_SetOptions',
    'AT_ResetOptions',
    'AT_SetStorage',
    'AT_SetCompression',
    'AT_AddIdentity',
    'AT_SetIdentity',
    'AT_DropIdentity',
    'AT_DropExpression',
    'AT_SetExpression',
    'AT_AlterColumnGenericOptions',
]);
/** ALTER TABLE / INDEX / SEQUENCE / VIEW: the relation exists, then each sub-command in order. */
function replayAlterTable(r, n) {
    const look = r.lookupRangeVar(n.relation);
    if (!look.relation || !look.key) {
        if (look.isKnownMissing && !n.missing_ok)
            r.reportMissing(OBJECT_WORDS[n.objtype] ?? 'relation', displayParts(look.parts), {}, look.key ? [look.key] : undefined);
        return;
    }
    for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd;
        if (cmd)
            replayAlterCmd(r, look.relation, look.key, cmd);
    }
}
/** One ALTER TABLE sub-command. */
function replayAlterCmd(r, relation, key, cmd) {
    const name = cmd.name;
    if (COLUMN_COMMANDS.has(cmd.subtype)) {
        requireColumn(r, relation, key, name);
        return;
    }
    switch (cmd.subtype) {
        case 'AT_AddColumn':
        case 'AT_AddColumnToView': {
            const def = cmd.def?.ColumnDef;
            if (!def)
                return;
            if (relation.columns.has(def.colname)) {
                if (!cmd.missing_ok)
                    r.reportExists('column', `"${def.colname}" of ${relation.kind} ${displayKey(key)}`, { table: key, column: def.colname, type: relation.columns.get(def.colname).type.display });
                return;
            }
            addColumnDef(r, relation, key, def);
            // Children and partitions get the column too (ALTER TABLE ONLY is refused for ADD COLUMN on them).
            const added = relation.columns.get(def.colname);
            for (const child of descendantsOf(r.model, key))
                if (added && !child.columns.has(def.colname))
                    r.addColumn(child, { ...added });
            return;
        }
        case 'AT_DropColumn':
            dropColumn(r, relation, key, name, cmd);
            return;
        case 'AT_AlterColumnType':
            alterColumnType(r, relation, key, name, cmd.def?.ColumnDef ?? {});
            return;
        case 'AT_SetNotNull':
        case 'AT_DropNotNull': {
            if (!requireColumn(r, relation, key, name))
                return;
            const column = relation.columns.get(name);
            if (column)
                relation.columns.set(name, { ...column, isNotNull: cmd.subtype === 'AT_SetNotNull' });
            return;
        }
        case 'AT_AddConstraint':
            if (cmd.def?.Constraint)
                addConstraint(r, relation, key, cmd.def.Constraint);
            return;
        case 'AT_DropConstraint':
            dropConstraint(r, relation, key, name, cmd);
            return;
        case 'AT_ValidateConstraint':
        case 'AT_AlterConstraint': {
            const constraintName = name ?? cmd.def?.ATAlterConstraint?.conname ?? cmd.def?.Constraint?.conname;
            if (constraintName && !relation.isOpaque && !relation.constraints.has(constraintName)) {
                r.reportMissing('constraint', `"${constraintName}" of table ${displayKey(key)}`, { table: key }, [key]);
            }
            return;
        }
        case 'AT_ReplicaIdentity': {
            const def = cmd.def?.ReplicaIdentityStmt;
            if (def?.identity_type === 'i' && def.name)
                requireIndexOf(r, relation, key, def.name, 'as the replica identity');
            return;
        }
        case 'AT_ClusterOn':
            if (name)
                requireIndexOf(r, relation, key, name, 'to cluster on');
            return;
        case 'AT_AttachPartition':
        case 'AT_DetachPartition':
            requireRelation(r, cmd.def?.PartitionCmd?.name);
            return;
        case 'AT_AddInherit':
        case 'AT_DropInherit':
            requireRelation(r, cmd.def?.RangeVar ?? cmd.def);
            return;
        default:
            return;
    }
}
/** DROP COLUMN: the column exists and no view or foreign key elsewhere depends on it (unless CASCADE). */
function dropColumn(r, relation, key, name, cmd) {
    if (!requireColumn(r, relation, key, name, Boolean(cmd.missing_ok)))
        return;
    const isCascade = cmd.behavior === 'DROP_CASCADE';
    const views = relation.dependents.filter((d) => d.columns.includes(name));
    const foreignKeys = [...r.allConstraints()].filter((c) => c.type === 'f' && c.refTable === key && c.table !== key && (c.refColumns ?? []).includes(name));
    if (!isCascade && (views.length > 0 || foreignKeys.length > 0)) {
        const users = [...views.map((v) => `${v.kind} ${displayKey(v.name)}`), ...foreignKeys.map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`)];
        r.report('dependents', `column "${name}" of ${displayKey(key)} is used by ${users.join(', ')}`, {
            mitigation: 'Drop or change the dependent objects earlier in the migration (and re-create them after), or add CASCADE if dropping them is intended.',
            evidence: { table: key, column: name, dependents: users },
            tables: [key],
        });
        return;
    }
    relation.columns.delete(name);
    for (const child of descendantsOf(r.model, key))
        child.columns.delete(name);
    // Indexes and constraints on the column go with it.
    for (const [k, rel] of r.model.relations)
        if (rel.index?.table === key && rel.index.columns.includes(name))
            r.model.relations.delete(k);
    for (const [cname, c] of relation.constraints)
        if (c.columns.includes(name))
            relation.constraints.delete(cname);
}
/** ALTER COLUMN TYPE: the column exists, no view uses it; the type change is kept for the cast lookup. */
function alterColumnType(r, relation, key, name, def) {
    if (!requireColumn(r, relation, key, name))
        return;
    const type = r.lookupType(def.typeName);
    if (!type.ref) {
        if (type.isKnownMissing)
            r.reportMissing('type', type.written, { column: name }, [key]);
        return;
    }
    const views = relation.dependents.filter((d) => d.columns.includes(name));
    if (views.length > 0) {
        const names = views.map((v) => `${v.kind} ${displayKey(v.name)}`);
        r.report('dependents', `column "${name}" of ${displayKey(key)} is used by ${names.join(', ')}, and PostgreSQL cannot change the type of a column a view or rule uses`, {
            mitigation: 'Drop the dependent views before the type change and re-create them after it, in the same migration.',
            evidence: { table: key, column: name, dependents: names },
            tables: [key],
        });
        return;
    }
    const column = relation.columns.get(name);
    if (!column)
        return;
    r.typeChanges.push({ at: r.at, table: key, column: name, from: column.type, to: type.ref, hasUsing: Boolean(def.raw_default) });
    for (const target of [relation, ...descendantsOf(r.model, key)]) {
        const c = target.columns.get(name);
        if (c)
            target.columns.set(name, { ...c, type: type.ref });
    }
}
/** DROP CONSTRAINT: it exists; a key other tables reference needs CASCADE. */
function dropConstraint(r, relation, key, name, cmd) {
    const constraint = relation.constraints.get(name);
    if (!constraint) {
        if (!relation.isOpaque && !cmd.missing_ok)
            r.reportMissing('constraint', `"${name}" of table ${displayKey(key)}`, { table: key }, [key]);
        return;
    }
    if (constraint.type === 'p' || constraint.type === 'u') {
        const wanted = [...constraint.columns].sort().join('\u0000');
        const users = [...r.allConstraints()].filter((c) => c.type === 'f' && c.refTable === key && [...(c.refColumns ?? [])].sort().join('\u0000') === wanted && c !== constraint);
        if (users.length > 0 && cmd.behavior !== 'DROP_CASCADE') {
            r.report('dependents', `constraint ${name} of ${displayKey(key)} is referenced by ${users.map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`).join(', ')}`, {
                mitigation: 'Drop the foreign keys first (and re-create them against the new key), or add CASCADE if dropping them is intended.',
                evidence: { table: key, constraint: name, foreignKeys: users.map((c) => `${c.table}.${c.name}`) },
                tables: [key],
            });
            return;
        }
    }
    relation.constraints.delete(name);
    if (constraint.index)
        r.model.relations.delete(constraint.index);
}
/** An index named in an ALTER TABLE that must exist on this table and be valid. */
function requireIndexOf(r, relation, key, name, purpose) {
    const indexKey = keyOf(relation.schema, name);
    const index = r.model.relations.get(indexKey);
    if (!index?.index) {
        if (r.isRelationSearched(relation.schema, name))
            r.reportMissing('index', displayKey(indexKey), { table: key }, [key]);
        return;
    }
    if (!index.index.isValid)
        reportInvalidIndex(r, indexKey, key, purpose, 'error');
}
/** CREATE INDEX: the table and columns exist and the name is free. */
function replayCreateIndex(r, n) {
    const found = requireRelation(r, n.relation);
    if (!found)
        return;
    const { key, relation } = found;
    const columns = (n.indexParams ?? []).map((p) => p.IndexElem?.name ?? null);
    const includes = (n.indexIncludingParams ?? []).map((p) => p.IndexElem?.name).filter(Boolean);
    for (const col of [...columns, ...includes])
        if (col && !requireColumn(r, relation, key, col))
            return;
    const base = `${relation.name}_${columns.map((c) => c ?? 'expr').join('_')}_${n.unique ? 'key' : 'idx'}`;
    const name = n.idxname ?? chooseName(r, relation.schema, base);
    const indexKey = keyOf(relation.schema, name);
    const clash = r.model.relations.get(indexKey);
    if (clash) {
        if (!n.if_not_exists) {
            const detail = clash.index && !clash.index.isValid ? ' (an invalid index left by a failed CREATE INDEX CONCURRENTLY: drop it first)' : '';
            r.reportExists(clash.kind, `${displayKey(indexKey)}${detail}`, { kind: clash.kind, valid: clash.index?.isValid ?? null });
        }
        else if (clash.index && !clash.index.isValid) {
            // IF NOT EXISTS keeps the broken index and carries on as if the build had worked.
            r.report('invalid-index', `index ${displayKey(indexKey)} already exists but is invalid (indisvalid = false, a failed CREATE INDEX CONCURRENTLY), so IF NOT EXISTS skips the build and the migration succeeds without a usable index`, {
                mitigation: `Drop the invalid index first (DROP INDEX CONCURRENTLY IF EXISTS ${displayKey(indexKey)}), fix what made the build fail (duplicates for a unique index), then build it again.`,
                evidence: { index: indexKey, table: key, valid: false, definition: clash.index.definition ?? null },
                isFailure: false,
                tables: [key],
            });
        }
        return;
    }
    addIndexRelation(r, indexKey, { table: key, columns, isUnique: Boolean(n.unique), isPrimary: false, isValid: true, isImmediate: true, isPartial: Boolean(n.whereClause) });
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/replay-objects.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of DROP, RENAME, types, schemas, extensions, sequences, views, comments and the
 * statements that only need their objects to exist (DML, REINDEX, GRANT...).
 */





/** Relation kinds each DROP object type accepts. */
const DROP_KINDS = {
    OBJECT_TABLE: ['table', 'partitioned table'],
    OBJECT_VIEW: ['view'],
    OBJECT_MATVIEW: ['materialized view'],
    OBJECT_INDEX: ['index', 'partitioned index'],
    OBJECT_SEQUENCE: ['sequence'],
    OBJECT_FOREIGN_TABLE: ['foreign table'],
};
/** DROP: each object exists, has the kind the statement names, and nothing depends on it (unless CASCADE). */
function replayDrop(r, n) {
    const type = n.removeType;
    const objects = (n.objects ?? []).map(schema_model_names/* objectParts */.iO);
    if (schema_model_names/* RELATION_OBJECTS */.Mk.has(type))
        return dropRelations(r, n, objects);
    for (const parts of objects) {
        if (type === 'OBJECT_TYPE' || type === 'OBJECT_DOMAIN')
            dropType(r, n, parts);
        else if (type === 'OBJECT_SCHEMA')
            dropSchema(r, n, parts[0]);
        else if (type === 'OBJECT_EXTENSION') {
            if (!r.model.extensions.has(parts[0]) && !n.missing_ok)
                r.reportMissing('extension', parts[0]);
            r.model.extensions.delete(parts[0]);
        }
        else if (schema_model_names/* ON_TABLE_OBJECTS */.Ow.has(type)) {
            const look = r.lookupRelation(parts.slice(0, -1));
            if (!look.relation && look.isKnownMissing && !n.missing_ok)
                r.reportMissing('table', displayParts(parts.slice(0, -1)));
        }
    }
}
/** DROP TABLE / VIEW / INDEX / SEQUENCE. */
function dropRelations(r, n, objects) {
    const word = OBJECT_WORDS[n.removeType] ?? 'relation';
    const found = [];
    for (const parts of objects) {
        const look = r.lookupRelation(parts);
        if (!look.relation || !look.key) {
            if (look.isKnownMissing && !n.missing_ok)
                r.reportMissing(word, displayParts(parts));
            continue;
        }
        if (!DROP_KINDS[n.removeType].includes(look.relation.kind)) {
            r.report('missing', `${displayKey(look.key)} is a ${look.relation.kind}, not a ${word}`, {
                mitigation: `Use DROP ${look.relation.kind.replace('partitioned ', '').toUpperCase()} for it, or check the name.`,
                evidence: { name: look.key, kind: look.relation.kind },
            });
            continue;
        }
        found.push({ key: look.key, relation: look.relation });
    }
    const dropping = new Set(found.map((f) => f.key));
    for (const { key, relation } of found) {
        if (!isDropAllowed(r, key, relation, dropping, n.behavior === 'DROP_CASCADE'))
            continue;
        r.dropRelation(key);
    }
}
/** Reports what blocks dropping a relation: views, foreign keys, or a constraint that owns the index. */
function isDropAllowed(r, key, relation, dropping, isCascade) {
    if (relation.index) {
        const owner = [...r.allConstraints()].find((c) => c.index === key);
        if (owner) {
            r.report('dependents', `index ${displayKey(key)} belongs to constraint ${owner.name} on ${displayKey(owner.table)}`, {
                mitigation: `Drop the constraint instead: ALTER TABLE ${displayKey(owner.table)} DROP CONSTRAINT ${displayIdent(owner.name)}.`,
                evidence: { index: key, constraint: owner.name, table: owner.table },
                tables: [owner.table],
            });
            return false;
        }
        return true;
    }
    if (isCascade)
        return true;
    const users = [
        ...relation.dependents.filter((d) => !dropping.has(d.name)).map((d) => `${d.kind} ${displayKey(d.name)}`),
        ...[...r.allConstraints()]
            .filter((c) => c.type === 'f' && c.refTable === key && c.table !== key && !dropping.has(c.table))
            .map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`),
    ];
    if (users.length === 0)
        return true;
    r.report('dependents', `${displayKey(key)} is used by ${users.join(', ')}`, {
        mitigation: 'Drop or re-point the dependent objects earlier in the migration, or add CASCADE if dropping them too is intended.',
        evidence: { name: key, dependents: users },
        tables: [key],
    });
    return false;
}
/** Finds a user-defined type by its name parts through the simulated search path. */
function lookupUserType(r, parts) {
    const name = parts.at(-1);
    if (parts.length > 1) {
        const key = keyOf(parts[parts.length - 2], name);
        const info = r.model.types.get(key);
        return { key, ...(info ? { info } : {}), isKnownMissing: !info && (r.model.isComplete || r.model.resolvedTypes.has(quotedKey(parts.slice(-2)))) };
    }
    for (const schema of r.effectivePath()) {
        const info = r.model.types.get(keyOf(schema, name));
        if (info)
            return { key: keyOf(schema, name), info, isKnownMissing: false };
    }
    return { isKnownMissing: r.model.isComplete || r.model.resolvedTypes.has(quotedKey(parts)) };
}
/** DROP TYPE / DOMAIN: it exists, is not a table's row type, and no known column uses it. */
function dropType(r, n, parts) {
    const look = lookupUserType(r, parts);
    if (!look.info || !look.key) {
        if (look.isKnownMissing && !n.missing_ok)
            r.reportMissing(n.removeType === 'OBJECT_DOMAIN' ? 'domain' : 'type', displayParts(parts));
        return;
    }
    const { key, info } = look;
    if (info.relationKind && info.relationKind !== 'composite type') {
        r.report('missing', `${displayKey(key)} is the row type of ${info.relationKind} ${displayKey(key)}`, {
            mitigation: `Use DROP ${info.relationKind.toUpperCase()} to drop it.`,
            evidence: { type: key, relationKind: info.relationKind },
        });
        return;
    }
    const users = [];
    for (const [relKey, relation] of r.model.relations) {
        for (const column of relation.columns.values()) {
            const isUse = (info.oid !== undefined && column.type.oid === info.oid) || column.type.createdKey === key;
            if (isUse)
                users.push(`column ${displayKey(relKey)}.${column.name}`);
        }
    }
    if (users.length > 0 && n.behavior !== 'DROP_CASCADE') {
        r.report('dependents', `type ${displayKey(key)} is used by ${users.join(', ')}`, {
            mitigation: 'Change or drop those columns earlier in the migration, or add CASCADE if dropping them is intended.',
            evidence: { type: key, dependents: users },
            tables: users.map((u) => u.replace(/^column /, '').replace(/\.[^.]+$/, '')),
        });
        return;
    }
    r.model.types.delete(key);
    if (info.relationKind === 'composite type')
        r.model.relations.delete(key);
}
/** DROP SCHEMA: it exists; objects the model knows in it need CASCADE. */
function dropSchema(r, n, schema) {
    const state = r.schemaState(schema);
    if (state === 'no') {
        if (!n.missing_ok)
            r.reportMissing('schema', displayIdent(schema));
        return;
    }
    const inside = [...r.model.relations.keys(), ...r.model.types.keys()].filter((k) => splitKey(k).schema === schema);
    if (inside.length > 0 && n.behavior !== 'DROP_CASCADE') {
        r.report('dependents', `schema ${displayIdent(schema)} is not empty (it holds ${[...new Set(inside)].slice(0, 5).map(displayKey).join(', ')}${inside.length > 5 ? ', ...' : ''})`, {
            mitigation: 'Drop its objects earlier in the migration, or add CASCADE if dropping them is intended.',
            evidence: { schema, objects: [...new Set(inside)] },
        });
        return;
    }
    r.model.schemas.delete(schema);
    for (const k of [...r.model.relations.keys()])
        if (splitKey(k).schema === schema)
            r.model.relations.delete(k);
    for (const k of [...r.model.types.keys()])
        if (splitKey(k).schema === schema)
            r.model.types.delete(k);
}
/** Renames a relation's key and every reference to it (indexes, constraints, row type). */
function rekeyRelation(r, oldKey, newKey) {
    const relation = r.model.relations.get(oldKey);
    if (!relation)
        return;
    const { schema, name } = splitKey(newKey);
    r.model.relations.delete(oldKey);
    r.model.relations.set(newKey, relation.schema === schema ? Object.assign(relation, { name }) : { ...relation, schema, name });
    const rowType = r.model.types.get(oldKey);
    if (rowType?.relationKind) {
        r.model.types.delete(oldKey);
        r.model.types.set(newKey, { ...rowType, schema, name });
    }
    for (const rel of r.model.relations.values()) {
        if (rel.index?.table === oldKey)
            rel.index = { ...rel.index, table: newKey };
        for (const c of rel.constraints.values()) {
            if (c.table === oldKey)
                c.table = newKey;
            if (c.refTable === oldKey)
                c.refTable = newKey;
            if (c.index === oldKey)
                c.index = newKey;
        }
    }
}
/** ALTER ... RENAME: the object exists and the new name is free. */
function replayRename(r, n) {
    switch (n.renameType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
        case 'OBJECT_INDEX':
        case 'OBJECT_SEQUENCE':
        case 'OBJECT_FOREIGN_TABLE': {
            const found = requireRelation(r, n.relation, OBJECT_WORDS[n.renameType], Boolean(n.missing_ok));
            if (!found)
                return;
            const newKey = keyOf(found.relation.schema, n.newname);
            const clash = r.model.relations.get(newKey);
            if (clash)
                return r.reportExists(clash.kind, displayKey(newKey), { kind: clash.kind });
            if (r.model.types.has(newKey) && r.model.types.has(found.key))
                return r.reportExists('type', displayKey(newKey), {}, 'A type of that name exists, and the renamed relation needs its row type name: choose another name.');
            rekeyRelation(r, found.key, newKey);
            return;
        }
        case 'OBJECT_COLUMN':
            return renameColumn(r, n);
        case 'OBJECT_TABCONSTRAINT':
            return renameConstraint(r, n);
        case 'OBJECT_SCHEMA':
            return renameSchema(r, n.subname, n.newname);
        case 'OBJECT_TYPE':
        case 'OBJECT_DOMAIN': {
            const parts = (0,schema_model_names/* objectParts */.iO)(n.object);
            const look = lookupUserType(r, parts);
            if (!look.info || !look.key) {
                if (look.isKnownMissing && !n.missing_ok)
                    r.reportMissing('type', displayParts(parts));
                return;
            }
            const newKey = keyOf(look.info.schema, n.newname);
            if (r.model.types.has(newKey))
                return r.reportExists('type', displayKey(newKey));
            r.model.types.delete(look.key);
            r.model.types.set(newKey, { ...look.info, name: n.newname });
            return;
        }
        case 'OBJECT_TRIGGER':
        case 'OBJECT_POLICY':
        case 'OBJECT_RULE':
            requireRelation(r, n.relation, 'table', Boolean(n.missing_ok));
            return;
        default:
            return;
    }
}
/** RENAME COLUMN: keeps column order and updates indexes and constraints that name it. */
function renameColumn(r, n) {
    const found = requireRelation(r, n.relation, OBJECT_WORDS[n.relationType] ?? 'table', Boolean(n.missing_ok));
    if (!found)
        return;
    const { key, relation } = found;
    if (!requireColumn(r, relation, key, n.subname))
        return;
    if (relation.columns.has(n.newname))
        return r.reportExists('column', `"${n.newname}" of ${relation.kind} ${displayKey(key)}`, { table: key });
    if (relation.isOpaque)
        return;
    const entries = [...relation.columns.entries()].map(([k, c]) => (k === n.subname ? [n.newname, { ...c, name: n.newname }] : [k, c]));
    relation.columns.clear();
    for (const [k, c] of entries)
        relation.columns.set(k, c);
    const swap = (cols) => cols.map((c) => (c === n.subname ? n.newname : c));
    for (const rel of r.model.relations.values()) {
        if (rel.index?.table === key)
            rel.index = { ...rel.index, columns: rel.index.columns.map((c) => (c === n.subname ? n.newname : c)) };
        for (const [cname, c] of rel.constraints) {
            if (c.table === key)
                rel.constraints.set(cname, { ...c, columns: swap(c.columns) });
            if (c.refTable === key && c.refColumns)
                rel.constraints.set(cname, { ...rel.constraints.get(cname), refColumns: swap(c.refColumns) });
        }
    }
}
/** RENAME CONSTRAINT: an index-backed constraint renames its index too. */
function renameConstraint(r, n) {
    const found = requireRelation(r, n.relation, 'table', Boolean(n.missing_ok));
    if (!found || found.relation.isOpaque)
        return;
    const { key, relation } = found;
    const constraint = relation.constraints.get(n.subname);
    if (!constraint)
        return r.reportMissing('constraint', `"${n.subname}" of table ${displayKey(key)}`, { table: key }, [key]);
    if (relation.constraints.has(n.newname))
        return r.reportExists('constraint', `"${n.newname}" on table ${displayKey(key)}`, { table: key });
    if (constraint.index) {
        const newIndexKey = keyOf(relation.schema, n.newname);
        if (r.model.relations.has(newIndexKey))
            return r.reportExists('relation', displayKey(newIndexKey), {}, 'Renaming the constraint renames its index, and that name is taken: choose another name.');
        rekeyRelation(r, constraint.index, newIndexKey);
    }
    relation.constraints.delete(n.subname);
    relation.constraints.set(n.newname, { ...constraint, name: n.newname, ...(constraint.index ? { index: keyOf(relation.schema, n.newname) } : {}) });
}
/** ALTER SCHEMA RENAME: moves every object the model knows in it. */
function renameSchema(r, from, to) {
    if (r.schemaState(from) === 'no')
        return r.reportMissing('schema', displayIdent(from));
    if (r.schemaState(to) === 'yes')
        return r.reportExists('schema', displayIdent(to));
    r.model.schemas.delete(from);
    r.model.schemas.add(to);
    for (const key of [...r.model.relations.keys()])
        if (splitKey(key).schema === from)
            rekeyRelation(r, key, keyOf(to, splitKey(key).name));
    for (const [key, info] of [...r.model.types]) {
        if (splitKey(key).schema !== from)
            continue;
        r.model.types.delete(key);
        r.model.types.set(keyOf(to, info.name), { ...info, schema: to });
    }
}
/** CREATE TYPE AS ENUM / CREATE DOMAIN / CREATE TYPE AS RANGE: the name is free in the type namespace. */
function replayCreateType(r, parts, typtype, labels = [], baseNode) {
    const key = r.creationKey(parts, 'type');
    if (!key)
        return;
    const existing = r.model.types.get(key);
    if (existing) {
        const what = existing.relationKind && existing.relationKind !== 'composite type' ? `type ${displayKey(key)} (the row type of ${existing.relationKind} ${displayKey(key)})` : displayKey(key);
        return r.reportExists('type', what, { typtype: existing.typtype });
    }
    let category = typtype === 'e' ? 'E' : typtype === 'r' ? 'R' : 'U';
    if (baseNode) {
        const base = r.lookupType(baseNode);
        if (!base.ref && base.isKnownMissing)
            r.reportMissing('type', base.written);
        category = base.ref?.category ?? category;
    }
    const { schema, name } = splitKey(key);
    r.model.types.set(key, { schema, name, typtype, display: displayKey(key), category, labels, origin: 'migration' });
}
/** CREATE TYPE AS (...): a composite type is a relation too. */
function replayCreateComposite(r, n) {
    const key = r.creationKey(rangeVarParts(n.typevar), 'type');
    if (!key)
        return;
    const clash = r.model.types.get(key) ?? r.model.relations.get(key);
    if (clash)
        return r.reportExists('type', displayKey(key));
    const relation = r.addRelation(key, 'composite type');
    for (const def of n.coldeflist ?? []) {
        const c = def.ColumnDef;
        if (!c)
            continue;
        const type = r.lookupType(c.typeName);
        if (!type.ref && type.isKnownMissing)
            r.reportMissing('type', type.written);
        r.addColumn(relation, { name: c.colname, type: type.ref ?? { display: type.written }, isNotNull: false });
    }
}
/** ALTER TYPE ... ADD VALUE / RENAME VALUE: the enum and the labels it names. */
function replayAlterEnum(r, n) {
    const parts = (0,schema_model_names/* stringsOf */.iw)(n.typeName);
    const look = lookupUserType(r, parts);
    if (!look.info || !look.key) {
        if (look.isKnownMissing)
            r.reportMissing('type', displayParts(parts));
        return;
    }
    const { key, info } = look;
    if (info.typtype !== 'e')
        return r.report('missing', `${displayKey(key)} is not an enum`, { mitigation: 'Check the type name.', evidence: { type: key, typtype: info.typtype } });
    const labels = info.labels;
    const label = (v) => `"${v}" of enum ${displayKey(key)}`;
    if (n.oldVal) {
        if (!labels.includes(n.oldVal))
            return r.reportMissing('enum label', label(n.oldVal), { labels });
        if (labels.includes(n.newVal))
            return r.reportExists('enum label', label(n.newVal), { labels });
        labels.splice(labels.indexOf(n.oldVal), 1, n.newVal);
        return;
    }
    if (labels.includes(n.newVal)) {
        if (!n.skipIfNewValExists)
            r.reportExists('enum label', label(n.newVal), { labels }, 'The value is already there: write ADD VALUE IF NOT EXISTS, or remove the statement.');
        return;
    }
    if (n.newValNeighbor && !labels.includes(n.newValNeighbor))
        return r.reportMissing('enum label', label(n.newValNeighbor), { labels });
    const at = n.newValNeighbor ? labels.indexOf(n.newValNeighbor) + (n.newValIsAfter ? 1 : 0) : labels.length;
    labels.splice(at, 0, n.newVal);
}
/**
 * CREATE EXTENSION: availability and "already installed" are the extensions-available check's
 * findings; here the model learns that the extension's types may now exist.
 */
function replayCreateExtension(r, n) {
    const name = n.extname;
    if (r.model.extensions.has(name))
        return;
    const schemaOption = (n.options ?? []).find((o) => o.DefElem?.defname === 'schema')?.DefElem?.arg?.String?.sval;
    if (schemaOption && r.schemaState(schemaOption) === 'no')
        r.reportMissing('schema', displayIdent(schemaOption));
    r.model.extensions.set(name, { name, version: 'new', schema: schemaOption ?? r.creationSchema() ?? 'public' });
    r.noteNewExtension();
}
/** CREATE SEQUENCE: the name is free. */
function replayCreateSequence(r, n) {
    const key = r.creationKey(rangeVarParts(n.sequence), 'sequence');
    if (!key)
        return;
    const clash = r.model.relations.get(key);
    if (clash) {
        if (!n.if_not_exists)
            r.reportExists(clash.kind, displayKey(key), { kind: clash.kind });
        return;
    }
    r.addRelation(key, 'sequence');
}
/** ALTER SEQUENCE: it exists, and so does an OWNED BY column. */
function replayAlterSequence(r, n) {
    requireRelation(r, n.sequence, 'sequence', Boolean(n.missing_ok));
    const owned = (n.options ?? []).find((o) => o.DefElem?.defname === 'owned_by')?.DefElem?.arg?.List?.items;
    const parts = (0,schema_model_names/* stringsOf */.iw)(owned);
    if (parts.length < 2)
        return;
    const look = r.lookupRelation(parts.slice(0, -1));
    if (look.relation && look.key)
        requireColumn(r, look.relation, look.key, parts.at(-1));
    else if (look.isKnownMissing)
        r.reportMissing('table', displayParts(parts.slice(0, -1)));
}
/** CREATE VIEW / CREATE TABLE AS / CREATE MATERIALIZED VIEW: name free; the new relation's columns are unknown. */
function replayCreateDerived(r, rangeVar, kind, options) {
    const key = r.creationKey(rangeVarParts(rangeVar), kind);
    if (!key)
        return;
    const clash = r.model.relations.get(key);
    if (clash) {
        if (options.replace && clash.kind === kind)
            return;
        if (!options.ifNotExists)
            r.reportExists(clash.kind, displayKey(key), { kind: clash.kind });
        return;
    }
    r.addRelation(key, kind, { isOpaque: true });
}
/** COMMENT ON: the object exists. */
function replayComment(r, n) {
    const parts = (0,schema_model_names/* objectParts */.iO)(n.object);
    if (n.objtype === 'OBJECT_COLUMN') {
        const look = r.lookupRelation(parts.slice(0, -1));
        if (look.relation && look.key)
            requireColumn(r, look.relation, look.key, parts.at(-1));
        else if (look.isKnownMissing)
            r.reportMissing('table', displayParts(parts.slice(0, -1)));
    }
    else if (schema_model_names/* RELATION_OBJECTS */.Mk.has(n.objtype)) {
        const look = r.lookupRelation(parts);
        if (!look.relation && look.isKnownMissing)
            r.reportMissing(OBJECT_WORDS[n.objtype] ?? 'relation', displayParts(parts));
    }
    else if (n.objtype === 'OBJECT_TYPE' || n.objtype === 'OBJECT_DOMAIN') {
        const look = lookupUserType(r, parts);
        if (!look.info && look.isKnownMissing)
            r.reportMissing('type', displayParts(parts));
    }
    else if (n.objtype === 'OBJECT_SCHEMA' && r.schemaState(parts[0]) === 'no') {
        r.reportMissing('schema', displayIdent(parts[0]));
    }
    else if (n.objtype === 'OBJECT_EXTENSION' && !r.model.extensions.has(parts[0])) {
        r.reportMissing('extension', parts[0]);
    }
}
/** INSERT: table and columns exist; ON CONFLICT needs a valid unique index on exactly its columns. */
function replayInsert(r, n) {
    const found = requireRelation(r, n.relation);
    if (!found)
        return;
    const { key, relation } = found;
    for (const col of n.cols ?? [])
        requireColumn(r, relation, key, col.ResTarget?.name);
    const infer = n.onConflictClause?.infer;
    if (!infer || relation.isOpaque)
        return;
    if (infer.conname) {
        if (!relation.constraints.has(infer.conname))
            r.reportMissing('constraint', `"${infer.conname}" of table ${displayKey(key)}`, { table: key }, [key]);
        return;
    }
    const elems = (infer.indexElems ?? []).map((e) => e.IndexElem);
    if (elems.length === 0 || infer.whereClause || elems.some((e) => !e?.name))
        return;
    const columns = elems.map((e) => e.name);
    if (!columns.every((c) => requireColumn(r, relation, key, c)))
        return;
    const { valid, invalid } = matchingUniqueIndexes(r, key, columns);
    if (valid.length > 0)
        return;
    if (invalid.length > 0)
        return reportInvalidIndex(r, keyOf(invalid[0].schema, invalid[0].name), key, `for ON CONFLICT (${columns.join(', ')})`, 'error');
    r.report('missing', `no unique index or constraint on ${displayKey(key)} (${columns.join(', ')}) matches the ON CONFLICT columns`, {
        mitigation: `Create a unique index on ${displayKey(key)} (${columns.join(', ')}) before this statement, or change the ON CONFLICT target.`,
        evidence: { table: key, columns },
        tables: [key],
    });
}
/** UPDATE: table and SET columns exist. */
function replayUpdate(r, n) {
    const found = requireRelation(r, n.relation);
    if (!found)
        return;
    for (const target of n.targetList ?? [])
        requireColumn(r, found.relation, found.key, target.ResTarget?.name);
}
/** REINDEX: the index or table exists; invalid indexes are rebuilt (or skipped, concurrently). */
function replayReindex(r, n) {
    const isConcurrent = (n.params ?? []).some((p) => p.DefElem?.defname === 'concurrently');
    if (n.kind === 'REINDEX_OBJECT_INDEX') {
        const found = requireRelation(r, n.relation, 'index');
        if (found?.relation.index && !found.relation.index.isValid) {
            r.report('invalid-index', `index ${displayKey(found.key)} is invalid (indisvalid = false, a failed CREATE INDEX CONCURRENTLY); REINDEX rebuilds it, and a unique index fails again while its duplicates remain`, {
                mitigation: `Remove the rows that broke the build first (for a unique index: SELECT the duplicated keys), then REINDEX INDEX CONCURRENTLY ${displayKey(found.key)}; a failed concurrent REINDEX leaves a *_ccnew index to drop.`,
                evidence: { index: found.key, table: found.relation.index.table, valid: false, concurrently: isConcurrent },
                severity: 'warning',
                isFailure: false,
                tables: [found.relation.index.table],
            });
        }
        return;
    }
    if (n.kind !== 'REINDEX_OBJECT_TABLE')
        return;
    const found = requireRelation(r, n.relation);
    if (!found)
        return;
    for (const rel of r.model.relations.values()) {
        if (rel.index?.table !== found.key || rel.index.isValid)
            continue;
        const indexKey = keyOf(rel.schema, rel.name);
        const reason = isConcurrent
            ? `invalid index ${displayKey(indexKey)} (a failed CREATE INDEX CONCURRENTLY) is skipped and stays invalid`
            : `invalid index ${displayKey(indexKey)} (a failed CREATE INDEX CONCURRENTLY) is rebuilt too, and a unique index fails again while its duplicates remain`;
        r.report('invalid-index', reason, {
            mitigation: `Deal with ${displayKey(indexKey)} on its own: fix the data that broke it and REINDEX INDEX CONCURRENTLY it, or DROP INDEX CONCURRENTLY it if it is not needed.`,
            evidence: { index: indexKey, table: found.key, valid: false, concurrently: isConcurrent },
            severity: 'warning',
            isFailure: false,
            tables: [found.key],
        });
    }
}
/** CLUSTER t USING i: the index exists and is valid. */
function replayCluster(r, n) {
    const found = requireRelation(r, n.relation);
    if (!found || !n.indexname)
        return;
    const indexKey = keyOf(found.relation.schema, n.indexname);
    const index = r.model.relations.get(indexKey);
    if (!index?.index) {
        if (r.isRelationSearched(found.relation.schema, n.indexname))
            r.reportMissing('index', displayKey(indexKey), {}, [found.key]);
        return;
    }
    if (!index.index.isValid)
        reportInvalidIndex(r, indexKey, found.key, 'to cluster on', 'error');
}
/** REFRESH MATERIALIZED VIEW CONCURRENTLY needs a valid unique index on plain columns. */
function replayRefresh(r, n) {
    const found = requireRelation(r, n.relation, 'materialized view');
    if (!found || !n.concurrent || found.relation.origin !== 'target')
        return;
    const uniques = [...r.model.relations.values()].filter((rel) => rel.index?.table === found.key && rel.index.isUnique && !rel.index.isPartial && !rel.index.columns.includes(null));
    if (uniques.some((u) => u.index.isValid))
        return;
    if (uniques.length > 0)
        return reportInvalidIndex(r, keyOf(uniques[0].schema, uniques[0].name), found.key, 'for REFRESH MATERIALIZED VIEW CONCURRENTLY', 'error');
    r.report('missing', `materialized view ${displayKey(found.key)} has no unique index on plain columns, which REFRESH ... CONCURRENTLY needs`, {
        mitigation: `Create a unique index on ${displayKey(found.key)} first, or refresh without CONCURRENTLY (which blocks reads).`,
        evidence: { view: found.key },
        tables: [found.key],
    });
}
/** GRANT / REVOKE on tables, sequences and schemas: they exist. */
function replayGrant(r, n) {
    if (n.targtype !== 'ACL_TARGET_OBJECT')
        return;
    if (n.objtype === 'OBJECT_TABLE' || n.objtype === 'OBJECT_SEQUENCE') {
        for (const object of n.objects ?? [])
            requireRelation(r, object.RangeVar, n.objtype === 'OBJECT_TABLE' ? 'table' : 'sequence');
    }
    else if (n.objtype === 'OBJECT_SCHEMA') {
        for (const schema of (0,schema_model_names/* stringsOf */.iw)(n.objects))
            if (r.schemaState(schema) === 'no')
                r.reportMissing('schema', displayIdent(schema));
    }
}
/** ALTER TABLE ... SET SCHEMA: the relation and the new schema exist; the relation moves with its indexes. */
function replaySetSchema(r, n) {
    if (!n.relation)
        return;
    const found = requireRelation(r, n.relation, OBJECT_WORDS[n.objectType] ?? 'table', Boolean(n.missing_ok));
    if (!found)
        return;
    if (r.schemaState(n.newschema) === 'no')
        return r.reportMissing('schema', displayIdent(n.newschema));
    const newKey = keyOf(n.newschema, found.relation.name);
    if (r.model.relations.has(newKey))
        return r.reportExists(r.model.relations.get(newKey).kind, displayKey(newKey));
    const indexes = [...r.model.relations.entries()].filter(([, rel]) => rel.index?.table === found.key).map(([k]) => k);
    rekeyRelation(r, found.key, newKey);
    for (const k of indexes)
        rekeyRelation(r, k, keyOf(n.newschema, splitKey(k).name));
}
/** SET search_path / RESET search_path. */
function replaySet(r, n) {
    if (n.name !== 'search_path')
        return;
    if (n.kind === 'VAR_SET_VALUE')
        r.setSearchPath((0,schema_model_names/* searchPathArgs */.pF)(n));
    else if (n.kind === 'VAR_SET_DEFAULT' || n.kind === 'VAR_RESET')
        r.setSearchPath(undefined);
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/simulate.ts





/** Replays the statements on `model` (which it changes) and returns the issues. */
function simulate(model, statements) {
    const r = new Replay(model);
    for (const ref of statements) {
        r.begin(ref);
        replayStatement(r, ref);
    }
    return { model, issues: r.issues, typeChanges: r.typeChanges, opaque: r.opaque };
}
/** Dispatches one statement to its handler; statements without one change nothing the model holds. */
function replayStatement(r, ref) {
    const n = ref.stmt.node;
    switch (ref.stmt.kind) {
        case 'CreateSchemaStmt':
            if (r.schemaState(n.schemaname) === 'yes') {
                if (!n.if_not_exists)
                    r.reportExists('schema', n.schemaname);
            }
            else if (n.schemaname)
                r.model.schemas.add(n.schemaname);
            return;
        case 'CreateStmt':
            return replayCreateTable(r, n);
        case 'AlterTableStmt':
            return replayAlterTable(r, n);
        case 'IndexStmt':
            return replayCreateIndex(r, n);
        case 'DropStmt':
            return replayDrop(r, n);
        case 'RenameStmt':
            return replayRename(r, n);
        case 'CreateEnumStmt':
            return replayCreateType(r, (0,schema_model_names/* stringsOf */.iw)(n.typeName), 'e', (0,schema_model_names/* stringsOf */.iw)(n.vals));
        case 'CreateDomainStmt':
            return replayCreateType(r, (0,schema_model_names/* stringsOf */.iw)(n.domainname), 'd', [], n.typeName);
        case 'CreateRangeStmt':
            return replayCreateType(r, (0,schema_model_names/* stringsOf */.iw)(n.typeName), 'r');
        case 'CompositeTypeStmt':
            return replayCreateComposite(r, n);
        case 'AlterEnumStmt':
            return replayAlterEnum(r, n);
        case 'CreateExtensionStmt':
            return replayCreateExtension(r, n);
        case 'AlterExtensionStmt':
            if (!r.model.extensions.has(n.extname))
                r.reportMissing('extension', n.extname);
            return;
        case 'CreateSeqStmt':
            return replayCreateSequence(r, n);
        case 'AlterSeqStmt':
            return replayAlterSequence(r, n);
        case 'ViewStmt':
            return replayCreateDerived(r, n.view, 'view', { replace: Boolean(n.replace) });
        case 'CreateTableAsStmt':
            return replayCreateDerived(r, n.into?.rel, n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', { ifNotExists: Boolean(n.if_not_exists) });
        case 'CommentStmt':
            return replayComment(r, n);
        case 'InsertStmt':
            return replayInsert(r, n);
        case 'UpdateStmt':
            return replayUpdate(r, n);
        case 'DeleteStmt':
        case 'MergeStmt':
        case 'CreateTrigStmt':
        case 'CreatePolicyStmt':
        case 'AlterPolicyStmt':
            requireRelation(r, n.relation ?? n.table);
            return;
        case 'TruncateStmt':
        case 'LockStmt':
            for (const rel of n.relations ?? [])
                requireRelation(r, rel.RangeVar);
            return;
        case 'VacuumStmt':
            for (const rel of n.rels ?? [])
                requireRelation(r, rel.VacuumRelation?.relation);
            return;
        case 'CopyStmt':
            if (n.relation)
                requireRelation(r, n.relation);
            return;
        case 'ReindexStmt':
            return replayReindex(r, n);
        case 'ClusterStmt':
            return replayCluster(r, n);
        case 'RefreshMatViewStmt':
            return replayRefresh(r, n);
        case 'GrantStmt':
            return replayGrant(r, n);
        case 'AlterObjectSchemaStmt':
            return replaySetSchema(r, n);
        case 'VariableSetStmt':
            return replaySet(r, n);
        case 'DoStmt':
        case 'CallStmt':
        case 'ExecuteStmt':
            r.opaque.push(ref);
            return;
        default:
            return;
    }
}

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/analyse.ts




const MEMO_KEY = 'postgres:schema-analysis';
/** The pending statements in the order the tool runs them. */
function pendingStatements(pending) {
    return pending.flatMap((file) => file.parsed.statements.map((stmt) => ({ file, stmt })));
}
/** A session that counts the queries run through it. */
function countingSession(db) {
    let count = 0;
    return {
        session: {
            dialect: db.dialect,
            query: (sql, params) => {
                count++;
                return db.query(sql, params);
            },
        },
        count: () => count,
    };
}
/** Runs (once per run) the schema analysis of the pending statements against the target. */
function analyseSchema(ctx) {
    return ctx.memo(MEMO_KEY, async () => {
        const started = performance.now();
        const statements = pendingStatements(ctx.pending);
        const counter = countingSession(ctx.db);
        const names = (0,schema_model_names/* collectNames */.Np)(statements.map((s) => s.stmt));
        const model = await loadSchemaModel(counter.session, { kind: 'names', names });
        const loaded = { relations: model.relations.size, types: model.types.size };
        const simulation = simulate(model, statements);
        const casts = await lookupCasts(counter.session, simulation.typeChanges);
        const order = new Map(statements.map((s, i) => [s.stmt, i]));
        const issues = [...simulation.issues, ...castIssues(casts)].sort((a, b) => (order.get(a.at.stmt) ?? 0) - (order.get(b.at.stmt) ?? 0));
        const durationMs = Math.round(performance.now() - started);
        ctx.log.log('info', `schema analysis: ${statements.length} statements replayed on ${loaded.relations} relations in ${durationMs} ms with ${counter.count()} catalog queries; ${issues.length} issues`);
        return { simulation, casts, issues, queries: counter.count(), durationMs, statements: statements.length, loaded };
    });
}

;// CONCATENATED MODULE: ./src/checks/live/support/schema-issues.ts

/** Runs the shared analysis and grades the issues of `kinds`. */
async function schemaIssuesOutcome(ctx, kinds, text) {
    if (ctx.pending.length === 0)
        return { status: 'pass', summary: 'No pending migrations to compare with the target.' };
    const analysis = await analyseSchema(ctx);
    const issues = analysis.issues.filter((i) => kinds.includes(i.kind));
    return gradeIssues(analysis, issues, text);
}
/** Findings at their statements; fail on any error, warn on warnings only. */
function gradeIssues(analysis, issues, text) {
    const evidence = {
        statements: analysis.statements,
        relationsLoaded: analysis.loaded.relations,
        catalogQueries: analysis.queries,
        analysisMs: analysis.durationMs,
        ...(analysis.simulation.opaque.length > 0 ? { opaqueStatements: analysis.simulation.opaque.map((o) => `${o.file.migration.path}:${o.stmt.line}`) } : {}),
    };
    if (issues.length === 0) {
        const note = analysis.simulation.opaque.length > 0 ? ` (not counting what ${analysis.simulation.opaque.length} DO block or procedure call${analysis.simulation.opaque.length === 1 ? '' : 's'} may change)` : '';
        return { status: 'pass', summary: `Checked ${analysis.statements} pending statements against the target: ${text.passed}${note}.`, evidence };
    }
    const findings = issues.map((i) => ({
        at: i.at,
        message: i.message,
        mitigation: i.mitigation,
        severity: i.severity,
        evidence: i.evidence,
        ...(i.tables ? { tables: i.tables } : {}),
    }));
    const errors = issues.filter((i) => i.severity === 'error').length;
    const first = issues.find((i) => i.severity === 'error') ?? issues[0];
    const where = `${first.at.file.migration.path}:${first.at.stmt.line}:${first.at.stmt.col}`;
    const summary = issues.length === 1
        ? `${where}: ${first.message}`
        : `${issues.length} problems (${errors} that make a statement fail); the first at ${where}: ${first.message}`;
    return { status: errors > 0 ? 'fail' : 'warn', summary, mitigation: text.mitigation, evidence: { ...evidence, problems: issues.length }, findings };
}

;// CONCATENATED MODULE: ./src/checks/live/column-limit.ts





/** Tables at this share of the limit get a warning: a few more migrations and ADD COLUMN fails. */
const NEAR_COLUMN_LIMIT = 0.9;
/**
 * A table has at most 1,600 columns, and dropped columns keep their attribute numbers
 * (pg_attribute.attisdropped) until the table is rebuilt, so a table that "has" 300 columns may
 * be near the limit. Counts, per table the pending statements touch, the attribute numbers used
 * after the migration. https://www.postgresql.org/docs/current/limits.html
 */
/* harmony default export */ const column_limit = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'column-limit',
    title: 'Tables stay under 1,600 columns',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        if (ctx.pending.length === 0)
            return engine_define/* outcome */.bu.pass('No pending migrations to check.');
        const analysis = await analyseSchema(ctx);
        const over = analysis.issues.filter((i) => i.kind === 'column-limit');
        const tables = [...analysis.simulation.model.relations.values()]
            .filter((r) => (r.kind === 'table' || r.kind === 'partitioned table') && !r.isOpaque)
            .map((r) => ({ table: keyOf(r.schema, r.name), attributeNumbers: r.attnums, columns: r.columns.size, dropped: r.attnums - r.columns.size }))
            .sort((a, b) => b.attributeNumbers - a.attributeNumbers);
        const evidence = { limit: MAX_COLUMNS, tables: tables.slice(0, 5) };
        if (over.length > 0) {
            return gradeIssues(analysis, over, {
                passed: '',
                mitigation: 'Rebuild the table to reclaim dropped columns\' attribute numbers (pg_repack, or a new table and a swap), or move columns to a side table.',
            });
        }
        const near = tables.filter((t) => t.attributeNumbers >= MAX_COLUMNS * NEAR_COLUMN_LIMIT);
        if (near.length > 0) {
            const t = near[0];
            return engine_define/* outcome */.bu.warn(`Table ${displayKey(t.table)} uses ${t.attributeNumbers} of ${MAX_COLUMNS} column numbers after the migration (${t.dropped} by dropped columns).`, 'Plan a table rebuild (pg_repack, or a new table and a swap) to reclaim the numbers of dropped columns before ADD COLUMN starts failing.', evidence);
        }
        const widest = tables[0];
        return engine_define/* outcome */.bu.pass(widest
            ? `The widest table the migration touches, ${displayKey(widest.table)}, uses ${widest.attributeNumbers} of ${MAX_COLUMNS} column numbers (${widest.dropped} by dropped columns).`
            : 'The pending statements touch no existing table.', evidence);
    },
}));

// EXTERNAL MODULE: ./src/dialects/postgres/lock-timeout.ts
var lock_timeout = __webpack_require__(87554);
;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/server-state.ts

/** Settings read for every run; add names here rather than querying elsewhere. */
const SERVER_SETTINGS = [
    'default_transaction_read_only',
    'idle_in_transaction_session_timeout',
    'lock_timeout',
    'max_prepared_transactions',
    'statement_timeout',
];
const STATE_SQL = `
SELECT pg_is_in_recovery() AS in_recovery,
  (SELECT json_object_agg(name, json_build_object('value', reset_val, 'unit', unit))
     FROM pg_settings WHERE name = ANY($1::text[])) AS settings,
  (SELECT coalesce(json_agg(cfg ORDER BY rank), '[]') FROM (
     SELECT unnest(s.setconfig) AS cfg,
            CASE WHEN s.setrole <> 0 AND s.setdatabase <> 0 THEN 1 WHEN s.setrole <> 0 THEN 2 ELSE 3 END AS rank
       FROM pg_db_role_setting s
      WHERE (s.setrole = 0 OR s.setrole = (SELECT oid FROM pg_roles WHERE rolname = $2))
        AND (s.setdatabase = 0 OR s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()))
        AND NOT (s.setrole = 0 AND s.setdatabase = 0)) d) AS role_defaults`;
/** The role the migration runs as: target.migrationRole, else the connecting user. */
function migrationRoleOf(ctx) {
    return ctx.target.migrationRole ?? ctx.server.currentUser;
}
/** Reads the server state once per run. */
function readServerState(ctx) {
    return ctx.memo('postgres:server-state', async () => {
        const role = migrationRoleOf(ctx);
        const rows = await ctx.db.query(STATE_SQL, [[...SERVER_SETTINGS], role]);
        const row = rows[0];
        const settings = {};
        for (const name of SERVER_SETTINGS)
            settings[name] = row.settings?.[name];
        return { isInRecovery: row.in_recovery, settings, roleDefaults: row.role_defaults, migrationRole: role };
    });
}
/**
 * The value the migration role's sessions start with: its most specific ALTER ROLE/DATABASE SET
 * default, else what a new session of the preflight login gets.
 */
function effectiveSetting(state, name) {
    const prefix = `${name}=`;
    const own = state.roleDefaults.find((cfg) => cfg.startsWith(prefix));
    if (own !== undefined)
        return { value: own.slice(prefix.length), unit: null, source: 'role' };
    const server = state.settings[name];
    return server ? { ...server, source: 'server' } : undefined;
}
/** A time setting in milliseconds: "0" -> 0, "5s" -> 5000, ("30", unit "s") -> 30000. */
function settingMs(setting) {
    return setting ? (0,lock_timeout/* parseDuration */.E9)(setting.value, setting.unit ?? 'ms') : undefined;
}

;// CONCATENATED MODULE: ./src/checks/live/connection-headroom.ts


/**
 * The migration needs a connection (two for CREATE INDEX CONCURRENTLY run by some tools), and
 * the application needs its own while the migration runs. Free slots are max_connections minus
 * the client backends in use minus the slots reserved for superusers (superuser_reserved_connections,
 * and reserved_connections on PostgreSQL 16+), bounded by the role's and the database's
 * CONNECTION LIMIT. https://www.postgresql.org/docs/current/runtime-config-connection.html
 */
/* harmony default export */ const connection_headroom = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'connection-headroom',
    title: 'Free connection slots for the migration',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        const role = migrationRoleOf(ctx);
        const [row] = await ctx.db.query(HEADROOM_SQL, [role]);
        const r = row;
        const reserved = r.is_superuser ? 0 : r.superuser_reserved + r.reserved;
        const limits = [{ name: `max_connections ${r.max_connections} - ${r.in_use} in use - ${reserved} reserved`, free: r.max_connections - r.in_use - reserved }];
        if (r.role_limit !== null && r.role_limit >= 0)
            limits.push({ name: `role ${role} CONNECTION LIMIT ${r.role_limit} - ${r.role_in_use} in use`, free: r.role_limit - r.role_in_use });
        if (r.db_limit >= 0)
            limits.push({ name: `database CONNECTION LIMIT ${r.db_limit} - ${r.db_in_use} in use`, free: r.db_limit - r.db_in_use });
        const tightest = limits.sort((a, b) => a.free - b.free)[0];
        const free = Math.max(0, tightest.free);
        const min = ctx.target.thresholds.minFreeConnections;
        const evidence = {
            migrationRole: role,
            maxConnections: r.max_connections,
            inUse: r.in_use,
            superuserReserved: r.superuser_reserved,
            reserved: r.reserved,
            roleIsSuperuser: r.is_superuser,
            roleConnectionLimit: r.role_limit,
            databaseConnectionLimit: r.db_limit,
            free,
            minFreeConnections: min,
            limitedBy: tightest.name,
        };
        const mitigation = 'Find idle or leaked sessions (pg_stat_activity state = \'idle\' for a long time), shrink the application pools during the migration, or raise the limit.';
        if (free < 1)
            return engine_define/* outcome */.bu.fail(`No connection slot is free for role ${role} (${tightest.name}): the migration could not connect.`, mitigation, evidence);
        if (free < min)
            return engine_define/* outcome */.bu.warn(`Only ${free} connection slot${free === 1 ? '' : 's'} free for role ${role} (${tightest.name}), fewer than ${min}: the migration may take the last ones the application needs.`, mitigation, evidence);
        return engine_define/* outcome */.bu.pass(`${free} connection slots free for role ${role} (${tightest.name}).`, evidence);
    },
}));
const HEADROOM_SQL = `
SELECT current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS superuser_reserved,
       coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend')::int AS in_use,
       coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = $1), false) AS is_superuser,
       (SELECT r.rolconnlimit FROM pg_catalog.pg_roles r WHERE r.rolname = $1) AS role_limit,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.usename = $1 AND a.backend_type = 'client backend')::int AS role_in_use,
       (SELECT d.datconnlimit FROM pg_catalog.pg_database d WHERE d.datname = current_database()) AS db_limit,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend')::int AS db_in_use`;

;// CONCATENATED MODULE: ./src/checks/live/connectivity.ts

/**
 * Connectivity is established by the engine before any check runs (a failure there becomes this
 * check's `fail` result with the classified cause); registered here so it has an id, a runbook
 * page and can be listed. When it runs, the session is already open.
 */
/* harmony default export */ const connectivity = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'connectivity',
    title: 'Connect to the target database',
    category: 'connectivity',
    severity: 'error',
    dialects: ['postgres', 'mysql'],
    async run(ctx) {
        return engine_define/* outcome */.bu.pass(`Connected to ${ctx.server.host}:${ctx.server.port}/${ctx.server.database} as ${ctx.server.currentUser}.`);
    },
}));

;// CONCATENATED MODULE: ./src/checks/live/support/history.ts
/**
 * Shared by the migration-state checks: the layout and history (or why they are missing), and
 * a report target at the top of a migration file, pending or not.
 */

/** The layout and history, or the outcome to return when the check cannot run. */
function historyOrSkip(ctx) {
    if (!ctx.layout)
        return { status: 'skip', summary: 'No migration layout: nothing to compare with the target.' };
    if (!ctx.layout.historyTable)
        return { status: 'skip', summary: `The ${ctx.layout.tool} layout keeps no history table (set migrations.historyTable), so nothing is known about what was applied.` };
    if (!ctx.history)
        return { status: 'skip', summary: `The history table ${ctx.layout.historyTable} could not be read (see migration-history).` };
    return { layout: ctx.layout, history: ctx.history };
}
/** True when `historyOrSkip` returned an outcome. */
function isOutcome(value) {
    return 'status' in value;
}
/** A report target at line 1, column 1 of a migration file. */
async function fileStart(ctx, migration) {
    const pending = ctx.pending.find((p) => p.migration.path === migration.path);
    if (pending)
        return { file: pending, line: 1, col: 1 };
    const parser = await (0,postgres_parser/* loadPostgresParser */.vF)();
    return { file: { migration, parsed: parser.parse(migration.sql) }, line: 1, col: 1 };
}
/** "V3 (add users)" or "20240101_x". */
function describeMigration(id, name) {
    return name && name !== id ? `${id} (${name})` : id;
}

;// CONCATENATED MODULE: ./src/checks/live/dirty-migrations.ts


/**
 * A migration the tool recorded as failed or unfinished (golang-migrate's dirty flag, Flyway's
 * success = false, a Prisma row never finished): the tool refuses to go on until someone checks
 * what the half-run migration left behind and repairs the history by hand.
 */
/* harmony default export */ const dirty_migrations = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'dirty-migrations',
    title: 'No failed or unfinished migrations in the history',
    category: 'migration-state',
    severity: 'error',
    async run(ctx) {
        const found = historyOrSkip(ctx);
        if (isOutcome(found))
            return found;
        const { layout, history } = found;
        if (!history.exists)
            return engine_define/* outcome */.bu.pass(`History table ${history.table} does not exist yet: nothing has run, nothing failed.`);
        // A failure the tool later re-ran successfully (Prisma keeps both rows) is resolved.
        const failed = history.applied.filter((row) => row.isFailed && !history.applied.some((r) => r.id === row.id && !r.isFailed));
        const evidence = { table: history.table, rows: history.applied.length, failed: failed.map((r) => ({ id: r.id, name: r.name ?? null, detail: r.detail ?? null, appliedAt: r.appliedAt ?? null })) };
        if (failed.length === 0)
            return engine_define/* outcome */.bu.pass(`No failed or unfinished migrations among ${history.applied.length} rows of ${history.table}.`, evidence);
        const findings = [];
        for (const row of failed) {
            const file = ctx.migrations.find((m) => m.id === row.id);
            findings.push({
                ...(file ? { at: await fileStart(ctx, file) } : {}),
                message: `${layout.tool} recorded migration ${describeMigration(row.id, row.name)} as failed or unfinished in ${history.table}${row.detail ? `: ${row.detail}` : ''}.`,
                mitigation: 'Check what the migration changed before it stopped (it may have run part-way outside a transaction), finish or undo that by hand, then repair the history with the tool before migrating again.',
                evidence: { id: row.id, table: history.table, ...(row.detail ? { detail: row.detail } : {}) },
            });
        }
        return {
            status: 'fail',
            summary: findings.length === 1 ? findings[0].message : `${findings.length} migrations are recorded as failed or unfinished in ${history.table}.`,
            mitigation: `Repair the database and the history (${layout.tool}) before running new migrations: ${layout.tool} will not continue past a failed one.`,
            evidence,
            findings,
        };
    },
}));

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/dialects/postgres/catalog/table-sizes.ts
var table_sizes = __webpack_require__(10944);
;// CONCATENATED MODULE: ./src/dialects/postgres/rebuilds.ts

/** Functions whose value differs per row, so a default that calls them fills every row (a rewrite). */
const VOLATILE_FUNCTIONS = new Set([
    'random',
    'gen_random_uuid',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'uuidv4',
    'uuidv7',
    'clock_timestamp',
    'timeofday',
    'nextval',
    'txid_current',
]);
/** True when an expression calls a volatile function. */
function isVolatile(node) {
    if (Array.isArray(node))
        return node.some(isVolatile);
    if (node === null || typeof node !== 'object')
        return false;
    const obj = node;
    const call = obj.FuncCall;
    if (call) {
        const name = (call.funcname ?? []).map((p) => p?.String?.sval).at(-1);
        if (VOLATILE_FUNCTIONS.has(name))
            return true;
    }
    return Object.values(obj).some(isVolatile);
}
/** True when a new column fills every existing row: volatile default, identity, serial or stored generated. */
function isFillingColumn(def) {
    const type = (def.typeName?.names ?? []).map((p) => p?.String?.sval).at(-1);
    if (['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8'].includes(type))
        return true;
    return (def.constraints ?? []).some((c) => {
        const k = c.Constraint;
        if (!k)
            return false;
        if (k.contype === 'CONSTR_IDENTITY' || k.contype === 'CONSTR_GENERATED')
            return true;
        return k.contype === 'CONSTR_DEFAULT' && isVolatile(k.raw_expr);
    });
}
/**
 * What one statement rebuilds. `isBinaryTypeChange(ref, column)` says whether a type change
 * keeps the stored bytes (from the target's pg_cast); without it every type change is a rewrite.
 */
function statementRebuilds(ref, isBinaryTypeChange = () => false) {
    const n = ref.stmt.node;
    const at = (table, kind, reason) => (table ? [{ ref, table, kind, reason }] : []);
    switch (ref.stmt.kind) {
        case 'IndexStmt':
            return at((0,postgres_locks/* relationName */.CJ)(n.relation), 'index', n.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX');
        case 'ReindexStmt':
            return n.kind === 'REINDEX_OBJECT_TABLE' ? at((0,postgres_locks/* relationName */.CJ)(n.relation), 'rewrite', 'REINDEX TABLE') : [];
        case 'ClusterStmt':
            return at((0,postgres_locks/* relationName */.CJ)(n.relation), 'rewrite', 'CLUSTER');
        case 'RefreshMatViewStmt':
            return at((0,postgres_locks/* relationName */.CJ)(n.relation), 'rewrite', 'REFRESH MATERIALIZED VIEW');
        case 'VacuumStmt': {
            const isFull = (n.options ?? []).some((o) => o.DefElem?.defname === 'full');
            return isFull ? (n.rels ?? []).flatMap((r) => at((0,postgres_locks/* relationName */.CJ)(r.VacuumRelation?.relation), 'rewrite', 'VACUUM FULL')) : [];
        }
        case 'AlterTableStmt': {
            if (n.objtype !== 'OBJECT_TABLE' && n.objtype !== 'OBJECT_MATVIEW')
                return [];
            const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
            const reasons = (n.cmds ?? []).flatMap((c) => alterCmdRebuild(ref, c.AlterTableCmd ?? {}, isBinaryTypeChange));
            // One ALTER TABLE rewrites the table once, whatever the number of sub-commands.
            const rewrite = reasons.find((r) => r.kind === 'rewrite');
            if (rewrite)
                return at(table, 'rewrite', rewrite.reason);
            return reasons.flatMap((r) => at(table, r.kind, r.reason));
        }
        default:
            return [];
    }
}
/** What one ALTER TABLE sub-command rebuilds. */
function alterCmdRebuild(ref, cmd, isBinary) {
    switch (cmd.subtype) {
        case 'AT_AlterColumnType':
            return isBinary(ref, cmd.name) ? [] : [{ kind: 'rewrite', reason: `ALTER COLUMN ${cmd.name} TYPE` }];
        case 'AT_AddColumn':
            return cmd.def?.ColumnDef && isFillingColumn(cmd.def.ColumnDef) ? [{ kind: 'rewrite', reason: `ADD COLUMN ${cmd.def.ColumnDef.colname} with a per-row value` }] : [];
        case 'AT_SetLogged':
        case 'AT_SetUnLogged':
        case 'AT_SetTableSpace':
        case 'AT_SetAccessMethod':
            return [{ kind: 'rewrite', reason: cmd.subtype.replace('AT_', '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase() }];
        case 'AT_AddConstraint': {
            const c = cmd.def?.Constraint;
            if (!c || c.indexname)
                return [];
            if (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_EXCLUSION') {
                return [{ kind: 'index', reason: `ADD ${c.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : c.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'EXCLUDE'} (builds its index)` }];
            }
            return [];
        }
        default:
            return [];
    }
}

// EXTERNAL MODULE: ./src/engine/units.ts
var units = __webpack_require__(2141);
;// CONCATENATED MODULE: ./src/checks/live/disk-space.ts








/** Below this many times the space needed, free space is tight enough to warn. */
const SPACE_MARGIN = 2;
/**
 * Statements that rewrite a table or build an index write a new copy next to the old one and
 * log it to WAL, so they need about the table's size (heap, TOAST and indexes) free, twice over.
 * A full disk stops the whole server, not just the migration. Free space is what the tool can
 * know: the quota (capacity.quotaBytes) minus pg_database_size, or the data directory's file
 * system (capacity.dataDirectory, when the server runs on this host).
 * https://www.postgresql.org/docs/current/disk-full.html
 */
/* harmony default export */ const disk_space = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'disk-space',
    title: 'Enough free disk space for rewrites and index builds',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        const rebuilds = await findRebuilds(ctx);
        const sizes = await (0,table_sizes/* readTableSizes */.BJ)(ctx);
        const needs = spaceNeeds(rebuilds, sizes);
        const required = needs.reduce((sum, n) => sum + n.requiredBytes, 0);
        const free = await freeSpace(ctx);
        const evidence = {
            requiredBytes: required,
            required: (0,units/* formatBytes */.z3)(required),
            freeBytes: free.bytes ?? null,
            free: free.bytes === undefined ? 'unknown' : (0,units/* formatBytes */.z3)(free.bytes),
            freeSource: free.source ?? null,
            ...free.details,
            tables: needs.map((n) => ({ table: n.table, totalBytes: n.totalBytes, requiredBytes: n.requiredBytes, statements: n.statements.length })),
        };
        if (needs.length === 0) {
            const known = free.bytes === undefined ? ` Free space is unknown: ${HOW_TO_CONFIGURE}` : ` ${(0,units/* formatBytes */.z3)(free.bytes)} free (${free.source}).`;
            return { status: 'pass', summary: `No pending statement rewrites an existing table or builds an index on one.${known}`, evidence };
        }
        const biggest = [...needs].sort((a, b) => b.requiredBytes - a.requiredBytes)[0];
        const what = `The migration rebuilds ${needs.length} table${needs.length === 1 ? '' : 's'} (largest ${biggest.table}, ${(0,units/* formatBytes */.z3)(biggest.totalBytes)}) and needs about ${(0,units/* formatBytes */.z3)(required)} free for the new copies and their WAL`;
        if (free.bytes === undefined) {
            return { status: 'warn', summary: `${what}; free space is unknown.`, mitigation: HOW_TO_CONFIGURE, evidence, findings: findingsFor(needs, undefined) };
        }
        if (free.bytes < required) {
            return {
                status: 'fail',
                summary: `${what}, but only ${(0,units/* formatBytes */.z3)(free.bytes)} is free (${free.source}).`,
                mitigation: 'Add storage before the migration (raise the volume or plan size), or rebuild one table at a time in separate deployments; a full disk stops every write on the server.',
                evidence,
                findings: findingsFor(needs, free.bytes),
            };
        }
        if (free.bytes < required * SPACE_MARGIN) {
            return {
                status: 'warn',
                summary: `${what}; ${(0,units/* formatBytes */.z3)(free.bytes)} is free (${free.source}), less than ${SPACE_MARGIN}x that.`,
                mitigation: 'Add storage or watch free space while the migration runs: WAL kept for replicas or a lagging archive grows on top of this estimate.',
                evidence,
                findings: findingsFor(needs, free.bytes),
            };
        }
        return { status: 'pass', summary: `${what}; ${(0,units/* formatBytes */.z3)(free.bytes)} is free (${free.source}).`, evidence };
    },
}));
const HOW_TO_CONFIGURE = 'set capacity.quotaBytes on the target to its storage size (the plan or volume size), or capacity.dataDirectory to the data directory when the server runs on this host.';
/** Rebuilding statements; type changes the target's pg_cast calls binary-coercible are not rewrites. */
async function findRebuilds(ctx) {
    const statements = pendingStatements(ctx.pending);
    const hasTypeChange = statements.some((s) => s.stmt.kind === 'AlterTableStmt' && (s.stmt.node.cmds ?? []).some((c) => c.AlterTableCmd?.subtype === 'AT_AlterColumnType'));
    const binary = new Set();
    if (hasTypeChange) {
        const analysis = await analyseSchema(ctx);
        for (const v of analysis.casts)
            if (v.isBinary)
                binary.add(typeChangeKey(v.change.at, v.change.column));
    }
    return statements.flatMap((ref) => statementRebuilds(ref, (r, column) => binary.has(typeChangeKey(r, column))));
}
/** Identity of a type change: the statement and the column. */
function typeChangeKey(ref, column) {
    return `${ref.file.migration.path}:${ref.stmt.index}:${column}`;
}
/**
 * Per existing table: its size once (a rewrite or index build needs about that much), plus as much
 * WAL. Grouped by the table found on the target, so "users" and "app.users" that a search_path
 * makes the same table count once.
 */
function spaceNeeds(rebuilds, sizes) {
    const byTable = new Map();
    for (const r of rebuilds) {
        const size = sizes.get((0,pending/* normaliseTable */.TA)(r.table));
        if (!size)
            continue; // created by the pending set: empty
        const entry = byTable.get(size.resolved) ?? { size, statements: [] };
        entry.statements.push(r);
        byTable.set(size.resolved, entry);
    }
    return [...byTable].map(([table, { size, statements }]) => ({ table, totalBytes: size.totalBytes, requiredBytes: size.totalBytes * 2, statements }));
}
/** A finding at each rebuilding statement, with the table's size. */
function findingsFor(needs, free) {
    return needs.flatMap((need) => need.statements.map((r) => ({
        at: r.ref,
        severity: free !== undefined && free < need.requiredBytes ? 'error' : 'warning',
        message: `${r.reason} writes a new copy of ${need.table} (${(0,units/* formatBytes */.z3)(need.totalBytes)} with indexes and TOAST) and about as much WAL: it needs about ${(0,units/* formatBytes */.z3)(need.requiredBytes)} free${free === undefined ? '' : `, ${(0,units/* formatBytes */.z3)(free)} is`}.`,
        mitigation: 'Make sure the volume has room for the new copy and its WAL before running it; the old copy is freed only when the transaction commits.',
        evidence: { table: need.table, totalBytes: need.totalBytes, requiredBytes: need.requiredBytes, ...(free !== undefined ? { freeBytes: free } : {}) },
        tables: [need.table],
    })));
}
/** Free space as far as the tool can know it; the smaller when both sources are configured. */
async function freeSpace(ctx) {
    const { quotaBytes, dataDirectory } = ctx.target.capacity;
    const candidates = [];
    const details = {};
    if (quotaBytes !== undefined) {
        const [row] = await ctx.db.query('SELECT pg_catalog.pg_database_size(pg_catalog.current_database())::text AS size');
        const used = Number(row.size);
        details.quotaBytes = quotaBytes;
        details.databaseBytes = used;
        candidates.push({ bytes: Math.max(0, quotaBytes - used), source: `quota ${(0,units/* formatBytes */.z3)(quotaBytes)} minus database size ${(0,units/* formatBytes */.z3)(used)}` });
    }
    if (dataDirectory !== undefined) {
        const path = (0,external_node_path_.isAbsolute)(dataDirectory) ? dataDirectory : (0,external_node_path_.resolve)(ctx.baseDir, dataDirectory);
        try {
            const fs = await (0,promises_.statfs)(path);
            const bytes = Number(fs.bavail) * Number(fs.bsize);
            details.dataDirectory = path;
            candidates.push({ bytes, source: `file system of ${path}` });
        }
        catch (error) {
            // Not on this host (the usual case for a remote server): say so instead of guessing.
            details.dataDirectory = `${path} (not readable here: ${error.code ?? 'error'})`;
        }
    }
    const smallest = candidates.sort((a, b) => a.bytes - b.bytes)[0];
    return smallest ? { ...smallest, details } : { details };
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./src/engine/version-range.ts
/**
 * A tiny version comparator for the constraints in config (`requires: { postgis: ">=3.3" }`) and
 * for runtime ranges (Node.js, the pg driver). Versions are dotted numbers with optional
 * suffixes ("3.3.2", "1.0", "3.4.0dev", "v20.19.1"); each part compares by its leading number,
 * missing parts count as 0. A range is space-separated comparators that must all hold
 * (">=3.3 <4"); a bare version means "=".
 */
const OPERATORS = ['>=', '<=', '>', '<', '='];
/** Thrown for a range that is not comparators separated by spaces. */
class VersionRangeError extends Error {
    constructor(range, part) {
        super(`"${range}" is not a version range: cannot read "${part}" (use e.g. ">=3.3", ">=3.3 <4", "=1.2.0")`);
        this.name = 'VersionRangeError';
    }
}
/** Numeric parts of a version: "v3.4.0dev" -> [3, 4, 0]. */
function versionParts(version) {
    return version
        .trim()
        .replace(/^v/i, '')
        .split(/[.\-+_]/)
        .map((part) => Number.parseInt(part, 10))
        .map((value) => (Number.isNaN(value) ? 0 : value));
}
/** Compares two versions numerically part by part: negative when a < b. */
function compareVersions(a, b) {
    const pa = versionParts(a);
    const pb = versionParts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** Parses ">=3.3 <4" into comparators; throws VersionRangeError on anything else. */
function parseRange(range) {
    const parts = range.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0)
        throw new VersionRangeError(range, range);
    return parts.map((part) => {
        const op = OPERATORS.find((o) => part.startsWith(o)) ?? '=';
        const version = part.slice(op === '=' && !part.startsWith('=') ? 0 : op.length);
        if (!/^v?\d+(\.\d+)*([.\-+_]?[0-9A-Za-z]*)*$/.test(version))
            throw new VersionRangeError(range, part);
        return { op, version };
    });
}
/** True when `version` satisfies every comparator of `range`. */
function satisfies(version, range) {
    return parseRange(range).every(({ op, version: bound }) => {
        const d = compareVersions(version, bound);
        switch (op) {
            case '>=':
                return d >= 0;
            case '<=':
                return d <= 0;
            case '>':
                return d > 0;
            case '<':
                return d < 0;
            case '=':
                return d === 0;
        }
    });
}

;// CONCATENATED MODULE: ./src/checks/live/driver-and-runtime.ts




/**
 * The Node.js runtime and the node-postgres driver the tool runs with. Node.js must match the
 * package's engines field; the driver should be the 8.x line the tool is tested with (it pins
 * 8.23.1; a different version comes from an npm override or a hand-edited lockfile).
 */
/** Same as package.json "engines". */
const SUPPORTED_NODE = '>=20.19';
/** The pinned driver and newer 8.x releases, which keep its API. */
const SUPPORTED_PG = '>=8.23.1 <9';
/** Reads the pg driver's version from its package.json next to this module; `load` is replaceable for tests. */
function readPgVersion(load = loadPgPackage) {
    try {
        const pkg = load();
        if (typeof pkg.version !== 'string')
            return { version: undefined, checked: `${pkg.path} has no "version"` };
        return { version: pkg.version, checked: pkg.path };
    }
    catch {
        // In the ncc bundle (dist/) pg is compiled into the bundle and has no package.json on disk.
        return { version: undefined, checked: 'pg/package.json could not be resolved (the driver is bundled into dist/ by ncc, so its version is the one the bundle was built with)' };
    }
}
/** Resolves and reads pg/package.json (pg exports it) from this module's location. */
function loadPgPackage() {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    const path = require.resolve('pg/package.json');
    return { ...JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')), path };
}
/** Grades a Node.js version and a driver version against the supported ranges. */
function gradeRuntime(node, driver) {
    const evidence = { node, nodeRange: SUPPORTED_NODE, pg: driver.version ?? null, pgRange: SUPPORTED_PG, pgChecked: driver.checked };
    if (!satisfies(node, SUPPORTED_NODE)) {
        return {
            status: 'fail',
            summary: `Node.js ${node} is older than the supported ${SUPPORTED_NODE}: the tool may fail in the middle of a run.`,
            mitigation: 'Install Node.js 20.19 or later (in GitHub Actions, actions/setup-node with node-version: 20 or 22). See runbook/driver-and-runtime.md.',
            evidence,
        };
    }
    if (driver.version === undefined) {
        return { status: 'pass', summary: `Node.js ${node} (${SUPPORTED_NODE}); pg driver version not checked: ${driver.checked}.`, evidence };
    }
    if (!satisfies(driver.version, SUPPORTED_PG)) {
        return {
            status: 'warn',
            summary: `The pg driver is ${driver.version}, outside the tested ${SUPPORTED_PG}: connection handling and error codes may differ.`,
            mitigation: 'Remove npm overrides or resolutions for pg and reinstall so the pinned version is used. See runbook/driver-and-runtime.md.',
            evidence,
        };
    }
    return { status: 'pass', summary: `Node.js ${node} (${SUPPORTED_NODE}) and pg ${driver.version} (${SUPPORTED_PG}).`, evidence };
}
/* harmony default export */ const driver_and_runtime = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'driver-and-runtime',
    title: 'Node.js and the PostgreSQL driver are supported versions',
    category: 'versions',
    severity: 'error',
    async run() {
        return gradeRuntime(process.versions.node, readPgVersion());
    },
}));

;// CONCATENATED MODULE: ./src/checks/live/edited-applied-migrations.ts


/**
 * An applied migration whose file changed since it ran: the tool stored a checksum of the file
 * (Flyway, Prisma, Drizzle) and the file no longer matches it. The edit never reaches databases
 * that already applied the file, and Flyway refuses to migrate ("Validate failed: Migration
 * checksum mismatch"). Tools that store no checksum cannot tell, and the check says so.
 */
/* harmony default export */ const edited_applied_migrations = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'edited-applied-migrations',
    title: 'Applied migrations are unchanged since they ran',
    category: 'migration-state',
    severity: 'error',
    async run(ctx) {
        const found = historyOrSkip(ctx);
        if (isOutcome(found))
            return found;
        const { layout, history } = found;
        const checksum = layout.checksum?.bind(layout);
        if (!checksum) {
            return engine_define/* outcome */.bu.skip(`${layout.tool} stores no checksum of applied migrations, so edits to applied files cannot be detected on the target; review changes to old migration files in code review instead.`);
        }
        if (!history.exists)
            return engine_define/* outcome */.bu.pass(`History table ${history.table} does not exist yet: no migration has been applied.`);
        const findings = [];
        let compared = 0;
        for (const file of ctx.migrations) {
            // Repeatable migrations are meant to change: the tool re-runs them when their checksum does.
            if (file.kind === 'repeatable')
                continue;
            const row = history.applied.filter((r) => r.id === file.id && !r.isFailed && r.checksum !== undefined).at(-1);
            const current = row ? checksum(file) : undefined;
            if (!row || current === undefined)
                continue;
            compared++;
            if (current === row.checksum)
                continue;
            findings.push({
                at: await fileStart(ctx, file),
                message: `${file.path} changed after it was applied as ${describeMigration(row.id, row.name)}: ${layout.tool} stored checksum ${row.checksum}, the file now gives ${current}.`,
                mitigation: `Restore ${file.path} as it was applied (see version control) and put the change in a new migration. Only if the edit is cosmetic, update the stored checksum with the tool (flyway repair).`,
                evidence: { id: row.id, storedChecksum: row.checksum, fileChecksum: current, appliedAt: row.appliedAt ?? null },
            });
        }
        const evidence = { table: history.table, compared, edited: findings.length };
        if (findings.length === 0)
            return engine_define/* outcome */.bu.pass(`${compared} applied migration${compared === 1 ? '' : 's'} match the checksums ${layout.tool} stored in ${history.table}.`, evidence);
        return {
            status: 'fail',
            summary: findings.length === 1 ? findings[0].message : `${findings.length} applied migrations changed since they ran (checksums in ${history.table} differ).`,
            mitigation: 'Revert edits to applied migrations and write new migrations for the changes.',
            evidence,
            findings,
        };
    },
}));

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/extensions.ts
/** SQL for the given server major: `trusted` exists from PostgreSQL 13 on. */
function extensionsSql(major) {
    const trusted = major >= 13 ? 'coalesce(v.trusted, false)' : 'false';
    return `
SELECT x.name, a.name IS NOT NULL AS available, a.default_version, a.installed_version,
       ${trusted} AS trusted, coalesce(v.superuser, true) AS superuser,
       coalesce((SELECT array_agg(av.version ORDER BY av.version) FROM pg_available_extension_versions av WHERE av.name = x.name), '{}') AS versions
  FROM unnest($1::text[]) AS x(name)
  LEFT JOIN pg_available_extensions a ON a.name = x.name
  LEFT JOIN pg_available_extension_versions v ON v.name = x.name AND v.version = a.default_version`;
}
/** Extension names created by pending statements or required by config, in first-seen order. */
function wantedExtensions(ctx) {
    const names = new Set();
    for (const file of ctx.pending) {
        for (const stmt of file.parsed.statements) {
            if (stmt.kind === 'CreateExtensionStmt' && typeof stmt.node.extname === 'string')
                names.add(stmt.node.extname);
        }
    }
    for (const name of Object.keys(ctx.target.requires))
        names.add(name);
    return [...names];
}
/** Reads the wanted extensions once per run (shared by extensions-available and migration-role-privileges). */
function readExtensions(ctx) {
    return ctx.memo('postgres:extensions', async () => {
        const names = wantedExtensions(ctx);
        if (names.length === 0)
            return new Map();
        const rows = await ctx.db.query(extensionsSql(Math.floor(ctx.server.major)), [names]);
        return new Map(rows.map((r) => [
            r.name,
            {
                name: r.name,
                isAvailable: r.available,
                defaultVersion: r.default_version,
                installedVersion: r.installed_version,
                versions: r.versions,
                isTrusted: r.trusted,
                needsSuperuser: r.superuser,
            },
        ]));
    });
}

;// CONCATENATED MODULE: ./src/checks/live/extensions-available.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */



/**
 * Every extension the pending SQL creates (CREATE EXTENSION) is available on the server host, in
 * the version asked for, and every `requires:` constraint in the target config holds for the
 * installed version (or the one the pending SQL installs). A missing extension package fails the
 * migration part-way; it cannot be fixed from SQL
 * (https://www.postgresql.org/docs/current/sql-createextension.html).
 */
/* harmony default export */ const extensions_available = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'extensions-available',
    title: 'Extensions the migrations need are available',
    category: 'versions',
    severity: 'error',
    async run(ctx) {
        const creates = extensionStatements(ctx);
        const requires = Object.entries(ctx.target.requires);
        if (creates.length === 0 && requires.length === 0)
            return engine_define/* outcome */.bu.pass('No pending statement creates an extension and the config requires none.', { extensions: [] });
        const extensions = await readExtensions(ctx);
        const findings = [];
        for (const c of creates) {
            const problem = createProblem(c, extensions.get(c.name));
            if (problem)
                findings.push({ ...problem, at: c.ref });
        }
        for (const [name, range] of requires) {
            const problem = requireProblem(name, range, extensions.get(name), creates.find((c) => c.name === name));
            if (problem)
                findings.push(problem);
        }
        const evidence = {
            extensions: [...extensions.values()].map((e) => ({ name: e.name, available: e.isAvailable, defaultVersion: e.defaultVersion, installedVersion: e.installedVersion, required: ctx.target.requires[e.name] ?? null })),
        };
        if (findings.length > 0) {
            return {
                status: 'fail',
                summary: findings.length === 1 ? findings[0].message : `${findings.length} extension problems: ${findings.map((f) => f.message).join(' ')}`,
                mitigation: 'Install the extension package on the server (or pick a version it offers), or change the migration or the requires: constraint. Managed services list their supported extensions. See runbook/extensions-available.md.',
                evidence,
                findings,
            };
        }
        return engine_define/* outcome */.bu.pass(`${[...extensions.values()].map(describe).join('; ')}.`, evidence);
    },
}));
/** The pending CREATE EXTENSION statements in order. */
function extensionStatements(ctx) {
    const out = [];
    for (const file of ctx.pending) {
        for (const stmt of file.parsed.statements) {
            if (stmt.kind !== 'CreateExtensionStmt')
                continue;
            const version = (stmt.node.options ?? []).find((o) => o.DefElem?.defname === 'new_version')?.DefElem?.arg?.String?.sval;
            out.push({ name: String(stmt.node.extname), version, ifNotExists: stmt.node.if_not_exists === true, ref: { file, stmt } });
        }
    }
    return out;
}
/** Why a CREATE EXTENSION would fail, or undefined. */
function createProblem(c, e) {
    if (!e?.isAvailable) {
        return {
            message: `Extension ${c.name} is not available on the server (not in pg_available_extensions): CREATE EXTENSION ${c.name} will fail.`,
            mitigation: `Install the ${c.name} package on the database host, or ask your provider whether it supports ${c.name}. See runbook/extensions-available.md.`,
            evidence: { extension: c.name, available: false },
        };
    }
    if (c.version && !e.versions.includes(c.version)) {
        return {
            message: `CREATE EXTENSION ${c.name} asks for version ${c.version}, but the server offers ${e.versions.join(', ') || 'no version'}.`,
            mitigation: `Use one of the offered versions, or install the ${c.name} ${c.version} package on the server first.`,
            evidence: { extension: c.name, requested: c.version, offered: e.versions },
        };
    }
    if (e.installedVersion && !c.ifNotExists) {
        return {
            message: `Extension ${c.name} is already installed (${e.installedVersion}): CREATE EXTENSION ${c.name} without IF NOT EXISTS will fail with "already exists".`,
            mitigation: `Write CREATE EXTENSION IF NOT EXISTS ${c.name}, or ALTER EXTENSION ${c.name} UPDATE to change its version.`,
            evidence: { extension: c.name, installedVersion: e.installedVersion },
        };
    }
    return undefined;
}
/** Why a `requires:` constraint does not hold, or undefined. */
function requireProblem(name, range, e, created) {
    const mitigation = `Install or update ${name} on the server (ALTER EXTENSION ${name} UPDATE TO '<version>'), or relax the requires: entry for ${name} in the target config. See runbook/extensions-available.md.`;
    const version = e?.installedVersion ?? (created && e?.isAvailable ? (created.version ?? e.defaultVersion) : null);
    if (!version) {
        const why = !e?.isAvailable ? 'is not available on the server' : 'is not installed in this database and no pending statement creates it';
        return { message: `The config requires ${name} ${range}, but ${name} ${why}.`, mitigation, evidence: { extension: name, required: range, available: e?.isAvailable ?? false } };
    }
    let isSatisfied;
    try {
        isSatisfied = satisfies(version, range);
    }
    catch (error) {
        if (!(error instanceof VersionRangeError))
            throw error;
        return { message: `requires.${name}: ${error.message}.`, mitigation: 'Fix the constraint in the config, e.g. requires: { postgis: ">=3.3" }.', evidence: { extension: name, required: range } };
    }
    if (isSatisfied)
        return undefined;
    const which = e?.installedVersion ? 'installed' : 'that the pending SQL would install';
    return { message: `The config requires ${name} ${range}, but the version ${which} is ${version}.`, mitigation, evidence: { extension: name, required: range, version } };
}
/** "postgis 3.3.2 installed" / "pg_trgm 1.6 available". */
function describe(e) {
    if (e.installedVersion)
        return `${e.name} ${e.installedVersion} installed`;
    return e.defaultVersion ? `${e.name} ${e.defaultVersion} available` : `${e.name} available`;
}

;// CONCATENATED MODULE: ./src/checks/live/foreign-key-target.ts


/**
 * A foreign key needs a unique constraint (a valid, non-partial unique index) on exactly the
 * referenced columns, and key columns of comparable types; the same type avoids overflow and
 * cross-type comparisons. Types and indexes are read from the target.
 * https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK
 */
/* harmony default export */ const foreign_key_target = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'foreign-key-target',
    title: 'Foreign keys reference a unique key of the same type',
    category: 'schema',
    severity: 'error',
    run: (ctx) => schemaIssuesOutcome(ctx, ['foreign-key'], {
        passed: 'every foreign key references a unique key whose columns have the same types',
        mitigation: 'Reference a primary key or unique constraint, and declare the referencing columns with the referenced columns\' types.',
    }),
}));

;// CONCATENATED MODULE: ./src/checks/live/invalid-index.ts


/**
 * A failed CREATE INDEX CONCURRENTLY leaves an index with indisvalid = false: the planner ignores
 * it, constraints cannot adopt it (ADD CONSTRAINT ... USING INDEX), foreign keys and ON CONFLICT
 * do not see it, and CREATE INDEX IF NOT EXISTS skips the rebuild. Reports pending statements
 * that rely on such an index. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
 */
/* harmony default export */ const invalid_index = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'invalid-index',
    title: 'Indexes the migration relies on are valid',
    category: 'schema',
    severity: 'error',
    run: (ctx) => schemaIssuesOutcome(ctx, ['invalid-index'], {
        passed: 'no statement relies on an invalid index',
        mitigation: 'Fix what made the index build fail (duplicates for a unique index), then rebuild it (REINDEX INDEX CONCURRENTLY, or drop and create it again) before running the migration.',
    }),
}));

;// CONCATENATED MODULE: ./src/checks/live/lock-queue-safety.ts








/**
 * Whether a lock queue behind the migration could grow without bound. A statement that needs a lock
 * blocking writes (SHARE or stronger) waits behind any transaction holding a conflicting lock, and
 * every later query on the table waits behind the statement
 * (https://www.postgresql.org/docs/current/explicit-locking.html). `SET lock_timeout` in the
 * migration bounds that wait; without it, and with no server idle_in_transaction_session_timeout,
 * one forgotten idle transaction stalls the table for as long as it stays open.
 * The SQL side is read with the same helper as the static lock_timeout rule (lock-timeout.ts).
 */
/* harmony default export */ const lock_queue_safety = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'lock-queue-safety',
    title: 'A lock queue behind the migration cannot grow without bound',
    category: 'locks',
    severity: 'warning',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return engine_define/* outcome */.bu.skip('No pending statement locks a table.');
        const [state, snapshot] = await Promise.all([readServerState(ctx), readActivity(ctx)]);
        const existing = new Set(snapshot.tables.filter((t) => t.exists).map((t) => t.name));
        const unbounded = statementsWithoutLockTimeout(ctx, existing);
        const roleLockTimeout = effectiveSetting(state, 'lock_timeout');
        const lockTimeoutMs = settingMs(roleLockTimeout) ?? 0;
        const idleSetting = effectiveSetting(state, 'idle_in_transaction_session_timeout');
        const idleTimeoutMs = settingMs(idleSetting) ?? 0;
        const holders = new Set(snapshot.locks.filter((l) => l.granted && l.pid !== null && unbounded.some((u) => u.table === l.table)).map((l) => l.pid));
        const idleNow = snapshot.sessions.filter((s) => s.state?.startsWith('idle in transaction')).length;
        const evidence = {
            statementsWithoutLockTimeout: unbounded.length,
            tables: [...new Set(unbounded.map((u) => u.table))],
            migrationRole: state.migrationRole,
            roleLockTimeoutMs: lockTimeoutMs,
            roleLockTimeoutSource: roleLockTimeout?.source ?? null,
            idleInTransactionSessionTimeoutMs: idleTimeoutMs,
            idleInTransactionSessionTimeoutSource: idleSetting?.source ?? null,
            sessionsHoldingLocksOnThoseTables: holders.size,
            sessionsIdleInTransactionNow: idleNow,
        };
        if (unbounded.length === 0) {
            return engine_define/* outcome */.bu.pass('Every pending statement that blocks writes on an existing table runs with a lock_timeout set earlier in its file.', evidence);
        }
        if (lockTimeoutMs > 0) {
            return engine_define/* outcome */.bu.pass(`The migration role ${state.migrationRole} starts with lock_timeout ${formatSeconds(lockTimeoutMs / 1000)} (${roleLockTimeout?.source === 'role' ? 'ALTER ROLE/DATABASE ... SET' : 'server default'}), which bounds the wait of ${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} that set none.`, evidence);
        }
        if (idleTimeoutMs > 0) {
            return engine_define/* outcome */.bu.pass(`${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} block${unbounded.length === 1 ? 's' : ''} writes without a lock_timeout, but idle_in_transaction_session_timeout (${formatSeconds(idleTimeoutMs / 1000)}) ends forgotten transactions; a long-running query can still stall the queue (see the static lock_timeout rule).`, evidence);
        }
        const findings = unbounded.map((u) => ({
            message: `${describeStatement(u.ref)} needs ${u.lock} on ${u.table} with no lock_timeout, and the server has no idle_in_transaction_session_timeout: if any transaction holds a lock on ${u.table}, the statement waits indefinitely and ${blocksReads(u.lock) ? 'every query' : 'every write'} on ${u.table} queues behind it.`,
            mitigation: lock_queue_safety_MITIGATION,
            evidence: { table: u.table, lockNeeded: u.lock, lockTimeoutMs: 0, idleInTransactionSessionTimeoutMs: 0, sessionsHoldingLocksNow: new Set(snapshot.locks.filter((l) => l.granted && l.table === u.table && l.pid !== null).map((l) => l.pid)).size },
            tables: [u.table],
            lock: u.lock,
            at: u.ref,
        }));
        return {
            status: 'warn',
            summary: `${unbounded.length} pending statement${unbounded.length === 1 ? '' : 's'} take${unbounded.length === 1 ? 's' : ''} write-blocking locks on ${evidence.tables.length} existing table${evidence.tables.length === 1 ? '' : 's'} without SET lock_timeout, the role ${state.migrationRole} has no lock_timeout default and idle_in_transaction_session_timeout is 0: one idle transaction would stall those tables for as long as it stays open (now ${holders.size} session${holders.size === 1 ? ' holds' : 's hold'} locks on them and ${idleNow} ${idleNow === 1 ? 'is' : 'are'} idle in a transaction).`,
            mitigation: lock_queue_safety_MITIGATION,
            evidence,
            findings,
        };
    },
}));
const lock_queue_safety_MITIGATION = "Add SET lock_timeout = '5s' (or SET LOCAL inside the transaction) before the statement, and retry the migration when it times out. " +
    "Also consider ALTER ROLE <migration role> SET lock_timeout = '5s' and a server idle_in_transaction_session_timeout (e.g. '5min'). See runbook/lock-queue-safety.md.";
/** Statements taking SHARE or stronger on existing tables with no lock_timeout set earlier in their file. */
function statementsWithoutLockTimeout(ctx, existing) {
    const major = Math.floor(ctx.server.major);
    const out = [];
    for (const file of ctx.pending) {
        const timeouts = (0,lock_timeout/* lockTimeoutsBefore */.RA)(file.parsed.statements, file.migration.runsInTransaction);
        for (const [i, stmt] of file.parsed.statements.entries()) {
            const timeout = timeouts[i];
            if (timeout && timeout.ms > 0)
                continue;
            for (const { table, lock } of (0,postgres_locks/* statementLocks */.MI)(stmt, major)) {
                const name = (0,pending/* normaliseTable */.TA)(table);
                if (existing.has(name) && blocksWrites(lock)) {
                    out.push({ ref: { file, stmt }, table: name, lock });
                    break;
                }
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/live/long-running-queries.ts





/**
 * Queries that have been running longer than thresholds.longQuerySeconds on a touched table. One
 * whose lock conflicts with the migration's lock makes the migration wait for as long as the query
 * runs, and the table's traffic queues behind the migration meanwhile; one that does not conflict
 * still competes with the migration for I/O.
 */
/* harmony default export */ const long_running_queries = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'long-running-queries',
    title: 'No long-running query on the tables the migration touches',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return engine_define/* outcome */.bu.skip('No pending statement locks a table.');
        const snapshot = await readActivity(ctx);
        const limit = ctx.target.thresholds.longQuerySeconds;
        const sessions = sessionsByPid(snapshot);
        const touched = touchedByName(ctx);
        // Strongest lock each long query holds on each touched table.
        const held = new Map();
        for (const l of snapshot.locks) {
            const s = l.pid === null ? undefined : sessions.get(l.pid);
            if (!s || !l.granted || s.isAutovacuum || s.backendType === 'parallel worker')
                continue;
            if (s.state !== 'active' || (s.querySeconds ?? 0) <= limit)
                continue;
            const key = `${s.pid}\u0000${l.table}`;
            const previous = held.get(key);
            held.set(key, { session: s, table: l.table, mode: previous ? (0,postgres_locks/* strongerLock */.wS)(previous.mode, l.mode) : l.mode });
        }
        const note = visibilityNote(snapshot);
        // Hidden sessions holding locks on touched tables: pg_locks shows the lock, not how long their query has run.
        const hidden = new Set(hiddenSessions(snapshot).map((s) => s.pid));
        const unknownAge = [...new Map(snapshot.locks.filter((l) => l.granted && l.pid !== null && hidden.has(l.pid)).map((l) => [l.pid, sessions.get(l.pid)])).values()];
        if (held.size === 0 && unknownAge.length > 0) {
            const n = unknownAge.length;
            const tables = [...new Set(snapshot.locks.filter((l) => l.pid !== null && hidden.has(l.pid) && l.granted).map((l) => l.table))].sort();
            return engine_define/* outcome */.bu.warn(`No visible query on the touched tables has run longer than ${formatSeconds(limit)}, but ${n} session${n === 1 ? '' : 's'} of other roles (${describePids(unknownAge)}) hold${n === 1 ? 's' : ''} locks on ${tables.join(', ')} ` +
                'and the preflight login may not see how long their queries have run (blocking-locks reports those whose locks conflict).', `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating.`, { longQuerySeconds: limit, queriesOfUnknownAge: unknownAge.map(sessionEvidence), tables, ...(note ? { note } : {}) });
        }
        if (held.size === 0) {
            return engine_define/* outcome */.bu.pass(`No query on the ${ctx.touched.length} touched table${ctx.touched.length === 1 ? '' : 's'} has run longer than ${formatSeconds(limit)}.${note ? ' Sessions of other roles are hidden from the preflight login, but none holds a lock on those tables.' : ''}`, {
                longQuerySeconds: limit,
                ...(note ? { note } : {}),
            });
        }
        const findings = [];
        let isBlocking = false;
        for (const h of held.values()) {
            const t = touched.get(h.table);
            const conflicts = locksConflict(h.mode, t.lock);
            isBlocking ||= conflicts;
            const needed = conflicts ? firstConflictingStatement(ctx, t, h.mode) : undefined;
            findings.push({
                message: conflicts
                    ? `${describeSession(h.session)} has been running a query on ${h.table} for ${formatSeconds(h.session.querySeconds ?? 0)} holding ${h.mode}; ${needed ? describeStatement(needed.ref) : 'the migration'} needs ${needed?.lock ?? t.lock} and will wait for it to finish.`
                    : `${describeSession(h.session)} has been running a query on ${h.table} for ${formatSeconds(h.session.querySeconds ?? 0)}; its ${h.mode} lock does not block the migration, but both compete for the table.`,
                mitigation: long_running_queries_MITIGATION,
                severity: conflicts ? 'error' : 'warning',
                evidence: { table: h.table, lockHeld: h.mode, lockNeeded: t.lock, ...sessionEvidence(h.session) },
                tables: [h.table],
                ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
            });
        }
        const pids = [...new Set([...held.values()].map((h) => h.session.pid))];
        const evidence = { longQuerySeconds: limit, queries: [...held.values()].map((h) => ({ table: h.table, lockHeld: h.mode, ...sessionEvidence(h.session) })), ...(note ? { note } : {}) };
        const summary = `${pids.length} quer${pids.length === 1 ? 'y has' : 'ies have'} been running longer than ${formatSeconds(limit)} on touched tables (pid ${pids.join(', ')})`;
        return isBlocking
            ? { status: 'fail', summary: `${summary}, holding locks the migration must wait for.`, mitigation: long_running_queries_MITIGATION, evidence, findings }
            : { status: 'warn', summary: `${summary}; their locks do not block the migration.`, mitigation: long_running_queries_MITIGATION, evidence, findings };
    },
}));
const long_running_queries_MITIGATION = 'Wait for the queries to finish, or run the migration later. If a query is safe to stop (a report, an ad-hoc query), SELECT pg_cancel_backend(pid) cancels it and keeps the session; ' +
    'pg_terminate_backend(pid) also closes the session. See runbook/long-running-queries.md.';

;// CONCATENATED MODULE: ./src/checks/live/long-transactions.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */


/**
 * Transactions open for a long time in the target database, and sessions idle in a transaction.
 * Both hold their locks and their snapshot until they end: vacuum cannot remove rows they might
 * still see, and CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY wait for every transaction
 * older than themselves
 * (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
 * An idle one is waiting for its application, which may never come back.
 */
const IDLE_STATES = new Set(['idle in transaction', 'idle in transaction (aborted)']);
/* harmony default export */ const long_transactions = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'long-transactions',
    title: 'No long-open or idle transactions',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        const snapshot = await readActivity(ctx);
        const { longTransactionSeconds, idleInTransactionSeconds } = ctx.target.thresholds;
        const idle = [];
        const long = [];
        for (const s of snapshot.sessions) {
            if (s.isAutovacuum || s.backendType === 'parallel worker' || s.transactionSeconds === null)
                continue;
            if (s.state !== null && IDLE_STATES.has(s.state) && (s.stateSeconds ?? 0) > idleInTransactionSeconds)
                idle.push(s);
            else if (s.transactionSeconds > longTransactionSeconds)
                long.push(s);
        }
        const note = visibilityNote(snapshot);
        const concurrent = usesConcurrentBuild(ctx);
        // Hidden sessions inside a transaction: pg_locks shows that they are, not for how long.
        const unknownAge = hiddenSessions(snapshot).filter((s) => s.isInTransaction);
        const evidence = {
            thresholds: { longTransactionSeconds, idleInTransactionSeconds },
            idleInTransaction: idle.map(sessionEvidence),
            longTransactions: long.map(sessionEvidence),
            ...(concurrent ? { concurrentStatement: concurrent } : {}),
            ...(unknownAge.length > 0 ? { transactionsOfUnknownAge: unknownAge.map(sessionEvidence) } : {}),
            ...(note ? { note } : {}),
        };
        if (idle.length === 0 && long.length === 0 && unknownAge.length > 0) {
            const n = unknownAge.length;
            return {
                status: 'warn',
                summary: `No visible transaction is open longer than ${formatSeconds(longTransactionSeconds)}, but ${n} session${n === 1 ? '' : 's'} of other roles (${describePids(unknownAge)}) ${n === 1 ? 'is' : 'are'} inside a transaction ` +
                    `whose age and state the preflight login may not see: ${n === 1 ? 'it' : 'any of them'} could be idle in a transaction for hours.`,
                mitigation: `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating.`,
                evidence,
            };
        }
        if (idle.length === 0 && long.length === 0) {
            return {
                status: 'pass',
                summary: `No transaction open longer than ${formatSeconds(longTransactionSeconds)} and none idle in a transaction longer than ${formatSeconds(idleInTransactionSeconds)}.${note ? ' Sessions of other roles are hidden from the preflight login, but pg_locks shows none of them inside a transaction.' : ''}`,
                evidence,
            };
        }
        return grade(idle, long, concurrent, evidence);
    },
}));
/** Fails on idle transactions, and on long ones when a pending CONCURRENTLY statement would wait for them; warns otherwise. */
function grade(idle, long, concurrent, evidence) {
    const parts = [];
    if (idle.length > 0)
        parts.push(`${idle.length} session${idle.length === 1 ? ' is' : 's are'} idle in a transaction: ${idle.map(describeSession).join('; ')}`);
    if (long.length > 0)
        parts.push(`${long.length} transaction${long.length === 1 ? ' has' : 's have'} been open a long time: ${long.map(describeSession).join('; ')}`);
    const consequence = concurrent
        ? ` ${concurrent} waits for every older transaction to end, so it will hang until they do.`
        : ' They hold their locks and keep vacuum from cleaning up until they end.';
    const mitigation = 'Find the owner from application and client address and have them COMMIT or ROLLBACK. If a session is abandoned, SELECT pg_terminate_backend(pid) ends it and rolls its transaction back ' +
        '(pg_cancel_backend does nothing to an idle session). Set idle_in_transaction_session_timeout so abandoned sessions end on their own. See runbook/long-transactions.md.';
    const status = idle.length > 0 || concurrent ? 'fail' : 'warn';
    return { status, summary: `${parts.join('. ')}.${consequence}`, mitigation, evidence };
}
/** The first pending concurrent index build, which waits for every older transaction in the database, described. */
function usesConcurrentBuild(ctx) {
    for (const file of ctx.pending) {
        for (const stmt of file.parsed.statements) {
            const n = stmt.node;
            const isConcurrent = (stmt.kind === 'IndexStmt' && n.concurrent) ||
                (stmt.kind === 'ReindexStmt' && (n.params ?? []).some((p) => p.DefElem?.defname === 'concurrently'));
            if (isConcurrent)
                return `The CONCURRENTLY statement at ${file.migration.path}:${stmt.line}:${stmt.col}`;
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/engine/windows.ts
/**
 * Maintenance windows and change freezes in IANA time zones, with Intl.DateTimeFormat only.
 * A window opens on each listed day at `start` (local time) and closes at `end`, the next day
 * when `end` is before `start`. Local times are turned into instants as Temporal's
 * "compatible" disambiguation does: a time skipped by a DST jump moves forward by the jump
 * (02:30 on a spring-forward night is 03:30), a time that occurs twice takes the earlier one.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead to look for the next opening (freezes can span months). */
const LOOKAHEAD_DAYS = 400;
/** The wall clock in `timeZone` at `instant`. */
function wallClock(instant, timeZone) {
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
    }).formatToParts(instant);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '0';
    return {
        year: Number(get('year')),
        month: Number(get('month')),
        day: Number(get('day')),
        hour: Number(get('hour')),
        minute: Number(get('minute')),
        second: Number(get('second')),
        weekday: get('weekday').toLowerCase().slice(0, 3),
    };
}
/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(instant, timeZone) {
    const w = wallClock(new Date(instant), timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(instant / 1000) * 1000;
}
/** The instant a local date and HH:MM happen in `timeZone` (Temporal "compatible" for gaps and overlaps). */
function zonedInstant(date, hhmm, timeZone) {
    const [hour, minute] = hhmm.split(':').map(Number);
    const local = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
    // Offsets a day either side bracket any transition near this local time.
    const before = offsetAt(local - DAY, timeZone);
    const after = offsetAt(local + DAY, timeZone);
    const candidates = [...new Set([local - before, local - after])].sort((a, b) => a - b);
    const exact = candidates.filter((c) => c + offsetAt(c, timeZone) === local);
    // Overlap: both match, take the earlier. Gap: none match, shift forward by the jump (offset before it).
    return new Date(exact.length > 0 ? exact[0] : local - before);
}
/** A local calendar date `days` after the given one. */
function addDays(date, days) {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: schema/* DAYS */.qn[(d.getUTCDay() + 6) % 7] };
}
/** True when the window ends on the next day (end before start). */
function crossesMidnight(window) {
    return window.end < window.start;
}
/** The opening of `window` that starts on local date `date`, if the window opens that weekday. */
function openingOn(window, date) {
    if (!window.days.includes(date.weekday))
        return undefined;
    const opensAt = zonedInstant(date, window.start, window.timezone);
    const closesAt = zonedInstant(crossesMidnight(window) ? addDays(date, 1) : date, window.end, window.timezone);
    return { window, opensAt, closesAt };
}
/** The opening `now` falls in, if any (one that began yesterday may still be open). */
function currentOpening(window, now) {
    const today = wallClock(now, window.timezone);
    for (const offset of [-1, 0]) {
        const opening = openingOn(window, addDays(today, offset));
        if (opening && opening.opensAt.getTime() <= now.getTime() && now.getTime() < opening.closesAt.getTime())
            return opening;
    }
    return undefined;
}
/** The freeze covering `instant` (dates compared in `timeZone`), if any. */
function activeFreeze(freezes, instant, timeZone) {
    const w = wallClock(instant, timeZone);
    const date = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    return freezes.find((f) => f.from <= date && date <= f.to);
}
/** The next opening of any window after `now` that does not start inside a freeze. */
function nextOpening(windows, freezes, now, freezeZone) {
    let best;
    for (const window of windows) {
        const today = wallClock(now, window.timezone);
        for (let k = 0; k <= LOOKAHEAD_DAYS; k++) {
            const opening = openingOn(window, addDays(today, k));
            if (!opening || opening.opensAt.getTime() <= now.getTime())
                continue;
            if (activeFreeze(freezes, opening.opensAt, freezeZone))
                continue;
            if (!best || opening.opensAt < best.opensAt)
                best = opening;
            break;
        }
    }
    return best;
}
/** "Tue 2026-12-01 02:00 Europe/Berlin" for an instant in the window's zone. */
function formatLocal(instant, timeZone) {
    const w = wallClock(instant, timeZone);
    const pad = (n) => String(n).padStart(2, '0');
    const day = w.weekday.charAt(0).toUpperCase() + w.weekday.slice(1);
    return `${day} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${timeZone}`;
}
/** "3 h 20 min", "45 min", "2 d 4 h". */
function formatDuration(ms) {
    const minutes = Math.max(0, Math.round(ms / MINUTE));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0)
        return `${days} d${hours > 0 ? ` ${hours} h` : ''}`;
    if (hours > 0)
        return `${hours} h${mins > 0 ? ` ${mins} min` : ''}`;
    return `${mins} min`;
}
/** "mon-fri 01:00-05:00 Europe/Berlin". */
function describeWindow(window) {
    return `${window.days.join(',')} ${window.start}-${window.end} ${window.timezone}`;
}

;// CONCATENATED MODULE: ./src/checks/live/maintenance-window.ts


/**
 * Whether the evaluation time (ctx.now; `--at` sets it) is inside one of the target's
 * maintenance windows and outside every change freeze. Outside a window or inside a freeze the
 * check fails when target.enforceWindow is set, else warns; it says when the next window opens.
 * Freeze dates are read in the first window's time zone (UTC without windows).
 */
/* harmony default export */ const maintenance_window = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'maintenance-window',
    title: 'Inside a maintenance window and outside change freezes',
    category: 'window',
    severity: 'error',
    async run(ctx) {
        const windows = ctx.target.maintenanceWindows;
        const freezes = ctx.target.freezes;
        const now = ctx.now;
        const freezeZone = windows[0]?.timezone ?? 'UTC';
        const next = nextOpening(windows, freezes, now, freezeZone);
        const evidence = {
            now: now.toISOString(),
            enforceWindow: ctx.target.enforceWindow,
            windows: windows.map(describeWindow),
            freezes: freezes.map((f) => `${f.from}..${f.to}${f.reason ? ` (${f.reason})` : ''}`),
            freezeTimeZone: freezeZone,
            nextOpensAt: next?.opensAt.toISOString() ?? null,
        };
        const block = (summary, mitigation) => ctx.target.enforceWindow ? engine_define/* outcome */.bu.fail(summary, mitigation, evidence) : engine_define/* outcome */.bu.warn(summary, mitigation, evidence);
        const freeze = activeFreeze(freezes, now, freezeZone);
        if (freeze) {
            return block(`${now.toISOString()} is inside the change freeze ${freeze.from} to ${freeze.to}${freeze.reason ? ` (${freeze.reason})` : ''}.${nextText(next, now)}`, 'Wait for the freeze to end, or get the exception approved and run with --at set to the approved time.');
        }
        if (windows.length === 0) {
            const freezeNote = freezes.length > 0 ? `; ${now.toISOString()} is outside all ${freezes.length} change freezes` : '';
            return engine_define/* outcome */.bu.pass(`No maintenance windows configured for ${ctx.targetName}${freezeNote}.`, evidence);
        }
        const open = windows.map((w) => currentOpening(w, now)).find((o) => o !== undefined);
        if (open) {
            return engine_define/* outcome */.bu.pass(`Inside the maintenance window ${describeWindow(open.window)}: it closes at ${formatLocal(open.closesAt, open.window.timezone)} (${open.closesAt.toISOString()}), in ${formatDuration(open.closesAt.getTime() - now.getTime())}.`, { ...evidence, closesAt: open.closesAt.toISOString() });
        }
        return block(`${now.toISOString()} is outside every maintenance window (${windows.map(describeWindow).join('; ')}).${nextText(next, now)}`, `Run the migration during a window${next ? `, from ${formatLocal(next.opensAt, next.window.timezone)}` : ''}, or pass --at for a planned time to check it.`);
    },
}));
/** " The next window opens Tue 2026-12-01 02:00 Europe/Berlin (2026-12-01T01:00:00.000Z, in 3 h)." */
function nextText(next, now) {
    if (!next)
        return ' No window opens in the next 400 days outside the freezes.';
    return ` The next window opens ${formatLocal(next.opensAt, next.window.timezone)} (${next.opensAt.toISOString()}, in ${formatDuration(next.opensAt.getTime() - now.getTime())}).`;
}

// EXTERNAL MODULE: ./src/sources/history-table.ts
var history_table = __webpack_require__(94071);
;// CONCATENATED MODULE: ./src/checks/live/migration-history.ts



/** Reports what the migration tool's history table says is applied, and what is pending. */
/* harmony default export */ const migration_history = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'migration-history',
    title: 'Read the migration history on the target',
    category: 'migration-state',
    severity: 'error',
    dialects: ['postgres', 'mysql'],
    async run(ctx) {
        if (!ctx.layout)
            return engine_define/* outcome */.bu.skip('No migration layout: nothing to compare with the target.');
        const history = ctx.history;
        const isMysql = ctx.db.dialect === 'mysql';
        if (isMysql && ctx.layout.historyTable && !ctx.layout.readHistoryMysql) {
            return engine_define/* outcome */.bu.skip(`Reading ${ctx.layout.tool}'s history table on MySQL is not supported yet, so every migration is treated as pending.`);
        }
        // On MySQL the tools keep the table in the connection's database, not in "public".
        const table = isMysql && ctx.layout.historyTable ? (history?.table ?? `${ctx.server.database}.${ctx.layout.historyTable.split('.').pop()}`) : ctx.layout.historyTable;
        if (!table) {
            return engine_define/* outcome */.bu.skip(`The ${ctx.layout.tool} layout keeps no history table, so every migration is treated as pending. Set migrations.historyTable to the table that records applied files.`);
        }
        if (!history)
            return explainUnreadable(ctx, ctx.layout, table);
        const evidence = { table, exists: history.exists, applied: ctx.migrations.length - ctx.pending.length, pending: ctx.pending.length, rows: history.applied.length };
        if (!history.exists) {
            return engine_define/* outcome */.bu.pass(`History table ${table} does not exist: nothing has been applied, all ${ctx.migrations.length} migrations are pending.`, evidence);
        }
        if (ctx.layout.name === 'golang-migrate' && !isMysql) {
            const extra = await extraGolangMigrateRows(ctx);
            if (extra !== undefined) {
                return engine_define/* outcome */.bu.warn(`${table} has ${extra >= 1000 ? 'at least 1000' : extra} rows, but golang-migrate keeps exactly one (the newest version): the table may belong to another tool (Rails and dbmate use the same name with a row per migration), ` +
                    `and golang-migrate reads an arbitrary row of it. Read as version ${history.appliedUpTo ?? 'none'}: ${ctx.pending.length} of ${ctx.migrations.length} migrations pending.`, 'Check which tool owns this table and set migrations.layout to it; if it is golang-migrate\'s, delete every row but the newest version (migrate force <version> rewrites it).', { ...evidence, rows: extra });
            }
        }
        return engine_define/* outcome */.bu.pass(`${evidence.applied} of ${ctx.migrations.length} migrations applied according to ${table}; ${ctx.pending.length} pending.`, evidence);
    },
}));
/** SQLSTATEs (and MySQL codes) meaning the table does not have the columns or types the tool writes. */
const WRONG_SHAPE = new Set(['42703', '42883', '42804', '22P02', '22003', 'ER_BAD_FIELD_ERROR']);
/**
 * The engine logs why the history could not be read and goes on; this reads it once more to say
 * why in the report: no privilege, a table of another shape (another tool's, or hand-made), or
 * values the tool would never write.
 */
async function explainUnreadable(ctx, layout, table) {
    const read = ctx.db.dialect === 'mysql' ? layout.readHistoryMysql?.bind(layout) : layout.readHistory.bind(layout);
    let error;
    try {
        await read?.((sql, params) => ctx.db.query(sql, params));
    }
    catch (caught) {
        error = caught;
    }
    const pending = 'every migration was treated as pending';
    if (error === undefined) {
        return engine_define/* outcome */.bu.fail(`Could not read the history table ${table} when the run started (it could be read on a second try); ${pending}.`, 'Run preflight again; the log file has the first error.');
    }
    const code = error.code;
    const reason = (0,errors/* describeError */.Uc)(error);
    const evidence = { table, error: reason, ...(typeof code === 'string' ? { code } : {}) };
    if (code === '42501' || (typeof code === 'string' && code.endsWith('ACCESS_DENIED_ERROR'))) {
        return engine_define/* outcome */.bu.fail(`The preflight login ${ctx.server.currentUser} may not read the history table ${table} (${reason}), so ${pending}.`, `GRANT SELECT ON ${table} TO ${ctx.server.currentUser}.`, evidence);
    }
    if ((typeof code === 'string' && WRONG_SHAPE.has(code)) || error instanceof SyntaxError || error instanceof RangeError || error instanceof TypeError) {
        return engine_define/* outcome */.bu.fail(`The history table ${table} does not look like ${layout.tool}'s (${reason}): it may belong to another tool or have been edited by hand, so ${pending}.`, `Check which tool owns ${table} and set migrations.layout to it (detected or configured: ${layout.name}); if it is ${layout.tool}'s, repair its columns and values.`, evidence);
    }
    return engine_define/* outcome */.bu.fail(`Could not read the history table ${table} (${reason}); ${pending}.`, `Check the table and the layout (${layout.name}); the log file has the query that failed.`, evidence);
}
/** The number of rows of golang-migrate's table when it has more than the one row the tool keeps. */
async function extraGolangMigrateRows(ctx) {
    const query = (sql, params) => ctx.db.query(sql, params);
    const ref = await (0,history_table/* findTable */.UI)(query, 'schema_migrations');
    if (!ref.exists)
        return undefined;
    // Counting stops at 1,000 rows: a huge table costs no more than a small one.
    const [row] = await ctx.db.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${ref.sqlName} LIMIT 1000) x`);
    return row && row.n > 1 ? row.n : undefined;
}

;// CONCATENATED MODULE: ./src/dialects/postgres/privilege-needs.ts


const TABLE_PRIVILEGES = (/* unused pure expression or super */ null && (['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN']));
/** Needs of every pending statement, in order, leaving out objects the pending set created earlier. */
function pendingNeeds(files) {
    const createdTables = new Set();
    const createdSchemas = new Set();
    const out = [];
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const needs = statementNeeds(stmt.kind, stmt.node).filter((need) => {
                if ('table' in need)
                    return !createdTables.has(need.table) && !createdSchemas.has(schemaOf(need.table));
                if (need.kind === 'schema-create')
                    return !createdSchemas.has(need.schema);
                return true;
            });
            if (needs.length > 0)
                out.push({ ref: { file, stmt }, needs });
            for (const table of createdBy(stmt.kind, stmt.node))
                createdTables.add(table);
            if (stmt.kind === 'CreateSchemaStmt' && typeof stmt.node.schemaname === 'string')
                createdSchemas.add(stmt.node.schemaname);
        }
    }
    return out;
}
/** The schema of a normalised table name. */
function schemaOf(table) {
    return table.slice(0, table.indexOf('.'));
}
/** Normalised name of a RangeVar, or undefined. */
function rel(rangeVar) {
    const name = (0,postgres_locks/* relationName */.CJ)(rangeVar);
    return name ? (0,pending/* normaliseTable */.TA)(name) : undefined;
}
/**
 * Stands for the schema an unqualified CREATE puts its object in: the first existing schema of
 * the search_path (current_schema()), which a role's search_path may make another than public.
 * catalog/privileges.ts resolves it on the target.
 */
const CREATION_SCHEMA = '$current_schema';
/** Schema a CREATE puts its object in: the qualified one, else the search_path's (CREATION_SCHEMA). */
function creationSchema(rangeVar) {
    return typeof rangeVar?.schemaname === 'string' ? rangeVar.schemaname : CREATION_SCHEMA;
}
/** Schema of a qualified name list ([schema, name] String nodes), else the search_path's. */
function listSchema(names) {
    const parts = (names ?? []).map((n) => n?.String?.sval).filter((s) => typeof s === 'string');
    return parts.length >= 2 ? parts[parts.length - 2] : CREATION_SCHEMA;
}
/** Tables (and views, sequences) a statement creates. */
function createdBy(kind, n) {
    const name = kind === 'CreateStmt' ? rel(n.relation) : kind === 'CreateTableAsStmt' ? rel(n.into?.rel) : kind === 'ViewStmt' ? rel(n.view) : kind === 'CreateSeqStmt' ? rel(n.sequence) : undefined;
    return name ? [name] : [];
}
const OWNED_DROP_TYPES = ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE', 'OBJECT_SEQUENCE', 'OBJECT_INDEX'];
const RENAMED_RELATIONS = ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY'];
const LOCK_MODE_SELECT = 1;
const LOCK_MODE_ROW_EXCLUSIVE = 3;
/** What one statement needs, before subtracting objects created earlier. */
function statementNeeds(kind, n) {
    const owner = (table, extra = {}) => (table ? [{ kind: 'owner', table, ...extra }] : []);
    const privilege = (table, ...anyOf) => (table ? [{ kind: 'table-privilege', table, anyOf }] : []);
    switch (kind) {
        case 'AlterTableStmt': {
            const needs = owner(rel(n.relation));
            for (const c of n.cmds ?? []) {
                const constraint = c.AlterTableCmd?.def?.Constraint;
                if (c.AlterTableCmd?.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN')
                    needs.push(...privilege(rel(constraint.pktable), 'REFERENCES'));
            }
            return needs;
        }
        case 'IndexStmt':
        case 'RuleStmt':
            return owner(rel(n.relation));
        case 'CreateTrigStmt':
            return privilege(rel(n.relation), 'TRIGGER');
        case 'DropStmt':
            if (!OWNED_DROP_TYPES.includes(n.removeType))
                return [];
            return (0,postgres_locks/* objectNames */.Wd)(n.objects).flatMap((name) => owner((0,pending/* normaliseTable */.TA)(name), { orSchemaOwner: true }));
        case 'RenameStmt':
            return RENAMED_RELATIONS.includes(n.renameType) ? owner(rel(n.relation)) : [];
        case 'ReindexStmt':
            return n.kind === 'REINDEX_OBJECT_TABLE' || n.kind === 'REINDEX_OBJECT_INDEX' ? owner(rel(n.relation), { orMaintain: true }) : [];
        case 'ClusterStmt':
        case 'RefreshMatViewStmt':
            return owner(rel(n.relation), { orMaintain: true });
        case 'TruncateStmt':
            return (n.relations ?? []).flatMap((r) => privilege(rel(r.RangeVar), 'TRUNCATE'));
        case 'InsertStmt':
            return privilege(rel(n.relation), 'INSERT');
        case 'UpdateStmt':
            return privilege(rel(n.relation), 'UPDATE');
        case 'DeleteStmt':
            return privilege(rel(n.relation), 'DELETE');
        case 'LockStmt': {
            const mode = n.mode ?? 8;
            const anyOf = mode === LOCK_MODE_SELECT ? ['SELECT'] : mode === LOCK_MODE_ROW_EXCLUSIVE ? ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] : ['UPDATE', 'DELETE', 'TRUNCATE', 'MAINTAIN'];
            return (n.relations ?? []).flatMap((r) => privilege(rel(r.RangeVar), ...anyOf));
        }
        case 'CommentStmt': {
            if (n.objtype !== 'OBJECT_TABLE' && n.objtype !== 'OBJECT_COLUMN' && n.objtype !== 'OBJECT_VIEW' && n.objtype !== 'OBJECT_MATVIEW')
                return [];
            const parts = (n.object?.List?.items ?? []).map((i) => i?.String?.sval).filter((s) => typeof s === 'string');
            const tableParts = n.objtype === 'OBJECT_COLUMN' ? parts.slice(0, -1) : parts;
            return tableParts.length > 0 ? owner((0,pending/* normaliseTable */.TA)(tableParts.join('.'))) : [];
        }
        case 'GrantStmt':
            if (n.objtype !== 'OBJECT_TABLE' || n.targtype !== 'ACL_TARGET_OBJECT')
                return [];
            return (n.objects ?? []).flatMap((o) => owner(rel(o.RangeVar)));
        case 'CreateStmt':
            return [{ kind: 'schema-create', schema: creationSchema(n.relation) }];
        case 'CreateTableAsStmt':
            return [{ kind: 'schema-create', schema: creationSchema(n.into?.rel) }];
        case 'CreateSeqStmt':
            return [{ kind: 'schema-create', schema: creationSchema(n.sequence) }];
        case 'ViewStmt':
            return [{ kind: 'schema-create', schema: creationSchema(n.view) }, ...(n.replace ? owner(rel(n.view), { onlyIfExists: true }) : [])];
        case 'CreateFunctionStmt':
            return [{ kind: 'schema-create', schema: listSchema(n.funcname) }];
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return [{ kind: 'schema-create', schema: listSchema(n.typeName) }];
        case 'CompositeTypeStmt':
            return [{ kind: 'schema-create', schema: creationSchema(n.typevar) }];
        case 'CreateDomainStmt':
            return [{ kind: 'schema-create', schema: listSchema(n.domainname) }];
        case 'CreateSchemaStmt':
            return [{ kind: 'database-create' }];
        case 'CreateExtensionStmt':
            return typeof n.extname === 'string' ? [{ kind: 'extension', name: n.extname, ifNotExists: n.if_not_exists === true }] : [];
        default:
            return [];
    }
}
/** Every table and schema named by the needs, for one batched catalog query. */
function namedObjects(all) {
    const tables = new Set();
    const schemas = new Set();
    for (const { needs } of all) {
        for (const need of needs) {
            if ('table' in need)
                tables.add(need.table);
            if (need.kind === 'schema-create')
                schemas.add(need.schema);
        }
    }
    return { tables: [...tables], schemas: [...schemas] };
}

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/privileges.ts


/** SQL for a server major: the MAINTAIN privilege exists from PostgreSQL 17 on. */
function rightsSql(major) {
    const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', ...(major >= 17 ? ['MAINTAIN'] : [])];
    const privilegeJson = privileges.map((p) => `'${p}', has_table_privilege(r.oid, c.oid, '${p}')`).join(', ');
    return `
WITH r AS (SELECT oid, rolname, rolsuper, rolinherit FROM pg_roles WHERE rolname = $1),
t AS (${(0,touched/* touchedRelationSql */.x1)(2)})
SELECT
  (SELECT json_build_object('name', r.rolname, 'isSuperuser', r.rolsuper, 'inherits', r.rolinherit,
      'canCreateInDatabase', has_database_privilege(r.oid, current_database(), 'CREATE')) FROM r) AS role,
  (SELECT coalesce(json_agg(json_build_object(
      'name', t.name, 'resolved', n.nspname || '.' || c.relname, 'exists', c.oid IS NOT NULL, 'relkind', c.relkind, 'owner', o.rolname, 'schemaOwner', so.rolname,
      'actsAsOwner', coalesce(pg_has_role(r.oid, c.relowner, 'USAGE'), false),
      'isOwnerMember', coalesce(pg_has_role(r.oid, c.relowner, 'MEMBER'), false),
      'actsAsSchemaOwner', coalesce(pg_has_role(r.oid, n.nspowner, 'USAGE'), false),
      'privileges', CASE WHEN c.oid IS NULL THEN '{}'::json ELSE json_build_object(${privilegeJson}) END)), '[]')
     FROM t CROSS JOIN r
     LEFT JOIN pg_class c ON c.oid = t.oid
     LEFT JOIN pg_roles o ON o.oid = c.relowner
     LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_roles so ON so.oid = n.nspowner) AS tables,
  (SELECT coalesce(json_agg(json_build_object(
      'name', x.name, 'resolved', n.nspname, 'exists', n.oid IS NOT NULL, 'owner', so.rolname,
      'canCreate', coalesce(has_schema_privilege(r.oid, n.oid, 'CREATE'), false))), '[]')
     FROM unnest($6::text[]) AS x(name) CROSS JOIN r
     LEFT JOIN pg_namespace n ON n.nspname = CASE WHEN x.name = '${CREATION_SCHEMA}' THEN current_schema() ELSE x.name END
     LEFT JOIN pg_roles so ON so.oid = n.nspowner) AS schemas`;
}
/** Reads the rights of `role` on the tables and schemas, once per run and role. */
function readRoleRights(ctx, role, tables, schemas) {
    return ctx.memo(`postgres:rights:${role}`, async () => {
        const rows = await ctx.db.query(rightsSql(Math.floor(ctx.server.major)), [role, ...(0,touched/* tableArrayParams */.K$)(tables, (0,touched/* unqualifiedNames */.sf)(ctx.pending, Math.floor(ctx.server.major))), [...new Set(schemas)]]);
        const row = rows[0];
        return {
            role: row.role ?? undefined,
            tables: new Map(row.tables.map((t) => [t.name, t])),
            schemas: new Map(row.schemas.map((s) => [s.name, s])),
        };
    });
}
const RELKIND_WORDS = {
    r: 'table',
    p: 'table',
    v: 'view',
    m: 'materialized view',
    S: 'sequence',
    i: 'index',
    I: 'index',
    f: 'foreign table',
};
/** "table", "view", ... for messages, as PostgreSQL's own "must be owner of table x". */
function relkindWord(relkind) {
    return (relkind && RELKIND_WORDS[relkind]) ?? 'relation';
}

;// CONCATENATED MODULE: ./src/checks/live/migration-role-privileges.ts






/**
 * The role that will run the migration (target.migrationRole, else the connecting user) may do
 * what each pending statement does: own (or inherit the owner of) every table it alters or drops,
 * hold the table privileges DML and triggers need, have CREATE on the schemas it creates in, and
 * be allowed to create its extensions (superuser, or a trusted extension and CREATE on the
 * database, PostgreSQL 13+). Otherwise PostgreSQL refuses the statement with SQLSTATE 42501
 * part-way through the migration.
 */
/* harmony default export */ const migration_role_privileges = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'migration-role-privileges',
    title: 'The migration role may run every pending statement',
    category: 'privileges',
    severity: 'error',
    async run(ctx) {
        const role = migrationRoleOf(ctx);
        const all = pendingNeeds(ctx.pending);
        if (all.length === 0)
            return engine_define/* outcome */.bu.pass(`No pending statement needs ownership or privileges beyond what ${role} gets by creating objects.`, { role });
        const { tables, schemas } = namedObjects(all);
        const wantsExtensions = all.some((s) => s.needs.some((n) => n.kind === 'extension'));
        const [rights, extensions] = await Promise.all([readRoleRights(ctx, role, tables, schemas), wantsExtensions ? readExtensions(ctx) : Promise.resolve(new Map())]);
        if (!rights.role) {
            return engine_define/* outcome */.bu.fail(`Role ${role} does not exist on the target: the migration cannot log in or SET ROLE to it.`, `Check targets.${ctx.targetName}.migrationRole (or the user in the URL), or create the role. See runbook/migration-role-privileges.md.`, { role, statements: all.length });
        }
        if (rights.role.isSuperuser) {
            return engine_define/* outcome */.bu.pass(`${role} is a superuser: it may run every pending statement.`, { role, superuser: true, statements: all.length });
        }
        const findings = [];
        for (const { ref, needs } of all) {
            for (const need of needs) {
                const problem = checkNeed(need, ref, rights.role, rights, extensions, ctx.server.major);
                if (problem)
                    findings.push({ ...problem, at: ref });
            }
        }
        const evidence = {
            role,
            superuser: false,
            inherits: rights.role.inherits,
            canCreateInDatabase: rights.role.canCreateInDatabase,
            statementsChecked: all.length,
            tables: [...rights.tables.values()].filter((t) => t.exists).map((t) => ({ table: t.name, owner: t.owner, actsAsOwner: t.actsAsOwner })),
        };
        if (findings.length === 0) {
            return engine_define/* outcome */.bu.pass(`${role} owns or may use everything the ${all.length} pending statement${all.length === 1 ? '' : 's'} need.`, evidence);
        }
        return {
            status: 'fail',
            summary: `${role} lacks rights for ${findings.length} pending statement${findings.length === 1 ? '' : 's'}: ${findings[0].message}${findings.length > 1 ? ' (and more, see findings)' : ''}`,
            mitigation: `Run the migration as the owning role, or grant ${role} what the findings name. See runbook/migration-role-privileges.md.`,
            evidence,
            findings,
        };
    },
}));
/** Why `role` cannot satisfy one need of a statement, or undefined when it can (or the object is missing, which other checks report). */
function checkNeed(need, ref, role, rights, extensions, major) {
    const what = describeStatement(ref);
    switch (need.kind) {
        case 'owner': {
            const t = rights.tables.get(need.table);
            if (!t?.exists || t.actsAsOwner)
                return undefined;
            const name = t.resolved ?? need.table;
            if (need.orSchemaOwner && t.actsAsSchemaOwner)
                return undefined;
            if (need.orMaintain && t.privileges.MAINTAIN)
                return undefined;
            const object = `${relkindWord(t.relkind)} ${name}`;
            if (t.isOwnerMember) {
                // From PostgreSQL 16 inheritance is a property of each membership grant, before it was the role's.
                const inherit = major >= 16 ? `GRANT ${t.owner} TO ${role.name} WITH INHERIT TRUE` : `ALTER ROLE ${role.name} INHERIT`;
                return {
                    message: `${what}: ${role.name} must be owner of ${object}; it is a member of the owner ${t.owner} but does not inherit its privileges (NOINHERIT).`,
                    mitigation: `Start the migration with SET ROLE ${t.owner}, or ${inherit}.`,
                    evidence: { role: role.name, table: need.table, owner: t.owner, member: true, inherits: false },
                    tables: [need.table],
                };
            }
            return {
                message: `${what}: ${role.name} must be owner of ${object} (owned by ${t.owner}); PostgreSQL will refuse the statement with SQLSTATE 42501.`,
                mitigation: `Run the migration as ${t.owner}, or GRANT ${t.owner} TO ${role.name}, or ALTER ${relkindWord(t.relkind).toUpperCase()} ${name} OWNER TO ${role.name}${need.orMaintain && major >= 17 ? `, or GRANT MAINTAIN ON ${name} TO ${role.name}` : ''}.`,
                evidence: { role: role.name, table: need.table, owner: t.owner, member: false },
                tables: [need.table],
            };
        }
        case 'table-privilege': {
            const t = rights.tables.get(need.table);
            if (!t?.exists || need.anyOf.some((p) => t.privileges[p]))
                return undefined;
            const name = t.resolved ?? need.table;
            const available = need.anyOf.filter((p) => p !== 'MAINTAIN' || major >= 17);
            return {
                message: `${what}: ${role.name} needs ${available.join(' or ')} on ${relkindWord(t.relkind)} ${name} and has none of ${available.length === 1 ? 'it' : 'them'}.`,
                mitigation: `GRANT ${available[0]} ON ${name} TO ${role.name} (as ${t.owner}), or run the migration as ${t.owner}.`,
                evidence: { role: role.name, table: need.table, needed: available, owner: t.owner },
                tables: [need.table],
            };
        }
        case 'schema-create': {
            const s = rights.schemas.get(need.schema);
            if (!s?.exists || s.canCreate)
                return undefined;
            const schema = s.resolved ?? need.schema;
            return {
                message: `${what}: ${role.name} needs CREATE on schema ${schema} (owned by ${s.owner}) to create objects there.`,
                mitigation: `GRANT CREATE ON SCHEMA ${schema} TO ${role.name} (as ${s.owner}), or create the object in a schema ${role.name} may use.`,
                evidence: { role: role.name, schema, owner: s.owner },
            };
        }
        case 'database-create':
            if (role.canCreateInDatabase)
                return undefined;
            return {
                message: `${what}: ${role.name} needs CREATE on the database to create a schema.`,
                mitigation: `GRANT CREATE ON DATABASE <database> TO ${role.name}, or create the schema ahead of time as its owner.`,
                evidence: { role: role.name, canCreateInDatabase: false },
            };
        case 'extension':
            return extensionProblem(need, what, role, extensions.get(need.name), major);
    }
}
/** Why `role` cannot create an extension, or undefined. */
function extensionProblem(need, what, role, e, major) {
    // Missing packages are extensions-available's to report; an installed one with IF NOT EXISTS does nothing.
    if (!e?.isAvailable || (e.installedVersion && need.ifNotExists))
        return undefined;
    if (!e.needsSuperuser)
        return undefined;
    if (e.isTrusted && role.canCreateInDatabase)
        return undefined;
    const evidence = { role: role.name, extension: need.name, trusted: e.isTrusted, canCreateInDatabase: role.canCreateInDatabase, serverMajor: major };
    if (e.isTrusted) {
        return {
            message: `${what}: ${need.name} is a trusted extension, but ${role.name} lacks CREATE on the database, which creating it requires.`,
            mitigation: `GRANT CREATE ON DATABASE <database> TO ${role.name}, or have the database owner create the extension first.`,
            evidence,
        };
    }
    return {
        message: `${what}: creating ${need.name} needs a superuser (${major >= 13 ? 'it is not marked trusted' : 'trusted extensions need PostgreSQL 13+'}), and ${role.name} is not one.`,
        mitigation: `Have a superuser (or your provider's admin role) run CREATE EXTENSION ${need.name} before the migration, and write CREATE EXTENSION IF NOT EXISTS in the migration.`,
        evidence,
    };
}

;// CONCATENATED MODULE: ./src/sources/layout.ts
/** Whether a history row records (part of) `file`, as the layout matches them. */
function rowRecordsFile(layout, row, file) {
    return layout.recordsFile ? layout.recordsFile(row, file) : row.id === file.id;
}

;// CONCATENATED MODULE: ./src/checks/live/missing-migration-files.ts



/**
 * A migration the target applied that the repository no longer has: a branch deployed without
 * being merged, or a file deleted or renamed. The files no longer describe the database.
 */
/* harmony default export */ const missing_migration_files = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'missing-migration-files',
    title: 'Every applied migration is in the repository',
    category: 'migration-state',
    severity: 'warning',
    async run(ctx) {
        const found = historyOrSkip(ctx);
        if (isOutcome(found))
            return found;
        const { layout, history } = found;
        if (!history.exists)
            return engine_define/* outcome */.bu.pass(`History table ${history.table} does not exist yet: no migration has been applied.`);
        const ids = new Set(ctx.migrations.map((m) => m.id));
        // Rows are matched to files by id, or as the layout matches them (a Liquibase row names one changeset of a file).
        const hasFile = (r) => (layout.recordsFile ? ctx.migrations.some((m) => rowRecordsFile(layout, r, m)) : ids.has(r.id));
        // A baseline row stands for migrations that were never files; an empty id carries nothing to match.
        const missing = history.applied.filter((r) => r.id !== '' && !hasFile(r) && !/baseline/i.test(r.detail ?? ''));
        const evidence = { table: history.table, applied: history.applied.length, files: ctx.migrations.length, missing: missing.map((r) => r.id) };
        if (missing.length === 0)
            return engine_define/* outcome */.bu.pass(`All ${history.applied.length} migrations recorded in ${history.table} have a file in the repository.`, evidence);
        const findings = missing.map((r) => ({
            message: `${ctx.targetName} applied migration ${describeMigration(r.id, r.name)}${r.appliedAt ? ` at ${r.appliedAt}` : ''}, but no ${layout.tool} migration with that id is in the repository.`,
            mitigation: 'Find where it came from (an unmerged branch, a deleted or renamed file) and restore the file, or remove its effect with a new migration and clean up the history row.',
            evidence: { id: r.id, table: history.table },
        }));
        return {
            status: 'warn',
            summary: `${missing.length} migration${missing.length === 1 ? '' : 's'} applied on ${ctx.targetName} ${missing.length === 1 ? 'is' : 'are'} not in the repository: ${missing.slice(0, 5).map((r) => r.id).join(', ')}${missing.length > 5 ? ', ...' : ''}.`,
            mitigation: 'Restore the missing files (or find the branch they came from) so the repository describes the database again.',
            evidence,
            findings,
        };
    },
}));

// EXTERNAL MODULE: ./src/dialects/mysql/statements.ts
var statements = __webpack_require__(83130);
;// CONCATENATED MODULE: ./src/dialects/mysql/catalog.ts

/**
 * Open InnoDB transactions of other sessions working in the target database (processlist DB),
 * oldest first; read once per run. Like PostgreSQL's per-database view, sessions whose default
 * database is another one are not listed, though they could reach these tables by qualified name.
 */
function readTransactions(ctx) {
    return ctx.memo('mysql:transactions', async () => {
        const rows = await ctx.db.query(`SELECT t.trx_mysql_thread_id AS thread_id, p.USER AS user, p.HOST AS host, p.DB AS db, p.COMMAND AS command,
              p.STATE AS state, p.TIME AS state_seconds, p.INFO AS query,
              TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS age_seconds, t.trx_rows_locked AS rows_locked, t.trx_rows_modified AS rows_modified
         FROM information_schema.innodb_trx t
         LEFT JOIN information_schema.processlist p ON p.ID = t.trx_mysql_thread_id
        WHERE t.trx_mysql_thread_id <> CONNECTION_ID() AND p.DB = DATABASE()
        ORDER BY t.trx_started, t.trx_mysql_thread_id`);
        return rows.map(toTransaction);
    });
}
/** Sessions of the target database queued for a metadata lock right now, from the processlist. */
async function readMetadataLockWaiters(ctx) {
    const rows = await ctx.db.query(`SELECT ID AS thread_id, USER AS user, HOST AS host, DB AS db, COMMAND AS command, STATE AS state, TIME AS state_seconds, INFO AS query,
            TIME AS age_seconds, 0 AS rows_locked, 0 AS rows_modified
       FROM information_schema.processlist
      WHERE STATE LIKE 'Waiting for table metadata lock%' AND ID <> CONNECTION_ID() AND DB = DATABASE()
      ORDER BY TIME DESC, ID`);
    return rows.map(toTransaction);
}
/** Reads metadata locks of other sessions on `tables` (qualified "db.table") from the best source available. */
async function readMetadataLocks(ctx, tables) {
    const source = await metadataLockSource(ctx);
    const waiting = await readMetadataLockWaiters(ctx);
    if (source === 'inferred' || tables.length === 0)
        return { source, locks: [], waiting };
    const pairs = tables.map((t) => t.split('.'));
    const match = pairs.map(() => '(schema_name = ? AND table_name = ?)').join(' OR ');
    const params = pairs.flatMap(([db, table]) => [db, table]);
    const sql = source === 'performance_schema'
        ? `SELECT * FROM (
           SELECT ml.OBJECT_SCHEMA AS schema_name, ml.OBJECT_NAME AS table_name, ml.LOCK_TYPE AS lock_type, ml.LOCK_STATUS AS lock_status,
                  th.PROCESSLIST_ID AS thread_id, th.PROCESSLIST_USER AS user, th.PROCESSLIST_HOST AS host, th.PROCESSLIST_COMMAND AS command,
                  th.PROCESSLIST_TIME AS state_seconds, th.PROCESSLIST_INFO AS query
             FROM performance_schema.metadata_locks ml
             JOIN performance_schema.threads th ON th.THREAD_ID = ml.OWNER_THREAD_ID
            WHERE ml.OBJECT_TYPE = 'TABLE' AND th.PROCESSLIST_ID IS NOT NULL AND th.PROCESSLIST_ID <> CONNECTION_ID()
         ) l WHERE ${match} ORDER BY schema_name, table_name, thread_id`
        : `SELECT * FROM (
           SELECT m.TABLE_SCHEMA AS schema_name, m.TABLE_NAME AS table_name, m.LOCK_MODE AS lock_type, 'GRANTED' AS lock_status,
                  p.ID AS thread_id, p.USER AS user, p.HOST AS host, p.COMMAND AS command, p.TIME AS state_seconds, p.INFO AS query
             FROM information_schema.METADATA_LOCK_INFO m
             JOIN information_schema.processlist p ON p.ID = m.THREAD_ID
            WHERE m.THREAD_ID <> CONNECTION_ID()
         ) l WHERE ${match} ORDER BY schema_name, table_name, thread_id`;
    const rows = await ctx.db.query(sql, params);
    return {
        source,
        waiting,
        locks: rows.map((r) => ({
            table: `${String(r.schema_name)}.${String(r.table_name)}`,
            lockType: String(r.lock_type),
            isGranted: String(r.lock_status) === 'GRANTED',
            threadId: Number(r.thread_id),
            user: String(r.user ?? ''),
            host: String(r.host ?? ''),
            command: String(r.command ?? ''),
            stateSeconds: Number(r.state_seconds ?? 0),
            query: maskMysqlQuery(r.query),
        })),
    };
}
/**
 * performance_schema when it is on and its metadata-lock instrument is enabled, else the MariaDB
 * plugin when installed, else inference from open transactions.
 */
async function metadataLockSource(ctx) {
    const [row] = await ctx.db.query(`SELECT @@performance_schema AS ps,
            (SELECT COUNT(*) FROM information_schema.plugins WHERE plugin_name = 'METADATA_LOCK_INFO' AND plugin_status = 'ACTIVE') AS plugin`);
    if (Number(row?.ps) === 1) {
        const [instrument] = await ctx.db.query(`SELECT ENABLED AS enabled FROM performance_schema.setup_instruments WHERE NAME = 'wait/lock/metadata/sql/mdl'`);
        if (instrument?.enabled === 'YES')
            return 'performance_schema';
    }
    return Number(row?.plugin) > 0 ? 'metadata_lock_info' : 'inferred';
}
/** Tables the pending DDL changes, in first-touched order; tables the pending set creates are left out. */
function ddlTables(ctx) {
    const out = [];
    const created = [];
    for (const file of ctx.pending) {
        for (const stmt of file.parsed.statements) {
            const { tables, isDdl } = (0,statements/* touchedTablesOf */.r7)(stmt);
            for (const t of isDdl ? tables : []) {
                const name = `${t.db ?? ctx.server.database}.${t.table}`;
                if (!created.some((c) => (0,statements/* isSameTable */.j9)(c, t)) && !out.some((o) => o.table === name))
                    out.push({ table: name, at: { file, stmt } });
            }
            created.push(...(0,statements/* createdTables */.CR)(stmt));
        }
    }
    return out;
}
/** Which of the qualified names exist on the target. */
async function existingTables(ctx, tables) {
    if (tables.length === 0)
        return new Set();
    const rows = await ctx.db.query(`SELECT CONCAT(table_schema, '.', table_name) AS name FROM information_schema.tables
      WHERE (table_schema, table_name) IN (${tables.map(() => '(?, ?)').join(', ')})`, tables.flatMap((t) => t.split('.')));
    return new Set(rows.map((r) => r.name));
}
/** One session, for a summary: "thread 42 (app@10.0.0.5, idle for 35 s, transaction open 40 s)". */
function describeTransaction(t) {
    const activity = t.command === 'Sleep' ? `idle for ${t.stateSeconds} s` : `running ${t.query ? `"${t.query.slice(0, 60)}"` : t.command} for ${t.stateSeconds} s`;
    return `thread ${t.threadId} (${t.user}@${hostOnly(t.host)}, transaction open ${t.ageSeconds} s, ${activity})`;
}
/** A session as evidence. */
function transactionEvidence(t) {
    return {
        threadId: t.threadId,
        user: t.user,
        host: t.host,
        db: t.db,
        command: t.command,
        state: t.state,
        ageSeconds: t.ageSeconds,
        stateSeconds: t.stateSeconds,
        rowsLocked: t.rowsLocked,
        rowsModified: t.rowsModified,
        query: t.query,
    };
}
/** The client host without its port ("10.0.0.5:53422" -> "10.0.0.5"). */
function hostOnly(host) {
    return host.replace(/:\d+$/, '');
}
/** Shapes a processlist/innodb_trx row. */
function toTransaction(r) {
    return {
        threadId: Number(r.thread_id),
        user: String(r.user ?? ''),
        host: String(r.host ?? ''),
        db: r.db == null ? null : String(r.db),
        command: String(r.command ?? ''),
        state: r.state == null || r.state === '' ? null : String(r.state),
        stateSeconds: Number(r.state_seconds ?? 0),
        ageSeconds: Number(r.age_seconds ?? 0),
        rowsLocked: Number(r.rows_locked ?? 0),
        rowsModified: Number(r.rows_modified ?? 0),
        query: maskMysqlQuery(r.query),
    };
}
/**
 * Masks literals in MySQL query text before it reaches a report: '...' and "..." strings (with
 * backslash escapes), hex and numeric literals become ?, comments are dropped, at most 200 characters.
 * Query text can hold passwords and personal data; its shape is enough to recognise it.
 */
function maskMysqlQuery(text, max = 200) {
    if (!text)
        return '';
    const masked = text
        .replace(/'(?:[^'\\]|\\[\s\S]|'')*('|$)|"(?:[^"\\]|\\[\s\S]|"")*("|$)/g, '?')
        .replace(/(--[ \t]|#)[^\n]*|\/\*(?![!+])[\s\S]*?(\*\/|$)/g, ' ')
        .replace(/\b(0x[0-9a-f]+|\d+(\.\d+)?(e[+-]?\d+)?)\b/gi, '?')
        .replace(/\s+/g, ' ')
        .trim();
    return masked.length > max ? `${masked.slice(0, max)}...` : masked;
}
/** ER_SPECIFIC_ACCESS_DENIED_ERROR: reading other sessions' transactions needs the PROCESS privilege. */
const ER_SPECIFIC_ACCESS_DENIED_ERROR = 1227;
/** True when a catalog read failed for want of the PROCESS privilege. */
function isMissingProcessPrivilege(error) {
    return error?.errno === ER_SPECIFIC_ACCESS_DENIED_ERROR;
}
/** The skip reason when the PROCESS privilege is missing. */
const NEEDS_PROCESS_PRIVILEGE = 'The preflight login lacks the PROCESS privilege, so other sessions\' transactions and locks cannot be seen (information_schema.innodb_trx). GRANT PROCESS ON *.* TO the preflight user.';

;// CONCATENATED MODULE: ./src/checks/live/mysql-long-transactions.ts



/**
 * InnoDB transactions open for a long time, and sessions idle inside a transaction
 * (information_schema.innodb_trx). Each holds a metadata lock on every table it used until it
 * ends, so an ALTER TABLE on one of them waits, and every later query on that table queues behind
 * the ALTER. They also keep purge from removing old row versions (the history list grows).
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
/* harmony default export */ const mysql_long_transactions = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'mysql-long-transactions',
    title: 'No long-open or idle transactions (MySQL)',
    category: 'locks',
    severity: 'error',
    dialects: ['mysql'],
    async run(ctx) {
        const { longTransactionSeconds, idleInTransactionSeconds } = ctx.target.thresholds;
        let open;
        try {
            open = await readTransactions(ctx);
        }
        catch (error) {
            if (isMissingProcessPrivilege(error))
                return engine_define/* outcome */.bu.skip(NEEDS_PROCESS_PRIVILEGE);
            throw error;
        }
        const idle = open.filter((t) => t.command === 'Sleep' && t.stateSeconds > idleInTransactionSeconds && t.ageSeconds > idleInTransactionSeconds);
        const long = open.filter((t) => !idle.includes(t) && t.ageSeconds > longTransactionSeconds);
        const evidence = {
            thresholds: { longTransactionSeconds, idleInTransactionSeconds },
            openTransactions: open.length,
            idleInTransaction: idle.map(transactionEvidence),
            longTransactions: long.map(transactionEvidence),
        };
        if (idle.length === 0 && long.length === 0) {
            return {
                status: 'pass',
                summary: `No transaction open longer than ${formatSeconds(longTransactionSeconds)} and none idle in a transaction longer than ${formatSeconds(idleInTransactionSeconds)} (${open.length} open now).`,
                evidence,
            };
        }
        return mysql_long_transactions_grade(idle, long, evidence);
    },
}));
/** Fails on sessions idle in a transaction (nobody is coming back to end it); warns on long-running ones. */
function mysql_long_transactions_grade(idle, long, evidence) {
    const parts = [];
    if (idle.length > 0)
        parts.push(`${idle.length} session${idle.length === 1 ? ' is' : 's are'} idle in a transaction: ${idle.map(describeTransaction).join('; ')}`);
    if (long.length > 0)
        parts.push(`${long.length} transaction${long.length === 1 ? ' has' : 's have'} been open a long time: ${long.map(describeTransaction).join('; ')}`);
    const first = idle[0] ?? long[0];
    return {
        status: idle.length > 0 ? 'fail' : 'warn',
        summary: `${parts.join('. ')}. Each holds metadata locks on the tables it used until it ends: an ALTER TABLE on them waits, and every later query on the table queues behind the ALTER.`,
        mitigation: `Find the owner from user and host and have them COMMIT or ROLLBACK. If a session is abandoned, KILL ${first.threadId} ends it and rolls its transaction back ` +
            '(KILL QUERY only stops a running statement). Set wait_timeout so abandoned sessions end on their own, and run the migration with a short lock_wait_timeout. See runbook/mysql-long-transactions.md.',
        evidence,
    };
}

;// CONCATENATED MODULE: ./src/checks/live/mysql-metadata-locks.ts


/** A holder whose statement started less than this long ago, and is running, is ordinary traffic: warn, do not fail. */
const mysql_metadata_locks_TRANSIENT_SECONDS = 1;
const mysql_metadata_locks_MITIGATION = 'Wait for these sessions to finish and run preflight again. If one is stuck or abandoned, KILL <thread id> ends it and rolls back its transaction (ask its owner first). ' +
    'Run the migration with SET SESSION lock_wait_timeout = 5 (seconds) so it gives up instead of stalling the table. See runbook/mysql-metadata-locks.md.';
/**
 * Every DDL statement needs an exclusive metadata lock on its table, at least briefly, and waits
 * for every session holding any metadata lock on it: a transaction that so much as read the table
 * holds one until it ends. While the ALTER waits, every later query on the table queues behind it.
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
/* harmony default export */ const mysql_metadata_locks = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'mysql-metadata-locks',
    title: 'No session holds a metadata lock the migration must wait for (MySQL)',
    category: 'locks',
    severity: 'error',
    dialects: ['mysql'],
    async run(ctx) {
        const wanted = ddlTables(ctx);
        if (wanted.length === 0)
            return engine_define/* outcome */.bu.skip('No pending DDL statement changes an existing table.');
        const existing = await existingTables(ctx, wanted.map((w) => w.table));
        const tables = wanted.filter((w) => existing.has(w.table));
        if (tables.length === 0)
            return engine_define/* outcome */.bu.pass('The pending DDL changes only tables that do not exist yet: nobody else can hold locks on them.', { tables: [] });
        try {
            const snapshot = await readMetadataLocks(ctx, tables.map((t) => t.table));
            return snapshot.source === 'inferred' ? await inferredOutcome(ctx, tables, snapshot) : exactOutcome(tables, snapshot);
        }
        catch (error) {
            if (isMissingProcessPrivilege(error))
                return engine_define/* outcome */.bu.skip(NEEDS_PROCESS_PRIVILEGE);
            throw error;
        }
    },
}));
/** Grades exact metadata locks: a granted lock or a queued request on a touched table. */
function exactOutcome(tables, snapshot) {
    const source = snapshot.source === 'performance_schema' ? 'performance_schema.metadata_locks' : 'information_schema.METADATA_LOCK_INFO';
    const evidence = { source, tables: tables.map((t) => t.table), locks: snapshot.locks.map(lockEvidence) };
    if (snapshot.locks.length === 0)
        return engine_define/* outcome */.bu.pass(`No other session holds or waits for a metadata lock on ${tables.map((t) => t.table).join(', ')} (${source}).`, evidence);
    const findings = snapshot.locks.map((lock) => {
        const at = tables.find((t) => t.table === lock.table)?.at;
        const who = describeLock(lock);
        return {
            message: lock.isGranted
                ? `${who} holds a ${lock.lockType} metadata lock on ${lock.table}: the DDL here waits for that transaction to end, and every later query on ${lock.table} queues behind it.`
                : `${who} already waits for a ${lock.lockType} metadata lock on ${lock.table}: the DDL here would queue behind it.`,
            mitigation: mysql_metadata_locks_MITIGATION,
            severity: mysql_metadata_locks_isTransient(lock) ? 'warning' : 'error',
            evidence: lockEvidence(lock),
            tables: [lock.table],
            ...(at ? { at } : {}),
        };
    });
    const isFail = findings.some((f) => f.severity === 'error');
    const summary = `${snapshot.locks.length} metadata lock${snapshot.locks.length === 1 ? '' : 's'} of other sessions on tables the migration alters: ${findings[0].message}`;
    return { status: isFail ? 'fail' : 'warn', summary, mitigation: mysql_metadata_locks_MITIGATION, evidence, findings };
}
/**
 * Without performance_schema's metadata-lock instrument (MariaDB's default) or the
 * METADATA_LOCK_INFO plugin, which tables a transaction used cannot be seen: every open
 * transaction may hold a metadata lock on them, and sessions already queued for one are certain trouble.
 */
async function inferredOutcome(ctx, tables, snapshot) {
    const names = tables.map((t) => t.table);
    const open = (await readTransactions(ctx)).filter((t) => t.ageSeconds >= mysql_metadata_locks_TRANSIENT_SECONDS || t.command === 'Sleep');
    const note = 'performance_schema metadata-lock instrumentation is off and the METADATA_LOCK_INFO plugin is not installed, so which tables a transaction used cannot be seen; ' +
        'every open transaction is a possible holder. Enable wait/lock/metadata/sql/mdl in performance_schema (MySQL) or INSTALL SONAME \'metadata_lock_info\' (MariaDB) for exact answers.';
    const evidence = { source: 'inferred from information_schema.innodb_trx and processlist', tables: names, waiting: snapshot.waiting.map(transactionEvidence), openTransactions: open.map(transactionEvidence), note };
    if (snapshot.waiting.length > 0) {
        const queued = snapshot.waiting.filter((w) => names.some((n) => mentions(w.query, n)));
        const shown = queued.length > 0 ? queued : snapshot.waiting;
        return engine_define/* outcome */.bu.fail(`${shown.length} session${shown.length === 1 ? ' is' : 's are'} already waiting for a metadata lock${queued.length > 0 ? ` on ${names.join(', ')}` : ''}: ${shown.map(describeTransaction).join('; ')}. The DDL would queue behind ${shown.length === 1 ? 'it' : 'them'}, and every later query behind the DDL.`, mysql_metadata_locks_MITIGATION, evidence);
    }
    if (open.length > 0) {
        return engine_define/* outcome */.bu.warn(`${open.length} open transaction${open.length === 1 ? '' : 's'} may hold metadata locks on ${names.join(', ')}: ${open.map(describeTransaction).join('; ')}. If one used these tables, the DDL waits for it to end and every later query on the table queues behind the DDL. (${note})`, mysql_metadata_locks_MITIGATION, evidence);
    }
    return engine_define/* outcome */.bu.pass(`No open transaction and no session waiting for a metadata lock, so nothing can hold one on ${names.join(', ')}.`, evidence);
}
/** True when the (masked) query text names the table, with or without its database. */
function mentions(query, qualified) {
    const table = qualified.split('.').pop();
    return new RegExp(`(^|[^A-Za-z0-9_$])\`?${table.replace(/[$]/g, '\\$')}\`?([^A-Za-z0-9_$]|$)`, 'i').test(query);
}
/** A running statement that just started is ordinary traffic; an idle holder is not going away by itself. */
function mysql_metadata_locks_isTransient(lock) {
    return lock.command !== 'Sleep' && lock.stateSeconds < mysql_metadata_locks_TRANSIENT_SECONDS;
}
/** "thread 42 (app@10.0.0.5, idle for 35 s)". */
function describeLock(lock) {
    const activity = lock.command === 'Sleep' ? `idle for ${lock.stateSeconds} s` : `running ${lock.query ? `"${lock.query.slice(0, 60)}"` : lock.command} for ${lock.stateSeconds} s`;
    return `Thread ${lock.threadId} (${lock.user}@${lock.host.replace(/:\d+$/, '')}, ${activity})`;
}
/** A lock as evidence. */
function lockEvidence(lock) {
    return { table: lock.table, lockType: lock.lockType, granted: lock.isGranted, threadId: lock.threadId, user: lock.user, host: lock.host, command: lock.command, stateSeconds: lock.stateSeconds, query: lock.query };
}

;// CONCATENATED MODULE: ./src/checks/live/out-of-order-migrations.ts


/** What each tool does with a pending migration older than the newest applied one. */
const TOOL_BEHAVIOUR = {
    atlas: 'Atlas refuses to migrate with its default --exec-order linear; linear-skip skips the file and non-linear applies it after migrations written later',
    flyway: 'Flyway refuses to migrate ("Detected resolved migration not applied to database") unless outOfOrder=true',
    dbmate: 'dbmate applies it, after migrations that were written later',
    goose: 'goose refuses to migrate ("found missing migrations") unless run with -allow-missing, which applies it after migrations written later',
    prisma: 'Prisma applies it, after migrations that were written later',
};
/**
 * A pending migration ordered before the newest applied one, usually from a branch merged late:
 * it runs after migrations written after it, against a schema they already changed, or the tool
 * refuses to run it at all.
 */
/* harmony default export */ const out_of_order_migrations = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'out-of-order-migrations',
    title: 'Pending migrations come after the applied ones',
    category: 'migration-state',
    severity: 'warning',
    async run(ctx) {
        const found = historyOrSkip(ctx);
        if (isOutcome(found))
            return found;
        const { layout, history } = found;
        if (!history.exists)
            return engine_define/* outcome */.bu.pass(`History table ${history.table} does not exist yet: every migration runs in order.`);
        const failedIds = new Set(history.applied.filter((r) => r.isFailed).map((r) => r.id));
        const newest = newestApplied(ctx, layout, history);
        if (!newest)
            return engine_define/* outcome */.bu.pass('No migration is applied yet: the pending ones run in order.');
        // A failed migration waiting for a retry is not out of order.
        const early = ctx.pending.filter((p) => p.migration.kind === 'versioned' && newest.isAfter(p.migration) && !failedIds.has(p.migration.id));
        const evidence = { newestApplied: newest.id, outOfOrder: early.map((p) => p.migration.id) };
        if (early.length === 0)
            return engine_define/* outcome */.bu.pass(`Every pending migration comes after the newest applied one (${newest.id}).`, evidence);
        const behaviour = TOOL_BEHAVIOUR[layout.name] ?? `${layout.tool} runs it after migrations that were written later`;
        const findings = [];
        for (const p of early) {
            findings.push({
                at: await fileStart(ctx, p.migration),
                message: `${p.migration.path} is pending but ordered before ${newest.described}, which ${ctx.targetName} already applied: ${behaviour}.`,
                mitigation: `Check it does not depend on the schema before ${newest.id}; rename it so it sorts after ${newest.id} (if it was never applied anywhere), or allow out-of-order runs deliberately.`,
                evidence: { id: p.migration.id, newestApplied: newest.id },
            });
        }
        return {
            status: 'warn',
            summary: `${early.length} pending migration${early.length === 1 ? '' : 's'} ordered before the newest applied one (${newest.id}): ${behaviour}.`,
            mitigation: 'Rename late-merged migrations so they sort after the applied ones, or make sure they are independent of the migrations they now follow.',
            evidence,
            findings,
        };
    },
}));
/**
 * The newest applied migration. Where every version is an integer (goose, sqlx, dbmate, Supabase,
 * simple Flyway versions) it is the highest applied version, with or without a file in the
 * folder (a file deleted, or applied from another branch, still moves the tool's history on);
 * otherwise the last listed file the history marks applied, in the tool's order.
 */
function newestApplied(ctx, layout, history) {
    const isInteger = (id) => /^\d+$/.test(id);
    const applied = history.applied.filter((r) => !r.isFailed);
    const versioned = ctx.migrations.filter((m) => m.kind === 'versioned');
    if (applied.length > 0 && applied.every((r) => isInteger(r.id)) && versioned.every((m) => isInteger(m.id))) {
        const top = applied.reduce((a, b) => (BigInt(b.id) > BigInt(a.id) ? b : a));
        const file = versioned.find((m) => BigInt(m.id) === BigInt(top.id));
        return { id: top.id, described: file ? file.path : `version ${top.id} (no file for it in the folder)`, isAfter: (m) => BigInt(m.id) < BigInt(top.id) };
    }
    const order = new Map(ctx.migrations.map((m, i) => [m.path, i]));
    const indexes = ctx.migrations.flatMap((m, i) => (m.kind === 'versioned' && layout.isApplied(m, history) ? [i] : []));
    if (indexes.length === 0)
        return undefined;
    const newest = ctx.migrations[Math.max(...indexes)];
    return { id: newest.id, described: newest.path, isAfter: (m) => (order.get(m.path) ?? Infinity) < order.get(newest.path) };
}

// EXTERNAL MODULE: ./src/dialects/postgres/catalog/archiver.ts
var archiver = __webpack_require__(51748);
;// CONCATENATED MODULE: ./src/checks/live/point-in-time-recovery.ts


/**
 * Whether the target could be restored to just before the migration: WAL archiving is on and
 * working (pg_stat_archiver shows a recent success and no failure after it). Informational: it
 * warns, never fails. With acceptPitrAsBackup the static rules also take it as backup evidence
 * for destructive statements. https://www.postgresql.org/docs/current/continuous-archiving.html
 */
/* harmony default export */ const point_in_time_recovery = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'point-in-time-recovery',
    title: 'Point-in-time recovery is possible',
    category: 'capacity',
    severity: 'warning',
    async run(ctx) {
        const state = await (0,archiver/* readArchiver */.b9)(ctx);
        const verdict = (0,archiver/* judgeArchiving */.tM)(state);
        const accepted = ctx.target.acceptPitrAsBackup;
        const evidence = { ...state, lastSuccessAgeSeconds: verdict.lastSuccessAgeSeconds, acceptPitrAsBackup: accepted };
        if (verdict.isWorking) {
            const use = accepted ? ' The config accepts it as backup evidence for destructive statements.' : ' Set acceptPitrAsBackup to let it count as backup evidence for destructive statements.';
            return engine_define/* outcome */.bu.pass(`${capitalise(verdict.reason)}.${use}`, evidence);
        }
        return engine_define/* outcome */.bu.warn(`Point-in-time recovery is not assured: ${verdict.reason}.${accepted ? ' acceptPitrAsBackup is set, but it is not taken as backup evidence while archiving does not work.' : ''}`, 'Take a backup (pg_dump of the affected tables, or a snapshot) before destructive migrations, or fix WAL archiving (archive_mode, archive_command or your provider\'s backup settings) and check pg_stat_archiver.', evidence);
    },
}));
/** Upper-cases the first letter. */
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/checks/live/prepared-transactions.ts





/**
 * Prepared transactions (PREPARE TRANSACTION, two-phase commit) in the target database. They have
 * no session: nothing times them out, they survive restarts, and they keep their locks and hold
 * back vacuum until someone runs COMMIT PREPARED or ROLLBACK PREPARED
 * (https://www.postgresql.org/docs/current/sql-prepare-transaction.html).
 */
/* harmony default export */ const prepared_transactions = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'prepared-transactions',
    title: 'No prepared transaction holds locks or holds back vacuum',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        const [state, snapshot] = await Promise.all([readServerState(ctx), readActivity(ctx)]);
        const max = Number(state.settings.max_prepared_transactions?.value ?? '0');
        if (snapshot.prepared.length === 0) {
            return engine_define/* outcome */.bu.pass(max === 0 ? 'max_prepared_transactions is 0: the server cannot have prepared transactions.' : `No prepared transaction in database ${ctx.server.database} (max_prepared_transactions ${max}).`, { maxPreparedTransactions: max, prepared: 0 });
        }
        const touched = touchedByName(ctx);
        const findings = [];
        const blocking = new Set();
        for (const p of snapshot.prepared) {
            for (const lock of locksOf(p, snapshot.locks)) {
                const t = touched.get(lock.table);
                if (!t || !lock.granted || !locksConflict(lock.mode, t.lock))
                    continue;
                blocking.add(p.gid);
                const needed = firstConflictingStatement(ctx, t, lock.mode);
                findings.push({
                    message: `Prepared transaction '${p.gid}' (owner ${p.owner}, prepared ${formatSeconds(p.ageSeconds)} ago) holds ${lock.mode} on ${lock.table}; ${needed ? describeStatement(needed.ref) : 'the migration'} needs ${needed?.lock ?? t.lock} and will wait until the transaction is committed or rolled back.`,
                    mitigation: mitigation(ctx.server.database),
                    evidence: { gid: p.gid, owner: p.owner, preparedAt: p.preparedAt, ageSeconds: p.ageSeconds, table: lock.table, lockHeld: lock.mode },
                    tables: [lock.table],
                    ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
                });
            }
        }
        const limit = ctx.target.thresholds.idleInTransactionSeconds;
        const old = snapshot.prepared.filter((p) => p.ageSeconds > limit);
        const evidence = {
            maxPreparedTransactions: max,
            idleTimeoutMs: settingMs(state.settings.idle_in_transaction_session_timeout) ?? null,
            prepared: snapshot.prepared.map((p) => ({
                gid: p.gid,
                owner: p.owner,
                preparedAt: p.preparedAt,
                ageSeconds: p.ageSeconds,
                locksOnTouchedTables: locksOf(p, snapshot.locks).map((l) => `${l.mode} on ${l.table}`),
            })),
        };
        const list = snapshot.prepared.map((p) => `'${p.gid}' (owner ${p.owner}, ${formatSeconds(p.ageSeconds)} old)`).join(', ');
        if (blocking.size > 0) {
            return {
                status: 'fail',
                summary: `${blocking.size} prepared transaction${blocking.size === 1 ? '' : 's'} hold${blocking.size === 1 ? 's' : ''} locks the migration needs: ${[...blocking].map((g) => `'${g}'`).join(', ')}. Prepared transactions never time out, so the migration would wait until someone resolves them.`,
                mitigation: mitigation(ctx.server.database),
                evidence,
                findings,
            };
        }
        if (old.length > 0) {
            return engine_define/* outcome */.bu.warn(`${old.length} prepared transaction${old.length === 1 ? ' is' : 's are'} older than ${formatSeconds(limit)}: ${list}. They hold their locks and keep vacuum from cleaning up until resolved.`, mitigation(ctx.server.database), evidence);
        }
        return engine_define/* outcome */.bu.pass(`${snapshot.prepared.length} recent prepared transaction${snapshot.prepared.length === 1 ? '' : 's'} (${list}), none holding locks on the touched tables.`, evidence);
    },
}));
/** Table locks held by one prepared transaction (pg_locks shows them with no pid, under its dummy virtual transaction). */
function locksOf(p, locks) {
    return p.virtualTransaction === null ? [] : locks.filter((l) => l.pid === null && l.virtualTransaction === p.virtualTransaction);
}
/** What to do about a prepared transaction. */
function mitigation(database) {
    return (`Ask the owner of the two-phase commit (the application or transaction manager that issued PREPARE TRANSACTION) to finish it. ` +
        `For an orphan, decide whether its work should stand, then in database ${database} as its owner or a superuser run COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid'. ` +
        'See runbook/prepared-transactions.md.');
}

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/replication.ts
/** SQL for a server major: wal_status exists from PostgreSQL 13 on. */
function replicationSql(major) {
    const lsn = 'CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END';
    const walStatus = major >= 13 ? 's.wal_status' : 'NULL';
    return `
SELECT
  (SELECT coalesce(json_agg(json_build_object(
      'pid', r.pid, 'application', r.application_name, 'clientAddress', host(r.client_addr), 'state', r.state, 'syncState', r.sync_state,
      'replayLagSeconds', extract(epoch FROM r.replay_lag)::float8,
      'replayLagBytes', pg_wal_lsn_diff(${lsn}, r.replay_lsn)::float8) ORDER BY r.pid), '[]')
     FROM pg_stat_replication r) AS standbys,
  (SELECT coalesce(json_agg(json_build_object(
      'name', s.slot_name, 'type', s.slot_type, 'isActive', s.active, 'database', s.database, 'walStatus', ${walStatus},
      'retainedBytes', pg_wal_lsn_diff(${lsn}, s.restart_lsn)::float8) ORDER BY s.slot_name), '[]')
     FROM pg_replication_slots s) AS slots`;
}
/** Reads standbys and slots once per run. */
function readReplication(ctx) {
    return ctx.memo('postgres:replication', async () => {
        const rows = await ctx.db.query(replicationSql(Math.floor(ctx.server.major)));
        return { standbys: rows[0].standbys, slots: rows[0].slots };
    });
}

;// CONCATENATED MODULE: ./src/checks/live/replication-health.ts



/**
 * Replication before a migration: standbys replaying far behind get further behind when a
 * migration writes a lot of WAL (a table rewrite, an index build), and an inactive replication
 * slot keeps every WAL segment since its restart_lsn, so the extra WAL fills the primary's disk
 * (https://www.postgresql.org/docs/current/warm-standby.html#STREAMING-REPLICATION-SLOTS).
 * Full details need pg_monitor (or pg_read_all_stats); without it the check skips with the reason.
 */
/* harmony default export */ const replication_health = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'replication-health',
    title: 'Standbys keep up and no replication slot is piling up WAL',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        let state;
        try {
            state = await readReplication(ctx);
        }
        catch (error) {
            if (error.code === '42501') {
                return engine_define/* outcome */.bu.skip('The preflight login may not read replication status (SQLSTATE 42501): GRANT pg_monitor TO it to check standby lag and replication slots.');
            }
            throw error;
        }
        return gradeReplication(state, ctx.target.thresholds);
    },
}));
/** Grades standby lag and slot retention against the thresholds. */
function gradeReplication(state, thresholds) {
    const { replicationLagSeconds, slotRetainedBytes } = thresholds;
    const evidence = { thresholds: { replicationLagSeconds, slotRetainedBytes }, standbys: state.standbys, slots: state.slots };
    if (state.standbys.some((s) => s.state === null)) {
        return engine_define/* outcome */.bu.skip('The preflight login cannot see standby details (they need pg_read_all_stats): GRANT pg_monitor TO it to check replication lag.', {
            standbys: state.standbys.length,
            slots: state.slots.length,
        });
    }
    const piling = state.slots.filter((s) => !s.isActive && (s.retainedBytes ?? 0) > slotRetainedBytes);
    const lagging = state.standbys.filter((s) => (s.replayLagSeconds ?? 0) > replicationLagSeconds);
    const lost = state.slots.filter((s) => s.walStatus === 'lost' || s.walStatus === 'unreserved');
    if (piling.length > 0) {
        return engine_define/* outcome */.bu.fail(`Inactive replication slot${piling.length === 1 ? '' : 's'} ${piling.map((s) => `${s.name} (${s.type}, retaining ${formatBytes(s.retainedBytes ?? 0)})`).join(', ')} hold${piling.length === 1 ? 's' : ''} more WAL than ${formatBytes(slotRetainedBytes)}: the WAL this migration writes will pile up on the primary's disk too.`, 'Find the consumer of the slot (a standby, a CDC tool such as Debezium, a logical subscriber) and bring it back, or, if it is gone for good, drop the slot: SELECT pg_drop_replication_slot(\'name\'). Dropping loses the consumer\'s position. See runbook/replication-health.md.', evidence);
    }
    if (lagging.length > 0 || lost.length > 0) {
        const parts = [
            ...lagging.map((s) => `standby ${s.application || s.clientAddress || s.pid} replays ${formatSeconds(s.replayLagSeconds ?? 0)} (${formatBytes(s.replayLagBytes ?? 0)}) behind`),
            ...lost.map((s) => `slot ${s.name} has wal_status ${s.walStatus}`),
        ];
        return engine_define/* outcome */.bu.warn(`${parts.join('; ')}. A migration that writes a lot of WAL will widen the gap, and reads from the standby see old data meanwhile.`, 'Wait for the standbys to catch up before a large migration, and watch pg_stat_replication while it runs. See runbook/replication-health.md.', evidence);
    }
    return engine_define/* outcome */.bu.pass(`${state.standbys.length} standby${state.standbys.length === 1 ? '' : 's'} within ${formatSeconds(replicationLagSeconds)}; ${state.slots.length} replication slot${state.slots.length === 1 ? '' : 's'}, none inactive with more than ${formatBytes(slotRetainedBytes)} of WAL.`, evidence);
}
/** 512 B, 3.2 MB, 10.0 GB. */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}

;// CONCATENATED MODULE: ./src/checks/live/schema-compatibility.ts


/**
 * Replays the pending statements on a model of the target's schema (loaded from the catalog in
 * a few batched queries; nothing runs on the target) and reports each statement that would fail
 * because an object it alters, drops or uses does not exist, an object it creates already
 * exists, or other objects depend on what it drops.
 */
/* harmony default export */ const schema_compatibility = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'schema-compatibility',
    title: 'Pending statements match the target schema',
    category: 'schema',
    severity: 'error',
    run: (ctx) => schemaIssuesOutcome(ctx, ['missing', 'exists', 'dependents'], {
        passed: 'every object they use exists, none they create exists already, and nothing they drop has dependents',
        mitigation: 'Each finding names the object and the statement. A missing or already-existing object usually means the target has drifted from the migrations (compare with `migrations snapshot`) or the migrations run in the wrong order.',
    }),
}));

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/snapshot.ts
/**
 * The expected-schema snapshot: every user table (columns, indexes, constraints), view,
 * sequence, type and extension of a target, as deterministic JSON (sorted keys, no timestamps)
 * so it can be committed and diffed. `migrations snapshot` writes it; the schema-drift check
 * compares a target with it, table by table.
 */

const SNAPSHOT_VERSION = 1;
const TABLE_KINDS = new Set(['table', 'partitioned table', 'foreign table']);
const TYPE_KINDS = { e: 'enum', d: 'domain', c: 'composite', r: 'range', m: 'multirange', b: 'base' };
/** Sorts an object's keys (JSON.stringify keeps insertion order). */
function sorted(entries) {
    return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/** Builds a snapshot from a complete model; `exclude` drops tables such as the tool's history table. */
function snapshot_toSnapshot(model, options = {}) {
    const exclude = new Set(options.exclude ?? []);
    const relations = [...model.relations.entries()].filter(([key]) => !exclude.has(key));
    // Indexes grouped by table once: a scan per table would be quadratic on large schemas.
    const indexesByTable = new Map();
    for (const [, r] of relations)
        if (r.index)
            indexesByTable.set(r.index.table, [...(indexesByTable.get(r.index.table) ?? []), r]);
    const tables = relations.filter(([, r]) => TABLE_KINDS.has(r.kind)).map(([key, r]) => [key, tableSnapshot(r, indexesByTable.get(key) ?? [])]);
    return {
        snapshotVersion: SNAPSHOT_VERSION,
        tool: 'migrations-preflight',
        ...(options.migration ? { migration: options.migration } : {}),
        schemas: [...model.schemas].sort(),
        extensions: sorted([...model.extensions.values()].map((e) => [e.name, e.version])),
        tables: sorted(tables),
        views: sorted(relations.filter(([, r]) => r.kind === 'view' || r.kind === 'materialized view').map(([key, r]) => [key, r.kind])),
        sequences: relations.filter(([, r]) => r.kind === 'sequence').map(([key]) => key).sort(),
        types: sorted([...model.types.entries()]
            .filter(([, t]) => !t.relationKind || t.relationKind === 'composite type')
            .map(([key, t]) => [key, t.typtype === 'e' ? `enum (${t.labels.join(', ')})` : (TYPE_KINDS[t.typtype] ?? t.typtype)])),
    };
}
/** One table: columns in order, indexes and constraints by name. */
function tableSnapshot(r, indexes) {
    return {
        kind: r.kind,
        columns: [...r.columns.values()].map((c) => ({
            name: c.name,
            type: c.type.display,
            notNull: c.isNotNull,
            ...(c.defaultExpr !== undefined && !c.generated ? { default: c.defaultExpr } : {}),
            ...(c.identity ? { identity: c.identity === 'a' ? 'always' : 'by default' } : {}),
            ...(c.generated ? { generated: true } : {}),
        })),
        indexes: sorted(indexes.map((i) => [i.name, `${i.index.definition ?? ''}${i.index.isValid ? '' : ' -- INVALID'}`])),
        constraints: sorted([...r.constraints.values()].filter((c) => c.type !== 'n').map((c) => [c.name, c.definition ?? c.type])),
    };
}
/** Renders a snapshot as stable JSON with a trailing newline. */
function renderSnapshot(snapshot) {
    return `${JSON.stringify(snapshot, null, 2)}\n`;
}
/** Compares the expected snapshot with the actual one, object by object, table by table. */
function compareSnapshots(expected, actual) {
    const drifts = [];
    const presence = (object, want, have) => {
        const haveSet = new Set(have);
        const wantSet = new Set(want);
        for (const k of wantSet)
            if (!haveSet.has(k))
                drifts.push({ object, key: k, differences: [`${object} ${k} is in the snapshot but not on the target`] });
        for (const k of haveSet)
            if (!wantSet.has(k))
                drifts.push({ object, key: k, differences: [`${object} ${k} is on the target but not in the snapshot`] });
    };
    presence('schema', expected.schemas, actual.schemas);
    presence('extension', Object.keys(expected.extensions), Object.keys(actual.extensions));
    for (const [name, version] of Object.entries(expected.extensions)) {
        const have = actual.extensions[name];
        if (have !== undefined && have !== version)
            drifts.push({ object: 'extension', key: name, differences: [`extension ${name} is version ${have}, the snapshot has ${version}`] });
    }
    presence('table', Object.keys(expected.tables), Object.keys(actual.tables));
    for (const [key, want] of Object.entries(expected.tables)) {
        const have = actual.tables[key];
        if (!have)
            continue;
        const differences = tableDifferences(want, have);
        if (differences.length > 0)
            drifts.push({ object: 'table', key, differences });
    }
    presence('view', Object.keys(expected.views), Object.keys(actual.views));
    presence('sequence', expected.sequences, actual.sequences);
    presence('type', Object.keys(expected.types), Object.keys(actual.types));
    for (const [key, want] of Object.entries(expected.types)) {
        const have = actual.types[key];
        if (have !== undefined && have !== want)
            drifts.push({ object: 'type', key, differences: [`type ${key} is ${have}, the snapshot has ${want}`] });
    }
    return drifts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.object.localeCompare(b.object)));
}
/** Column, index and constraint differences of one table. */
function tableDifferences(want, have) {
    const out = [];
    const haveColumns = new Map(have.columns.map((c) => [c.name, c]));
    const wantColumns = new Map(want.columns.map((c) => [c.name, c]));
    for (const c of want.columns) {
        const h = haveColumns.get(c.name);
        if (!h) {
            out.push(`column ${c.name} (${c.type}) is missing`);
            continue;
        }
        if (h.type !== c.type)
            out.push(`column ${c.name} is ${h.type}, the snapshot has ${c.type}`);
        if (h.notNull !== c.notNull)
            out.push(`column ${c.name} is ${h.notNull ? 'NOT NULL' : 'nullable'}, the snapshot has it ${c.notNull ? 'NOT NULL' : 'nullable'}`);
        if ((h.default ?? null) !== (c.default ?? null))
            out.push(`column ${c.name} defaults to ${h.default ?? 'nothing'}, the snapshot has ${c.default ?? 'nothing'}`);
        if ((h.identity ?? null) !== (c.identity ?? null))
            out.push(`column ${c.name} identity is ${h.identity ?? 'none'}, the snapshot has ${c.identity ?? 'none'}`);
    }
    for (const c of have.columns)
        if (!wantColumns.has(c.name))
            out.push(`column ${c.name} (${c.type}) is not in the snapshot`);
    out.push(...namedDifferences('index', want.indexes, have.indexes));
    out.push(...namedDifferences('constraint', want.constraints, have.constraints));
    return out;
}
/** Differences between two name -> definition maps. */
function namedDifferences(what, want, have) {
    const out = [];
    for (const [name, def] of Object.entries(want)) {
        if (!(name in have))
            out.push(`${what} ${name} is missing (${def})`);
        else if (have[name] !== def)
            out.push(`${what} ${name} is "${have[name]}", the snapshot has "${def}"`);
    }
    for (const [name, def] of Object.entries(have))
        if (!(name in want))
            out.push(`${what} ${name} is not in the snapshot (${def})`);
    return out;
}
/** Reads a snapshot from parsed JSON, or says what is wrong with it. */
function parseSnapshot(value) {
    if (value === null || typeof value !== 'object')
        return 'it is not a JSON object';
    const v = value;
    if (v.snapshotVersion !== SNAPSHOT_VERSION)
        return `snapshotVersion is ${JSON.stringify(v.snapshotVersion)}, expected ${SNAPSHOT_VERSION}`;
    for (const field of ['tables', 'extensions', 'views', 'types']) {
        if (v[field] === null || typeof v[field] !== 'object')
            return `"${field}" is missing or not an object`;
    }
    if (!Array.isArray(v.schemas) || !Array.isArray(v.sequences))
        return '"schemas" or "sequences" is missing or not an array';
    return v;
}
/** Key of the tool's history table as the model stores it. */
function historyKey(historyTable) {
    if (!historyTable)
        return undefined;
    const { schema, name } = splitKey(historyTable.includes('.') ? historyTable : `public.${historyTable}`);
    return keyOf(schema, name);
}
/** The newest applied migration in file order, null when none is. */
function latestAppliedId(migrations, isApplied) {
    return migrations.filter((m) => m.kind === 'versioned' && isApplied(m)).at(-1)?.id ?? null;
}

;// CONCATENATED MODULE: ./src/checks/live/schema-drift.ts






/**
 * Compares the target with an expected-schema snapshot (target.schemaSnapshot, written by
 * `migrations snapshot`), table by table: a target changed by hand (a hotfix index, a column
 * added in the console) makes migrations written against the expected schema fail or do the
 * wrong thing. Drift on tables the pending statements touch fails; elsewhere it warns.
 */
/* harmony default export */ const schema_drift = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'schema-drift',
    title: 'The target schema matches the expected snapshot',
    category: 'schema',
    severity: 'error',
    async run(ctx) {
        const configured = ctx.target.schemaSnapshot;
        if (!configured) {
            return engine_define/* outcome */.bu.skip(`No expected-schema snapshot configured for ${ctx.targetName}. To detect drift, write one from a trusted environment with \`migrations snapshot --target <env> --out schema/${ctx.targetName}.json\` and set targets.${ctx.targetName}.schemaSnapshot to that file.`);
        }
        const path = (0,external_node_path_.isAbsolute)(configured) ? configured : (0,external_node_path_.resolve)(ctx.baseDir, configured);
        const expected = await readSnapshot(path);
        if (typeof expected === 'string') {
            return engine_define/* outcome */.bu.fail(`Cannot use the schema snapshot ${configured}: ${expected}.`, `Write it with \`migrations snapshot --target ${ctx.targetName} --out ${configured}\`, or fix targets.${ctx.targetName}.schemaSnapshot.`, { snapshot: configured });
        }
        const model = await ctx.memo('postgres:complete-schema', () => loadSchemaModel(ctx.db, { kind: 'all' }));
        const history = historyKey(ctx.layout?.historyTable);
        const actual = snapshot_toSnapshot(model, { exclude: history ? [history] : [] });
        const drifts = compareSnapshots(expected, actual).filter((d) => d.key !== history);
        const level = migrationLevels(ctx, expected);
        const touched = new Set(ctx.touched.map((t) => (0,pending/* normaliseTable */.TA)(t.table)));
        const evidence = {
            snapshot: configured,
            tables: Object.keys(actual.tables).length,
            snapshotTables: Object.keys(expected.tables).length,
            ...level,
            drifted: drifts.map((d) => `${d.object} ${d.key}`),
        };
        if (drifts.length === 0) {
            return engine_define/* outcome */.bu.pass(`The target matches the snapshot ${configured}: ${evidence.tables} tables, ${Object.keys(actual.views).length} views, ${actual.sequences.length} sequences, ${Object.keys(actual.types).length} types.`, evidence);
        }
        const findings = drifts.map((d) => {
            const isTouched = d.object === 'table' && touched.has(d.key);
            return {
                severity: isTouched && level.isSameLevel !== false ? 'error' : 'warning',
                message: `${schema_drift_capitalise(d.object)} ${d.key} differs from the snapshot${isTouched ? ' and the pending migrations change it' : ''}: ${d.differences.join('; ')}.`,
                mitigation: isTouched
                    ? 'Reconcile the target with the migrations before running them: write a migration for the hand-made change (or undo it), then regenerate the snapshot.'
                    : 'Find who changed it and why; capture the change in a migration, or undo it, then regenerate the snapshot.',
                evidence: { object: d.object, key: d.key, differences: d.differences },
                ...(d.object === 'table' ? { tables: [d.key] } : {}),
            };
        });
        const errors = findings.filter((f) => f.severity === 'error').length;
        const levelNote = level.isSameLevel === false ? ` The snapshot was taken at migration ${level.snapshotMigration ?? 'none'} and the target is at ${level.targetMigration ?? 'none'}, so some differences may be expected: regenerate the snapshot after each deployment.` : '';
        return {
            status: errors > 0 ? 'fail' : 'warn',
            summary: `${drifts.length} object${drifts.length === 1 ? '' : 's'} differ from the snapshot ${configured} (${drifts.slice(0, 5).map((d) => `${d.object} ${d.key}`).join(', ')}${drifts.length > 5 ? ', ...' : ''}).${levelNote}`,
            mitigation: 'Each finding lists the differences of one object. Bring the target back in line with the migrations (a new migration for a wanted change), then regenerate the snapshot with `migrations snapshot`.',
            evidence,
            findings,
        };
    },
}));
/** Reads and validates the snapshot file, or says what is wrong. */
async function readSnapshot(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${error.code})`;
    }
    try {
        return parseSnapshot(JSON.parse(text));
    }
    catch (error) {
        return `${path} is not valid JSON (${error.message})`;
    }
}
/** The migration the snapshot was taken at and the one the target is at, when both are known. */
function migrationLevels(ctx, expected) {
    const snapshotMigration = expected.migration?.latestApplied;
    if (snapshotMigration === undefined || !ctx.layout || !ctx.history)
        return {};
    const { layout, history } = ctx;
    const targetMigration = latestAppliedId(ctx.migrations, (m) => layout.isApplied(m, history));
    return { snapshotMigration, targetMigration, isSameLevel: snapshotMigration === targetMigration };
}
/** Upper-cases the first letter. */
function schema_drift_capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/checks/live/sequence-exhaustion.ts


/**
 * A sequence that reaches its maximum makes every insert that needs a value fail ("nextval:
 * reached maximum value"); a bigint sequence feeding an integer column fails earlier, at the
 * column's maximum ("integer out of range"). Reads every sequence of the database with the
 * columns it feeds (serial and identity columns, and defaults calling nextval) in one query.
 * https://www.postgresql.org/docs/current/view-pg-sequences.html
 */
/* harmony default export */ const sequence_exhaustion = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'sequence-exhaustion',
    title: 'Sequences and identity columns have room left',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        const limit = ctx.target.thresholds.sequenceUsedRatio;
        const rows = await ctx.db.query(SEQUENCES_SQL);
        const usages = rows.map(toUsage);
        const unreadable = usages.filter((u) => !u.isReadable).length;
        const ranked = usages.filter((u) => u.isReadable && !u.isCycle).sort((a, b) => b.ratio - a.ratio);
        const over = ranked.filter((u) => u.ratio >= limit);
        const evidence = {
            sequenceUsedRatio: limit,
            sequences: usages.length,
            unreadable,
            highest: ranked.slice(0, 5).map((u) => ({ sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, used: (0,units/* formatPercent */.l9)(u.ratio) })),
        };
        const note = unreadable > 0 ? ` ${unreadable} sequence${unreadable === 1 ? '' : 's'} could not be read (no SELECT or USAGE privilege).` : '';
        if (over.length > 0) {
            const first = over[0];
            const findings = over.map((u) => ({
                message: `${sequence_exhaustion_describe(u)} has used ${(0,units/* formatPercent */.l9)(u.ratio)} of its range (${(0,units/* formatCount */.B4)(u.lastValue)} of ${(0,units/* formatCount */.B4)(u.effectiveMax)}): inserts fail when it runs out.`,
                mitigation: mitigationFor(u),
                evidence: { sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, ratio: u.ratio },
                ...(u.table ? { tables: [u.table] } : {}),
            }));
            return {
                status: 'fail',
                summary: `${over.length} sequence${over.length === 1 ? '' : 's'} past ${(0,units/* formatPercent */.l9)(limit)} of ${over.length === 1 ? 'its' : 'their'} range; ${sequence_exhaustion_describe(first)} is at ${(0,units/* formatPercent */.l9)(first.ratio)}.${note}`,
                mitigation: mitigationFor(first),
                evidence,
                findings,
            };
        }
        const top = ranked[0];
        const summary = top ? `The fullest of ${usages.length} sequences, ${sequence_exhaustion_describe(top)}, has used ${(0,units/* formatPercent */.l9)(top.ratio)} of its range (limit ${(0,units/* formatPercent */.l9)(limit)}).${note}` : `No sequences in use.${note}`;
        return { status: 'pass', summary, evidence };
    },
}));
/** Every user sequence, with the column it feeds (one row per column) and that column's maximum. */
const SEQUENCES_SQL = `
WITH feeds AS (
  SELECT d.objid AS seq, d.refobjid AS rel, d.refobjsubid AS attnum
    FROM pg_catalog.pg_depend d
   WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
     AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
  UNION
  SELECT d.refobjid, ad.adrelid, ad.adnum
    FROM pg_catalog.pg_attrdef ad
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.objid = ad.oid
     AND d.refclassid = 'pg_catalog.pg_class'::regclass
)
SELECT format('%I.%I', s.schemaname, s.sequencename) AS sequence, s.data_type::text AS data_type,
       s.last_value::text AS last_value, s.min_value::text AS min_value, s.max_value::text AS max_value,
       s.increment_by::text AS increment_by, s.cycle,
       pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE') AS readable,
       format('%I.%I', tn.nspname, t.relname) AS table_name, a.attname::text AS column_name,
       pg_catalog.format_type(a.atttypid, NULL) AS column_type,
       CASE a.atttypid WHEN 'int2'::regtype THEN '32767' WHEN 'int4'::regtype THEN '2147483647' WHEN 'int8'::regtype THEN '9223372036854775807' END AS column_max
  FROM pg_catalog.pg_sequences s
  JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
  LEFT JOIN feeds f ON f.seq = c.oid
  LEFT JOIN pg_catalog.pg_class t ON t.oid = f.rel AND t.relkind IN ('r', 'p')
  LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = f.rel AND a.attnum = f.attnum AND t.oid IS NOT NULL
 WHERE s.schemaname <> 'information_schema' AND s.schemaname !~ '^pg_'
 ORDER BY 1, 9, 10`;
/** Share of the usable range consumed; a descending sequence counts from its maximum down. */
function toUsage(row) {
    const min = Number(row.min_value);
    const seqMax = Number(row.max_value);
    const columnMax = row.column_max !== null ? Number(row.column_max) : Infinity;
    const isDescending = Number(row.increment_by) < 0;
    // An integer column fed by a bigint sequence overflows at the column's maximum, not the sequence's.
    const effectiveMax = isDescending ? seqMax : Math.min(seqMax, columnMax);
    const last = row.last_value !== null ? Number(row.last_value) : isDescending ? seqMax : min;
    const span = effectiveMax - min;
    const used = isDescending ? seqMax - last : last - min;
    const column = row.column_name ? `${row.table_name}.${row.column_name}` : undefined;
    return {
        sequence: row.sequence,
        ...(row.table_name && row.column_name ? { table: row.table_name, column, columnType: row.column_type ?? undefined } : {}),
        lastValue: last,
        effectiveMax,
        limitedBy: columnMax < seqMax && !isDescending ? `column type ${row.column_type}` : `sequence (${row.data_type})`,
        ratio: span > 0 ? Math.max(0, used / span) : 0,
        isReadable: row.readable,
        isCycle: row.cycle,
    };
}
/** "sequence users_id_seq (feeding users.id, integer)". */
function sequence_exhaustion_describe(u) {
    return u.column ? `sequence ${u.sequence} (feeding ${u.column}, ${u.columnType})` : `sequence ${u.sequence}`;
}
/** What to do: widen the column when the column type limits, else the sequence. */
function mitigationFor(u) {
    if (u.limitedBy.startsWith('column type') && u.column) {
        return `Change ${u.column} to bigint (a rewrite under ACCESS EXCLUSIVE: on a large table add a bigint column, backfill it in batches and swap), and check the columns that reference it.`;
    }
    return `ALTER SEQUENCE ${u.sequence} AS bigint (and the columns it feeds to bigint), or plan a new key scheme; CYCLE only helps if old values are gone.`;
}

// EXTERNAL MODULE: ./src/dialects/mysql/server-info.ts
var server_info = __webpack_require__(84304);
;// CONCATENATED MODULE: ./src/dialects/mysql/versions.ts
/**
 * MySQL and MariaDB release series: which ones Migrations Preflight supports, and when each stops
 * getting fixes upstream. Dates from the vendors' lifecycle pages as collected by endoflife.date
 * (https://endoflife.date/mysql, https://endoflife.date/mariadb); MySQL dates are the end of
 * Oracle's extended support, MariaDB dates the end of community maintenance.
 */
/** The oldest series the MySQL checks are written for. */
const OLDEST_SUPPORTED = { mysql: '8.0', mariadb: '10.6' };
/** End of life by release series; series not listed (short-term releases) have no date here. */
const MYSQL_END_OF_LIFE = {
    '5.6': '2021-02-28',
    '5.7': '2023-10-31',
    '8.0': '2026-04-30',
    '8.4': '2032-04-30',
};
const MARIADB_END_OF_LIFE = {
    '10.3': '2023-05-25',
    '10.4': '2024-06-18',
    '10.5': '2025-06-24',
    '10.6': '2026-07-06',
    '10.11': '2028-02-16',
    '11.4': '2029-05-29',
    '11.8': '2028-06-04',
};

;// CONCATENATED MODULE: ./src/checks/live/support/mysql-server-version.ts
/**
 * The server-version check on a MySQL or MariaDB target: at least `minServerVersion`, a series
 * Migrations Preflight supports (MySQL 8.0+, MariaDB 10.6+), and one still maintained upstream.
 */



/** Grades the MySQL or MariaDB version; `compare` orders dotted versions numerically. */
function mysqlServerVersion(ctx, compare) {
    const isMariaDb = (0,server_info/* isMariaDbVersion */.bP)(ctx.server.version);
    const product = isMariaDb ? 'MariaDB' : 'MySQL';
    // "MariaDB 10.11.19" reads better than "MariaDB 10.11.19-MariaDB".
    const version = ctx.server.version.replace(/-MariaDB$/i, '');
    const series = (0,server_info/* releaseSeries */.dB)(ctx.server);
    const min = ctx.target.minServerVersion;
    const eol = (isMariaDb ? MARIADB_END_OF_LIFE : MYSQL_END_OF_LIFE)[series];
    const oldest = isMariaDb ? OLDEST_SUPPORTED.mariadb : OLDEST_SUPPORTED.mysql;
    const evidence = { serverVersion: ctx.server.version, product, series, minServerVersion: min ?? null, endOfLife: eol ?? null, oldestSupported: oldest };
    if (min !== undefined && compare(version, String(min)) < 0) {
        return engine_define/* outcome */.bu.fail(`The target runs ${product} ${version}, older than minServerVersion ${min}.`, `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`, evidence);
    }
    if (compare(series, oldest) < 0) {
        return engine_define/* outcome */.bu.warn(`${product} ${series} is older than ${product} ${oldest}, the oldest series Migrations Preflight checks${eol ? `, and reached end of life on ${eol}` : ''}: online DDL and catalog tables differ, so some checks may be wrong.`, `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; meanwhile review the migration by hand.`, evidence);
    }
    if (eol && ctx.now.toISOString().slice(0, 10) > eol) {
        return engine_define/* outcome */.bu.warn(`${product} ${series} reached end of life on ${eol}: no more security or bug fixes.`, `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; migrations still run, but bugs found now will not be fixed upstream.`, evidence);
    }
    return engine_define/* outcome */.bu.pass(`${product} ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence);
}

;// CONCATENATED MODULE: ./src/checks/live/server-version.ts


/**
 * The target's PostgreSQL version: at least `minServerVersion`, and still supported by the
 * community (https://www.postgresql.org/support/versioning/).
 */
const END_OF_LIFE = {
    11: '2023-11-09',
    12: '2024-11-21',
    13: '2025-11-13',
    14: '2026-11-12',
    15: '2027-11-11',
    16: '2028-11-09',
    17: '2029-11-08',
    18: '2030-11-14',
};
/* harmony default export */ const server_version = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'server-version',
    title: 'Server version is supported and new enough',
    category: 'versions',
    severity: 'error',
    dialects: ['postgres', 'mysql'],
    async run(ctx) {
        if (ctx.db.dialect === 'mysql')
            return mysqlServerVersion(ctx, server_version_compareVersions);
        const { version, major } = ctx.server;
        const evidence = { serverVersion: version, major, minServerVersion: ctx.target.minServerVersion ?? null };
        const min = ctx.target.minServerVersion;
        if (min !== undefined && server_version_compareVersions(version, String(min)) < 0) {
            return engine_define/* outcome */.bu.fail(`The target runs PostgreSQL ${version}, older than minServerVersion ${min}.`, `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`, evidence);
        }
        const eol = END_OF_LIFE[Math.floor(major)] ?? (major < 11 ? 'before 2023' : undefined);
        if (eol && (eol === 'before 2023' || ctx.now.toISOString().slice(0, 10) > eol)) {
            return engine_define/* outcome */.bu.warn(`PostgreSQL ${Math.floor(major)} reached community end of life on ${eol}: no more security or bug fixes.`, 'Plan a major-version upgrade; migrations still run, but bugs found now will not be fixed upstream.', { ...evidence, endOfLife: eol });
        }
        return engine_define/* outcome */.bu.pass(`PostgreSQL ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence);
    },
}));
/** Compares dotted versions numerically: "15.4" < "15.10". */
function server_version_compareVersions(a, b) {
    const pa = a.split(/[.\s-]/).map((x) => Number.parseInt(x, 10) || 0);
    const pb = b.split(/[.\s-]/).map((x) => Number.parseInt(x, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}

// EXTERNAL MODULE: ./src/dialects/postgres/grammars.ts
var grammars = __webpack_require__(43913);
;// CONCATENATED MODULE: ./src/dialects/postgres/sql-features.ts
/**
 * SQL features a statement uses that older PostgreSQL majors lack, read from the parsed nodes
 * (libpg-query's JSON, @pgsql/types shapes). Each entry names the first major that has the
 * feature, from the release notes (https://www.postgresql.org/docs/release/). A "behaviour" entry
 * runs on older majors but does something worse there (a table rewrite instead of a catalog change).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */

/** Indexes all nodes under `root` by kind, e.g. "FuncCall" -> [...], "Constraint" -> [...]. */
function indexNodes(root) {
    const index = new Map();
    const visit = (value) => {
        if (Array.isArray(value)) {
            for (const item of value)
                visit(item);
            return;
        }
        if (!value || typeof value !== 'object')
            return;
        for (const [key, child] of Object.entries(value)) {
            // Node wrappers are single-key objects named in PascalCase: { FuncCall: {...} }.
            if (/^[A-Z]/.test(key) && child && typeof child === 'object' && !Array.isArray(child)) {
                const list = index.get(key) ?? [];
                list.push(child);
                index.set(key, list);
            }
            visit(child);
        }
    };
    visit(root);
    return index;
}
/** Sub-commands of an ALTER TABLE statement. */
function alterCmds(stmt) {
    if (stmt.kind !== 'AlterTableStmt')
        return [];
    return (stmt.node.cmds ?? []).map((c) => c.AlterTableCmd ?? {});
}
/** Constraint nodes anywhere in the statement. */
function constraints(nodes) {
    return nodes.get('Constraint') ?? [];
}
/** Names of functions called anywhere in the statement, lower-case, unqualified. */
function calledFunctions(nodes) {
    return (nodes.get('FuncCall') ?? []).map((f) => {
        const parts = (f.funcname ?? []).map((p) => p?.String?.sval);
        return String(parts[parts.length - 1] ?? '').toLowerCase();
    });
}
const SQL_FEATURES = [
    {
        id: 'add-column-default-without-rewrite',
        name: 'ADD COLUMN with a DEFAULT',
        since: 11,
        kind: 'behaviour',
        olderBehaviour: 'rewrites the whole table under ACCESS EXCLUSIVE instead of storing the default in the catalog',
        isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_AddColumn' && (cmd.def?.ColumnDef?.constraints ?? []).some((c) => c.Constraint?.contype === 'CONSTR_DEFAULT')),
    },
    { id: 'index-include', name: 'INCLUDE columns in an index', since: 11, kind: 'syntax', isUsedBy: (stmt, nodes) => (stmt.kind === 'IndexStmt' && (stmt.node.indexIncludingParams ?? []).length > 0) || constraints(nodes).some((c) => (c.including ?? []).length > 0) },
    { id: 'procedures', name: 'CREATE PROCEDURE', since: 11, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'CreateFunctionStmt' && stmt.node.is_procedure === true },
    { id: 'reindex-concurrently', name: 'REINDEX CONCURRENTLY', since: 12, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'ReindexStmt' && (stmt.node.params ?? []).some((p) => p.DefElem?.defname === 'concurrently') },
    { id: 'generated-columns', name: 'generated columns (GENERATED ALWAYS AS ... STORED)', since: 12, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v') },
    { id: 'drop-expression', name: 'ALTER COLUMN ... DROP EXPRESSION', since: 13, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_DropExpression') },
    { id: 'create-or-replace-trigger', isGrammarSyntax: true, name: 'CREATE OR REPLACE TRIGGER', since: 14, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'CreateTrigStmt' && stmt.node.replace === true },
    { id: 'detach-partition-concurrently', isGrammarSyntax: true, name: 'DETACH PARTITION ... CONCURRENTLY', since: 14, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_DetachPartition' && cmd.def?.PartitionCmd?.concurrent === true) },
    { id: 'set-compression', isGrammarSyntax: true, name: 'ALTER COLUMN ... SET COMPRESSION', since: 14, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetCompression') },
    { id: 'merge', isGrammarSyntax: true, name: 'MERGE', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'MergeStmt' },
    { id: 'nulls-not-distinct', isGrammarSyntax: true, name: 'NULLS NOT DISTINCT', since: 15, kind: 'syntax', isUsedBy: (stmt, nodes) => (stmt.kind === 'IndexStmt' && stmt.node.nulls_not_distinct === true) || constraints(nodes).some((c) => c.nulls_not_distinct === true) },
    { id: 'set-access-method', isGrammarSyntax: true, name: 'ALTER TABLE ... SET ACCESS METHOD', since: 15, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetAccessMethod') },
    { id: 'grant-on-parameter', isGrammarSyntax: true, name: 'GRANT ... ON PARAMETER', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'GrantStmt' && stmt.node.objtype === 'OBJECT_PARAMETER_ACL' },
    { id: 'security-invoker-views', name: 'views WITH (security_invoker)', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'ViewStmt' && (stmt.node.options ?? []).some((o) => o.DefElem?.defname === 'security_invoker') },
    { id: 'merge-returning', isGrammarSyntax: true, name: 'MERGE ... RETURNING', since: 17, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'MergeStmt' && stmt.node.returningClause !== undefined },
    { id: 'set-expression', isGrammarSyntax: true, name: 'ALTER COLUMN ... SET EXPRESSION', since: 17, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetExpression') },
    { id: 'json-table', isGrammarSyntax: true, name: 'JSON_TABLE', since: 17, kind: 'syntax', isUsedBy: (_s, nodes) => nodes.has('JsonTable') },
    { id: 'virtual-generated-columns', isGrammarSyntax: true, name: 'virtual generated columns', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 'v') },
    {
        id: 'not-enforced-constraints',
        isGrammarSyntax: true,
        name: 'NOT ENFORCED constraints',
        since: 18,
        kind: 'syntax',
        // The parser sets is_enforced on every CHECK and FOREIGN KEY it reads unless NOT ENFORCED is written.
        isUsedBy: (_s, nodes) => constraints(nodes).some((c) => (c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN') && c.is_enforced !== true),
    },
    { id: 'without-overlaps', isGrammarSyntax: true, name: 'WITHOUT OVERLAPS (temporal keys)', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.without_overlaps === true) },
    { id: 'not-null-constraint-syntax', isGrammarSyntax: true, name: 'named or NOT VALID NOT NULL constraints (ADD CONSTRAINT ... NOT NULL)', since: 18, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_NOTNULL') },
    { id: 'uuidv7', name: 'uuidv7()', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => calledFunctions(nodes).includes('uuidv7') },
];
/**
 * Whether target-version-syntax reports the feature on a target of this major, because it parses
 * the SQL with that major's own grammar, which rejects it: the live check then leaves it alone,
 * so one MERGE on PostgreSQL 14 is reported once. Targets with no shipped grammar (12 and older) get no such report.
 */
function isLeftToGrammar(feature, major) {
    return feature.isGrammarSyntax === true && (grammars/* OLDER_GRAMMARS */.sH.includes(major) || major >= grammars/* CURRENT_GRAMMAR */.uQ);
}
/** The features a statement uses, oldest first. */
function featuresUsedBy(stmt) {
    const nodes = indexNodes(stmt.node);
    return SQL_FEATURES.filter((f) => f.isUsedBy(stmt, nodes));
}

;// CONCATENATED MODULE: ./src/checks/live/sql-features-supported.ts


/**
 * Features the pending SQL uses against the target's PostgreSQL major: a statement using syntax
 * the server does not have fails when it runs, part-way through the migration; a statement whose
 * behaviour changed runs, but worse (see sql-features.ts for the table). Syntax the target major's
 * own grammar rejects is left to the static rule target-version-syntax, which reports it once.
 */
/* harmony default export */ const sql_features_supported = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'sql-features-supported',
    title: 'The server supports the SQL features the migrations use',
    category: 'versions',
    severity: 'error',
    async run(ctx) {
        const major = Math.floor(ctx.server.major);
        const findings = [];
        const used = new Set();
        for (const file of ctx.pending) {
            for (const stmt of file.parsed.statements) {
                for (const feature of featuresUsedBy(stmt)) {
                    used.add(feature.name);
                    if (major >= feature.since || isLeftToGrammar(feature, major))
                        continue;
                    const evidence = { feature: feature.id, since: feature.since, serverMajor: major, serverVersion: ctx.server.version };
                    findings.push(feature.kind === 'syntax'
                        ? {
                            message: `${feature.name} needs PostgreSQL ${feature.since} or later; the target runs ${ctx.server.version}, so this statement will fail when the migration reaches it.`,
                            mitigation: `Rewrite the statement without ${feature.name}, or upgrade the server to PostgreSQL ${feature.since}+ before running this migration. See runbook/sql-features-supported.md.`,
                            evidence,
                            at: { file, stmt },
                        }
                        : {
                            message: `${feature.name} on PostgreSQL ${ctx.server.version} ${feature.olderBehaviour ?? 'behaves differently'} (PostgreSQL ${feature.since}+ does not).`,
                            mitigation: `Split the change so it does not depend on PostgreSQL ${feature.since} behaviour, or upgrade first. See runbook/sql-features-supported.md.`,
                            severity: 'warning',
                            evidence,
                            at: { file, stmt },
                        });
                }
            }
        }
        const evidence = { serverVersion: ctx.server.version, featuresUsed: [...used].sort() };
        const failing = findings.filter((f) => f.severity !== 'warning');
        if (failing.length > 0) {
            return {
                status: 'fail',
                summary: `${failing.length} pending statement${failing.length === 1 ? ' uses' : 's use'} SQL that PostgreSQL ${ctx.server.version} does not support and will fail when ${failing.length === 1 ? 'it runs' : 'they run'}.`,
                mitigation: 'Rewrite those statements for this server, or upgrade it first. See runbook/sql-features-supported.md.',
                evidence,
                findings,
            };
        }
        if (findings.length > 0) {
            return {
                status: 'warn',
                summary: `${findings.length} pending statement${findings.length === 1 ? ' behaves' : 's behave'} worse on PostgreSQL ${ctx.server.version} than on newer majors.`,
                mitigation: 'Read each finding; see runbook/sql-features-supported.md.',
                evidence,
                findings,
            };
        }
        return engine_define/* outcome */.bu.pass(used.size > 0 ? `PostgreSQL ${ctx.server.version} supports every version-dependent feature the pending SQL uses (${[...used].sort().join(', ')}).` : `The pending SQL uses no feature newer than PostgreSQL ${ctx.server.version}.`, evidence);
    },
}));

;// CONCATENATED MODULE: ./src/checks/live/statement-timeout.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */









/**
 * A statement_timeout that the migration role's sessions start with (ALTER ROLE/DATABASE ... SET,
 * or the server's) applies to the migration too: an index build, a table rewrite or a validating
 * scan on a large table that runs past it is cancelled half-way. The work is lost, the file stops
 * there (files run outside a transaction stay half-applied), and CREATE INDEX CONCURRENTLY leaves
 * an INVALID index behind (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT).
 * A file that sets statement_timeout itself has decided, and is left alone.
 */
/* harmony default export */ const statement_timeout = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'statement-timeout',
    title: 'Long migration statements are not cut off by statement_timeout',
    category: 'locks',
    severity: 'warning',
    async run(ctx) {
        const long = longStatements(ctx);
        if (long.length === 0)
            return engine_define/* outcome */.bu.pass('No pending statement does work proportional to the size of an existing table.');
        const state = await readServerState(ctx);
        const setting = effectiveSetting(state, 'statement_timeout');
        const timeoutMs = settingMs(setting) ?? 0;
        const evidence = { migrationRole: state.migrationRole, statementTimeoutMs: timeoutMs, statementTimeoutSource: setting?.source ?? null };
        if (timeoutMs === 0)
            return engine_define/* outcome */.bu.pass(`The migration role ${state.migrationRole} runs without a statement_timeout: long statements are not cut off.`, evidence);
        const sizes = await (0,table_sizes/* readTableSizes */.BJ)(ctx);
        // Only tables with rows: a table the pending set creates, or an empty one, is done at once.
        const atRisk = long.flatMap((l) => {
            const size = sizes.get((0,pending/* normaliseTable */.TA)(l.table));
            return size && (size.rows > 0 || size.tableBytes > 8192) ? [{ ...l, size }] : [];
        });
        const limit = formatSeconds(timeoutMs / 1000);
        const source = setting?.source === 'role' ? `ALTER ROLE/DATABASE ... SET for ${state.migrationRole}` : 'the server default';
        if (atRisk.length === 0) {
            return engine_define/* outcome */.bu.pass(`statement_timeout is ${limit} (${source}), and no long pending statement works on an existing table with rows.`, { ...evidence, longStatements: long.length });
        }
        const findings = atRisk.map((r) => ({
            message: `${r.work} on ${r.size.resolved} (${describeSize(r.size)}) runs under the migration role's statement_timeout of ${limit} (${source}): ` +
                `if it takes longer it is cancelled half-way${r.isConcurrentIndex ? ', leaving an INVALID index behind' : ''}, and the migration stops there.`,
            mitigation: statement_timeout_MITIGATION,
            evidence: { table: r.size.resolved, rows: r.size.rows, totalBytes: r.size.totalBytes, work: r.work, statementTimeoutMs: timeoutMs },
            tables: [r.size.resolved],
            at: r.ref,
        }));
        const tables = [...new Set(atRisk.map((r) => r.size.resolved))];
        return {
            status: 'warn',
            summary: `statement_timeout is ${limit} for ${state.migrationRole} (${source}) and ${atRisk.length} pending statement${atRisk.length === 1 ? ' does' : 's do'} work proportional to ${tables.length === 1 ? tables[0] : `${tables.length} tables`} without setting statement_timeout first: ${atRisk.length === 1 ? 'it is' : 'they are'} cancelled if slower.`,
            mitigation: statement_timeout_MITIGATION,
            evidence: { ...evidence, tables, statements: atRisk.length },
            findings,
        };
    },
}));
const statement_timeout_MITIGATION = "Start the migration file with SET statement_timeout = 0; (or a value above the longest expected statement) after SET lock_timeout: it applies to the migration's session only, " +
    'and the role default keeps protecting the application. See runbook/statement-timeout.md.';
/** Statements that rebuild, scan or rewrite the rows of a table, in files that do not set statement_timeout before them. */
function longStatements(ctx) {
    const out = [];
    for (const file of ctx.pending) {
        const steps = (0,lock_timeout/* timeoutSteps */.DU)(file.parsed.statements, 'statement_timeout', file.migration.runsInTransaction);
        for (const [i, stmt] of file.parsed.statements.entries()) {
            // The file chose its own value (0 disables it): that decision is the file's.
            if (steps[i]?.before !== undefined)
                continue;
            const ref = { file, stmt };
            const rebuilds = statementRebuilds(ref);
            for (const r of rebuilds)
                out.push({ ref, table: r.table, work: r.reason, isConcurrentIndex: stmt.kind === 'IndexStmt' && stmt.node.concurrent === true });
            if (rebuilds.length === 0)
                out.push(...scans(ref));
        }
    }
    return out;
}
/** Statements that read or change every row without rebuilding: validating constraints, SET NOT NULL, UPDATE and DELETE. */
function scans(ref) {
    const n = ref.stmt.node;
    const at = (table, work) => (table ? [{ ref, table, work, isConcurrentIndex: false }] : []);
    switch (ref.stmt.kind) {
        case 'UpdateStmt':
            return at((0,postgres_locks/* relationName */.CJ)(n.relation), 'UPDATE');
        case 'DeleteStmt':
            return at((0,postgres_locks/* relationName */.CJ)(n.relation), 'DELETE');
        case 'AlterTableStmt': {
            const works = (n.cmds ?? []).flatMap((c) => {
                const cmd = c.AlterTableCmd ?? {};
                const con = cmd.def?.Constraint;
                if (cmd.subtype === 'AT_ValidateConstraint')
                    return [`VALIDATE CONSTRAINT ${cmd.name} (scans the table)`];
                if (cmd.subtype === 'AT_SetNotNull')
                    return [`SET NOT NULL on ${cmd.name} (scans the table)`];
                if (cmd.subtype === 'AT_AddConstraint' && (con?.contype === 'CONSTR_FOREIGN' || con?.contype === 'CONSTR_CHECK') && !con.skip_validation) {
                    return [`ADD ${con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'} (checks every row)`];
                }
                return [];
            });
            return works.length > 0 ? at((0,postgres_locks/* relationName */.CJ)(n.relation), works.join(', ')) : [];
        }
        default:
            return [];
    }
}
/** "200,000 rows, 12 MB" (or only the size when the row count is an estimate of nothing). */
function describeSize(size) {
    const rows = size.isRowsKnown ? `${size.rows.toLocaleString('en-US')} rows, ` : '';
    return `${rows}${(0,units/* formatBytes */.z3)(size.totalBytes)}`;
}

;// CONCATENATED MODULE: ./src/checks/live/target-is-primary.ts


/**
 * The target accepts writes: it is not a standby in recovery (pg_is_in_recovery(),
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-RECOVERY-CONTROL), and the
 * migration role's sessions do not start read-only (default_transaction_read_only). Either way
 * the first DDL would fail with SQLSTATE 25006.
 */
/* harmony default export */ const target_is_primary = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'target-is-primary',
    title: 'The target is a writable primary',
    category: 'connectivity',
    severity: 'error',
    async run(ctx) {
        const state = await readServerState(ctx);
        const readOnly = effectiveSetting(state, 'default_transaction_read_only');
        const evidence = {
            inRecovery: state.isInRecovery,
            defaultTransactionReadOnly: readOnly?.value ?? null,
            source: readOnly?.source ?? null,
            migrationRole: state.migrationRole,
            host: `${ctx.server.host}:${ctx.server.port}`,
        };
        if (state.isInRecovery) {
            return engine_define/* outcome */.bu.fail(`${ctx.server.host}:${ctx.server.port} is a standby in recovery (a read replica): the migration cannot write there.`, 'Point the target URL at the primary (the writer endpoint of your cluster, not the reader or a replica). See runbook/target-is-primary.md.', evidence);
        }
        if (readOnly && isOn(readOnly.value)) {
            const where = readOnly.source === 'role' ? `for role ${state.migrationRole} (ALTER ROLE/DATABASE ... SET)` : 'on the server';
            return engine_define/* outcome */.bu.fail(`default_transaction_read_only is on ${where}: the migration's sessions start read-only and its first DDL will fail with SQLSTATE 25006.`, `Run the migration as a role whose sessions are writable, or ALTER ROLE ${state.migrationRole} SET default_transaction_read_only = off. If the whole server is read-only on purpose (a maintenance freeze), wait for it to end. See runbook/target-is-primary.md.`, evidence);
        }
        return engine_define/* outcome */.bu.pass(`${ctx.server.host}:${ctx.server.port} is a primary, and ${state.migrationRole}'s sessions start read-write.`, evidence);
    },
}));
/** PostgreSQL boolean settings: on, true, yes, 1 (any case). */
function isOn(value) {
    return /^(on|true|yes|1|t|y)$/i.test(value.trim());
}

;// CONCATENATED MODULE: ./src/checks/live/type-change-cast.ts


/**
 * ALTER COLUMN ... TYPE without USING converts values with an assignment cast; when pg_cast has
 * none between the column's current type (read from the target) and the new one, the statement
 * fails ("column cannot be cast automatically"). https://www.postgresql.org/docs/current/sql-altertable.html
 */
/* harmony default export */ const type_change_cast = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'type-change-cast',
    title: 'Column type changes have a cast',
    category: 'schema',
    severity: 'error',
    run: (ctx) => schemaIssuesOutcome(ctx, ['cast'], {
        passed: 'every column type change without USING has an assignment cast from the current type',
        mitigation: 'Add a USING clause that converts the old values (USING col::newtype), after checking every value converts.',
    }),
}));

;// CONCATENATED MODULE: ./src/checks/live/xid-wraparound.ts


/** Transaction IDs are 32-bit and compared modulo 2^32: at 2^31 the server stops assigning them. */
const XID_HORIZON = 2 ** 31;
/**
 * Transaction ID and multixact age of every database (pg_database.datfrozenxid, datminmxid):
 * near 2^31 PostgreSQL refuses new transactions cluster-wide until a VACUUM freezes old rows,
 * and anti-wraparound autovacuums conflict with the migration's locks.
 * https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND
 */
/* harmony default export */ const xid_wraparound = ((0,engine_define/* defineLiveCheck */.oJ)({
    id: 'xid-wraparound',
    title: 'Transaction IDs are far from wraparound',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        const ratioLimit = ctx.target.thresholds.xidAgeRatio;
        const rows = await ctx.db.query(`SELECT d.datname::text AS datname, pg_catalog.age(d.datfrozenxid)::int8::float8 AS xid_age,
              pg_catalog.mxid_age(d.datminmxid)::int8::float8 AS mxid_age,
              current_setting('autovacuum_freeze_max_age')::float8 AS freeze_max_age
         FROM pg_catalog.pg_database d ORDER BY 2 DESC, 1`);
        const oldest = [...rows].sort((a, b) => Math.max(b.xid_age, b.mxid_age) - Math.max(a.xid_age, a.mxid_age))[0];
        const age = Math.max(oldest.xid_age, oldest.mxid_age);
        const kind = oldest.mxid_age > oldest.xid_age ? 'multixact ID' : 'transaction ID';
        const ratio = age / XID_HORIZON;
        const evidence = {
            xidAgeRatio: ratioLimit,
            autovacuumFreezeMaxAge: oldest.freeze_max_age,
            databases: rows.slice(0, 5).map((r) => ({ database: r.datname, xidAge: r.xid_age, multixactAge: r.mxid_age, used: (0,units/* formatPercent */.l9)(Math.max(r.xid_age, r.mxid_age) / XID_HORIZON) })),
        };
        const what = `Database ${oldest.datname} has a ${kind} age of ${(0,units/* formatCount */.B4)(age)}, ${(0,units/* formatPercent */.l9)(ratio)} of the 2^31 wraparound horizon`;
        const mitigation = `Find what holds back freezing (long transactions, prepared transactions, stale replication slots), then VACUUM (FREEZE) the oldest tables in ${oldest.datname}; SELECT relname, age(relfrozenxid) FROM pg_class ORDER BY 2 DESC lists them.`;
        if (ratio >= ratioLimit)
            return engine_define/* outcome */.bu.fail(`${what} (limit ${(0,units/* formatPercent */.l9)(ratioLimit)}): the server is heading for a forced shutdown of new transactions.`, mitigation, evidence);
        if (ratio >= ratioLimit / 2)
            return engine_define/* outcome */.bu.warn(`${what}, half way to the limit of ${(0,units/* formatPercent */.l9)(ratioLimit)}.`, mitigation, evidence);
        return engine_define/* outcome */.bu.pass(`${what} (limit ${(0,units/* formatPercent */.l9)(ratioLimit)}).`, evidence);
    },
}));

;// CONCATENATED MODULE: ./src/checks/live/index.ts





































const liveChecks = [
    applied_migration_in_diff,
    autovacuum_on_touched_tables,
    blocking_chains,
    blocking_locks,
    column_limit,
    connection_headroom,
    connectivity,
    dirty_migrations,
    disk_space,
    driver_and_runtime,
    edited_applied_migrations,
    extensions_available,
    foreign_key_target,
    invalid_index,
    lock_queue_safety,
    long_running_queries,
    long_transactions,
    maintenance_window,
    migration_history,
    migration_role_privileges,
    missing_migration_files,
    mysql_long_transactions,
    mysql_metadata_locks,
    out_of_order_migrations,
    point_in_time_recovery,
    prepared_transactions,
    replication_health,
    schema_compatibility,
    schema_drift,
    sequence_exhaustion,
    server_version,
    sql_features_supported,
    statement_timeout,
    target_is_primary,
    type_change_cast,
    xid_wraparound,
].map(guardCheck);


/***/ }),

/***/ 84304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bP: () => (/* binding */ isMariaDbVersion),
/* harmony export */   dB: () => (/* binding */ releaseSeries),
/* harmony export */   rW: () => (/* binding */ serverInfoOf)
/* harmony export */ });
/** True for a MariaDB server, whose VERSION() says so ("10.11.19-MariaDB-0+deb12u1"). */
function isMariaDbVersion(version) {
    return /mariadb/i.test(version);
}
/**
 * Server facts from VERSION(): the version without distribution suffixes ("10.11.19-MariaDB",
 * "8.0.36"), versionNum as MySQL writes it in executable comments (80036, 101119), major as its first number.
 */
function serverInfoOf(rawVersion, currentUser, database, endpoint) {
    const [maj = 0, min = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(rawVersion) ?? []).slice(1).map(Number);
    const numeric = `${maj}.${min}.${patch}`;
    return {
        version: isMariaDbVersion(rawVersion) ? `${numeric}-MariaDB` : numeric,
        versionNum: maj * 10000 + min * 100 + patch,
        major: maj,
        currentUser,
        database,
        host: endpoint.host,
        port: endpoint.port,
    };
}
/** The release series of a server ("8.0", "10.11"), which is what support dates attach to. */
function releaseSeries(info) {
    return `${Math.floor(info.versionNum / 10000)}.${Math.floor(info.versionNum / 100) % 100}`;
}


/***/ }),

/***/ 51748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b9: () => (/* binding */ readArchiver),
/* harmony export */   tM: () => (/* binding */ judgeArchiving)
/* harmony export */ });
/* unused harmony export recentArchiveSeconds */
const ARCHIVER_SQL = `
SELECT current_setting('archive_mode') AS archive_mode, current_setting('wal_level') AS wal_level,
       (SELECT setting::int FROM pg_catalog.pg_settings WHERE name = 'archive_timeout') AS archive_timeout,
       a.archived_count::text AS archived_count, a.last_archived_wal,
       to_char(a.last_archived_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_archived_time,
       a.failed_count::text AS failed_count, a.last_failed_wal,
       to_char(a.last_failed_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_failed_time,
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS server_now
  FROM pg_catalog.pg_stat_archiver a`;
/** Reads the archiving state once per run. */
function readArchiver(ctx) {
    return ctx.memo('postgres:archiver', async () => {
        const [row] = await ctx.db.query(ARCHIVER_SQL);
        return {
            archiveMode: row.archive_mode,
            walLevel: row.wal_level,
            archiveTimeoutSeconds: row.archive_timeout,
            archivedCount: Number(row.archived_count),
            lastArchivedWal: row.last_archived_wal,
            lastArchivedAt: row.last_archived_time,
            failedCount: Number(row.failed_count),
            lastFailedWal: row.last_failed_wal,
            lastFailedAt: row.last_failed_time,
            serverNow: row.server_now,
        };
    });
}
/** How recent the last archived segment must be: an hour, or twice archive_timeout when that is longer. */
function recentArchiveSeconds(state) {
    return Math.max(3600, 2 * state.archiveTimeoutSeconds);
}
/** Whether archiving works now, and why not. */
function judgeArchiving(state) {
    const now = Date.parse(state.serverNow);
    const age = state.lastArchivedAt ? Math.round((now - Date.parse(state.lastArchivedAt)) / 1000) : null;
    const base = { lastSuccessAgeSeconds: age };
    if (state.archiveMode === 'off')
        return { ...base, isWorking: false, reason: 'archive_mode is off, so WAL is not archived' };
    if (state.lastArchivedAt === null)
        return { ...base, isWorking: false, reason: 'archive_mode is on but no WAL segment has been archived yet' };
    if (state.lastFailedAt !== null && Date.parse(state.lastFailedAt) > Date.parse(state.lastArchivedAt)) {
        return { ...base, isWorking: false, reason: `archiving is failing: the last attempt (${state.lastFailedWal ?? 'a segment'} at ${state.lastFailedAt}) failed after the last success` };
    }
    const limit = recentArchiveSeconds(state);
    if (age !== null && age > limit) {
        return { ...base, isWorking: false, reason: `the last WAL segment was archived ${Math.round(age / 60)} minutes ago, longer than ${Math.round(limit / 60)} minutes` };
    }
    return { ...base, isWorking: true, reason: `WAL archiving works: last segment ${state.lastArchivedWal} archived ${age ?? 0} s ago, no failure since` };
}


/***/ })

};
