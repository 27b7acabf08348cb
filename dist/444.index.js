export const id = 444;
export const ids = [444];
export const modules = {

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


/***/ }),

/***/ 58444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectLiveFacts: () => (/* binding */ collectLiveFacts)
});

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
// EXTERNAL MODULE: ./src/engine/pending.ts
var engine_pending = __webpack_require__(55229);
// EXTERNAL MODULE: ./src/dialects/postgres/catalog/archiver.ts
var catalog_archiver = __webpack_require__(51748);
// EXTERNAL MODULE: ./src/dialects/postgres/catalog/touched.ts
var touched = __webpack_require__(49213);
;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/column-types.ts


/** Reads every column of every touched table, once per run. */
function readTouchedColumns(ctx) {
    return ctx.memo('postgres:touched-columns', async () => {
        const names = ctx.touched.map((t) => (0,engine_pending/* normaliseTable */.TA)(t.table));
        const types = new Map();
        const generated = new Set();
        if (names.length === 0)
            return { types, generated };
        const rows = await ctx.db.query(`WITH touched AS (${(0,touched/* touchedRelationSql */.x1)(1)})
       SELECT t.name, a.attname::text AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated
         FROM touched t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        WHERE a.attnum > 0 AND NOT a.attisdropped`, (0,touched/* tableArrayParams */.K$)(names, (0,touched/* unqualifiedNames */.sf)(ctx.pending, Math.floor(ctx.server.major))));
        for (const row of rows) {
            types.set(`${row.name}.${row.column}`, row.type);
            if (row.generated)
                generated.add(`${row.name}.${row.column}`);
        }
        return { types, generated };
    });
}

// EXTERNAL MODULE: ./src/dialects/postgres/catalog/table-sizes.ts
var table_sizes = __webpack_require__(10944);
// EXTERNAL MODULE: ./src/dialects/postgres/locks.ts
var locks = __webpack_require__(88811);
;// CONCATENATED MODULE: ./src/dialects/postgres/facts.ts






/** Collects live facts for the static rules. */
async function collectLiveFacts(ctx) {
    const { largeTableRows, largeTableBytes } = ctx.target.thresholds;
    const sizes = await attempt(ctx, 'table sizes', () => readAllSizes(ctx));
    const columns = await attempt(ctx, 'column types', () => readTouchedColumns(ctx));
    const archiver = await attempt(ctx, 'WAL archiving state', () => (0,catalog_archiver/* readArchiver */.b9)(ctx));
    return {
        thresholds: { largeTableRows, largeTableBytes },
        ...(sizes ? { tableSizes: sizes } : {}),
        ...(columns ? { columnTypes: columns.types, generatedColumns: columns.generated } : {}),
        // Point-in-time recovery counts as backup evidence only when the config accepts it.
        ...(archiver ? { hasPitrBackup: (0,catalog_archiver/* judgeArchiving */.tM)(archiver).isWorking && ctx.target.acceptPitrAsBackup } : {}),
    };
}
/**
 * Sizes of the touched tables, plus the size of the table behind each index a statement names
 * without its table (REINDEX INDEX, ALTER INDEX, DROP INDEX), keyed "index:schema.name". Both or
 * neither: a missing index entry would read as "not on the target" and grade the finding info.
 */
async function readAllSizes(ctx) {
    const tables = await (0,table_sizes/* readTableSizes */.BJ)(ctx);
    const indexes = await (0,table_sizes/* readIndexTableSizes */.Zs)(ctx, indexNamesIn(ctx.pending));
    // A table never vacuumed or analysed has no row estimate (reltuples -1): its bytes still grade it.
    const brief = (s) => ({ rows: s.rows, bytes: s.totalBytes, ...(s.isRowsKnown ? {} : { isRowsKnown: false }) });
    return new Map([
        ...[...tables].map(([key, s]) => [key, brief(s)]),
        ...[...indexes].map(([key, s]) => [`${table_sizes/* INDEX_TABLE_KEY_PREFIX */.R2}${key}`, brief(s)]),
    ]);
}
/** Indexes that pending statements name without their table. */
function indexNamesIn(pending) {
    const names = new Set();
    for (const file of pending) {
        for (const { kind, node: n } of file.parsed.statements) {
            const named = kind === 'ReindexStmt' && n.kind === 'REINDEX_OBJECT_INDEX'
                ? [(0,locks/* relationName */.CJ)(n.relation)]
                : kind === 'AlterTableStmt' && n.objtype === 'OBJECT_INDEX'
                    ? [(0,locks/* relationName */.CJ)(n.relation)]
                    : kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX'
                        ? (0,locks/* objectNames */.Wd)(n.objects)
                        : [];
            for (const name of named)
                if (name)
                    names.add((0,engine_pending/* normaliseTable */.TA)(name));
        }
    }
    return [...names];
}
/** Runs one read; a failure is logged and the fact left out. */
async function attempt(ctx, what, read) {
    try {
        return await read();
    }
    catch (error) {
        const code = error.code;
        ctx.log.log('warn', `could not read ${what} for the static rules: ${(0,errors/* describeError */.Uc)(error)}${code ? ` (SQLSTATE ${code})` : ''}`);
        return undefined;
    }
}


/***/ })

};
