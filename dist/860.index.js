export const id = 860;
export const ids = [860];
export const modules = {

/***/ 73860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(47849);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/cli/version.ts
/** The tool's version, read from package.json next to the build. */

let cached;
/** Returns the package version, or "0.0.0-dev" when package.json cannot be found. */
function toolVersion() {
    if (cached)
        return cached;
    for (const rel of ['../../../package.json', '../../package.json', '../package.json', './package.json']) {
        try {
            const pkg = JSON.parse((0,external_node_fs_.readFileSync)(new URL(rel, import.meta.url), 'utf8'));
            if (pkg.name === 'migrations-preflight' && pkg.version)
                return (cached = pkg.version);
        }
        catch {
            // Try the next location: the layout differs between lib/ and dist/.
        }
    }
    return (cached = '0.0.0-dev');
}

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
;// CONCATENATED MODULE: ./src/engine/log.ts
/**
 * The run log: every step with a timestamp, written to logs/migrations-preflight-<timestamp>.log.
 * Lines are redacted before they are written and appended synchronously, so a crash part-way
 * still leaves a readable log behind.
 */


/** A log that records nothing, for library use and tests. */
const silentLog = { path: undefined, log: () => undefined };
/** A timestamp safe for file names: 2026-11-25T19-03-04-123Z. */
function fileTimestamp(date = new Date()) {
    return date.toISOString().replace(/[:.]/g, '-');
}
/** Creates a file log; the directory is created on first use. */
function createFileLog(path, redactor) {
    let isReady = false;
    return {
        path,
        log(level, message, data) {
            if (!isReady) {
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
                isReady = true;
            }
            const extra = data ? ` ${JSON.stringify(data)}` : '';
            const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra}`;
            (0,external_node_fs_.appendFileSync)(path, redactor.redact(line) + '\n');
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/redact.ts
/**
 * Keeps secrets out of every log line, report, comment and annotation.
 * Known secrets (passwords, whole URLs) are replaced wherever they appear, and any
 * `scheme://user:password@` credential is masked even when it was never registered.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@\s]*)@/gi;
const KEY_VALUE_PASSWORD = /\b(password|passwd|pwd|sslpassword)\s*=\s*('[^']*'|"[^"]*"|[^\s&;]+)/gi;
const MASK = '***';
/** A set of secret strings and a function that removes them from text. */
class Redactor {
    #secrets = new Set();
    /** The secrets longest first, as redact() applies them; rebuilt after add(). */
    #ordered = [];
    /** Registers a secret; short strings are ignored so that "a" does not mask every "a". */
    add(secret) {
        if (!secret || secret.length < 3)
            return;
        this.#secrets.add(secret);
        const encoded = encodeURIComponent(secret);
        if (encoded !== secret)
            this.#secrets.add(encoded);
        this.#ordered = [...this.#secrets].sort((a, b) => b.length - a.length);
    }
    /** Registers a connection URL and the password inside it. */
    addUrl(url) {
        if (!url)
            return;
        this.add(url);
        try {
            const parsed = new URL(url);
            if (parsed.password)
                this.add(decodeURIComponent(parsed.password));
            if (parsed.password)
                this.add(parsed.password);
        }
        catch {
            // Not a URL: the whole string is already registered.
        }
    }
    /** Returns the text with every known secret and URL credential masked. */
    redact(text) {
        let out = text;
        // Longest first, so a URL is masked whole before its password is.
        for (const secret of this.#ordered) {
            if (out.includes(secret))
                out = out.split(secret).join(MASK);
        }
        // Both patterns need an "@" or an "=": most report strings (paths, kinds, tables) have neither.
        if (!out.includes('@') && !out.includes('='))
            return out;
        return out.replace(URL_CREDENTIALS, `$1$2:${MASK}@`).replace(KEY_VALUE_PASSWORD, `$1=${MASK}`);
    }
    /** Redacts every string inside a JSON-like value. */
    redactDeep(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value)) {
            // Copy only what changes: a large report (4,000 files) is mostly left as it is.
            let out;
            for (let i = 0; i < value.length; i++) {
                const v = value[i];
                const r = this.redactDeep(v);
                if (r !== v)
                    (out ??= [...value])[i] = r;
            }
            return (out ?? value);
        }
        if (value && typeof value === 'object') {
            const proto = Object.getPrototypeOf(value);
            // Other objects (Date, Map...) become plain objects of their own entries, as they always did.
            let out = proto === Object.prototype || proto === null ? undefined : {};
            // Object.keys, not Object.entries: a report holds some 100,000 objects, and the pairs were garbage.
            for (const k of Object.keys(value)) {
                const v = value[k];
                const r = this.redactDeep(v);
                if (out)
                    out[k] = r;
                else if (r !== v) {
                    out = { ...value };
                    out[k] = r;
                }
            }
            return (out ?? value);
        }
        return value;
    }
}
/** Describes a connection URL for humans: scheme, user, host:port and database, never the password. */
function describeUrl(url) {
    try {
        const u = new URL(url);
        const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
        const db = u.pathname.replace(/^\//, '');
        return `${u.protocol}//${user}${u.hostname}${u.port ? `:${u.port}` : ''}${db ? `/${db}` : ''}`;
    }
    catch {
        return '<unparseable URL>';
    }
}

// EXTERNAL MODULE: ./src/engine/model.ts
var model = __webpack_require__(81123);
;// CONCATENATED MODULE: ./src/engine/report.ts
/**
 * The report of one run: what ran where, every check with its result, and the verdict.
 * Every renderer (txt, json, md, sarif) is a pure function of this object.
 */

const REPORT_SCHEMA_VERSION = 1;
/** Counts results by status, and active and suppressed findings. */
function countResults(checks) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0, findings: 0, suppressed: 0 };
    for (const c of checks) {
        counts[c.status]++;
        for (const f of c.findings) {
            if (f.suppressed)
                counts.suppressed++;
            else
                counts.findings++;
        }
    }
    return counts;
}
/** The verdict: any error is an error, any fail (or warn with --fail-on warning) fails. */
function verdictOf(checks, failOn) {
    if (failOn === 'never')
        return checks.some((c) => c.status === 'error') ? 'error' : 'passed';
    if (checks.some((c) => c.status === 'error'))
        return 'error';
    if (checks.some((c) => c.status === 'fail'))
        return 'failed';
    if (failOn === 'warning' && checks.some((c) => c.status === 'warn'))
        return 'failed';
    return 'passed';
}
/** Exit code for a verdict: 0 passed, 1 failed or a check errored (a check that could not run is not a pass). */
function exitCodeOf(verdict) {
    return verdict === 'passed' ? 0 : 1;
}
/** Checks ordered worst first, then by id: the order an operator reads them in. */
function worstFirst(checks) {
    return [...checks].sort((a, b) => model/* STATUS_RANK */.Mo[a.status] - model/* STATUS_RANK */.Mo[b.status] || a.id.localeCompare(b.id));
}
/** The server product and version for a report header: "PostgreSQL 16.4", "MariaDB 10.11.19", "MySQL 8.0.36". */
function serverLabel(run) {
    const version = run.server?.version ?? '';
    if (run.dialect !== 'mysql')
        return `PostgreSQL ${version}`;
    return /mariadb/i.test(version) ? `MariaDB ${version.replace(/-MariaDB$/i, '')}` : `MySQL ${version}`;
}

// EXTERNAL MODULE: ./src/config/constants.ts
var constants = __webpack_require__(64687);
;// CONCATENATED MODULE: ./src/checks/live/ids.ts
/**
 * Every live check id, sorted: what `migrations lint` needs to know about the live checks (to
 * validate --only, --skip and directives) without loading them and the catalog queries they
 * import (issue 4: lint start-up). A test keeps this list equal to the registry in index.ts;
 * `npm run new:check` adds to both.
 */
const LIVE_CHECK_IDS = [
    'applied-migration-in-diff',
    'autovacuum-on-touched-tables',
    'blocking-chains',
    'blocking-locks',
    'column-limit',
    'connection-headroom',
    'connectivity',
    'dirty-migrations',
    'disk-space',
    'driver-and-runtime',
    'edited-applied-migrations',
    'extensions-available',
    'foreign-key-target',
    'invalid-index',
    'lock-queue-safety',
    'long-running-queries',
    'long-transactions',
    'maintenance-window',
    'migration-history',
    'migration-role-privileges',
    'missing-migration-files',
    'mysql-long-transactions',
    'mysql-metadata-locks',
    'out-of-order-migrations',
    'point-in-time-recovery',
    'prepared-transactions',
    'replication-health',
    'schema-compatibility',
    'schema-drift',
    'sequence-exhaustion',
    'server-version',
    'sql-features-supported',
    'statement-timeout',
    'target-is-primary',
    'type-change-cast',
    'xid-wraparound',
];

// EXTERNAL MODULE: ./src/engine/define.ts
var engine_define = __webpack_require__(61259);
// EXTERNAL MODULE: ./src/engine/pending.ts
var engine_pending = __webpack_require__(55229);
// EXTERNAL MODULE: ./src/dialects/postgres/parser.ts
var postgres_parser = __webpack_require__(81956);
// EXTERNAL MODULE: ./src/dialects/postgres/locks.ts
var postgres_locks = __webpack_require__(88811);
;// CONCATENATED MODULE: ./src/checks/static/support/carry.ts
const byRun = new WeakMap();
/** The state of `owner` for this run: made by `init` in the first shard, the same object in every later one. */
function carried(ctx, owner, init) {
    let states = byRun.get(ctx.run);
    if (!states) {
        states = new Map();
        byRun.set(ctx.run, states);
    }
    if (states.has(owner))
        return states.get(owner);
    const state = init();
    states.set(owner, state);
    return state;
}
/** Every index defined with `defineShardIndex`: each must see every shard, used in it or not. */
const shardIndexes = [];
/**
 * Defines an index carried across shards: per-shard data derived from the shard's statements, plus
 * state carried from earlier shards. The returned getter gives the index up to the end of the
 * current shard and nothing later. Every defined index is extended with every shard (see
 * `extendShardIndexes`): one that a rule first asks for in the third shard must already hold the
 * first two, whose parse trees are gone by then.
 */
function defineShardIndex(init) {
    const owner = {};
    const get = (ctx) => {
        const state = carried(ctx, owner, () => ({ index: init(), files: undefined }));
        if (state.files !== ctx.files) {
            state.files = ctx.files;
            state.index.extend(ctx);
        }
        return state.index;
    };
    shardIndexes.push(get);
    return get;
}
/** Extends every defined index with the current shard; the static runner calls it before the shard's rules run. */
function extendShardIndexes(ctx) {
    for (const get of shardIndexes)
        get(ctx);
}
/**
 * One shared object per distinct value (by `keyOf`), for values an index carries many times over:
 * a large set defines hundreds of thousands of columns with a dozen types.
 */
function interner(keyOf) {
    const known = new Map();
    return (value) => {
        const key = keyOf(value);
        const shared = known.get(key);
        if (shared !== undefined)
            return shared;
        known.set(key, value);
        return value;
    };
}
/**
 * A memo that lives for one shard: what several rules compute from the same statements is computed
 * once, and goes with the shard (a WeakMap kept it, and the trees it is keyed by, past the young
 * generation: more memory, not less time).
 */
function shardMemo(compute) {
    let files;
    let memo = new Map();
    return (ctx, key) => {
        if (ctx.files !== files) {
            files = ctx.files;
            memo = new Map();
        }
        let value = memo.get(key);
        if (value === undefined) {
            value = compute(key);
            memo.set(key, value);
        }
        return value;
    };
}

;// CONCATENATED MODULE: ./src/checks/static/support/executed-sql.ts


/** Executed statements of the current shard in order, optionally only of the given node kinds. */
function executedStatements(ctx, kind) {
    const sql = executedSql(ctx);
    // Every statement: the shard's own list, not a copy (several rules and indexes read all of it).
    if (kind === undefined)
        return sql.statements;
    const kinds = typeof kind === 'string' ? [kind] : [...new Set(kind)];
    const places = kinds.flatMap((k) => sql.byKind.get(k) ?? []);
    // Places of several kinds interleave: sort them back into execution order.
    if (kinds.length > 1)
        places.sort((a, b) => a - b);
    return places.map((p) => sql.statements[p]);
}
/**
 * The place of `ref` among the executed statements of the whole pending set (the index of its first
 * executed statement), comparable across shards.
 */
function executedPosition(ctx, ref) {
    const sql = executedSql(ctx);
    return sql.offset + (sql.positions.get(ref) ?? sql.positions.get(ref.stmt) ?? 0);
}
/** Procedural SQL of the current shard that could not be analysed. */
function unanalysedSql(ctx) {
    return executedSql(ctx).unanalysed;
}
/** The statement `ref` itself: an executed statement's own kind and node (one inside a DO block is not its DO), else the top-level statement. */
function ownStatement(ref) {
    const exec = ref;
    return exec.kind !== undefined && exec.node !== undefined ? { kind: exec.kind, node: exec.node } : ref.stmt;
}
/** Whether procedural code (a DO block, a called function, EXECUTE) runs the statement. */
function isInProcedure(ref) {
    return ref.via !== undefined;
}
/** Suffix for a message about an executed statement: "" at top level, " (inside a DO block)" otherwise. */
function viaSuffix(exec) {
    return exec.via ? ` (${exec.via})` : '';
}
/**
 * The expansion, built once per shard and read by every rule. Carried across shards: the routines
 * the set created (a function created in one file may be called in a later one) and how many
 * statements ran before.
 */
class ExpansionIndex {
    routines = new Map();
    current = { statements: [], unanalysed: [], offset: 0, positions: new Map(), byKind: new Map() };
    extend(ctx) {
        this.current = expand(ctx.files, this.routines, this.current.offset + this.current.statements.length);
    }
}
/** The current shard's expansion. */
function executedSql(ctx) {
    return expansionIndex(ctx).current;
}
/** How deep DO blocks, EXECUTE strings and function calls are followed. */
const MAX_DEPTH = 4;
/** Walks every statement of the shard and the procedural code it runs. */
function expand(files, routines, offset) {
    const walk = { parser: (0,postgres_parser/* loadedPostgresParser */.IX)(), statements: [], unanalysed: [], routines };
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const outer = { file, stmt };
            walk.statements.push(new TopLevelStatement(file, stmt));
            followStatement(walk, outer, stmt.kind, stmt.node, stmt, 0, undefined);
        }
    }
    const positions = new Map();
    const byKind = new Map();
    for (const [i, s] of walk.statements.entries()) {
        positions.set(s.via ? s : s.stmt, i);
        const places = byKind.get(s.kind);
        if (places)
            places.push(i);
        else
            byKind.set(s.kind, [i]);
    }
    return { statements: walk.statements, unanalysed: walk.unanalysed, offset, positions, byKind };
}
/**
 * Parses, with `parser`, what expanding these DO blocks parses: their PL/pgSQL, the SQL in it and
 * EXECUTE literals. Nothing is kept: a parse worker runs it for its parser to record the results,
 * which the main thread's parser then returns without parsing (parse-worker.ts). Calls to routines
 * the set created are not followed: which exist depends on earlier files.
 */
function parseDoBlocks(parser, blocks) {
    const walk = { parser, statements: [], unanalysed: [], routines: new Map() };
    // What the walk records is dropped, so it needs no real statement to report to.
    const nowhere = {};
    for (const block of blocks)
        followStatement(walk, nowhere, 'DoStmt', block.node, block, 0, undefined);
}
/**
 * A top-level statement as the migration runs it. Its text is the statement's, read only when
 * asked: most executed statements' text never is (see ParsedStatement).
 */
class TopLevelStatement {
    file;
    stmt;
    kind;
    node;
    constructor(file, stmt) {
        this.file = file;
        this.stmt = stmt;
        this.kind = stmt.kind;
        this.node = stmt.node;
    }
    get text() {
        return this.stmt.text;
    }
}
/** Follows what one executed statement runs in turn: DO bodies, created routines, calls. `source.text` is read only for those. */
function followStatement(walk, outer, kind, node, source, depth, via) {
    if (depth >= MAX_DEPTH)
        return;
    switch (kind) {
        case 'DoStmt': {
            const body = bodyOf(node.args);
            // A DO written in the file (not one run by EXECUTE) places what it runs at their own lines.
            const bodyLine = source === outer.stmt && body !== undefined ? firstLineOf(outer.stmt, body) : undefined;
            followBody(walk, outer, languageOf(node.args, 'plpgsql'), source.text, body, depth, via ? `${via}, in a DO block` : 'inside a DO block', bodyLine);
            return;
        }
        case 'CreateFunctionStmt': {
            const name = routineName(node.funcname);
            if (name) {
                const sqlBody = node.sql_body ? sqlBodyStatements(node.sql_body) : undefined;
                walk.routines.set(name, { name, language: languageOf(node.options, 'sql'), statementText: source.text, body: bodyOf(node.options), sqlBody });
            }
            return;
        }
        case 'CallStmt':
            followCalls(walk, outer, [node.funccall], depth, via);
            return;
        case 'SelectStmt':
            followCalls(walk, outer, functionCalls(node.targetList), depth, via);
            return;
        default:
            return;
    }
}
/** Runs the bodies of routines the set created, for each call found. */
function followCalls(walk, outer, calls, depth, via) {
    for (const call of calls) {
        const name = routineName(call?.funcname);
        const routine = name ? walk.routines.get(name) : undefined;
        if (!routine)
            continue;
        const how = `${via ? `${via}, ` : ''}in ${routine.name}() called here`;
        if (routine.sqlBody) {
            for (const inner of routine.sqlBody)
                pushInner(walk, outer, inner.kind, inner.node, routine.statementText, depth + 1, how);
            continue;
        }
        followBody(walk, outer, routine.language, routine.statementText, routine.body, depth, how);
    }
}
/** Reads a procedural body in its language: SQL and PL/pgSQL are read, others are reported unanalysed. */
function followBody(walk, outer, language, statementText, body, depth, via, bodyLine) {
    if (body === undefined)
        return;
    if (language === 'sql') {
        followSqlText(walk, outer, body, depth, via);
        return;
    }
    if (language !== 'plpgsql') {
        walk.unanalysed.push({ ...outer, reason: `code in language ${language}`, excerpt: shorten(body) });
        return;
    }
    let funcs;
    try {
        funcs = walk.parser?.parsePlpgsql?.(statementText).plpgsql_funcs;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        walk.unanalysed.push({ ...outer, reason: `a PL/pgSQL body that does not parse (${message}); it will fail when it runs`, excerpt: shorten(body) });
        return;
    }
    if (!funcs) {
        walk.unanalysed.push({ ...outer, reason: 'a PL/pgSQL body (no PL/pgSQL parser loaded)', excerpt: shorten(body) });
        return;
    }
    // Only the statement tree holds SQL; the datums (variables) do not.
    for (const fn of funcs)
        followPlpgsql(walk, outer, fn?.PLpgSQL_function?.action, depth, via, bodyLine);
}
/** The file line on which `body` (a DO block's) starts: PL/pgSQL numbers the body's lines from there. */
function firstLineOf(stmt, body) {
    const at = stmt.text.indexOf(body);
    if (at === -1)
        return undefined;
    let line = stmt.line;
    for (let i = stmt.text.indexOf('\n'); i !== -1 && i < at; i = stmt.text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** Marks a PL/pgSQL EXECUTE (or RETURN QUERY EXECUTE, OPEN ... FOR EXECUTE) for `onLine`. */
const EXECUTE = Symbol('EXECUTE');
/**
 * `outer` narrowed to one line of its DO block: from where `query` (the PL/pgSQL statement's SQL)
 * starts on that line, else from its first non-blank character, to the end of the line.
 */
function onLine(outer, line, query) {
    const text = outer.file.parsed.lines.lineText(line);
    const firstLine = typeof query === 'string' ? query.trimStart().split('\n')[0].trimEnd() : '';
    // EXECUTE's expression is not its statement's start: the keyword is.
    const found = query === EXECUTE ? text.search(/\bexecute\b/i) : firstLine === '' ? -1 : text.indexOf(firstLine);
    const start = found !== -1 ? found : text.length - text.trimStart().length;
    // Columns count characters, as statement positions do.
    const col = [...text.slice(0, start)].length + 1;
    const endCol = [...text.trimEnd()].length + 1;
    return { ...outer, span: { line, col, endLine: line, endCol: Math.max(endCol, col) } };
}
/** Visits every SQL statement and EXECUTE in a parsed PL/pgSQL function tree, in source order. */
function followPlpgsql(walk, outer, tree, depth, via, bodyLine) {
    if (Array.isArray(tree)) {
        for (const item of tree)
            followPlpgsql(walk, outer, item, depth, via, bodyLine);
        return;
    }
    if (!tree || typeof tree !== 'object')
        return;
    // for...in, not Object.entries: this walks every node of every body, and the pairs were garbage.
    const node = tree;
    // What a statement runs is reported at its line of the body (lineno counts from the body's first line).
    const at = (value, query) => bodyLine !== undefined && typeof value.lineno === 'number' && value.lineno > 0 ? onLine(outer, bodyLine + value.lineno - 1, query) : outer;
    for (const key in node) {
        const value = node[key];
        if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_perform') {
            const query = (value.sqlstmt ?? value.expr)?.PLpgSQL_expr?.query;
            if (typeof query === 'string')
                followSqlText(walk, at(value, query), query, depth, via);
        }
        else if (key === 'PLpgSQL_stmt_dynexecute') {
            followExecute(walk, at(value, EXECUTE), value.query?.PLpgSQL_expr?.query, depth, via);
        }
        else if ((key === 'PLpgSQL_stmt_return_query' || key === 'PLpgSQL_stmt_open') && value.dynquery) {
            followExecute(walk, at(value, EXECUTE), value.dynquery?.PLpgSQL_expr?.query, depth, via);
        }
        else {
            followPlpgsql(walk, outer, value, depth, via, bodyLine);
        }
    }
}
/** Reads `EXECUTE <expr>`: a string literal (or literals joined by ||) is parsed as SQL; anything else is unanalysed. */
function followExecute(walk, outer, expression, depth, via) {
    if (typeof expression !== 'string')
        return;
    const literal = constantString(walk.parser, expression);
    if (literal === undefined) {
        walk.unanalysed.push({ ...outer, reason: 'EXECUTE of a string built at run time', excerpt: shorten(expression) });
        return;
    }
    followSqlText(walk, outer, literal, depth, `EXECUTE ${via}`);
}
/** Parses SQL text run by procedural code and records each statement. */
function followSqlText(walk, outer, sql, depth, via) {
    const parsed = walk.parser?.parse(sql);
    if (!parsed || parsed.syntaxError) {
        const why = parsed?.syntaxError ? `SQL that does not parse (${parsed.syntaxError.message})` : 'SQL (no parser loaded)';
        walk.unanalysed.push({ ...outer, reason: why, excerpt: shorten(sql) });
        return;
    }
    for (const inner of parsed.statements)
        pushInner(walk, outer, inner.kind, inner.node, inner.text, depth + 1, via);
}
/** Records one statement found inside procedural code and follows what it runs. */
function pushInner(walk, outer, kind, node, text, depth, via) {
    const exec = { ...outer, kind, node, text, via };
    walk.statements.push(exec);
    followStatement(walk, outer, kind, node, exec, depth, via);
}
/** The statements of a `BEGIN ATOMIC ... END` SQL function body. */
function sqlBodyStatements(sqlBody) {
    const out = [];
    const visit = (item) => {
        if (!item || typeof item !== 'object')
            return;
        if (Array.isArray(item))
            return item.forEach(visit);
        if (item.List)
            return visit(item.List.items);
        const [kind] = Object.keys(item);
        if (kind)
            out.push({ kind, node: item[kind] });
    };
    visit(sqlBody);
    return out;
}
/** The value of a string literal expression, or literals joined with ||; undefined for anything else. */
function constantString(parser, expression) {
    const parsed = parser?.parse(`SELECT ${expression}`);
    const select = parsed?.statements.length === 1 ? parsed.statements[0] : undefined;
    const targets = select?.kind === 'SelectStmt' ? select.node.targetList : undefined;
    if (!Array.isArray(targets) || targets.length !== 1 || select?.node.fromClause)
        return undefined;
    return foldString(targets[0]?.ResTarget?.val);
}
/** Folds a constant string expression. */
function foldString(node) {
    if (typeof node?.A_Const?.sval?.sval === 'string')
        return node.A_Const.sval.sval;
    if (node?.A_Const?.sval && Object.keys(node.A_Const.sval).length === 0)
        return '';
    const expr = node?.A_Expr;
    if (expr?.kind === 'AEXPR_OP' && expr.name?.[0]?.String?.sval === '||') {
        const left = foldString(expr.lexpr);
        const right = foldString(expr.rexpr);
        return left !== undefined && right !== undefined ? left + right : undefined;
    }
    return undefined;
}
/** Function calls at the top of a SELECT list (`SELECT f(), g()`), where a migration calls its routines. */
function functionCalls(targetList) {
    return (targetList ?? []).map((t) => t?.ResTarget?.val?.FuncCall).filter((call) => Boolean(call));
}
/** A routine's name without the default public schema, so `public.f` and `f` match. */
function routineName(funcname) {
    const parts = (funcname ?? []).map((p) => p?.String?.sval).filter((s) => typeof s === 'string');
    if (parts.length === 0)
        return undefined;
    return parts[0] === 'public' && parts.length === 2 ? parts[1] : parts.join('.');
}
/** The LANGUAGE of a DO or CREATE FUNCTION option list. */
function languageOf(options, fallback) {
    const def = (options ?? []).find((o) => o?.DefElem?.defname === 'language');
    const value = def?.DefElem?.arg?.String?.sval;
    return typeof value === 'string' ? value.toLowerCase() : fallback;
}
/** The AS body of a DO or CREATE FUNCTION option list. */
function bodyOf(options) {
    const arg = (options ?? []).find((o) => o?.DefElem?.defname === 'as')?.DefElem?.arg;
    if (typeof arg?.String?.sval === 'string')
        return arg.String.sval;
    const first = arg?.List?.items?.[0]?.String?.sval;
    return typeof first === 'string' ? first : undefined;
}
/** At most 80 characters of code, on one line, for a message. */
function shorten(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
/** The ExpansionIndex of the run, up to the end of the current shard. */
const expansionIndex = defineShardIndex(() => new ExpansionIndex());

// EXTERNAL MODULE: ./src/dialects/postgres/schema-model/names.ts
var names = __webpack_require__(46067);
;// CONCATENATED MODULE: ./src/checks/static/support/created-in-pending.ts




/**
 * Whether `table` (and `column` of it, when given) was created by a pending statement before `ref`.
 * `ref` may be an ExecutedStatement inside a DO block: statements before it in the same body count.
 */
function isCreatedBefore(ctx, ref, table, column) {
    const index = createdIndex(ctx);
    const at = executedPosition(ctx, ref);
    for (const key of index.candidateKeys(table, at)) {
        // A table's own history wins; without one, a table in a schema the set created is new too.
        const isTableNew = index.stateAt('t', key, at) ?? index.stateAt('n', schemaOf(key), at) ?? false;
        if (isTableNew)
            return true;
        if (column !== undefined && (index.stateAt('c', `${key}:${column}`, at) ?? false))
            return true;
    }
    return false;
}
/** Whether `schema` was created (without IF NOT EXISTS on an existing one) by a pending statement before `ref`. */
function isSchemaCreatedBefore(ctx, ref, schema) {
    return createdIndex(ctx).stateAt('s', schema, executedPosition(ctx, ref)) ?? false;
}
/** Canonical `schema.name` key of a table name as written (`orders`, `public.orders`, `Sales.Orders`). */
function tableKey(name) {
    return name.includes('.') ? name : `public.${name}`;
}
/** Schema part of a canonical table key. */
function schemaOf(key) {
    return key.slice(0, key.lastIndexOf('.'));
}
/**
 * When objects become new or stop being new, in pending order (executed-statement places). Carried
 * across shards as plain names and places, and extended with each shard's statements.
 */
class CreatedIndex {
    // One map per kind of object, so a lookup builds no prefixed key.
    #transitions = { t: new Map(), c: new Map(), s: new Map(), n: new Map() };
    // Objects the set dropped or renamed away: a later CREATE ... IF NOT EXISTS really creates them.
    #absent = new Set();
    // The search_path a file SET, at the places of the current shard's statements it governs (none: the default).
    #pathAt = new Map();
    /** The keys an unqualified `table` may mean at statement number `at`, in search_path order; a qualified one means itself. */
    candidateKeys(table, at) {
        const path = table.includes('.') ? undefined : this.#pathAt.get(at);
        return path ? path.map((schema) => `${schema}.${table}`) : [tableKey(table)];
    }
    /** Whether the object is "created in pending" just before statement number `at`; undefined when no statement touched it yet. */
    stateAt(kind, key, at) {
        let state;
        for (const t of this.#transitions[kind].get(key) ?? []) {
            if (t.at > at)
                break;
            state = t.isNew;
        }
        return state;
    }
    /** Records what the shard's executed statements create, drop and rename. */
    extend(ctx) {
        const transitions = this.#transitions;
        const absent = this.#absent;
        const existing = ctx.live.tableSizes;
        let at = 0;
        const set = (kind, key, isNew) => {
            const list = transitions[kind].get(key);
            if (list)
                list.push({ at, isNew });
            else
                transitions[kind].set(key, [{ at, isNew }]);
        };
        const current = (kind, key) => {
            const list = transitions[kind].get(key);
            return list?.[list.length - 1]?.isNew;
        };
        const existsOnTarget = (key) => existing !== undefined && (existing.has(key) || (key.startsWith('public.') && existing.has(key.slice('public.'.length))));
        const create = (kind, key, ifNotExists, existsBefore) => {
            // IF NOT EXISTS on something that exists does nothing, and the old object keeps its data.
            if (ifNotExists && !absent.has(`${kind}:${key}`) && (current(kind, key) !== undefined || existsBefore))
                return;
            absent.delete(`${kind}:${key}`);
            set(kind, key, true);
        };
        const remove = (kind, key) => {
            absent.add(`${kind}:${key}`);
            set(kind, key, false);
        };
        const move = (kind, from, to, wasNew) => {
            remove(kind, from);
            absent.delete(`${kind}:${to}`);
            set(kind, to, wasNew);
        };
        // Under a SET search_path: new tables go to its first schema; other names mean the first schema where the set made them.
        let path;
        const createdKey = (name) => (path && !name.includes('.') ? `${path[0]}.${name}` : tableKey(name));
        const foundKey = (name) => {
            if (!path || name.includes('.'))
                return tableKey(name);
            return path.map((schema) => `${schema}.${name}`).find((key) => (current('t', key) ?? current('n', schemaOf(key))) === true) ?? `${path[0]}.${name}`;
        };
        const recorder = {
            createTable: (name, ifNotExists) => create('t', createdKey(name), ifNotExists, existsOnTarget(createdKey(name))),
            dropTable: (name) => remove('t', foundKey(name)),
            moveTable: (from, to) => {
                const fromKey = foundKey(from);
                move('t', fromKey, tableKey(to), current('t', fromKey) ?? current('n', schemaOf(fromKey)) ?? false);
            },
            addColumn: (table, column, ifNotExists) => create('c', `${foundKey(table)}:${column}`, ifNotExists, false),
            dropColumn: (table, column) => remove('c', `${foundKey(table)}:${column}`),
            renameColumn: (table, from, to) => {
                const key = foundKey(table);
                move('c', `${key}:${from}`, `${key}:${to}`, current('c', `${key}:${from}`) ?? false);
            },
            createSchema: (schema, ifNotExists) => {
                create('s', schema, ifNotExists, false);
                // Only a plain CREATE SCHEMA proves the schema was empty, so every table in it is new.
                if (!ifNotExists)
                    set('n', schema, true);
            },
            dropSchema: (schema) => {
                remove('s', schema);
                set('n', schema, false);
            },
        };
        this.#pathAt = new Map();
        let file;
        for (const exec of executedStatements(ctx)) {
            if (exec.file !== file) {
                file = exec.file;
                path = undefined;
            }
            const position = executedPosition(ctx, exec);
            if (path)
                this.#pathAt.set(position, path);
            // A statement's own effect counts only for the statements after it.
            at = position + 1;
            if (exec.kind === 'VariableSetStmt' && exec.node.name === 'search_path')
                path = searchPathOf(exec.node);
            else
                recordStatement(exec.kind, exec.node, recorder);
        }
    }
}
/**
 * The schemas a SET search_path names, without the ones no table is created in or usually found
 * in ("$user", pg_catalog, pg_temp); undefined for SET ... TO DEFAULT, RESET, or a path of none of them.
 */
function searchPathOf(n) {
    if (n.kind !== 'VAR_SET_VALUE')
        return undefined;
    const schemas = (0,names/* searchPathArgs */.pF)(n).filter((s) => s !== 'pg_catalog' && !s.startsWith('pg_temp'));
    return schemas.length > 0 ? schemas : undefined;
}
/** The index up to the end of the current shard. */
function createdIndex(ctx) {
    return createdIndexOf(ctx);
}
/** Records what one statement creates, drops or renames. */
function recordStatement(kind, n, r, inSchema) {
    const withSchema = (rv) => inSchema && rv && !rv.schemaname ? `${inSchema}.${rv.relname}` : (0,postgres_locks/* relationName */.CJ)(rv);
    switch (kind) {
        case 'CreateStmt': {
            const name = withSchema(n.relation);
            if (name)
                r.createTable(name, Boolean(n.if_not_exists));
            return;
        }
        case 'CreateTableAsStmt': {
            const name = withSchema(n.into?.rel);
            if (name)
                r.createTable(name, Boolean(n.if_not_exists));
            return;
        }
        case 'SelectStmt': {
            const name = (0,postgres_locks/* relationName */.CJ)(n.intoClause?.rel);
            if (name)
                r.createTable(name, false);
            return;
        }
        case 'CreateSchemaStmt': {
            const schema = n.schemaname ?? n.authrole?.rolename;
            if (!schema)
                return;
            r.createSchema(schema, Boolean(n.if_not_exists));
            for (const elt of n.schemaElts ?? []) {
                const [eltKind] = Object.keys(elt);
                if (eltKind)
                    recordStatement(eltKind, elt[eltKind], r, schema);
            }
            return;
        }
        case 'DropStmt':
            if (['OBJECT_TABLE', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(n.removeType)) {
                for (const name of (0,postgres_locks/* objectNames */.Wd)(n.objects))
                    r.dropTable(name);
            }
            else if (n.removeType === 'OBJECT_SCHEMA') {
                for (const object of n.objects ?? []) {
                    const schema = object?.String?.sval;
                    if (typeof schema === 'string')
                        r.dropSchema(schema);
                }
            }
            return;
        case 'AlterTableStmt':
            recordAlterTable(n, r);
            return;
        case 'RenameStmt': {
            const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
            if (!table)
                return;
            if (n.renameType === 'OBJECT_TABLE' || n.renameType === 'OBJECT_MATVIEW') {
                // RENAME TO keeps the schema: ALTER TABLE s.t RENAME TO u makes s.u.
                const schema = schemaOf(tableKey(table));
                r.moveTable(table, `${schema}.${n.newname}`);
            }
            else if (n.renameType === 'OBJECT_COLUMN') {
                r.renameColumn(table, n.subname, n.newname);
            }
            return;
        }
        case 'AlterObjectSchemaStmt': {
            const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
            if (table && n.newschema)
                r.moveTable(table, `${n.newschema}.${n.relation.relname}`);
            return;
        }
        default:
            return;
    }
}
/** Records the ADD COLUMN and DROP COLUMN sub-commands of an ALTER TABLE. */
function recordAlterTable(n, r) {
    const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
    if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE'))
        return;
    for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {};
        if (cmd.subtype === 'AT_AddColumn') {
            const column = cmd.def?.ColumnDef?.colname;
            if (typeof column === 'string')
                r.addColumn(table, column, Boolean(cmd.missing_ok));
        }
        else if (cmd.subtype === 'AT_DropColumn' && typeof cmd.name === 'string') {
            r.dropColumn(table, cmd.name);
        }
    }
}
/** The CreatedIndex of the run, up to the end of the current shard. */
const createdIndexOf = defineShardIndex(() => new CreatedIndex());

;// CONCATENATED MODULE: ./src/checks/static/support/column-types.ts


// Unqualified spellings that resolve to built-in types (pg_catalog comes first in search_path).
const ALIASES = {
    int: 'int4',
    integer: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    serial4: 'serial',
    serial8: 'bigserial',
    serial2: 'smallserial',
    decimal: 'numeric',
    real: 'float4',
    float: 'float8',
    character: 'bpchar',
    char: 'bpchar',
    bool: 'bool',
    boolean: 'bool',
};
const NAMES = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    bpchar: 'char',
    float4: 'real',
    float8: 'double precision',
    timestamp: 'timestamp',
    timestamptz: 'timestamptz',
};
/** Normalises a TypeName node; undefined when the node is missing. */
function columnType(typeName) {
    // Loops, not map and filter: this runs for every column of every statement.
    const parts = [];
    for (const n of typeName?.names ?? [])
        if (typeof n?.String?.sval === 'string')
            parts.push(n.String.sval);
    if (parts.length === 0)
        return undefined;
    const isBuiltin = parts.length === 1 || parts[0] === 'pg_catalog';
    const raw = parts[parts.length - 1];
    // The quoted "char" is a one-byte internal type, distinct from char(n) (bpchar).
    const isQuotedChar = parts.length === 1 && raw === 'char';
    const name = isBuiltin && !isQuotedChar ? (ALIASES[raw] ?? raw) : parts.join('.');
    const mods = [];
    for (const m of typeName?.typmods ?? [])
        if (typeof m?.A_Const?.ival?.ival === 'number')
            mods.push(m.A_Const.ival.ival);
    // char without a length means char(1); the parser already adds it for the keyword form.
    return { name: isQuotedChar ? '"char"' : name, mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 };
}
/** A type as people write it, e.g. "varchar(100)", "bigint", "numeric(10,2)[]". */
function describeType(type) {
    const base = NAMES[type.name] ?? type.name;
    return `${base}${type.mods.length ? `(${type.mods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}
/** Parses a type as the catalog prints it (format_type, e.g. "character varying(100)"). */
function parseTypeText(text) {
    return columnType(typeNameOfText(text));
}
/** The TypeName node of a type written as text, or undefined when it does not parse as one. */
function typeNameOfText(text) {
    const parsed = (0,postgres_parser/* loadedPostgresParser */.IX)()?.parse(`SELECT NULL::${text}`);
    if (!parsed || parsed.statements.length !== 1)
        return undefined;
    return parsed.statements[0].node.targetList?.[0]?.ResTarget?.val?.TypeCast?.typeName;
}
/**
 * The column's type on the connected target before the pending migrations run (LiveFacts.columnTypes,
 * format_type text), as a TypeName node; undefined without a target or for a column it lacks.
 * The one place rules read live column types, so they all key and parse them alike.
 */
function liveTypeName(ctx, table, column) {
    const text = ctx.live.columnTypes?.get(`${tableKey(table)}.${column}`);
    return text === undefined ? undefined : typeNameOfText(text);
}
/** liveTypeName as a ColumnType. */
function liveColumnType(ctx, table, column) {
    return columnType(liveTypeName(ctx, table, column));
}
/** Whether the type is one of the integer types that can overflow a growing key. */
function isSmallInteger(type) {
    return !type.isArray && ['int2', 'int4', 'serial', 'smallserial'].includes(type.name);
}
/** Whether the type is timestamp without time zone. */
function isTimestampWithoutZone(type) {
    return type.name === 'timestamp';
}
const INTEGER_WIDTH = { int2: 2, smallserial: 2, int4: 4, serial: 4, int8: 8, bigserial: 8 };
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar']);
/** Why changing `from` to `to` certainly narrows the values, or undefined when it does not (or is not certain). */
function narrowingReason(from, to) {
    if (from.isArray !== to.isArray)
        return undefined;
    const fromInt = INTEGER_WIDTH[from.name];
    const toInt = INTEGER_WIDTH[to.name];
    if (fromInt && toInt)
        return toInt < fromInt ? 'values outside the smaller integer range make it fail' : undefined;
    if (to.name === 'int2' || to.name === 'int4' || to.name === 'int8') {
        if (from.name === 'numeric' || from.name === 'float4' || from.name === 'float8')
            return 'fractional digits are rounded away';
        return undefined;
    }
    if (from.name === 'float8' && to.name === 'float4')
        return 'double precision values lose digits as real';
    if (from.name === 'numeric' && to.name === 'numeric')
        return numericNarrowing(from.mods, to.mods);
    if (TEXT_TYPES.has(from.name) && (to.name === 'varchar' || to.name === 'bpchar'))
        return textNarrowing(from, to);
    if ((from.name === 'timestamptz' || from.name === 'timestamp') && to.name === 'date')
        return 'the time of day is cut off';
    if ((from.name === 'timestamptz' || from.name === 'timestamp') && to.name === from.name)
        return precisionNarrowing(from.mods, to.mods, 6);
    return undefined;
}
/** numeric(p,s) narrowing: fewer integer digits overflow, fewer fractional digits round. */
function numericNarrowing(from, to) {
    if (to.length === 0)
        return undefined;
    const toScale = to[1] ?? 0;
    if (from.length === 0)
        return `unconstrained numeric values are forced into numeric(${to.join(',')})`;
    const fromScale = from[1] ?? 0;
    const fromInteger = from[0] - fromScale;
    const toInteger = to[0] - toScale;
    if (toInteger < fromInteger)
        return `values with more than ${toInteger} integer digits make it fail`;
    if (toScale < fromScale)
        return `digits after the ${toScale}th decimal place are rounded away`;
    return undefined;
}
/** Text to varchar(n)/char(n) narrowing: longer values make the change fail. */
function textNarrowing(from, to) {
    const toLength = to.mods[0];
    if (toLength === undefined)
        return undefined;
    const fromLength = from.name === 'text' ? undefined : from.mods[0];
    if (fromLength !== undefined && toLength >= fromLength)
        return undefined;
    return `values longer than ${toLength} characters make it fail`;
}
/** Fractional-second precision narrowing of timestamps (default precision 6). */
function precisionNarrowing(from, to, defaultPrecision) {
    const fromP = from[0] ?? defaultPrecision;
    const toP = to[0] ?? defaultPrecision;
    return toP < fromP ? `fractional seconds beyond ${toP} digits are rounded away` : undefined;
}

;// CONCATENATED MODULE: ./src/checks/static/support/sql-names.ts
/**
 * Names as the blocking rules print them: schema-qualified and quoted where PostgreSQL needs
 * quotes, so the SQL in a message or mitigation can be pasted as it is.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */


// Fully reserved keywords (https://www.postgresql.org/docs/current/sql-keywords-appendix.html):
// as bare identifiers they are syntax errors.
const RESERVED = new Set(('all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from ' +
    'full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime ' +
    'localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning ' +
    'right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user ' +
    'using variadic verbose when where window with').split(' '));
/** Quotes an identifier when PostgreSQL would not read it back as written. */
function quoteIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
/** Printable `schema.name` of a canonical table key (`public.orders`, `Sales.Orders`). */
function displayKey(key) {
    const dot = key.indexOf('.');
    return dot === -1 ? quoteIdent(key) : `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`;
}
/** Key and printable name of a RangeVar, or undefined when the node names nothing. */
function relationOf(rangeVar) {
    const name = (0,postgres_locks/* relationName */.CJ)(rangeVar);
    if (!name || !rangeVar)
        return undefined;
    const schema = String(rangeVar.schemaname ?? 'public');
    const relname = String(rangeVar.relname);
    return { key: tableKey(name), name, display: `${quoteIdent(schema)}.${quoteIdent(relname)}` };
}
/** Key and printable name of a `[schema, name]` String-node list (DROP INDEX, ALTER TYPE objects). */
function qualifiedNameOf(items) {
    const parts = (items ?? []).map((i) => i?.String?.sval).filter((s) => typeof s === 'string');
    if (parts.length === 0)
        return undefined;
    const name = parts[parts.length - 1];
    const schema = parts.length > 1 ? parts[parts.length - 2] : 'public';
    return { key: `${schema}.${name}`, name: parts.length > 1 ? `${schema}.${name}` : name, display: `${quoteIdent(schema)}.${quoteIdent(name)}` };
}

;// CONCATENATED MODULE: ./src/checks/static/support/statement-facts.ts


/** The `tables` and `lock` fields of a finding for a statement, empty when it locks no existing table. */
function lockFields(ctx, kind, node) {
    const locks = (0,postgres_locks/* statementLocks */.MI)({ kind, node }, ctx.postgresVersion);
    if (locks.length === 0)
        return {};
    let lock = locks[0].lock;
    for (const l of locks)
        lock = (0,postgres_locks/* strongerLock */.wS)(lock, l.lock);
    return { tables: [...new Set(locks.map((l) => l.table))], lock };
}
/** A dotted name as SQL, each part quoted only when PostgreSQL needs it (mixed case, reserved words). */
function displayName(name) {
    return name.split('.').map(quoteIdent).join('.');
}
/** Names of the objects a DropStmt names, whatever their node shape (qualified lists, plain names, types, routines). */
function dropObjectNames(objects) {
    const partsOf = (items) => (items ?? []).map((i) => i?.String?.sval).filter((s) => typeof s === 'string').join('.');
    return (objects ?? [])
        .map((o) => {
        if (o?.List)
            return partsOf(o.List.items);
        if (o?.String)
            return String(o.String.sval);
        if (o?.TypeName)
            return partsOf(o.TypeName.names);
        if (o?.ObjectWithArgs)
            return partsOf(o.ObjectWithArgs.objname);
        return '';
    })
        .filter((name) => name !== '');
}

// EXTERNAL MODULE: ./src/dialects/postgres/catalog/table-sizes.ts
var table_sizes = __webpack_require__(10944);
// EXTERNAL MODULE: ./src/engine/units.ts
var units = __webpack_require__(2141);
;// CONCATENATED MODULE: ./src/checks/static/support/table-size.ts
/**
 * Grades a blocking finding by the size of the table it blocks: an index build on a 50-row table
 * is over in milliseconds, on a 50-million-row table it blocks writes for minutes. Sizes come
 * from the target (LiveFacts.tableSizes, read before the rules run) and the thresholds from the
 * target's config (thresholds.largeTableRows / largeTableBytes).
 */




/** Defaults of thresholds.largeTableRows / largeTableBytes, for runs whose facts carry none. */
const DEFAULT_SIZE_THRESHOLDS = { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 };
/** Below this share of both thresholds a table is small: blocking it costs next to nothing. */
const SMALL_TABLE_SHARE = 0.01;
/** Prefix of a tableSizes key naming an index, whose value is its table's size (facts.ts reads them). */
const INDEX_KEY_PREFIX = table_sizes/* INDEX_TABLE_KEY_PREFIX */.R2;
// Which grade is larger when a statement blocks several tables; a table not on the target counts less than any table that is.
const RANK = { unknown: 0, new: 1, small: 2, medium: 3, large: 4 };
/**
 * Grades by size: at or above either threshold -> error; above 1% of one -> warning; smaller ->
 * info; a table the target does not have yet -> info; without a target -> `unknownSeverity`
 * (the rule's own severity, so lint keeps its behaviour).
 */
function gradeBySize(ctx, table, unknownSeverity = 'warning') {
    const key = keyOf(table);
    const sizes = ctx.live.tableSizes;
    if (!sizes)
        return unknownGrade(unknownSeverity);
    const limits = thresholdsOf(ctx);
    const evidence = (size) => ({ sizeGrade: size, gradedTable: key, thresholds: limits });
    const size = sizes.get(key);
    if (!size)
        return { severity: 'info', size: 'new', table: key, evidence: evidence('new'), description: `${describeKey(key, 'missing')} does not exist on the target yet` };
    const description = size.isRowsKnown === false
        ? `${describeKey(key, 'table')} has an unknown number of rows (never analysed; ${(0,units/* formatBytes */.z3)(size.bytes)})`
        : `${describeKey(key, 'table')} has about ${(0,units/* formatCount */.B4)(size.rows)} rows (${(0,units/* formatBytes */.z3)(size.bytes)})`;
    if (size.rows >= limits.largeTableRows || size.bytes >= limits.largeTableBytes)
        return { severity: 'error', size: 'large', table: key, evidence: evidence('large'), description };
    if (size.rows >= limits.largeTableRows * SMALL_TABLE_SHARE || size.bytes >= limits.largeTableBytes * SMALL_TABLE_SHARE) {
        return { severity: 'warning', size: 'medium', table: key, evidence: evidence('medium'), description };
    }
    return { severity: 'info', size: 'small', table: key, evidence: evidence('small'), description };
}
/**
 * Grades a statement that blocks several tables (a foreign key locks both ends) by the largest
 * of them; with no table named (REINDEX DATABASE, VACUUM FULL of everything) the size is unknown
 * and the rule keeps `unknownSeverity`.
 */
function gradeLargest(ctx, tables, unknownSeverity = 'warning') {
    let largest = unknownGrade(unknownSeverity);
    for (const table of tables) {
        const grade = gradeBySize(ctx, table, unknownSeverity);
        if (RANK[grade.size] > RANK[largest.size] || (RANK[grade.size] === RANK[largest.size] && bytesOf(ctx, grade) > bytesOf(ctx, largest)))
            largest = grade;
    }
    return largest;
}
/** `name`, followed by the size in parentheses when the target was read: "public.users (about 50 rows (16.0 kB))", "it (public.users has about 50 rows (16.0 kB))", "public.users (an unknown number of rows (never analysed; 16.0 kB))". */
function withSize(name, grade) {
    if (!grade.description)
        return name;
    // When `name` is the graded table itself, say the size without naming it twice: "public.users (about 50 rows (16.0 kB))".
    const self = grade.table && !grade.table.startsWith(INDEX_KEY_PREFIX) ? displayKey(grade.table) : undefined;
    if (self && name === self)
        return `${name} (${grade.description.slice(`${self} `.length).replace(/^has /, '')})`;
    return `${name} (${grade.description})`;
}
/** One table's size as evidence, in the one shape every finding uses; undefined without a target. */
function sizeEvidence(ctx, table) {
    const sizes = ctx.live.tableSizes;
    if (!sizes)
        return undefined;
    const key = keyOf(table);
    const size = sizes.get(key);
    if (!size)
        return { table: key, size: 'not on the target yet' };
    const rows = size.isRowsKnown === false ? { estimatedRows: null, rowsUnknown: 'never vacuumed or analysed' } : { estimatedRows: size.rows };
    return { table: key, ...rows, totalBytes: size.bytes, totalSize: (0,units/* formatBytes */.z3)(size.bytes) };
}
/** The tableSizes key of a table name (unqualified means public) or of an index key. */
function keyOf(table) {
    return table.startsWith(INDEX_KEY_PREFIX) ? table : (0,engine_pending/* normaliseTable */.TA)(table);
}
/** The grade without a target (or without a table): the rule's own severity, nothing to show. */
function unknownGrade(severity) {
    return { severity, size: 'unknown', evidence: {}, description: '' };
}
/** Thresholds from the facts, or the config defaults. */
function thresholdsOf(ctx) {
    const thresholds = ctx.live.thresholds ?? DEFAULT_SIZE_THRESHOLDS;
    return { largeTableRows: thresholds.largeTableRows, largeTableBytes: thresholds.largeTableBytes };
}
/** Total bytes behind a grade, to pick the larger of two equal grades. */
function bytesOf(ctx, grade) {
    return grade.table ? (ctx.live.tableSizes?.get(grade.table)?.bytes ?? 0) : 0;
}
/** Printable name of a key: `public."Orders"`, or `the table of index public.orders_idx` for an index key. */
function describeKey(key, what) {
    if (!key.startsWith(INDEX_KEY_PREFIX))
        return displayKey(key);
    const index = displayKey(key.slice(INDEX_KEY_PREFIX.length));
    return what === 'table' ? `the table of index ${index}` : `index ${index}`;
}

;// CONCATENATED MODULE: ./src/checks/static/add-column-not-null-without-default.ts








const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);
/** An empty table's heap is 0 bytes and each index one 8 kB page: above this a table without a row estimate has rows. */
const EMPTY_TABLE_BYTES = 16_384;
/**
 * ALTER TABLE ... ADD COLUMN ... NOT NULL (or PRIMARY KEY) without a DEFAULT fails on a table that
 * has rows: every existing row gets NULL in the new column, which the constraint rejects ("column
 * ... contains null values", SQLSTATE 23502). It passes on the empty tables of development and CI
 * and fails in production. serial types, identity and generated columns give every row a value;
 * a table the pending set created is empty. Checked on PostgreSQL 15 and 18.
 * https://www.postgresql.org/docs/current/sql-altertable.html
 */
/* harmony default export */ const add_column_not_null_without_default = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'add-column-not-null-without-default',
    title: 'NOT NULL columns are added with a default',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
            const table = relationOf(exec.node.relation);
            if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, exec, table.name))
                continue;
            for (const c of exec.node.cmds ?? []) {
                const cmd = c.AlterTableCmd;
                const def = cmd?.subtype === 'AT_AddColumn' ? cmd.def?.ColumnDef : undefined;
                const requirement = def ? unfilledRequirement(def) : undefined;
                if (!def || !requirement)
                    continue;
                // ADD COLUMN IF NOT EXISTS of a column the target has does nothing.
                if (cmd.missing_ok && ctx.live.columnTypes?.has(`${table.key}.${def.colname}`))
                    continue;
                report(ctx, exec, table.display, table.key, def, requirement);
            }
        }
    },
}));
/** "NOT NULL" or "PRIMARY KEY" when the column must have a value that nothing gives existing rows. */
function unfilledRequirement(def) {
    const constraints = (def.constraints ?? []).map((c) => c?.Constraint).filter(Boolean);
    const has = (type) => constraints.some((c) => c.contype === type);
    const requirement = has('CONSTR_PRIMARY') ? 'PRIMARY KEY' : has('CONSTR_NOTNULL') ? 'NOT NULL' : undefined;
    if (!requirement)
        return undefined;
    // A default fills existing rows, unless it is DEFAULT NULL.
    const defaults = constraints.filter((c) => c.contype === 'CONSTR_DEFAULT');
    if (defaults.some((c) => !c.raw_expr?.A_Const?.isnull))
        return undefined;
    if (has('CONSTR_IDENTITY') || has('CONSTR_GENERATED'))
        return undefined;
    const typeName = String(def.typeName?.names?.at(-1)?.String?.sval ?? '').toLowerCase();
    return SERIAL_TYPES.has(typeName) ? undefined : requirement;
}
/** Reports one column, graded by what the target says of the table's rows. */
function report(ctx, exec, display, key, def, requirement) {
    const column = displayName(String(def.colname));
    const type = columnType(def.typeName);
    const typeText = type ? describeType(type) : 'type';
    const size = ctx.live.tableSizes?.get((0,engine_pending/* normaliseTable */.TA)(key));
    const grade = gradeBySize(ctx, key, 'error');
    // On the target now: rows (or, never analysed, more than an empty table's pages) fail it; an empty table does not, yet.
    const hasRows = size === undefined ? undefined : size.rows > 0 || (size.isRowsKnown === false && size.bytes > EMPTY_TABLE_BYTES);
    if (ctx.live.tableSizes && size === undefined)
        return;
    ctx.report(exec, {
        message: hasRows === false
            ? `ADD COLUMN ${column} ${requirement} without a DEFAULT works on ${display} only while it is empty, as it is on the target now${viaSuffix(exec)}: once it has a row, the statement fails ("column ... contains null values").`
            : `ADD COLUMN ${column} ${requirement} without a DEFAULT fails on ${withSize(display, grade)} if it has any row${viaSuffix(exec)}: every existing row gets NULL in the new column, which ${requirement} rejects ("column ... contains null values", SQLSTATE 23502).`,
        mitigation: `Give it a default: ADD COLUMN ${column} ${typeText} ${requirement} DEFAULT <value> (a constant default rewrites nothing since PostgreSQL 11). ` +
            `Or add it nullable, fill it in batches, then add the constraint (for NOT NULL without a long lock: CHECK (${column} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL).`,
        help: 'Migrations run on empty tables in development and CI, so this passes there and fails on the first database with data.',
        evidence: { table: key, column: String(def.colname), requirement, ...(size ? { rows: size.isRowsKnown === false ? null : size.rows, bytes: size.bytes } : {}), ...(exec.via ? { via: exec.via } : {}) },
        ...(hasRows === false ? { severity: 'info' } : {}),
        ...lockFields(ctx, exec.kind, exec.node),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/support/locking.ts






const ORDER = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];
/** Whether lock `a` is at least as strong as `b`. */
function isAtLeast(a, b) {
    return ORDER.indexOf(a) >= ORDER.indexOf(b);
}
/** "an ACCESS EXCLUSIVE", "a SHARE": the lock name with its article. */
function lockWithArticle(lock) {
    return `${/^[AEIOU]/.test(lock) ? 'an' : 'a'} ${lock}`;
}
/** What other sessions cannot do while the lock is held or queued. */
function lockEffect(lock) {
    switch (lock) {
        case 'ACCESS EXCLUSIVE':
            return 'reads and writes are blocked';
        case 'EXCLUSIVE':
            return 'writes are blocked (plain reads continue)';
        case 'SHARE ROW EXCLUSIVE':
        case 'SHARE':
            return 'writes are blocked';
        case 'SHARE UPDATE EXCLUSIVE':
            return 'schema changes, VACUUM and other maintenance wait';
        default:
            return 'only stronger locks wait';
    }
}
/** Locks the statement takes on existing tables, including the table behind DROP INDEX / REINDEX INDEX. */
function existingLocks(ctx, ref) {
    const out = [];
    // An executed statement inside a DO block locks what it touches, not what the DO names.
    const own = ownStatement(ref);
    for (const { table, lock } of (0,postgres_locks/* statementLocks */.MI)(own, ctx.postgresVersion)) {
        const key = tableKey(table);
        if (!isCreatedBefore(ctx, ref, table))
            out.push({ key, display: displayKey(key), lock, isKnown: true });
    }
    const n = own.node;
    if (own.kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX') {
        const lock = n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        for (const object of n.objects ?? []) {
            const index = qualifiedNameOf(object?.List?.items);
            if (index)
                out.push(...indexTableLock(ctx, ref, index.key, lock));
        }
    }
    if (own.kind === 'ReindexStmt' && n.kind === 'REINDEX_OBJECT_INDEX') {
        const index = relationOf(n.relation);
        if (index)
            out.push(...indexTableLock(ctx, ref, index.key, isConcurrentReindex(n) ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE'));
    }
    return out;
}
/** Whether a ReindexStmt has the CONCURRENTLY option. */
function isConcurrentReindex(n) {
    return (n.params ?? []).some((p) => p.DefElem?.defname === 'concurrently' && (0,postgres_locks/* isTrueOption */.I3)(p.DefElem));
}
/** The lock on the table behind an index, unless that table is new. */
function indexTableLock(ctx, ref, indexKey, lock) {
    const table = indexTableBefore(ctx, ref, indexKey);
    if (!table)
        return [{ key: `${INDEX_KEY_PREFIX}${indexKey}`, display: `the table of index ${displayKey(indexKey)}`, lock, isKnown: false }];
    if (isCreatedBefore(ctx, ref, table))
        return [];
    return [{ key: table, display: displayKey(table), lock, isKnown: true }];
}
/**
 * Index name -> the tables it was created on, at which top-level statement of the pending set.
 * Carried across shards; `offset` counts the statements of earlier shards.
 */
class CreatedIndexes {
    created = new Map();
    order = new Map();
    #next = 0;
    extend(ctx) {
        this.order = new Map();
        for (const file of ctx.files) {
            for (const stmt of file.parsed.statements) {
                const at = this.#next++;
                this.order.set(stmt, at);
                const table = relationOf(stmt.node.relation);
                if (stmt.kind === 'IndexStmt' && stmt.node.idxname && table) {
                    // An index lives in its table's schema.
                    const key = `${table.key.slice(0, table.key.lastIndexOf('.'))}.${stmt.node.idxname}`;
                    const list = this.created.get(key);
                    if (list)
                        list.push({ at, table: table.key });
                    else
                        this.created.set(key, [{ at, table: table.key }]);
                }
            }
        }
    }
}
/** The table of an index created by a pending statement before `ref`, or undefined. */
function indexTableBefore(ctx, ref, indexKey) {
    const index = createdIndexes(ctx);
    const at = index.order.get(ref.stmt) ?? -1;
    return (index.created.get(indexKey) ?? []).filter((c) => c.at < at).pop()?.table;
}
/**
 * Evidence for a lock finding: lock, tables, the version assumed, and each table's size when the
 * target was read (sizeEvidence's shape; a finding graded by size adds its grade in `extra`).
 */
function lockEvidence(ctx, lock, keys, extra = {}) {
    const sizes = keys.flatMap((key) => sizeEvidence(ctx, key) ?? []);
    return {
        lock,
        tables: keys,
        postgresVersion: ctx.postgresVersion,
        versionSource: ctx.versionSource,
        ...(sizes.length > 0 ? { sizes } : {}),
        ...extra,
    };
}
/** The CreatedIndexes of the run, up to the end of the current shard. */
const createdIndexes = defineShardIndex(() => new CreatedIndexes());

;// CONCATENATED MODULE: ./src/checks/static/support/sql-text.ts
/** Statement text from byte offset `from` (file-relative) to `to` (exclusive) or the statement end. */
function textBetween(ref, from, to) {
    const bytes = ref.file.parsed.lines.bytes;
    const start = Math.max(from, ref.stmt.startByte);
    const end = Math.min(to ?? ref.stmt.endByte, ref.stmt.endByte);
    return end > start ? bytes.subarray(start, end).toString('utf8') : '';
}
/**
 * The expression of a column's DEFAULT constraint as written, e.g. `(random() * 10)::int`:
 * from after the DEFAULT keyword to the next constraint of the column, or to the first comma or
 * closing parenthesis at nesting level zero.
 */
function defaultExpressionText(ref, constraints, index) {
    const at = constraints[index]?.Constraint?.location;
    if (typeof at !== 'number' || at < 0)
        return undefined;
    const next = constraints.slice(index + 1).map((c) => c?.Constraint?.location).find((l) => typeof l === 'number' && l > at);
    const raw = textBetween(ref, at, next);
    const body = raw.replace(/^default\b/i, '');
    return topLevelPrefix(body).trim() || undefined;
}
/** The text up to the first top-level `,` or unmatched `)`, skipping quotes, dollar quotes and comments. */
function topLevelPrefix(text) {
    let depth = 0;
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (ch === "'" || ch === '"') {
            i = skipQuoted(text, i, ch);
            continue;
        }
        if (ch === '$') {
            const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
            if (tag) {
                const close = text.indexOf(tag[0], i + tag[0].length);
                i = close === -1 ? text.length : close + tag[0].length;
                continue;
            }
        }
        if (ch === '-' && text[i + 1] === '-') {
            const nl = text.indexOf('\n', i);
            i = nl === -1 ? text.length : nl;
            continue;
        }
        if (ch === '/' && text[i + 1] === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close === -1 ? text.length : close + 2;
            continue;
        }
        if (ch === '(')
            depth++;
        else if (ch === ')') {
            if (depth === 0)
                return text.slice(0, i);
            depth--;
        }
        else if (ch === ',' && depth === 0)
            return text.slice(0, i);
        i++;
    }
    return text;
}
/** Index just past a quoted literal or identifier starting at `i`; doubled quotes stay inside. */
function skipQuoted(text, i, quote) {
    let j = i + 1;
    while (j < text.length) {
        if (text[j] === quote) {
            if (text[j + 1] === quote)
                j += 2;
            else
                return j + 1;
        }
        else
            j++;
    }
    return text.length;
}

;// CONCATENATED MODULE: ./src/checks/static/add-column-rewrites-table.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */








/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error';
// Built-in volatile functions seen in defaults (pg_proc.provolatile = 'v'). now(), CURRENT_TIMESTAMP
// and statement_timestamp() are STABLE: from 11 their value is computed once and stored as the
// "missing" value, with no rewrite.
const VOLATILE = new Set([
    'random',
    'random_normal',
    'clock_timestamp',
    'timeofday',
    'gen_random_uuid',
    'uuidv4',
    'uuidv7',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'gen_random_bytes',
    'nextval',
    'currval',
    'lastval',
    'setval',
]);
const add_column_rewrites_table_SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);
// Internal names as people write them; serial types become their integer type.
const SQL_TYPE_NAMES = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    bpchar: 'char',
    smallserial: 'smallint',
    serial2: 'smallint',
    serial: 'integer',
    serial4: 'integer',
    bigserial: 'bigint',
    serial8: 'bigint',
};
/**
 * ADD COLUMN rewrites the whole table under ACCESS EXCLUSIVE when every existing row needs its own
 * value: a volatile default, serial or identity (nextval per row), a STORED generated column, or
 * before PostgreSQL 11 any non-null default (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
/* harmony default export */ const add_column_rewrites_table = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'add-column-rewrites-table',
    title: 'Add columns without rewriting the table',
    category: 'locks',
    severity: SEVERITY,
    run(ctx) {
        // Functions created earlier in the pending set, by name: whether each is volatile. Carried across shards.
        const userVolatility = carried(ctx, 'add-column-rewrites-table', () => new Map());
        // Statements inside DO blocks and called functions add columns (and create functions) too.
        for (const ref of executedStatements(ctx, ['AlterTableStmt', 'CreateFunctionStmt'])) {
            const n = ref.node;
            if (ref.kind === 'CreateFunctionStmt') {
                recordFunction(n, userVolatility);
                continue;
            }
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.name))
                continue;
            const rewrites = (n.cmds ?? []).flatMap((c) => {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype !== 'AT_AddColumn')
                    return [];
                const found = rewriteOf(ctx, ref, cmd.def?.ColumnDef ?? {}, userVolatility);
                return found ? [found] : [];
            });
            if (rewrites.length > 0)
                add_column_rewrites_table_report(ctx, ref, table, rewrites);
        }
    },
}));
/** Records whether a function created in the pending set is volatile (the default). */
function recordFunction(n, out) {
    const names = (n.funcname ?? []).map((s) => s?.String?.sval);
    const name = names[names.length - 1];
    if (!name)
        return;
    const volatility = (n.options ?? []).find((o) => o.DefElem?.defname === 'volatility')?.DefElem?.arg?.String?.sval;
    out.set(name.toLowerCase(), volatility === undefined || volatility === 'volatile');
}
/** Why adding this column rewrites the table, or undefined when it does not. */
function rewriteOf(ctx, ref, def, userVolatility) {
    const column = String(def.colname ?? '');
    const typeNames = (def.typeName?.names ?? []).map((s) => String(s?.String?.sval ?? ''));
    const typeName = typeNames[typeNames.length - 1]?.toLowerCase() ?? '';
    const typeText = typeTextOf(def.typeName);
    if (add_column_rewrites_table_SERIAL_TYPES.has(typeName))
        return { column, cause: 'serial', typeText };
    const constraints = def.constraints ?? [];
    for (const [i, c] of constraints.entries()) {
        const con = c?.Constraint ?? {};
        if (con.contype === 'CONSTR_IDENTITY')
            return { column, cause: 'identity', typeText };
        if (con.contype === 'CONSTR_GENERATED' && con.generated_kind !== 'v') {
            return { column, cause: 'stored', typeText, expression: defaultExpressionText(ref, constraints, i)?.replace(/^generated\s+always\s+as\s*/i, '').replace(/\s+stored$/i, '') };
        }
        if (con.contype !== 'CONSTR_DEFAULT' || con.raw_expr?.A_Const?.isnull)
            continue;
        const expression = defaultExpressionText(ref, constraints, i);
        const fn = volatileFunction(con.raw_expr, userVolatility);
        if (fn)
            return { column, cause: 'volatile', fn, expression, typeText };
        if (ctx.postgresVersion < 11)
            return { column, cause: 'pre11-default', expression, typeText };
    }
    return undefined;
}
/** The first volatile function called anywhere in an expression. */
function volatileFunction(node, userVolatility) {
    if (Array.isArray(node)) {
        for (const item of node) {
            const found = volatileFunction(item, userVolatility);
            if (found)
                return found;
        }
        return undefined;
    }
    if (!node || typeof node !== 'object')
        return undefined;
    const call = node.FuncCall;
    if (call) {
        const names = (call.funcname ?? []).map((s) => String(s?.String?.sval ?? ''));
        const name = (names[names.length - 1] ?? '').toLowerCase();
        if (userVolatility.get(name) ?? VOLATILE.has(name))
            return `${name}()`;
    }
    for (const value of Object.values(node)) {
        const found = volatileFunction(value, userVolatility);
        if (found)
            return found;
    }
    return undefined;
}
/** The column type as SQL, e.g. `uuid`, `varchar(20)`, `bigint`. */
function typeTextOf(typeName) {
    const names = (typeName?.names ?? []).map((s) => String(s?.String?.sval ?? ''));
    const name = names.filter((n) => n !== 'pg_catalog').join('.');
    const mods = (typeName?.typmods ?? []).map((m) => m?.A_Const?.ival?.ival ?? 0);
    return `${SQL_TYPE_NAMES[name] ?? name}${mods.length > 0 ? `(${mods.join(',')})` : ''}${typeName?.arrayBounds ? '[]' : ''}`;
}
/** Reports the rewriting columns of one ALTER TABLE. */
function add_column_rewrites_table_report(ctx, ref, table, rewrites) {
    const lock = 'ACCESS EXCLUSIVE';
    const first = rewrites[0];
    const reasons = rewrites.map((r) => `${quoteIdent(r.column)} (${describeCause(ctx, r)})`).join(', ');
    const grade = gradeBySize(ctx, table.key, SEVERITY);
    ctx.report(ref, {
        message: `ADD COLUMN ${reasons} rewrites every row of ${withSize(table.display, grade)} under an ${lock} lock${viaSuffix(ref)}: ${lockEffect(lock)} until the copy finishes.`,
        severity: grade.severity,
        mitigation: mitigationFor(ctx, table, first),
        help: 'Since PostgreSQL 11 a column with a constant or STABLE default (now(), CURRENT_TIMESTAMP) is added without a rewrite; a value that differs per row forces one.',
        tables: [table.key],
        lock,
        evidence: lockEvidence(ctx, lock, [table.key], { columns: rewrites.map((r) => ({ column: r.column, cause: r.cause })), ...grade.evidence }),
    });
}
/** A few words on why the column rewrites. */
function describeCause(ctx, r) {
    switch (r.cause) {
        case 'volatile':
            return `volatile default ${r.fn}`;
        case 'serial':
            return 'serial: a nextval() default per row';
        case 'identity':
            return 'identity: a sequence value per row';
        case 'stored':
            return 'STORED generated column';
        case 'pre11-default':
            return `any non-null default rewrites before PostgreSQL 11; this is ${ctx.postgresVersion}`;
    }
}
/** The safe SQL for the first rewriting column. */
function mitigationFor(ctx, table, r) {
    const t = table.display;
    const col = quoteIdent(r.column);
    const expr = r.expression ?? '<default>';
    const backfill = `then backfill existing rows in small batches (UPDATE ${t} SET ${col} = ... WHERE ${col} IS NULL AND <key range>;)`;
    switch (r.cause) {
        case 'volatile':
        case 'pre11-default':
            return (`Add the column without the default, then set the default (it applies to new rows only and rewrites nothing): ` +
                `ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText}; ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT ${expr}; ${backfill}.`);
        case 'serial':
            return (`Create the sequence yourself and backfill: CREATE SEQUENCE ${quoteIdent(`${table.key.slice(table.key.indexOf('.') + 1)}_${r.column}_seq`)}; ` +
                `ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText}; ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT nextval('<sequence>'); ${backfill}.`);
        case 'identity':
            return `Add a plain nullable ${r.typeText} column, backfill it in batches from a sequence, then make it an identity column (ALTER COLUMN ... ADD GENERATED ... AS IDENTITY) once every row has a value.`;
        case 'stored':
            return (`Add a plain column (ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText};), keep it filled with a trigger, and backfill in batches` +
                (ctx.postgresVersion >= 18 ? `; or, on 18+, make it VIRTUAL (computed on read, no rewrite): GENERATED ALWAYS AS ${expr} VIRTUAL.` : '.'));
    }
}

;// CONCATENATED MODULE: ./src/checks/static/support/type-changes.ts
/**
 * Column types as ALTER COLUMN TYPE sees them, and which changes PostgreSQL makes without a
 * rewrite: binary-coercible casts whose length/precision coercion is a no-op (varchar_support,
 * numeric_support, varbit_support, timestamp_support in the server), checked by
 * ATColumnChangeRequiresRewrite. Measured on PostgreSQL 15 and 18 (relfilenode before/after).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */



// Spellings PostgreSQL treats as the same type.
const type_changes_ALIASES = {
    int: 'int4',
    integer: 'int4',
    int4: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    real: 'float4',
    float: 'float8',
    'double precision': 'float8',
    boolean: 'bool',
    'character varying': 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    decimal: 'numeric',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    'time without time zone': 'time',
    'time with time zone': 'timetz',
    'bit varying': 'varbit',
};
/** The TypeSpec of a TypeName node. */
function typeSpecOf(typeName) {
    const names = (typeName?.names ?? []).map((s) => String(s?.String?.sval ?? ''));
    const raw = names[names.length - 1];
    const last = raw?.toLowerCase();
    if (!raw || !last)
        return undefined;
    const mods = (typeName?.typmods ?? []).map((m) => (m?.A_Const ? Number(m.A_Const.ival?.ival ?? 0) : Number.NaN));
    // A lone "char" is the quoted one-byte internal type (format_type prints it so); char(n) parses as pg_catalog.bpchar.
    if (names.length === 1 && names[0] === 'char')
        return { base: '"char"', mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 };
    // Built-in names arrive lower-case; a user type ("OrderStatus_new", an enum) keeps its spelling.
    return { base: type_changes_ALIASES[last] ?? raw, mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 };
}
// Internal names as people write them.
const SQL_NAMES = { int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', bool: 'boolean', bpchar: 'char', '"char"': '"char"' };
/** SQL spelling of a TypeSpec, e.g. `varchar(20)`, `numeric(10,2)[]`, `bigint`. */
function typeText(t) {
    return `${SQL_NAMES[t.base] ?? quoteIdent(t.base)}${t.mods.length > 0 ? `(${t.mods.join(',')})` : ''}${t.isArray ? '[]' : ''}`;
}
// Targets a binary-coercible, no-op change can reach from another type or typmod: with an
// unknown old type these are usually widenings and are given the benefit of the doubt (timestamps are judged by the caller).
const WIDENING_TARGETS = new Set(['varchar', 'text', 'bpchar', 'numeric', 'varbit', 'inet', 'citext', 'time', 'interval']);
/** Whether a change to `to` can avoid a rewrite from some other type or typmod. */
function isPossibleWidening(to) {
    return !to.isArray && WIDENING_TARGETS.has(to.base);
}
/** Whether changing a column from `from` to `to` rewrites the table (without USING). */
function changeVerdict(from, to, pgMajor) {
    if (from.isArray || to.isArray)
        return from.isArray === to.isArray && sameType(from, to) ? 'no-rewrite' : 'rewrite';
    if (sameType(from, to))
        return 'no-rewrite';
    if (from.base === to.base)
        return isNoOpTypmodChange(from, to) ? 'no-rewrite' : 'rewrite';
    const pair = `${from.base}->${to.base}`;
    // Binary-coercible casts (pg_cast.castmethod = 'b') that keep the value as it is.
    const textual = new Set(['text', 'varchar', 'citext']);
    if (textual.has(from.base) && textual.has(to.base))
        return to.mods.length === 0 ? 'no-rewrite' : 'rewrite';
    if (pair === 'cidr->inet')
        return to.mods.length === 0 ? 'no-rewrite' : 'rewrite';
    if (pair === 'bit->varbit')
        return to.mods.length === 0 ? 'no-rewrite' : 'rewrite';
    // From 12 timestamp <-> timestamptz skips the rewrite when the session TimeZone is UTC.
    if (pair === 'timestamp->timestamptz' || pair === 'timestamptz->timestamp') {
        if (pgMajor < 12)
            return 'rewrite';
        return isNoOpTypmodChange(from, { ...to, base: from.base }) ? 'rewrite-unless-utc' : 'rewrite';
    }
    return 'rewrite';
}
/** Same base type and same modifiers. */
function sameType(a, b) {
    return a.base === b.base && a.mods.length === b.mods.length && a.mods.every((m, i) => m === b.mods[i]);
}
/** Whether a typmod change within one base type is a no-op length/precision coercion. */
function isNoOpTypmodChange(from, to) {
    const [fromFirst, fromSecond = 0] = from.mods;
    const [toFirst, toSecond = 0] = to.mods;
    switch (from.base) {
        case 'varchar':
        case 'varbit':
        case 'timestamp':
        case 'timestamptz':
        case 'time':
            // Unbounded target, or a larger bound than a bounded source.
            return toFirst === undefined || (fromFirst !== undefined && toFirst >= fromFirst);
        case 'numeric':
            return toFirst === undefined || (fromFirst !== undefined && toSecond === fromSecond && toFirst >= fromFirst);
        case 'bpchar':
        case 'interval':
            return toFirst === undefined;
        default:
            return false;
    }
}
/**
 * Every column type declaration and change of the pending set, by table and column: the current
 * shard's in statement order, and for earlier shards only the latest (every later statement comes
 * after all of it), carried across shards. Types are shared between columns, one object per spelling.
 */
class TypeIndex {
    past = new Map();
    current = new Map();
    order = new Map();
    /** One object per distinct type. */
    #shared = interner((t) => `${t.base}(${t.mods.join(',')})${t.isArray ? '[]' : ''}`);
    #next = 0;
    /** The latest record of the column before statement `at` (of the current shard). */
    latest(table, column, at) {
        let last;
        for (const change of this.current.get(`${table}|${column}`) ?? []) {
            if (change.at >= at)
                break;
            last = change;
        }
        return last ?? this.past.get(table)?.get(column);
    }
    extend(ctx) {
        this.#carryCurrent();
        this.order = new Map();
        this.current = new Map();
        let at = 0;
        const set = (table, column, type, liveName) => {
            const key = `${table}|${column}`;
            const record = { at, type: type && this.#shared(type), ...(liveName === undefined ? {} : { liveName }), table, column };
            const list = this.current.get(key);
            if (list)
                list.push(record);
            else
                this.current.set(key, [record]);
        };
        for (const file of ctx.files) {
            for (const stmt of file.parsed.statements) {
                at = this.#next++;
                this.order.set(stmt, at);
                const n = stmt.node;
                const table = relationOf(n.relation)?.key;
                if (table && stmt.kind === 'CreateStmt') {
                    for (const elt of n.tableElts ?? [])
                        if (elt.ColumnDef?.colname)
                            set(table, elt.ColumnDef.colname, typeSpecOf(elt.ColumnDef.typeName));
                }
                else if (table && stmt.kind === 'AlterTableStmt') {
                    for (const c of n.cmds ?? []) {
                        const cmd = c.AlterTableCmd ?? {};
                        if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname)
                            set(table, cmd.def.ColumnDef.colname, typeSpecOf(cmd.def.ColumnDef.typeName));
                        else if (cmd.subtype === 'AT_AlterColumnType' && cmd.name)
                            set(table, cmd.name, typeSpecOf(cmd.def?.ColumnDef?.typeName));
                        else if (cmd.subtype === 'AT_DropColumn' && cmd.name)
                            set(table, cmd.name, undefined);
                    }
                }
                else if (table && stmt.kind === 'RenameStmt' && n.renameType === 'OBJECT_COLUMN' && n.subname && n.newname) {
                    // Rename keeps the type; a column the pending set never declared keeps its target type, under its old name.
                    const before = this.latest(table, n.subname, at + 1);
                    if (before)
                        set(table, n.newname, before.type, before.liveName);
                    else
                        set(table, n.newname, undefined, n.subname);
                    set(table, n.subname, undefined);
                }
            }
        }
    }
    /** Folds the finished shard's records into `past`, keeping each column's latest. */
    #carryCurrent() {
        for (const records of this.current.values()) {
            const last = records[records.length - 1];
            let columns = this.past.get(last.table);
            if (!columns)
                this.past.set(last.table, (columns = new Map()));
            columns.set(last.column, last);
        }
    }
}
/**
 * The column's type just before `ref`: from the pending set itself (CREATE TABLE, ADD COLUMN,
 * ALTER TYPE, RENAME COLUMN), else from the target when one is connected (live facts).
 */
function typeBefore(ctx, ref, table, column) {
    const index = typeIndex(ctx);
    const last = index.latest(table, column, index.order.get(ref.stmt) ?? -1);
    if (last?.type)
        return last.type;
    const liveName = last ? last.liveName : column;
    return liveName === undefined ? undefined : typeSpecOf(liveTypeName(ctx, table, liveName));
}
/** The TypeIndex of the run, up to the end of the current shard. */
const typeIndex = defineShardIndex(() => new TypeIndex());

;// CONCATENATED MODULE: ./src/checks/static/column-type-change-rewrites.ts







/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const column_type_change_rewrites_SEVERITY = 'error';
/**
 * ALTER COLUMN TYPE holds ACCESS EXCLUSIVE and, unless the change is binary-coercible (varchar(n)
 * to a larger or no limit, varchar to text, numeric to more precision with the same scale, cidr to
 * inet...), rewrites the table and rebuilds its indexes
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES). The old type
 * is known when the pending set declares it or the connected target has the column (live facts);
 * otherwise a change to a type that some other type widens into (text, varchar, numeric...) is
 * taken as a widening, and anything else rewrites.
 */
/* harmony default export */ const column_type_change_rewrites = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'column-type-change-rewrites',
    title: 'Change column types without rewriting the table',
    category: 'locks',
    severity: column_type_change_rewrites_SEVERITY,
    run(ctx) {
        // Statements inside DO blocks and called functions change types too.
        for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
            const n = ref.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.name))
                continue;
            const changes = [];
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string')
                    continue;
                const to = typeSpecOf(cmd.def?.ColumnDef?.typeName);
                if (!to)
                    continue;
                const change = judge(ctx, ref, table.key, cmd.name, to, Boolean(cmd.def?.ColumnDef?.raw_default));
                if (change)
                    changes.push(change);
            }
            if (changes.length > 0)
                column_type_change_rewrites_report(ctx, ref, table, changes);
        }
    },
}));
/** The change when it rewrites (or rewrites unless TimeZone is UTC); undefined when it does not. */
function judge(ctx, ref, table, column, to, hasUsing) {
    const from = typeBefore(ctx, ref, table, column);
    // USING computes every value anew: PostgreSQL rewrites.
    if (hasUsing)
        return { column, from, to, hasUsing, isUtcDependent: false };
    // To timestamptz (or back) the old type is almost always the other one: that change rewrites
    // unless the session TimeZone is UTC (12+).
    if (!from && (to.base === 'timestamptz' || to.base === 'timestamp'))
        return { column, from, to, hasUsing, isUtcDependent: ctx.postgresVersion >= 12 };
    if (!from)
        return isPossibleWidening(to) ? undefined : { column, from, to, hasUsing, isUtcDependent: false };
    const verdict = changeVerdict(from, to, ctx.postgresVersion);
    if (verdict === 'no-rewrite')
        return undefined;
    return { column, from, to, hasUsing, isUtcDependent: verdict === 'rewrite-unless-utc' };
}
/** Reports the rewriting type changes of one ALTER TABLE. */
function column_type_change_rewrites_report(ctx, ref, table, changes) {
    const lock = 'ACCESS EXCLUSIVE';
    const described = changes.map((c) => `${quoteIdent(c.column)} ${c.from ? `${typeText(c.from)} -> ` : 'to '}${typeText(c.to)}${c.hasUsing ? ' USING ...' : ''}`);
    const onlyUtc = changes.every((c) => c.isUtcDependent);
    const first = changes[0];
    const col = quoteIdent(first.column);
    const tmp = quoteIdent(`${first.column}_new`);
    const grade = gradeBySize(ctx, table.key, column_type_change_rewrites_SEVERITY);
    ctx.report(ref, {
        message: `ALTER COLUMN TYPE ${described.join(', ')} rewrites ${withSize(table.display, grade)} and rebuilds its indexes under an ${lock} lock${viaSuffix(ref)}` +
            `${onlyUtc ? ' unless the session TimeZone is UTC' : ''}: ${lockEffect(lock)} until it finishes.`,
        // A rewrite that SET TimeZone = 'UTC' avoids is at most a warning, whatever the size.
        severity: onlyUtc && grade.severity === 'error' ? 'warning' : grade.severity,
        mitigation: onlyUtc
            ? `Run SET TimeZone = 'UTC'; before the ALTER in the same session (PostgreSQL 12+ then skips the rewrite), or use the new-column path for any other zone.`
            : `Add a new column instead and switch over: ALTER TABLE ${table.display} ADD COLUMN ${tmp} ${typeText(first.to)}; keep it in sync with a trigger, ` +
                `backfill in batches (UPDATE ... SET ${tmp} = ${col}::${typeText(first.to)} WHERE <key range>), then in one short transaction rename ${col} away and ${tmp} to ${col}.`,
        help: 'Binary-coercible changes (varchar(n) to varchar(m>n) or text, numeric(p,s) to numeric(q>p,s), cidr to inet) only update the catalog; they still take ACCESS EXCLUSIVE briefly.',
        tables: [table.key],
        lock,
        evidence: lockEvidence(ctx, lock, [table.key], {
            changes: changes.map((c) => ({ column: c.column, from: c.from ? typeText(c.from) : 'unknown', to: typeText(c.to), using: c.hasUsing })),
            ...grade.evidence,
        }),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/support/transactions.ts
// Layouts whose "transaction" is PostgreSQL's implicit one for a multi-statement script: an
// explicit BEGIN ... COMMIT inside such a script is legal and common (golang-migrate documents it).
const IMPLICIT_TRANSACTION_LAYOUTS = new Set(['golang-migrate', 'prisma', 'supabase']);
// Layouts that send a file as one simple query: a file of one statement runs alone, outside any
// transaction block (the Supabase CLI batches the history insert with it, so it is not one of them).
const SINGLE_STATEMENT_RUNS_ALONE = new Set(['golang-migrate', 'prisma']);
const OPENS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const CLOSES = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);
// Built once per pending file list and reused by every rule of the run.
const cache = new WeakMap();
/** The transaction the statement runs in. */
function transactionOf(ctx, ref) {
    let byStatement = cache.get(ctx.files);
    if (!byStatement) {
        byStatement = buildTransactions(ctx);
        cache.set(ctx.files, byStatement);
    }
    return byStatement.get(ref.stmt) ?? { id: `${ref.file.migration.path}@${ref.stmt.index}`, kind: 'none', reason: 'it runs on its own' };
}
/** Whether the statement runs inside a transaction block (wrapped or explicit). */
function isInTransaction(ctx, ref) {
    return transactionOf(ctx, ref).kind !== 'none';
}
/** Whether the tool itself opens a transaction around the file with BEGIN (not PostgreSQL's implicit one). */
function isExplicitlyWrapped(ctx, file) {
    return file.migration.runsInTransaction && !(ctx.layout !== undefined && IMPLICIT_TRANSACTION_LAYOUTS.has(ctx.layout));
}
/** The unit of the file a statement belongs to (the last one starting at or before its line); undefined for files of one unit. */
function unitOf(file, stmt) {
    const units = file.migration.units;
    if (!units || units.length === 0)
        return undefined;
    let found;
    for (const unit of units) {
        if (unit.line > stmt.line)
            break;
        found = unit;
    }
    return found;
}
/** The TransactionStmt kind of a statement (`TRANS_STMT_BEGIN`...), or undefined. */
function transactionControl(stmt) {
    return stmt.kind === 'TransactionStmt' ? String(stmt.node.kind ?? '') : undefined;
}
/** Assigns every pending statement its transaction. */
function buildTransactions(ctx) {
    const out = new Map();
    // Drizzle applies every pending file in one transaction.
    const sharedId = ctx.layout === 'drizzle' ? 'drizzle:pending-set' : undefined;
    const isImplicit = ctx.layout !== undefined && IMPLICIT_TRANSACTION_LAYOUTS.has(ctx.layout);
    for (const file of ctx.files) {
        const path = file.migration.path;
        const statements = file.parsed.statements;
        const isWrapped = file.migration.runsInTransaction && !(statements.length === 1 && ctx.layout !== undefined && SINGLE_STATEMENT_RUNS_ALONE.has(ctx.layout));
        const wrapped = (from) => ({ id: from === 0 ? (sharedId ?? `${path}:wrapped`) : `${path}:wrapped@${from}`, kind: 'wrapped', reason: file.migration.transactionReason });
        let open = isWrapped ? wrapped(0) : undefined;
        let unit;
        for (const stmt of statements) {
            // Each unit (a Liquibase changeset) ends the previous one's transaction and opens its own, or none.
            const own = unitOf(file, stmt);
            if (own !== unit) {
                unit = own;
                if (own)
                    open = own.runsInTransaction ? { id: `${path}:unit@${own.line}`, kind: 'wrapped', reason: own.transactionReason } : undefined;
            }
            const control = transactionControl(stmt);
            // Inside the tool's transaction BEGIN changes nothing (an implicit block just becomes explicit).
            if (control && OPENS.has(control) && !open) {
                open = { id: `${path}#${stmt.index}`, kind: 'explicit', reason: `it runs inside the transaction opened by ${stmt.text.split(/\s/)[0].toUpperCase()} at line ${stmt.line}` };
            }
            out.set(stmt, open ?? { id: `${path}@${stmt.index}`, kind: 'none', reason: 'it runs on its own, outside any transaction block' });
            if (control && CLOSES.has(control) && open)
                open = afterClose(stmt, open, isWrapped && isImplicit ? wrapped(stmt.index + 1) : undefined);
        }
    }
    return out;
}
/**
 * The transaction after a COMMIT or ROLLBACK: COMMIT AND CHAIN starts the next one at once; in a
 * multi-statement query the rest of the file runs in a new implicit transaction
 * (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT); after
 * the tool's own BEGIN is committed early, or an explicit block ends, statements run on their own.
 */
function afterClose(stmt, closed, implicitNext) {
    if (stmt.node.chain)
        return { ...closed, id: `${closed.id}~${stmt.index}` };
    return implicitNext;
}
/**
 * Whether a failure later in the file cannot leave this statement's effect behind for a re-run
 * from the top to trip over: every later statement runs in the same transaction, or there is none
 * (a statement that fails undoes itself; CREATE INDEX CONCURRENTLY excepted, whose failure leaves
 * an invalid index of that name behind).
 */
function isRerunSafe(ctx, ref) {
    // The tool records each unit (a Liquibase changeset) as it finishes: a re-run starts at the failed one.
    const unit = unitOf(ref.file, ref.stmt);
    const later = ref.file.parsed.statements.slice(ref.stmt.index + 1).filter((stmt) => unitOf(ref.file, stmt) === unit);
    if (later.length === 0)
        return !(ref.stmt.kind === 'IndexStmt' && ref.stmt.node.concurrent === true);
    const tx = transactionOf(ctx, ref);
    return tx.kind !== 'none' && later.every((stmt) => transactionOf(ctx, { file: ref.file, stmt }).id === tx.id);
}
/** How to run one statement outside a transaction with the given migration tool. */
function noTransactionAdvice(layout) {
    switch (layout) {
        case 'flyway':
            // Flyway recognises CREATE/DROP INDEX CONCURRENTLY, VACUUM and a few more by their keywords (sources/layouts/flyway-transactions.ts).
            return 'Put it in its own migration with no other kind of statement: Flyway runs a migration of only CREATE/DROP INDEX CONCURRENTLY (or VACUUM, REINDEX SCHEMA...) statements without a transaction; for others (REINDEX TABLE CONCURRENTLY, DETACH PARTITION CONCURRENTLY) add executeInTransaction=false in a <script>.sql.conf beside it.';
        case 'dbmate':
            return 'Put it in its own migration that starts with "-- migrate:up transaction:false".';
        case 'sqlx':
            return 'Put it in its own migration whose first line is "-- no-transaction".';
        case 'atlas':
            return 'Put it in its own migration file whose first line is "-- atlas:txmode none", followed by an empty line.';
        case 'sqitch':
            return 'Put it in its own change whose deploy script has no BEGIN and COMMIT around it (Sqitch runs scripts as written).';
        case 'liquibase':
            return 'Put it in its own changeset with runInTransaction:false (--changeset author:id runInTransaction:false).';
        case 'goose':
            return 'Put it in its own migration with a "-- +goose NO TRANSACTION" line.';
        case 'diesel':
            return 'Put it in its own migration with run_in_transaction = false in its metadata.toml.';
        case 'golang-migrate':
            return 'Put it alone in its own migration file: a single statement is not run in an implicit transaction.';
        case 'prisma':
            return 'Put it alone in its own migration.sql: a single statement is not run in an implicit transaction.';
        case 'drizzle':
            return 'Drizzle runs every pending migration in one transaction: run this statement outside Drizzle (psql, a deploy step) after the migration.';
        case 'supabase':
            return 'The Supabase CLI sends each file in one batch with its history insert: run this statement outside the migration (psql, a deploy step).';
        default:
            return 'Run it outside any transaction: no BEGIN/COMMIT around it, and a runner that does not wrap the file (migrations.transaction: never).';
    }
}

;// CONCATENATED MODULE: ./src/checks/static/concurrently-in-transaction.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */





/**
 * Commands PostgreSQL refuses inside a transaction block (PreventInTransactionBlock, SQLSTATE
 * 25001): the CONCURRENTLY forms, VACUUM, CREATE/DROP DATABASE, ALTER SYSTEM and a few more.
 * Checked on PostgreSQL 15 and 18; REFRESH MATERIALIZED VIEW CONCURRENTLY and ANALYZE are allowed.
 */
/* harmony default export */ const concurrently_in_transaction = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'concurrently-in-transaction',
    title: 'Run non-transactional commands outside a transaction',
    category: 'static-analysis',
    severity: 'error',
    run(ctx) {
        for (const ref of executedStatements(ctx)) {
            // A set lookup, not executedStatements' kinds: merging thirteen kinds back into order cost more than the rule.
            if (!NON_TRANSACTIONAL_KINDS.has(ref.kind))
                continue;
            const command = nonTransactionalCommand(ref);
            if (!command)
                continue;
            if (isInProcedure(ref)) {
                // A DO block or function always runs in a transaction, whatever the file does.
                ctx.report(ref, {
                    message: `${command} cannot run inside a DO block or function${viaSuffix(ref)}: the migration fails at this statement (SQLSTATE 25001).`,
                    mitigation: `Move it to the top level of the migration (with IF NOT EXISTS / IF EXISTS for the re-run safety the block gave). ${noTransactionAdvice(ctx.layout)}`,
                    help: 'PostgreSQL runs these commands in several transactions of their own (or they cannot be rolled back), so it refuses them where a transaction is already open.',
                    evidence: { command, via: ref.via ?? '' },
                });
                continue;
            }
            const tx = transactionOf(ctx, ref);
            if (tx.kind === 'none')
                continue;
            ctx.report(ref, {
                message: `${command} cannot run inside a transaction block, and ${tx.reason}: the migration fails at this statement (SQLSTATE 25001).`,
                mitigation: tx.kind === 'explicit' ? `Move it out of the BEGIN ... COMMIT block. ${noTransactionAdvice(ctx.layout)}` : noTransactionAdvice(ctx.layout),
                help: 'PostgreSQL runs these commands in several transactions of their own (or they cannot be rolled back), so it refuses them inside one.',
                evidence: { command, transaction: tx.reason, layout: ctx.layout ?? 'unknown' },
            });
        }
    },
}));
/** The statement kinds nonTransactionalCommand can name. */
const NON_TRANSACTIONAL_KINDS = new Set([
    'IndexStmt',
    'DropStmt',
    'ReindexStmt',
    'AlterTableStmt',
    'VacuumStmt',
    'ClusterStmt',
    'CreatedbStmt',
    'DropdbStmt',
    'AlterSystemStmt',
    'CreateTableSpaceStmt',
    'DropTableSpaceStmt',
    'AlterDatabaseStmt',
    'CreateSubscriptionStmt',
]);
/** The command name when the statement cannot run in a transaction block, else undefined. */
function nonTransactionalCommand(stmt) {
    const n = stmt.node;
    switch (stmt.kind) {
        case 'IndexStmt':
            return n.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined;
        case 'DropStmt':
            return n.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined;
        case 'ReindexStmt':
            if (isConcurrentReindex(n))
                return 'REINDEX CONCURRENTLY';
            if (n.kind === 'REINDEX_OBJECT_SCHEMA')
                return 'REINDEX SCHEMA';
            if (n.kind === 'REINDEX_OBJECT_DATABASE')
                return 'REINDEX DATABASE';
            if (n.kind === 'REINDEX_OBJECT_SYSTEM')
                return 'REINDEX SYSTEM';
            return undefined;
        case 'AlterTableStmt':
            return (n.cmds ?? []).some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent)
                ? 'ALTER TABLE ... DETACH PARTITION CONCURRENTLY'
                : undefined;
        case 'VacuumStmt':
            return n.is_vacuumcmd ? 'VACUUM' : undefined;
        case 'ClusterStmt':
            // CLUSTER with no table reclusters every clustered table, one transaction each.
            return n.relation ? undefined : 'CLUSTER without a table name';
        case 'CreatedbStmt':
            return 'CREATE DATABASE';
        case 'DropdbStmt':
            return 'DROP DATABASE';
        case 'AlterSystemStmt':
            return 'ALTER SYSTEM';
        case 'CreateTableSpaceStmt':
            return 'CREATE TABLESPACE';
        case 'DropTableSpaceStmt':
            return 'DROP TABLESPACE';
        case 'AlterDatabaseStmt':
            return (n.options ?? []).some((o) => o.DefElem?.defname === 'tablespace') ? 'ALTER DATABASE SET TABLESPACE' : undefined;
        case 'CreateSubscriptionStmt': {
            // Creating the replication slot (the default) cannot be rolled back.
            const createSlot = (n.options ?? []).find((o) => o.DefElem?.defname === 'create_slot')?.DefElem;
            const connect = (n.options ?? []).find((o) => o.DefElem?.defname === 'connect')?.DefElem;
            return (createSlot ? (0,postgres_locks/* isTrueOption */.I3)(createSlot) : true) && (connect ? (0,postgres_locks/* isTrueOption */.I3)(connect) : true) ? 'CREATE SUBSCRIPTION (with create_slot)' : undefined;
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/checks/static/constraint-missing-not-valid.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */








/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const constraint_missing_not_valid_SEVERITY = 'error';
/**
 * ADD FOREIGN KEY and ADD CHECK check every existing row while holding their lock (SHARE ROW
 * EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). NOT VALID skips the
 * check; VALIDATE CONSTRAINT then checks under SHARE UPDATE EXCLUSIVE, which blocks no reads or
 * writes, but only if it runs in a later transaction
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
/* harmony default export */ const constraint_missing_not_valid = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'constraint-missing-not-valid',
    title: 'Add foreign keys and checks as NOT VALID, validate later',
    category: 'locks',
    severity: constraint_missing_not_valid_SEVERITY,
    run(ctx) {
        // Constraints added NOT VALID so far, by "table key|constraint name".
        const notValid = new Map();
        // Statements inside DO blocks and called functions add constraints too (Drizzle wraps each foreign key in a DO block).
        for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
            const n = ref.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE'))
                continue;
            const isNew = isCreatedBefore(ctx, ref, table.name);
            const validating = [];
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype === 'AT_AddConstraint') {
                    const con = cmd.def?.Constraint ?? {};
                    if (con.skip_validation && con.conname) {
                        notValid.set(`${table.key}|${con.conname}`, { ref, lock: tableLock(ctx, ref, table.key), kind: constraintKind(con), tables: [table.key, ...referencedKeys([con], table.key)] });
                    }
                    else if (isScanningConstraint(con))
                        validating.push({ node: con, isInline: false });
                }
                else if (cmd.subtype === 'AT_AddColumn') {
                    for (const cc of cmd.def?.ColumnDef?.constraints ?? []) {
                        if (isScanningConstraint(cc?.Constraint))
                            validating.push({ node: cc.Constraint, isInline: true });
                    }
                }
                else if (cmd.subtype === 'AT_ValidateConstraint' && !isNew) {
                    const added = notValid.get(`${table.key}|${cmd.name}`);
                    if (added)
                        reportSameTransaction(ctx, ref, table, String(cmd.name), added);
                }
            }
            if (validating.length > 0 && !isNew)
                reportValidating(ctx, ref, table, validating);
        }
    },
}));
/** Tables other than `own` that foreign keys among the constraints reference. */
function referencedKeys(constraints, own) {
    return [...new Set(constraints.flatMap((c) => (c.contype === 'CONSTR_FOREIGN' ? [relationOf(c.pktable)?.key ?? ''] : [])))].filter((k) => k && k !== own);
}
/** Foreign keys and checks validate existing rows when added without NOT VALID. */
function isScanningConstraint(con) {
    return (con?.contype === 'CONSTR_FOREIGN' || con?.contype === 'CONSTR_CHECK') && !con.skip_validation;
}
/** "FOREIGN KEY" or "CHECK" (or the constraint type word). */
function constraintKind(con) {
    if (con.contype === 'CONSTR_FOREIGN')
        return 'FOREIGN KEY';
    if (con.contype === 'CONSTR_CHECK')
        return 'CHECK';
    if (con.contype === 'CONSTR_NOTNULL')
        return 'NOT NULL';
    return 'constraint';
}
/** The lock the statement takes on its own table. */
function tableLock(ctx, ref, key) {
    return (0,postgres_locks/* statementLocks */.MI)(ref, ctx.postgresVersion).find((l) => tableKey(l.table) === key)?.lock ?? 'ACCESS EXCLUSIVE';
}
/** Reports constraints that check every row while the statement's locks are held. */
function reportValidating(ctx, ref, table, constraints) {
    const locks = (0,postgres_locks/* statementLocks */.MI)(ref, ctx.postgresVersion).map((l) => ({ key: tableKey(l.table), lock: l.lock }));
    const own = locks.find((l) => l.key === table.key)?.lock ?? 'ACCESS EXCLUSIVE';
    const referenced = referencedKeys(constraints.map((c) => c.node), table.key);
    const names = constraints.map((c) => `${constraintKind(c.node)}${c.node.conname ? ` ${quoteIdent(c.node.conname)}` : ''}`).join(', ');
    const refs = referenced.map(displayKey).join(', ');
    const lockedKeys = [table.key, ...referenced];
    // Both ends are locked while the rows are checked: the larger one decides how long that takes.
    const grade = gradeLargest(ctx, lockedKeys, constraint_missing_not_valid_SEVERITY);
    const locked = `${table.display}${refs ? ` and ${refs}` : ''}`;
    const message = own === 'SHARE ROW EXCLUSIVE' && refs
        ? `ADD ${names} checks every row of ${table.display} while holding SHARE ROW EXCLUSIVE locks on ${withSize(locked, grade)}${viaSuffix(ref)}: writes to both are blocked until the check finishes.`
        : `ADD ${names} checks every row of ${table.display} while holding ${lockWithArticle(own)} lock on ${refs ? `it and SHARE ROW EXCLUSIVE on ${withSize(refs, grade)}` : withSize('it', grade)}${viaSuffix(ref)}: ` +
            `${lockEffect(own)}${refs ? ` (writes to ${refs} too)` : ''} until the check finishes.`;
    const allInline = constraints.every((c) => c.isInline);
    const single = (n) => (n.node.cmds ?? []).length === 1;
    const firstName = constraints.find((c) => c.node.conname)?.node.conname;
    const validate = `ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${firstName ? quoteIdent(firstName) : '<constraint name>'};`;
    const mitigation = allInline
        ? `Add the column first, then the constraint as NOT VALID, and validate it in a later migration: ALTER TABLE ${table.display} ADD COLUMN ...; ` +
            `ALTER TABLE ${table.display} ADD CONSTRAINT <name> ${constraints[0].node.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY (<column>) REFERENCES ...' : 'CHECK (...)'} NOT VALID; then ${validate.replace('<constraint name>', '<name>')}`
        : single(ref)
            ? `Add it without checking existing rows: ${ref.text} NOT VALID; then, in a later migration (its own transaction): ${validate}`
            : `Add each ${names} with NOT VALID, then run ${validate} in a later migration (its own transaction).`;
    ctx.report(ref, {
        message,
        severity: grade.severity,
        mitigation,
        help: 'NOT VALID adds the constraint for new rows only, with a brief lock; VALIDATE CONSTRAINT then checks old rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.',
        tables: lockedKeys,
        lock: own,
        evidence: lockEvidence(ctx, own, lockedKeys, { constraints: constraints.map((c) => c.node.conname ?? constraintKind(c.node)), ...grade.evidence }),
    });
}
/** Reports VALIDATE CONSTRAINT in the same transaction as its NOT VALID add. */
function reportSameTransaction(ctx, ref, table, name, added) {
    const tx = transactionOf(ctx, ref);
    if (tx.kind === 'none' || transactionOf(ctx, added.ref).id !== tx.id)
        return;
    const addedLine = added.ref.span?.line ?? added.ref.stmt.line;
    const where = added.ref.file === ref.file ? `line ${addedLine}` : `${added.ref.file.migration.path}:${addedLine}`;
    const grade = gradeLargest(ctx, added.tables, constraint_missing_not_valid_SEVERITY);
    ctx.report(ref, {
        message: `VALIDATE CONSTRAINT ${quoteIdent(name)} runs in the same transaction as its NOT VALID add (${where}), so the ${added.lock} lock ` +
            `on ${withSize(table.display, grade)} from the add is held while every row is checked: ${lockEffect(added.lock)} and NOT VALID saves nothing.`,
        severity: grade.severity,
        mitigation: `Move ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${quoteIdent(name)}; to a later migration that runs in its own transaction.`,
        help: `Why the transaction: ${tx.reason}.`,
        tables: [table.key],
        lock: added.lock,
        evidence: lockEvidence(ctx, added.lock, added.tables, { constraint: name, addedAt: where, transaction: tx.reason, ...grade.evidence }),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/dynamic-sql-not-analysed.ts


/**
 * SQL built at run time (EXECUTE of a concatenated or format()ted string) or written in another
 * procedural language cannot be checked statically. It is reported as a note, so nobody mistakes
 * a quiet report for a checked one.
 */
/* harmony default export */ const dynamic_sql_not_analysed = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'dynamic-sql-not-analysed',
    title: 'Dynamic SQL is pointed out for review',
    severity: 'info',
    run(ctx) {
        for (const item of unanalysedSql(ctx)) {
            ctx.report(item, {
                message: `This statement runs ${item.reason}: ${item.excerpt}. Preflight cannot check what it does.`,
                mitigation: 'Review the SQL it produces by hand (RAISE NOTICE the string on a scratch database); where possible write the statements directly or EXECUTE a string literal, which the rules can read.',
                help: 'After review, record it with -- preflight:ignore dynamic-sql-not-analysed <what you checked>.',
                evidence: { reason: item.reason, excerpt: item.excerpt },
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/enum-add-value-in-transaction.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */



/**
 * ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (unless the
 * enum was created in the same transaction); from 12 it can, but the new value cannot be used
 * until the transaction commits ("unsafe use of new value", SQLSTATE 55P04), except, from 17, for
 * an enum created in the same transaction
 * (https://www.postgresql.org/docs/current/sql-altertype.html#id-1.9.3.42.7).
 */
/* harmony default export */ const enum_add_value_in_transaction = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'enum-add-value-in-transaction',
    title: 'Add enum values outside a transaction (or do not use them in it)',
    category: 'static-analysis',
    severity: 'error',
    run(ctx) {
        // Enum types created so far, by transaction id.
        const createdIn = new Map();
        for (const ref of ctx.statements(['CreateEnumStmt', 'AlterEnumStmt'])) {
            const n = ref.stmt.node;
            const type = qualifiedNameOf(n.typeName);
            if (!type)
                continue;
            const tx = transactionOf(ctx, ref);
            if (ref.stmt.kind === 'CreateEnumStmt') {
                createdIn.set(type.key, tx.id);
                continue;
            }
            // RENAME VALUE has oldVal; only ADD VALUE matters.
            if (!n.newVal || n.oldVal || tx.kind === 'none')
                continue;
            if (ctx.postgresVersion < 12) {
                if (createdIn.get(type.key) === tx.id)
                    continue;
                ctx.report(ref, {
                    message: `ALTER TYPE ${type.display} ADD VALUE cannot run inside a transaction block on PostgreSQL ${ctx.postgresVersion}, and ${tx.reason}: the migration fails (SQLSTATE 25001).`,
                    mitigation: 'Put ADD VALUE in its own migration that runs outside a transaction (or upgrade to PostgreSQL 12+).',
                    help: 'PostgreSQL 12 allowed ADD VALUE in a transaction block.',
                    evidence: { type: type.key, value: n.newVal, postgresVersion: ctx.postgresVersion, versionSource: ctx.versionSource, transaction: tx.reason },
                });
                continue;
            }
            // From 17 a value added to an enum created in the same transaction is usable at once.
            if (ctx.postgresVersion >= 17 && createdIn.get(type.key) === tx.id)
                continue;
            const use = laterUse(ctx, ref, String(n.newVal), tx.id);
            if (!use)
                continue;
            const where = use.file === ref.file ? `line ${use.stmt.line}` : `${use.file.migration.path}:${use.stmt.line}`;
            ctx.report(ref, {
                message: `ALTER TYPE ${type.display} ADD VALUE '${n.newVal}' and a use of '${n.newVal}' (${where}) are in the same transaction: ` +
                    `PostgreSQL rejects the use with "unsafe use of new value" (SQLSTATE 55P04) and the migration fails.`,
                mitigation: 'Add the value in one migration and use it in a later one, so the ADD VALUE commits first.',
                help: `Why one transaction: ${tx.reason}.`,
                evidence: { type: type.key, value: n.newVal, usedAt: where, transaction: tx.reason },
            });
        }
    },
}));
/** The first later statement in the same transaction that has the value as a string literal. */
function laterUse(ctx, ref, value, txId) {
    let isAfter = false;
    for (const other of ctx.statements()) {
        if (other.stmt === ref.stmt) {
            isAfter = true;
            continue;
        }
        if (!isAfter || other.stmt.kind === 'AlterEnumStmt')
            continue;
        if (transactionOf(ctx, other).id !== txId)
            continue;
        if (hasStringConstant(other.stmt.node, value))
            return other;
    }
    return undefined;
}
/** Whether a node tree holds the string constant `value` (A_Const, not identifiers or function bodies). */
function hasStringConstant(node, value) {
    if (Array.isArray(node))
        return node.some((item) => hasStringConstant(item, value));
    if (!node || typeof node !== 'object')
        return false;
    const constant = node.A_Const;
    if (constant?.sval?.sval === value)
        return true;
    return Object.entries(node).some(([key, child]) => key !== 'DefElem' && hasStringConstant(child, value));
}

// EXTERNAL MODULE: ./src/dialects/postgres/sql-lexing.ts
var sql_lexing = __webpack_require__(27407);
;// CONCATENATED MODULE: ./src/checks/static/identifier-too-long.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */


/** PostgreSQL's NAMEDATALEN - 1: the most bytes an identifier keeps. */
const MAX_BYTES = 63;
// Keys under which a node defines (not references) a name, anywhere in a statement.
const DEFINING_KEYS = new Set(['colname', 'conname', 'idxname', 'trigname', 'policy_name', 'rulename', 'newname']);
// Statement kinds whose trees can hold those keys; DML and DO blocks are not walked.
const DEFINING_KINDS = new Set([
    'CreateStmt',
    'CreateForeignTableStmt',
    'AlterTableStmt',
    'IndexStmt',
    'RenameStmt',
    'CreateTrigStmt',
    'CreatePolicyStmt',
    'RuleStmt',
    'CreateSchemaStmt',
    'CreateDomainStmt',
    'CompositeTypeStmt',
]);
/**
 * PostgreSQL truncates identifiers longer than 63 bytes (UTF-8) with only a NOTICE
 * (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS): the
 * object gets a shorter name than the migration says. Code that compares the full name with the
 * catalog misses it, and two long names that differ after byte 63 collide. Enum labels over 63
 * bytes are an error instead. The parser already truncated names in the tree, so the statement
 * text is scanned for the original spelling.
 */
/* harmony default export */ const identifier_too_long = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'identifier-too-long',
    title: 'Identifiers fit in 63 bytes',
    category: 'static-analysis',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements()) {
            const created = createdNames(ref.stmt.kind, ref.stmt.node);
            // A truncated name keeps 60 to 63 bytes: only then is the text worth scanning.
            if ([...created].some((name) => Buffer.byteLength(name) > MAX_BYTES - 4)) {
                const reported = new Set();
                for (const id of identifiers(ref.stmt.text)) {
                    const bytes = Buffer.byteLength(id.value);
                    const truncated = truncate(id.value);
                    if (bytes <= MAX_BYTES || !created.has(truncated) || reported.has(id.value))
                        continue;
                    reported.add(id.value);
                    ctx.report(positionOf(ref, id.at), {
                        message: `Identifier "${id.value}" is ${bytes} bytes; PostgreSQL silently truncates it to ${MAX_BYTES} and creates "${truncated}": ` +
                            'code and migrations that compare the full name with the catalog will not find it, and names that differ only after byte 63 collide.',
                        mitigation: `Use a name of at most ${MAX_BYTES} bytes (characters outside ASCII take 2 to 4 bytes each).`,
                        evidence: { bytes, maxBytes: MAX_BYTES, truncatedTo: truncated },
                    });
                }
            }
            for (const label of enumLabels(ref.stmt.kind, ref.stmt.node)) {
                const bytes = Buffer.byteLength(label);
                if (bytes <= MAX_BYTES)
                    continue;
                ctx.report(ref, {
                    message: `Enum label '${label}' is ${bytes} bytes; PostgreSQL rejects labels over ${MAX_BYTES} bytes ("invalid enum label"), so the migration fails.`,
                    mitigation: `Use a label of at most ${MAX_BYTES} bytes.`,
                    evidence: { bytes, maxBytes: MAX_BYTES },
                });
            }
        }
    },
}));
/** Names the statement creates, as the parser stored them (already truncated). */
function createdNames(kind, n) {
    const out = new Set();
    const add = (value) => {
        if (typeof value === 'string' && value)
            out.add(value);
    };
    const last = (list) => list?.[list.length - 1]?.String?.sval;
    switch (kind) {
        case 'CreateStmt':
        case 'CreateForeignTableStmt':
            add((n.base ?? n).relation?.relname);
            break;
        case 'CreateTableAsStmt':
            add(n.into?.rel?.relname);
            break;
        case 'ViewStmt':
            add(n.view?.relname);
            break;
        case 'CreateSeqStmt':
            add(n.sequence?.relname);
            break;
        case 'CompositeTypeStmt':
            add(n.typevar?.relname);
            break;
        case 'CreateSchemaStmt':
            add(n.schemaname);
            for (const elt of n.schemaElts ?? []) {
                const [eltKind] = Object.keys(elt);
                if (eltKind)
                    for (const name of createdNames(eltKind, elt[eltKind]))
                        out.add(name);
            }
            break;
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            add(last(n.typeName));
            break;
        case 'CreateDomainStmt':
            add(last(n.domainname));
            break;
        case 'CreateFunctionStmt':
            add(last(n.funcname));
            break;
        case 'CreateStatsStmt':
        case 'DefineStmt':
            add(last(n.defnames));
            break;
        case 'CreateRoleStmt':
            add(n.role);
            break;
        case 'CreatedbStmt':
            add(n.dbname);
            break;
        case 'CreateTableSpaceStmt':
            add(n.tablespacename);
            break;
        case 'CreatePublicationStmt':
            add(n.pubname);
            break;
        case 'CreateSubscriptionStmt':
            add(n.subname);
            break;
        case 'CreateEventTrigStmt':
            add(n.trigname);
            break;
    }
    if (DEFINING_KINDS.has(kind))
        collectDefiningKeys(n, out);
    return out;
}
/** Adds every value under a defining key (column, constraint, index, trigger... names) in the tree. */
function collectDefiningKeys(node, out) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectDefiningKeys(item, out);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    const record = node;
    for (const key in record) {
        const value = record[key];
        if (typeof value === 'string') {
            if (DEFINING_KEYS.has(key))
                out.add(value);
        }
        else if (value && typeof value === 'object')
            collectDefiningKeys(value, out);
    }
}
/** Enum labels a statement defines. */
function enumLabels(kind, n) {
    if (kind === 'CreateEnumStmt')
        return (n.vals ?? []).map((v) => String(v?.String?.sval ?? ''));
    if (kind === 'AlterEnumStmt' && typeof n.newVal === 'string')
        return [n.newVal];
    return [];
}
/** Every identifier token in SQL text, skipping strings, dollar quotes and comments. */
function identifiers(text) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (ch === '-' && text[i + 1] === '-') {
            i = (0,sql_lexing/* skipLineComment */.$V)(text, i);
        }
        else if (ch === '/' && text[i + 1] === '*') {
            i = (0,sql_lexing/* skipBlockComment */.cv)(text, i);
        }
        else if (ch === "'") {
            i = (0,sql_lexing/* skipQuoted */.er)(text, i, (0,sql_lexing/* isEscapeString */.Du)(text, i));
        }
        else if (ch === '$' && (0,sql_lexing/* dollarQuoteTag */.bY)(text, i) !== undefined) {
            i = (0,sql_lexing/* skipDollarQuoted */.eQ)(text, i, (0,sql_lexing/* dollarQuoteTag */.bY)(text, i));
        }
        else if (ch === '"') {
            let j = i + 1;
            let value = '';
            while (j < text.length) {
                if (text[j] === '"' && text[j + 1] === '"') {
                    value += '"';
                    j += 2;
                }
                else if (text[j] === '"')
                    break;
                else
                    value += text[j++];
            }
            out.push({ value, at: i });
            i = j + 1;
        }
        else if (isIdentStart(ch)) {
            let j = i + 1;
            while (j < text.length && isIdentChar(text[j]))
                j++;
            // Unquoted names fold ASCII letters to lower case; other characters stay as they are.
            out.push({ value: text.slice(i, j).replace(/[A-Z]+/g, (s) => s.toLowerCase()), at: i });
            i = j;
        }
        else if (/[0-9]/.test(ch)) {
            let j = i + 1;
            while (j < text.length && isIdentChar(text[j]))
                j++;
            i = j;
        }
        else
            i++;
    }
    return out;
}
/** Whether a character can start an unquoted identifier. */
function isIdentStart(ch) {
    return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}
/** Whether a character can continue an unquoted identifier. */
function isIdentChar(ch) {
    return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}
/** The identifier as PostgreSQL keeps it: at most 63 bytes, cut at a character boundary. */
function truncate(value) {
    let bytes = 0;
    let out = '';
    for (const ch of value) {
        const size = Buffer.byteLength(ch);
        if (bytes + size > MAX_BYTES)
            break;
        bytes += size;
        out += ch;
    }
    return out;
}
/** The file position of a character offset in the statement text. */
function positionOf(ref, charOffset) {
    const byte = ref.stmt.startByte + Buffer.byteLength(ref.stmt.text.slice(0, charOffset));
    return { file: ref.file, ...ref.file.parsed.lines.position(byte) };
}

;// CONCATENATED MODULE: ./src/engine/directives.ts
const DIRECTIVE_KINDS = ['ignore', 'ignore-file', 'backup'];
const DIRECTIVE = /preflight:([a-z-]+)(?:[ \t]+(.*))?$/;
/** Extracts every directive from a parsed file, in order. */
function parseDirectives(parsed) {
    const out = [];
    for (const stmt of parsed.statements) {
        for (const comment of stmt.comments)
            out.push(...directivesIn(comment, stmt.index));
    }
    for (const comment of parsed.trailingComments)
        out.push(...directivesIn(comment, undefined));
    return out;
}
/** Finds directives in one comment (a block comment may hold several lines). */
function directivesIn(comment, statementIndex) {
    const out = [];
    // Every directive line holds "preflight:"; most comments do not, and need no splitting.
    if (!comment.text.includes('preflight:'))
        return out;
    const lines = comment.text.replace(/\*\/$/, '').split('\n');
    for (const [offset, text] of lines.entries()) {
        // MySQL files may also write directives in # comments.
        const body = text.replace(/^\s*(--+|#+|\/\*+|\*)?\s*/, '').trimEnd();
        const match = DIRECTIVE.exec(body);
        if (!match || !body.startsWith('preflight:'))
            continue;
        const kindText = match[1];
        const rest = (match[2] ?? '').trim();
        const kind = DIRECTIVE_KINDS.includes(kindText) ? kindText : 'unknown';
        // Column of "preflight:" in the file: the comment's own column on its first line.
        const col = text.indexOf('preflight:') + (offset === 0 ? comment.col : 1);
        if (kind === 'ignore' || kind === 'ignore-file') {
            const [ids = '', ...reason] = rest.split(/\s+/);
            out.push({ kind, ruleIds: ids.split(',').filter(Boolean), reason: reason.join(' ').trim(), line: comment.line + offset, col, raw: body, statementIndex });
        }
        else {
            out.push({ kind, ruleIds: [], reason: rest, line: comment.line + offset, col, raw: body, statementIndex });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/static/invalid-directive.ts


/**
 * A suppression must say what it suppresses and why: an ignore without a reason, or naming a
 * rule that does not exist, silently hides nothing and misleads the reader.
 */
/* harmony default export */ const invalid_directive = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'invalid-directive',
    title: 'Preflight directives are well-formed',
    severity: 'error',
    run(ctx) {
        const known = ctx.knownIds;
        for (const file of ctx.files) {
            for (const d of parseDirectives(file.parsed)) {
                const at = { file, line: d.line, col: d.col };
                if (d.kind === 'unknown') {
                    ctx.report(at, {
                        message: `Unknown directive "${d.raw}".`,
                        mitigation: 'Use preflight:ignore <rule-id> <reason>, preflight:ignore-file <rule-id> <reason> or preflight:backup <reference>.',
                    });
                    continue;
                }
                if (d.kind === 'backup') {
                    if (!d.reason)
                        ctx.report(at, { message: 'preflight:backup needs a reference to the backup (snapshot id, table copy, ticket).', mitigation: 'Write -- preflight:backup <where the backup is>.' });
                    continue;
                }
                if (d.ruleIds.length === 0) {
                    ctx.report(at, { message: `preflight:${d.kind} names no rule.`, mitigation: `Write -- preflight:${d.kind} <rule-id> <reason>; list ids with \`migrations rules\`.` });
                    continue;
                }
                for (const id of d.ruleIds.filter((id) => !known.has(id))) {
                    ctx.report(at, { message: `preflight:${d.kind} names unknown rule "${id}".`, mitigation: 'Check the spelling; `migrations rules` lists every id.' });
                }
                if (!d.reason) {
                    ctx.report(at, {
                        message: `preflight:${d.kind} ${d.ruleIds.join(',')} has no reason, so it suppresses nothing.`,
                        mitigation: `Say why the finding is safe here: -- preflight:${d.kind} ${d.ruleIds.join(',')} <reason>.`,
                    });
                }
            }
        }
    },
}));

// EXTERNAL MODULE: ./src/dialects/mysql/parser.ts + 3 modules
var parser = __webpack_require__(32471);
// EXTERNAL MODULE: ./src/dialects/mysql/statements.ts
var statements = __webpack_require__(83130);
;// CONCATENATED MODULE: ./src/dialects/mysql/online-ddl.ts


/** The plan of an ALTER TABLE or CREATE INDEX statement, or undefined for other statements. */
function ddlPlan(stmt, session = {}) {
    if (stmt.kind === 'alter')
        return alterPlan(stmt, session);
    if (stmt.kind === 'create' && stmt.node.keyword === 'index')
        return createIndexPlan(stmt);
    if (stmt.kind === parser.UNPARSED)
        return unparsedAlterPlan(stmt);
    return undefined;
}
/** What a SET statement does to foreign_key_checks: "off" for 0/OFF, "on" for 1/ON, undefined when it leaves it alone. */
function foreignKeyChecksSetting(stmt) {
    if (stmt.kind !== 'set' || !Array.isArray(stmt.node.expr))
        return undefined;
    const assignment = stmt.node.expr.filter((e) => /^foreign_key_checks$/i.test(String(e?.left?.name ?? ''))).at(-1);
    if (!assignment)
        return undefined;
    return /^(0|off|false)$/i.test(String(assignment.right?.value ?? assignment.right?.column ?? '')) ? 'off' : 'on';
}
/** True when the statement makes MySQL refuse rather than copy or block: ALGORITHM=INSTANT, or LOCK=NONE without ALGORITHM=COPY. */
function assertsOnline(plan) {
    if (plan.algorithm === 'INSTANT')
        return true;
    return plan.lock === 'NONE' && plan.algorithm !== 'COPY';
}
/** The operations that copy the table or block writes, including those that may run in place. */
function blockingOperations(plan) {
    return plan.operations.filter((op) => op.best === 'COPY' || op.best === 'SHARED');
}
/** The operations that cannot run online in any form: with LOCK=NONE or ALGORITHM=INSTANT, MySQL rejects the statement. */
function neverOnlineOperations(plan) {
    return blockingOperations(plan).filter((op) => !op.mayRunInPlace);
}
/** The clause to add so the statement runs online: INSTANT where every operation supports it, else INPLACE with LOCK=NONE. */
function onlineClause(plan) {
    return plan.operations.length > 0 && plan.operations.every((op) => op.best === 'INSTANT') ? 'ALGORITHM=INSTANT' : 'ALGORITHM=INPLACE, LOCK=NONE';
}
/** Reads ALTER TABLE items: operations, ALGORITHM= and LOCK=. */
function alterPlan(stmt, session) {
    const table = (0,statements/* alteredTable */.WN)(stmt);
    if (!table)
        return undefined;
    const items = (0,statements/* alterItems */.H5)(stmt);
    let algorithm;
    let lock;
    const operations = [];
    const isAddingPrimaryKey = items.some((i) => i.action === 'add' && /primary key/i.test(i.create_definitions?.constraint_type ?? ''));
    for (const item of items) {
        if (item.resource === 'algorithm')
            algorithm = String(item.algorithm).toUpperCase();
        else if (item.resource === 'lock')
            lock = String(item.lock).toUpperCase();
        else
            operations.push(classifyAlterItem(item, isAddingPrimaryKey, session));
    }
    return { table, operations, ...(algorithm ? { algorithm } : {}), ...(lock ? { lock } : {}), isFromText: false };
}
/** The best InnoDB can do for one ALTER TABLE item. */
function classifyAlterItem(item, isAddingPrimaryKey, session) {
    const column = item.column?.column ?? item.old_column?.column;
    const action = String(item.action ?? item.keyword ?? item.resource ?? '').toUpperCase();
    if (item.resource === 'column') {
        switch (item.action) {
            case 'add':
                return addColumnOperation(item, column);
            case 'drop':
                // INSTANT from MySQL 8.0.29 and MariaDB 10.4; older servers rebuild the table in place.
                return { what: `DROP COLUMN ${column}`, best: 'INSTANT' };
            case 'rename':
                return { what: `RENAME COLUMN ${item.old_column?.column} TO ${column}`, best: 'INSTANT' };
            case 'alter':
                // ALTER COLUMN ... SET DEFAULT / DROP DEFAULT changes metadata only.
                return { what: `ALTER COLUMN ${column}`, best: 'INSTANT' };
            case 'modify':
            case 'change': {
                const before = session.columnTypes?.get((0,statements/* alterItemColumn */.Cf)(item) ?? '');
                // The pending set gave the column this very type: only NULL, DEFAULT, COMMENT or the name change, in place.
                if (before !== undefined && before === (0,statements/* columnTypeOf */.gy)(item))
                    return { what: `${action} COLUMN ${column}`, best: 'INPLACE' };
                return {
                    what: `${action} COLUMN ${column}`,
                    best: 'COPY',
                    note: 'a new data type copies the table; keeping the type (a rename, a new default, NULL or NOT NULL) or growing a VARCHAR within the same length byte runs in place',
                    mayRunInPlace: true,
                };
            }
            default:
                return { what: `${action} COLUMN ${column}`, best: 'INPLACE' };
        }
    }
    if (item.resource === 'index') {
        const kind = String(item.keyword ?? 'index').toUpperCase();
        if (item.action === 'add' && /FULLTEXT|SPATIAL/.test(kind)) {
            return { what: `ADD ${kind} ${item.index ?? ''}`.trim(), best: 'SHARED', note: `adding a ${kind.split(' ')[0]} index blocks writes while it builds (LOCK=SHARED at best)` };
        }
        return { what: `${action} ${kind} ${item.index ?? ''}`.trim(), best: 'INPLACE' };
    }
    if (item.resource === 'constraint') {
        const type = String(item.create_definitions?.constraint_type ?? 'constraint').toUpperCase();
        if (type === 'CHECK') {
            return { what: 'ADD CHECK', best: 'COPY', note: 'adding a CHECK constraint copies the table to validate every row' };
        }
        if (/FOREIGN KEY/.test(type) && !session.isForeignKeyChecksOff) {
            return { what: `ADD ${type}`, best: 'COPY', note: 'adding a foreign key copies the table while foreign_key_checks is on (SET foreign_key_checks = 0 first lets it run in place)' };
        }
        return { what: `ADD ${type}`, best: 'INPLACE' };
    }
    if (item.resource === 'key') {
        const kind = String(item.keyword ?? '').toUpperCase();
        if (kind === 'PRIMARY KEY' && !isAddingPrimaryKey) {
            return { what: 'DROP PRIMARY KEY', best: 'COPY', note: 'dropping the primary key without adding another in the same statement copies the table' };
        }
        return { what: `DROP ${kind} ${item.key ?? ''}`.trim(), best: 'INPLACE' };
    }
    if (item.resource === 'table' && item.action === 'rename')
        return { what: `RENAME TO ${item.table}`, best: 'INSTANT' };
    if (item.resource === 'convert') {
        return { what: 'CONVERT TO CHARACTER SET', best: 'COPY', note: 'converting the character set rewrites every row into a copy of the table' };
    }
    // DISABLE / ENABLE KEYS (mysqldump) do nothing on InnoDB.
    if (item.resource === 'keys')
        return { what: String(item.keyword).toUpperCase(), best: 'INSTANT' };
    if (/character set|charset|collate/.test(String(item.resource))) {
        return { what: String(item.resource).toUpperCase(), best: 'SHARED', note: 'changing the table\'s default character set rebuilds it without concurrent writes on MySQL' };
    }
    // Table options (ENGINE, COMMENT, AUTO_INCREMENT...) and FORCE run in place; ENGINE= and FORCE rebuild but allow writes.
    return { what: String(item.keyword ?? item.resource ?? 'table option').toUpperCase(), best: 'INPLACE' };
}
/**
 * ADD COLUMN is instant, or in place with writes allowed, except for an AUTO_INCREMENT column
 * (writes blocked while the table is rebuilt) and a STORED generated column (copies the table).
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html#online-ddl-column-operations
 */
function addColumnOperation(item, column) {
    if (item.auto_increment) {
        return { what: `ADD COLUMN ${column}`, best: 'SHARED', note: 'adding an AUTO_INCREMENT column rebuilds the table and blocks writes until done (LOCK=SHARED at best)' };
    }
    if (String(item.generated?.storage_type ?? '').toLowerCase() === 'stored') {
        return { what: `ADD COLUMN ${column}`, best: 'COPY', note: 'adding a STORED generated column copies the table to compute every row' };
    }
    return { what: `ADD COLUMN ${column}`, best: 'INSTANT' };
}
/** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX ... [ALGORITHM=] [LOCK=]. */
function createIndexPlan(stmt) {
    const table = (0,statements/* indexedTable */.ur)(stmt);
    if (!table)
        return undefined;
    const kind = String(stmt.node.index_type ?? '').toUpperCase();
    const isBlocking = kind === 'FULLTEXT' || kind === 'SPATIAL';
    const operation = isBlocking
        ? { what: `CREATE ${kind} INDEX ${stmt.node.index}`, best: 'SHARED', note: `adding a ${kind} index blocks writes while it builds (LOCK=SHARED at best)` }
        : { what: `CREATE ${kind ? `${kind} ` : ''}INDEX ${stmt.node.index}`, best: 'INPLACE' };
    const algorithm = stmt.node.algorithm_option?.algorithm;
    const lock = stmt.node.lock_option?.lock;
    return {
        table,
        operations: [operation],
        ...(algorithm ? { algorithm: String(algorithm).toUpperCase() } : {}),
        ...(lock ? { lock: String(lock).toUpperCase() } : {}),
        isFromText: false,
    };
}
/**
 * An ALTER TABLE node-sql-parser could not read: ALGORITHM= and LOCK= (and MariaDB's ONLINE) are
 * read from its keywords; CONVERT TO CHARACTER SET, which copies the table, is recognised too.
 */
function unparsedAlterPlan(stmt) {
    const table = (0,statements/* unparsedAlterTable */.dD)(stmt);
    if (!table)
        return undefined;
    const text = (0,statements/* stripComments */.nY)(stmt.text);
    const algorithm = /\bALGORITHM\s*=?\s*(INSTANT|INPLACE|NOCOPY|COPY|DEFAULT)\b/i.exec(text)?.[1]?.toUpperCase();
    const isOnline = /^\s*ALTER\s+ONLINE\b/i.test(text);
    const lock = isOnline ? 'NONE' : /\bLOCK\s*=?\s*(NONE|SHARED|EXCLUSIVE|DEFAULT)\b/i.exec(text)?.[1]?.toUpperCase();
    const operations = /\bCONVERT\s+TO\s+(CHARACTER\s+SET|CHARSET)\b/i.test(text)
        ? [{ what: 'CONVERT TO CHARACTER SET', best: 'COPY', note: 'converting the character set rewrites every row into a copy of the table' }]
        : [];
    return { table, operations, ...(algorithm ? { algorithm: algorithm === 'NOCOPY' ? 'INPLACE' : algorithm } : {}), ...(lock ? { lock } : {}), isFromText: true };
}

;// CONCATENATED MODULE: ./src/checks/static/support/mysql-pending.ts



/** True when a pending CREATE TABLE before `ref` (in its file or an earlier one) created `table`. */
function isCreatedEarlier(ctx, ref, table) {
    // Unparsed too: node-sql-parser rejects whole CREATE TABLEs over one column clause (createdTables reads their head).
    for (const earlier of ctx.statements(['create', parser.UNPARSED])) {
        if (isAtOrAfter(ctx, earlier, ref))
            return false;
        if ((0,statements/* createdTables */.CR)(earlier.stmt).some((t) => (0,statements/* isSameTable */.j9)(t, table)))
            return true;
    }
    return false;
}
/** True when a pending ALTER TABLE before `ref` added `column` (any case) to `table`: it holds no older values. */
function isColumnAddedEarlier(ctx, ref, table, column) {
    for (const earlier of ctx.statements('alter')) {
        if (isAtOrAfter(ctx, earlier, ref))
            return false;
        const altered = (0,statements/* alteredTable */.WN)(earlier.stmt);
        if (altered && (0,statements/* isSameTable */.j9)(altered, table) && (0,statements/* addedColumns */.YB)(earlier.stmt).includes(column.toLowerCase()))
            return true;
    }
    return false;
}
/**
 * The data types pending ALTER TABLEs before `ref` gave columns of `table` (ADD, MODIFY, CHANGE),
 * by lower-case column name: what a later MODIFY changes from, when the pending set says it.
 */
function columnTypesBefore(ctx, ref, table) {
    const types = new Map();
    for (const earlier of ctx.statements('alter')) {
        if (isAtOrAfter(ctx, earlier, ref))
            break;
        const altered = (0,statements/* alteredTable */.WN)(earlier.stmt);
        if (!altered || !(0,statements/* isSameTable */.j9)(altered, table))
            continue;
        for (const item of (0,statements/* alterItems */.H5)(earlier.stmt)) {
            if (item.resource !== 'column' || !['add', 'modify', 'change'].includes(item.action))
                continue;
            const type = (0,statements/* columnTypeOf */.gy)(item);
            const column = item.action === 'change' ? (0,statements/* alterItemColumn */.Cf)({ column: item.column }) : (0,statements/* alterItemColumn */.Cf)(item);
            if (column && type)
                types.set(column, type);
        }
    }
    return types;
}
/** True when the file's last SET foreign_key_checks before `ref` turned it off (the setting lasts for the session). */
function isForeignKeyChecksOffBefore(ref) {
    let setting;
    for (const s of ref.file.parsed.statements) {
        if (s.index >= ref.stmt.index)
            break;
        setting = foreignKeyChecksSetting(s) ?? setting;
    }
    return setting === 'off';
}
/** True when `a` runs at or after `b` in pending order. */
function isAtOrAfter(ctx, a, b) {
    const fa = ctx.files.indexOf(a.file);
    const fb = ctx.files.indexOf(b.file);
    return fa > fb || (fa === fb && a.stmt.index >= b.stmt.index);
}

;// CONCATENATED MODULE: ./src/checks/static/mysql-alter-without-online-ddl.ts





const ONLINE_TOOLS = 'gh-ost or pt-online-schema-change';
/**
 * ALTER TABLE and CREATE INDEX without ALGORITHM=INSTANT, or LOCK=NONE, let MySQL pick the
 * algorithm: when the change cannot run online it silently copies the table and blocks writes for
 * the whole copy. The rule reports the operations that do (column type changes, ADD FOREIGN KEY
 * with checks on, DROP PRIMARY KEY, CONVERT TO CHARACTER SET, CHECK constraints, STORED generated
 * and AUTO_INCREMENT columns, FULLTEXT/SPATIAL indexes), online clauses the server will reject,
 * and statements it could not read whole. A statement whose every operation runs online is not
 * reported: without the clauses MySQL already picks INSTANT or INPLACE with the least locking.
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl.html
 */
/* harmony default export */ const mysql_alter_without_online_ddl = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-alter-without-online-ddl',
    title: 'ALTER TABLE asks for online DDL (MySQL)',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements(['alter', 'create', parser.UNPARSED])) {
            const altered = (0,statements/* alteredTable */.WN)(ref.stmt);
            const plan = ddlPlan(ref.stmt, {
                isForeignKeyChecksOff: isForeignKeyChecksOffBefore(ref),
                ...(altered ? { columnTypes: columnTypesBefore(ctx, ref, altered) } : {}),
            });
            if (!plan || isCreatedEarlier(ctx, ref, plan.table))
                continue;
            checkPlan(ctx, ref, plan);
        }
    },
}));
/** Reports one statement: refused online clause, blocking operations, or a missing clause. */
function checkPlan(ctx, ref, plan) {
    const name = (0,statements/* tableLabel */.Fr)(plan.table);
    const evidence = { table: name, operations: plan.operations.map((op) => `${op.what}: ${op.best}`), algorithm: plan.algorithm ?? null, lock: plan.lock ?? null };
    const never = neverOnlineOperations(plan);
    if (assertsOnline(plan)) {
        if (never.length === 0)
            return;
        ctx.report(ref, {
            message: `${describe(never)} on ${name} cannot run with ${clauses(plan)}: MySQL rejects the statement, so the migration stops here (${notes(never)}).`,
            mitigation: `Run this change with ${ONLINE_TOOLS}, which copy the table in the background, or in a maintenance window without the online clause.`,
            evidence,
            tables: [name],
        });
        return;
    }
    const blocking = blockingOperations(plan);
    if (blocking.length > 0) {
        ctx.report(ref, {
            message: `${describe(blocking)} on ${name} ${effect(blocking)} (${notes(blocking)}).`,
            mitigation: `Add ALGORITHM=INPLACE, LOCK=NONE so MySQL refuses instead of blocking when the change cannot run online; for a change that must copy, use ${ONLINE_TOOLS} or a maintenance window.`,
            help: 'With ALGORITHM and LOCK named, MySQL fails fast (ER_ALTER_OPERATION_NOT_SUPPORTED_REASON) rather than silently choosing a blocking algorithm.',
            evidence,
            tables: [name],
        });
        return;
    }
    // Every operation runs online, and MySQL picks INSTANT or INPLACE by itself: nothing to report.
    if (!plan.isFromText)
        return;
    const verb = ref.stmt.kind === 'create' ? 'CREATE INDEX' : 'ALTER TABLE';
    ctx.report(ref, {
        message: `${verb} on ${name} names no ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INSTANT or LOCK=NONE'}: if it cannot run online, MySQL silently copies the table and blocks writes instead of failing (node-sql-parser could not read the statement, so its operations were not checked).`,
        mitigation: `Add ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'} to the statement (e.g. ${verb} ... , ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'}); MySQL then refuses rather than blocking.`,
        evidence,
        tables: [name],
    });
}
/** What the blocking operations do: copy (surely, or unless the column keeps its type) or rebuild, blocking writes. */
function effect(blocking) {
    if (blocking.some((op) => op.best === 'COPY' && !op.mayRunInPlace))
        return 'copies the whole table and blocks writes to it until done';
    if (blocking.some((op) => op.best === 'COPY'))
        return 'copies the whole table and blocks writes to it until done if it changes a column\'s data type';
    return 'rebuilds the table and blocks writes to it until done';
}
/** "MODIFY COLUMN total, ADD FOREIGN KEY". */
function describe(ops) {
    return ops.map((op) => op.what).join(', ');
}
/** The notes of the operations, joined. */
function notes(ops) {
    return [...new Set(ops.map((op) => op.note).filter(Boolean))].join('; ');
}
/** "ALGORITHM=INSTANT" / "LOCK=NONE" as the statement wrote them. */
function clauses(plan) {
    return [plan.algorithm ? `ALGORITHM=${plan.algorithm}` : '', plan.lock ? `LOCK=${plan.lock}` : ''].filter(Boolean).join(', ');
}

;// CONCATENATED MODULE: ./src/checks/static/mysql-ddl-not-transactional.ts


/**
 * MySQL commits implicitly before and after every DDL statement, even inside BEGIN ... COMMIT
 * (https://dev.mysql.com/doc/refman/8.4/en/implicit-commit.html). A file with several DDL
 * statements that fails part-way stays half-applied: the statements before the failure are
 * committed, the tool marks the migration failed (golang-migrate: dirty), and running the file
 * again fails on the first statement that already ran. Files whose DDL is all re-runnable
 * (IF NOT EXISTS / IF EXISTS, ALTERs that only set a state such as MODIFY or CONVERT TO, a CREATE
 * after DROP ... IF EXISTS of the same object, a DROP of an object the file creates first) are
 * not reported.
 */
/* harmony default export */ const mysql_ddl_not_transactional = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-ddl-not-transactional',
    title: 'One DDL statement per migration file (MySQL)',
    severity: 'warning',
    dialects: ['mysql'],
    run(ctx) {
        for (const file of ctx.files) {
            const ddl = file.parsed.statements.filter(statements/* isDdl */.T_);
            if (ddl.length < 2)
                continue;
            // The last statement never needs to run again after a failure of its own.
            const blocking = ddl.slice(0, -1).filter((s) => !isRerunnableInFile(s, ddl));
            if (blocking.length === 0)
                continue;
            const second = ddl[1];
            ctx.report({ file, stmt: second }, {
                message: `This file runs ${ddl.length} DDL statements and MySQL commits each one at once: if a later one fails, the earlier ones stay applied, and running the file again fails at line ${blocking[0].line} (already done).`,
                mitigation: 'Put each DDL statement in its own migration file, or make every statement re-runnable (CREATE TABLE IF NOT EXISTS, DROP ... IF EXISTS; on MariaDB also ADD COLUMN IF NOT EXISTS).',
                help: 'Wrapping the file in BEGIN ... COMMIT does not help: DDL commits the open transaction. After a half-applied run, fix the database by hand, then mark the version (e.g. migrate force <version>).',
                evidence: { ddlStatements: ddl.length, lines: ddl.map((s) => s.line), notRerunnable: blocking.map((s) => s.line) },
            });
        }
    },
}));
/**
 * True when `stmt` succeeds again on a re-run of the whole file: it is re-runnable on its own, or
 * it creates an object an earlier DROP ... IF EXISTS removes first, or drops an object the file
 * created earlier (the re-run creates it again before dropping it).
 */
function isRerunnableInFile(stmt, ddl) {
    if ((0,statements/* isRerunnable */.DP)(stmt))
        return true;
    const object = (0,statements/* schemaObjectOf */.sj)(stmt);
    if (!object)
        return false;
    const before = ddl.filter((s) => s.index < stmt.index);
    const isSame = (s) => {
        const other = (0,statements/* schemaObjectOf */.sj)(s);
        return other !== undefined && other.type === object.type && other.name === object.name;
    };
    if (stmt.kind === 'drop')
        return before.some((s) => s.kind !== 'drop' && isSame(s));
    return before.some((s) => s.kind === 'drop' && (0,statements/* isRerunnable */.DP)(s) && isSame(s));
}

;// CONCATENATED MODULE: ./src/checks/static/support/backup-evidence.ts





const BACKUP_KINDS = ['directive', 'copy', 'pitr'];
/** Finds backup evidence for the data `ref` removes, preferring the explicit directive. */
function findBackup(ctx, ref, query = {}) {
    const accept = new Set(query.accept ?? BACKUP_KINDS);
    if (accept.has('directive')) {
        const directive = backupDirective(ref);
        if (directive)
            return { kind: 'directive', reference: directive.reason };
    }
    if (accept.has('copy') && query.tables && query.tables.length > 0) {
        const copies = query.tables.map((table) => findCopy(ctx, ref, table, query.column));
        if (copies.every((c) => c !== undefined))
            return { kind: 'copy', reference: copies.join('; ') };
    }
    if (accept.has('pitr') && ctx.live.hasPitrBackup === true) {
        return { kind: 'pitr', reference: 'point-in-time recovery is available on the target' };
    }
    return undefined;
}
/** The part of a finding that records backup evidence: severity info and the reference in evidence. */
function backupFields(backup) {
    return { severity: 'info', evidence: { backup: backup.reference, backupKind: backup.kind } };
}
/** Sentence appended to a message when a backup makes the finding informational. */
function backupNote(backup) {
    const what = backup.kind === 'directive' ? 'a backup is declared' : backup.kind === 'copy' ? 'a copy is made earlier' : 'point-in-time recovery is available';
    return ` Not failing: ${what} (${backup.reference}).`;
}
// Directives are read from comments once per file; every destructive finding asks for them.
const directiveCache = new WeakMap();
/** The `-- preflight:backup <reference>` right before the statement, when it has a reference. */
function backupDirective(ref) {
    const parsed = ref.file.parsed;
    let directives = directiveCache.get(parsed);
    if (!directives) {
        directives = parseDirectives(parsed);
        directiveCache.set(parsed, directives);
    }
    return directives.find((d) => d.kind === 'backup' && d.reason !== '' && d.statementIndex === ref.stmt.index);
}
/** Describes the earlier statement that copies every row of `table` (with `column`), or undefined. */
function findCopy(ctx, ref, table, column) {
    const key = tableKey(table);
    const at = executedPosition(ctx, ref);
    for (const { position, copy, where } of copiesOf(ctx)) {
        if (position >= at)
            break;
        if (!copy.sources.some((s) => tableKey(s) === key))
            continue;
        if (!copy.hasStar && (column === undefined || !copy.columns.includes(column)))
            continue;
        return `${copy.target} copied at ${where}`;
    }
    return undefined;
}
/** Every destructive finding looks for copies before it: they are listed once, carried across shards and extended with each. */
class CopiesIndex {
    copies = [];
    extend(ctx) {
        for (const exec of executedStatements(ctx)) {
            const copy = copyOf(exec);
            if (copy)
                this.copies.push({ position: executedPosition(ctx, exec), copy, where: `${exec.file.migration.path}:${exec.stmt.line}` });
        }
    }
}
/** The copy statements of the pending set up to the end of the current shard, in order. */
function copiesOf(ctx) {
    return copiesIndex(ctx).copies;
}
/** Reads CREATE TABLE AS, SELECT INTO and INSERT ... SELECT as a copy; undefined for anything else. */
function copyOf(exec) {
    const n = exec.node;
    let into;
    let select;
    if (exec.kind === 'CreateTableAsStmt' && n.objtype === 'OBJECT_TABLE') {
        into = n.into?.rel;
        select = n.query?.SelectStmt;
    }
    else if (exec.kind === 'SelectStmt' && n.intoClause) {
        into = n.intoClause.rel;
        select = n;
    }
    else if (exec.kind === 'InsertStmt') {
        into = n.relation;
        select = n.selectStmt?.SelectStmt;
    }
    const target = (0,postgres_locks/* relationName */.CJ)(into);
    // A temporary table is gone when the session ends, so it cannot restore anything later.
    if (!target || !select || into?.relpersistence === 't')
        return undefined;
    // A filtered or limited copy does not hold every row.
    if (select.whereClause || select.limitCount)
        return undefined;
    // Only a plain copy of one table holds its rows as they were: a join drops or repeats rows.
    const from = select.fromClause ?? [];
    const source = from.length === 1 ? (0,postgres_locks/* relationName */.CJ)(from[0]?.RangeVar) : undefined;
    if (!source)
        return undefined;
    const fields = (select.targetList ?? []).map((t) => t?.ResTarget?.val?.ColumnRef?.fields ?? []);
    const hasStar = fields.some((f) => f.some((x) => x?.A_Star));
    const columns = fields.map((f) => f[f.length - 1]?.String?.sval).filter((s) => typeof s === 'string');
    return { target, sources: [source], hasStar, columns };
}
/** Reports a destructive finding: as an error, or as info with the evidence when a backup exists. */
function reportDestructive(ctx, ref, finding, query = {}) {
    const backup = findBackup(ctx, ref, query);
    if (!backup) {
        ctx.report(ref, finding);
        return;
    }
    const fields = backupFields(backup);
    ctx.report(ref, { ...finding, message: finding.message + backupNote(backup), severity: fields.severity, evidence: { ...finding.evidence, ...fields.evidence } });
}
/** The CopiesIndex of the run, up to the end of the current shard. */
const copiesIndex = defineShardIndex(() => new CopiesIndex());

;// CONCATENATED MODULE: ./src/checks/static/support/mysql-backup.ts



/** Reports a destructive finding: as an error, or as info with the evidence when a backup is declared or a copy made. */
function reportMysqlDestructive(ctx, ref, finding, query) {
    const backup = findBackup(ctx, ref, { accept: ['directive'] }) ?? findMysqlCopies(ctx, ref, query);
    if (!backup) {
        ctx.report(ref, finding);
        return;
    }
    const fields = backupFields(backup);
    ctx.report(ref, { ...finding, message: finding.message + backupNote(backup), severity: fields.severity, evidence: { ...finding.evidence, ...fields.evidence } });
}
/** Copy evidence when an earlier pending statement copies every row of each table (with the column, if one is named). */
function findMysqlCopies(ctx, ref, query) {
    if (query.tables.length === 0)
        return undefined;
    const copies = query.tables.map((table) => mysql_backup_findCopy(ctx, ref, table, query.columns ?? []));
    return copies.every((c) => c !== undefined) ? { kind: 'copy', reference: copies.join('; ') } : undefined;
}
/** Where an earlier pending statement copies every row of `table` (with `columns`) into a lasting table, or undefined. */
function mysql_backup_findCopy(ctx, ref, table, columns) {
    const temporary = [];
    for (const earlier of ctx.statements(['create', 'insert'])) {
        if (isAtOrAfter(ctx, earlier, ref))
            return undefined;
        if (earlier.stmt.kind === 'create' && earlier.stmt.node.temporary)
            temporary.push(...tablesOf(earlier.stmt.node.table));
        const copy = mysql_backup_copyOf(earlier.stmt.node);
        if (!copy || !(0,statements/* isSameTable */.j9)(copy.source, table) || temporary.some((t) => (0,statements/* isSameTable */.j9)(t, copy.target)))
            continue;
        if (!copy.hasStar && (columns.length === 0 || !columns.every((c) => copy.columns.includes(c.toLowerCase()))))
            continue;
        return `${(0,statements/* tableLabel */.Fr)(copy.target)} copied at ${earlier.file.migration.path}:${earlier.stmt.line}`;
    }
    return undefined;
}
/** Reads CREATE TABLE ... [AS] SELECT and INSERT INTO ... SELECT as a copy of one whole table, or undefined. */
function mysql_backup_copyOf(node) {
    const isCreate = node.type === 'create' && node.keyword === 'table' && !node.temporary;
    const select = isCreate ? node.query_expr : node.type === 'insert' ? node.values : undefined;
    const target = tablesOf(node.table)[0];
    if (!target || select?.type !== 'select')
        return undefined;
    // A filtered, limited or joined copy does not hold every row as it was.
    if (select.where || select.limit?.value?.length > 0 || !Array.isArray(select.from) || select.from.length !== 1)
        return undefined;
    const source = tablesOf(select.from)[0];
    if (!source)
        return undefined;
    const refs = (Array.isArray(select.columns) ? select.columns : []).map((c) => c?.expr);
    const hasStar = select.columns === '*' || refs.some((e) => e?.type === 'column_ref' && e.column === '*');
    const columns = refs.filter((e) => e?.type === 'column_ref' && typeof e.column === 'string').map((e) => String(e.column).toLowerCase());
    return { target, source, hasStar, columns };
}
/** The {db, table} entries of a node-sql-parser table list. */
function tablesOf(list) {
    const items = Array.isArray(list) ? list : list ? [list] : [];
    return items
        .filter((e) => e && typeof e.table === 'string')
        .map((e) => ({ db: typeof e.db === 'string' && e.db !== '' ? e.db : null, table: e.table }));
}

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-drop-column.ts




/**
 * ALTER TABLE ... DROP COLUMN deletes the column's values in every row, and the application
 * version still running may read or write it. MySQL commits the change at once.
 */
/* harmony default export */ const mysql_no_drop_column = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-no-drop-column',
    title: 'Columns are not dropped while code may use them (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('alter')) {
            const table = (0,statements/* alteredTable */.WN)(ref.stmt);
            if (!table || isCreatedEarlier(ctx, ref, table))
                continue;
            const columns = (0,statements/* alterItems */.H5)(ref.stmt)
                .filter((i) => i.action === 'drop' && i.resource === 'column')
                .map((i) => String(i.column?.column ?? '?'));
            if (columns.length === 0)
                continue;
            const name = (0,statements/* tableLabel */.Fr)(table);
            const list = columns.join(', ');
            reportMysqlDestructive(ctx, ref, {
                message: `DROP COLUMN deletes ${list} from every row of ${name}; MySQL commits it at once, and application code still reading ${columns.length === 1 ? 'it' : 'them'} fails with "Unknown column".`,
                mitigation: `Ship code that no longer uses ${list} first, then drop ${columns.length === 1 ? 'it' : 'them'} in a later migration; copy the values first (CREATE TABLE ${table.table}_${columns[0]}_backup AS SELECT <primary key>, ${columns[0]} FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                help: 'Expand and contract: stop using the column, deploy, then drop it. MySQL 8.0.29+ and MariaDB 10.4+ drop a column instantly (ALGORITHM=INSTANT); older servers rebuild the table.',
                evidence: { table: name, columns },
                tables: [name],
            }, { tables: [table], columns });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-drop-table.ts




/**
 * DROP TABLE deletes the table and every row in it. MySQL commits DDL at once, so not even a
 * transaction around the migration brings it back; only a backup does. A table the pending set
 * created itself holds no older data and is not reported.
 */
/* harmony default export */ const mysql_no_drop_table = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-no-drop-table',
    title: 'Tables are not dropped without a backup (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('drop')) {
            const tables = (0,statements/* droppedTables */.qs)(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t));
            if (tables.length === 0)
                continue;
            const names = tables.map(statements/* tableLabel */.Fr);
            const first = tables[0];
            reportMysqlDestructive(ctx, ref, {
                message: `DROP TABLE deletes ${names.join(', ')} and all ${tables.length === 1 ? 'its' : 'their'} rows; MySQL commits it at once, so the data is gone unless there is a backup.`,
                mitigation: `Rename the table instead (RENAME TABLE ${(0,statements/* tableLabel */.Fr)(first)} TO ${first.table}_deprecated) and drop it in a later release once nothing reads it; or copy it first (CREATE TABLE ${first.table}_backup LIKE ${(0,statements/* tableLabel */.Fr)(first)}; INSERT INTO ${first.table}_backup SELECT * FROM ${(0,statements/* tableLabel */.Fr)(first)}) or record the backup with -- preflight:backup <reference>.`,
                help: 'DDL in MySQL cannot be rolled back: keep the data until the application has shipped without the table, then drop it with a recorded backup.',
                evidence: { tables: names },
                tables: names,
            }, { tables });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-truncate.ts




/**
 * TRUNCATE TABLE empties a table at once: MySQL drops and recreates it, fires no DELETE triggers,
 * commits implicitly and cannot be rolled back.
 */
/* harmony default export */ const mysql_no_truncate = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-no-truncate',
    title: 'Tables are not truncated without a backup (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('truncate')) {
            const tables = (0,statements/* truncatedTables */.oR)(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t));
            if (tables.length === 0)
                continue;
            const name = (0,statements/* tableLabel */.Fr)(tables[0]);
            reportMysqlDestructive(ctx, ref, {
                message: `TRUNCATE TABLE deletes every row of ${name} and commits at once; no DELETE trigger fires and nothing can roll it back.`,
                mitigation: `Delete only what must go, in batches (DELETE FROM ${name} WHERE ... LIMIT 10000); or copy it first (CREATE TABLE ${tables[0].table}_backup LIKE ${name}; INSERT INTO ${tables[0].table}_backup SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                help: 'TRUNCATE is DDL in MySQL: it needs an exclusive metadata lock on the table and resets AUTO_INCREMENT.',
                evidence: { tables: tables.map(statements/* tableLabel */.Fr) },
                tables: tables.map(statements/* tableLabel */.Fr),
            }, { tables });
        }
    },
}));

;// CONCATENATED MODULE: ./src/dialects/mysql/lock-wait-timeout.ts

/**
 * Seconds the statement sets lock_wait_timeout to for this session (SET [SESSION|LOCAL]
 * lock_wait_timeout, SET @@[session.]lock_wait_timeout), or undefined when it does not. SET GLOBAL
 * and PERSIST change it for new sessions only; a value that is not a number counts as not set.
 */
function lockWaitTimeoutSetting(stmt) {
    if (stmt.kind !== 'set' || !Array.isArray(stmt.node.expr))
        return undefined;
    const scope = String(stmt.node.keyword ?? 'SESSION').toUpperCase();
    let seconds;
    for (const assignment of stmt.node.expr) {
        const left = assignment?.left;
        if (left?.type !== 'var')
            continue;
        const members = Array.isArray(left.members) ? left.members.map(String) : [];
        // @@session.x and @@global.x arrive as the name "session"/"global" with member x.
        const [variableScope, name] = members.length === 1 ? [String(left.name).toUpperCase(), members[0]] : [scope, String(left.name)];
        if (!/^lock_wait_timeout$/i.test(name) || !['SESSION', 'LOCAL'].includes(variableScope))
            continue;
        const value = Number(assignment.right?.value);
        seconds = Number.isFinite(value) ? value : undefined;
    }
    return seconds;
}
/** MariaDB's per-statement wait: ALTER TABLE t WAIT n ... / NOWAIT (10.3+), which node-sql-parser does not read. */
function hasWaitClause(stmt) {
    return /^\s*(?:ALTER|DROP|TRUNCATE|RENAME|OPTIMIZE)\b[^;]*?\b(?:WAIT\s+\d+(?:\.\d+)?|NOWAIT)\b/i.test((0,statements/* stripComments */.nY)(stmt.text));
}

;// CONCATENATED MODULE: ./src/checks/static/mysql-require-lock-wait-timeout.ts




/** The longest lock_wait_timeout (seconds) that still counts as failing fast; the default is a year. */
const MAX_WAIT_SECONDS = 300;
/**
 * DDL on a MySQL table (ALTER TABLE, CREATE/DROP INDEX, DROP, TRUNCATE and RENAME TABLE) needs an
 * exclusive metadata lock, at least briefly even with ALGORITHM=INSTANT, and waits for every open
 * transaction that touched the table. While it waits, every new statement on the table queues
 * behind it ("Waiting for table metadata lock"): one idle transaction plus a migration is an
 * outage. lock_wait_timeout, a year by default, bounds the wait; a short one set earlier in the
 * file makes the DDL fail fast instead. Tables the pending set created are new and not reported.
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
/* harmony default export */ const mysql_require_lock_wait_timeout = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-require-lock-wait-timeout',
    title: 'Set lock_wait_timeout before DDL on existing tables (MySQL)',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql'],
    run(ctx) {
        for (const file of ctx.files) {
            // The setting lasts for the session: the last one before a statement is in force.
            let setting;
            for (const stmt of file.parsed.statements) {
                const seconds = lockWaitTimeoutSetting(stmt);
                if (seconds !== undefined) {
                    setting = { seconds, line: stmt.line };
                    continue;
                }
                const { tables, isDdl } = (0,statements/* touchedTablesOf */.r7)(stmt);
                if (!isDdl || tables.length === 0 || (setting && setting.seconds <= MAX_WAIT_SECONDS) || hasWaitClause(stmt))
                    continue;
                const existing = tables.filter((t) => !isCreatedEarlier(ctx, { file, stmt }, t));
                if (existing.length > 0)
                    mysql_require_lock_wait_timeout_report(ctx, file, stmt, existing.map(statements/* tableLabel */.Fr), setting);
            }
        }
    },
}));
/** Reports one DDL statement that can queue every query on its tables behind it. */
function mysql_require_lock_wait_timeout_report(ctx, file, stmt, tables, setting) {
    const names = tables.join(', ');
    const wait = setting ? `lock_wait_timeout = ${setting.seconds} (line ${setting.line}), which is longer than ${MAX_WAIT_SECONDS} seconds` : 'lock_wait_timeout at its default of one year';
    ctx.report({ file, stmt }, {
        message: `${verbOf(stmt)} needs an exclusive metadata lock on ${names} and waits for it with ${wait}: while it waits behind an open transaction ` +
            `that used ${tables.length > 1 ? 'them' : 'the table'}, every new query on ${tables.length > 1 ? 'them' : 'it'} queues behind it ("Waiting for table metadata lock").`,
        mitigation: 'Start the file with SET SESSION lock_wait_timeout = 5; (seconds) so the statement fails fast instead of stalling the table, and retry the migration later if it does (MariaDB also takes ALTER TABLE ... WAIT 5).',
        help: 'Even ALGORITHM=INSTANT and LOCK=NONE need the exclusive metadata lock at the start and end of the change; lock_wait_timeout bounds only that wait, not the work.',
        evidence: { tables, lockWaitTimeout: setting?.seconds ?? null },
        tables,
    });
}
/** What the statement is, for the message: "ALTER TABLE", "CREATE INDEX", "DROP TABLE"... */
function verbOf(stmt) {
    const keywords = (0,statements/* unparsedKeywords */.ZN)(stmt);
    if (keywords)
        return keywords;
    const keyword = typeof stmt.node.keyword === 'string' ? ` ${stmt.node.keyword.toUpperCase()}` : stmt.kind === 'truncate' || stmt.kind === 'rename' ? ' TABLE' : '';
    return `${stmt.kind.toUpperCase()}${stmt.kind === 'alter' ? ' TABLE' : keyword}`;
}

;// CONCATENATED MODULE: ./src/checks/static/mysql-statement-not-analysed.ts


/**
 * node-sql-parser, which reads MySQL migrations, does not know every statement MySQL accepts
 * (stored procedures, triggers with BEGIN ... END, some ALTER TABLE forms). Such a statement is
 * not a syntax error, but no rule could check it: this note says so, so nobody mistakes a quiet
 * report for a checked one. Preflight makes no syntax claims about MySQL.
 */
/* harmony default export */ const mysql_statement_not_analysed = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-statement-not-analysed',
    title: 'Statements the MySQL parser cannot read are pointed out for review',
    severity: 'info',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements(parser.UNPARSED)) {
            const node = ref.stmt.node;
            ctx.report(ref, {
                message: `This ${node.keywords || 'statement'} statement was not analysed: ${node.reason}. No rule checked what it does.`,
                mitigation: 'Review the statement by hand (locks, data loss, whether it can run again), and run the migration on a copy of the database first.',
                help: 'After review, record it with -- preflight:ignore mysql-statement-not-analysed <what you checked>.',
                evidence: { keywords: node.keywords, reason: node.reason },
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-unqualified-delete-update.ts




/**
 * DELETE or UPDATE without WHERE changes every row of the table, usually by mistake, and InnoDB
 * keeps a lock on each row until the statement commits (LIMIT alone picks arbitrary rows). An
 * UPDATE that only fills columns the pending set added (a backfill) overwrites no existing data,
 * as in the PostgreSQL rule no-unqualified-delete-update.
 */
/* harmony default export */ const mysql_unqualified_delete_update = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'mysql-unqualified-delete-update',
    title: 'DELETE and UPDATE say which rows (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements(['delete', 'update'])) {
            const change = (0,statements/* changedRows */.CH)(ref.stmt);
            if (!change || change.hasWhere || isCreatedEarlier(ctx, ref, change.table) || isBackfill(ctx, ref))
                continue;
            const name = (0,statements/* tableLabel */.Fr)(change.table);
            const hasLimit = ref.stmt.node.limit?.value?.length > 0;
            const scope = hasLimit ? `arbitrary rows of ${name} (LIMIT without WHERE)` : `every row of ${name}`;
            reportMysqlDestructive(ctx, ref, {
                message: change.verb === 'DELETE'
                    ? `DELETE without WHERE deletes ${scope}, locking each row until it commits.`
                    : `UPDATE without WHERE overwrites ${scope}, locking each row until it commits; the old values are gone.`,
                mitigation: `Add a WHERE clause naming the rows (WHERE 1 = 1 if every row is meant), and change large tables in batches by key range (WHERE id BETWEEN ... AND ...); copy the rows first or record the backup with -- preflight:backup <reference>.`,
                help: 'A DELETE or UPDATE without WHERE is a common accident. Writing the condition, even WHERE 1 = 1, shows the change was intended.',
                evidence: { table: name, statement: change.verb, limit: hasLimit },
                tables: [name],
            }, { tables: [change.table] });
        }
    },
}));
/** True for an UPDATE that only sets columns added earlier in the pending set. */
function isBackfill(ctx, ref) {
    const columns = (0,statements/* updatedColumns */.hh)(ref.stmt);
    return columns.length > 0 && columns.every((c) => isColumnAddedEarlier(ctx, ref, c.table, c.column));
}

;// CONCATENATED MODULE: ./src/checks/static/support/column-defs.ts





/** Columns defined or retyped by a CREATE TABLE or ALTER TABLE statement (computed once per statement: the index and three rules ask). */
function columnDefinitions(ctx, exec) {
    return definitionsOf(ctx, exec);
}
const definitionsOf = shardMemo(readColumnDefinitions);
/** Reads columnDefinitions' answer from the statement. */
function readColumnDefinitions(exec) {
    const n = exec.node;
    const out = [];
    const push = (table, def, via, name) => {
        const type = columnType(def?.typeName);
        const column = name ?? def?.colname;
        if (!table || !type || typeof column !== 'string')
            return;
        const constraints = [];
        for (const c of def?.constraints ?? [])
            if (c?.Constraint)
                constraints.push(c.Constraint);
        out.push({ table, column, type, via, constraints });
    };
    if (exec.kind === 'CreateStmt') {
        for (const elt of n.tableElts ?? [])
            push((0,postgres_locks/* relationName */.CJ)(n.relation), elt.ColumnDef, 'create');
    }
    else if (exec.kind === 'AlterTableStmt' && (!n.objtype || n.objtype === 'OBJECT_TABLE')) {
        const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
        for (const c of n.cmds ?? []) {
            const cmd = c.AlterTableCmd;
            if (cmd?.subtype === 'AT_AddColumn')
                push(table, cmd.def?.ColumnDef, 'add');
            else if (cmd?.subtype === 'AT_AlterColumnType')
                push(table, cmd.def?.ColumnDef, 'alter-type', cmd.name);
        }
    }
    return out;
}
/** The type a column has before `exec`, from the pending set (latest definition) or the target; undefined when unknown. */
function knownColumnType(ctx, exec, table, column) {
    return definedTypeBefore(ctx, exec, table, column) ?? liveColumnType(ctx, table, column);
}
/** The type of the latest pending definition of the column before `exec` (only ALTER COLUMN TYPE ones when `onlyTypeChanges`). */
function definedTypeBefore(ctx, exec, table, column, onlyTypeChanges = false) {
    const index = definitionsIndexOf(ctx);
    const key = tableKey(table);
    const at = executedPosition(ctx, exec);
    let found;
    for (const def of index.current.get(key)?.get(column) ?? []) {
        if (def.position >= at)
            break;
        if (!onlyTypeChanges || def.via === 'alter-type')
            found = def.type;
    }
    if (found)
        return found;
    const past = index.past.get(key)?.get(column);
    return onlyTypeChanges ? past?.alterType : past?.latest;
}
/**
 * Every column definition of the pending set so far, by table key and column: the current shard's
 * in execution order (a lookup reads one column's, not every earlier statement's), and for earlier
 * shards only the latest, carried across shards. Types are shared between columns (one object per
 * spelling): a large set defines hundreds of thousands of columns with a dozen types.
 */
class DefinitionsIndex {
    past = new Map();
    current = new Map();
    /** One object per distinct type. */
    #shared = interner((t) => `${t.name}(${t.mods.join(',')})${t.isArray ? '[]' : ''}`);
    extend(ctx) {
        this.#carryCurrent();
        const current = new Map();
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const position = executedPosition(ctx, exec);
            for (const def of columnDefinitions(ctx, exec)) {
                const key = tableKey(def.table);
                let columns = current.get(key);
                if (!columns)
                    current.set(key, (columns = new Map()));
                const placed = { position, type: this.#shared(def.type), via: def.via };
                const list = columns.get(def.column);
                if (list)
                    list.push(placed);
                else
                    columns.set(def.column, [placed]);
            }
        }
        this.current = current;
    }
    /** Folds the finished shard's definitions into `past`. */
    #carryCurrent() {
        for (const [table, columns] of this.current) {
            let past = this.past.get(table);
            if (!past)
                this.past.set(table, (past = new Map()));
            for (const [column, defs] of columns) {
                const before = past.get(column);
                const alterType = defs.filter((d) => d.via === 'alter-type').pop()?.type ?? before?.alterType;
                past.set(column, { latest: defs[defs.length - 1].type, ...(alterType ? { alterType } : {}) });
            }
        }
    }
}
/** The DefinitionsIndex of the run, up to the end of the current shard. */
const definitionsIndexOf = defineShardIndex(() => new DefinitionsIndex());

;// CONCATENATED MODULE: ./src/checks/static/no-char-type.ts





/**
 * char(n) pads values with spaces to n characters, ignores trailing spaces in comparisons, and is
 * no faster than text or varchar in PostgreSQL. The one-byte internal type "char" is not reported.
 */
/* harmony default export */ const no_char_type = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-char-type',
    title: 'No char(n) columns',
    severity: 'warning',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const columns = columnDefinitions(ctx, exec).filter((d) => d.type.name === 'bpchar');
            if (columns.length === 0)
                continue;
            const list = columns.map((d) => `${displayName(d.table)}.${displayName(d.column)} (${describeType(d.type)})`).join(', ');
            ctx.report(exec, {
                message: `${list} pads every value with spaces to its full length and compares values ignoring trailing spaces, which surprises application code.`,
                mitigation: 'Use text, or varchar(n) if a length limit is wanted (or text with CHECK (length(col) <= n)); for fixed codes add CHECK (length(col) = n).',
                help: 'The PostgreSQL wiki lists char(n) under "Don\'t do this": it has no performance advantage and only adds padding semantics.',
                evidence: { columns: columns.map((d) => ({ table: d.table, column: d.column, type: describeType(d.type) })) },
                ...lockFields(ctx, exec.kind, exec.node),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-drop-cascade.ts






/**
 * DROP ... CASCADE also drops every object that depends on the named one: views, foreign keys,
 * columns of other tables using a type, functions... none of which the migration names.
 * Dropping objects the pending set created is not reported: whatever depends on them is new too.
 */
/* harmony default export */ const no_drop_cascade = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-drop-cascade',
    title: 'DROP does not cascade to unnamed objects',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['DropStmt', 'AlterTableStmt'])) {
            const dropped = cascadingDrops(ctx, exec);
            if (dropped.length === 0)
                continue;
            const what = exec.kind === 'DropStmt'
                ? `DROP ${objectKind(exec.node.removeType)} ${dropped.map(displayName).join(', ')}`
                : `ALTER TABLE ${displayName((0,postgres_locks/* relationName */.CJ)(exec.node.relation) ?? '')} DROP ${dropped.join(', ')}`;
            reportDestructive(ctx, exec, {
                message: `${what} CASCADE also drops every object that depends on ${dropped.length === 1 ? 'it' : 'them'}${viaSuffix(exec)}, without naming them; ${possibleDependents(exec)} can disappear.`,
                mitigation: 'Drop with the default RESTRICT to see what depends on the object, then drop or change each dependent explicitly in this migration; record a backup with -- preflight:backup <reference> if CASCADE must stay.',
                help: 'Find dependents with: SELECT * FROM pg_depend WHERE refobjid = \'<name>\'::regclass; or run the DROP without CASCADE on a copy of production and read the error.',
                evidence: { objects: dropped.map((d) => (exec.kind === 'DropStmt' ? d : `${(0,postgres_locks/* relationName */.CJ)(exec.node.relation)}: ${d}`)), ...(exec.via ? { via: exec.via } : {}) },
                ...lockFields(ctx, exec.kind, exec.node),
            }, { accept: ['directive', 'pitr'] });
        }
    },
}));
/** The objects a statement drops with CASCADE (for ALTER TABLE, "COLUMN x"/"CONSTRAINT y"), leaving out what the pending set created. */
function cascadingDrops(ctx, exec) {
    if (exec.kind === 'DropStmt') {
        if (exec.node.behavior !== 'DROP_CASCADE')
            return [];
        const names = dropObjectNames(exec.node.objects);
        if (exec.node.removeType === 'OBJECT_TABLE')
            return names.filter((t) => !isCreatedBefore(ctx, exec, t));
        if (exec.node.removeType === 'OBJECT_SCHEMA')
            return names.filter((s) => !isSchemaCreatedBefore(ctx, exec, s));
        return names;
    }
    const table = (0,postgres_locks/* relationName */.CJ)(exec.node.relation);
    if (!table || isCreatedBefore(ctx, exec, table))
        return [];
    return (exec.node.cmds ?? [])
        .map((c) => c.AlterTableCmd)
        .filter((cmd) => cmd?.behavior === 'DROP_CASCADE' && (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint'))
        .filter((cmd) => !(cmd.subtype === 'AT_DropColumn' && isCreatedBefore(ctx, exec, table, cmd.name)))
        .map((cmd) => `${cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT'} ${displayName(String(cmd.name))}`);
}
/** What can depend on the dropped objects: only foreign keys hang on an index or a constraint, more on tables, types and columns. */
function possibleDependents(exec) {
    if (exec.kind === 'DropStmt')
        return exec.node.removeType === 'OBJECT_INDEX' ? 'foreign keys that use it as their unique index' : 'views, foreign keys and columns elsewhere';
    const dropsColumn = (exec.node.cmds ?? []).some((c) => c.AlterTableCmd?.behavior === 'DROP_CASCADE' && c.AlterTableCmd.subtype === 'AT_DropColumn');
    return dropsColumn ? 'views, foreign keys and indexes using the column' : 'foreign keys that reference the constraint';
}
/** "OBJECT_MATVIEW" -> "MATERIALIZED VIEW". */
function objectKind(removeType) {
    const kind = String(removeType ?? '').replace(/^OBJECT_/, '');
    return kind === 'MATVIEW' ? 'MATERIALIZED VIEW' : kind.replace(/_/g, ' ');
}

;// CONCATENATED MODULE: ./src/checks/static/no-drop-column.ts






/**
 * ALTER TABLE ... DROP COLUMN deletes the column's values in every row; only a backup brings them back,
 * and application code still reading the column breaks at once.
 * A column (or table) the pending set created itself holds no older data and is not reported, nor
 * is a generated column on the target: its values are computed from the others (dropping and
 * adding it again is how its expression changes before PostgreSQL 17).
 */
/* harmony default export */ const no_drop_column = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-drop-column',
    title: 'Columns are not dropped without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
            const table = (0,postgres_locks/* relationName */.CJ)(exec.node.relation);
            if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE'))
                continue;
            const columns = (exec.node.cmds ?? [])
                .map((c) => c.AlterTableCmd)
                .filter((cmd) => cmd?.subtype === 'AT_DropColumn' && typeof cmd.name === 'string')
                .map((cmd) => cmd.name)
                .filter((column) => !isCreatedBefore(ctx, exec, table, column) && !ctx.live.generatedColumns?.has(`${tableKey(table)}.${column}`));
            if (columns.length === 0)
                continue;
            const list = columns.map(displayName).join(', ');
            const name = displayName(table);
            reportDestructive(ctx, exec, {
                message: `DROP COLUMN deletes ${name}.${list} in every row under an ACCESS EXCLUSIVE lock on ${name}${viaSuffix(exec)}; the values are gone unless there is a backup, and code still reading ${columns.length === 1 ? 'it' : 'them'} fails.`,
                mitigation: `First ship code that no longer reads or writes ${list}; copy the values if they may be needed (CREATE TABLE ${table.split('.').pop()}_${columns[0]}_backup AS SELECT id, ${displayName(columns[0])} FROM ${name}) or record the backup with -- preflight:backup <reference>; then drop the column in a later release.`,
                help: 'Dropping a column is instant but irreversible after commit. Stop using it in the application first (expand/contract), then drop it with a recorded backup.',
                evidence: { table, columns, ...(exec.via ? { via: exec.via } : {}) },
                ...lockFields(ctx, exec.kind, exec.node),
            }, 
            // One copy must hold every dropped column; with several columns only `*` does.
            { tables: [table], ...(columns.length === 1 ? { column: columns[0] } : {}) });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-drop-schema-or-database.ts





/**
 * DROP SCHEMA ... CASCADE and DROP DATABASE delete every table and row inside them at once.
 * Only a declared backup or point-in-time recovery counts as evidence: a table copy cannot restore a schema.
 */
/* harmony default export */ const no_drop_schema_or_database = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-drop-schema-or-database',
    title: 'Schemas and databases are not dropped without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['DropStmt', 'DropdbStmt'])) {
            if (exec.kind === 'DropdbStmt') {
                const db = displayName(String(exec.node.dbname));
                reportDestructive(ctx, exec, {
                    message: `DROP DATABASE deletes database ${db} with every schema, table and row in it${viaSuffix(exec)}; it cannot be undone.`,
                    mitigation: `Do not drop databases from a migration. If ${db} must go, take a dump (pg_dump -Fc ${db}) and drop it by hand, recording the dump with -- preflight:backup <reference>.`,
                    help: 'DROP DATABASE cannot run inside a transaction block and removes the files at once.',
                    evidence: { database: exec.node.dbname, ...(exec.via ? { via: exec.via } : {}) },
                }, { accept: ['directive', 'pitr'] });
                continue;
            }
            if (exec.node.removeType !== 'OBJECT_SCHEMA')
                continue;
            const schemas = dropObjectNames(exec.node.objects).filter((s) => !isSchemaCreatedBefore(ctx, exec, s));
            if (schemas.length === 0)
                continue;
            const names = schemas.map(displayName).join(', ');
            const isCascade = exec.node.behavior === 'DROP_CASCADE';
            reportDestructive(ctx, exec, {
                message: isCascade
                    ? `DROP SCHEMA ${names} CASCADE deletes every table, view and function in ${schemas.length === 1 ? 'it' : 'them'}, with all rows${viaSuffix(exec)}.`
                    : `DROP SCHEMA ${names} removes the schema${viaSuffix(exec)}; it fails while anything is left in it, and once empty its grants and defaults are gone.`,
                mitigation: `Drop or move the schema's objects one by one in reviewed migrations, keeping their data (ALTER TABLE ... SET SCHEMA), or dump it first (pg_dump -n ${schemas[0]}) and record the dump with -- preflight:backup <reference>.`,
                help: 'A schema holds whole applications worth of data; drop it only after its tables were reviewed individually.',
                evidence: { schemas, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
            }, { accept: ['directive', 'pitr'] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-drop-table.ts






/**
 * DROP TABLE deletes the table and every row in it; only a backup brings them back.
 * A table the pending set created itself holds no older data, so dropping it is not reported.
 */
/* harmony default export */ const no_drop_table = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-drop-table',
    title: 'Tables are not dropped without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'DropStmt')) {
            if (exec.node.removeType !== 'OBJECT_TABLE')
                continue;
            const tables = (0,postgres_locks/* objectNames */.Wd)(exec.node.objects).filter((t) => !isCreatedBefore(ctx, exec, t));
            if (tables.length === 0)
                continue;
            const names = tables.map(displayName).join(', ');
            const isCascade = exec.node.behavior === 'DROP_CASCADE';
            const cascade = isCascade ? ' CASCADE also drops every view, foreign key and other object that depends on it.' : '';
            reportDestructive(ctx, exec, {
                message: `DROP TABLE deletes ${names} and all ${tables.length === 1 ? 'its' : 'their'} rows under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}; the data is gone unless there is a backup.${cascade}`,
                mitigation: `Rename the table instead (ALTER TABLE ${displayName(tables[0])} RENAME TO ${tables[0].split('.').pop()}_deprecated) and drop it in a later release once nothing reads it; or copy it first (CREATE TABLE ... AS SELECT * FROM ${displayName(tables[0])}) or record the backup with -- preflight:backup <reference>.`,
                help: 'Dropping a table cannot be rolled back after commit. Keep the data until the application has shipped without it, then drop it with a recorded backup.',
                evidence: { tables, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
                ...lockFields(ctx, exec.kind, exec.node),
            }, { tables });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-narrowing-type-change.ts








// Functions that cut values by definition, so a USING clause calling them loses data whatever the old type.
const LOSSY_FUNCTIONS = new Set(['left', 'right', 'substr', 'substring', 'trunc', 'round', 'date_trunc']);
/**
 * ALTER COLUMN ... TYPE to a narrower type (varchar(100) -> varchar(50), bigint -> integer,
 * numeric(12,4) -> numeric(12,2), timestamptz -> date) fails on values that do not fit, or
 * silently rounds or cuts them, after rewriting the table under ACCESS EXCLUSIVE.
 * Reported only when narrowing is certain: the old type is known from an earlier statement of the
 * pending set or from the target (live facts), or the USING clause cuts values itself.
 */
/* harmony default export */ const no_narrowing_type_change = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-narrowing-type-change',
    title: 'Column types are not narrowed',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
            const table = (0,postgres_locks/* relationName */.CJ)(exec.node.relation);
            if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE'))
                continue;
            for (const c of exec.node.cmds ?? []) {
                const cmd = c.AlterTableCmd;
                if (cmd?.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string')
                    continue;
                if (isCreatedBefore(ctx, exec, table, cmd.name))
                    continue;
                checkTypeChange(ctx, exec, table, cmd.name, cmd.def?.ColumnDef);
            }
        }
    },
}));
/** Reports one ALTER COLUMN TYPE when it certainly narrows the column. */
function checkTypeChange(ctx, exec, table, column, def) {
    const to = columnType(def?.typeName);
    if (!to)
        return;
    const previous = previousType(ctx, exec, table, column);
    const reason = (previous && narrowingReason(previous.type, to)) ?? lossyUsing(def?.raw_default);
    if (!reason)
        return;
    const name = `${displayName(table)}.${displayName(column)}`;
    const from = previous ? ` from ${describeType(previous.type)}` : '';
    reportDestructive(ctx, exec, {
        message: `Changing ${name}${from} to ${describeType(to)} narrows it: ${reason}, after rewriting ${displayName(table)} under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}.`,
        mitigation: `Check the data first (for example SELECT count(*) FROM ${displayName(table)} WHERE length(${displayName(column)}) > <new length>); to change the type safely, add a new column of the new type, backfill it in batches, switch the application, then drop the old column in a later release.`,
        help: 'A narrowing type change cannot be undone without the lost digits or characters; widening later does not bring them back.',
        evidence: { table, column, ...(previous ? { from: describeType(previous.type), fromSource: previous.source } : {}), to: describeType(to), reason, ...(exec.via ? { via: exec.via } : {}) },
        ...lockFields(ctx, exec.kind, exec.node),
    }, { tables: [table], column });
}
/** The column's type before this statement: from an earlier ALTER COLUMN TYPE in the pending set, else from the target. */
function previousType(ctx, exec, table, column) {
    const found = definedTypeBefore(ctx, exec, table, column, true);
    if (found)
        return { type: found, source: 'an earlier statement of the pending set' };
    const live = liveColumnType(ctx, table, column);
    return live ? { type: live, source: 'the target' } : undefined;
}
/** Why the USING expression itself cuts every value it changes, or undefined. */
function lossyUsing(using) {
    const call = using?.FuncCall;
    const parts = (call?.funcname ?? []).map((p) => p?.String?.sval);
    const name = parts[parts.length - 1];
    if (typeof name === 'string' && LOSSY_FUNCTIONS.has(name) && (parts.length === 1 || parts[0] === 'pg_catalog'))
        return `USING ${name}(...) cuts the values`;
    const cast = using?.TypeCast;
    if (cast && columnType(cast.typeName)?.name === 'date')
        return 'USING ...::date drops the time of day';
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/static/no-rename.ts





const RELATION_KINDS = {
    OBJECT_TABLE: 'table',
    OBJECT_VIEW: 'view',
    OBJECT_MATVIEW: 'materialized view',
    OBJECT_FOREIGN_TABLE: 'foreign table',
};
/**
 * Renaming a table, view or column breaks every running instance of the application that still
 * uses the old name the moment the migration commits: deploys are not atomic with migrations.
 * Expand and contract instead (https://www.postgresql.org/docs/current/sql-altertable.html).
 */
/* harmony default export */ const no_rename = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-rename',
    title: 'Do not rename tables or columns in use',
    category: 'schema',
    severity: 'warning',
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        // Statements inside DO blocks and called functions rename too.
        for (const ref of executedStatements(ctx, ['RenameStmt', 'AlterObjectSchemaStmt'])) {
            const n = ref.node;
            const relation = relationOf(n.relation);
            if (!relation)
                continue;
            let what;
            let mitigation;
            if (ref.kind === 'AlterObjectSchemaStmt') {
                const kind = RELATION_KINDS[String(n.objectType)];
                if (!kind || isCreatedBefore(ctx, ref, relation.name))
                    continue;
                what = `Moving ${kind} ${relation.display} to schema ${quoteIdent(String(n.newschema))}`;
                mitigation = `Deploy code that uses the new schema-qualified name first, or leave a view under the old name: CREATE VIEW ${relation.display} AS SELECT * FROM ${quoteIdent(String(n.newschema))}.${quoteIdent(String(n.relation.relname))};`;
            }
            else if (n.renameType === 'OBJECT_COLUMN') {
                if (isCreatedBefore(ctx, ref, relation.name, String(n.subname)))
                    continue;
                what = `Renaming column ${relation.display}.${quoteIdent(String(n.subname))} to ${quoteIdent(String(n.newname))}`;
                mitigation =
                    `Expand and contract: add ${quoteIdent(String(n.newname))} as a new column, write both columns from the application, backfill, ` +
                        `switch reads to the new column, then drop ${quoteIdent(String(n.subname))} in a later release.`;
            }
            else {
                const kind = RELATION_KINDS[String(n.renameType)];
                if (!kind || isCreatedBefore(ctx, ref, relation.name))
                    continue;
                const schema = quoteIdent(String(n.relation.schemaname ?? 'public'));
                what = `Renaming ${kind} ${relation.display} to ${quoteIdent(String(n.newname))}`;
                mitigation =
                    `Deploy code that reads both names first, or keep the old name working: rename, then CREATE VIEW ${relation.display} AS SELECT * FROM ${schema}.${quoteIdent(String(n.newname))}; ` +
                        '(a simple view is updatable), and drop the view once no code uses it.';
            }
            ctx.report(ref, {
                message: `${what} breaks application code that still uses the old name: its queries fail as soon as the migration commits (it also takes an ${lock} lock on ${relation.display})${viaSuffix(ref)}.`,
                mitigation,
                help: 'Application instances are replaced one by one, so old and new code run against the same schema for a while; only additive changes are safe for both.',
                tables: [relation.key],
                lock,
                evidence: lockEvidence(ctx, lock, [relation.key]),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-transaction-control-in-wrapped-file.ts


// What each transaction-control statement does inside the tool's own transaction.
const EFFECTS = {
    TRANS_STMT_BEGIN: 'PostgreSQL only warns ("there is already a transaction in progress"), and the COMMIT meant for it ends the tool\'s transaction early',
    TRANS_STMT_START: 'PostgreSQL only warns ("there is already a transaction in progress"), and the COMMIT meant for it ends the tool\'s transaction early',
    TRANS_STMT_COMMIT: 'it commits the tool\'s transaction early: what follows runs outside it, so a later failure leaves the migration half-applied and the tool\'s own COMMIT or ROLLBACK finds no transaction',
    TRANS_STMT_ROLLBACK: 'it rolls back everything before it, and the tool may then record the migration as applied although its changes are gone',
    TRANS_STMT_PREPARE: 'it detaches the tool\'s transaction as a prepared transaction that keeps its locks until someone commits it',
    TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED cannot run inside a transaction block: the migration fails',
    TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED cannot run inside a transaction block: the migration fails',
};
/**
 * A migration tool that wraps each file in BEGIN ... COMMIT owns the transaction: BEGIN, COMMIT or
 * ROLLBACK written in the file fight it (https://www.postgresql.org/docs/current/sql-commit.html).
 * Scripts run as one multi-statement query (golang-migrate, Prisma, Supabase) get PostgreSQL's
 * implicit transaction instead, where an explicit BEGIN ... COMMIT is legal, and stay quiet.
 */
/* harmony default export */ const no_transaction_control_in_wrapped_file = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-transaction-control-in-wrapped-file',
    title: 'No BEGIN/COMMIT in files the tool already wraps',
    category: 'static-analysis',
    severity: 'error',
    run(ctx) {
        for (const file of ctx.files) {
            if (!isExplicitlyWrapped(ctx, file))
                continue;
            for (const stmt of file.parsed.statements) {
                const control = transactionControl(stmt);
                const effect = control ? EFFECTS[control] : undefined;
                if (!effect)
                    continue;
                const word = stmt.text.trim().split(/\s+/)[0].toUpperCase();
                ctx.report({ file, stmt }, {
                    message: `${word} inside a file that runs in a transaction already (${file.migration.transactionReason}): ${effect}.`,
                    mitigation: 'Remove BEGIN/COMMIT/ROLLBACK from the file and let the tool manage the transaction; for statements that must run outside one, use a separate migration the tool does not wrap.',
                    help: 'SAVEPOINT / ROLLBACK TO SAVEPOINT are fine inside the tool\'s transaction.',
                    evidence: { statement: word, transaction: file.migration.transactionReason, layout: ctx.layout ?? 'unknown' },
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-truncate.ts






/**
 * TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock; with CASCADE it also empties
 * every table that references them by foreign key. A table the pending set created is empty anyway.
 */
/* harmony default export */ const no_truncate = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-truncate',
    title: 'Tables are not truncated without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'TruncateStmt')) {
            const tables = (exec.node.relations ?? [])
                .map((r) => (0,postgres_locks/* relationName */.CJ)(r.RangeVar))
                .filter((t) => t !== undefined && !isCreatedBefore(ctx, exec, t));
            if (tables.length === 0)
                continue;
            const names = tables.map(displayName).join(', ');
            const isCascade = exec.node.behavior === 'DROP_CASCADE';
            reportDestructive(ctx, exec, {
                message: `TRUNCATE deletes every row of ${names} under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}.${isCascade ? ' CASCADE also empties every table that references them by foreign key, which the statement does not name.' : ''}`,
                mitigation: `Copy the rows first (CREATE TABLE ${tables[0].split('.').pop()}_backup AS SELECT * FROM ${displayName(tables[0])}) or record the backup with -- preflight:backup <reference>; to remove only some rows, DELETE them in batches with a WHERE clause.`,
                help: 'TRUNCATE is transactional but not recoverable after commit, and it fires no DELETE triggers.',
                evidence: { tables, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
                ...lockFields(ctx, exec.kind, exec.node),
            }, 
            // CASCADE empties tables the statement does not name, which no copy of the named ones covers.
            isCascade ? { accept: ['directive', 'pitr'] } : { tables });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-unqualified-delete-update.ts






/**
 * DELETE or UPDATE without WHERE changes every row of the table, usually by mistake, and holds row
 * locks on all of them until commit. An UPDATE that only fills columns the pending set added
 * (a backfill) overwrites no existing data and is left to the blocking rules.
 */
/* harmony default export */ const no_unqualified_delete_update = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-unqualified-delete-update',
    title: 'DELETE and UPDATE say which rows',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['DeleteStmt', 'UpdateStmt'])) {
            if (exec.node.whereClause)
                continue;
            const table = (0,postgres_locks/* relationName */.CJ)(exec.node.relation);
            if (!table || isCreatedBefore(ctx, exec, table))
                continue;
            const name = displayName(table);
            if (exec.kind === 'UpdateStmt') {
                const columns = (exec.node.targetList ?? []).map((t) => t?.ResTarget?.name).filter((c) => typeof c === 'string');
                if (columns.length > 0 && columns.every((c) => isCreatedBefore(ctx, exec, table, c)))
                    continue;
                reportDestructive(ctx, exec, {
                    message: `UPDATE without WHERE overwrites ${columns.map(displayName).join(', ')} in every row of ${name}${viaSuffix(exec)}; the old values are gone and every row stays locked until commit.`,
                    mitigation: `Add a WHERE clause naming the rows to change (or WHERE true if every row is meant), and update large tables in batches by key range; copy the old values first (CREATE TABLE ... AS SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                    help: 'An UPDATE without WHERE is a common accident. Writing the condition, even WHERE true, shows the change was intended.',
                    evidence: { table, columns, ...(exec.via ? { via: exec.via } : {}) },
                    ...lockFields(ctx, exec.kind, exec.node),
                }, { tables: [table] });
                continue;
            }
            reportDestructive(ctx, exec, {
                message: `DELETE without WHERE deletes every row of ${name}${viaSuffix(exec)}, holding a lock on each until commit.`,
                mitigation: `Add a WHERE clause naming the rows to delete (or WHERE true if every row is meant), and delete in batches on large tables; copy the rows first (CREATE TABLE ... AS SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                help: 'A DELETE without WHERE is a common accident. Writing the condition, even WHERE true, shows the change was intended.',
                evidence: { table, ...(exec.via ? { via: exec.via } : {}) },
                ...lockFields(ctx, exec.kind, exec.node),
            }, { tables: [table] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/no-vacuum-full-or-cluster.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */






/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const no_vacuum_full_or_cluster_SEVERITY = 'error';
/**
 * VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock
 * (https://www.postgresql.org/docs/current/sql-vacuum.html, .../sql-cluster.html): reads and writes
 * stop for the whole copy. pg_repack or pg_squeeze do the same online.
 */
/* harmony default export */ const no_vacuum_full_or_cluster = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'no-vacuum-full-or-cluster',
    title: 'Do not run VACUUM FULL or CLUSTER in a migration',
    category: 'locks',
    severity: no_vacuum_full_or_cluster_SEVERITY,
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        for (const ref of ctx.statements(['VacuumStmt', 'ClusterStmt'])) {
            const n = ref.stmt.node;
            const isCluster = ref.stmt.kind === 'ClusterStmt';
            if (!isCluster && !(n.is_vacuumcmd && (n.options ?? []).some((o) => o.DefElem?.defname === 'full' && (0,postgres_locks/* isTrueOption */.I3)(o.DefElem))))
                continue;
            const named = isCluster
                ? [relationOf(n.relation)].filter((r) => r !== undefined)
                : (n.rels ?? []).flatMap((r) => {
                    const rel = relationOf(r.VacuumRelation?.relation);
                    return rel ? [rel] : [];
                });
            const existing = named.filter((r) => !isCreatedBefore(ctx, ref, r.key));
            // Named tables that are all new block nobody; no table at all means every table.
            if (named.length > 0 && existing.length === 0)
                continue;
            const command = isCluster ? 'CLUSTER' : 'VACUUM FULL';
            // Graded by the largest named table; with none named (every table) the size is unknown and the rule's severity stays.
            const grade = gradeLargest(ctx, existing.map((r) => r.key), no_vacuum_full_or_cluster_SEVERITY);
            const target = existing.length > 0 ? withSize(existing.map((r) => r.display).join(', '), grade) : isCluster ? 'every previously clustered table' : 'every table in the database';
            ctx.report(ref, {
                message: `${command} rewrites ${target} under an ${lock} lock: ${lockEffect(lock)} until the rewrite finishes.`,
                severity: grade.severity,
                mitigation: 'Remove it from the migration. To reclaim space or reorder rows online use pg_repack (or pg_squeeze); plain VACUUM (no FULL) needs no exclusive lock.',
                help: `${command} needs free disk space for a full copy of each table and its indexes, and holds the lock for the whole copy.`,
                tables: existing.map((r) => r.key),
                lock,
                evidence: lockEvidence(ctx, lock, existing.map((r) => r.key), { command, ...grade.evidence }),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/support/commands.ts
const BY_KIND = {
    IndexStmt: 'CREATE INDEX',
    CreateStmt: 'CREATE TABLE',
    CreateTableAsStmt: 'CREATE TABLE AS',
    TruncateStmt: 'TRUNCATE',
    LockStmt: 'LOCK TABLE',
    ReindexStmt: 'REINDEX',
    ClusterStmt: 'CLUSTER',
    RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
    CreateTrigStmt: 'CREATE TRIGGER',
    RuleStmt: 'CREATE RULE',
    CreatePolicyStmt: 'CREATE POLICY',
    AlterPolicyStmt: 'ALTER POLICY',
    VacuumStmt: 'VACUUM',
    InsertStmt: 'INSERT',
    UpdateStmt: 'UPDATE',
    DeleteStmt: 'DELETE',
    MergeStmt: 'MERGE',
};
/** The command as people name it, e.g. "ALTER TABLE" or "DROP INDEX". */
function commandName(stmt) {
    if (stmt.kind === 'VacuumStmt' && !stmt.node.is_vacuumcmd)
        return 'ANALYZE';
    const known = BY_KIND[stmt.kind];
    if (known)
        return known;
    // ALTER TABLE / ALTER INDEX / DROP TABLE / DROP INDEX...: the first two words say it.
    // The first words are at the start: a long CREATE TABLE's whole text need not be read.
    const words = stmt.text.slice(0, 80).replace(/\s+/g, ' ').trim().split(' ');
    return words.slice(0, 2).join(' ').toUpperCase();
}

;// CONCATENATED MODULE: ./src/checks/static/one-access-exclusive-per-transaction.ts






/**
 * Locks are held until the transaction ends. A transaction that takes ACCESS EXCLUSIVE on one
 * existing table and then waits for another keeps the first one blocked for the whole wait, and
 * two such migrations (or a migration and the application) taking them in another order deadlock
 * (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS).
 */
/* harmony default export */ const one_access_exclusive_per_transaction = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'one-access-exclusive-per-transaction',
    title: 'Lock at most one existing table ACCESS EXCLUSIVE per transaction',
    category: 'locks',
    severity: 'warning',
    run(ctx) {
        // Per transaction: the tables locked so far (first statement for each), whether reported, and
        // the names tables were renamed to in it (a renamed table is still the one already locked).
        const seen = new Map();
        // What DO blocks and called functions run takes locks too, held until the transaction ends.
        for (const ref of executedStatements(ctx)) {
            const tx = transactionOrBlock(ctx, ref);
            if (!tx)
                continue;
            const state = seen.get(tx.id) ?? { tables: new Map(), isReported: false, renamed: new Map() };
            seen.set(tx.id, state);
            for (const lock of existingLocks(ctx, ref)) {
                const key = state.renamed.get(lock.key) ?? lock.key;
                // A DROP INDEX whose table is unknown may hit a table already counted: skip it.
                if (lock.lock !== 'ACCESS EXCLUSIVE' || !lock.isKnown || state.tables.has(key))
                    continue;
                state.tables.set(key, { lock, ref });
                if (state.tables.size < 2 || state.isReported)
                    continue;
                state.isReported = true;
                const [first, second] = [...state.tables.values()];
                const where = (r) => {
                    const line = r.span?.line ?? r.stmt.line;
                    return r.file === ref.file ? `line ${line}` : `${r.file.migration.path}:${line}`;
                };
                ctx.report(ref, {
                    message: `This transaction already holds an ACCESS EXCLUSIVE lock on ${first.lock.display} (${where(first.ref)}) and now takes one on ${second.lock.display}: ` +
                        `reads and writes of ${first.lock.display} stay blocked while it waits, and the same locks taken in another order elsewhere deadlock.`,
                    mitigation: `Change one table per transaction: split the statements into separate migrations (or separate BEGIN ... COMMIT blocks), with SET lock_timeout in each.`,
                    help: `Why this is one transaction: ${tx.reason}.`,
                    tables: [...state.tables.keys()],
                    lock: 'ACCESS EXCLUSIVE',
                    evidence: lockEvidence(ctx, 'ACCESS EXCLUSIVE', [...state.tables.keys()], { transaction: tx.reason }),
                });
            }
            const rename = tableRename(ref);
            if (rename)
                state.renamed.set(rename.to, state.renamed.get(rename.from) ?? rename.from);
        }
    },
}));
/**
 * The transaction the statement runs in; for one inside a DO block or function outside any
 * transaction, that top-level statement's own (it runs as one statement); undefined for none.
 */
function transactionOrBlock(ctx, ref) {
    const tx = transactionOf(ctx, ref);
    if (tx.kind !== 'none')
        return tx;
    if (!isInProcedure(ref))
        return undefined;
    return { id: `statement ${ref.file.migration.path}:${ref.stmt.index}`, reason: `the ${commandName(ref.stmt)} at line ${ref.stmt.line} runs as one statement, in one transaction` };
}
/** The old and new key of a table that `ALTER TABLE ... RENAME TO` renames, or undefined. */
function tableRename(ref) {
    const n = ref.node;
    if (ref.kind !== 'RenameStmt' || n.renameType !== 'OBJECT_TABLE' || typeof n.newname !== 'string')
        return undefined;
    const from = relationOf(n.relation);
    return from ? { from: from.key, to: `${from.key.slice(0, from.key.lastIndexOf('.'))}.${n.newname}` } : undefined;
}

;// CONCATENATED MODULE: ./src/checks/static/prefer-bigint-primary-key.ts






/** Largest value of each small key type, for the message. */
const MAX_VALUE = { int2: '32,767', smallserial: '32,767', int4: '2,147,483,647', serial: '2,147,483,647' };
/**
 * An integer (or smallint, serial) primary key runs out: at 2,147,483,647 inserts fail, and
 * widening the key then rewrites the table and every referencing column under ACCESS EXCLUSIVE.
 * Only single-column keys are reported; a composite key usually repeats other tables' keys.
 */
/* harmony default export */ const prefer_bigint_primary_key = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'prefer-bigint-primary-key',
    title: 'Primary keys are bigint',
    severity: 'warning',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const keys = smallKeys(ctx, exec);
            if (keys.length === 0)
                continue;
            const list = keys.map((k) => `${displayName(k.table)}.${displayName(k.column)} (${describeType(k.type)}${k.isIdentity ? ' identity' : ''})`).join(', ');
            const first = keys[0];
            ctx.report(exec, {
                message: `Primary key ${list} runs out after ${MAX_VALUE[first.type.name]} values; widening it later rewrites the table and every foreign key column under an ACCESS EXCLUSIVE lock.`,
                mitigation: `Declare the key as bigint (bigint GENERATED ALWAYS AS IDENTITY, or bigserial) now, while the table is small; referencing columns should be bigint too.`,
                help: 'bigint costs 4 more bytes per row and is the default for surrogate keys; switch the rule off in config if a small lookup table really needs integer keys.',
                evidence: { keys: keys.map((k) => ({ table: k.table, column: k.column, type: describeType(k.type) })) },
                ...lockFields(ctx, exec.kind, exec.node),
            });
        }
    },
}));
/** The small-integer single-column primary keys a statement declares. */
function smallKeys(ctx, exec) {
    const defs = columnDefinitions(ctx, exec).filter((d) => d.via !== 'alter-type');
    const keyed = [];
    for (const d of defs) {
        if (d.constraints.some((c) => c.contype === 'CONSTR_PRIMARY'))
            keyed.push({ table: d.table, column: d.column });
    }
    const table = (0,postgres_locks/* relationName */.CJ)(exec.node.relation);
    const tableConstraints = exec.kind === 'CreateStmt'
        ? (exec.node.tableElts ?? []).map((e) => e.Constraint)
        : (exec.node.cmds ?? []).map((c) => (c.AlterTableCmd?.subtype === 'AT_AddConstraint' ? c.AlterTableCmd.def?.Constraint : undefined));
    for (const c of tableConstraints) {
        if (c?.contype !== 'CONSTR_PRIMARY' || c.indexname || (c.keys ?? []).length !== 1 || !table)
            continue;
        keyed.push({ table, column: String(c.keys[0]?.String?.sval) });
    }
    const out = [];
    for (const key of keyed) {
        const def = defs.find((d) => d.column === key.column);
        const type = def?.type ?? knownColumnType(ctx, exec, key.table, key.column);
        if (!type || !isSmallInteger(type))
            continue;
        out.push({ ...key, type, isIdentity: Boolean(def?.constraints.some((c) => c.contype === 'CONSTR_IDENTITY')) });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/static/prefer-timestamptz.ts





/**
 * timestamp (without time zone) stores a wall-clock reading with no zone: the same value means
 * different instants depending on the writer's TimeZone setting, and comparisons across zones
 * or daylight-saving changes go wrong. timestamptz stores the instant.
 */
/* harmony default export */ const prefer_timestamptz = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'prefer-timestamptz',
    title: 'Timestamps carry a time zone',
    severity: 'warning',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const columns = columnDefinitions(ctx, exec).filter((d) => isTimestampWithoutZone(d.type));
            if (columns.length === 0)
                continue;
            const list = columns.map((d) => `${displayName(d.table)}.${displayName(d.column)}`).join(', ');
            ctx.report(exec, {
                message: `${list} ${columns.length === 1 ? 'is' : 'are'} ${describeType(columns[0].type)} without time zone: the stored values do not say which instant they mean, so readers in other time zones or across daylight-saving changes get wrong times.`,
                mitigation: `Use timestamptz (timestamp with time zone) instead; it takes the same 8 bytes. For an existing column, ALTER COLUMN ... TYPE timestamptz USING <col> AT TIME ZONE '<the zone the values were written in>' rewrites the table, so plan it.`,
                help: 'timestamptz converts on input and output using the session TimeZone and stores UTC; timestamp without time zone is only right for wall-clock values such as opening hours.',
                evidence: { columns: columns.map((d) => ({ table: d.table, column: d.column, type: describeType(d.type) })) },
                ...lockFields(ctx, exec.kind, exec.node),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/require-add-column-if-not-exists.ts




/**
 * ALTER TABLE ... ADD COLUMN without IF NOT EXISTS fails with "column already exists" when a
 * migration that failed half-way outside a transaction is run again.
 */
/* harmony default export */ const require_add_column_if_not_exists = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-add-column-if-not-exists',
    title: 'ADD COLUMN can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements('AlterTableStmt')) {
            if (isRerunSafe(ctx, ref))
                continue;
            const table = (0,postgres_locks/* relationName */.CJ)(ref.stmt.node.relation);
            if (!table)
                continue;
            const columns = (ref.stmt.node.cmds ?? [])
                .map((c) => c.AlterTableCmd)
                .filter((cmd) => cmd?.subtype === 'AT_AddColumn' && !cmd.missing_ok)
                .map((cmd) => String(cmd.def?.ColumnDef?.colname ?? ''));
            if (columns.length === 0)
                continue;
            const list = columns.map(displayName).join(', ');
            if (ref.stmt.node.objtype === 'OBJECT_TYPE') {
                // ALTER TYPE ... ADD ATTRIBUTE has no IF NOT EXISTS: the advice differs.
                ctx.report(ref, {
                    message: `ADD ATTRIBUTE ${list} on type ${displayName(table)} fails with "already exists" if the migration is re-run after failing half-way.`,
                    mitigation: `ALTER TYPE has no ADD ATTRIBUTE IF NOT EXISTS: run the file in a transaction, or add the attribute in a DO block that first looks it up in pg_attribute.`,
                    evidence: { type: table, attributes: columns },
                });
                continue;
            }
            ctx.report(ref, {
                message: `ADD COLUMN ${list} on ${displayName(table)} fails with "already exists" if the migration is re-run after failing half-way.`,
                mitigation: `Write ALTER TABLE ${displayName(table)} ADD COLUMN IF NOT EXISTS ${displayName(columns[0])} ..., or run the file in a transaction.`,
                help: 'IF NOT EXISTS skips a column that is already there, whatever its type: check the type by hand if an earlier run may have added a different one.',
                evidence: { table, columns },
                ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-drop-index.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */






/**
 * DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: it first
 * waits behind every running query on the table, and everything queues behind it
 * (https://www.postgresql.org/docs/current/sql-dropindex.html).
 */
/* harmony default export */ const require_concurrent_drop_index = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-concurrent-drop-index',
    title: 'Drop indexes without blocking the table',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        // Statements inside DO blocks and called functions drop indexes too.
        for (const ref of executedStatements(ctx, 'DropStmt')) {
            const n = ref.node;
            if (n.removeType !== 'OBJECT_INDEX' || n.concurrent)
                continue;
            const indexes = (n.objects ?? []).flatMap((o) => {
                const index = qualifiedNameOf(o?.List?.items);
                return index ? [index] : [];
            });
            // An index on a table created earlier in the pending set blocks nobody.
            const blocking = indexes.filter((index) => {
                const table = indexTableBefore(ctx, ref, index.key);
                return !table || !isCreatedBefore(ctx, ref, table);
            });
            if (blocking.length === 0)
                continue;
            const lock = 'ACCESS EXCLUSIVE';
            const tables = blocking.flatMap((index) => {
                const table = indexTableBefore(ctx, ref, index.key);
                return table ? [table] : [];
            });
            const where = tables.length > 0 ? tables.map(displayKey).join(', ') : `the table of ${blocking.map((i) => i.display).join(', ')}`;
            const ifExists = n.missing_ok ? 'IF EXISTS ' : '';
            const inProcedure = isInProcedure(ref);
            const safe = blocking.map((index) => `DROP INDEX CONCURRENTLY ${inProcedure ? 'IF EXISTS ' : ifExists}${index.display};`).join(' ');
            ctx.report(ref, {
                message: `DROP INDEX takes an ${lock} lock on ${where}${viaSuffix(ref)}: ${lockEffect(lock)} while it waits for running queries and while it drops.`,
                mitigation: inProcedure
                    ? `Move it out of the procedural code, to the top level of the migration: ${safe} CONCURRENTLY cannot run inside a DO block or function, and IF EXISTS keeps the re-run safety the block gave.`
                    : `Use ${safe} (one index per statement, without CASCADE).` +
                        (isInTransaction(ctx, ref) ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
                help: 'DROP INDEX CONCURRENTLY waits for queries using the index to finish without blocking reads or writes of the table.',
                tables,
                lock,
                evidence: lockEvidence(ctx, lock, tables, { indexes: blocking.map((i) => i.key) }),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-index.ts







/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const require_concurrent_index_SEVERITY = 'error';
/**
 * CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build, so every
 * INSERT, UPDATE and DELETE waits (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
 * A table created earlier in the pending set is new and empty: nobody is blocked.
 */
/* harmony default export */ const require_concurrent_index = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-concurrent-index',
    title: 'Create indexes without blocking writes',
    category: 'locks',
    severity: require_concurrent_index_SEVERITY,
    run(ctx) {
        // Statements inside DO blocks and called functions build indexes too.
        for (const ref of executedStatements(ctx, 'IndexStmt')) {
            const n = ref.node;
            const table = relationOf(n.relation);
            // ON ONLY a partitioned parent builds nothing: it creates an invalid index to attach partitions to.
            if (!table || n.concurrent || !n.relation?.inh || isCreatedBefore(ctx, ref, table.name))
                continue;
            const lock = 'SHARE';
            const wrapped = isInTransaction(ctx, ref);
            const grade = gradeBySize(ctx, table.key, require_concurrent_index_SEVERITY);
            ctx.report(ref, {
                message: `CREATE INDEX takes a ${lock} lock on ${withSize(table.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the build finishes.`,
                severity: grade.severity,
                mitigation: isInProcedure(ref)
                    ? `Move it out of the procedural code, to the top level of the migration: ${concurrentText(ref.text, true)}; CONCURRENTLY cannot run inside a DO block or function, and IF NOT EXISTS keeps the re-run safety the block gave.`
                    : `Build it without blocking writes: ${concurrentText(ref.text)};` +
                        (wrapped ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
                help: 'CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock instead: reads and writes continue while it builds. If it fails it leaves an INVALID index: drop it and retry.',
                tables: [table.key],
                lock,
                evidence: lockEvidence(ctx, lock, [table.key], grade.evidence),
            });
        }
    },
}));
/** The statement with CONCURRENTLY (and IF NOT EXISTS, when asked and missing) added after CREATE [UNIQUE] INDEX. */
function concurrentText(text, ifNotExists = false) {
    const match = /^(create\s+(?:unique\s+)?index)\b/i.exec(text);
    if (!match)
        return ifNotExists ? 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ...' : 'CREATE INDEX CONCURRENTLY ...';
    const rest = text.slice(match[1].length);
    return `${match[1]} CONCURRENTLY${ifNotExists && !/^\s+if\s+not\s+exists\b/i.test(rest) ? ' IF NOT EXISTS' : ''}${rest}`;
}

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-refresh.ts






/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const require_concurrent_refresh_SEVERITY = 'error';
/**
 * REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the view while it
 * recomputes it: every read of the view waits. CONCURRENTLY takes EXCLUSIVE, which lets reads go
 * on (https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html).
 */
/* harmony default export */ const require_concurrent_refresh = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-concurrent-refresh',
    title: 'Refresh materialized views without blocking reads',
    category: 'locks',
    severity: require_concurrent_refresh_SEVERITY,
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        // Statements inside DO blocks and called functions refresh views too.
        for (const ref of executedStatements(ctx, 'RefreshMatViewStmt')) {
            const n = ref.node;
            const view = relationOf(n.relation);
            if (!view || n.concurrent || isCreatedBefore(ctx, ref, view.key))
                continue;
            // The view's own size: the refresh rewrites it, and every read of it waits meanwhile.
            const grade = gradeBySize(ctx, view.key, require_concurrent_refresh_SEVERITY);
            ctx.report(ref, {
                message: `REFRESH MATERIALIZED VIEW takes an ${lock} lock on ${withSize(view.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the refresh finishes.`,
                severity: grade.severity,
                mitigation: n.skipData
                    ? `WITH NO DATA empties ${view.display} under ${lock} and cannot be concurrent: leave it out of the migration, or do it when nothing reads the view.`
                    : `Use REFRESH MATERIALIZED VIEW CONCURRENTLY ${view.display}; it needs a UNIQUE index on the view (CREATE UNIQUE INDEX CONCURRENTLY ... ON ${view.display} (...)) and a populated view.`,
                help: 'CONCURRENTLY computes the new contents aside and applies the differences, under an EXCLUSIVE lock that still allows SELECT.',
                tables: [view.key],
                lock,
                evidence: lockEvidence(ctx, lock, [view.key], grade.evidence),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-reindex.ts







const KIND_WORDS = {
    REINDEX_OBJECT_INDEX: 'INDEX',
    REINDEX_OBJECT_TABLE: 'TABLE',
    REINDEX_OBJECT_SCHEMA: 'SCHEMA',
    REINDEX_OBJECT_DATABASE: 'DATABASE',
    REINDEX_OBJECT_SYSTEM: 'SYSTEM',
};
/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const require_concurrent_reindex_SEVERITY = 'error';
/**
 * REINDEX without CONCURRENTLY locks the table against writes (SHARE) and each index it rebuilds
 * against every use (ACCESS EXCLUSIVE); since queries plan with every index of their table, reads
 * wait too (https://www.postgresql.org/docs/current/sql-reindex.html). CONCURRENTLY exists from
 * PostgreSQL 12; before that the way out is building a replacement index concurrently.
 */
/* harmony default export */ const require_concurrent_reindex = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-concurrent-reindex',
    title: 'Rebuild indexes without blocking the table',
    category: 'locks',
    severity: require_concurrent_reindex_SEVERITY,
    run(ctx) {
        // Statements inside DO blocks and called functions rebuild indexes too.
        for (const ref of executedStatements(ctx, 'ReindexStmt')) {
            const n = ref.node;
            if (isConcurrentReindex(n))
                continue;
            const kind = KIND_WORDS[String(n.kind)] ?? 'INDEX';
            const object = relationOf(n.relation);
            const table = kind === 'TABLE' ? object?.key : kind === 'INDEX' && object ? indexTableBefore(ctx, ref, object.key) : undefined;
            if (table && isCreatedBefore(ctx, ref, table))
                continue;
            const sqlTarget = object?.display ?? (n.name ? quoteIdent(String(n.name)) : '');
            const target = sqlTarget || 'the current database';
            const lock = 'SHARE';
            // REINDEX INDEX names no table: unless the pending set created the index, its table's size is read by index name.
            const sized = table ?? (kind === 'INDEX' && object ? `${INDEX_KEY_PREFIX}${object.key}` : undefined);
            // SCHEMA, DATABASE and SYSTEM name no table: they keep the rule's severity.
            const grade = gradeLargest(ctx, sized ? [sized] : [], require_concurrent_reindex_SEVERITY);
            const where = kind === 'INDEX'
                ? `${withSize(table ? displayKey(table) : `the table of ${target}`, grade)} and an ACCESS EXCLUSIVE lock on index ${target}`
                : kind === 'TABLE'
                    ? `${withSize(target, grade)} and an ACCESS EXCLUSIVE lock on each of its indexes`
                    : `every table in ${kind.toLowerCase()} ${target} in turn, and ACCESS EXCLUSIVE on each index`;
            ctx.report(ref, {
                message: `REINDEX ${kind} takes a ${lock} lock on ${where}${viaSuffix(ref)}: writes are blocked, and so are queries that plan with the indexes, until the rebuild finishes.`,
                severity: grade.severity,
                mitigation: require_concurrent_reindex_mitigationFor(ctx.postgresVersion, kind, sqlTarget) + transactionNote(ctx, ref, kind),
                help: ctx.postgresVersion >= 12
                    ? 'REINDEX CONCURRENTLY builds the new index beside the old one under SHARE UPDATE EXCLUSIVE and swaps them; a failure leaves an INVALID "_ccnew" index to drop.'
                    : `PostgreSQL ${ctx.postgresVersion} has no REINDEX CONCURRENTLY (added in 12).`,
                tables: table ? [table] : [],
                lock,
                evidence: lockEvidence(ctx, lock, sized ? [sized] : [], { reindex: kind, object: object?.key ?? n.name, ...grade.evidence }),
            });
        }
    },
}));
/** The safe way to rebuild, by server version and REINDEX form. */
function require_concurrent_reindex_mitigationFor(pg, kind, target) {
    if (kind === 'SYSTEM')
        return 'REINDEX SYSTEM cannot run concurrently: run it in a maintenance window, not in a migration.';
    if (pg >= 12)
        return `Use REINDEX ${kind} CONCURRENTLY${target ? ` ${target}` : ''}; outside a transaction.`;
    return (`PostgreSQL ${pg} has no REINDEX CONCURRENTLY: build a replacement and swap it in, e.g. ` +
        'CREATE INDEX CONCURRENTLY new_idx ON <table> (<same columns>); DROP INDEX CONCURRENTLY old_idx; ALTER INDEX new_idx RENAME TO old_idx; ' +
        '(each outside a transaction).');
}
/** Why CONCURRENTLY would also need the statement to leave its DO block, or the file its transaction. */
function transactionNote(ctx, ref, kind) {
    if (kind === 'SYSTEM' || ctx.postgresVersion < 12)
        return '';
    if (isInProcedure(ref))
        return ' CONCURRENTLY cannot run inside a DO block or function: move the statement to the top level of the migration.';
    if (!isInTransaction(ctx, ref))
        return '';
    return ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}`;
}

;// CONCATENATED MODULE: ./src/checks/static/support/rerun.ts



/** Canonical key of an object name: `public.` added to unqualified names. */
function objectKey(kind, name) {
    return `${kind}:${kind === 'OBJECT_SCHEMA' || kind === 'OBJECT_EXTENSION' || kind === 'OBJECT_DATABASE' ? name : tableKey(name)}`;
}
/** Key of a trigger (or rule, policy): its table and its name. */
function triggerKey(kind, table, name) {
    return `${kind}:${tableKey(table)}:${name}`;
}
/** Whether an earlier statement of the same file drops the object with IF EXISTS. */
function isDroppedIfExistsBefore(ref, key) {
    return earlierInFile(ref).some((s) => s.kind === 'DropStmt' && s.node.missing_ok && droppedKeys(s.node).includes(key));
}
/** Whether an earlier statement of the same file creates the object (a re-run creates it again first). */
function isCreatedEarlierInFile(ref, key) {
    return earlierInFile(ref).some((s) => createdKeys(s).includes(key));
}
/** Statements of the file before `ref`. */
function earlierInFile(ref) {
    return ref.file.parsed.statements.slice(0, ref.stmt.index);
}
/** Keys of the objects a DropStmt names. */
function droppedKeys(node) {
    const kind = String(node.removeType);
    if (['OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY'].includes(kind)) {
        return (node.objects ?? []).map((o) => {
            const parts = (o?.List?.items ?? []).map((i) => i?.String?.sval);
            return triggerKey(kind, parts.slice(0, -1).join('.'), parts[parts.length - 1]);
        });
    }
    return dropObjectNames(node.objects).map((name) => objectKey(kind, name));
}
/** Keys of the objects a statement creates. */
function createdKeys(stmt) {
    const n = stmt.node;
    const name = (parts) => (parts ?? []).map((p) => p?.String?.sval).join('.');
    switch (stmt.kind) {
        case 'CreateStmt':
            return [objectKey('OBJECT_TABLE', (0,postgres_locks/* relationName */.CJ)(n.relation) ?? '')];
        case 'CreateTableAsStmt':
            return [objectKey(n.objtype === 'OBJECT_MATVIEW' ? 'OBJECT_MATVIEW' : 'OBJECT_TABLE', (0,postgres_locks/* relationName */.CJ)(n.into?.rel) ?? '')];
        case 'ViewStmt':
            return [objectKey('OBJECT_VIEW', (0,postgres_locks/* relationName */.CJ)(n.view) ?? '')];
        case 'IndexStmt':
            return n.idxname ? [objectKey('OBJECT_INDEX', n.relation?.schemaname ? `${n.relation.schemaname}.${n.idxname}` : n.idxname)] : [];
        case 'CreateSeqStmt':
            return [objectKey('OBJECT_SEQUENCE', (0,postgres_locks/* relationName */.CJ)(n.sequence) ?? '')];
        case 'CreateSchemaStmt':
            return n.schemaname ? [objectKey('OBJECT_SCHEMA', n.schemaname)] : [];
        case 'CreateExtensionStmt':
            return [objectKey('OBJECT_EXTENSION', n.extname)];
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return [objectKey('OBJECT_TYPE', name(n.typeName))];
        case 'CompositeTypeStmt':
            return [objectKey('OBJECT_TYPE', (0,postgres_locks/* relationName */.CJ)(n.typevar) ?? '')];
        case 'DefineStmt':
            return n.kind === 'OBJECT_TYPE' ? [objectKey('OBJECT_TYPE', name(n.defnames))] : [];
        case 'CreateDomainStmt':
            return [objectKey('OBJECT_DOMAIN', name(n.domainname))];
        case 'CreateFunctionStmt':
            return [objectKey(n.is_procedure ? 'OBJECT_PROCEDURE' : 'OBJECT_FUNCTION', name(n.funcname))];
        case 'CreateTrigStmt':
            return [triggerKey('OBJECT_TRIGGER', (0,postgres_locks/* relationName */.CJ)(n.relation) ?? '', n.trigname)];
        default:
            return [];
    }
}
/** Keys a CREATE statement's object would have, so rules can ask about it (first only). */
function createdKey(stmt) {
    return createdKeys(stmt)[0];
}

;// CONCATENATED MODULE: ./src/checks/static/require-if-exists-on-drop.ts





/**
 * A DROP without IF EXISTS fails with "does not exist" when a migration that failed half-way
 * (after the drop) is re-run. Dropping something the same file created earlier is fine: the
 * re-run creates it again first. Files that run in a transaction are not checked.
 */
/* harmony default export */ const require_if_exists_on_drop = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-if-exists-on-drop',
    title: 'DROP statements can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements(['DropStmt', 'DropdbStmt', 'DropRoleStmt', 'AlterTableStmt'])) {
            if (isRerunSafe(ctx, ref))
                continue;
            const drops = dropsWithoutIfExists(ref);
            if (drops.length === 0)
                continue;
            ctx.report(ref, {
                message: `${drops.map((d) => `${d.head} ${d.target}`).join(', ')} fails with "does not exist" if the migration is re-run after failing half-way.`,
                mitigation: `Add IF EXISTS: ${drops.map((d) => `${d.head} IF EXISTS ${d.target}`).join(', ')}.`,
                help: 'IF EXISTS turns the missing object into a notice, so a re-run passes the statement and goes on.',
                evidence: { statement: ref.stmt.kind },
                ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
            });
        }
    },
}));
/** The drops of a statement that lack IF EXISTS, e.g. { head: "DROP TABLE", target: "orders" }. */
function dropsWithoutIfExists(ref) {
    const n = ref.stmt.node;
    switch (ref.stmt.kind) {
        case 'DropStmt': {
            if (n.missing_ok)
                return [];
            const kind = String(n.removeType).replace(/^OBJECT_/, '').replace('MATVIEW', 'MATERIALIZED VIEW').replace(/_/g, ' ');
            const names = dropObjectNames(n.objects).filter((name) => !isCreatedEarlierInFile(ref, objectKey(String(n.removeType), name)));
            const head = `DROP ${kind}${n.concurrent ? ' CONCURRENTLY' : ''}`;
            return names.length > 0 ? [{ head, target: names.map(displayName).join(', ') }] : [];
        }
        case 'DropdbStmt':
            return n.missing_ok ? [] : [{ head: 'DROP DATABASE', target: displayName(String(n.dbname)) }];
        case 'DropRoleStmt':
            return n.missing_ok ? [] : [{ head: 'DROP ROLE', target: (n.roles ?? []).map((r) => displayName(String(r?.RoleSpec?.rolename))).join(', ') }];
        case 'AlterTableStmt': {
            const table = (0,postgres_locks/* relationName */.CJ)(n.relation);
            if (!table)
                return [];
            return (n.cmds ?? [])
                .map((c) => c.AlterTableCmd)
                .filter((cmd) => (cmd?.subtype === 'AT_DropColumn' || cmd?.subtype === 'AT_DropConstraint') && !cmd.missing_ok)
                .map((cmd) => ({ head: `ALTER TABLE ${displayName(table)} DROP ${cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT'}`, target: displayName(String(cmd.name)) }));
        }
        default:
            return [];
    }
}

;// CONCATENATED MODULE: ./src/checks/static/require-if-not-exists.ts





/**
 * A migration that fails half-way outside a transaction is run again from the top; a CREATE
 * without IF NOT EXISTS then fails on the object the first run made. CREATE TYPE has no IF NOT
 * EXISTS: wrapped in a DO block that handles duplicate_object it is accepted (SQL inside DO
 * bodies is not checked by this rule). Files that run in a transaction roll back as a whole and
 * are not checked.
 */
/* harmony default export */ const require_if_not_exists = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-if-not-exists',
    title: 'CREATE statements can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements()) {
            const creation = creationOf(ref);
            if (!creation || creation.isIdempotent || isRerunSafe(ctx, ref))
                continue;
            const key = createdKey(ref.stmt);
            if (key && isDroppedIfExistsBefore(ref, key))
                continue;
            const unnamedIndex = ref.stmt.kind === 'IndexStmt' && !ref.stmt.node.idxname;
            const concurrentIndex = ref.stmt.kind === 'IndexStmt' && ref.stmt.node.concurrent === true;
            ctx.report(ref, {
                message: unnamedIndex
                    ? `CREATE INDEX without a name on ${displayName((0,postgres_locks/* relationName */.CJ)(ref.stmt.node.relation) ?? '')}: if the migration is re-run after a failure, it builds a second, duplicate index.`
                    : `CREATE ${creation.what} fails with "already exists" if the migration is re-run after failing half-way.`,
                mitigation: unnamedIndex
                    ? 'Name the index and add IF NOT EXISTS: CREATE INDEX IF NOT EXISTS <table>_<column>_idx ON ...'
                    : concurrentIndex
                        ? // A failed concurrent build leaves an INVALID index of that name, which IF NOT EXISTS would keep as it is.
                            `Drop a leftover first: DROP INDEX CONCURRENTLY IF EXISTS ${displayName(String(ref.stmt.node.idxname))}; then CREATE INDEX CONCURRENTLY re-runs cleanly. IF NOT EXISTS alone also re-runs, but keeps the INVALID index a failed build leaves behind.`
                        : creation.hasIfNotExists
                            ? `Write CREATE ${creation.what.split(' ')[0]} IF NOT EXISTS ..., or run the file in a transaction.`
                            : `Wrap it in a DO block that ignores the duplicate: DO $$ BEGIN CREATE ${creation.what} ...; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`,
                help: 'Migrations outside a transaction (CREATE INDEX CONCURRENTLY, some tools by default) are re-run from the top after a failure; each statement must succeed when its object already exists.',
                evidence: { statement: ref.stmt.kind },
                ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
            });
        }
    },
}));
/** Describes the object a CREATE statement makes; undefined for statements this rule does not cover. */
function creationOf(ref) {
    const n = ref.stmt.node;
    const named = (what, name, isIdempotent, hasIfNotExists = true) => ({
        what: `${what} ${displayName(name ?? '')}`.trim(),
        isIdempotent,
        hasIfNotExists,
    });
    const joined = (parts) => (parts ?? []).map((p) => p?.String?.sval).join('.');
    switch (ref.stmt.kind) {
        case 'CreateStmt':
            // A temporary table vanishes with the session, so a re-run creates it afresh.
            return named('TABLE', (0,postgres_locks/* relationName */.CJ)(n.relation), Boolean(n.if_not_exists) || n.relation?.relpersistence === 't');
        case 'CreateTableAsStmt':
            return named(n.objtype === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'TABLE', (0,postgres_locks/* relationName */.CJ)(n.into?.rel), Boolean(n.if_not_exists) || n.into?.rel?.relpersistence === 't');
        case 'IndexStmt':
            return named('INDEX', n.idxname, Boolean(n.if_not_exists));
        case 'CreateSchemaStmt':
            return named('SCHEMA', n.schemaname ?? n.authrole?.rolename, Boolean(n.if_not_exists));
        case 'CreateSeqStmt':
            return named('SEQUENCE', (0,postgres_locks/* relationName */.CJ)(n.sequence), Boolean(n.if_not_exists) || n.sequence?.relpersistence === 't');
        case 'CreateExtensionStmt':
            return named('EXTENSION', n.extname, Boolean(n.if_not_exists));
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return named('TYPE', joined(n.typeName), false, false);
        case 'CompositeTypeStmt':
            return named('TYPE', (0,postgres_locks/* relationName */.CJ)(n.typevar), false, false);
        case 'DefineStmt':
            return n.kind === 'OBJECT_TYPE' ? named('TYPE', joined(n.defnames), false, false) : undefined;
        case 'CreateDomainStmt':
            return named('DOMAIN', joined(n.domainname), false, false);
        default:
            return undefined;
    }
}

// EXTERNAL MODULE: ./src/dialects/postgres/lock-timeout.ts
var lock_timeout = __webpack_require__(87554);
;// CONCATENATED MODULE: ./src/checks/static/require-lock-timeout.ts






/**
 * A statement that needs a strong lock (SHARE or stronger) waits for every conflicting lock, and
 * while it waits every later query on the table queues behind it: a long SELECT plus a migration
 * is an outage. `SET lock_timeout` earlier in the file makes it fail fast instead
 * (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT).
 */
/* harmony default export */ const require_lock_timeout = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-lock-timeout',
    title: 'Set lock_timeout before taking strong locks',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        // Read with the same helper as the live lock-queue-safety check, so both agree on what each file sets.
        const stepsOf = new Map(ctx.files.map((file) => [file, (0,lock_timeout/* lockTimeoutSteps */.gH)(file.parsed.statements, file.migration.runsInTransaction)]));
        // Top-level statements whose DO block or function sets lock_timeout itself, from that point on.
        const setInside = new Set();
        // What DO blocks and called functions run waits for locks too.
        for (const ref of executedStatements(ctx)) {
            if (isInProcedure(ref) && setsLockTimeout(ref))
                setInside.add(ref.stmt);
            const step = stepsOf.get(ref.file)?.[ref.stmt.index];
            if (!step || (step.before && step.before.ms > 0) || setInside.has(ref.stmt) || (ref.kind === 'LockStmt' && ref.node.nowait))
                continue;
            const strong = existingLocks(ctx, ref).filter((l) => isAtLeast(l.lock, 'SHARE'));
            if (strong.length > 0)
                require_lock_timeout_report(ctx, ref, strong, step.ignoredLocal?.line);
        }
    },
}));
/** Whether a statement run by procedural code sets a non-zero lock_timeout (SET or SET LOCAL). */
function setsLockTimeout(ref) {
    const n = ref.node;
    if (ref.kind !== 'VariableSetStmt' || String(n.name).toLowerCase() !== 'lock_timeout')
        return false;
    const value = n.args?.[0]?.A_Const;
    if (typeof value?.sval?.sval === 'string')
        return !/^0\s*(ms|s|min)?$/i.test(value.sval.sval.trim());
    return (value?.ival?.ival ?? 0) !== 0;
}
/** Reports one statement that can queue traffic behind its lock. */
function require_lock_timeout_report(ctx, ref, locks, ineffectiveLocalLine) {
    const lock = locks.map((l) => l.lock).reduce(postgres_locks/* strongerLock */.wS);
    const tables = locks.map((l) => l.display).join(', ');
    const keys = locks.filter((l) => l.isKnown).map((l) => l.key);
    ctx.report(ref, {
        message: `${commandName(ref)} waits for ${lockWithArticle(lock)} lock on ${tables} with no lock_timeout${viaSuffix(ref)}: ` +
            `while it waits behind a running query, every new ${lock === 'ACCESS EXCLUSIVE' ? 'query' : 'write'} on ${locks.length > 1 ? 'them' : 'the table'} queues behind it.` +
            (ineffectiveLocalLine ? ` SET LOCAL lock_timeout at line ${ineffectiveLocalLine} does nothing outside a transaction block.` : ''),
        mitigation: "Start the file with SET lock_timeout = '5s'; (any short, non-zero value) so the statement gives up instead of stalling traffic, and retry the migration later if it does.",
        help: 'lock_timeout bounds only the wait for the lock; statement_timeout would also cut off the work itself.',
        tables: keys,
        lock,
        evidence: lockEvidence(ctx, lock, keys),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/require-on-conflict-for-seed.ts




/**
 * Seed data (INSERT ... VALUES, DEFAULT VALUES, or SELECT of constants) inserted without ON CONFLICT
 * is inserted twice, or fails on a unique key, when a migration that failed half-way is re-run.
 * INSERT ... SELECT with WHERE NOT EXISTS guards itself; INSERT ... SELECT from tables copies data
 * rather than seeding it and is not reported.
 */
/* harmony default export */ const require_on_conflict_for_seed = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-on-conflict-for-seed',
    title: 'Seed inserts can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements('InsertStmt')) {
            if (ref.stmt.node.onConflictClause || isRerunSafe(ctx, ref) || !isSeed(ref))
                continue;
            const table = displayName((0,postgres_locks/* relationName */.CJ)(ref.stmt.node.relation) ?? '');
            ctx.report(ref, {
                message: `INSERT INTO ${table} without ON CONFLICT inserts the rows again, or fails on a unique key, if the migration is re-run after failing half-way.`,
                mitigation: `Add ON CONFLICT (<key>) DO NOTHING (or DO UPDATE SET ... to refresh the values), or insert with INSERT INTO ${table} SELECT ... WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE <key> = ...).`,
                help: 'ON CONFLICT needs a unique index or constraint on the key; without one, use the WHERE NOT EXISTS form.',
                evidence: { table: (0,postgres_locks/* relationName */.CJ)(ref.stmt.node.relation) },
                ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
            });
        }
    },
}));
/** Whether the INSERT writes literal rows: VALUES, DEFAULT VALUES, or a SELECT of constants without a NOT EXISTS guard. */
function isSeed(ref) {
    const select = ref.stmt.node.selectStmt?.SelectStmt;
    if (!ref.stmt.node.selectStmt)
        return true;
    if (!select)
        return false;
    if (select.valuesLists)
        return true;
    if (select.op && select.op !== 'SETOP_NONE')
        return false;
    return !select.fromClause && !select.whereClause;
}

;// CONCATENATED MODULE: ./src/checks/static/require-or-replace.ts





/** CREATE OR REPLACE TRIGGER exists from PostgreSQL 14 (https://www.postgresql.org/docs/14/sql-createtrigger.html). */
const OR_REPLACE_TRIGGER_SINCE = 14;
/**
 * CREATE FUNCTION, PROCEDURE, VIEW or TRIGGER without OR REPLACE fails with "already exists" when a
 * migration that failed half-way is re-run. A `DROP ... IF EXISTS` of the same object earlier in the
 * file is accepted too; it is the only way for triggers before PostgreSQL 14 and for constraint triggers.
 */
/* harmony default export */ const require_or_replace = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-or-replace',
    title: 'Functions, views and triggers are created with OR REPLACE',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements(['CreateFunctionStmt', 'ViewStmt', 'CreateTrigStmt'])) {
            const n = ref.stmt.node;
            if (n.replace || isRerunSafe(ctx, ref))
                continue;
            const key = createdKey(ref.stmt);
            if (key && isDroppedIfExistsBefore(ref, key))
                continue;
            ctx.report(ref, { ...require_or_replace_describe(ctx, ref), ...lockFields(ctx, ref.stmt.kind, n) });
        }
    },
}));
/** Message and mitigation for one statement. */
function require_or_replace_describe(ctx, ref) {
    const n = ref.stmt.node;
    const help = 'OR REPLACE keeps grants and dependent objects; DROP ... IF EXISTS followed by CREATE loses the grants and fails if other objects depend on it.';
    const rerun = 'fails with "already exists" if the migration is re-run after failing half-way';
    if (ref.stmt.kind === 'CreateTrigStmt') {
        const table = displayName((0,postgres_locks/* relationName */.CJ)(n.relation) ?? '');
        const trigger = displayName(String(n.trigname));
        const hasOrReplace = ctx.postgresVersion >= OR_REPLACE_TRIGGER_SINCE && !n.isconstraint;
        return {
            message: `CREATE TRIGGER ${trigger} ON ${table} ${rerun}.`,
            mitigation: hasOrReplace
                ? `Write CREATE OR REPLACE TRIGGER ${trigger} ... (PostgreSQL ${OR_REPLACE_TRIGGER_SINCE}+), or put DROP TRIGGER IF EXISTS ${trigger} ON ${table}; right before it.`
                : `Put DROP TRIGGER IF EXISTS ${trigger} ON ${table}; right before it (${n.isconstraint ? 'constraint triggers have no OR REPLACE' : `CREATE OR REPLACE TRIGGER needs PostgreSQL ${OR_REPLACE_TRIGGER_SINCE}; rules assume ${ctx.postgresVersion}`}).`,
            help,
            evidence: { trigger: n.trigname, postgresVersion: ctx.postgresVersion, versionSource: ctx.versionSource },
        };
    }
    if (ref.stmt.kind === 'ViewStmt') {
        const view = displayName((0,postgres_locks/* relationName */.CJ)(n.view) ?? '');
        return {
            message: `CREATE VIEW ${view} ${rerun}.`,
            mitigation: `Write CREATE OR REPLACE VIEW ${view} AS ...; it can add columns at the end but not drop or retype them (then use DROP VIEW IF EXISTS first).`,
            help,
            evidence: { view: (0,postgres_locks/* relationName */.CJ)(n.view) },
        };
    }
    const what = n.is_procedure ? 'PROCEDURE' : 'FUNCTION';
    const name = (n.funcname ?? []).map((p) => displayName(String(p?.String?.sval))).join('.');
    return {
        message: `CREATE ${what} ${name} ${rerun}.`,
        mitigation: `Write CREATE OR REPLACE ${what} ${name}(...) ...; changing the return type or argument names needs DROP ${what} IF EXISTS first.`,
        help,
        evidence: { [what.toLowerCase()]: name },
    };
}

;// CONCATENATED MODULE: ./src/checks/static/require-unique-using-index.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */






/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const require_unique_using_index_SEVERITY = 'error';
/**
 * ADD UNIQUE / ADD PRIMARY KEY build their index while holding ACCESS EXCLUSIVE on the table.
 * Building the index with CREATE UNIQUE INDEX CONCURRENTLY first and attaching it with
 * USING INDEX takes the lock only for a catalog update
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX).
 */
/* harmony default export */ const require_unique_using_index = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'require-unique-using-index',
    title: 'Add unique and primary key constraints with USING INDEX',
    category: 'locks',
    severity: require_unique_using_index_SEVERITY,
    run(ctx) {
        // Statements inside DO blocks and called functions add keys too.
        for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
            const n = ref.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.key))
                continue;
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype === 'AT_AddConstraint') {
                    const found = indexBuilding(cmd.def?.Constraint, []);
                    if (found)
                        require_unique_using_index_report(ctx, ref, table, found);
                }
                else if (cmd.subtype === 'AT_AddColumn') {
                    const column = cmd.def?.ColumnDef?.colname;
                    for (const cc of cmd.def?.ColumnDef?.constraints ?? []) {
                        const found = indexBuilding(cc?.Constraint, column ? [column] : []);
                        if (found)
                            require_unique_using_index_report(ctx, ref, table, found);
                    }
                }
            }
        }
    },
}));
/** The constraint when it is UNIQUE or PRIMARY KEY without USING INDEX. */
function indexBuilding(con, inlineColumns) {
    if (!con || con.indexname || (con.contype !== 'CONSTR_UNIQUE' && con.contype !== 'CONSTR_PRIMARY'))
        return undefined;
    const keys = (con.keys ?? []).map((k) => k?.String?.sval).filter((s) => typeof s === 'string');
    return { kind: con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE', name: con.conname, columns: keys.length > 0 ? keys : inlineColumns };
}
/** Reports one constraint that builds its index under ACCESS EXCLUSIVE. */
function require_unique_using_index_report(ctx, ref, table, con) {
    const lock = 'ACCESS EXCLUSIVE';
    const relname = table.key.slice(table.key.indexOf('.') + 1);
    const name = quoteIdent(con.name ?? (con.kind === 'PRIMARY KEY' ? `${relname}_pkey` : `${relname}_${con.columns.join('_')}_key`));
    const columns = con.columns.map(quoteIdent).join(', ') || '<columns>';
    const grade = gradeBySize(ctx, table.key, require_unique_using_index_SEVERITY);
    ctx.report(ref, {
        message: `ADD ${con.kind} builds its unique index while holding an ${lock} lock on ${withSize(table.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the build finishes.`,
        severity: grade.severity,
        mitigation: `Build the index first without blocking, then attach it: CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table.display} (${columns}); ` +
            `ALTER TABLE ${table.display} ADD CONSTRAINT ${name} ${con.kind} USING INDEX ${name};` +
            (con.kind === 'PRIMARY KEY' ? ' The key columns must already be NOT NULL, or USING INDEX runs SET NOT NULL (a full scan).' : ''),
        help: 'With USING INDEX the ALTER TABLE only records the constraint; the slow part ran in CREATE UNIQUE INDEX CONCURRENTLY, which lets reads and writes continue.',
        tables: [table.key],
        lock,
        evidence: lockEvidence(ctx, lock, [table.key], { constraint: con.kind, columns: con.columns, ...grade.evidence }),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/set-not-null-scans-table.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */







/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const set_not_null_scans_table_SEVERITY = 'error';
/**
 * SET NOT NULL takes an ACCESS EXCLUSIVE lock and scans the whole table for NULLs. From
 * PostgreSQL 12 the scan is skipped when a valid CHECK (col IS NOT NULL) constraint already
 * proves it (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL):
 * add that check NOT VALID, VALIDATE it (no blocking), then SET NOT NULL.
 */
/* harmony default export */ const set_not_null_scans_table = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'set-not-null-scans-table',
    title: 'Set NOT NULL without a full scan under ACCESS EXCLUSIVE',
    category: 'locks',
    severity: set_not_null_scans_table_SEVERITY,
    run(ctx) {
        // Constraints proving columns NOT NULL, from every earlier statement: carried across shards.
        const proofs = carried(ctx, ProvenNotNull, () => new ProvenNotNull());
        // Statements inside DO blocks and called functions set NOT NULL too.
        for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
            const n = ref.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE'))
                continue;
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                const column = notNullTarget(cmd);
                if (column !== undefined) {
                    if (!isCreatedBefore(ctx, ref, table.key) && !(ctx.postgresVersion >= 12 && proofs.isProven(table.key, column))) {
                        set_not_null_scans_table_report(ctx, ref, table.key, table.display, column, proofs.hasUnvalidated(table.key, column));
                    }
                }
                // Record after checking: a proof in the same statement is validated in the same scan.
                proofs.record(table.key, cmd);
            }
        }
    },
}));
/** The column a sub-command makes NOT NULL with a scan: SET NOT NULL, or (18+) ADD CONSTRAINT ... NOT NULL col without NOT VALID. */
function notNullTarget(cmd) {
    if (cmd.subtype === 'AT_SetNotNull' && typeof cmd.name === 'string')
        return cmd.name;
    const con = cmd.def?.Constraint;
    if (cmd.subtype === 'AT_AddConstraint' && con?.contype === 'CONSTR_NOTNULL' && !con.skip_validation) {
        return con.keys?.[0]?.String?.sval;
    }
    return undefined;
}
/** Reports one SET NOT NULL that scans. */
function set_not_null_scans_table_report(ctx, ref, key, display, column, hasUnvalidated) {
    const lock = 'ACCESS EXCLUSIVE';
    const col = quoteIdent(column);
    const check = quoteIdent(`${key.slice(key.indexOf('.') + 1)}_${column}_not_null`);
    const isOld = ctx.postgresVersion < 12;
    const grade = gradeBySize(ctx, key, set_not_null_scans_table_SEVERITY);
    ctx.report(ref, {
        message: `SET NOT NULL on ${withSize(`${display}.${col}`, grade)} takes an ${lock} lock and scans the whole table for NULLs${viaSuffix(ref)}: ${lockEffect(lock)} until the scan finishes.` +
            (isOld ? ` PostgreSQL ${ctx.postgresVersion} cannot use a CHECK constraint to skip the scan (12+ can).` : ''),
        mitigation: isOld
            ? `On PostgreSQL ${ctx.postgresVersion} keep the column nullable and enforce it with ALTER TABLE ${display} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID; ` +
                `then ALTER TABLE ${display} VALIDATE CONSTRAINT ${check}; in a later migration; SET NOT NULL after upgrading to 12+.`
            : hasUnvalidated
                ? `VALIDATE the NOT VALID check on ${col} before SET NOT NULL: ALTER TABLE ${display} VALIDATE CONSTRAINT <its name>; otherwise PostgreSQL cannot use it and scans.`
                : `Prove it first without blocking: ALTER TABLE ${display} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID; ` +
                    `ALTER TABLE ${display} VALIDATE CONSTRAINT ${check}; then ALTER TABLE ${display} ALTER COLUMN ${col} SET NOT NULL; ` +
                    `ALTER TABLE ${display} DROP CONSTRAINT ${check};` +
                    (ctx.postgresVersion >= 18 ? ` (On 18+ ADD CONSTRAINT ... NOT NULL ${col} NOT VALID followed by VALIDATE CONSTRAINT does the same in two steps.)` : ''),
        severity: grade.severity,
        help: 'VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue; SET NOT NULL then sees the valid check and skips its own scan.',
        tables: [key],
        lock,
        evidence: lockEvidence(ctx, lock, [key], { column, ...grade.evidence }),
    });
}
/**
 * Which columns a valid constraint already proves NOT NULL: a CHECK implying `col IS NOT NULL`
 * added without NOT VALID, or added NOT VALID and then validated; on 18+ also a NOT NULL
 * constraint added NOT VALID and validated.
 */
class ProvenNotNull {
    /** "table|constraint" -> the column it covers and whether it is validated. */
    #named = new Map();
    /** "table|column" proven by unnamed valid checks (they cannot be dropped by name here). */
    #unnamed = new Set();
    /** Whether the column is proven NOT NULL by a valid constraint. */
    isProven(table, column) {
        return this.#unnamed.has(`${table}|${column}`) || this.#find(table, column, true);
    }
    /** Whether a NOT VALID check on the column waits for VALIDATE. */
    hasUnvalidated(table, column) {
        return this.#find(table, column, false);
    }
    /** Updates the state with one ALTER TABLE sub-command. */
    record(table, cmd) {
        if (cmd.subtype === 'AT_AddConstraint') {
            const con = cmd.def?.Constraint ?? {};
            const columns = con.contype === 'CONSTR_CHECK' ? notNullColumns(con.raw_expr) : con.contype === 'CONSTR_NOTNULL' ? [con.keys?.[0]?.String?.sval] : [];
            for (const column of columns.filter((c) => typeof c === 'string')) {
                if (con.conname)
                    this.#named.set(`${table}|${con.conname}`, { column, isValid: !con.skip_validation });
                else if (!con.skip_validation)
                    this.#unnamed.add(`${table}|${column}`);
            }
        }
        else if (cmd.subtype === 'AT_ValidateConstraint') {
            const entry = this.#named.get(`${table}|${cmd.name}`);
            if (entry)
                this.#named.set(`${table}|${cmd.name}`, { ...entry, isValid: true });
        }
        else if (cmd.subtype === 'AT_DropConstraint') {
            // Dropping the proof before SET NOT NULL brings the scan back.
            this.#named.delete(`${table}|${cmd.name}`);
        }
    }
    /** Whether a named constraint on the table covers the column with the given validity. */
    #find(table, column, isValid) {
        for (const [key, entry] of this.#named) {
            if (key.startsWith(`${table}|`) && entry.column === column && entry.isValid === isValid)
                return true;
        }
        return false;
    }
}
/** Columns an expression proves NOT NULL: `col IS NOT NULL`, possibly ANDed with other conditions. */
function notNullColumns(expr) {
    if (!expr)
        return [];
    if (expr.NullTest?.nulltesttype === 'IS_NOT_NULL') {
        const fields = expr.NullTest.arg?.ColumnRef?.fields ?? [];
        const name = fields[fields.length - 1]?.String?.sval;
        return typeof name === 'string' ? [name] : [];
    }
    if (expr.BoolExpr?.boolop === 'AND_EXPR')
        return (expr.BoolExpr.args ?? []).flatMap((a) => notNullColumns(a));
    return [];
}

;// CONCATENATED MODULE: ./src/checks/static/set-tablespace-or-logged.ts






/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const set_tablespace_or_logged_SEVERITY = 'error';
// Sub-commands that copy every row of the relation into a new file while holding ACCESS EXCLUSIVE.
const COPYING = {
    AT_SetTableSpace: {
        what: 'SET TABLESPACE copies it to the new tablespace',
        mitigation: 'Move it online with pg_repack --tablespace, or do it in a maintenance window outside the migration.',
    },
    AT_SetLogged: {
        what: 'SET LOGGED rewrites it and writes all of it to the WAL',
        mitigation: 'Do it in a maintenance window, or create a new logged table, copy rows in batches and swap names.',
    },
    AT_SetUnLogged: {
        what: 'SET UNLOGGED rewrites it',
        mitigation: 'Do it in a maintenance window; note that unlogged tables are emptied after a crash and not replicated.',
    },
    AT_SetAccessMethod: {
        what: 'SET ACCESS METHOD rewrites it',
        mitigation: 'Do it in a maintenance window, or create a new table with the access method, copy rows in batches and swap names.',
    },
};
/**
 * SET TABLESPACE, SET LOGGED/UNLOGGED (and SET ACCESS METHOD) copy the whole relation under an
 * ACCESS EXCLUSIVE lock (https://www.postgresql.org/docs/current/sql-altertable.html): on a large
 * table that is an outage as long as the copy.
 */
/* harmony default export */ const set_tablespace_or_logged = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'set-tablespace-or-logged',
    title: 'Do not move or re-log tables in a migration',
    category: 'locks',
    severity: set_tablespace_or_logged_SEVERITY,
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        // Statements inside DO blocks and called functions move tables too.
        for (const ref of executedStatements(ctx, ['AlterTableStmt', 'AlterTableMoveAllStmt'])) {
            const n = ref.node;
            if (ref.kind === 'AlterTableMoveAllStmt') {
                const from = quoteIdent(String(n.orig_tablespacename ?? ''));
                ctx.report(ref, {
                    message: `ALTER ... ALL IN TABLESPACE ${from} SET TABLESPACE copies every matching relation under an ${lock} lock, one after another${viaSuffix(ref)}: ${lockEffect(lock)} on each until it is copied.`,
                    mitigation: COPYING.AT_SetTableSpace.mitigation,
                    lock,
                    evidence: { lock, tablespace: n.orig_tablespacename, newTablespace: n.new_tablespacename },
                });
                continue;
            }
            const relation = relationOf(n.relation);
            if (!relation || isCreatedBefore(ctx, ref, relation.key))
                continue;
            const kind = n.objtype === 'OBJECT_INDEX' ? 'index' : n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table';
            // An index is graded by its table: that is what its lock blocks.
            const sized = kind === 'index' ? `${INDEX_KEY_PREFIX}${relation.key}` : relation.key;
            const grade = gradeBySize(ctx, sized, set_tablespace_or_logged_SEVERITY);
            for (const c of n.cmds ?? []) {
                const found = COPYING[String(c.AlterTableCmd?.subtype)];
                if (!found)
                    continue;
                const effect = kind === 'index' ? 'writes to its table and queries using the index are blocked' : lockEffect(lock);
                ctx.report(ref, {
                    message: `${found.what.replace(' it', () => ` ${kind} ${withSize(relation.display, grade)}`)} under an ${lock} lock${viaSuffix(ref)}: ${effect} until the copy finishes.`,
                    severity: grade.severity,
                    mitigation: found.mitigation,
                    help: 'The copy takes as long as writing the whole relation (and its indexes) once; nothing else can use it meanwhile.',
                    tables: kind === 'index' ? [] : [relation.key],
                    lock,
                    evidence: lockEvidence(ctx, lock, [sized], { relation: relation.key, kind, ...grade.evidence }),
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/sources/placeholders.ts
/**
 * Placeholders that a migration tool replaces in a file before it runs it: `${name}` (Flyway,
 * Liquibase, SQL templated by an application) and psql-style variables `:name`, `:'name'` (the
 * value as a string literal) and `:"name"` (the value as an identifier), as graphile-worker writes
 * them. With `migrations.placeholders` in the config the SQL is analysed as the tool will run it;
 * without, such a file does not parse, and the syntax error says which placeholder to configure
 * (`placeholderNear`).
 *
 * Only configured names are replaced, and everywhere in the file (function bodies, strings and
 * comments too), as Flyway and graphile-worker replace them; psql itself leaves quoted text alone,
 * which matters only for a configured name written inside quotes. In a run of colons, pairs are
 * `::` casts: `x::name` is never a placeholder, `):::name` (a cast to a placeholder's type) is.
 * Values are single-line (the config schema says so), so every line keeps its number; columns
 * after a placeholder on its line count in the replaced text.
 */
/** `${name}` */
const BRACED = /\$\{([^{}\r\n]+)\}/g;
/** A run of colons, then a name, bare or quoted: a psql-style variable when the run is odd. */
const COLON_NAMED = /(:+)(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
/** The SQL with every configured placeholder replaced; the same string when there is none to replace. */
function substitutePlaceholders(sql, values) {
    if (Object.keys(values).length === 0)
        return sql;
    const braced = sql.includes('${') ? sql.replace(BRACED, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole)) : sql;
    if (!braced.includes(':'))
        return braced;
    return braced.replace(COLON_NAMED, (whole, colons, quote, name, at) => {
        // An even run of colons is all casts (x::name).
        if (colons.length % 2 === 0 || !Object.hasOwn(values, name) || isNameChar(braced[at + whole.length]))
            return whole;
        return colons.slice(1) + quoted(values[name], quote);
    });
}
/**
 * The placeholder that a syntax error at 0-based `column` of `line` most likely hit: one whose
 * text covers the column, or starts right after it; undefined when the line has none there.
 */
function placeholderNear(line, column) {
    const uses = [];
    for (const m of line.matchAll(BRACED))
        uses.push({ text: m[0], name: m[1], start: m.index });
    for (const m of line.matchAll(COLON_NAMED)) {
        // The last colon of an odd run starts the placeholder.
        if (m[1].length % 2 === 1)
            uses.push({ text: m[0].slice(m[1].length - 1), name: m[3], start: m.index + m[1].length - 1 });
    }
    const hit = uses.find((u) => column >= u.start - 1 && column < u.start + u.text.length);
    return hit && { text: hit.text, name: hit.name };
}
/** Whether `c` continues a name (so a match ending before it would cut the name short). */
function isNameChar(c) {
    return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}
/** The value as the variable form writes it: bare, as a string literal (:'name') or as an identifier (:"name"). */
function quoted(value, quote) {
    if (quote === '"')
        return `"${value.replaceAll('"', '""')}"`;
    if (quote !== "'")
        return value;
    const doubled = value.replaceAll("'", "''");
    // psql writes a value holding a backslash as an E'' literal, the backslash doubled.
    return value.includes('\\') ? `E'${doubled.replaceAll('\\', '\\\\')}'` : `'${doubled}'`;
}

;// CONCATENATED MODULE: ./src/checks/static/syntax-error.ts


/** A migration the PostgreSQL parser rejects will fail when it runs, after earlier files succeeded. */
/* harmony default export */ const syntax_error = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'syntax-error',
    title: 'Migrations parse as PostgreSQL',
    severity: 'error',
    run(ctx) {
        for (const file of ctx.files) {
            const problem = file.parsed.syntaxError;
            if (!problem)
                continue;
            // A file written for a tool that fills in placeholders first is not wrong: it needs their values.
            const placeholder = placeholderNear(file.parsed.lines.lineText(problem.line), problem.col - 1);
            const mysql = placeholder ? undefined : mysqlSign(file.migration.sql, problem.message);
            ctx.report({ file, line: problem.line, col: problem.col }, {
                message: placeholder
                    ? `PostgreSQL rejects this migration as written: ${problem.message}, at the placeholder ${placeholder.text}, which the migration tool replaces before running the file.`
                    : mysql
                        ? `PostgreSQL rejects this migration: ${problem.message}. It looks written for MySQL or MariaDB (${mysql}).`
                        : `PostgreSQL rejects this migration: ${problem.message}.`,
                mitigation: placeholder
                    ? placeholderFix(placeholder)
                    : mysql
                        ? 'If these migrations are for MySQL or MariaDB, set dialect: mysql in migrations.config.yaml (or on the target) so they are read as MySQL; otherwise fix the SQL at this position.'
                        : 'Fix the SQL at this position; run it on a scratch database to confirm it parses.',
                evidence: {
                    parser: `libpg-query (PostgreSQL ${Math.floor(file.parsed.parserVersion / 10000) || 'current'} grammar)`,
                    ...(placeholder ? { placeholder: placeholder.name } : {}),
                    ...(mysql ? { looksLike: `MySQL: ${mysql}` } : {}),
                },
            });
        }
    },
}));
// Syntax only MySQL and MariaDB accept, as migrations write it.
const MYSQL_SIGNS = [
    [/`[^`\n]+`/, 'backquoted names'],
    [/\bENGINE\s*=\s*\w+/i, 'ENGINE='],
    [/\bAUTO_INCREMENT\b/i, 'AUTO_INCREMENT'],
    [/\b(?:INT|BIGINT|SMALLINT|TINYINT|DECIMAL)(?:\(\d+(?:,\s*\d+)?\))?\s+UNSIGNED\b/i, 'UNSIGNED'],
    [/\bMODIFY\s+(?:COLUMN\s+)?[`\w]/i, 'MODIFY COLUMN'],
    [/\bDEFAULT\s+CHARSET\s*=/i, 'DEFAULT CHARSET='],
    [/\bADD\s+(?:COLUMN\s+)?[`"\w]+\s[^;]*?\s(?:AFTER\s+[`"\w]+|FIRST)\s*(?:[,;]|$)/im, 'ADD COLUMN ... AFTER'],
];
/** What makes a file PostgreSQL rejects look like MySQL (outside its strings and comments), or undefined. */
function mysqlSign(sql, message) {
    if (/at or near "`/.test(message))
        return 'backquoted names';
    const code = sql.replace(/'(?:[^']|'')*'|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
    return MYSQL_SIGNS.find(([pattern]) => pattern.test(code))?.[1];
}
/** How to let the file be analysed as its tool will run it. */
function placeholderFix(placeholder) {
    return (`Give the placeholder the value the tool uses, in migrations.config.yaml: migrations: { placeholders: { ${JSON.stringify(placeholder.name)}: "..." } }. ` +
        'The file is then analysed with the value in place.');
}

// EXTERNAL MODULE: ./src/dialects/postgres/grammars.ts
var grammars = __webpack_require__(43913);
// EXTERNAL MODULE: ./src/engine/line-index.ts
var line_index = __webpack_require__(94299);
;// CONCATENATED MODULE: ./src/checks/static/target-version-syntax.ts



/**
 * A migration written on a newer PostgreSQL can be a syntax error on the target's older major
 * (a subquery in FROM without an alias before 16, MERGE before 15...). The parser of the target's
 * own major knows every such difference, so each pending statement is parsed with it.
 */
/* harmony default export */ const target_version_syntax = ((0,engine_define/* defineStaticRule */.oY)({
    id: 'target-version-syntax',
    title: "Migrations parse on the target's PostgreSQL version",
    category: 'versions',
    severity: 'error',
    async run(ctx) {
        const major = ctx.postgresVersion;
        if (ctx.versionSource === 'default') {
            return ctx.skip("The target's PostgreSQL version is unknown: no target is connected and postgresVersion is not set in the config.");
        }
        // The rules' own parser is this major or older and accepted every statement; syntax-error reports the rest.
        if (major >= grammars/* CURRENT_GRAMMAR */.uQ)
            return;
        if (!grammars/* OLDER_GRAMMARS */.sH.includes(major)) {
            return ctx.skip(`No PostgreSQL ${major} grammar ships with this tool (it has ${[...grammars/* OLDER_GRAMMARS */.sH, grammars/* CURRENT_GRAMMAR */.uQ].join(', ')}), so the migrations were not parsed as PostgreSQL ${major}.`);
        }
        await checkFiles(ctx, major);
    },
}));
/** Reports every statement the target major's grammar rejects. */
async function checkFiles(ctx, major) {
    const grammar = await (0,grammars/* loadGrammar */.oS)(major);
    for (const file of ctx.files) {
        // Most files parse whole: only a rejected file is parsed statement by statement, for exact positions.
        if (file.parsed.statements.length === 0 || !grammar.reject(file.migration.sql))
            continue;
        for (const stmt of file.parsed.statements) {
            const error = grammar.reject(stmt.text);
            if (!error)
                continue;
            const acceptedFrom = await firstAcceptingMajor(stmt.text, major);
            const at = positionInFile(stmt, error);
            ctx.report({ file, line: at.line, col: at.col, endLine: stmt.endLine, endCol: stmt.endCol }, {
                message: `The target's PostgreSQL ${major} rejects this statement: ${error.message}. ${describeAcceptance(major, acceptedFrom)}, so the migration will fail here when it runs.`,
                mitigation: target_version_syntax_mitigationFor(stmt, major, acceptedFrom),
                evidence: {
                    targetVersion: major,
                    versionSource: ctx.versionSource,
                    grammar: `PostgreSQL ${Math.floor(grammar.version / 10000)}.${grammar.version % 10000} (libpg-query)`,
                    parserMessage: error.message,
                    firstAcceptingVersion: acceptedFrom,
                },
            });
        }
    }
}
/** The first newer major whose grammar accepts `sql`, trying the shipped ones in order and loading each only when reached. */
async function firstAcceptingMajor(sql, major) {
    for (const newer of grammars/* OLDER_GRAMMARS */.sH) {
        if (newer > major && !(await (0,grammars/* loadGrammar */.oS)(newer)).reject(sql))
            return newer;
    }
    return grammars/* CURRENT_GRAMMAR */.uQ;
}
/** "PostgreSQL 16 is the first version that accepts it", naming the majors just before it that could not be checked. */
function describeAcceptance(major, acceptedFrom) {
    const lastRejecting = Math.max(major, ...grammars/* OLDER_GRAMMARS */.sH.filter((m) => m < acceptedFrom));
    const unchecked = [];
    for (let m = lastRejecting + 1; m < acceptedFrom; m++)
        unchecked.push(m);
    const note = unchecked.length ? ` (PostgreSQL ${unchecked.join(', ')} not checked: no grammar shipped)` : '';
    return `PostgreSQL ${acceptedFrom} is the first version that accepts it${note}`;
}
/** What to do: rewrite for the target (with a specific hint where the statement kind has one), or upgrade first. */
function target_version_syntax_mitigationFor(stmt, major, acceptedFrom) {
    const hint = REWRITE_HINTS[stmt.kind];
    return `${hint ? `${hint} ` : ''}Rewrite the statement in PostgreSQL ${major} syntax (the runbook lists common rewrites, such as aliasing a subquery in FROM), or upgrade the target to PostgreSQL ${acceptedFrom} or later before this migration runs.`;
}
/** Rewrites for whole statement kinds that older majors lack. */
const REWRITE_HINTS = {
    MergeStmt: 'MERGE exists from PostgreSQL 15 on: use INSERT ... ON CONFLICT ... DO UPDATE, or an UPDATE followed by an INSERT ... WHERE NOT EXISTS.',
};
/** Maps the grammar's error cursor (characters into the statement text) to the file's line and column. */
function positionInFile(stmt, error) {
    const inStatement = new line_index/* LineIndex */.r(stmt.text).positionOfChar(error.cursor);
    return inStatement.line === 1
        ? { line: stmt.line, col: stmt.col + inStatement.col - 1 }
        : { line: stmt.line + inStatement.line - 1, col: inStatement.col };
}

;// CONCATENATED MODULE: ./src/checks/static/index.ts














































const staticRules = [
    add_column_not_null_without_default,
    add_column_rewrites_table,
    column_type_change_rewrites,
    concurrently_in_transaction,
    constraint_missing_not_valid,
    dynamic_sql_not_analysed,
    enum_add_value_in_transaction,
    identifier_too_long,
    invalid_directive,
    mysql_alter_without_online_ddl,
    mysql_ddl_not_transactional,
    mysql_no_drop_column,
    mysql_no_drop_table,
    mysql_no_truncate,
    mysql_require_lock_wait_timeout,
    mysql_statement_not_analysed,
    mysql_unqualified_delete_update,
    no_char_type,
    no_drop_cascade,
    no_drop_column,
    no_drop_schema_or_database,
    no_drop_table,
    no_narrowing_type_change,
    no_rename,
    no_transaction_control_in_wrapped_file,
    no_truncate,
    no_unqualified_delete_update,
    no_vacuum_full_or_cluster,
    one_access_exclusive_per_transaction,
    prefer_bigint_primary_key,
    prefer_timestamptz,
    require_add_column_if_not_exists,
    require_concurrent_drop_index,
    require_concurrent_index,
    require_concurrent_refresh,
    require_concurrent_reindex,
    require_if_exists_on_drop,
    require_if_not_exists,
    require_lock_timeout,
    require_on_conflict_for_seed,
    require_or_replace,
    require_unique_using_index,
    set_not_null_scans_table,
    set_tablespace_or_logged,
    syntax_error,
    target_version_syntax,
];

// EXTERNAL MODULE: ./src/dialects/connect-error.ts
var connect_error = __webpack_require__(16906);
;// CONCATENATED MODULE: ./src/dialects/open-session.ts
/** Parses the URL for the target's dialect and connects; throws ConfigError (bad URL) or ConnectError. */
async function openSession(url, target, baseDir, log) {
    if (target.dialect === 'mysql') {
        // The URL is checked before the driver loads, so a typo costs nothing.
        const endpoint = (await __webpack_require__.e(/* import() */ 936).then(__webpack_require__.bind(__webpack_require__, 46936))).parseMysqlUrl(url, target.tls, baseDir);
        const { openMysqlSession } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(930)]).then(__webpack_require__.bind(__webpack_require__, 75930));
        return openMysqlSession(endpoint, target, log);
    }
    const endpoint = (await __webpack_require__.e(/* import() */ 411).then(__webpack_require__.bind(__webpack_require__, 17411))).parsePostgresUrl(url, target.tls, baseDir);
    const { openPostgresSession } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(495)]).then(__webpack_require__.bind(__webpack_require__, 61495));
    return openPostgresSession(endpoint, target, log);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/dialects/postgres/raw-parse.ts + 1 modules
var raw_parse = __webpack_require__(47785);
;// CONCATENATED MODULE: ./src/dialects/postgres/parse-worker.ts
/**
 * A parse worker (worker_threads): its own libpg-query WASM instance parses the files it is sent and
 * returns, per file, the tree's JSON and the statements' places as transferable arrays (parse-pool.ts).
 */





/** The workerData that marks a thread as a parse worker (the pool imports this module too). */
const PARSE_WORKER = 'migrations-preflight:parse-worker';
/** Numbers kept per statement in ParsedFileTransfer.places. */
const PLACE_FIELDS = 6;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** A DoStmt's `stmt` value as libpg-query writes it (no spaces). */
const DO_STMT = encoder.encode('{"DoStmt":');
/** Both parsers over one WASM instance. */
function workerParsers(wasm) {
    let recorded = { sql: [], plpgsql: [] };
    const full = (0,postgres_parser/* createWasmParser */.kw)(wasm, (kind, sql, json) => void recorded[kind].push([sql, json]));
    return {
        raw: (0,raw_parse/* rawParserOver */.AZ)(wasm),
        full,
        takeRecorded() {
            const out = recorded;
            recorded = { sql: [], plpgsql: [] };
            return out;
        },
    };
}
/** Parses one file into its transferable form. */
function parseForTransfer(parsers, sql) {
    const parser = parsers.raw;
    const sqlBytes = encoder.encode(sql);
    const lines = new line_index/* LineIndex */.r(sql, { bytes: Buffer.from(sqlBytes.buffer, sqlBytes.byteOffset, sqlBytes.byteLength) });
    const lineStarts = Int32Array.from(lines.lineStarts);
    const tree = parser.parse(sqlBytes);
    if ('message' in tree) {
        const none = { places: new Int32Array(0), comments: [], trailingComments: [], json: new Uint8Array(0) };
        return { sqlBytes, lineStarts, syntaxError: (0,postgres_parser/* syntaxProblemAt */._W)(lines, tree.message, tree.cursor), parserVersion: 0, ...none };
    }
    const ranges = Array.from({ length: tree.ranges.length / 2 }, (_, i) => ({ location: tree.ranges[2 * i], length: tree.ranges[2 * i + 1] }));
    const { places, trailingComments } = (0,postgres_parser/* placeStatements */.cu)(lines, ranges);
    const numbers = new Int32Array(places.length * PLACE_FIELDS);
    for (const [i, p] of places.entries())
        numbers.set([p.startByte, p.endByte, p.line, p.col, p.endLine, p.endCol], i * PLACE_FIELDS);
    const doBlockParses = parseDoBlocksAhead(parsers, tree.json, tree.nodeRanges, (i) => lines.slice(places[i].startByte, places[i].endByte));
    return {
        sqlBytes,
        lineStarts,
        parserVersion: tree.version,
        places: numbers,
        comments: places.map((p) => p.comments),
        trailingComments,
        json: tree.json,
        ...(doBlockParses ? { doBlockParses } : {}),
    };
}
/**
 * Parses ahead what the main thread's expansion of the file's DO blocks would parse (their
 * PL/pgSQL and the SQL inside: most of the main thread's own parsing in a lint run), using this
 * thread's idle time; undefined for a file without DO blocks.
 */
function parseDoBlocksAhead(parsers, json, nodeRanges, textOf) {
    const blocks = [];
    for (let i = 0; i < nodeRanges.length / 2; i++) {
        const start = nodeRanges[2 * i];
        if (!startsWith(json, start, DO_STMT))
            continue;
        const node = JSON.parse(decoder.decode(json.subarray(start, nodeRanges[2 * i + 1]))).DoStmt;
        blocks.push({ node, text: textOf(i) });
    }
    if (blocks.length === 0)
        return undefined;
    try {
        parseDoBlocks(parsers.full, blocks);
    }
    catch {
        // Only a head start: the main thread parses whatever it is not given.
    }
    return parsers.takeRecorded();
}
/** Whether `bytes` holds `prefix` at `at`. */
function startsWith(bytes, at, prefix) {
    if (at + prefix.length > bytes.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (bytes[at + i] !== prefix[i])
            return false;
    return true;
}
/** The buffers of a reply, moved rather than copied. */
function transfersOf(files) {
    return files.flatMap((f) => [f.sqlBytes.buffer, f.lineStarts.buffer, f.places.buffer, f.json.buffer]);
}
/** Serves parse requests until the pool terminates the thread. */
function serve(port) {
    const ready = (0,raw_parse/* loadPgQueryWasm */._k)().then(workerParsers);
    port.on('message', (request) => {
        ready
            .then((parsers) => {
            const files = request.sqls.map((sql) => parseForTransfer(parsers, sql));
            port.postMessage({ id: request.id, files }, transfersOf(files));
        })
            .catch((error) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }));
    });
}
if (external_node_worker_threads_.parentPort && external_node_worker_threads_.workerData === PARSE_WORKER)
    serve(external_node_worker_threads_.parentPort);

;// CONCATENATED MODULE: ./src/dialects/postgres/parse-pool.ts
/**
 * Parses many files at once. Past a size where it pays (measured: bench/README.md), files go to
 * worker threads, each with its own libpg-query WASM instance; otherwise they are parsed on this
 * thread. Both give the same ParsedSql. A worker runs the parser and places the statements, then
 * sends the tree as JSON bytes; this thread turns them into objects (JSON.parse, as libpg-query
 * itself does) while the workers parse the next files. Objects cannot cross threads any cheaper:
 * structured clone of parse trees costs about as much as parsing their SQL again (bench/README.md).
 */







/** Below this much SQL, starting workers costs more than it saves (bench/README.md). */
const MIN_POOL_BYTES = 4_000_000;
/**
 * SQL per request, and per shard of a lint run: small enough that a shard's trees die in the young
 * generation while its rules run (at 128 KB they were promoted and piled up until a full GC: 385
 * against 275 MiB peak at 4,000 files, bench/README.md), large enough that messages stay few.
 */
const CHUNK_BYTES = 32 * 1024;
/** Requests each worker holds: enough that it never waits while this thread is busy with a chunk. */
const IN_FLIGHT = 4;
/** More workers than this do not help: this thread still builds the objects of every file. */
const MAX_THREADS = 3;
/** The worker entry beside this module; missing in the ncc bundle, which then parses on this thread. */
const WORKER_URL = new URL(/* asset import */ __webpack_require__(82344), __webpack_require__.b);
/** Parses every file, in workers when it pays; the result is in the order of `sqls`. */
async function parseFiles(sqls, options = {}) {
    const out = [];
    for await (const chunk of streamParsedFiles(sqls, options))
        out.push(...chunk.parsed);
    return out;
}
/**
 * Parses the files in consecutive chunks, yielded in order, in workers when it pays: a consumer that
 * drops each chunk before asking for the next holds the trees of only a few chunks at a time, while
 * the workers parse ahead (at most a window of chunks, so memory stays bounded however slow the
 * consumer is).
 */
async function* streamParsedFiles(sqls, options = {}) {
    const threads = options.threads ?? threadsFromEnv() ?? threadsFor(sqls);
    const workerUrl = options.workerUrl ?? WORKER_URL;
    const chunks = chunkFiles(sqls, options.chunkBytes ?? CHUNK_BYTES);
    let done = 0;
    if (threads > 0 && sqls.length > 0 && (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(workerUrl))) {
        const pool = new ChunkPool(sqls, chunks, threads, workerUrl);
        try {
            for (; done < chunks.length; done++)
                yield { start: chunks[done][0], parsed: await pool.take(done) };
            options.log?.log('info', `parsed ${sqls.length} files: ${pool.inWorkers} in ${threads} worker thread${threads === 1 ? '' : 's'}, ${sqls.length - pool.inWorkers} on the main thread`);
        }
        catch (error) {
            // The workers are an optimisation: any failure of theirs falls back to parsing here.
            // An error from a worker thread may come from another realm: read its message without instanceof.
            const message = error?.message;
            options.log?.log('warn', `parse workers failed, parsing on the main thread: ${typeof message === 'string' ? message : String(error)}`);
        }
        finally {
            await pool.stop();
        }
    }
    const parser = await (0,postgres_parser/* loadPostgresParser */.vF)();
    for (; done < chunks.length; done++) {
        const [start, end] = chunks[done];
        yield { start, parsed: sqls.slice(start, end).map((sql) => parser.parse(sql)) };
    }
}
/**
 * How many workers the input is worth: none below MIN_POOL_BYTES, else one per CPU but this
 * thread's (it parses too, and builds the objects of every file), at most MAX_THREADS.
 */
function threadsFor(sqls) {
    let bytes = 0;
    for (const sql of sqls)
        bytes += sql.length;
    if (bytes < MIN_POOL_BYTES)
        return 0;
    return Math.min((0,external_node_os_.availableParallelism)() - 1, MAX_THREADS, Math.ceil(bytes / CHUNK_BYTES));
}
/** PREFLIGHT_PARSE_THREADS, for benchmarks and for machines where the default is wrong; undefined when unset or not a number. */
function threadsFromEnv() {
    const value = Number.parseInt(process.env.PREFLIGHT_PARSE_THREADS ?? '', 10);
    return Number.isNaN(value) || value < 0 ? undefined : value;
}
/** Splits the files into runs of about `chunkBytes`, as [start, end) index pairs. */
function chunkFiles(sqls, chunkBytes) {
    const chunks = [];
    let start = 0;
    let bytes = 0;
    for (const [i, sql] of sqls.entries()) {
        bytes += sql.length;
        if (bytes >= chunkBytes) {
            chunks.push([start, i + 1]);
            start = i + 1;
            bytes = 0;
        }
    }
    if (start < sqls.length)
        chunks.push([start, sqls.length]);
    return chunks;
}
/**
 * Chunks parsed by workers and by this thread at once. Workers keep IN_FLIGHT chunks queued, in
 * order, within a window of chunks ahead of the consumer; while the consumer waits for a chunk a
 * worker has, this thread parses the next unassigned one itself, so both cores stay busy whatever
 * the balance between parsing and building objects turns out to be.
 */
class ChunkPool {
    #sqls;
    #chunks;
    #workers;
    /** Replies not yet taken, by chunk: a worker's transfer form (turned into objects when taken) or this thread's result. */
    #ready = new Map();
    #window;
    #next = 0;
    #taken = 0;
    #failure;
    #wake;
    inWorkers = 0;
    constructor(sqls, chunks, threads, workerUrl) {
        this.#sqls = sqls;
        this.#chunks = chunks;
        this.#window = threads * IN_FLIGHT + 2;
        this.#workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new external_node_worker_threads_.Worker(workerUrl, { workerData: PARSE_WORKER }));
        for (const worker of this.#workers) {
            worker.on('message', (reply) => {
                if ('error' in reply)
                    return this.#fail(new Error(reply.error));
                this.#ready.set(reply.id, reply.files);
                this.inWorkers += reply.files.length;
                this.#send(worker);
                this.#wake?.();
            });
            worker.on('error', (error) => this.#fail(error));
            worker.on('exit', (code) => this.#fail(new Error(`a parse worker exited with code ${code}`)));
            for (let i = 0; i < IN_FLIGHT; i++)
                this.#send(worker);
        }
    }
    /** The parsed files of chunk `id`; chunks are taken in order. */
    async take(id) {
        const parser = await (0,postgres_parser/* loadPostgresParser */.vF)();
        for (;;) {
            if (this.#failure)
                throw this.#failure;
            const ready = this.#ready.get(id);
            if (ready) {
                this.#ready.delete(id);
                this.#taken = id + 1;
                for (const worker of this.#workers)
                    this.#send(worker);
                const [start] = this.#chunks[id];
                // The DO-block parses a worker made are for this chunk's analysis, which comes next.
                (0,postgres_parser/* offerParses */.N8)(ready.flatMap((file) => ('doBlockParses' in file && file.doBlockParses ? [file.doBlockParses] : [])));
                return ready.map((file, i) => ('statements' in file ? file : toParsedSql(this.#sqls[start + i], file)));
            }
            if (this.#next < this.#chunks.length && this.#next < this.#taken + this.#window) {
                const own = this.#next++;
                const [start, end] = this.#chunks[own];
                this.#ready.set(own, this.#sqls.slice(start, end).map((sql) => parser.parse(sql)));
                // Let waiting replies in before taking another chunk.
                await new Promise((resolve) => setImmediate(resolve));
            }
            else {
                await new Promise((resolve) => (this.#wake = resolve));
            }
        }
    }
    /** Terminates the workers; their listeners go first, so that no reply lands after the run. */
    async stop() {
        for (const worker of this.#workers)
            worker.removeAllListeners();
        this.#wake?.();
        await stopWorkers(this.#workers);
    }
    /** Queues the next chunk on the worker, unless that would run past the window. */
    #send(worker) {
        if (this.#next >= this.#chunks.length || this.#next >= this.#taken + this.#window)
            return;
        const [start, end] = this.#chunks[this.#next];
        worker.postMessage({ id: this.#next++, sqls: this.#sqls.slice(start, end) });
    }
    #fail(error) {
        this.#failure ??= error;
        this.#wake?.();
    }
}
/** How long to wait for workers to stop; one still compiling its WASM stops only when that finishes. */
const STOP_WAIT_MS = 1000;
/**
 * Terminates the workers and waits until they are gone (their message ports closed), for at most
 * STOP_WAIT_MS: a worker left terminating keeps the process, or a test runner's worker, alive.
 * One that takes longer is unref'd so that it cannot hold up the exit.
 */
async function stopWorkers(workers) {
    let timer;
    const stopped = Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
    const isStopped = await Promise.race([stopped.then(() => true), new Promise((resolve) => (timer = setTimeout(() => resolve(false), STOP_WAIT_MS)))]);
    clearTimeout(timer);
    if (!isStopped)
        for (const worker of workers)
            worker.unref();
}
/** Rebuilds a worker's file as the ParsedSql parseWith would have returned. */
function toParsedSql(sql, file) {
    const bytes = Buffer.from(file.sqlBytes.buffer, file.sqlBytes.byteOffset, file.sqlBytes.byteLength);
    const lines = new line_index/* LineIndex */.r(sql, { bytes, lineStarts: file.lineStarts });
    if (file.syntaxError)
        return { statements: [], syntaxError: file.syntaxError, trailingComments: [], lines, parserVersion: 0 };
    // One JSON.parse per file, as libpg-query's parseSync does: the nodes are the objects it would return.
    const json = Buffer.from(file.json.buffer, file.json.byteOffset, file.json.byteLength);
    const tree = JSON.parse(json.toString('utf8'));
    const statements = (tree.stmts ?? []).map((raw, index) => {
        const kind = Object.keys(raw.stmt)[0] ?? 'Unknown';
        const at = index * PLACE_FIELDS;
        const place = {
            startByte: file.places[at],
            endByte: file.places[at + 1],
            line: file.places[at + 2],
            col: file.places[at + 3],
            endLine: file.places[at + 4],
            endCol: file.places[at + 5],
            comments: file.comments[index],
        };
        return new postgres_parser/* ParsedStatement */.xu(index, kind, raw.stmt[kind] ?? {}, place, lines);
    });
    return { statements, trailingComments: file.trailingComments, lines, parserVersion: file.parserVersion };
}

;// CONCATENATED MODULE: ./src/engine/engine-checks.ts
const ENGINE_CHECK_IDS = ['config-secrets', 'preflight-engine'];
/** The Record type forces one entry per id. */
const ENGINE_CHECKS = {
    'config-secrets': { category: 'config', severity: 'warning', title: 'Keep secrets out of the config file' },
    'preflight-engine': { category: 'config', severity: 'error', title: 'Preflight ran to completion' },
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/sources/files.ts



/** Names of the regular files in `dir`, sorted by code unit; [] when `dir` is not a readable folder. */
async function listFileNames(dir) {
    return listEntries(dir, (entry) => entry.isFile());
}
/** Names of the sub-folders of `dir`, sorted by code unit; [] when `dir` is not a readable folder. */
async function listFolderNames(dir) {
    return listEntries(dir, (entry) => entry.isDirectory());
}
/** Entry names of `dir` that pass `keep`, sorted; a missing folder simply has no entries. */
async function listEntries(dir, keep) {
    try {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        return entries
            .filter(keep)
            .map((e) => e.name)
            .sort(compareCodeUnits);
    }
    catch (error) {
        // Detection probes paths that may not exist; anything else (EACCES...) is a real problem.
        if (isMissingPath(error))
            return [];
        throw error;
    }
}
/** True for the errors a path that does not exist (or is not a folder) raises. */
function isMissingPath(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
/** True when `p` is an existing regular file. */
async function isFile(p) {
    return (await (0,promises_.stat)(p).catch(() => undefined))?.isFile() ?? false;
}
/** True when `p` is an existing folder. */
async function isFolder(p) {
    return (await (0,promises_.stat)(p).catch(() => undefined))?.isDirectory() ?? false;
}
/**
 * Reads a file as UTF-8 text, keeping a BOM (checksums decide what to do with it). It reads
 * synchronously: fs.promises.readFile makes several thread-pool round trips per file, which made
 * listing 4,000 migrations take over a second (bench/README.md).
 */
async function readText(p) {
    return (0,external_node_fs_.readFileSync)(p, 'utf8');
}
/**
 * A readText that keeps what it read, for one listing: detection reads every file of a folder
 * that is not dbmate's (looking for `-- migrate:up`), and the listing then reads them again.
 */
function createTextReader() {
    const texts = new Map();
    return async (p) => {
        let text = texts.get(p);
        if (text === undefined) {
            text = await readText(p);
            texts.set(p, text);
        }
        return text;
    };
}
/**
 * The first `bytes` bytes of a file as text (a partial last character may be cut): detection that
 * looks at a header reads this much, not every file whole, of folders that turn out to be another tool's.
 */
function readHead(p, bytes = 256) {
    const fd = (0,external_node_fs_.openSync)(p, 'r');
    try {
        const buffer = Buffer.alloc(bytes);
        return buffer.toString('utf8', 0, (0,external_node_fs_.readSync)(fd, buffer, 0, bytes, 0));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The path of `absPath` relative to `projectRoot`, with forward slashes on every platform. */
function toProjectPath(projectRoot, absPath) {
    return external_node_path_default().relative(projectRoot, absPath).split((external_node_path_default()).sep).join('/');
}
/** Orders migrations by integer version ids (golang-migrate, goose, sqlx store the version as a bigint). */
function compareIntegerIds(a, b) {
    const diff = BigInt(a.id) - BigInt(b.id);
    return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
/** Plain string order by UTF-16 code unit, independent of the locale (tools sort file names this way). */
function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Orders "2_b.sql" before "10_a.sql": numeric prefixes compare as numbers, the rest by code unit. */
function compareNatural(a, b) {
    const na = /^\d+/.exec(a)?.[0];
    const nb = /^\d+/.exec(b)?.[0];
    if (na !== undefined && nb !== undefined) {
        const diff = BigInt(na) - BigInt(nb);
        if (diff !== 0n)
            return diff < 0n ? -1 : 1;
    }
    return compareCodeUnits(a, b);
}
/** Applies `migrations.transaction`: `always`/`never` override what the tool does, `auto` keeps it. */
function decideTransaction(fallback, option) {
    if (option === 'always')
        return { runsInTransaction: true, transactionReason: 'migrations.transaction is "always" in the configuration' };
    if (option === 'never')
        return { runsInTransaction: false, transactionReason: 'migrations.transaction is "never" in the configuration' };
    return { runsInTransaction: fallback.runs, transactionReason: fallback.reason };
}
/** Builds a MigrationFile from what the layout found, relative to the project root. */
function toMigrationFile(facts, projectRoot, option) {
    return {
        id: facts.id,
        name: facts.name,
        path: toProjectPath(projectRoot, facts.absPath),
        absPath: facts.absPath,
        sql: facts.sql ?? facts.raw,
        raw: facts.raw,
        kind: facts.kind ?? 'versioned',
        ...decideTransaction(facts.transaction, option),
    };
}
/** True when some applied, non-failed history row has the file's id. */
function hasSuccessfulRow(id, applied) {
    return applied.some((row) => row.id === id && !row.isFailed);
}

// EXTERNAL MODULE: ./src/sources/history-table.ts
var history_table = __webpack_require__(94071);
;// CONCATENATED MODULE: ./src/sources/layouts/atlas.ts
/**
 * Atlas versioned migrations: `<version>[_<name>].sql` files beside an `atlas.sum` integrity file,
 * applied in lexical order of their names, each in its own transaction unless the file's header
 * says `-- atlas:txmode none` (`--tx-mode` on the command line: set migrations.transaction). History
 * in atlas_schema_revisions: in its own schema of that name when the connection names none, else in
 * the connected schema (MySQL: the database); a row is applied when `applied` reached `total`, and
 * a baseline row stands for every version up to it.
 * https://atlasgo.io/versioned/apply, https://atlasgo.io/concepts/migration-directory-integrity
 */



/** Atlas's file name: the version runs up to the first "_" (the name is optional). */
const MIGRATION_FILE = /^([^_]+)(?:_(.*))?\.sql$/;
/** Other tools' names, which Atlas reads only with --dir-format: a folder of them is that tool's. */
const OTHER_FORMATS = /\.(up|down)\.sql$|^[VUR]\d*[._\d]*__/;
/** The header directive; Atlas reads directives from the comment lines that open the file. */
const TXMODE = /^--[ \t]*atlas:txmode[ \t]+(none|file|all)[ \t]*\r?$/m;
/** Says what marks `dir` as an Atlas migration directory (its atlas.sum), or undefined. */
async function findAtlasMarker(dir) {
    const names = await listFileNames(dir);
    if (!names.includes('atlas.sum') || names.some((n) => OTHER_FORMATS.test(n)))
        return undefined;
    return names.some((n) => MIGRATION_FILE.test(n)) ? 'found atlas.sum (Atlas migration directory)' : undefined;
}
/** The transaction mode the file's opening comment lines set, if any. */
function headerTxMode(raw) {
    const header = /^(?:[ \t]*(?:--[^\n]*)?\r?\n)*/.exec(raw.replace(/^\uFEFF/, ''))[0];
    return TXMODE.exec(header)?.[1];
}
/** How Atlas runs the file: in its own transaction unless the header says `-- atlas:txmode none`. */
function atlasTransaction(raw) {
    const mode = headerTxMode(raw);
    if (mode === 'none')
        return { runs: false, reason: '"-- atlas:txmode none" tells Atlas not to use a transaction' };
    return { runs: true, reason: mode === 'all' ? '"-- atlas:txmode all" runs it in one transaction with the other pending files' : 'Atlas runs each migration file in its own transaction (--tx-mode file, the default)' };
}
/** Atlas's RevisionType bits (sql/migrate): baseline 1, execute 2, resolved 4. */
const BASELINE = 1;
/** Normalises the rows: failed when execution stopped part-way (applied < total), baseline rows kept for isApplied. */
function historyOf(ref, rows) {
    const applied = rows.map((row) => {
        const done = Number(row.applied);
        const total = Number(row.total);
        const isBaseline = (Number(row.type) & BASELINE) !== 0;
        const isFailed = !isBaseline && done < total;
        return {
            id: row.version,
            name: row.description,
            ...(row.executed_at ? { appliedAt: row.executed_at } : {}),
            isFailed,
            ...(isBaseline ? { detail: 'Atlas baseline: versions at or below it are never run' } : {}),
            ...(isFailed ? { detail: `Atlas applied ${done} of ${total} statements${row.error ? ` and stopped: ${row.error}` : ''}; fix the file or the database, then run atlas migrate apply again (it resumes) or atlas migrate set` } : {}),
        };
    });
    const baseline = rows.filter((r) => (Number(r.type) & BASELINE) !== 0).map((r) => r.version).sort(compareCodeUnits).at(-1);
    return { table: ref.table, exists: true, applied, ...(baseline ? { appliedUpTo: baseline } : {}) };
}
const COLUMNS = 'version, description, type, applied, total, error';
/** Reads atlas_schema_revisions on PostgreSQL: in the atlas_schema_revisions schema, else on the search_path. */
async function readAtlasHistory(query) {
    let ref = await (0,history_table/* findTable */.UI)(query, 'atlas_schema_revisions.atlas_schema_revisions');
    if (!ref.exists) {
        const onPath = await (0,history_table/* findTable */.UI)(query, 'atlas_schema_revisions');
        if (onPath.exists)
            ref = onPath;
    }
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return historyOf(ref, await query(`SELECT ${COLUMNS}, executed_at::text AS executed_at FROM ${ref.sqlName} ORDER BY version`));
}
/** Reads atlas_schema_revisions on MySQL or MariaDB, in the connection's database. */
async function readAtlasHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, 'atlas_schema_revisions');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return historyOf(ref, await query(`SELECT ${COLUMNS}, CAST(executed_at AS CHAR) AS executed_at FROM ${ref.sqlName} ORDER BY version`));
}
/** Applied when a row of its version finished, or a baseline covers it. */
function isAtlasApplied(file, history) {
    if (history.appliedUpTo !== undefined && compareCodeUnits(file.id, history.appliedUpTo) <= 0)
        return true;
    return history.applied.some((row) => row.id === file.id && !row.isFailed);
}
const atlas = {
    name: 'atlas',
    tool: 'Atlas',
    historyTable: 'atlas_schema_revisions.atlas_schema_revisions',
    detect: async (dir) => (await findAtlasMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n));
        const files = await Promise.all(names.map(async (fileName) => {
            const [, version, name] = MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(dir, fileName);
            const raw = await (options.read ?? readText)(absPath);
            return toMigrationFile({ id: version, name: name ?? version, absPath, raw, transaction: atlasTransaction(raw) }, projectRoot, options.transaction);
        }));
        // Atlas sorts the directory's files by name.
        return files.sort((a, b) => compareCodeUnits(external_node_path_default().basename(a.absPath), external_node_path_default().basename(b.absPath)));
    },
    readHistory: readAtlasHistory,
    readHistoryMysql: readAtlasHistoryMysql,
    isApplied: isAtlasApplied,
};

;// CONCATENATED MODULE: ./src/sources/layouts/dbmate.ts
/**
 * dbmate: <version>_<name>.sql with `-- migrate:up` and `-- migrate:down` sections, history in
 * schema_migrations(version varchar). https://github.com/amacneil/dbmate#creating-migrations
 */




/** dbmate's file pattern: leading digits are the version (kept as written, zeros included). */
const dbmate_MIGRATION_FILE = /^(\d+)_?(.*)\.sql$/;
/** Directive lines; dbmate requires them at the start of a line (its regexps use (?m)^). */
const UP_MARKER = /^--[ \t]*migrate:up(?=[ \t\r]|$).*$/m;
const DOWN_MARKER = /^--[ \t]*migrate:down(?=[ \t\r]|$).*$/m;
/** Says what marks `dir` as a dbmate folder (a file with a `-- migrate:up` line), or undefined. */
async function findDbmateMarker(dir, read = readText) {
    for (const fileName of (await listFileNames(dir)).filter((n) => dbmate_MIGRATION_FILE.test(n))) {
        if (UP_MARKER.test(await read(external_node_path_default().join(dir, fileName))))
            return `found "-- migrate:up" in ${fileName}`;
    }
    return undefined;
}
/** Finds the up section as dbmate's parseMigrationContents does; undefined without an up line. */
function findUpSection(raw) {
    const up = UP_MARKER.exec(raw);
    if (!up)
        return undefined;
    const down = DOWN_MARKER.exec(raw);
    const lineEnd = up.index + up[0].length;
    const start = raw[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
    // Old dbmate allowed the down section first; the up section then runs to the end.
    const end = down && down.index > up.index ? down.index : raw.length;
    // Options follow the directive as key:value pairs, e.g. "-- migrate:up transaction:false".
    const options = up[0].trim().split(/\s+/).slice(1);
    return { start, end, runsInTransaction: !options.includes('transaction:false') };
}
/** Blanks everything outside [start, end) with spaces, keeping CR and LF so offsets and lines match the file. */
function keepOnly(raw, start, end) {
    const blank = (s) => s.replace(/[^\r\n]/g, ' ');
    return blank(raw.slice(0, start)) + raw.slice(start, end) + blank(raw.slice(end));
}
/** Reads schema_migrations; dbmate stores the version string exactly as in the file name. */
async function readDbmateHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'schema_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT version::text AS version FROM ${ref.sqlName} ORDER BY version`);
    return { table: ref.table, exists: true, applied: rows.map((r) => ({ id: r.version, isFailed: false })) };
}
const dbmate = {
    name: 'dbmate',
    tool: 'dbmate',
    historyTable: 'public.schema_migrations',
    detect: async (dir) => (await findDbmateMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const names = (await listFileNames(dir)).filter((n) => dbmate_MIGRATION_FILE.test(n));
        return Promise.all(names.map(async (fileName) => {
            const [, version, name] = dbmate_MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(dir, fileName);
            const raw = await (options.read ?? readText)(absPath);
            const up = findUpSection(raw);
            if (!up) {
                throw new errors/* ConfigError */.xL(`${toProjectPath(projectRoot, absPath)} has no "-- migrate:up" line, so dbmate refuses to run it.`, 'Start the file with "-- migrate:up" and put the rollback after "-- migrate:down".');
            }
            const transaction = up.runsInTransaction
                ? { runs: true, reason: 'dbmate wraps each migration in a transaction' }
                : { runs: false, reason: '"-- migrate:up transaction:false" tells dbmate not to use a transaction' };
            const facts = { id: version, name: name, absPath, raw, sql: keepOnly(raw, up.start, up.end), transaction };
            return toMigrationFile(facts, projectRoot, options.transaction);
        }));
    },
    readHistory: readDbmateHistory,
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/diesel.ts
/**
 * Diesel: <version>_<name>/up.sql (and down.sql), history in __diesel_schema_migrations.
 * https://diesel.rs/guides/getting-started#migrations
 */



/** Migration folders of `dir`: those holding up.sql. */
async function listMigrationFolders(dir) {
    const folders = await listFolderNames(dir);
    const keep = await Promise.all(folders.map((f) => isFile(external_node_path_default().join(dir, f, 'up.sql'))));
    return folders.filter((_, i) => keep[i]);
}
/** Says what marks `dir` as a Diesel folder (a sub-folder with up.sql), or undefined. */
async function findDieselMarker(dir) {
    const [first] = await listMigrationFolders(dir);
    return first ? `found ${first}/up.sql` : undefined;
}
/**
 * Diesel's version: the folder name up to the first "_", dashes removed
 * ("2024-01-01-120000_add_users" -> "20240101120000"), as diesel_migrations' version_from_string.
 */
function dieselVersion(folder) {
    return (folder.split('_')[0] ?? folder).replaceAll('-', '');
}
/** Reads metadata.toml, where `run_in_transaction = false` turns Diesel's transaction off. */
async function readTransactionDefault(folderPath) {
    const metadata = external_node_path_default().join(folderPath, 'metadata.toml');
    if ((await isFile(metadata)) && /^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(await readText(metadata))) {
        return { runs: false, reason: 'metadata.toml sets run_in_transaction = false' };
    }
    return { runs: true, reason: 'Diesel runs each migration in a transaction (run_in_transaction defaults to true)' };
}
/** Reads __diesel_schema_migrations (version, run_on). */
async function readDieselHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, '__diesel_schema_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT version::text AS version, run_on::text AS run_on FROM ${ref.sqlName} ORDER BY version`);
    const applied = rows.map((r) => ({ id: r.version, ...(r.run_on !== null ? { appliedAt: r.run_on } : {}), isFailed: false }));
    return { table: ref.table, exists: true, applied };
}
const diesel = {
    name: 'diesel',
    tool: 'Diesel',
    historyTable: 'public.__diesel_schema_migrations',
    detect: async (dir) => (await findDieselMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const files = await Promise.all((await listMigrationFolders(dir)).map(async (folder) => {
            const folderPath = external_node_path_default().join(dir, folder);
            const absPath = external_node_path_default().join(folderPath, 'up.sql');
            const name = folder.includes('_') ? folder.slice(folder.indexOf('_') + 1) : folder;
            const facts = { id: dieselVersion(folder), name, absPath, raw: await readText(absPath), transaction: await readTransactionDefault(folderPath) };
            return toMigrationFile(facts, projectRoot, options.transaction);
        }));
        // Diesel orders pending migrations by version string.
        return files.sort((a, b) => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.path, b.path));
    },
    readHistory: readDieselHistory,
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/sources/layouts/drizzle.ts
/**
 * Drizzle Kit: <nnnn>_<tag>.sql listed in meta/_journal.json, history in
 * drizzle.__drizzle_migrations(id, hash, created_at). https://orm.drizzle.team/docs/migrations
 */





const JOURNAL = external_node_path_default().join('meta', '_journal.json');
/** drizzle-orm's migrate() runs every pending migration inside one transaction. */
const TRANSACTION = {
    runs: true,
    reason: 'Drizzle runs all pending migrations together in one transaction',
};
/** Says what marks `dir` as a Drizzle folder (meta/_journal.json), or undefined. */
async function findDrizzleMarker(dir) {
    return (await isFile(external_node_path_default().join(dir, JOURNAL))) ? 'found meta/_journal.json' : undefined;
}
/** Reads the journal entries in file order, which is the order Drizzle applies them in. */
async function readJournal(dir, projectRoot) {
    const file = external_node_path_default().join(dir, JOURNAL);
    let entries;
    try {
        entries = JSON.parse(await readText(file)).entries;
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(`${toProjectPath(projectRoot, file)} is not valid JSON (${error.message}).`, 'Regenerate it with drizzle-kit generate.');
    }
    if (!Array.isArray(entries) || !entries.every(isJournalEntry)) {
        throw new errors/* ConfigError */.xL(`${toProjectPath(projectRoot, file)} has no "entries" list of { idx, when, tag }.`, 'Regenerate it with drizzle-kit generate.');
    }
    return entries;
}
/** True when a journal entry has the fields the migrator reads. */
function isJournalEntry(value) {
    const e = value;
    return typeof e === 'object' && e !== null && typeof e.tag === 'string' && Number.isSafeInteger(e.when);
}
/** Drizzle's hash column: SHA-256 hex of the whole file text. */
function drizzleHash(raw) {
    return (0,external_node_crypto_.createHash)('sha256').update(raw, 'utf8').digest('hex');
}
/**
 * Reads __drizzle_migrations. Drizzle applies a journal entry only when its `when` exceeds the
 * created_at of the row it reads with ORDER BY created_at DESC LIMIT 1; PostgreSQL sorts NULLs
 * first there, so a NULL created_at on top makes Drizzle treat the mark as 0 (Number(null)).
 */
async function readDrizzleHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'drizzle.__drizzle_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT hash, created_at::text AS created_at FROM ${ref.sqlName} ORDER BY created_at DESC, id DESC`);
    const applied = rows.map((r) => ({ id: r.created_at ?? '', checksum: r.hash, isFailed: false })).reverse();
    const top = rows[0];
    return { table: ref.table, exists: true, applied, ...(top ? { appliedUpTo: top.created_at ?? '0' } : {}) };
}
/** Mirrors Drizzle: applied when the entry's `when` is at or below the newest created_at. */
function isDrizzleApplied(file, history) {
    return history.appliedUpTo !== undefined && BigInt(file.id) <= BigInt(history.appliedUpTo);
}
const drizzle = {
    name: 'drizzle',
    tool: 'Drizzle',
    historyTable: 'drizzle.__drizzle_migrations',
    detect: async (dir) => (await findDrizzleMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const entries = await readJournal(dir, projectRoot);
        return Promise.all(entries.map(async (entry) => {
            const absPath = external_node_path_default().join(dir, `${entry.tag}.sql`);
            if (!(await isFile(absPath))) {
                throw new errors/* ConfigError */.xL(`meta/_journal.json lists "${entry.tag}" but ${toProjectPath(projectRoot, absPath)} does not exist.`, 'Restore the file or regenerate the journal with drizzle-kit.');
            }
            const facts = { id: String(entry.when), name: entry.tag.replace(/^\d+_/, ''), absPath, raw: await readText(absPath), transaction: TRANSACTION };
            return toMigrationFile(facts, projectRoot, options.transaction);
        }));
    },
    readHistory: readDrizzleHistory,
    checksum: (file) => drizzleHash(file.raw),
    isApplied: isDrizzleApplied,
};

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/sources/layouts/flyway-transactions.ts
/**
 * Whether Flyway runs a PostgreSQL migration in a transaction, decided from its statements as
 * Flyway itself decides: its PostgreSQLParser marks a statement that cannot run in a transaction
 * block by its first keywords (detectCanExecuteInTransaction: CREATE/DROP [UNIQUE] INDEX
 * CONCURRENTLY, REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM, DISCARD ALL, CREATE/DROP
 * DATABASE/TABLESPACE/SUBSCRIPTION, ALTER SYSTEM). A migration of only such statements runs
 * without a transaction; one that mixes them with others is refused before it runs ("Detected both
 * transactional and non-transactional statements within the same migration") unless `mixed` is
 * set, and then runs without one. ALTER TYPE ... ADD VALUE, which Flyway also marks on servers
 * before 12, is not: the server version is unknown when the files are listed.
 * https://documentation.red-gate.com/fd/mixed-277579320.html
 */

// Flyway matches these against the statement's first keywords, upper-cased, one space apart.
const NON_TRANSACTIONAL = [
    /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/,
    /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/,
    /^VACUUM\b/,
    /^DISCARD ALL\b/,
    /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/,
    /^ALTER SYSTEM\b/,
];
/** Classifies a migration's statements as Flyway does. */
function flywayStatements(sql) {
    let first;
    let hasTransactional = false;
    for (const statement of statementHeads(sql)) {
        const pattern = NON_TRANSACTIONAL.find((p) => p.test(statement.head));
        if (pattern)
            first ??= { text: pattern.exec(statement.head)[0], line: statement.line };
        else
            hasTransactional = true;
    }
    if (!first)
        return { kind: 'transactional' };
    return hasTransactional ? { kind: 'mixed', nonTransactional: first.text, line: first.line } : { kind: 'non-transactional', first: first.text };
}
/** How many words of a statement the patterns need. */
const HEAD_WORDS = 5;
/**
 * The first words of each statement (upper case, one space apart) and the line it starts on.
 * Comments, string literals, quoted identifiers and dollar-quoted bodies are skipped, so a `;`
 * inside them does not end a statement.
 */
function* statementHeads(sql) {
    let words = [];
    let line = 1;
    let startLine = 0;
    let hasContent = false;
    const end = function* () {
        if (hasContent)
            yield { head: words.join(' '), line: startLine };
        words = [];
        hasContent = false;
    };
    const begin = () => {
        if (!hasContent)
            startLine = line;
        hasContent = true;
    };
    // Moves past a token that may span lines, counting them.
    const skipTo = (from, to) => {
        for (let k = from; k < to; k++)
            if (sql[k] === '\n')
                line++;
        return to;
    };
    let i = 0;
    while (i < sql.length) {
        const c = sql[i];
        const tag = c === '$' ? (0,sql_lexing/* dollarQuoteTag */.bY)(sql, i) : undefined;
        if (c === '\n') {
            line++;
            i++;
        }
        else if (c === '-' && sql[i + 1] === '-') {
            i = (0,sql_lexing/* skipLineComment */.$V)(sql, i);
        }
        else if (c === '/' && sql[i + 1] === '*') {
            i = skipTo(i, (0,sql_lexing/* skipBlockComment */.cv)(sql, i));
        }
        else if (c === ';') {
            yield* end();
            i++;
        }
        else if (c === "'" || c === '"') {
            begin();
            i = skipTo(i, (0,sql_lexing/* skipQuoted */.er)(sql, i, c === "'" && (0,sql_lexing/* isEscapeString */.Du)(sql, i)));
            words.push('?');
        }
        else if (tag !== undefined) {
            begin();
            i = skipTo(i, (0,sql_lexing/* skipDollarQuoted */.eQ)(sql, i, tag));
            words.push('?');
        }
        else if (/\s/.test(c)) {
            i++;
        }
        else {
            begin();
            const word = /^[A-Za-z_][A-Za-z0-9_$]*|^./.exec(sql.slice(i, i + 64))[0];
            if (words.length < HEAD_WORDS)
                words.push(word.toUpperCase());
            i += word.length;
        }
    }
    yield* end();
}

;// CONCATENATED MODULE: ./src/sources/layouts/flyway.ts
/**
 * Flyway: V<version>__<description>.sql and R__<description>.sql under the location (scanned
 * recursively), history in flyway_schema_history. https://documentation.red-gate.com/fd/migrations-184127470.html
 */





const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const REPEATABLE = /^R__(.*)\.sql$/;
/** Says what marks `dir` as a Flyway location (a V<version>__<desc>.sql file), or undefined. */
async function findFlywayMarker(dir) {
    const first = (await walk(dir)).find((rel) => VERSIONED.test(external_node_path_default().posix.basename(rel)));
    return first ? `found ${first} (V<version>__<description>.sql)` : undefined;
}
/**
 * Flyway's checksum: CRC32 over each line's UTF-8 bytes without line terminators, BOM removed,
 * as a signed 32-bit int (ChecksumCalculator.calculateChecksumForResource). Concatenating the
 * lines equals dropping every CR and LF, and CRC32 is streaming, so one call gives the same value.
 */
function flywayChecksum(text) {
    const lines = text.replace(/^\uFEFF/, '').replace(/[\r\n]/g, '');
    return String((0,external_node_zlib_.crc32)(Buffer.from(lines, 'utf8')) | 0);
}
/** Flyway's version order: dot-separated numbers compared part by part, trailing zeros ignored. */
function compareFlywayVersions(a, b) {
    const pa = versionParts(a);
    const pb = versionParts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const diff = (pa[i] ?? 0n) - (pb[i] ?? 0n);
        if (diff !== 0n)
            return diff < 0n ? -1 : 1;
    }
    return 0;
}
/** Splits "1.01.0" into [1n, 1n]; "1" and "1.0" are the same version for Flyway. */
function versionParts(version) {
    const parts = version.split('.').map((p) => BigInt(p));
    while (parts.length > 1 && parts.at(-1) === 0n)
        parts.pop();
    return parts;
}
/** Relative paths of every file under `dir`, as Flyway scans a filesystem location recursively. */
async function walk(dir, prefix = '') {
    const files = (await listFileNames(dir)).map((n) => prefix + n);
    for (const folder of await listFolderNames(dir))
        files.push(...(await walk(external_node_path_default().join(dir, folder), `${prefix}${folder}/`)));
    return files;
}
/**
 * Whether Flyway wraps the migration in a transaction: not when `<script>.conf` sets
 * executeInTransaction=false, nor when its statements are ones Flyway runs outside a transaction
 * (flyway-transactions.ts), alone or, with `mixed`, next to others.
 */
async function flyway_readTransactionDefault(absPath, raw, isMixedAllowed) {
    const conf = `${absPath}.conf`;
    if ((await isFile(conf)) && /^\s*executeInTransaction\s*=\s*false\s*$/m.test(await readText(conf))) {
        return { runs: false, reason: `${external_node_path_default().basename(conf)} sets executeInTransaction=false` };
    }
    const statements = flywayStatements(raw);
    switch (statements.kind) {
        case 'transactional':
            return { runs: true, reason: 'Flyway runs each migration in its own transaction on PostgreSQL' };
        case 'non-transactional':
            return { runs: false, reason: `Flyway runs a migration whose every statement is one it cannot run in a transaction (${statements.first}) without one` };
        case 'mixed':
            if (isMixedAllowed)
                return { runs: false, reason: `with mixed=true Flyway runs a migration that mixes ${statements.nonTransactional} (line ${statements.line}) with other statements without a transaction` };
            return {
                runs: true,
                reason: `Flyway refuses this migration before running any of it: it mixes ${statements.nonTransactional} (line ${statements.line}), which Flyway runs outside a transaction, with statements it runs in one, and mixed=true is not set`,
            };
    }
}
/**
 * Whether the project sets Flyway's `mixed` option: FLYWAY_MIXED, flyway.mixed in flyway.conf
 * (the project root or its conf/ folder), mixed in flyway.toml, or spring.flyway.mixed in a Spring
 * Boot application*.properties. YAML Spring configs are not read.
 */
async function readMixedOption(projectRoot) {
    if (/^true$/i.test(process.env.FLYWAY_MIXED ?? ''))
        return true;
    const candidates = [
        [external_node_path_default().join(projectRoot, 'flyway.conf'), /^\s*flyway\.mixed\s*=\s*true\s*$/im],
        [external_node_path_default().join(projectRoot, 'conf', 'flyway.conf'), /^\s*flyway\.mixed\s*=\s*true\s*$/im],
        [external_node_path_default().join(projectRoot, 'flyway.toml'), /^\s*mixed\s*=\s*true\s*$/im],
    ];
    const resources = external_node_path_default().join(projectRoot, 'src', 'main', 'resources');
    for (const name of await listFileNames(resources)) {
        if (/^application.*\.properties$/.test(name))
            candidates.push([external_node_path_default().join(resources, name), /^\s*spring\.flyway\.mixed\s*=\s*true\s*$/im]);
    }
    for (const [file, pattern] of candidates)
        if ((await isFile(file)) && pattern.test(await readText(file)))
            return true;
    return false;
}
/** Sorts versioned migrations by version, then repeatables by description, as Flyway applies them. */
function compareFlywayFiles(a, b) {
    if (a.kind !== b.kind)
        return a.kind === 'versioned' ? -1 : 1;
    return a.kind === 'versioned' ? compareFlywayVersions(a.id, b.id) : compareCodeUnits(a.id, b.id);
}
/** Reads flyway_schema_history; a BASELINE row marks every version at or below it as applied. */
async function readFlywayHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'flyway_schema_history');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT version, description, type, checksum::text AS checksum, success, installed_on::text AS installed_on
       FROM ${ref.sqlName} ORDER BY installed_rank`);
    return historyFromRows(ref.table, rows);
}
/** The same on MySQL, where Flyway keeps flyway_schema_history in the connection's database and success is a TINYINT. */
async function readFlywayHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, 'flyway_schema_history');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT version, description, type, CAST(checksum AS CHAR) AS checksum, success <> 0 AS success, CAST(installed_on AS CHAR) AS installed_on
       FROM ${ref.sqlName} ORDER BY installed_rank`);
    // MySQL returns the comparison as 0 or 1, not a boolean.
    return historyFromRows(ref.table, rows.map((r) => ({ ...r, success: Number(r.success) === 1 })));
}
/** The history Flyway's rows describe, in installed_rank order. */
function historyFromRows(table, rows) {
    // The SCHEMA row only records that Flyway created the schema; it is no migration.
    const useful = rows.filter((r) => r.type !== 'SCHEMA');
    const baseline = useful.filter((r) => r.type === 'BASELINE' && r.version !== null).at(-1);
    return {
        table,
        exists: true,
        applied: useful.map(toApplied),
        ...(baseline?.version ? { appliedUpTo: baseline.version } : {}),
    };
}
/** Normalises one history row: versioned rows by version, repeatable rows by description. */
function toApplied(row) {
    return {
        id: row.version ?? row.description,
        name: row.description,
        ...(row.checksum !== null ? { checksum: row.checksum } : {}),
        ...(row.installed_on !== null ? { appliedAt: row.installed_on } : {}),
        isFailed: !row.success,
        ...(row.type === 'BASELINE' ? { detail: 'Flyway baseline: versions at or below it are never run' } : {}),
        ...(!row.success ? { detail: 'Flyway recorded this migration as failed (success = false); fix it, then run flyway repair' } : {}),
    };
}
/** Versioned: a successful row of equal version or a baseline above it; repeatable: the latest row's checksum matches. */
function isFlywayApplied(file, history) {
    if (file.kind === 'repeatable') {
        const latest = history.applied.filter((r) => r.id === file.id && !r.isFailed).at(-1);
        // Flyway re-runs a repeatable migration whenever its checksum changes.
        return latest !== undefined && latest.checksum === flywayChecksum(file.raw);
    }
    if (history.appliedUpTo !== undefined && compareFlywayVersions(file.id, history.appliedUpTo) <= 0)
        return true;
    return history.applied.some((r) => !r.isFailed && /^\d+(\.\d+)*$/.test(r.id) && compareFlywayVersions(r.id, file.id) === 0);
}
const flyway = {
    name: 'flyway',
    tool: 'Flyway',
    historyTable: 'public.flyway_schema_history',
    detect: async (dir) => (await findFlywayMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const files = [];
        const isMixedAllowed = await readMixedOption(projectRoot);
        for (const rel of await walk(dir)) {
            const base = external_node_path_default().posix.basename(rel);
            const versioned = VERSIONED.exec(base);
            const repeatable = REPEATABLE.exec(base);
            if (!versioned && !repeatable)
                continue;
            const absPath = external_node_path_default().join(dir, ...rel.split('/'));
            // Flyway turns "_" into "." in versions and into spaces in descriptions.
            const description = (versioned?.[2] ?? repeatable?.[1] ?? '').replaceAll('_', ' ');
            const raw = await readText(absPath);
            const facts = {
                id: versioned ? versioned[1].replaceAll('_', '.') : description,
                name: description,
                absPath,
                raw,
                kind: versioned ? 'versioned' : 'repeatable',
                transaction: await flyway_readTransactionDefault(absPath, raw, isMixedAllowed),
            };
            files.push(toMigrationFile(facts, projectRoot, options.transaction));
        }
        return files.sort(compareFlywayFiles);
    },
    readHistory: readFlywayHistory,
    readHistoryMysql: readFlywayHistoryMysql,
    checksum: (file) => flywayChecksum(file.raw),
    isApplied: isFlywayApplied,
};

;// CONCATENATED MODULE: ./src/sources/layouts/golang-migrate.ts
/**
 * golang-migrate: <version>_<name>.up.sql (and .down.sql, never run forwards), history in
 * schema_migrations(version bigint, dirty boolean) holding one row: the newest version.
 * https://github.com/golang-migrate/migrate/blob/master/database/postgres/README.md
 */



const UP_FILE = /^(\d+)_(.*)\.up\.sql$/;
/**
 * The postgres driver sends the whole file as one simple-protocol query; PostgreSQL runs a
 * multi-statement query string as one implicit transaction (a single statement runs alone).
 * With `x-multi-statement=true` in the URL the driver splits the file and nothing wraps it;
 * the URL is not visible from the files, so set migrations.transaction to "never" in that case.
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT
 */
const golang_migrate_TRANSACTION = {
    runs: true,
    reason: 'golang-migrate sends the file as one query, which PostgreSQL runs in an implicit transaction for multi-statement files (not with x-multi-statement=true)',
};
/** Says what marks `dir` as a golang-migrate folder (a *.up.sql file), or undefined. */
async function findGolangMigrateMarker(dir) {
    const first = (await listFileNames(dir)).find((n) => UP_FILE.test(n));
    return first ? `found ${first} (<version>_<name>.up.sql)` : undefined;
}
/** Reads the single schema_migrations row; a dirty row marks that version as failed. */
async function readGolangMigrateHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'schema_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    // Same read as the driver's Version(): the table holds at most one row.
    const [row] = await query(`SELECT version::text AS version, dirty FROM ${ref.sqlName} LIMIT 1`);
    return historyFromRow(ref.table, row);
}
/** The same on MySQL, where the driver keeps schema_migrations(version bigint, dirty boolean) in the connection's database. */
async function readGolangMigrateHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, 'schema_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const [row] = await query(`SELECT CAST(version AS CHAR) AS version, dirty <> 0 AS dirty FROM ${ref.sqlName} LIMIT 1`);
    return historyFromRow(ref.table, row && { version: row.version, dirty: Number(row.dirty) === 1 });
}
/** The history the single schema_migrations row describes. */
function historyFromRow(table, row) {
    // No row, or -1 (NilVersion) after migrating all the way down: nothing is applied.
    if (!row || BigInt(row.version) < 0n)
        return { table, exists: true, applied: [] };
    const applied = {
        id: row.version,
        isFailed: row.dirty,
        ...(row.dirty
            ? { detail: `schema_migrations is dirty at version ${row.version}: that migration failed part-way; repair the database, then run "migrate force ${row.version}" (or the version before it)` }
            : {}),
    };
    return { table, exists: true, applied: [applied], appliedUpTo: row.version };
}
/** Applied when at or below the stored version, except the stored version itself while dirty. */
function isGolangMigrateApplied(file, history) {
    if (history.appliedUpTo === undefined)
        return false;
    const version = BigInt(file.id);
    const upTo = BigInt(history.appliedUpTo);
    if (version < upTo)
        return true;
    return version === upTo && !history.applied.some((r) => r.id === file.id && r.isFailed);
}
const golangMigrate = {
    name: 'golang-migrate',
    tool: 'golang-migrate',
    historyTable: 'public.schema_migrations',
    detect: async (dir) => (await findGolangMigrateMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const files = await Promise.all((await listFileNames(dir)).flatMap((fileName) => {
            const match = UP_FILE.exec(fileName);
            if (!match)
                return [];
            const absPath = external_node_path_default().join(dir, fileName);
            return [
                readText(absPath).then((raw) => 
                // The history stores the version as bigint, so "0001" is stored as 1.
                toMigrationFile({ id: BigInt(match[1]).toString(), name: match[2], absPath, raw, transaction: golang_migrate_TRANSACTION }, projectRoot, options.transaction)),
            ];
        }));
        return files.sort(compareIntegerIds);
    },
    readHistory: readGolangMigrateHistory,
    readHistoryMysql: readGolangMigrateHistoryMysql,
    isApplied: isGolangMigrateApplied,
};

;// CONCATENATED MODULE: ./src/sources/layouts/goose.ts
/**
 * goose (pressly/goose): <version>_<name>.sql with `-- +goose Up` and `-- +goose Down` sections,
 * `-- +goose StatementBegin` / `StatementEnd` around statements holding semicolons, and
 * `-- +goose NO TRANSACTION` for a file run outside a transaction. History in goose_db_version
 * (id, version_id, is_applied, tstamp): a version is applied when its latest row says so.
 * https://pressly.github.io/goose/documentation/annotations/
 */





/** goose's file pattern: the leading digits are the version (goose reads them as an integer). */
const goose_MIGRATION_FILE = /^(\d+)_(.*)\.sql$/;
/** Annotation lines; goose matches them case-insensitively at the start of a line. */
const goose_UP_MARKER = /^--[ \t]*\+goose[ \t]+up[ \t]*\r?$/im;
const goose_DOWN_MARKER = /^--[ \t]*\+goose[ \t]+down[ \t]*\r?$/im;
const NO_TRANSACTION = /^--[ \t]*\+goose[ \t]+no[ \t]+transaction[ \t]*\r?$/im;
/** Says what marks `dir` as a goose folder (a file with a `-- +goose Up` line), or undefined. */
async function findGooseMarker(dir, read = readText) {
    for (const fileName of (await listFileNames(dir)).filter((n) => goose_MIGRATION_FILE.test(n))) {
        if (goose_UP_MARKER.test(await read(external_node_path_default().join(dir, fileName))))
            return `found "-- +goose Up" in ${fileName}`;
    }
    return undefined;
}
/** The up section of a goose file: from after its `-- +goose Up` line to its `-- +goose Down` line or the end. */
function findGooseUp(raw) {
    const up = goose_UP_MARKER.exec(raw);
    if (!up)
        return undefined;
    const lineEnd = up.index + up[0].length;
    const start = raw[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
    const rest = raw.slice(start);
    const down = goose_DOWN_MARKER.exec(rest);
    return { start, end: down ? start + down.index : raw.length };
}
/** The versions whose latest row (highest id) says applied; version 0 is the row goose creates with its table. */
function appliedFromRows(rows) {
    const latest = new Map();
    for (const row of rows)
        if (!latest.has(row.version))
            latest.set(row.version, row.is_applied === true || Number(row.is_applied) === 1 || row.is_applied === 't');
    return [...latest].filter(([version, isApplied]) => isApplied && version !== '0').map(([version]) => ({ id: version, isFailed: false }));
}
/** Reads goose_db_version on PostgreSQL. */
async function readGooseHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'goose_db_version');
    return ref.exists ? goose_historyOf(ref, await query(`SELECT version_id::text AS version, is_applied FROM ${ref.sqlName} ORDER BY id DESC`)) : (0,history_table/* missingHistory */.PJ)(ref);
}
/** Reads goose_db_version on MySQL or MariaDB. */
async function readGooseHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, 'goose_db_version');
    return ref.exists ? goose_historyOf(ref, await query(`SELECT CAST(version_id AS CHAR) AS version, is_applied FROM ${ref.sqlName} ORDER BY id DESC`)) : (0,history_table/* missingHistory */.PJ)(ref);
}
/** The history the rows (newest first) describe. */
function goose_historyOf(ref, rows) {
    return { table: ref.table, exists: true, applied: appliedFromRows(rows) };
}
const goose = {
    name: 'goose',
    tool: 'goose',
    historyTable: 'public.goose_db_version',
    detect: async (dir) => (await findGooseMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const names = (await listFileNames(dir)).filter((n) => goose_MIGRATION_FILE.test(n));
        const files = await Promise.all(names.map(async (fileName) => {
            const [, digits, name] = goose_MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(dir, fileName);
            const raw = await (options.read ?? readText)(absPath);
            const up = findGooseUp(raw);
            if (!up) {
                throw new errors/* ConfigError */.xL(`${toProjectPath(projectRoot, absPath)} has no "-- +goose Up" line, so goose refuses to run it.`, 'Start the file with "-- +goose Up" and put the rollback after "-- +goose Down".');
            }
            const transaction = NO_TRANSACTION.test(raw)
                ? { runs: false, reason: '"-- +goose NO TRANSACTION" tells goose not to use a transaction' }
                : { runs: true, reason: 'goose wraps each migration in a transaction' };
            // goose stores the version as an integer: 00001 and 1 are the same migration.
            const facts = { id: BigInt(digits).toString(), name: name, absPath, raw, sql: keepOnly(raw, up.start, up.end), transaction };
            return toMigrationFile(facts, projectRoot, options.transaction);
        }));
        // goose applies in version order (numeric), whatever the names' widths.
        return files.sort(compareIntegerIds);
    },
    readHistory: readGooseHistory,
    readHistoryMysql: readGooseHistoryMysql,
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/liquibase.ts
/**
 * Liquibase formatted SQL: `.sql` files that start with `--liquibase formatted sql`, each holding
 * changesets (`--changeset author:id attribute:value ...`) that Liquibase runs and records one at a
 * time, each in its own transaction unless `runInTransaction:false`. Files run in the order of the
 * master changelog in the folder (XML, YAML or JSON include / includeAll entries, followed into
 * included changelogs), else in path order with sub-folders, as `includeAll` runs them.
 * History in DATABASECHANGELOG: one row per changeset, keyed by id, author and file name; a file is
 * applied when every changeset in it is, and only the changesets still to run are analysed.
 * https://docs.liquibase.com/concepts/changelogs/sql-format.html,
 * https://docs.liquibase.com/concepts/tracking-tables/databasechangelog-table.html
 */



/** The header Liquibase requires on the first line (a space after "--" is tolerated by current versions). */
const HEADER = /^\uFEFF?[ \t]*--[ \t]*liquibase[ \t]+formatted[ \t]+sql\b/i;
const CHANGESET = /^--[ \t]*changeset[ \t]+(\S+)(.*)$/i;
/** Reads the changesets of a formatted SQL file, with their attributes (`key:value`, lower-case keys). */
function readChangesets(raw) {
    const lines = raw.split('\n');
    const out = [];
    lines.forEach((text, i) => {
        const match = CHANGESET.exec(text.replace(/\r$/, ''));
        if (!match)
            return;
        // author:id; an id may itself hold ":" (author is up to the first one).
        const colon = match[1].indexOf(':');
        const author = colon === -1 ? '' : match[1].slice(0, colon);
        const id = colon === -1 ? match[1] : match[1].slice(colon + 1);
        out.push({ author, id, line: i + 1, attributes: readAttributes(match[2] ?? '') });
    });
    return out.map((c, i) => ({ ...c, endLine: out[i + 1]?.line ?? lines.length + 1 }));
}
/** `key:value` pairs after the author:id; a value may be quoted ("..." or '...'), endDelimiter may hold spaces no other value does. */
function readAttributes(text) {
    const attributes = {};
    for (const match of text.matchAll(/([A-Za-z]+):("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S*)/g)) {
        const value = match[2];
        attributes[match[1].toLowerCase()] = /^["']/.test(value) ? value.slice(1, -1) : value;
    }
    return attributes;
}
/** Whether a changeset runs on PostgreSQL, MySQL or MariaDB by its dbms attribute ("postgresql", "h2,postgresql", "!h2"). */
function isForOurDatabases(changeset) {
    const dbms = changeset.attributes.dbms;
    if (!dbms)
        return true;
    const names = dbms.toLowerCase().split(',').map((d) => d.trim());
    const ours = ['postgresql', 'mysql', 'mariadb', 'all'];
    if (names.some((n) => ours.includes(n)))
        return true;
    // Only exclusions: it runs everywhere but there.
    return names.every((n) => n.startsWith('!')) && !names.includes('!postgresql');
}
/** How Liquibase runs a changeset's SQL. */
function unitOfChangeset(changeset) {
    const label = `changeset ${changeset.author}:${changeset.id}`;
    return /^false$/i.test(changeset.attributes.runintransaction ?? '')
        ? { line: changeset.line, label, runsInTransaction: false, transactionReason: `${label} sets runInTransaction:false` }
        : { line: changeset.line, label, runsInTransaction: true, transactionReason: `Liquibase runs ${label} in its own transaction` };
}
/**
 * The SQL Liquibase runs from a file: the lines of changesets for other databases blanked (so lines
 * and offsets stay the file's), and a line holding only a custom endDelimiter (`/`, `GO`) made a
 * `;`, which is what that delimiter means.
 */
function sqlOf(raw, changesets) {
    const lines = raw.split('\n');
    for (const changeset of changesets) {
        const skip = !isForOurDatabases(changeset);
        const delimiter = changeset.attributes.enddelimiter;
        for (let i = changeset.line; i < changeset.endLine - 1; i++) {
            const line = lines[i];
            if (skip)
                lines[i] = line.replace(/[^\r]/g, ' ');
            else if (delimiter && delimiter !== ';' && isDelimiterLine(line, delimiter))
                lines[i] = line.replace(/\S/, ';').replace(/\S(?<!;)/g, ' ');
        }
    }
    return lines.join('\n');
}
/** Whether a line holds only the changeset's end delimiter: a literal (`/`, `GO`) or a simple regex of one (`\n/\s*\n|\n/\s*$`). */
function isDelimiterLine(line, delimiter) {
    const text = line.trim();
    if (text === '')
        return false;
    const literal = delimiter.replace(/\\n|\\s\*|\\s\+|\$|\^/g, '').replace(/\|.*$/, '').trim();
    return literal !== '' && text.toLowerCase() === literal.toLowerCase().replace(/\\(.)/g, '$1');
}
/**
 * Says what marks `dir` as a Liquibase folder (a formatted SQL file in it or below), or undefined.
 * Detection tries it before Flyway's and golang-migrate's names, so it reads only each file's head:
 * their folders are not read whole twice.
 */
async function findLiquibaseMarker(dir) {
    for (const rel of await walkSql(dir)) {
        if (HEADER.test(readHead(external_node_path_default().join(dir, ...rel.split('/')))))
            return `found "--liquibase formatted sql" in ${rel}`;
    }
    return undefined;
}
/** Relative paths of the files under `dir` whose names pass `keep`, sub-folders included, in path order (includeAll's). */
async function liquibase_walk(dir, keep, prefix = '') {
    const out = (await listFileNames(dir)).filter(keep).map((n) => `${prefix}${n}`);
    for (const folder of await listFolderNames(dir))
        out.push(...(await liquibase_walk(external_node_path_default().join(dir, folder), keep, `${prefix}${folder}/`)));
    return out.sort(compareCodeUnits);
}
/** Relative paths of the .sql files under `dir`, in path order. */
function walkSql(dir) {
    return liquibase_walk(dir, (n) => n.endsWith('.sql'));
}
const CHANGELOG_FILE = /\.(xml|ya?ml|json)$/i;
/** include / includeAll entries of XML, YAML and JSON changelogs, in document order. */
const ENTRIES = [
    /<(include|includeAll)\b[^>]*?\b(?:file|path)\s*=\s*"([^"]+)"/g,
    /-\s*(include|includeAll)\s*:\s*\r?\n\s*(?:[\w-]+\s*:.*\r?\n\s*)*?(?:file|path)\s*:\s*["']?([^"'\s#]+)/g,
    /"(include|includeAll)"\s*:\s*\{[^}]*?"(?:file|path)"\s*:\s*"([^"]+)"/g,
    /-\s*(include|includeAll)\s*:\s*\{[^}]*?\b(?:file|path)\s*:\s*["']?([^"',}\s]+)/g,
];
/** The include and includeAll entries of a changelog's text, in order: [kind, path]. */
async function changelogEntries(rel, text) {
    // YAML and JSON through a parser (the yaml package, loaded only here); XML, and anything that does not parse, by pattern.
    if (/\.(ya?ml|json)$/i.test(rel)) {
        try {
            const doc = /\.json$/i.test(rel) ? JSON.parse(text) : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19))).parse(text);
            const list = doc?.databaseChangeLog;
            if (Array.isArray(list))
                return list.flatMap((entry) => entriesOf(entry));
        }
        catch {
            // Not valid YAML or JSON: read it by pattern below.
        }
    }
    const found = [];
    for (const pattern of ENTRIES)
        for (const m of text.matchAll(pattern))
            found.push([m.index, m[1], m[2]]);
    return found.sort((a, b) => a[0] - b[0]).map(([, kind, file]) => [kind, file]);
}
/** The include or includeAll of one parsed changelog entry ({ include: { file } } or { includeAll: { path } }). */
function entriesOf(entry) {
    const include = entry?.include?.file;
    const all = entry?.includeAll?.path;
    if (typeof include === 'string')
        return [['include', include]];
    if (typeof all === 'string')
        return [['includeAll', all]];
    return [];
}
/** A path from a changelog as a relative path with forward slashes ("classpath:/db/x.sql" -> "db/x.sql"). */
function normaliseIncluded(file) {
    return file.replace(/^classpath\*?:/, '').replaceAll('\\', '/').replace(/^\.?\/+/, '').replace(/\/+$/, '');
}
/** Whether `rel` (a path under the folder) is the included path: equal, or ending with it after a "/". */
function isPathOf(rel, included, changelogDir) {
    const relative = changelogDir ? `${changelogDir}/${included}` : included;
    return rel === included || rel === relative || rel.endsWith(`/${included}`) || `/${included}`.endsWith(`/${rel}`);
}
/**
 * The order a master changelog in the folder gives its SQL files (include runs in the order
 * listed, includeAll in path order), following included XML/YAML changelogs; undefined without one.
 * Paths are matched by their ends, as changelogs name them relative to the classpath or to themselves.
 */
async function changelogOrder(dir, sqlFiles, read) {
    const changelogs = await liquibase_walk(dir, (n) => CHANGELOG_FILE.test(n));
    const texts = new Map();
    for (const rel of changelogs) {
        const text = await read(external_node_path_default().join(dir, ...rel.split('/')));
        if (/databaseChangeLog/.test(text))
            texts.set(rel, text);
    }
    if (texts.size === 0)
        return undefined;
    const entries = new Map();
    for (const [rel, text] of texts)
        entries.set(rel, await changelogEntries(rel, text));
    // The master is the changelog no other one includes (the shallowest first).
    const included = new Set();
    for (const [rel, list] of entries)
        for (const [, file] of list)
            for (const other of texts.keys())
                if (other !== rel && isPathOf(other, normaliseIncluded(file), external_node_path_default().posix.dirname(rel)))
                    included.add(other);
    const roots = [...texts.keys()].filter((rel) => !included.has(rel)).sort((a, b) => a.split('/').length - b.split('/').length || compareCodeUnits(a, b));
    const order = [];
    const placed = new Set();
    const place = (sql) => {
        if (placed.has(sql))
            return;
        placed.add(sql);
        order.push(sql);
    };
    const seen = new Set();
    const visit = (rel) => {
        if (seen.has(rel))
            return;
        seen.add(rel);
        const base = external_node_path_default().posix.dirname(rel) === '.' ? '' : external_node_path_default().posix.dirname(rel);
        for (const [kind, file] of entries.get(rel) ?? []) {
            const target = normaliseIncluded(file);
            if (kind === 'includeAll') {
                for (const sql of sqlFiles)
                    if (!placed.has(sql) && [...sqlDirsOf(sql)].some((d) => isPathOf(d, target, base)))
                        place(sql);
            }
            else if (target.endsWith('.sql')) {
                const sql = sqlFiles.find((f) => isPathOf(f, target, base));
                if (sql)
                    place(sql);
            }
            else {
                const child = [...texts.keys()].find((f) => isPathOf(f, target, base));
                if (child)
                    visit(child);
            }
        }
    };
    for (const root of roots)
        visit(root);
    return order.length > 0 ? order : undefined;
}
/** The folders a file path lies in: "a/b/c.sql" -> "a", "a/b". */
function* sqlDirsOf(rel) {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++)
        yield parts.slice(0, i).join('/');
}
/** What Liquibase runs of a formatted SQL file: its SQL (other databases' changesets blanked) and its changesets as units. */
function changesetsOf(raw) {
    const changesets = readChangesets(raw);
    return { sql: sqlOf(raw, changesets), units: changesets.filter(isForOurDatabases).map(unitOfChangeset) };
}
/** Builds one formatted SQL file's migration. */
function liquibaseFile(rel, absPath, raw, projectRoot, option) {
    const { sql, units } = changesetsOf(raw);
    const anyInTransaction = units.length === 0 || units.some((u) => u.runsInTransaction);
    const transaction = anyInTransaction
        ? { runs: true, reason: 'Liquibase runs each changeset in its own transaction unless it sets runInTransaction:false' }
        : { runs: false, reason: 'every changeset in the file sets runInTransaction:false' };
    const file = toMigrationFile({ id: rel, name: rel.replace(/\.sql$/, ''), absPath, raw, sql, transaction }, projectRoot, option);
    // migrations.transaction always/never overrides every changeset alike.
    const override = option === 'auto' ? undefined : { runsInTransaction: file.runsInTransaction, transactionReason: file.transactionReason };
    return { ...file, units: units.map((u) => ({ ...u, ...override })) };
}
/** One applied changeset per row; FAILED rows (failOnError:false let the update go on) count as failures. */
function liquibase_historyOf(ref, rows) {
    const applied = rows.map((row) => ({
        id: `${row.filename}::${row.id}::${row.author}`,
        name: `changeset ${row.author}:${row.id} of ${row.filename}`,
        ...(row.dateexecuted ? { appliedAt: row.dateexecuted } : {}),
        isFailed: row.exectype === 'FAILED',
        ...(row.exectype === 'FAILED' ? { detail: 'Liquibase recorded this changeset as FAILED (failOnError:false let the update continue)' } : {}),
    }));
    return { table: ref.table, exists: true, applied };
}
/** Reads DATABASECHANGELOG on PostgreSQL (Liquibase creates it lower-case, in the default schema). */
async function readLiquibaseHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'databasechangelog');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return liquibase_historyOf(ref, await query(`SELECT id, author, filename, exectype, dateexecuted::text AS dateexecuted FROM ${ref.sqlName} ORDER BY orderexecuted`));
}
/** Reads DATABASECHANGELOG on MySQL or MariaDB, in the connection's database. */
async function readLiquibaseHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, 'DATABASECHANGELOG');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return liquibase_historyOf(ref, await query(`SELECT ID AS id, AUTHOR AS author, FILENAME AS filename, EXECTYPE AS exectype, CAST(DATEEXECUTED AS CHAR) AS dateexecuted FROM ${ref.sqlName} ORDER BY ORDEREXECUTED`));
}
/**
 * Whether a row's stored file name is this file: Liquibase stores the path as the changelog named
 * it (relative to its search path, or with "classpath:"), so the file's path must end with it.
 */
function isSameFile(stored, file) {
    const name = stored.replace(/^classpath\*?:/, '').replaceAll('\\', '/').replace(/^\.?\/+/, '');
    const own = file.path.replaceAll('\\', '/');
    return own === name || own.endsWith(`/${name}`) || name.endsWith(`/${own}`);
}
/** Whether a row records this changeset of this file. */
function recordsChangeset(row, file, unit) {
    const [filename = '', id, author] = row.id.split('::');
    return `changeset ${author}:${id}` === unit.label && isSameFile(filename, file);
}
/** Whether every changeset (for our databases) of the file is recorded as run. */
function isUnitApplied(file, unit, history) {
    return history.applied.some((row) => !row.isFailed && recordsChangeset(row, file, unit));
}
const liquibase = {
    name: 'liquibase',
    tool: 'Liquibase',
    historyTable: 'public.databasechangelog',
    detect: async (dir) => (await findLiquibaseMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const files = [];
        const read = options.read ?? readText;
        const all = await walkSql(dir);
        // The master changelog's order, then anything it does not name, in path order.
        const ordered = (await changelogOrder(dir, all, read)) ?? [];
        const listed = new Set(ordered);
        for (const rel of [...ordered, ...all.filter((f) => !listed.has(f))]) {
            const absPath = external_node_path_default().join(dir, ...rel.split('/'));
            const raw = await read(absPath);
            // Plain .sql files beside the changelogs are not changesets: Liquibase runs them only through a sqlFile change.
            if (HEADER.test(raw))
                files.push(liquibaseFile(rel, absPath, raw, projectRoot, options.transaction));
        }
        return files;
    },
    readHistory: readLiquibaseHistory,
    readHistoryMysql: readLiquibaseHistoryMysql,
    isApplied: (file, history) => (file.units ?? []).every((unit) => isUnitApplied(file, unit, history)),
    pendingPart(file, history) {
        const units = file.units ?? [];
        const pending = units.filter((unit) => !isUnitApplied(file, unit, history));
        if (pending.length === 0)
            return undefined;
        if (pending.length === units.length)
            return file;
        // Blank the applied changesets' lines, keeping every offset and line of the file.
        const lines = file.sql.split('\n');
        const lastLine = lines.length + 1;
        units.forEach((unit, i) => {
            if (pending.includes(unit))
                return;
            const end = units[i + 1]?.line ?? lastLine;
            for (let l = unit.line; l < end; l++)
                lines[l - 1] = lines[l - 1].replace(/[^\r]/g, ' ');
        });
        const isAnyWrapped = pending.some((u) => u.runsInTransaction);
        return {
            ...file,
            sql: lines.join('\n'),
            units: pending,
            runsInTransaction: isAnyWrapped,
            transactionReason: isAnyWrapped ? file.transactionReason : 'every changeset still to run sets runInTransaction:false',
        };
    },
    recordsFile: (row, file) => (file.units ?? []).some((unit) => recordsChangeset(row, file, unit)),
};

;// CONCATENATED MODULE: ./src/sources/layouts/plain.ts
/**
 * A plain folder of .sql files run in order by whatever runner the project uses (psql, a script).
 * Nothing is known about a history table unless the configuration names one.
 */




const plain_TRANSACTION = {
    runs: false,
    reason: 'a plain .sql file runs statement by statement with no wrapper; set migrations.transaction to "always" if your runner adds one',
};
/** Columns a configured history table may hold the applied file names in, by preference. */
const ID_COLUMNS = ['version', 'name'];
/** Says what marks `dir` as a plain folder (any .sql file), or undefined. */
async function findPlainMarker(dir) {
    const count = (await listFileNames(dir)).filter((n) => n.endsWith('.sql')).length;
    return count > 0 ? `found ${count} .sql file${count === 1 ? '' : 's'}` : undefined;
}
/** Builds the plain layout, optionally with a history table of applied file names. */
function plainLayout(historyTable) {
    return {
        name: 'plain',
        tool: 'plain SQL files',
        historyTable: historyTable ?? '',
        detect: async (dir) => (await findPlainMarker(dir)) !== undefined,
        async list(dir, projectRoot, options) {
            const names = (await listFileNames(dir)).filter((n) => n.endsWith('.sql')).sort(compareNatural);
            return Promise.all(names.map(async (fileName) => {
                const absPath = external_node_path_default().join(dir, fileName);
                const id = fileName.slice(0, -'.sql'.length);
                return toMigrationFile({ id, name: id, absPath, raw: await (options.read ?? readText)(absPath), transaction: plain_TRANSACTION }, projectRoot, options.transaction);
            }));
        },
        readHistory: (query) => readPlainHistory(query, historyTable),
        readHistoryMysql: (query) => readPlainHistoryMysql(query, historyTable),
        isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
    };
}
/** Reads applied file names from the configured table's `version` or `name` column. */
async function readPlainHistory(query, historyTable) {
    if (!historyTable)
        return { table: '', exists: false, applied: [] };
    const ref = await (0,history_table/* findTable */.UI)(query, historyTable);
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const column = idColumn(ref.table, await (0,history_table/* listColumns */.Ux)(query, ref));
    const rows = await query(`SELECT ${(0,history_table/* quoteIdent */.v4)(column)}::text AS id FROM ${ref.sqlName}`);
    return { table: ref.table, exists: true, applied: appliedFromIds(rows) };
}
/** The same on MySQL: the configured table ("db.table", or a table in the connection's database). */
async function readPlainHistoryMysql(query, historyTable) {
    if (!historyTable)
        return { table: '', exists: false, applied: [] };
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, historyTable);
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const column = idColumn(ref.table, await (0,history_table/* listMysqlColumns */.Cc)(query, ref));
    const rows = await query(`SELECT CAST(${(0,history_table/* quoteMysqlIdent */.p1)(column)} AS CHAR) AS id FROM ${ref.sqlName}`);
    return { table: ref.table, exists: true, applied: appliedFromIds(rows) };
}
/** The column holding applied file names; a ConfigError when the table has neither. */
function idColumn(table, columns) {
    const column = ID_COLUMNS.find((c) => columns.includes(c));
    if (!column) {
        throw new errors/* ConfigError */.xL(`The history table ${table} (migrations.historyTable) has no "version" or "name" column; it has: ${columns.join(', ')}.`, 'Point migrations.historyTable at a table whose "version" or "name" column holds applied file names without ".sql".');
    }
    return column;
}
/** Applied rows from the id column's values. */
function appliedFromIds(rows) {
    return rows
        .filter((r) => r.id !== null)
        // Accept "0001_x.sql" as well as "0001_x": hand-written runners store either.
        .map((r) => ({ id: r.id.replace(/\.sql$/, ''), isFailed: false }));
}
/** The plain layout without a history table (what detection returns). */
const plain = plainLayout();

;// CONCATENATED MODULE: ./src/sources/layouts/prisma.ts
/**
 * Prisma Migrate: migrations/<timestamp>_<name>/migration.sql, history in _prisma_migrations.
 * https://www.prisma.io/docs/orm/prisma-migrate/understanding-prisma-migrate/migration-histories
 */




const SCRIPT = 'migration.sql';
/** The schema engine sends migration.sql as one script, which PostgreSQL runs as one implicit transaction. */
const prisma_TRANSACTION = {
    runs: true,
    reason: 'Prisma sends migration.sql as one script, which PostgreSQL runs in an implicit transaction',
};
/** Migration folders of `dir` (those holding migration.sql), in name order as Prisma sorts them. */
async function prisma_listMigrationFolders(dir) {
    const folders = await listFolderNames(dir);
    const keep = await Promise.all(folders.map((f) => isFile(external_node_path_default().join(dir, f, SCRIPT))));
    return folders.filter((_, i) => keep[i]);
}
/** Says what marks `dir` as a Prisma migrations folder (a sub-folder with migration.sql), or undefined. */
async function findPrismaMarker(dir) {
    const [first] = await prisma_listMigrationFolders(dir);
    return first ? `found ${first}/${SCRIPT}` : undefined;
}
/**
 * The provider Prisma wrote in migration_lock.toml (`provider = "mysql"`), as a dialect: the
 * migrations are that database's SQL. Other providers (sqlite, sqlserver) are none of ours.
 */
async function readPrismaProvider(dir) {
    const lock = external_node_path_default().join(dir, 'migration_lock.toml');
    if (!(await isFile(lock)))
        return undefined;
    const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(await readText(lock))?.[1]?.toLowerCase();
    const dialect = provider === 'mysql' ? 'mysql' : provider === 'postgresql' || provider === 'postgres' || provider === 'cockroachdb' ? 'postgres' : undefined;
    return dialect ? { dialect, source: `provider = "${provider}" in ${external_node_path_default().basename(dir)}/migration_lock.toml` } : undefined;
}
/** Prisma's checksum: SHA-256 of the script, as lowercase hex. */
function prismaChecksum(raw) {
    return (0,external_node_crypto_.createHash)('sha256').update(raw, 'utf8').digest('hex');
}
/** Normalises one _prisma_migrations row; unfinished or rolled-back rows are failures. */
function prisma_toApplied(row) {
    const appliedAt = row.finished_at ?? row.started_at;
    const base = { id: row.migration_name, checksum: row.checksum, ...(appliedAt !== null ? { appliedAt } : {}) };
    if (row.rolled_back_at !== null) {
        return { ...base, isFailed: true, detail: `marked rolled back at ${row.rolled_back_at} (prisma migrate resolve --rolled-back); Prisma will apply it again` };
    }
    if (row.finished_at === null) {
        const logs = row.logs ? `: ${row.logs.split('\n')[0]}` : '';
        return { ...base, isFailed: true, detail: `started at ${row.started_at ?? 'an unknown time'} and never finished${logs}; resolve it with prisma migrate resolve` };
    }
    return { ...base, isFailed: false };
}
/** Reads _prisma_migrations in the order the migrations were started. */
async function readPrismaHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, '_prisma_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT migration_name, checksum, started_at::text AS started_at, finished_at::text AS finished_at,
            rolled_back_at::text AS rolled_back_at, logs
       FROM ${ref.sqlName} ORDER BY started_at, migration_name`);
    return { table: ref.table, exists: true, applied: rows.map(prisma_toApplied) };
}
const prisma = {
    name: 'prisma',
    tool: 'Prisma Migrate',
    historyTable: 'public._prisma_migrations',
    detect: async (dir) => (await findPrismaMarker(dir)) !== undefined,
    declaredDialect: readPrismaProvider,
    async list(dir, projectRoot, options) {
        return Promise.all((await prisma_listMigrationFolders(dir)).map(async (folder) => {
            const absPath = external_node_path_default().join(dir, folder, SCRIPT);
            const name = folder.replace(/^\d+_/, '');
            return toMigrationFile({ id: folder, name, absPath, raw: await readText(absPath), transaction: prisma_TRANSACTION }, projectRoot, options.transaction);
        }));
    },
    readHistory: readPrismaHistory,
    checksum: (file) => prismaChecksum(file.raw),
    // A rolled-back row may be followed by a later, finished one: any finished row counts.
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/sqitch.ts
/**
 * Sqitch: changes listed in `sqitch.plan`, each deployed by `deploy/<change>.sql` (revert/ and
 * verify/ scripts are never run forwards), in plan order. A reworked change appears twice in the
 * plan; its earlier version is `deploy/<change>@<tag>.sql`, the tag being the first one after it.
 * Sqitch runs each script as written: the `BEGIN; ... COMMIT;` its templates put in decide the
 * transaction. History in the registry schema `sqitch`: table `changes`, one row per deployed change
 * of the project, with the SHA-1 of its deploy script. Default directory layout only (no
 * sqitch.conf top_dir or deploy_dir).
 * https://sqitch.org/docs/manual/sqitch-plan/, https://sqitch.org/docs/manual/sqitch-rework/
 */





const PLAN = 'sqitch.plan';
const sqitch_TRANSACTION = { runs: false, reason: 'Sqitch runs each deploy script as written: its own BEGIN and COMMIT decide the transaction' };
/** The project name and the changes of a plan, in order. */
function readPlan(text) {
    const project = /^%project=(\S+)/m.exec(text)?.[1];
    const entries = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '').trim();
        if (line === '' || line.startsWith('#') || line.startsWith('%'))
            return;
        if (line.startsWith('@')) {
            // A tag names every change before it that no earlier tag named.
            const tag = /^@(\S+)/.exec(line)[1];
            for (const entry of entries)
                entry.tagAfter ??= tag;
            return;
        }
        const name = /^[+-]?([^\s[]+)/.exec(line)?.[1];
        if (name)
            entries.push({ name, line: i + 1 });
    });
    const counts = new Map();
    for (const e of entries)
        counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
    const seen = new Map();
    const changes = entries.map((e) => {
        const nth = (seen.get(e.name) ?? 0) + 1;
        seen.set(e.name, nth);
        const total = counts.get(e.name);
        // Only the last listing of a reworked change is the plain script; earlier ones carry the tag after them.
        const id = nth < total && e.tagAfter ? `${e.name}@${e.tagAfter}` : e.name;
        return { name: e.name, id, line: e.line, occurrences: total };
    });
    return { project, changes };
}
/** The folder holding sqitch.plan for `dir`: `dir` itself, or its parent when `dir` is the deploy folder. */
async function planDir(dir) {
    if (await isFile(external_node_path_default().join(dir, PLAN)))
        return dir;
    if (external_node_path_default().basename(dir) === 'deploy' && (await isFile(external_node_path_default().join(dir, '..', PLAN))))
        return external_node_path_default().dirname(dir);
    return undefined;
}
/** Says what marks `dir` as a Sqitch project (a sqitch.plan beside it or above its deploy folder), or undefined. */
async function findSqitchMarker(dir) {
    const root = await planDir(dir);
    return root ? `found ${root === dir ? PLAN : `../${PLAN}`}` : undefined;
}
/** Sqitch's script hash: SHA-1 of the deploy script's bytes, hex. */
function sqitchChecksum(raw) {
    return (0,external_node_crypto_.createHash)('sha1').update(raw, 'utf8').digest('hex');
}
// How many times the plan lists each deploy script's change, by the script's absolute path.
const occurrencesByPath = new Map();
/** The change name of a file id (`users@v1.0` -> `users`). */
function changeName(id) {
    const at = id.indexOf('@');
    return at === -1 ? id : id.slice(0, at);
}
/** Reads sqitch.changes, the rows of one project when the plan names it. */
async function readSqitchHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'sqitch.changes');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT change, project, script_hash, committed_at::text AS committed_at FROM ${ref.sqlName} ORDER BY committed_at`);
    return {
        table: ref.table,
        exists: true,
        applied: rows.map((r) => ({
            id: r.change,
            name: `${r.project}:${r.change}`,
            ...(r.script_hash ? { checksum: r.script_hash } : {}),
            ...(r.committed_at ? { appliedAt: r.committed_at } : {}),
            isFailed: false,
        })),
    };
}
const sqitch = {
    name: 'sqitch',
    tool: 'Sqitch',
    historyTable: 'sqitch.changes',
    detect: async (dir) => (await findSqitchMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const root = (await planDir(dir)) ?? dir;
        const planPath = external_node_path_default().join(root, PLAN);
        const { changes } = readPlan(await readText(planPath));
        const files = [];
        for (const change of changes) {
            const absPath = external_node_path_default().join(root, 'deploy', `${change.id}.sql`);
            if (!(await isFile(absPath))) {
                throw new errors/* ConfigError */.xL(`${toProjectPath(projectRoot, planPath)} line ${change.line} lists ${change.id}, but ${toProjectPath(projectRoot, absPath)} does not exist, so Sqitch cannot deploy it.`, 'Add the deploy script (sqitch add or sqitch rework make it), or remove the change from the plan.');
            }
            occurrencesByPath.set(absPath, change.occurrences);
            const raw = await (options.read ?? readText)(absPath);
            files.push(toMigrationFile({ id: change.id, name: change.name, absPath, raw, transaction: sqitch_TRANSACTION }, projectRoot, options.transaction));
        }
        return files;
    },
    readHistory: readSqitchHistory,
    // A reworked change's rows do not say which version they deployed: its scripts are not compared.
    checksum: (file) => ((occurrencesByPath.get(file.absPath) ?? 1) > 1 ? undefined : sqitchChecksum(file.raw)),
    isApplied(file, history) {
        const rows = history.applied.filter((r) => r.id === changeName(file.id));
        // A reworked change's last version is deployed once its own row is there: one row per listing.
        return file.id.includes('@') ? rows.length > 0 : rows.length >= (occurrencesByPath.get(file.absPath) ?? 1);
    },
    recordsFile: (row, file) => row.id === changeName(file.id),
};

;// CONCATENATED MODULE: ./src/sources/layouts/sqlx.ts
/**
 * sqlx (Rust): <version>_<description>.sql, or reversible <version>_<description>.up.sql (and
 * .down.sql, never run forwards), in a folder beside a Cargo.toml that uses sqlx. Each file runs in
 * a transaction unless it starts with `-- no-transaction`. History in _sqlx_migrations(version,
 * description, success, checksum): the checksum is SHA-384 of the file.
 * https://docs.rs/sqlx/latest/sqlx/macro.migrate.html
 */




/** A migration sqlx runs forwards: simple, or the up half of a reversible one. */
const sqlx_MIGRATION_FILE = /^(\d+)_(.*?)(\.up)?\.sql$/;
/** `sqlx = ...` or `[dependencies.sqlx]` (also dev- and target-specific dependency tables) in a Cargo.toml. */
const SQLX_DEPENDENCY = /^\s*(?:sqlx\s*=|\[(?:[^\]]*\.)?(?:dev-|build-)?dependencies\.sqlx\])/m;
/** Says what marks `dir` as an sqlx folder (a Cargo.toml beside it that depends on sqlx), or undefined. */
async function findSqlxMarker(dir, read = readText) {
    const names = await listFileNames(dir);
    if (!names.some((n) => sqlx_MIGRATION_FILE.test(n) && !n.endsWith('.down.sql')))
        return undefined;
    // sqlx::migrate!() reads ./migrations beside the crate's Cargo.toml; file names alone look like golang-migrate's or plain SQL.
    const manifest = external_node_path_default().join(external_node_path_default().dirname(dir), 'Cargo.toml');
    if (!(await isFile(manifest)))
        return undefined;
    const text = await read(manifest).catch(() => '');
    return SQLX_DEPENDENCY.test(text) ? `found a Cargo.toml depending on sqlx beside ${external_node_path_default().basename(dir)}/` : undefined;
}
/** sqlx's checksum: SHA-384 of the file's bytes, as lowercase hex (the table stores the raw bytes). */
function sqlxChecksum(raw) {
    return (0,external_node_crypto_.createHash)('sha384').update(raw, 'utf8').digest('hex');
}
/** The history the rows describe: a row with success = false is a migration that failed part-way. */
function sqlx_historyOf(ref, rows) {
    const applied = rows.map((r) => {
        const isFailed = !(r.success === true || Number(r.success) === 1);
        return {
            id: r.version,
            ...(r.description ? { name: r.description } : {}),
            ...(r.checksum ? { checksum: r.checksum.toLowerCase() } : {}),
            isFailed,
            ...(isFailed ? { detail: `_sqlx_migrations marks version ${r.version} failed (success = false): sqlx refuses to go on until the database is repaired and the row removed` } : {}),
        };
    });
    return { table: ref.table, exists: true, applied };
}
/** Reads _sqlx_migrations on PostgreSQL. */
async function readSqlxHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, '_sqlx_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return sqlx_historyOf(ref, await query(`SELECT version::text AS version, description, success, encode(checksum, 'hex') AS checksum FROM ${ref.sqlName} ORDER BY version`));
}
/** Reads _sqlx_migrations on MySQL or MariaDB. */
async function readSqlxHistoryMysql(query) {
    const ref = await (0,history_table/* findMysqlTable */.Sy)(query, '_sqlx_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    return sqlx_historyOf(ref, await query(`SELECT CAST(version AS CHAR) AS version, description, success, LOWER(HEX(checksum)) AS checksum FROM ${ref.sqlName} ORDER BY version`));
}
const sqlx = {
    name: 'sqlx',
    tool: 'sqlx',
    historyTable: 'public._sqlx_migrations',
    detect: async (dir) => (await findSqlxMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const names = (await listFileNames(dir)).filter((n) => sqlx_MIGRATION_FILE.test(n) && !n.endsWith('.down.sql'));
        const files = await Promise.all(names.map(async (fileName) => {
            const [, version, description] = sqlx_MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(dir, fileName);
            const raw = await (options.read ?? readText)(absPath);
            const transaction = raw.startsWith('-- no-transaction')
                ? { runs: false, reason: 'the file starts with "-- no-transaction", so sqlx runs it outside a transaction' }
                : { runs: true, reason: 'sqlx runs each migration in a transaction' };
            // The history stores the version as a bigint: 0001 and 1 are the same migration.
            return toMigrationFile({ id: BigInt(version).toString(), name: description, absPath, raw, transaction }, projectRoot, options.transaction);
        }));
        return files.sort(compareIntegerIds);
    },
    readHistory: readSqlxHistory,
    readHistoryMysql: readSqlxHistoryMysql,
    checksum: (file) => sqlxChecksum(file.raw),
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/supabase.ts
/**
 * Supabase CLI: supabase/migrations/<timestamp>_<name>.sql, history in
 * supabase_migrations.schema_migrations(version, statements, name).
 * https://supabase.com/docs/guides/deployment/database-migrations
 */



/** The CLI's migrateFilePattern. */
const supabase_MIGRATION_FILE = /^(\d+)_(.*)\.sql$/;
/** `db push` sends a file's statements and its history insert as one pgx batch: one implicit transaction. */
const supabase_TRANSACTION = {
    runs: true,
    reason: 'the Supabase CLI sends each file with its history insert as one batch, which PostgreSQL runs in one transaction',
};
/** The migrations folder: `dir` itself when it is supabase/migrations, else dir/supabase/migrations when present. */
async function resolveSupabaseFolder(dir) {
    const normalized = external_node_path_default().resolve(dir);
    if (external_node_path_default().basename(normalized) === 'migrations' && external_node_path_default().basename(external_node_path_default().dirname(normalized)) === 'supabase')
        return normalized;
    const nested = external_node_path_default().join(normalized, 'supabase', 'migrations');
    return (await isFolder(nested)) ? nested : undefined;
}
/** Says what marks `dir` as a Supabase project (a supabase/migrations path), or undefined. */
async function findSupabaseMarker(dir) {
    const folder = await resolveSupabaseFolder(dir);
    if (!folder)
        return undefined;
    return folder === external_node_path_default().resolve(dir) ? 'the folder is supabase/migrations' : 'found supabase/migrations';
}
/** Reads supabase_migrations.schema_migrations. */
async function readSupabaseHistory(query) {
    const ref = await (0,history_table/* findTable */.UI)(query, 'supabase_migrations.schema_migrations');
    if (!ref.exists)
        return (0,history_table/* missingHistory */.PJ)(ref);
    const rows = await query(`SELECT version::text AS version, name FROM ${ref.sqlName} ORDER BY version`);
    const applied = rows.map((r) => ({ id: r.version, ...(r.name !== null ? { name: r.name } : {}), isFailed: false }));
    return { table: ref.table, exists: true, applied };
}
const supabase = {
    name: 'supabase',
    tool: 'Supabase CLI',
    historyTable: 'supabase_migrations.schema_migrations',
    detect: async (dir) => (await findSupabaseMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const folder = (await resolveSupabaseFolder(dir)) ?? dir;
        // The CLI applies files in file-name order and skips names that do not match its pattern.
        const names = (await listFileNames(folder)).filter((n) => supabase_MIGRATION_FILE.test(n));
        return Promise.all(names.map(async (fileName) => {
            const [, version, name] = supabase_MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(folder, fileName);
            const raw = await (options.read ?? readText)(absPath);
            return toMigrationFile({ id: version, name: name, absPath, raw, transaction: supabase_TRANSACTION }, projectRoot, options.transaction);
        }));
    },
    readHistory: readSupabaseHistory,
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/index.ts















/** Every layout, sorted by name. */
const LAYOUT_REGISTRY = [atlas, dbmate, diesel, drizzle, flyway, golangMigrate, goose, liquibase, plain, prisma, sqitch, sqlx, supabase];
/**
 * Detection order: a journal, integrity or plan file (Drizzle's, Atlas's atlas.sum, sqitch.plan), then folder shapes (Prisma's migration.sql before Diesel's
 * up.sql), then a Cargo.toml using sqlx (its file names look like golang-migrate's), then Liquibase's formatted SQL header
 * (its files are often named like Flyway's), then file-name patterns, then file contents, then the Supabase path, then any .sql.
 */
const DETECTORS = [
    { layout: drizzle, findMarker: findDrizzleMarker },
    { layout: atlas, findMarker: findAtlasMarker },
    { layout: sqitch, findMarker: findSqitchMarker },
    { layout: prisma, findMarker: findPrismaMarker },
    { layout: diesel, findMarker: findDieselMarker },
    { layout: sqlx, findMarker: findSqlxMarker },
    // A formatted SQL header wins over file names: Liquibase files are often named like Flyway's.
    { layout: liquibase, findMarker: findLiquibaseMarker },
    { layout: flyway, findMarker: findFlywayMarker },
    { layout: golangMigrate, findMarker: findGolangMigrateMarker },
    { layout: dbmate, findMarker: findDbmateMarker },
    { layout: goose, findMarker: findGooseMarker },
    { layout: supabase, findMarker: findSupabaseMarker },
    { layout: plain, findMarker: findPlainMarker },
];
/** The order detectLayout tries layouts in. */
const DETECTION_ORDER = DETECTORS.map((d) => d.layout.name);
/** Finds the first layout whose marker is in `dir`, or undefined when none matches; files are read with `read`. */
async function detectLayout(dir, read = readText) {
    for (const { layout, findMarker } of DETECTORS) {
        const reason = await findMarker(dir, read);
        if (reason !== undefined)
            return { layout, reason };
    }
    return undefined;
}
/** Returns the layout with this name; `historyTable` (migrations.historyTable) only applies to plain. */
function getLayout(name, historyTable) {
    if (name === 'plain')
        return plainLayout(historyTable);
    const layout = LAYOUT_REGISTRY.find((l) => l.name === name);
    // LayoutName is a closed union and the registry covers it (a test checks), so this is a bug.
    if (!layout)
        throw new errors/* InternalError */.Gd(`No layout is registered under "${name}".`);
    return layout;
}

;// CONCATENATED MODULE: ./src/sources/list-migrations.ts
/**
 * Lists the migrations of the configured folder: with the configured layout, or the detected one.
 */






/** Resolves the layout for `dir` and lists its migrations in the order the tool applies them. */
async function listMigrations(input) {
    const dir = external_node_path_default().resolve(input.projectRoot, input.dir);
    if (!(await isFolder(dir))) {
        throw new errors/* ConfigError */.xL(`The migrations folder ${dir} does not exist (migrations.path is "${input.dir}", relative to ${input.projectRoot}).`, 'Create the folder, or set migrations.path in the configuration to the folder that holds your migrations.');
    }
    // Detection may read the files (dbmate's marker): the listing reuses what it read.
    const read = createTextReader();
    const chosen = input.layout
        ? { layout: getLayout(input.layout, input.historyTable), detected: false, reason: `migrations.layout is "${input.layout}" in the configuration` }
        : await detect(dir, input, read);
    const files = await chosen.layout.list(dir, input.projectRoot, { transaction: input.transaction, read });
    const declared = await chosen.layout.declaredDialect?.(dir);
    return { ...chosen, files, ...(declared ? { declared } : {}) };
}
/** Detects the layout of `dir`, or throws a ConfigError naming the layouts to choose from. */
async function detect(dir, input, read) {
    const found = await detectLayout(dir, read);
    if (!found) {
        throw new errors/* ConfigError */.xL(`Could not tell which migration tool owns ${toProjectPath(input.projectRoot, dir) || '.'}: it holds no .sql migrations in a known layout.`, `Set migrations.layout in the configuration to one of ${constants/* LAYOUTS */.my.join(', ')}, or point migrations.path at the folder with the .sql files.`);
    }
    // Detection returns the plain layout without a table; the configuration may name one.
    const layout = found.layout.name === 'plain' && input.historyTable ? plainLayout(input.historyTable) : found.layout;
    return { layout, detected: true, reason: found.reason };
}

;// CONCATENATED MODULE: ./src/engine/migration-set.ts
/**
 * Which migration files a run looks at: the configured folder (layout detected or configured),
 * or, for lint, the given files, folders or standard input.
 */






/** Lists the migrations of a run. */
async function listMigrationSet(input) {
    const { loaded, log } = input;
    if (input.paths && input.paths.length > 0)
        return listPaths(input);
    const dir = (0,external_node_path_.resolve)(loaded.baseDir, input.migrationsPath ?? loaded.config.migrations.path);
    const listed = await listMigrations({
        dir,
        projectRoot: loaded.baseDir,
        layout: loaded.config.migrations.layout,
        transaction: loaded.config.migrations.transaction,
        historyTable: loaded.config.migrations.historyTable,
    });
    const how = listed.detected ? `detected ${listed.layout.name} (${listed.reason})` : `${listed.layout.name} (configured)`;
    log.log('info', `migrations folder ${dir}: ${how}, ${listed.files.length} files`);
    return {
        dir,
        layout: listed.layout,
        reason: listed.detected ? listed.reason : 'configured',
        files: withPlaceholders(listed.files, loaded),
        description: `Migrations: ${(0,external_node_path_.relative)(process.cwd(), dir) || '.'} — ${how}, ${listed.files.length} file${listed.files.length === 1 ? '' : 's'}`,
        ...(listed.declared ? { declared: listed.declared } : {}),
    };
}
/** Lint paths: folders are listed with their layout, files are taken as they are, "-" is stdin. */
async function listPaths(input) {
    const { loaded } = input;
    const files = [];
    let layout;
    let declared;
    for (const path of input.paths) {
        if (path === '-') {
            const sql = input.stdin ?? '';
            files.push(plainFile('<stdin>', '<stdin>', sql, loaded));
            continue;
        }
        const abs = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(process.cwd(), path);
        let isDir;
        try {
            isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
        }
        catch {
            throw new errors/* UsageError */.eb(`Cannot read ${path}: no such file or folder.`, 'Pass existing .sql files or migration folders, or - for standard input.');
        }
        if (isDir) {
            const listed = await listMigrations({
                dir: abs,
                projectRoot: loaded.baseDir,
                layout: loaded.config.migrations.layout,
                transaction: loaded.config.migrations.transaction,
                historyTable: loaded.config.migrations.historyTable,
            });
            layout ??= listed.layout;
            declared ??= listed.declared;
            files.push(...listed.files);
            continue;
        }
        files.push(await fileWithLayout(abs, loaded));
    }
    return {
        dir: undefined,
        layout,
        reason: null,
        files: withPlaceholders(files, loaded),
        description: `Linting ${files.length} file${files.length === 1 ? '' : 's'}`,
        ...(declared ? { declared } : {}),
    };
}
/** The files with the configured placeholders replaced in the SQL the tool runs (never in `raw`, which checksums read). */
function withPlaceholders(files, loaded) {
    const values = loaded.config.migrations.placeholders ?? {};
    if (Object.keys(values).length === 0)
        return files;
    return files.map((f) => {
        const sql = substitutePlaceholders(f.sql, values);
        return sql === f.sql ? f : { ...f, sql };
    });
}
/** A single file: through the configured layout when there is one (dbmate sections), else plain. */
async function fileWithLayout(abs, loaded) {
    const name = loaded.config.migrations.layout;
    if (name && name !== 'plain') {
        const layout = getLayout(name, loaded.config.migrations.historyTable);
        const listed = await layout.list((0,external_node_path_.dirname)(abs), loaded.baseDir, { transaction: loaded.config.migrations.transaction }).catch(() => []);
        const match = listed.find((f) => f.absPath === abs);
        if (match)
            return match;
    }
    let sql;
    try {
        sql = (0,external_node_fs_.readFileSync)(abs, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(`Cannot read ${abs}: ${error.message}`);
    }
    return plainFile((0,external_node_path_.relative)(loaded.baseDir, abs).split('\\').join('/') || (0,external_node_path_.basename)(abs), abs, sql, loaded);
}
/** A file outside any layout; the transaction setting comes from config (auto means none). */
function plainFile(path, absPath, sql, loaded) {
    const isTx = loaded.config.migrations.transaction === 'always';
    return {
        id: (0,external_node_path_.basename)(path).replace(/\.sql$/, ''),
        name: (0,external_node_path_.basename)(path).replace(/\.sql$/, ''),
        path,
        absPath,
        sql,
        raw: sql,
        kind: 'versioned',
        runsInTransaction: isTx,
        transactionReason: isTx ? 'migrations.transaction is "always"' : 'a plain SQL file runs statement by statement unless configured otherwise',
    };
}

// EXTERNAL MODULE: ./src/engine/overrides.ts
var overrides = __webpack_require__(34867);
;// CONCATENATED MODULE: ./src/engine/static-runner.ts





/** Runs every rule over one set of files (a single shard) and returns one result per rule. */
async function runStaticRules(input, onResult) {
    const run = new StaticRun(input);
    await run.addShard(input.files);
    return run.finish(onResult);
}
/**
 * Whether a pending set may be analysed in shards. Rules reason about a transaction within one shard,
 * so a set that runs in one transaction (Drizzle applies every pending file in one) is one shard;
 * the MySQL rules read the whole set at once.
 */
function canAnalyseInShards(dialect, layout) {
    return dialect === 'postgres' && layout !== 'drizzle';
}
/**
 * One static run over a pending set that arrives in shards, consecutive runs of files in pending
 * order (see StaticContext): `addShard` runs every rule on a shard, and the shard's parse trees can
 * go once it returns; `finish` turns what the rules reported into one result per rule. A rule that
 * threw, or skipped the run, does not run on later shards.
 */
class StaticRun {
    #input;
    #progress;
    /** The key of the state rules carry across shards (StaticContext.run). */
    #key = {};
    #fileCount = 0;
    constructor(input) {
        this.#input = input;
        this.#progress = input.rules.map((rule) => {
            const override = (0,overrides/* resolveOverride */.d)(input.config.rules[rule.id], rule.severity);
            return { rule, severity: override.severity, options: override.options, isOff: override.isOff, findings: [], durationMs: 0 };
        });
    }
    /** Runs every rule still running on the next shard. */
    async addShard(files) {
        if (files.length === 0)
            return;
        this.#fileCount += files.length;
        const directives = new Map(files.map((f) => [f.migration.path, parseDirectives(f.parsed)]));
        const statements = new StatementIndex(files);
        // Indexes over the pending set take in this shard whether or not a rule asks them about it.
        if ((this.#input.dialect ?? 'postgres') === 'postgres')
            extendShardIndexes(this.#context(files, statements, { options: {}, report: () => undefined, skip: () => undefined }));
        for (const progress of this.#progress) {
            if (progress.isOff || progress.skipReason !== undefined || progress.failure !== undefined)
                continue;
            await this.#runOnShard(progress, files, statements, directives);
        }
    }
    /** One result per rule, in rule order; `onResult` sees each as it is made. */
    finish(onResult) {
        return this.#progress.map((progress) => {
            const result = this.#resultOf(progress);
            onResult?.(result);
            return result;
        });
    }
    /** Runs one rule on one shard in its own try. */
    async #runOnShard(progress, files, statements, directives) {
        const input = this.#input;
        const { rule, severity } = progress;
        const started = performance.now();
        const ctx = this.#context(files, statements, {
            options: progress.options,
            report(at, finding) {
                progress.findings.push(toFinding(rule.id, severity, at, finding, directives, input.knownIds));
            },
            skip(reason) {
                progress.skipReason ??= reason;
            },
        });
        try {
            await rule.run(ctx);
        }
        catch (error) {
            input.log.log('error', `rule ${rule.id} threw: ${(0,errors/* describeError */.Uc)(error)}`, { stack: error?.stack });
            progress.failure = (0,errors/* describeError */.Uc)(error);
        }
        progress.durationMs += performance.now() - started;
    }
    /** A rule's view of a shard. */
    #context(files, statements, own) {
        const input = this.#input;
        return {
            files,
            statements: (kind) => statements.select(kind),
            run: this.#key,
            postgresVersion: input.postgresVersion,
            versionSource: input.versionSource,
            dialect: input.dialect ?? 'postgres',
            layout: input.layout,
            live: input.live,
            knownIds: input.knownIds,
            ...own,
        };
    }
    /** The rule's result from its findings, skip or failure over every shard. */
    #resultOf(progress) {
        const { rule, severity } = progress;
        const log = this.#input.log;
        const base = { id: rule.id, title: rule.title, category: rule.category, kind: 'static', docs: (0,model/* runbookLink */.N7)(rule.id) };
        const durationMs = Math.round(progress.durationMs);
        if (progress.isOff) {
            return { ...base, severity: rule.severity, status: 'skip', summary: `Turned off in config (rules.${rule.id}).`, durationMs: 0, findings: [] };
        }
        if (this.#fileCount === 0) {
            return { ...base, severity, status: 'skip', summary: 'No pending migrations to analyse.', durationMs: 0, findings: [] };
        }
        if (progress.failure !== undefined) {
            return {
                ...base,
                severity,
                status: 'error',
                summary: `The rule failed to run: ${progress.failure}. Its findings are missing from this report.`,
                mitigation: 'This is a bug in Migrations Preflight: report it with the log file. Meanwhile review the migration by hand for this rule.',
                durationMs,
                findings: [],
            };
        }
        if (progress.skipReason !== undefined) {
            log.log('info', `rule ${rule.id}: skip: ${progress.skipReason}`);
            return { ...base, severity, status: 'skip', summary: progress.skipReason, durationMs, findings: [] };
        }
        const findings = progress.findings.sort(model/* compareFindings */.Eg);
        const status = statusOf(findings);
        const active = findings.filter((f) => !f.suppressed);
        const suppressedCount = findings.length - active.length;
        const summary = active.length === 0
            ? `No problems${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}.`
            : `${active.length} finding${active.length === 1 ? '' : 's'}${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}: ${active[0].message}`;
        log.log('info', `rule ${rule.id}: ${status}, ${findings.length} findings`);
        return { ...base, severity, status, summary, mitigation: active[0]?.mitigation, durationMs, findings };
    }
}
/** Worst status implied by unsuppressed findings. */
function statusOf(findings) {
    let status = 'pass';
    for (const f of findings) {
        if (f.suppressed)
            continue;
        if (f.severity === 'error')
            return 'fail';
        if (f.severity === 'warning')
            status = 'warn';
    }
    return status;
}
/**
 * Every pending statement in order, and the positions of each node kind, built once per run: each
 * rule's `ctx.statements(kind)` then costs the statements it gets, not a scan of every file.
 */
class StatementIndex {
    #all = [];
    #byKind = new Map();
    constructor(files) {
        for (const file of files) {
            for (const stmt of file.parsed.statements) {
                const positions = this.#byKind.get(stmt.kind);
                if (positions)
                    positions.push(this.#all.length);
                else
                    this.#byKind.set(stmt.kind, [this.#all.length]);
                this.#all.push({ file, stmt });
            }
        }
    }
    /** Statements of every file in order, optionally only of the given node kinds. */
    select(kind) {
        if (kind === undefined)
            return this.#all;
        const kinds = typeof kind === 'string' ? [kind] : [...new Set(kind)];
        const positions = kinds.flatMap((k) => this.#byKind.get(k) ?? []);
        // Positions of several kinds interleave: sort them back into file order.
        if (kinds.length > 1)
            positions.sort((a, b) => a - b);
        return positions.map((p) => this.#all[p]);
    }
}
/** Builds a positioned finding and applies directive suppression. */
function toFinding(id, ruleSeverity, at, input, directives, knownIds) {
    const file = at.file.migration.path;
    const pos = 'stmt' in at
        ? at.span
            ? { line: at.span.line, col: at.span.col, endLine: at.span.endLine, endCol: at.span.endCol }
            : { line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
        : { line: at.line, col: at.col, endLine: at.endLine ?? at.line, endCol: at.endCol ?? at.col };
    // A rule may lower a finding (info notes); config severity applies to the rule's own level.
    const severity = input.severity && input.severity !== 'error' ? lower(input.severity, ruleSeverity) : ruleSeverity;
    // A position inside a statement (a parser's error cursor) is still governed by that statement's directives.
    const statementIndex = 'stmt' in at ? at.stmt.index : statementAt(at.file, pos.line, pos.col)?.index;
    const suppressor = (directives.get(file) ?? []).find((d) => d.reason !== '' &&
        d.ruleIds.includes(id) &&
        knownIds.has(id) &&
        ((d.kind === 'ignore-file') || (d.kind === 'ignore' && statementIndex !== undefined && d.statementIndex === statementIndex)));
    return {
        id,
        severity,
        message: input.message,
        file,
        ...pos,
        ...(input.evidence ? { evidence: input.evidence } : {}),
        mitigation: input.mitigation,
        ...(input.help ? { help: input.help } : {}),
        docs: (0,model/* runbookLink */.N7)(id),
        ...(input.tables ? { tables: input.tables } : {}),
        ...(input.lock ? { lock: input.lock } : {}),
        ...(suppressor ? { suppressed: { kind: 'comment', reason: suppressor.reason } } : {}),
    };
}
/** The statement whose text spans the 1-based position, if any. */
function statementAt(file, line, col) {
    const isAfter = (l, c, l2, c2) => l > l2 || (l === l2 && c >= c2);
    return file.parsed.statements.find((s) => isAfter(line, col, s.line, s.col) && isAfter(s.endLine, s.endCol, line, col));
}
/** The weaker of two severities. */
function lower(a, b) {
    const rank = { error: 2, warning: 1, info: 0 };
    return rank[a] <= rank[b] ? a : b;
}

;// CONCATENATED MODULE: ./src/engine/run.ts
/**
 * The run plan: resolve the target, list migrations, connect read-only, read the history,
 * parse what is pending once, run static rules and live checks, and build the report.
 * No GitHub, argv or TTY here: the CLI and the action are thin adapters over runPreflight.
 */


















/** Every rule and check id, for validating --only/--skip and directives (the live checks' ids without loading them). */
function allCheckIds() {
    return new Set([...staticRules.map((r) => r.id), ...LIVE_CHECK_IDS, ...ENGINE_CHECK_IDS]);
}
/** Runs a whole preflight (or lint) and returns the report; never throws for a check's failure. */
async function runPreflight(options) {
    const started = new Date();
    const { loaded, log } = options;
    const config = loaded.config;
    const results = [];
    const emit = (r) => {
        results.push(r);
        options.onResult?.(r);
    };
    const selected = selectChecks(options);
    log.log('info', `migrations ${options.command} ${options.toolVersion} started by ${safeUser()} on ${(0,external_node_os_.hostname)()}`);
    log.log('info', loaded.file ? `config ${loaded.file} (sha256 ${loaded.hash.slice(0, 12)})` : `no config file found: using defaults (sha256 ${loaded.hash.slice(0, 12)})`);
    const target = resolveTarget(options);
    const set = await listMigrationSet({
        loaded,
        migrationsPath: options.migrationsPath,
        paths: options.paths,
        stdin: options.stdin,
        log,
    });
    options.onStage?.(set.description);
    if (selected.has('config-secrets'))
        emit(configSecretsResult(loaded));
    // A target's dialect wins; lint reads the config's top-level dialect, else what the folder declares.
    const dialect = target?.config.dialect ?? config.dialect ?? set.declared?.dialect ?? 'postgres';
    if (!target && !config.dialect && set.declared)
        log.log('info', `dialect ${set.declared.dialect}: ${set.declared.source}`);
    let session;
    let history;
    let liveSkipReason;
    let pendingMigrations = [];
    let pending = [];
    let lockSummaries = [];
    let version = postgresVersionFor(undefined, config.postgresVersion);
    try {
        if (options.command === 'preflight' && target) {
            const connection = await connectTarget(options, target, selected.has('connectivity'));
            session = connection.session;
            liveSkipReason = connection.skipReason;
            if (connection.result)
                emit(connection.result);
            if (session && set.layout) {
                history = await readHistory(session, set, log, dialect);
            }
        }
        pendingMigrations = choosePending(set.files, set, history, options.onlyFiles, loaded.baseDir);
        log.log('info', `${set.files.length} migrations found, ${pendingMigrations.length} pending${history ? '' : ' (no history read: every listed migration is treated as pending)'}`);
        version = postgresVersionFor(dialect === 'postgres' ? session : undefined, config.postgresVersion);
        const { major, source } = version;
        const rules = staticRules.filter((r) => selected.has(r.id) && r.dialects.includes(dialect));
        const staticInput = { rules, config, postgresVersion: major, versionSource: source, layout: set.layout?.name, log, knownIds: allCheckIds(), dialect };
        const isSharded = !session && canAnalyseInShards(dialect, set.layout?.name);
        if (isSharded) {
            // Without a target nothing needs every parse tree at once: parse and analyse shard by shard.
            lockSummaries = await analyseInShards(pendingMigrations, { ...staticInput, live: {} }, emit);
        }
        else {
            pending = await parsePending(pendingMigrations, log, dialect);
            lockSummaries = (0,engine_pending/* statementLockSummaries */.N9)(pending, major);
        }
        // Only live checks read the touched tables and the catalog: lint neither loads nor runs any of it.
        const liveCtx = session && target ? makeLiveContext(options, session, target, set, pending, history, await touchedBy(pending, dialect, session, major)) : undefined;
        // The live facts for static rules are PostgreSQL catalog reads.
        const live = liveCtx && dialect === 'postgres' ? await readLiveFacts(liveCtx) : {};
        if (!isSharded)
            await runStaticRules({ ...staticInput, files: pending, live }, emit);
        if (options.command === 'preflight') {
            const [{ liveChecks }, { runLiveChecks }] = await Promise.all([__webpack_require__.e(/* import() */ 360).then(__webpack_require__.bind(__webpack_require__, 90360)), __webpack_require__.e(/* import() */ 65).then(__webpack_require__.bind(__webpack_require__, 70065))]);
            // Checks for another dialect are not listed at all, so a report names only what applies.
            const checks = liveChecks.filter((c) => selected.has(c.id) && c.id !== 'connectivity' && c.dialects.includes(dialect));
            if (liveCtx) {
                await runLiveChecks(checks, liveCtx, config, emit);
            }
            else {
                for (const c of checks)
                    emit(skipped(c, liveSkipReason ?? 'No connection to the target.'));
            }
        }
    }
    catch (error) {
        // A bug part-way must not lose what already ran: record it and still build the report.
        if (error instanceof errors/* PreflightError */.wG)
            throw error;
        log.log('error', `internal error: ${(0,errors/* describeError */.Uc)(error)}`, { stack: error?.stack });
        emit(engineErrorResult(error));
    }
    finally {
        await session?.close();
    }
    const finished = new Date();
    const checks = [...results].sort((a, b) => (0,model/* compareIds */.q3)(a.id, b.id));
    const verdict = verdictOf(checks, options.failOn);
    log.log('info', `verdict ${verdict} in ${finished.getTime() - started.getTime()} ms`);
    return options.redactor.redactDeep({
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: 'migrations-preflight', version: options.toolVersion },
        run: {
            command: options.command,
            target: target?.name ?? null,
            dialect,
            startedAt: started.toISOString(),
            finishedAt: finished.toISOString(),
            durationMs: finished.getTime() - started.getTime(),
            user: safeUser(),
            host: (0,external_node_os_.hostname)(),
            configFile: loaded.file ? (0,external_node_path_.relative)(process.cwd(), loaded.file) || loaded.file : null,
            configHash: loaded.hash,
            failOn: options.failOn,
            server: session ? { version: session.info.version, host: session.info.host, port: session.info.port, database: session.info.database } : null,
            postgresVersion: { major: version.major, source: version.source },
        },
        migrations: {
            path: set.dir ? (0,external_node_path_.relative)(loaded.baseDir, set.dir) || '.' : null,
            layout: set.layout?.name ?? null,
            layoutReason: set.reason,
            total: set.files.length,
            applied: history && set.layout ? set.files.filter((f) => set.layout.isApplied(f, history)).length : 0,
            // On MySQL the table lives in the connection's database: the name read from the target is the true one.
            historyTable: (dialect === 'mysql' ? history?.table : undefined) ?? set.layout?.historyTable ?? null,
            historyExists: history ? history.exists : null,
            pending: pendingMigrations.map((m) => ({ id: m.id, name: m.name, path: m.path, runsInTransaction: m.runsInTransaction })),
            statements: lockSummaries,
        },
        verdict,
        counts: countResults(checks),
        checks,
    });
}
/** The chosen target and its config; UsageError lists the known targets when the name is wrong. */
function resolveTarget(options) {
    if (options.command === 'lint')
        return undefined;
    const targets = options.loaded.config.targets;
    const names = Object.keys(targets).sort();
    if (!options.targetName) {
        throw new errors/* UsageError */.eb('No target given.', names.length ? `Use --target with one of: ${names.join(', ')}.` : 'Add a target under "targets:" in migrations.config.yaml (see `migrations init`).');
    }
    const config = targets[options.targetName];
    if (!config) {
        const where = options.loaded.file ?? 'the config (no config file was found)';
        throw new errors/* UsageError */.eb(`Unknown target "${options.targetName}" in ${where}.`, names.length ? `Known targets: ${names.join(', ')}.` : 'No targets are configured: add one under "targets:".');
    }
    // Without a dialect in the config, the URL in use decides it, also one given on the command line.
    if (config.isDialectFromUrl && options.databaseUrl)
        return { name: options.targetName, config: { ...config, dialect: (0,constants/* dialectOfUrl */.ho)(options.databaseUrl) } };
    return { name: options.targetName, config };
}
/** The set of check ids to run after --only and --skip; unknown ids are a usage error. */
function selectChecks(options) {
    const all = allCheckIds();
    for (const id of [...(options.only ?? []), ...(options.skip ?? [])]) {
        if (!all.has(id))
            throw new errors/* UsageError */.eb(`Unknown check or rule id "${id}".`, 'Run `migrations rules` to list every id.');
    }
    const chosen = options.only && options.only.length > 0 ? new Set(options.only) : new Set(all);
    for (const id of options.skip ?? [])
        chosen.delete(id);
    return chosen;
}
/** Connects to the target; every failure becomes the connectivity result instead of an exception. */
async function connectTarget(options, target, isWanted) {
    const base = { id: 'connectivity', title: 'Connect to the target database', category: 'connectivity', kind: 'live', severity: 'error', docs: (0,model/* runbookLink */.N7)('connectivity') };
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (options.staticOnlyReason) {
        return { skipReason: options.staticOnlyReason, result: { ...base, status: 'skip', summary: options.staticOnlyReason, durationMs: 0, findings: [] } };
    }
    const url = options.databaseUrl ?? target.config.url;
    options.redactor.addUrl(url);
    if (!url) {
        const missing = options.loaded.missingEnv.get(`targets.${target.name}.url`);
        const summary = missing
            ? `The target's URL comes from the environment variable ${missing}, which is not set.`
            : `Target "${target.name}" has no url.`;
        const mitigation = missing
            ? `Export ${missing} (in CI, from a repository secret) and run again.`
            : `Set targets.${target.name}.url to \${env:SOME_VARIABLE} in the config, or pass --database-url.`;
        return { skipReason: 'The target could not be reached (see connectivity).', result: { ...base, status: 'fail', summary, mitigation, durationMs: 0, findings: [] } };
    }
    try {
        // The driver loads only when a target is connected, so lint never pays for it.
        const session = await openSession(url, target.config, options.loaded.baseDir, options.log);
        const { host, port, database, currentUser } = session.info;
        const evidence = { endpoint: describeUrl(url), tls: session.tls, connectMs: session.connectMs, server: session.info.version, user: session.info.currentUser };
        const result = {
            ...base,
            status: 'pass',
            summary: `Connected to ${host}:${port}/${database} as ${currentUser} in ${session.connectMs} ms${session.tls ? ' over TLS' : ''}; the session is read-only.`,
            evidence,
            durationMs: elapsed(),
            findings: [],
        };
        return { session, ...(isWanted ? { result } : {}) };
    }
    catch (error) {
        const isConnect = error instanceof connect_error/* ConnectError */.T$;
        const summary = isConnect ? error.message : error instanceof errors/* PreflightError */.wG ? error.message : `Cannot connect: ${(0,errors/* describeError */.Uc)(error)}`;
        const mitigation = isConnect ? error.mitigation : error instanceof errors/* PreflightError */.wG ? (error.fix ?? 'Check the database URL.') : 'Check the database URL and that the server is reachable.';
        options.log.log('error', `connectivity failed: ${summary}`, { failure: isConnect ? error.failure : 'invalid-url' });
        return {
            skipReason: 'The target could not be reached (see connectivity).',
            result: {
                ...base,
                status: 'fail',
                summary,
                mitigation,
                evidence: { endpoint: describeUrl(url), failure: isConnect ? error.failure : 'invalid-url', afterMs: elapsed() },
                durationMs: elapsed(),
                findings: [],
            },
        };
    }
}
/** Reads the tool's history table; a failure is logged and treated as "unknown" (everything pending). */
async function readHistory(session, set, log, dialect) {
    const layout = set.layout;
    const read = dialect === 'mysql' ? layout.readHistoryMysql?.bind(layout) : layout.readHistory.bind(layout);
    if (!read) {
        log.log('warn', `reading the ${layout.tool} history table on ${dialect} is not supported: every migration is treated as pending`);
        return undefined;
    }
    try {
        const history = await read((sql, params) => session.query(sql, params));
        log.log('info', history.exists ? `history ${history.table}: ${history.applied.length} rows` : `history table ${history.table} does not exist: nothing applied yet`);
        return history;
    }
    catch (error) {
        log.log('error', `reading history table ${set.layout.historyTable} failed: ${(0,errors/* describeError */.Uc)(error)}`);
        return undefined;
    }
}
/** Pending migrations: not applied according to the history, restricted to `onlyFiles` when given. */
function choosePending(files, set, history, onlyFiles, baseDir) {
    const only = onlyFiles ? new Set(onlyFiles.map((p) => run_toProjectPath(p, baseDir))) : undefined;
    return files.flatMap((f) => {
        if (only && !only.has(f.path))
            return [];
        if (!history || !set.layout)
            return [f];
        // A file of separately recorded units (Liquibase changesets) may be partly applied: only the rest runs.
        if (set.layout.pendingPart && f.units) {
            const rest = set.layout.pendingPart(f, history);
            return rest ? [rest] : [];
        }
        return set.layout.isApplied(f, history) ? [] : [f];
    });
}
/** Normalises a path to the project-relative, forward-slash form MigrationFile.path uses. */
function run_toProjectPath(path, baseDir) {
    const abs = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(baseDir, path);
    return (0,external_node_path_.relative)(baseDir, abs).split('\\').join('/');
}
/** The tables the pending statements touch, for the live checks. */
async function touchedBy(pending, dialect, session, major) {
    if (dialect !== 'mysql')
        return (0,engine_pending/* touchedTables */.Co)(pending, major);
    const { mysqlTouchedTables } = await __webpack_require__.e(/* import() */ 476).then(__webpack_require__.bind(__webpack_require__, 88476));
    return mysqlTouchedTables(pending, session.info.database);
}
/** The catalog facts static rules use (PostgreSQL); none when they cannot be read. */
async function readLiveFacts(ctx) {
    const { collectLiveFacts } = await __webpack_require__.e(/* import() */ 444).then(__webpack_require__.bind(__webpack_require__, 58444));
    return collectLiveFacts(ctx).catch(() => ({}));
}
/**
 * Parses the pending files in consecutive shards and runs the static rules on each as it arrives
 * (StaticRun), so the parse trees of only a few shards are alive at a time; returns the lock each
 * statement takes, for the report.
 */
async function analyseInShards(files, input, emit) {
    const started = performance.now();
    const run = new StaticRun(input);
    const summaries = [];
    // Rules read loadedPostgresParser() synchronously, so this thread's parser loads even when workers parse.
    await (0,postgres_parser/* loadPostgresParser */.vF)();
    for await (const { start, parsed } of streamParsedFiles(files.map((f) => f.sql), { log: input.log })) {
        const shard = parsed.map((p, i) => ({ migration: files[start + i], parsed: p }));
        await run.addShard(shard);
        summaries.push(...(0,engine_pending/* statementLockSummaries */.N9)(shard, input.postgresVersion));
    }
    input.log.log('info', `parsed and analysed ${files.length} files in ${Math.round(performance.now() - started)} ms`);
    run.finish(emit);
    return summaries;
}
/** Parses each pending file once; the result is shared by every rule and check. */
async function parsePending(files, log, dialect) {
    if (files.length === 0)
        return [];
    const started = performance.now();
    if (dialect === 'mysql') {
        const parser = await (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 32471))).loadMysqlParser();
        const out = files.map((migration) => ({ migration, parsed: parser.parse(migration.sql) }));
        log.log('info', `parsed ${files.length} files as MySQL in ${Math.round(performance.now() - started)} ms`);
        return out;
    }
    // Rules read loadedPostgresParser() synchronously, so this thread's parser loads even when workers parse.
    const [parsed] = await Promise.all([parseFiles(files.map((f) => f.sql), { log }), (0,postgres_parser/* loadPostgresParser */.vF)()]);
    log.log('info', `parsed ${files.length} files in ${Math.round(performance.now() - started)} ms`);
    return files.map((migration, i) => ({ migration, parsed: parsed[i] }));
}
/** The PostgreSQL major the rules assume: the target's, else the config's, else the oldest supported. */
function postgresVersionFor(session, configured) {
    if (session)
        return { major: Math.floor(session.info.major), source: 'target' };
    if (configured)
        return { major: configured, source: 'config' };
    return { major: engine_define/* OLDEST_SUPPORTED_POSTGRES */.j6, source: 'default' };
}
/** Builds the context every live check receives, with a shared memo for batched catalog queries. */
function makeLiveContext(options, session, target, set, pending, history, touched) {
    const memo = new Map();
    return {
        db: session,
        server: session.info,
        targetName: target.name,
        target: target.config,
        layout: set.layout,
        migrations: set.files,
        pending,
        history,
        touched,
        now: options.now ?? new Date(),
        log: options.log,
        baseDir: options.loaded.baseDir,
        migrationsDir: set.dir,
        changes: options.changes,
        memo(key, load) {
            let p = memo.get(key);
            if (!p) {
                p = load();
                memo.set(key, p);
            }
            return p;
        },
    };
}
/** The result recorded when the engine itself fails part-way. */
function engineErrorResult(error) {
    return {
        id: 'preflight-engine',
        ...ENGINE_CHECKS['preflight-engine'],
        kind: 'static',
        status: 'error',
        summary: `Preflight stopped part-way: ${(0,errors/* describeError */.Uc)(error)}. Checks after this point did not run.`,
        mitigation: 'This is a bug in Migrations Preflight: report it with the log file (it has the stack trace).',
        docs: (0,model/* runbookLink */.N7)('preflight-engine'),
        durationMs: 0,
        findings: [],
    };
}
/** A skipped result for a live check that could not run. */
function skipped(check, reason) {
    return { id: check.id, title: check.title, category: check.category, kind: 'live', severity: check.severity, status: 'skip', summary: reason, docs: (0,model/* runbookLink */.N7)(check.id), durationMs: 0, findings: [] };
}
/** Literal passwords in the config file: a warning that names the key and line. */
function configSecretsResult(loaded) {
    const base = { id: 'config-secrets', ...ENGINE_CHECKS['config-secrets'], kind: 'static', docs: (0,model/* runbookLink */.N7)('config-secrets'), durationMs: 0 };
    if (loaded.warnings.length === 0)
        return { ...base, status: 'pass', summary: 'No literal passwords in the config file.', findings: [] };
    const file = loaded.file ? (0,external_node_path_.relative)(process.cwd(), loaded.file) || loaded.file : 'config';
    return {
        ...base,
        status: 'warn',
        summary: loaded.warnings[0].message,
        mitigation: 'Replace the URL with url: ${env:NAME} and store it as a secret.',
        findings: loaded.warnings.map((w) => ({
            id: 'config-secrets',
            severity: 'warning',
            message: w.message,
            file,
            line: w.line ?? 1,
            col: 1,
            endLine: w.line ?? 1,
            endCol: 1,
            mitigation: 'Replace the URL with url: ${env:NAME} and store it as a secret.',
            docs: (0,model/* runbookLink */.N7)('config-secrets'),
        })),
    };
}
/** The OS user name, or "unknown" where it cannot be read (some containers). */
function safeUser() {
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        return process.env.USER ?? 'unknown';
    }
}

;// CONCATENATED MODULE: ./src/action/changed-files.ts
/**
 * The pull request's changed files, through the paginated files API (which lists at most 3,000),
 * sorted into what preflight needs: files to analyse as pending, and migrations the change
 * modifies or removes (editing history, checked against the target by applied-migration-in-diff).
 */

/** The files API stops at 3,000 files (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files). */
const MAX_LISTED_FILES = 3000;
/** Lists the pull request's files, 100 per page, stopping at the API's 3,000-file limit. */
async function listChangedFiles(octokit, owner, repo, pullNumber, changedFiles) {
    const files = [];
    const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
    for await (const page of pages) {
        for (const f of page.data) {
            files.push({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) });
        }
        if (files.length >= MAX_LISTED_FILES)
            break;
    }
    return { files: files.slice(0, MAX_LISTED_FILES), isTruncated: files.length >= MAX_LISTED_FILES && (changedFiles === undefined || changedFiles > MAX_LISTED_FILES) };
}
/** Keeps the changes under `migrationsDir`; paths come from the API relative to the repository root. */
function classifyChanges(files, repoRoot, migrationsDir, baseDir) {
    const pending = [];
    const modified = [];
    const removed = [];
    let count = 0;
    const inside = (path) => {
        const abs = (0,external_node_path_.resolve)(repoRoot, path);
        const rel = (0,external_node_path_.relative)(migrationsDir, abs);
        return rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? undefined : abs;
    };
    const projectPath = (abs) => (0,external_node_path_.relative)(baseDir, abs).split('\\').join('/');
    for (const f of files) {
        const abs = inside(f.path);
        const previous = f.previousPath ? inside(f.previousPath) : undefined;
        if (abs || previous)
            count++;
        switch (f.status) {
            case 'added':
            case 'copied':
                if (abs)
                    pending.push(abs);
                break;
            case 'modified':
            case 'changed':
                if (abs) {
                    pending.push(abs);
                    modified.push(projectPath(abs));
                }
                break;
            case 'renamed':
                if (abs)
                    pending.push(abs);
                if (previous)
                    removed.push(projectPath(previous));
                break;
            case 'removed':
                if (abs)
                    removed.push(projectPath(abs));
                break;
            default:
                // "unchanged" carries no change to analyse.
                break;
        }
    }
    return { pending, modified, removed, count };
}

;// CONCATENATED MODULE: ./src/action/annotations.ts
/** The Checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
const MAX_TITLE = 255;
// The API allows 64 KB; stay well under it, a message that long helps nobody.
const MAX_MESSAGE = 4000;
/** Every active finding that has a file, as an annotation with a repository-relative path, in file and line order. */
function toAnnotations(report, toRepoPath) {
    const out = [];
    for (const check of report.checks) {
        for (const f of check.findings) {
            if (f.suppressed || !f.file || f.file.startsWith('<'))
                continue;
            out.push(annotationOf(check, f, toRepoPath(f.file)));
        }
    }
    return out.sort((a, b) => a.path.localeCompare(b.path) || a.start_line - b.start_line || (a.start_column ?? 0) - (b.start_column ?? 0) || a.title.localeCompare(b.title));
}
/** One finding as an annotation; columns only on one-line ranges, as the API requires. */
function annotationOf(check, f, path) {
    const start = Math.max(1, f.line ?? 1);
    const end = Math.max(start, f.endLine ?? start);
    const isOneLine = start === end;
    return {
        path,
        start_line: start,
        end_line: end,
        ...(isOneLine && f.col ? { start_column: f.col, end_column: Math.max(f.col, f.endCol ?? f.col) } : {}),
        annotation_level: levelOf(check, f),
        message: annotations_truncate(`${f.message}\nFix: ${f.mitigation}`, MAX_MESSAGE),
        title: annotations_truncate(`${f.id}: ${check.title}`, MAX_TITLE),
        raw_details: annotations_truncate(`Runbook: ${f.docs}${f.evidence ? `\nEvidence: ${JSON.stringify(f.evidence)}` : ''}`, MAX_MESSAGE),
    };
}
/** failure for errors of failing checks, warning for warnings (and errors a config turned into warnings), notice for info. */
function levelOf(check, f) {
    if (f.severity === 'info')
        return 'notice';
    if (f.severity === 'warning' || check.status === 'warn' || check.status === 'pass')
        return 'warning';
    return 'failure';
}
/** Splits annotations into request-sized batches. */
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** Writes annotations as workflow commands. */
function writeWorkflowAnnotations(annotations, sink) {
    for (const a of annotations) {
        const properties = {
            title: a.title,
            file: a.path,
            startLine: a.start_line,
            endLine: a.end_line,
            ...(a.start_column ? { startColumn: a.start_column, endColumn: a.end_column ?? a.start_column } : {}),
        };
        if (a.annotation_level === 'failure')
            sink.error(a.message, properties);
        else if (a.annotation_level === 'warning')
            sink.warning(a.message, properties);
        else
            sink.notice(a.message, properties);
    }
}
/** Cuts text to `max` characters with an ellipsis. */
function annotations_truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
;// CONCATENATED MODULE: ./src/action/github.ts
/**
 * The GitHub REST client of the action: Octokit from @actions/github with a timeout on every
 * request and retries with backoff for idempotent requests (GET, PATCH, PUT, DELETE) that fail
 * transiently. POSTs are not retried here: their callers retry the whole operation after checking
 * whether the first attempt landed (see comment.ts and check-run.ts), so nothing is created twice.
 */

const DEFAULTS = { timeoutMs: 30_000, retries: 3, retryBaseMs: 1_000, retryMaxMs: 30_000, artifactTimeoutMs: 120_000 };
const SETTING_VARIABLES = {
    timeoutMs: 'PREFLIGHT_GITHUB_TIMEOUT_MS',
    retries: 'PREFLIGHT_GITHUB_RETRIES',
    retryBaseMs: 'PREFLIGHT_GITHUB_RETRY_BASE_MS',
    retryMaxMs: 'PREFLIGHT_GITHUB_RETRY_MAX_MS',
    artifactTimeoutMs: 'PREFLIGHT_ARTIFACT_TIMEOUT_MS',
};
/** Reads the network settings, ignoring values that are not non-negative integers. */
function networkSettings(env) {
    const out = { ...DEFAULTS };
    for (const [key, variable] of Object.entries(SETTING_VARIABLES)) {
        const raw = env[variable];
        if (raw !== undefined && /^\d+$/.test(raw.trim()))
            out[key] = Number(raw.trim());
    }
    return out;
}
/** Classifies anything Octokit throws. */
function describeApiError(error) {
    const e = error;
    const status = typeof e?.status === 'number' ? e.status : undefined;
    const headers = e?.response?.headers ?? {};
    const retryAfter = Number(headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const isRateLimited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || Number.isFinite(retryAfter)));
    const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : isRateLimited && Number.isFinite(reset) ? Math.max(0, reset - Date.now() / 1000) : undefined;
    const message = (e?.message ?? String(error)).split('\n')[0].slice(0, 300);
    return {
        status,
        message,
        isPermission: (status === 403 || status === 404) && !isRateLimited,
        isTransient: isRateLimited || status === undefined || status >= 500 || status === 408,
        retryAfterSeconds,
    };
}
/** Backoff before retry `attempt` (0-based): base * 2^attempt, or what the server asked, capped. */
function retryDelayMs(failure, attempt, settings) {
    const asked = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : settings.retryBaseMs * 2 ** attempt;
    return Math.min(Math.max(0, Math.round(asked)), settings.retryMaxMs);
}
/** Waits `ms` milliseconds. */
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Creates the Octokit client with per-request timeouts and retries of idempotent requests. */
function createOctokit(token, apiUrl, userAgent, settings, log) {
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl: apiUrl.replace(/\/$/, ''), userAgent });
    octokit.hook.wrap('request', async (request, options) => {
        const isIdempotent = options.method !== 'POST';
        for (let attempt = 0;; attempt++) {
            try {
                return await request({ ...options, request: { ...options.request, signal: AbortSignal.timeout(settings.timeoutMs) } });
            }
            catch (error) {
                const failure = describeApiError(error);
                if (!isIdempotent || !failure.isTransient || attempt >= settings.retries)
                    throw error;
                const delay = retryDelayMs(failure, attempt, settings);
                log(`GitHub API ${options.method} ${options.url} failed (${failure.status ?? 'no response'}: ${failure.message}); retry ${attempt + 1} of ${settings.retries} in ${delay} ms.`);
                await sleep(delay);
            }
        }
    });
    return octokit;
}
/**
 * Runs a non-idempotent operation with retries: `operation` must first look for the effect of an
 * earlier attempt (a comment with the marker, a check run with the external id) and reuse it.
 */
async function retryOperation(label, settings, log, operation) {
    for (let attempt = 0;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            const failure = describeApiError(error);
            // Idempotent requests were already retried by the client's hook; only a failed POST is retried here.
            const method = error?.request?.method;
            if (!failure.isTransient || attempt >= settings.retries || (method !== undefined && method !== 'POST'))
                throw error;
            const delay = retryDelayMs(failure, attempt, settings);
            log(`${label} failed (${failure.status ?? 'no response'}: ${failure.message}); retry ${attempt + 1} of ${settings.retries} in ${delay} ms.`);
            await sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/action/check-run.ts


/** The API's cap on output.summary. */
const MAX_SUMMARY = 65_535;
/** The check run's name for a target. */
function checkRunName(target) {
    return `Migrations preflight (${target})`;
}
/** Creates the check run in progress. */
async function startCheckRun(octokit, target, settings, log) {
    return createCheckRun(octokit, target, { status: 'in_progress', started_at: new Date().toISOString() }, settings, log);
}
/** Creates an already completed check run (no migration changes: nothing to annotate). */
async function createCompletedCheckRun(octokit, target, outcome, settings, log) {
    const output = { title: outcome.title, summary: outcome.summary.slice(0, MAX_SUMMARY) };
    return createCheckRun(octokit, target, { status: 'completed', conclusion: outcome.conclusion, completed_at: new Date().toISOString(), output }, settings, log);
}
/** Completes the check run: annotations in batches of 50, the last request also sets the conclusion. */
async function completeCheckRun(octokit, target, handle, outcome) {
    const groups = batches(outcome.annotations);
    if (groups.length === 0)
        groups.push([]);
    const output = { title: outcome.title, summary: outcome.summary.slice(0, MAX_SUMMARY) };
    for (const [i, annotations] of groups.entries()) {
        const isLast = i === groups.length - 1;
        await octokit.rest.checks.update({
            owner: target.owner,
            repo: target.repo,
            check_run_id: handle.id,
            output: { ...output, ...(annotations.length > 0 ? { annotations: [...annotations] } : {}) },
            ...(isLast ? { status: 'completed', conclusion: outcome.conclusion, completed_at: new Date().toISOString() } : {}),
        });
    }
}
/** POSTs a check run; a retry first looks for the one an earlier attempt may have created before failing. */
async function createCheckRun(octokit, target, fields, settings, log) {
    let isRetry = false;
    return retryOperation('Creating the check run', settings, log, async () => {
        if (isRetry) {
            const existing = await findCheckRun(octokit, target);
            if (existing)
                return existing;
        }
        isRetry = true;
        const { data } = await octokit.rest.checks.create({
            ...fields,
            owner: target.owner,
            repo: target.repo,
            name: target.name,
            head_sha: target.sha,
            external_id: target.externalId,
            ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
        });
        return { id: data.id, url: data.html_url ?? '' };
    });
}
/** This run's check run on the commit, by name and external id, if an earlier attempt created it. */
async function findCheckRun(octokit, target) {
    const { data } = await octokit.rest.checks.listForRef({ owner: target.owner, repo: target.repo, ref: target.sha, check_name: target.name, filter: 'latest', per_page: 100 });
    const found = data.check_runs.find((r) => r.external_id === target.externalId);
    return found ? { id: found.id, url: found.html_url ?? '' } : undefined;
}

;// CONCATENATED MODULE: ./src/action/comment.ts
/**
 * One sticky pull request comment per target, found by a hidden marker and edited in place on
 * every run, as dependency-review's comment-pr.ts does: reviewers never see a second comment.
 */

/** GitHub rejects comment bodies over 65,536 characters. */
const MAX_COMMENT_LENGTH = 65_536;
/** The hidden marker that identifies the comment of a target. */
function commentMarker(target) {
    return `<!-- migrations-preflight:comment target=${target} -->`;
}
/**
 * Updates the target's comment, or creates it when `mayCreate` (an update is always made, so a
 * stale failure never stays on the pull request). A retry after a failed create looks again first.
 */
async function upsertComment(octokit, pr, target, body, mayCreate, settings, log) {
    const marker = commentMarker(target);
    const full = `${marker}\n${body}`.slice(0, MAX_COMMENT_LENGTH);
    return retryOperation('Writing the pull request comment', settings, log, async () => {
        const existing = await findComment(octokit, pr, marker);
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body: full });
            return { action: 'updated', url: data.html_url };
        }
        if (!mayCreate)
            return { action: 'skipped', url: undefined };
        const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: full });
        return { action: 'created', url: data.html_url };
    });
}
/** The first comment carrying the marker, looking through every page. */
async function findComment(octokit, pr, marker) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
    for await (const page of pages) {
        const found = page.data.find((c) => c.body?.includes(marker));
        if (found)
            return { id: found.id };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/action/event.ts
/**
 * What the workflow run is about, from the runner's GITHUB_* environment and the event payload
 * file: the repository, the commit to report on (a pull request's head, not its merge commit),
 * and for pull requests whether they come from a fork (whose workflows get no secrets).
 */

/** A problem with the runner environment itself (not an input). */
class ActionEventError extends Error {
    fix;
    constructor(message, fix) {
        super(message);
        this.name = 'ActionEventError';
        this.fix = fix;
    }
}
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** Reads the event; a pull request event without its payload is an error. */
function readEvent(env, cwd) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        throw new ActionEventError('GITHUB_REPOSITORY is not set, so the action does not know which repository it runs for.', 'Run the action in a GitHub Actions workflow (the runner sets GITHUB_REPOSITORY).');
    }
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const pullRequest = PULL_REQUEST_EVENTS.has(name) ? readPullRequest(payload, `${owner}/${repo}`) : undefined;
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        name,
        owner,
        repo,
        sha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
        pullRequest,
        actor: env.GITHUB_ACTOR ?? '',
        serverUrl,
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        runId,
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
        runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
        workspace: env.GITHUB_WORKSPACE || cwd,
        workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
    };
}
/** The parsed payload, or {} when there is none (a local run). */
function readPayload(path) {
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new ActionEventError(`Cannot read the event payload ${path}: ${error.message}`, 'This is a runner problem; re-run the job.');
    }
}
/** The pull request fields the action needs. */
function readPullRequest(payload, repository) {
    const pr = payload.pull_request;
    if (!pr || typeof pr.number !== 'number' || !pr.head?.sha) {
        throw new ActionEventError('The pull_request event payload has no pull request number or head commit.', 'This is a runner problem; re-run the job.');
    }
    const baseRepo = pr.base?.repo?.full_name ?? repository;
    // A deleted fork has no head repo: treat it as a fork, it certainly has no secrets.
    const headRepo = pr.head.repo?.full_name ?? '(deleted fork)';
    return {
        number: pr.number,
        headSha: pr.head.sha,
        baseRepo,
        headRepo,
        isFork: headRepo.toLowerCase() !== baseRepo.toLowerCase(),
        changedFiles: typeof pr.changed_files === 'number' ? pr.changed_files : undefined,
    };
}
/** "owner/repo/.github/workflows/x.yml@refs/heads/main" -> ".github/workflows/x.yml". */
function workflowFileOf(ref) {
    const match = ref ? /^[^/]+\/[^/]+\/(.+?)(@.*)?$/.exec(ref) : null;
    return match?.[1];
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * The action's inputs, read from the INPUT_* environment as the runner sets them, validated
 * all at once so one run reports every mistake. Each problem says what is wrong, where (the
 * step's `with:` in the workflow file) and how to fix it. The database URL is never echoed.
 */


const COMMENT_MODES = ['always', 'on-failure', 'never'];
const FAIL_ON = ['error', 'warning', 'never'];
/** Every invalid input of a run; the action prints them all and exits 2. */
class ActionInputError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => `${p.input}: ${p.message}`).join('; '));
        this.name = 'ActionInputError';
        this.problems = problems;
    }
}
/** Reads an input the way @actions/core does: INPUT_<NAME> with spaces as underscores, trimmed. */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Reads and validates every input; throws ActionInputError listing all problems. */
function readInputs(env, workspace) {
    const problems = [];
    const problem = (input, message, fix) => {
        problems.push({ input, message, fix });
    };
    const target = getInput(env, 'target');
    if (!target)
        problem('target', 'is required and was not given.', 'Add `target: <name>` naming a target from migrations.config.yaml (for example `target: prod`).');
    else if (!/^[A-Za-z0-9_.-]+$/.test(target))
        problem('target', `"${target}" is not a target name (letters, digits, ".", "_" or "-").`, 'Use the name of a target under `targets:` in migrations.config.yaml.');
    const databaseUrl = getInput(env, 'database-url') || undefined;
    if (databaseUrl && !isDatabaseUrl(databaseUrl)) {
        problem('database-url', 'is not a PostgreSQL or MySQL connection URL (the value is hidden because it is a secret).', 'Store a postgres:// (or mysql:// for a MySQL/MariaDB target) URL with user, password, host, port and database in a repository secret and pass it with `database-url: ${{ secrets.NAME }}`.');
    }
    const failOn = oneOf(getInput(env, 'fail-on') || 'error', FAIL_ON, 'fail-on', problem) ?? 'error';
    const comment = oneOf(getInput(env, 'comment') || 'always', COMMENT_MODES, 'comment', problem) ?? 'always';
    const annotations = booleanInput(env, 'annotations', true, problem);
    const uploadArtifact = booleanInput(env, 'upload-artifact', true, problem);
    const artifactName = getInput(env, 'artifact-name') || `migrations-preflight-${target || 'target'}`;
    if (/["<>|*?\r\n\\/:]/.test(artifactName)) {
        problem('artifact-name', `"${artifactName}" contains a character artifact names cannot have (" : < > | * ? \\ / or a line break).`, 'Use letters, digits, "-", "_" and "." only.');
    }
    const retentionRaw = getInput(env, 'artifact-retention-days');
    let artifactRetentionDays;
    if (retentionRaw) {
        artifactRetentionDays = /^\d+$/.test(retentionRaw) ? Number(retentionRaw) : Number.NaN;
        if (!Number.isInteger(artifactRetentionDays) || artifactRetentionDays < 1 || artifactRetentionDays > 90) {
            problem('artifact-retention-days', `"${retentionRaw}" is not a whole number of days from 1 to 90.`, 'Give a number from 1 to 90, or leave it empty to keep the repository default.');
            artifactRetentionDays = undefined;
        }
    }
    const workingDirectory = (0,external_node_path_.resolve)(workspace, getInput(env, 'working-directory') || '.');
    if (!isDirectory(workingDirectory)) {
        problem('working-directory', `"${getInput(env, 'working-directory')}" is not a folder in the checked-out repository (${workingDirectory}).`, 'Check the path, and that actions/checkout ran before this step.');
    }
    const config = getInput(env, 'config') || undefined;
    if (config && isDirectory(workingDirectory) && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(workingDirectory, config))) {
        problem('config', `"${config}" does not exist (looked in ${workingDirectory}).`, 'Give the path of migrations.config.yaml relative to working-directory, or leave it empty to search from there upwards.');
    }
    const migrationsPath = getInput(env, 'migrations-path') || undefined;
    if (migrationsPath && isDirectory(workingDirectory) && !isDirectory((0,external_node_path_.isAbsolute)(migrationsPath) ? migrationsPath : (0,external_node_path_.resolve)(workingDirectory, migrationsPath))) {
        problem('migrations-path', `"${migrationsPath}" is not a folder (looked in ${workingDirectory}).`, 'Give the migrations folder relative to working-directory, or leave it empty to use migrations.path from the config.');
    }
    if (problems.length > 0)
        throw new ActionInputError(problems);
    return {
        target,
        databaseUrl,
        config,
        migrationsPath,
        githubToken: getInput(env, 'github-token') || undefined,
        failOn,
        comment,
        annotations,
        uploadArtifact,
        artifactName,
        artifactRetentionDays,
        workingDirectory,
    };
}
/** Formats input problems for the log: what, where and the fix, one block per input. */
function formatInputProblems(problems, workflowFile) {
    const where = workflowFile ? `the \`with:\` of this step in ${workflowFile}` : "the step's `with:` in the workflow file";
    const lines = problems.map((p) => `Invalid input \`${p.input}\` (${where}): ${p.message}\n  Fix: ${p.fix}`);
    return lines.join('\n');
}
/** The secrets inside a database URL: the whole value, and its password raw and decoded. */
function secretsOfUrl(url) {
    const secrets = [url];
    try {
        const password = new URL(url).password;
        if (password)
            secrets.push(password, safeDecode(password));
    }
    catch {
        // Not a URL: a libpq key=value string may still carry password=...
        const match = /\bpassword\s*=\s*('[^']*'|"[^"]*"|[^\s]+)/i.exec(url);
        if (match)
            secrets.push(match[1].replace(/^['"]|['"]$/g, ''));
    }
    return [...new Set(secrets.filter((s) => s.length > 0))];
}
/** Schemes of the dialects' connection URLs; the engine checks the scheme against the target's dialect. */
const DATABASE_URL_SCHEMES = new Set(['postgres:', 'postgresql:', 'mysql:', 'mariadb:']);
/** True for postgres://, postgresql://, mysql:// and mariadb:// URLs with a host. */
function isDatabaseUrl(value) {
    try {
        const u = new URL(value);
        return DATABASE_URL_SCHEMES.has(u.protocol) && u.hostname !== '';
    }
    catch {
        return false;
    }
}
/** Validates an enumerated input. */
function oneOf(value, allowed, input, problem) {
    if (allowed.includes(value))
        return value;
    problem(input, `"${value}" is not one of ${allowed.join(', ')}.`, `Set \`${input}:\` to ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`);
    return undefined;
}
/** Validates a boolean input (the YAML 1.2 core schema words @actions/core accepts). */
function booleanInput(env, input, fallback, problem) {
    const value = getInput(env, input);
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    problem(input, `"${value}" is not true or false.`, `Set \`${input}: true\` or \`${input}: false\`.`);
    return fallback;
}
/** True when `path` is an existing folder. */
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** decodeURIComponent that keeps malformed input as it is. */
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** Renders the report as pretty JSON with a trailing newline. */
function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}
/** How deep jsonChunks cuts: report, checks, a check, its findings (each finding is one piece). */
const CHUNK_DEPTH = 4;
/**
 * renderJson's text in pieces, cut between checks, findings and statements, so that a large
 * report (4,000 files: some 40 MB of JSON) is written without ever being one string (issue 4:
 * peak memory). The pieces joined are exactly renderJson's text; a test checks it.
 */
function* jsonChunks(report) {
    yield* prettyChunks(report, '', CHUNK_DEPTH);
    yield '\n';
}
/**
 * JSON.stringify(value, null, 2) at indentation `indent`, in pieces: plain objects and arrays are
 * opened down to `depth`, anything else is one JSON.stringify. It follows JSON.stringify's rules
 * where they matter at the levels it opens: keys whose value serialises to nothing (undefined, a
 * function) are left out, such array elements become null, empty containers are {} and [].
 */
function* prettyChunks(value, indent, depth) {
    if (depth <= 0 || !isPlainContainer(value)) {
        // A nested value is its standalone text with every line indented (strings hold no raw newline).
        yield leafText(value, indent) ?? 'null';
        return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
        if (value.length === 0) {
            yield '[]';
            return;
        }
        if (depth <= BATCH_DEPTH) {
            yield* batchedArrayChunks(value, indent);
            return;
        }
        for (let i = 0; i < value.length; i++) {
            yield `${i === 0 ? '[' : ','}\n${inner}`;
            yield* prettyChunks(value[i], inner, depth - 1);
        }
        yield `\n${indent}]`;
        return;
    }
    let isOpen = false;
    for (const key of Object.keys(value)) {
        const v = value[key];
        const isOpened = depth > 1 && isPlainContainer(v);
        const text = isOpened ? undefined : leafText(v, inner);
        if (!isOpened && text === undefined)
            continue;
        yield `${isOpen ? ',' : '{'}\n${inner}${JSON.stringify(key)}: `;
        isOpen = true;
        if (isOpened)
            yield* prettyChunks(v, inner, depth - 1);
        else
            yield text;
    }
    yield isOpen ? `\n${indent}}` : '{}';
}
/** Arrays met at this depth or deeper (a check's findings, the statements) are cut into runs of elements, not single ones. */
const BATCH_DEPTH = 2;
/** Elements per run: pieces of a few hundred KB. */
const BATCH_ELEMENTS = 256;
/**
 * A non-empty array's text at `indent`, one piece per run of BATCH_ELEMENTS elements: one
 * JSON.stringify per run instead of one per element (for 32,000 findings it was most of the
 * report's time). The run is stringified nested in as many one-element arrays as `indent` has
 * levels, so that JSON.stringify itself indents it (re-indenting the text copied every piece);
 * the wrappers' brackets and the run's own "[" and final "\n]" are cut off.
 */
function* batchedArrayChunks(value, indent) {
    const levels = indent.length / 2;
    // JSON.stringify(…, null, 2) opens each wrapper k (1-based) with "[\n" and 2k spaces and closes it with "\n", 2(k-1) spaces and "]".
    const opening = 2 * levels + levels * (levels + 1);
    const closing = 2 * levels + levels * (levels - 1);
    const close = `\n${indent}]`;
    for (let i = 0; i < value.length; i += BATCH_ELEMENTS) {
        let wrapped = value.slice(i, i + BATCH_ELEMENTS);
        for (let level = 0; level < levels; level++)
            wrapped = [wrapped];
        const text = JSON.stringify(wrapped, null, 2);
        yield `${i === 0 ? '[' : ','}${text.slice(opening + 1, text.length - closing - close.length)}`;
    }
    yield close;
}
/** JSON.stringify(value, null, 2) indented to `indent`; undefined where JSON.stringify gives nothing. */
function leafText(value, indent) {
    const text = JSON.stringify(value, null, 2);
    return text === undefined || indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}
/** A plain object (no toJSON) or an array: what prettyChunks may open. */
function isPlainContainer(value) {
    if (Array.isArray(value))
        return true;
    if (value === null || typeof value !== 'object' || typeof value.toJSON === 'function')
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

;// CONCATENATED MODULE: ./src/report/md.ts

const ICON = { error: '⛔', fail: '❌', warn: '⚠️', skip: '⏭️', pass: '✅' };
/** Renders the report as Markdown within the length cap. */
function renderMarkdown(report, options = {}) {
    const max = options.maxLength ?? 60_000;
    const full = build(report, options, Number.POSITIVE_INFINITY);
    if (full.length <= max)
        return full;
    // Shrink the number of findings listed until it fits, keeping the verdict and tables.
    let limit = Math.max(1, report.counts.findings);
    while (limit > 0) {
        limit = Math.floor(limit / 2);
        const text = build(report, options, limit);
        if (text.length <= max)
            return text;
    }
    const note = `\n\n> Report truncated to fit. ${options.fullReportHint ?? 'See the txt and json reports for every finding.'}\n`;
    return build(report, { ...options, notes: [] }, 0).slice(0, max - note.length) + note;
}
/** Builds the Markdown with at most `findingLimit` finding rows. */
function build(report, options, findingLimit) {
    const out = [];
    const { counts, run } = report;
    const verdict = report.verdict === 'passed' ? '✅ Passed' : report.verdict === 'failed' ? '❌ Failed' : '⛔ Error';
    const title = options.title ?? (run.target ? `Migrations preflight: ${run.target}` : 'Migrations lint');
    out.push(`### ${title}: ${verdict}`, '');
    out.push(`**${counts.fail}** failed · **${counts.error}** errored · **${counts.warn}** warned · **${counts.pass}** passed · **${counts.skip}** skipped · ${counts.findings} finding${counts.findings === 1 ? '' : 's'}${counts.suppressed ? ` (+${counts.suppressed} suppressed)` : ''}`);
    const pending = report.migrations.pending;
    if (pending.length > 0)
        out.push('', `Pending migrations: ${pending.map((m) => `\`${escapeMd(m.path)}\``).join(', ')}`);
    if (run.server)
        out.push('', `Target: ${serverLabel(run)}${run.dialect === 'mysql' ? '' : ` · rules assume PostgreSQL ${run.postgresVersion.major} (${run.postgresVersion.source})`}`);
    for (const note of options.notes ?? [])
        out.push('', note);
    const problems = worstFirst(report.checks).filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'warn');
    if (problems.length > 0) {
        out.push('', '| | Check | Result | Mitigation |', '|---|---|---|---|');
        for (const c of problems) {
            out.push(`| ${ICON[c.status]} | [\`${c.id}\`](${runbookUrl(c, options)}) | ${cell(c.summary)} | ${cell(c.mitigation ?? c.findings[0]?.mitigation ?? '')} |`);
        }
    }
    const findings = problems.flatMap((c) => c.findings.filter((f) => !f.suppressed));
    if (findings.length > 0) {
        out.push('', '#### Findings', '');
        const byFile = groupByFile(findings.slice(0, findingLimit));
        for (const [file, list] of byFile) {
            out.push(`**${escapeMd(file)}**`, '');
            for (const f of list)
                out.push(`- ${findingLine(f, options)}`);
            out.push('');
        }
        if (findings.length > findingLimit) {
            out.push(`> ${findings.length - findingLimit} more finding${findings.length - findingLimit === 1 ? '' : 's'} not shown. ${options.fullReportHint ?? 'See the txt and json reports for every finding.'}`, '');
        }
    }
    const quiet = report.checks.filter((c) => c.status === 'pass' || c.status === 'skip');
    if (quiet.length > 0) {
        out.push('', `<details><summary>${quiet.length} passed or skipped checks</summary>`, '');
        for (const c of quiet)
            out.push(`- ${ICON[c.status]} \`${c.id}\`: ${escapeMd(oneLine(c.summary))}`);
        out.push('', '</details>');
    }
    out.push('', `<sub>migrations-preflight ${report.tool.version} · ${run.durationMs} ms</sub>`, '');
    return out.join('\n');
}
/** One finding as a list item with position, message and fix. */
function findingLine(f, options) {
    const pos = `${f.line ?? 1}:${f.col ?? 1}`;
    const link = f.file ? options.fileLink?.(f.file, f.line) : undefined;
    const where = link ? `[${pos}](${link})` : pos;
    const icon = f.severity === 'error' ? ICON.fail : f.severity === 'warning' ? ICON.warn : 'ℹ️';
    return `${icon} ${where} \`${f.id}\`: ${escapeMd(oneLine(f.message))}<br>Fix: ${escapeMd(oneLine(f.mitigation))}`;
}
/** Findings grouped by file, in order. */
function groupByFile(findings) {
    const map = new Map();
    for (const f of [...findings].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0))) {
        const key = f.file ?? '(target)';
        map.set(key, [...(map.get(key) ?? []), f]);
    }
    return map;
}
/** Link to the runbook page of a check. */
function runbookUrl(c, options) {
    return options.runbookBase ? `${options.runbookBase.replace(/\/$/, '')}/${c.id}.md` : c.docs;
}
/** Text safe inside a table cell. */
function cell(text) {
    return escapeMd(oneLine(text)).replace(/\|/g, '\\|');
}
/** Collapses whitespace. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Escapes characters that would start HTML or break Markdown. */
function escapeMd(text) {
    return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/** Renders the report as a SARIF 2.1.0 log (pretty JSON with a trailing newline). */
function renderSarif(report, options = {}) {
    const checks = [...report.checks].sort((a, b) => a.id.localeCompare(b.id));
    const ruleIndex = new Map(checks.map((c, i) => [c.id, i]));
    const results = checks.flatMap((c) => resultsOf(c, ruleIndex.get(c.id), report, options));
    const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: report.tool.name,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        rules: checks.map((c) => ruleOf(c, options)),
                    },
                },
                // Code scanning keeps one set of alerts per category: one per target, so a matrix does not overwrite itself.
                automationDetails: { id: `migrations-preflight/${report.run.target ?? report.run.command}/` },
                invocations: [
                    {
                        executionSuccessful: report.verdict !== 'error',
                        startTimeUtc: report.run.startedAt,
                        endTimeUtc: report.run.finishedAt,
                    },
                ],
                results,
                properties: { target: report.run.target, verdict: report.verdict, failOn: report.run.failOn, counts: report.counts },
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
/** The reportingDescriptor of a check: id, title, default level and runbook link. */
function ruleOf(c, options) {
    const help = options.runbookBase ? `${options.runbookBase.replace(/\/$/, '')}/${c.id}.md` : undefined;
    return {
        id: c.id,
        name: toPascalCase(c.id),
        shortDescription: { text: c.title },
        ...(help ? { helpUri: help } : {}),
        help: { text: `Runbook: ${help ?? c.docs}`, markdown: `[Runbook for ${c.id}](${help ?? c.docs})` },
        defaultConfiguration: { level: LEVEL[c.severity] },
        properties: { category: c.category, kind: c.kind, tags: ['migrations', c.category] },
    };
}
/** Results of one check: its findings, or the check itself when it failed, warned or errored without any. */
function resultsOf(c, index, report, options) {
    const out = c.findings.map((f) => findingResult(c, f, index, options));
    if (out.length === 0 && (c.status === 'fail' || c.status === 'warn' || c.status === 'error')) {
        out.push({
            ruleId: c.id,
            ruleIndex: index,
            level: c.status === 'warn' ? 'warning' : 'error',
            message: { text: c.mitigation ? `${c.summary} ${c.mitigation}` : c.summary },
            ...checkLocation(report, options),
            properties: { status: c.status, ...(c.evidence ? { evidence: c.evidence } : {}) },
        });
    }
    return out;
}
/** One finding as a result at its file and region; suppressed findings carry their justification. */
function findingResult(c, f, index, options) {
    const level = c.status === 'warn' && f.severity === 'error' ? 'warning' : LEVEL[f.severity];
    const region = f.line
        ? { startLine: f.line, startColumn: f.col ?? 1, endLine: Math.max(f.endLine ?? f.line, f.line), endColumn: endColumnOf(f) }
        : undefined;
    return {
        ruleId: c.id,
        ruleIndex: index,
        level,
        message: { text: `${f.message} Fix: ${f.mitigation}` },
        ...(f.file ? { locations: [sarif_location(f.file, region, options)] } : {}),
        ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind === 'comment' ? 'inSource' : 'external', justification: f.suppressed.reason }] } : {}),
        ...(f.evidence || f.lock ? { properties: { ...(f.evidence ? { evidence: f.evidence } : {}), ...(f.lock ? { lock: f.lock, tables: f.tables ?? [] } : {}) } } : {}),
    };
}
/** The end column, kept after the start column on a one-line region (SARIF regions are non-empty). */
function endColumnOf(f) {
    const startCol = f.col ?? 1;
    const endCol = f.endCol ?? startCol;
    const isOneLine = (f.endLine ?? f.line) === f.line;
    return isOneLine ? Math.max(endCol, startCol + 1) : Math.max(endCol, 1);
}
/** Where a check-level result points: the first pending migration, else the config file, else nowhere. */
function checkLocation(report, options) {
    const file = report.migrations.pending[0]?.path ?? report.run.configFile;
    return file ? { locations: [sarif_location(file, undefined, options)] } : {};
}
/** A physical location relative to the source root. */
function sarif_location(file, region, options) {
    const uri = encodeURI((options.toRepoPath?.(file) ?? file).split('\\').join('/'));
    return { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(region ? { region } : {}) } };
}
/** "require-concurrent-index" -> "RequireConcurrentIndex" (reportingDescriptor.name). */
function toPascalCase(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./src/report/txt.ts

const LABEL = { error: 'ERROR', fail: 'FAIL', warn: 'WARN', skip: 'SKIP', pass: 'PASS' };
/** Renders the report as plain text. */
function renderTxt(report) {
    const out = [];
    const { run, migrations, counts } = report;
    const subject = run.command === 'lint' ? 'lint' : `preflight of target "${run.target}"`;
    out.push(`Migrations Preflight ${report.tool.version}: ${subject}: ${report.verdict.toUpperCase()}`);
    out.push(`Summary: ${counts.fail} failed, ${counts.error} errored, ${counts.warn} warned, ${counts.pass} passed, ${counts.skip} skipped; ` +
        `${counts.findings} finding${counts.findings === 1 ? '' : 's'}${counts.suppressed ? ` (+${counts.suppressed} suppressed)` : ''}`);
    if (run.server)
        out.push(`Target: ${run.server.host}:${run.server.port}/${run.server.database}, ${serverLabel(run)}`);
    if (migrations.layout || migrations.path) {
        out.push(`Migrations: ${migrations.path ?? '(given files)'} (${migrations.layout ?? 'plain files'}${migrations.layoutReason ? `: ${migrations.layoutReason}` : ''}); ` +
            `${migrations.total} total, ${migrations.applied} applied, ${migrations.pending.length} pending`);
    }
    for (const m of migrations.pending)
        out.push(`  pending: ${m.path}${m.runsInTransaction ? ' (runs in a transaction)' : ''}`);
    // The PostgreSQL version the rules assume means nothing to MySQL rules.
    out.push(`${run.dialect === 'mysql' ? '' : `Rules assume PostgreSQL ${run.postgresVersion.major} (${run.postgresVersion.source}). `}Fail on: ${run.failOn}.`);
    out.push(`Run: ${run.startedAt} by ${run.user}@${run.host}, ${run.durationMs} ms; config ${run.configFile ?? '(defaults)'} sha256:${run.configHash.slice(0, 12)}`);
    let section = '';
    for (const check of worstFirst(report.checks)) {
        const heading = sectionOf(check.status);
        if (heading !== section) {
            out.push('', heading, '-'.repeat(heading.length));
            section = heading;
        }
        out.push(...renderCheck(check));
    }
    out.push('');
    return out.join('\n');
}
/** The section heading for a status. */
function sectionOf(status) {
    switch (status) {
        case 'error':
            return 'Checks that could not run';
        case 'fail':
            return 'Failed checks';
        case 'warn':
            return 'Warnings';
        case 'skip':
            return 'Skipped checks';
        default:
            return 'Passed checks';
    }
}
/** Lines for one check: detailed for problems, one line for passes and skips. */
function renderCheck(check) {
    const head = `[${LABEL[check.status]}] ${check.id}: ${check.title}`;
    if (check.status === 'pass' || check.status === 'skip') {
        const suppressed = check.findings.filter((f) => f.suppressed);
        return [`${head}: ${check.summary}`, ...suppressed.map((f) => `    suppressed ${where(f)}: ${f.message} (${suppressionLabel(f.suppressed)})`)];
    }
    const lines = [head];
    const active = check.findings.filter((f) => !f.suppressed);
    if (active.length === 0 || check.kind === 'live')
        lines.push(`    ${check.summary}`);
    if (check.evidence && Object.keys(check.evidence).length > 0)
        lines.push(`    evidence: ${formatEvidence(check.evidence)}`);
    if (check.mitigation && (active.length === 0 || check.kind === 'live'))
        lines.push(`    mitigation: ${check.mitigation}`);
    for (const f of check.findings)
        lines.push(...renderFinding(f));
    lines.push(`    runbook: ${check.docs}`);
    return lines;
}
/** Lines for one finding, at its file:line:col. */
function renderFinding(f) {
    const prefix = f.suppressed ? 'suppressed ' : '';
    const lines = [`  - ${prefix}${where(f)}: ${f.message}`];
    if (f.lock && f.tables?.length)
        lines.push(`      lock: ${f.lock} on ${f.tables.join(', ')}`);
    if (f.evidence && Object.keys(f.evidence).length > 0)
        lines.push(`      evidence: ${formatEvidence(f.evidence)}`);
    if (f.suppressed)
        lines.push(`      suppressed (${f.suppressed.kind}${f.suppressed.by ? ` by ${f.suppressed.by}` : ''}): ${f.suppressed.reason}`);
    else
        lines.push(`      fix: ${f.mitigation}`);
    return lines;
}
/** "accepted by alice: <reason>", "comment: <reason>": how and why a finding was suppressed. */
function suppressionLabel(s) {
    return `${s.kind}${s.by ? ` by ${s.by}` : ''}: ${s.reason}`;
}
/** "file:line:col", or "(target)" for findings not tied to a file. */
function where(f) {
    return f.file ? `${f.file}:${f.line ?? 1}:${f.col ?? 1}` : '(target)';
}
/** Compact key=value evidence; nested values as JSON. */
function formatEvidence(evidence) {
    return Object.entries(evidence)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
}

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 303 modules
var artifact = __webpack_require__(9645);
;// CONCATENATED MODULE: ./src/action/artifact.ts
/**
 * The reports of a run written next to each other and uploaded as one workflow artifact with
 * @actions/artifact. The files are written before anything talks to GitHub, so a failed upload
 * still leaves them in the job summary, the outputs and the runner's temp folder.
 */



/** Writes the rendered reports as <base>.txt/.json/.sarif/.md in `dir`. */
function writeReportFiles(dir, base, rendered) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const files = { dir, txt: (0,external_node_path_.join)(dir, `${base}.txt`), json: (0,external_node_path_.join)(dir, `${base}.json`), sarif: (0,external_node_path_.join)(dir, `${base}.sarif`), md: (0,external_node_path_.join)(dir, `${base}.md`) };
    (0,external_node_fs_.writeFileSync)(files.txt, rendered.txt);
    (0,external_node_fs_.writeFileSync)(files.json, rendered.json);
    (0,external_node_fs_.writeFileSync)(files.sarif, rendered.sarif);
    (0,external_node_fs_.writeFileSync)(files.md, rendered.md);
    return files;
}
/** Uploads the files as one artifact, giving up after `timeoutMs` (the upload cannot be aborted, only abandoned). */
async function uploadReports(name, files, rootDir, retentionDays, timeoutMs) {
    const client = new artifact/* DefaultArtifactClient */.t9();
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the upload did not finish within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
        const result = await Promise.race([client.uploadArtifact(name, [...files], rootDir, retentionDays ? { retentionDays } : {}), timeout]);
        return { id: result.id, size: result.size };
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/action/run-context.ts
/**
 * The state of one action run, created inside run() and passed down: inputs, event, clients,
 * the redactor every printed line goes through, and the notes that the comment, the check run
 * and the job summary all repeat (fork skipped the target, a permission was missing...).
 */




/** Prints an info line, redacted, and records it in the log file. */
function say(run, message) {
    core/* info */.pq(run.redactor.redact(message));
    run.log.log('info', message);
}
/** Prints a warning (an annotation on the run), redacted, and records it in the log file. */
function warn(run, message) {
    core/* warning */.$e(run.redactor.redact(message));
    run.log.log('warn', message);
}
/** The repository-relative path of a report path (relative to the project, i.e. the config's folder). */
function repoPathOf(run, baseDir, file) {
    const abs = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(baseDir, file);
    return (0,external_node_path_.relative)(run.event.workspace, abs).split('\\').join('/');
}
/** A link to a line of a file at the commit under review. */
function blobLink(event, repoPath, line) {
    if (!event.sha)
        return undefined;
    return `${event.serverUrl}/${event.owner}/${event.repo}/blob/${event.sha}/${encodeURI(repoPath)}${line ? `#L${line}` : ''}`;
}
/**
 * Where the runbook pages are online: the action's repository at its ref (`uses: owner/repo@v1`),
 * or this repository at the commit when the action is used from the checkout (`uses: ./`).
 */
function findRunbookBase(env, event) {
    if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) {
        return `${event.serverUrl}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}/runbook`;
    }
    const actionRoot = (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..');
    const rel = (0,external_node_path_.relative)(event.workspace, actionRoot);
    if (!event.sha || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(actionRoot, 'runbook')))
        return undefined;
    return `${event.serverUrl}/${event.owner}/${event.repo}/blob/${event.sha}/${rel ? `${rel.split('\\').join('/')}/` : ''}runbook`;
}

;// CONCATENATED MODULE: ./src/action/publish.ts
/**
 * Everything the action does with a finished report: write the report files, complete the check
 * run with annotations, update the sticky comment, upload the artifact, write the job summary and
 * set the outputs. Each GitHub step runs in its own try: a missing permission or an outage costs
 * that step only (with a note saying so), never the reports or the verdict.
 */











/** GitHub's job summary takes up to 1 MiB per step. */
const MAX_JOB_SUMMARY = 900_000;
/** Publishes the report everywhere it goes; never throws for a GitHub failure. */
async function publishReport(run, report, baseDir, checkRun) {
    const toRepoPath = (file) => repoPathOf(run, baseDir, file);
    const files = writeReports(run, report, toRepoPath);
    const annotations = run.inputs.annotations ? toAnnotations(report, toRepoPath) : [];
    let checkRunUrl;
    if (checkRun) {
        checkRunUrl = await finishCheckRun(run, report, checkRun, annotations, toRepoPath);
    }
    if (!checkRunUrl && annotations.length > 0) {
        writeWorkflowAnnotations(annotations, redactedSink(run));
        say(run, `Wrote ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} as workflow commands.`);
    }
    const commentUrl = await postComment(run, report, toRepoPath);
    await uploadArtifact(run, files);
    await writeJobSummary(run, renderForGitHub(run, report, toRepoPath, MAX_JOB_SUMMARY));
    return { files, commentUrl, checkRunUrl };
}
/** Renders and writes the txt, json, sarif and md reports (before anything talks to GitHub). */
function writeReports(run, report, toRepoPath) {
    const base = `migrations-preflight-${run.inputs.target}`;
    const files = writeReportFiles(run.outDir, base, {
        txt: renderTxt(report),
        json: renderJson(report),
        sarif: renderSarif(report, { runbookBase: run.runbookBase, toRepoPath }),
        md: renderForGitHub(run, report, toRepoPath, Number.MAX_SAFE_INTEGER),
    });
    say(run, `Reports written to ${files.dir}.`);
    return files;
}
/** The Markdown report with file links to the commit under review, runbook links and the run's notes. */
function renderForGitHub(run, report, toRepoPath, maxLength) {
    const hint = run.inputs.uploadArtifact
        ? `Download the \`${run.inputs.artifactName}\` artifact${run.event.runUrl ? ` from [the workflow run](${run.event.runUrl})` : ''} for every finding.`
        : 'The txt and json reports on the runner have every finding.';
    return renderMarkdown(report, {
        maxLength,
        fileLink: (file, line) => blobLink(run.event, toRepoPath(file), line),
        ...(run.runbookBase ? { runbookBase: run.runbookBase } : {}),
        notes: run.notes,
        fullReportHint: hint,
    });
}
/** Completes the check run; on failure, notes it and returns undefined so annotations fall back to workflow commands. */
async function finishCheckRun(run, report, checkRun, annotations, toRepoPath) {
    const c = report.counts;
    const verdict = report.verdict === 'passed' ? 'Passed' : report.verdict === 'failed' ? 'Failed' : 'Error';
    try {
        await completeCheckRun(run.octokit, checkRun.target, checkRun.handle, {
            conclusion: report.verdict === 'passed' ? 'success' : 'failure',
            title: `${verdict}: ${c.fail} failed, ${c.error} errored, ${c.warn} warned, ${c.findings} finding${c.findings === 1 ? '' : 's'}`,
            summary: renderForGitHub(run, report, toRepoPath, MAX_SUMMARY - 100),
            annotations,
        });
        say(run, `Check run "${checkRun.target.name}" completed (${annotations.length} annotation${annotations.length === 1 ? '' : 's'}): ${checkRun.handle.url}`);
        return checkRun.handle.url || undefined;
    }
    catch (error) {
        const failure = describeApiError(error);
        const note = `The check run could not be completed (GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}); the findings are annotations in the workflow log instead.`;
        run.notes.push(note);
        warn(run, note);
        return undefined;
    }
}
/** Creates or updates the sticky comment as the `comment` input says; returns its URL. */
async function postComment(run, report, toRepoPath) {
    const pr = run.event.pullRequest;
    if (!pr || run.inputs.comment === 'never')
        return undefined;
    if (!run.octokit)
        return undefined;
    const mayCreate = run.inputs.comment === 'always' || report.verdict !== 'passed';
    const body = renderForGitHub(run, report, toRepoPath, MAX_COMMENT_LENGTH - commentMarker(run.inputs.target).length - 10);
    try {
        const result = await upsertComment(run.octokit, { owner: run.event.owner, repo: run.event.repo, number: pr.number }, run.inputs.target, body, mayCreate, run.settings, (m) => say(run, m));
        if (result.action !== 'skipped')
            say(run, `Pull request comment ${result.action}: ${result.url}`);
        return result.url;
    }
    catch (error) {
        const failure = describeApiError(error);
        const why = failure.isPermission ? 'the token cannot write to pull requests (`pull-requests: write` is missing, as on pull requests from forks)' : `GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}`;
        const note = `The pull request comment could not be written: ${why}. The job summary has the report.`;
        run.notes.push(note);
        warn(run, note);
        return undefined;
    }
}
/** Uploads the report files as one artifact when the input asks for it; a failure is a warning. */
async function uploadArtifact(run, files) {
    if (!run.inputs.uploadArtifact)
        return;
    const list = [files.txt, files.json, files.sarif, files.md, ...(run.log.path ? [run.log.path] : [])];
    try {
        const result = await uploadReports(run.inputs.artifactName, list, files.dir, run.inputs.artifactRetentionDays, run.settings.artifactTimeoutMs);
        say(run, `Artifact ${run.inputs.artifactName} uploaded (${result.size ?? 0} bytes).`);
    }
    catch (error) {
        const note = `The reports could not be uploaded as an artifact: ${error?.message ?? String(error)}. They are in ${files.dir} on the runner and in this summary.`;
        run.notes.push(note);
        warn(run, note);
    }
}
/** Appends Markdown to the job summary; without GITHUB_STEP_SUMMARY (a local run) it is only logged. */
async function writeJobSummary(run, markdown) {
    if (!run.env.GITHUB_STEP_SUMMARY) {
        run.log.log('info', 'no GITHUB_STEP_SUMMARY: job summary not written');
        return;
    }
    try {
        await core/* summary */.z.addRaw(run.redactor.redact(markdown), true).write();
    }
    catch (error) {
        warn(run, `The job summary could not be written: ${(error?.message ?? String(error)).replace(/\.+$/, '')}.`);
    }
}
/** Workflow-command annotations with every message redacted. */
function redactedSink(run) {
    const r = (text) => run.redactor.redact(text);
    const props = (p) => ({
        title: r(String(p.title)),
        file: String(p.file),
        startLine: Number(p.startLine),
        endLine: Number(p.endLine),
        ...(p.startColumn ? { startColumn: Number(p.startColumn), endColumn: Number(p.endColumn) } : {}),
    });
    return {
        error: (m, p) => core/* error */.z3(r(m), props(p)),
        warning: (m, p) => core/* warning */.$e(r(m), props(p)),
        notice: (m, p) => core/* notice */.lm(r(m), props(p)),
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The GitHub Action, a thin adapter over the engine: read inputs, mask secrets, decide what to
 * analyse (a pull request's changed migrations, or everything pending), run preflight, then
 * publish (check run, sticky comment, annotations, job summary, artifact, outputs). The exit code
 * is the preflight verdict; invalid inputs exit 2 with what, where and how to fix, never a stack.
 */


















const main_ICON = { pass: '✔', warn: '⚠', fail: '✖', error: '⛔', skip: '↷' };
/** Runs the action and returns the process exit code. */
async function run(env = process.env) {
    const redactor = new Redactor();
    // Before anything can be printed: the URL, its password, and the token.
    maskSecret(redactor, ...secretsOfUrl(getInput(env, 'database-url')), getInput(env, 'github-token'));
    let event;
    let inputs;
    try {
        event = readEvent(env, process.cwd());
        inputs = readInputs(env, event.workspace);
    }
    catch (error) {
        return failSetup(error, event, redactor);
    }
    const action = createRun(env, event, inputs, redactor);
    try {
        return await execute(action);
    }
    catch (error) {
        return await failRun(action, error);
    }
}
/** Masks secrets with the runner (::add-mask::) and registers them with the redactor. */
function maskSecret(redactor, ...secrets) {
    for (const secret of secrets) {
        if (!secret)
            continue;
        core/* setSecret */.Pq(secret);
        redactor.add(secret);
    }
}
/** Invalid inputs or runner environment: every problem with its fix, exit 2. */
function failSetup(error, event, redactor) {
    if (error instanceof ActionInputError) {
        core/* setFailed */.C1(redactor.redact(formatInputProblems(error.problems, event?.workflowFile)));
        return errors/* EXIT */.dc.usage;
    }
    if (error instanceof ActionEventError) {
        core/* setFailed */.C1(redactor.redact(`${error.message}\n  Fix: ${error.fix}`));
        return errors/* EXIT */.dc.usage;
    }
    core/* setFailed */.C1(redactor.redact(`Internal error while reading the inputs: ${(0,errors/* describeError */.Uc)(error)}. Please report this.`));
    return errors/* EXIT */.dc.internal;
}
/** Builds the run state; clients are created here and passed down. */
function createRun(env, event, inputs, redactor) {
    const settings = networkSettings(env);
    const outDir = (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `migrations-preflight-${inputs.target}-${event.runId || process.pid}`);
    const log = createFileLog((0,external_node_path_.join)(outDir, `migrations-preflight-${inputs.target}.log`), redactor);
    const version = toolVersion();
    const partial = { redactor, log };
    const octokit = inputs.githubToken ? createOctokit(inputs.githubToken, event.apiUrl, `migrations-preflight/${version}`, settings, (m) => say(partial, m)) : undefined;
    return { env, event, inputs, redactor, settings, octokit, outDir, log, toolVersion: version, notes: [], runbookBase: findRunbookBase(env, event) };
}
/** The whole run after setup. */
async function execute(run) {
    const { inputs, event } = run;
    process.chdir(inputs.workingDirectory);
    const loaded = (0,load.loadConfig)({ configPath: inputs.config, cwd: inputs.workingDirectory });
    // Still before the first line is printed: URLs the config builds from the environment.
    maskConfigUrls(run, loaded);
    say(run, `Migrations preflight ${run.toolVersion}: target "${inputs.target}", event ${event.name || '(none)'}${event.pullRequest ? ` on pull request #${event.pullRequest.number} (head ${event.sha.slice(0, 7)})` : event.sha ? ` at ${event.sha.slice(0, 7)}` : ''}.`);
    if (!run.octokit) {
        run.notes.push('No `github-token` was given, so there is no check run and no pull request comment; findings are annotations in the workflow log.');
    }
    requireTarget(loaded, inputs.target);
    const migrationsDir = inputs.migrationsPath ? (0,external_node_path_.resolve)(inputs.workingDirectory, inputs.migrationsPath) : (0,external_node_path_.resolve)(loaded.baseDir, loaded.config.migrations.path);
    const scope = await decideScope(run, migrationsDir, loaded.baseDir);
    if (scope.kind === 'none')
        return reportNoChanges(run, migrationsDir);
    const checkTarget = checkRunTarget(run);
    const handle = checkTarget ? await openCheckRun(run, checkTarget) : undefined;
    let report;
    try {
        report = await runPreflight({
            command: 'preflight',
            loaded,
            targetName: inputs.target,
            databaseUrl: inputs.databaseUrl,
            migrationsPath: inputs.migrationsPath ? migrationsDir : undefined,
            ...(scope.kind === 'changes' ? { onlyFiles: scope.changes.pending, changes: { modified: scope.changes.modified, removed: scope.changes.removed } } : {}),
            staticOnlyReason: staticOnlyReason(run, loaded),
            failOn: inputs.failOn,
            log: run.log,
            redactor: run.redactor,
            toolVersion: run.toolVersion,
            onResult: (r) => say(run, `${main_ICON[r.status]} ${r.status.padEnd(4)} ${r.id}: ${r.summary}`),
            onStage: (m) => say(run, m),
        });
    }
    catch (error) {
        if (checkTarget && handle)
            await abandonCheckRun(run, checkTarget, handle, error);
        throw error;
    }
    const published = await publishReport(run, report, loaded.baseDir, checkTarget && handle ? { target: checkTarget, handle } : undefined);
    setOutputs(run, report, published);
    return finish(run, report);
}
/** Masks every target URL the config resolved from the environment (the runner masks secrets, not what is built from them). */
function maskConfigUrls(run, loaded) {
    for (const target of Object.values(loaded.config.targets)) {
        if (target.url)
            maskSecret(run.redactor, ...secretsOfUrl(target.url));
    }
}
/** Fails early, before any check run exists, when the target is not in the config. */
function requireTarget(loaded, target) {
    if (loaded.config.targets[target])
        return;
    const names = Object.keys(loaded.config.targets).sort();
    const where = loaded.file ?? 'the config (no migrations.config.yaml was found from working-directory upwards)';
    throw new errors/* UsageError */.eb(`Unknown target "${target}" in ${where}.`, names.length > 0 ? `Set the \`target\` input to one of: ${names.join(', ')}.` : 'Add the target under `targets:` in migrations.config.yaml, or set the `config` input to the right file.');
}
/** On a pull request, the migrations it changes; elsewhere (push, workflow_dispatch) everything pending. */
async function decideScope(run, migrationsDir, baseDir) {
    const pr = run.event.pullRequest;
    if (!pr) {
        say(run, `Event ${run.event.name || '(none)'}: analysing every migration pending on "${run.inputs.target}".`);
        return { kind: 'all' };
    }
    if (!run.octokit) {
        run.notes.push('The changed files of the pull request could not be listed without a token, so every migration pending on the target was analysed.');
        return { kind: 'all' };
    }
    try {
        const listed = await listChangedFiles(run.octokit, run.event.owner, run.event.repo, pr.number, pr.changedFiles);
        if (listed.isTruncated) {
            run.notes.push(`This pull request changes more than ${listed.files.length.toLocaleString('en-US')} files, more than GitHub lists, so every migration pending on the target was analysed.`);
            return { kind: 'all' };
        }
        const changes = classifyChanges(listed.files, run.event.workspace, migrationsDir, baseDir);
        say(run, `Pull request #${pr.number} changes ${listed.files.length} files, ${changes.count} under ${relativeToWorkspace(run, migrationsDir)} (${changes.pending.length} added or modified, ${changes.removed.length} removed or renamed).`);
        return changes.count === 0 ? { kind: 'none' } : { kind: 'changes', changes };
    }
    catch (error) {
        const failure = describeApiError(error);
        const note = `The changed files of the pull request could not be listed (GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}), so every migration pending on the target was analysed.`;
        run.notes.push(note);
        warn(run, note);
        return { kind: 'all' };
    }
}
/** A pull request without migration changes: a quick success, and no new comment. */
async function reportNoChanges(run, migrationsDir) {
    const folder = relativeToWorkspace(run, migrationsDir);
    const text = `No migration changes: this pull request changes nothing under \`${folder}\`, so there is nothing to check against \`${run.inputs.target}\`.`;
    say(run, text);
    const target = checkRunTarget(run);
    let checkRunUrl;
    if (target && run.octokit) {
        try {
            const handle = await createCompletedCheckRun(run.octokit, target, { conclusion: 'success', title: 'No migration changes', summary: text }, run.settings, (m) => say(run, m));
            checkRunUrl = handle.url || undefined;
        }
        catch (error) {
            warn(run, `The check run could not be created (${describeApiError(error).message}).`);
        }
    }
    let commentUrl;
    const pr = run.event.pullRequest;
    if (run.octokit && run.inputs.comment !== 'never') {
        // Only an earlier comment is updated, so a stale failure does not linger; none is created.
        const body = `### Migrations preflight: ${run.inputs.target}: ✅ No migration changes\n\n${text}\n`;
        try {
            commentUrl = (await upsertComment(run.octokit, { owner: run.event.owner, repo: run.event.repo, number: pr.number }, run.inputs.target, body, false, run.settings, (m) => say(run, m))).url;
        }
        catch (error) {
            warn(run, `The earlier pull request comment could not be updated (${describeApiError(error).message}).`);
        }
    }
    await writeJobSummary(run, `### Migrations preflight: ${run.inputs.target}: ✅ No migration changes\n\n${text}\n`);
    setOutput('result', 'passed');
    setOutput('failed-checks', '');
    setOutput('warnings', '0');
    setOutput('report-json', '');
    setOutput('report-txt', '');
    setOutput('report-sarif', '');
    setOutput('comment-url', commentUrl ?? '');
    setOutput('check-run-url', checkRunUrl ?? '');
    return errors/* EXIT */.dc.passed;
}
/** Why only static analysis runs: a fork's (or Dependabot's) pull request has no secrets, so no database URL. */
function staticOnlyReason(run, loaded) {
    const pr = run.event.pullRequest;
    const hasUrl = !!run.inputs.databaseUrl || !!loaded.config.targets[run.inputs.target]?.url;
    if (!pr || hasUrl)
        return undefined;
    const who = pr.isFork ? `comes from a fork (${pr.headRepo})` : run.event.actor === 'dependabot[bot]' ? 'was opened by Dependabot' : undefined;
    if (!who)
        return undefined;
    const reason = `This pull request ${who}, and GitHub gives such workflows no secrets, so the database URL of "${run.inputs.target}" is not available: the checks against the target were skipped and only the static analysis of the migration files ran.`;
    run.notes.push(`**Target checks skipped.** ${reason} They run when a maintainer starts this workflow by hand (workflow_dispatch) or after the merge.`);
    return reason;
}
/** Where the check run goes: the pull request's head commit, or the pushed commit. */
function checkRunTarget(run) {
    if (!run.octokit || !run.event.sha)
        return undefined;
    return {
        owner: run.event.owner,
        repo: run.event.repo,
        sha: run.event.sha,
        name: checkRunName(run.inputs.target),
        externalId: `migrations-preflight:${run.event.runId || 'local'}:${run.event.runAttempt}:${run.inputs.target}`,
        detailsUrl: run.event.runUrl,
    };
}
/** Creates the in-progress check run; without permission, notes the fallback and goes on. */
async function openCheckRun(run, target) {
    try {
        const handle = await startCheckRun(run.octokit, target, run.settings, (m) => say(run, m));
        say(run, `Check run "${target.name}" started on ${target.sha.slice(0, 7)}.`);
        return handle;
    }
    catch (error) {
        const failure = describeApiError(error);
        const why = failure.isPermission
            ? 'the token lacks `checks: write` (on pull requests from forks the token is read-only)'
            : `GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}`;
        const note = `No check run was created: ${why}. The findings are annotations in the workflow log instead (GitHub shows at most 10 errors and 10 warnings per step on the pull request), and this job's own status carries the verdict.`;
        run.notes.push(note);
        warn(run, note);
        return undefined;
    }
}
/** Completes a started check run when preflight could not produce a report, so it does not stay in progress. */
async function abandonCheckRun(run, target, handle, error) {
    const message = error instanceof errors/* PreflightError */.wG ? `${error.message}${error.fix ? ` Fix: ${error.fix}` : ''}` : `Internal error: ${(0,errors/* describeError */.Uc)(error)}`;
    try {
        await completeCheckRun(run.octokit, target, handle, { conclusion: 'failure', title: 'Preflight could not run', summary: run.redactor.redact(message), annotations: [] });
    }
    catch (e) {
        warn(run, `The check run could not be completed (${describeApiError(e).message}).`);
    }
}
/** Sets the step outputs. */
function setOutputs(run, report, published) {
    const failed = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id);
    setOutput('result', report.verdict);
    setOutput('failed-checks', failed.join(','));
    setOutput('warnings', String(report.counts.warn));
    setOutput('report-json', published.files.json);
    setOutput('report-txt', published.files.txt);
    setOutput('report-sarif', published.files.sarif);
    setOutput('comment-url', published.commentUrl ?? '');
    setOutput('check-run-url', published.checkRunUrl ?? '');
}
/** Prints the verdict and turns it into the exit code. */
function finish(run, report) {
    const c = report.counts;
    const line = `${report.verdict.toUpperCase()}: ${c.fail} failed, ${c.error} errored, ${c.warn} warned, ${c.pass} passed, ${c.skip} skipped; ${c.findings} finding${c.findings === 1 ? '' : 's'}.`;
    say(run, line);
    if (report.verdict !== 'passed') {
        const failed = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id);
        const why = failed.length > 0 ? failed.join(', ') : `warnings with fail-on: ${run.inputs.failOn}`;
        core/* setFailed */.C1(run.redactor.redact(`Migrations preflight ${report.verdict} for target "${run.inputs.target}": ${why}. The job summary and the pull request comment say what to do.`));
    }
    return exitCodeOf(report.verdict);
}
/** A config or usage error prints message and fix (exit 2); anything else is internal (exit 3, stack in the log only). */
async function failRun(run, error) {
    setOutput('result', 'error');
    const isKnown = error instanceof errors/* PreflightError */.wG;
    const message = isKnown
        ? `${error.message}${error.fix ? `\n  Fix: ${error.fix}` : ''}`
        : `Internal error: ${(0,errors/* describeError */.Uc)(error)}. The log file ${run.log.path ?? ''} has the details; please report this.`;
    run.log.log('error', `run stopped: ${(0,errors/* describeError */.Uc)(error)}`, isKnown ? undefined : { stack: error?.stack });
    core/* setFailed */.C1(run.redactor.redact(message));
    await writeJobSummary(run, `### Migrations preflight: ${run.inputs.target}: ⛔ Could not run\n\n${message.replace(/\n\s*/g, '\n\n')}\n`);
    return isKnown ? error.exitCode : errors/* EXIT */.dc.internal;
}
/** Sets a step output; a runner without a usable GITHUB_OUTPUT file costs the outputs, not the run. */
function setOutput(name, value) {
    try {
        core/* setOutput */.uH(name, value);
    }
    catch (error) {
        core/* warning */.$e(`The output ${name} could not be set: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/** A path relative to the repository root, for messages. */
function relativeToWorkspace(run, path) {
    return (0,external_node_path_.relative)(run.event.workspace, path).split('\\').join('/') || '.';
}


/***/ }),

/***/ 64687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ TLS_MODES),
/* harmony export */   O9: () => (/* binding */ DIALECTS),
/* harmony export */   ho: () => (/* binding */ dialectOfUrl),
/* harmony export */   my: () => (/* binding */ LAYOUTS),
/* harmony export */   qn: () => (/* binding */ DAYS)
/* harmony export */ });
/**
 * The config's fixed sets, apart from the zod schema (schema.ts re-exports them), so modules on
 * the lint path can name layouts and dialects without loading zod (issue 4: lint start-up).
 */
const DIALECTS = ['postgres', 'mysql'];
/** The dialect a connection URL's scheme names: mysql:// and mariadb:// (also with a driver suffix, mysql+tcp://) are MySQL. */
function dialectOfUrl(url) {
    return /^(mysql|mariadb)(\+[a-z0-9]+)?:\/\//i.test(url?.trim() ?? '') ? 'mysql' : 'postgres';
}
const LAYOUTS = [
    'plain',
    'flyway',
    'golang-migrate',
    'dbmate',
    'goose',
    'prisma',
    'drizzle',
    'diesel',
    'supabase',
    'sqlx',
    'atlas',
    'liquibase',
    'sqitch',
];
const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];


/***/ }),

/***/ 47849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfig: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: CONFIG_FILE_NAMES, findConfigFile, parseConfigText

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
;// CONCATENATED MODULE: ./src/config/find.ts
/**
 * Finding the config file, and the config of a run without one. Apart from load.ts so that a run
 * without a config file (`migrations lint` in an editor or a pre-commit hook) loads neither the
 * YAML parser nor zod: together they were about a third of lint's start-up (issue 4).
 */



const CONFIG_FILE_NAMES = ['migrations.config.yaml', 'migrations.config.yml', 'migrations.config.json'];
/** Looks for a config file from `startDir` upwards; undefined when there is none. */
function findConfigFile(startDir) {
    let dir = (0,external_node_path_.resolve)(startDir);
    for (;;) {
        for (const name of CONFIG_FILE_NAMES) {
            const candidate = (0,external_node_path_.join)(dir, name);
            if ((0,external_node_fs_.existsSync)(candidate))
                return candidate;
        }
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** What configSchema.parse({}) returns; a test keeps the two equal. */
function defaultConfig() {
    return {
        version: 1,
        migrations: { path: 'migrations', transaction: 'auto', placeholders: {} },
        targets: {},
        rules: {},
    };
}
/** The config of a run without a config file, as loadConfig returns it. */
function defaultLoadedConfig(cwd) {
    return {
        file: undefined,
        baseDir: cwd,
        config: defaultConfig(),
        hash: createHash('sha256').update('{}').digest('hex'),
        warnings: [],
        missingEnv: new Map(),
    };
}
/**
 * loadConfig, loading the parser and the schema only when there is a file to read: the file
 * named by `--config`, or one found from `cwd` upwards; else the defaults.
 */
async function openConfig(options) {
    if (!options.configPath && findConfigFile(options.cwd) === undefined)
        return defaultLoadedConfig(options.cwd);
    const { loadConfig } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 47849));
    return loadConfig(options);
}

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Finds, reads, interpolates and validates the configuration file.
 * Every error names the file, the line (where YAML gives one), the key path and what was expected.
 */








/** Loads the config named by `--config`, or found from `cwd` upwards, or the defaults. */
function loadConfig(options) {
    const env = options.env ?? process.env;
    const file = options.configPath ? (0,external_node_path_.resolve)(options.cwd, options.configPath) : findConfigFile(options.cwd);
    if (!file)
        return fromValue(undefined, options.cwd, '{}', {}, env);
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new errors/* ConfigError */.xL(`Config file ${file} does not exist.`, 'Check the --config path, or run `migrations init` to write one.');
    }
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(`Cannot read config file ${file}: ${error.message}`, 'Check the file permissions.');
    }
    return parseConfigText(text, file, env);
}
/** Parses config text (YAML or JSON, which is YAML too) with positions for error messages. */
function parseConfigText(text, file, env = process.env) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        const pos = lineCounter.linePos(first.pos[0]);
        throw new errors/* ConfigError */.xL(`${file}:${pos.line}:${pos.col}: invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`, 'Fix the syntax at that line; YAML indentation must use spaces.');
    }
    const raw = doc.toJS() ?? {};
    const lineOf = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const node = doc.getIn(path.slice(0, n), true);
            if ((0,dist.isNode)(node) && node.range)
                return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
    };
    return fromValue(file, (0,external_node_path_.dirname)(file), text, raw, env, lineOf);
}
/** Interpolates, validates and wraps a raw config value. */
function fromValue(file, baseDir, text, raw, env, lineOf = () => undefined) {
    const missingEnv = new Map();
    const warnings = [];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* ConfigError */.xL(`${file ?? 'config'}: expected a mapping of keys (version, migrations, targets, rules) at the top level.`);
    }
    const interpolated = interpolate(raw, [], env, missingEnv, warnings, lineOf);
    const parsed = schema/* configSchema */.Qn.safeParse(interpolated, { reportInput: true });
    if (!parsed.success)
        throw new errors/* ConfigError */.xL(formatIssues(parsed.error.issues, file ?? 'config', lineOf), 'See README "Configuration" for every key.');
    return {
        file,
        baseDir,
        config: parsed.data,
        hash: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'),
        warnings,
        missingEnv,
    };
}
const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Replaces `${env:NAME}` in every string; records missing variables and literal passwords. */
function interpolate(value, path, env, missing, warnings, lineOf) {
    if (typeof value === 'string') {
        const key = path.join('.');
        if (path.at(-1) === 'url' && !ENV_REF.test(value) && hasLiteralPassword(value)) {
            warnings.push({
                path: key,
                line: lineOf(path),
                message: `${key} contains a literal password. Use url: \${env:NAME} and keep the URL in a secret.`,
            });
        }
        ENV_REF.lastIndex = 0;
        let isMissing = false;
        const out = value.replace(ENV_REF, (_match, name) => {
            const v = env[name];
            if (v === undefined || v === '') {
                missing.set(key, name);
                isMissing = true;
                return '';
            }
            return v;
        });
        return isMissing && out.trim() === '' ? undefined : out;
    }
    if (Array.isArray(value))
        return value.map((v, i) => interpolate(v, [...path, i], env, missing, warnings, lineOf));
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = interpolate(v, [...path, k], env, missing, warnings, lineOf);
        return out;
    }
    return value;
}
/** True when a connection URL carries a password. */
function hasLiteralPassword(url) {
    try {
        return new URL(url).password !== '';
    }
    catch {
        return /:\/\/[^/@\s]*:[^@\s]+@/.test(url);
    }
}
/** Formats zod issues as "file:line: key.path: expected ..." lines. */
function formatIssues(issues, file, lineOf) {
    const lines = issues.slice(0, 10).map((issue) => {
        const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
        const line = lineOf(issue.path);
        return `${file}${line ? `:${line}` : ''}: ${key}: ${describeIssue(issue)}`;
    });
    const more = issues.length > 10 ? `\n...and ${issues.length - 10} more problems` : '';
    return `Invalid configuration:\n  ${lines.join('\n  ')}${more}`;
}
/** Says what was expected in plain words. */
function describeIssue(issue) {
    switch (issue.code) {
        case 'invalid_type':
            return `expected ${issue.expected}, got ${describeReceived(issue.input)}`;
        case 'unrecognized_keys':
            return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
        case 'invalid_value':
            return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
        default:
            return issue.message;
    }
}
/** Names the type of a received value. */
function describeReceived(input) {
    if (input === undefined)
        return 'nothing (the key is missing)';
    if (input === null)
        return 'null';
    if (Array.isArray(input))
        return 'a list';
    if (typeof input === 'string')
        return `the string ${JSON.stringify(input)}`;
    return `${typeof input} ${JSON.stringify(input)}`;
}


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   qn: () => (/* reexport safe */ _constants_js__WEBPACK_IMPORTED_MODULE_0__.qn)
/* harmony export */ });
/* unused harmony exports thresholdsSchema, targetSchema, ruleOverrideSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64687);
/**
 * The one configuration schema (migrations.config.yaml). Types are derived with z.infer;
 * cross-field rules live in superRefine with a human message.
 */



const clock = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. "02:30"');
const isoDate = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const positiveInt = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive();
const severityOverride = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['off', 'info', 'warning', 'error']);
const thresholdsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** Transactions open longer than this hold locks and hold back vacuum. */
    longTransactionSeconds: positiveInt.default(300),
    idleInTransactionSeconds: positiveInt.default(60),
    longQuerySeconds: positiveInt.default(60),
    /** Tables above these sizes turn blocking findings from warnings into failures. */
    largeTableRows: positiveInt.default(100_000),
    largeTableBytes: positiveInt.default(1024 ** 3),
    /** Sequences and identity columns past this share of their range fail. */
    sequenceUsedRatio: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gt(0).lte(1).default(0.75),
    /** Transaction ID age past this share of 2^31 fails. */
    xidAgeRatio: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gt(0).lte(1).default(0.5),
    minFreeConnections: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().default(5),
    replicationLagSeconds: positiveInt.default(60),
    slotRetainedBytes: positiveInt.default(10 * 1024 ** 3),
});
const windowSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    days: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DAYS */ .qn)).min(1),
    start: clock,
    end: clock,
    timezone: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).default('UTC'),
});
const freezeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    from: isoDate,
    to: isoDate,
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const targetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** Unset: what the URL's scheme says (mysql://, mariadb://), else postgres. */
    dialect: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DIALECTS */ .O9).optional(),
    /** Connection URL; use `${env:NAME}` so the secret stays out of the file. */
    url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    tls: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        mode: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .TLS_MODES */ .FM).default('prefer'),
        ca: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })
        .default({ mode: 'prefer' }),
    connectTimeoutMs: positiveInt.default(5000),
    statementTimeoutMs: positiveInt.default(5000),
    lockTimeoutMs: positiveInt.default(1000),
    /** The role that will run the migration, when it is not the connecting user. */
    migrationRole: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    minServerVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()]).optional(),
    /** Extension version constraints, e.g. { postgis: ">=3.3" }. */
    requires: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
    thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
    capacity: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        quotaBytes: positiveInt.optional(),
        /** Local path of the data directory, when the server runs on this host. */
        dataDirectory: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })
        .default({}),
    maintenanceWindows: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(windowSchema).default([]),
    freezes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(freezeSchema).default([]),
    enforceWindow: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    schemaSnapshot: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Accept point-in-time recovery seen on the target as backup evidence for destructive statements. */
    acceptPitrAsBackup: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    /** Check ids an operator may accept interactively or with --assume-yes. */
    acceptable: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
})
    .superRefine((target, ctx) => {
    for (const [i, w] of target.maintenanceWindows.entries()) {
        if (w.start === w.end) {
            ctx.addIssue({
                code: 'custom',
                path: ['maintenanceWindows', i, 'end'],
                message: 'a window must end at a different time than it starts (use 00:00 to 00:00 of the next day as two windows)',
            });
        }
        if (!isTimeZone(w.timezone)) {
            ctx.addIssue({
                code: 'custom',
                path: ['maintenanceWindows', i, 'timezone'],
                message: `an IANA time zone such as "Europe/Lisbon" or "UTC", not "${w.timezone}"`,
            });
        }
    }
    for (const [i, f] of target.freezes.entries()) {
        if (f.from > f.to) {
            ctx.addIssue({ code: 'custom', path: ['freezes', i, 'to'], message: `a date on or after "from" (${f.from})` });
        }
    }
})
    // A mysql:// or mariadb:// URL names its database: no need to say dialect: mysql as well. A URL
    // given on the command line instead (--database-url, the action's input) decides it again.
    .transform(({ dialect, ...target }) => ({ ...target, dialect: dialect ?? (0,_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .dialectOfUrl */ .ho)(target.url), ...(dialect ? {} : { isDialectFromUrl: true }) }));
const ruleOverrideSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    severityOverride,
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ severity: severityOverride.optional(), options: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional() }),
]);
const configSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1).default(1),
    migrations: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).default('migrations'),
        layout: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .LAYOUTS */ .my).optional(),
        /** Whether the migration tool wraps each file in a transaction; `auto` takes the layout's behaviour. */
        transaction: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['auto', 'always', 'never']).default('auto'),
        /** For the plain layout: a history table holding applied file names. */
        historyTable: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        /** Values the migration tool puts in place of `${name}` and psql's `:name` before running a file (src/sources/placeholders.ts). */
        placeholders: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_.:-]*$/, 'a placeholder name of letters, digits, "_", ".", ":" or "-", not starting with a digit'), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[^\r\n]*$/, 'a value on one line (line numbers in findings must stay those of the file)'))
            .default({}),
    })
        .default({ path: 'migrations', transaction: 'auto', placeholders: {} }),
    /**
     * Dialect of the migrations when no target is given (`migrations lint`); a target's own dialect
     * wins. Unset: what the migrations folder declares (Prisma's migration_lock.toml), else postgres.
     */
    dialect: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DIALECTS */ .O9).optional(),
    /** PostgreSQL major version assumed by static analysis when no target is connected. */
    postgresVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(9).max(30).optional(),
    targets: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9_.-]+$/, 'a target name of letters, digits, ".", "_" or "-"'), targetSchema).default({}),
    rules: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), ruleOverrideSchema).default({}),
});
/** True when Intl knows the time zone. */
function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 16906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ socketConnectError),
/* harmony export */   T$: () => (/* binding */ ConnectError)
/* harmony export */ });
/* unused harmony export CONNECT_FAILURES */
/**
 * A failed connection attempt, classified the same way for every dialect so the connectivity
 * result reads alike for PostgreSQL and MySQL: a stable failure kind, a message naming host and
 * port (never the password) and what to do about it.
 */
const CONNECT_FAILURES = (/* unused pure expression or super */ null && ([
    'dns',
    'refused',
    'timeout',
    'tls',
    'authentication',
    'database-missing',
    'too-many-connections',
    'starting-up',
    'network',
    /** The other end does not speak the PostgreSQL (or MySQL) protocol. */
    'protocol',
    /** The server ended or cancelled the new session because of the role's or database's settings. */
    'session-settings',
    'unknown',
]));
/** A connection attempt that failed, with what to do about it. */
class ConnectError extends Error {
    failure;
    mitigation;
    detail;
    constructor(failure, message, mitigation, detail) {
        super(message);
        this.name = 'ConnectError';
        this.failure = failure;
        this.mitigation = mitigation;
        this.detail = detail;
    }
}
/**
 * The socket failures that read the same for every dialect: the host name does not resolve, or
 * nothing listens on the port. `listenSetting` is the server setting that chooses the interfaces
 * it listens on (listen_addresses, bind_address). Undefined for any other code.
 */
function socketConnectError(code, host, port, listenSetting) {
    switch (code) {
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EAI_NONAME':
        case 'EAI_FAIL':
            return new ConnectError('dns', `Cannot resolve host "${host}" (${code}).`, 'Check the host name in the database URL and that this runner can resolve it (private DNS, VPN).');
        case 'ECONNREFUSED':
            return new ConnectError('refused', `Connection refused by ${host}:${port}: nothing is listening there.`, `Check the host and port, that the server is running, and that its ${listenSetting} includes this interface.`);
        default:
            return undefined;
    }
}


/***/ }),

/***/ 29308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ readKeywordStatement),
/* harmony export */   _: () => (/* binding */ unquote)
/* harmony export */ });
/**
 * Statements node-sql-parser does not know but whose meaning is fixed by a few keywords, read here
 * into nodes shaped like its own: SET NAMES / CHARACTER SET, PREPARE, DEALLOCATE PREPARE, DROP
 * PROCEDURE / FUNCTION / EVENT, and ALTER DATABASE ... CHARACTER SET / COLLATE. They are common in real migrations (mysqldump headers, the
 * PREPARE ... EXECUTE idiom, routines dropped after use) and reporting each as "not analysed" would
 * bury the statements nobody checked. EXECUTE stays unparsed: what it runs is decided at run time.
 * https://dev.mysql.com/doc/refman/8.4/en/sql-prepared-statements.html
 */
/** A name as written: `quoted`, "quoted" (ANSI_QUOTES) or bare. */
const NAME = '(`(?:[^`]|``)+`|"(?:[^"]|"")+"|[A-Za-z0-9_$]+)';
/** A possibly qualified name: db.name. */
const QUALIFIED = `${NAME}(?:\\s*\\.\\s*${NAME})?`;
const SET_NAMES = /^SET\s+(NAMES|CHARACTER\s+SET|CHARSET)\s+(?:'[^']*'|"[^"]*"|`[^`]*`|[A-Za-z0-9_$]+|DEFAULT)(\s+COLLATE\s+(?:'[^']*'|"[^"]*"|`[^`]*`|[A-Za-z0-9_$]+))?$/i;
const PREPARE = new RegExp(`^PREPARE\\s+${NAME}\\s+FROM\\s+(@${NAME}|'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'|"(?:[^"\\\\]|\\\\[\\s\\S]|"")*")$`, 'i');
const DEALLOCATE = new RegExp(`^(?:DEALLOCATE|DROP)\\s+PREPARE\\s+${NAME}$`, 'i');
const DROP_ROUTINE = new RegExp(`^DROP\\s+(PROCEDURE|FUNCTION|EVENT)\\s+(IF\\s+EXISTS\\s+)?${QUALIFIED}$`, 'i');
const OPTION = '(?:DEFAULT\\s+)?(?:CHARACTER\\s+SET|CHARSET|COLLATE)\\s*=?\\s*\\S+';
const ALTER_DATABASE = new RegExp(`^ALTER\\s+(?:DATABASE|SCHEMA)(?:\\s+${NAME})?((?:\\s+${OPTION})+)$`, 'i');
/** Reads `text` (comments already blanked, no trailing delimiter) when its keywords fix its meaning. */
function readKeywordStatement(text) {
    const sql = text.trim().replace(/;$/, '').trim();
    if (SET_NAMES.test(sql))
        return { kind: 'set', node: { type: 'set', keyword: 'names', expr: [] } };
    const prepare = PREPARE.exec(sql);
    if (prepare)
        return { kind: 'prepare', node: { type: 'prepare', name: unquote(prepare[1]), from: prepare[2].startsWith('@') ? `@${unquote(prepare[2].slice(1))}` : prepare[2] } };
    const deallocate = DEALLOCATE.exec(sql);
    if (deallocate)
        return { kind: 'deallocate', node: { type: 'deallocate', name: unquote(deallocate[1]) } };
    const database = ALTER_DATABASE.exec(sql);
    if (database) {
        // Only the default character set and collation of new tables: no table is touched, and running it again changes nothing.
        return { kind: 'alter', node: { type: 'alter', keyword: 'database', database: database[1] ? unquote(database[1]) : null, expr: [{ type: 'alter', resource: 'default character set', keyword: 'character set' }] } };
    }
    const drop = DROP_ROUTINE.exec(sql);
    if (drop) {
        const [db, name] = drop[4] ? [unquote(drop[3]), unquote(drop[4])] : [null, unquote(drop[3])];
        return { kind: 'drop', node: { type: 'drop', keyword: drop[1].toLowerCase(), prefix: drop[2] ? 'if exists' : null, name: [{ db, name }] } };
    }
    return undefined;
}
/** The name without its quotes (a doubled quote inside stands for one). */
function unquote(name) {
    const quote = name[0];
    if (quote !== '`' && quote !== '"')
        return name;
    return name.slice(1, -1).replaceAll(quote + quote, quote);
}


/***/ }),

/***/ 32471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MYSQL_GRAMMARS: () => (/* binding */ MYSQL_GRAMMARS),
  UNPARSED: () => (/* binding */ UNPARSED),
  leadingKeywords: () => (/* binding */ leadingKeywords),
  loadMysqlParser: () => (/* binding */ loadMysqlParser),
  parseMysqlWith: () => (/* binding */ parseMysqlWith)
});

// EXTERNAL MODULE: ./src/engine/line-index.ts
var line_index = __webpack_require__(94299);
;// CONCATENATED MODULE: ./src/dialects/mysql/comments.ts
/**
 * Comments inside one MySQL statement, rewritten without moving any character: executable comments
 * (`/*!40101 SET NAMES utf8 *\/`, MariaDB's `/*M!100100 ... *\/`) lose their markers so the SQL in
 * them is read as the server reads it, and ordinary comments can be blanked for keyword tests.
 * Every server this tool supports (MySQL 8.0+, MariaDB 10.6+) is newer than the versions such
 * comments name in practice (mysqldump writes 40101, 50503...), so their content runs.
 * https://dev.mysql.com/doc/refman/8.4/en/comments.html
 */
/** Returns `text` with executable-comment markers (and, with `blank`, ordinary comments) replaced by spaces. */
function rewriteComments(text, options = {}) {
    // Most statements have no comment at all: skip the scan.
    if (!text.includes('/*') && !(options.blank && (text.includes('#') || text.includes('--'))))
        return text;
    let out = '';
    let i = 0;
    let isInExecutable = false;
    while (i < text.length) {
        const c = text[i];
        if (c === "'" || c === '"' || c === '`') {
            const end = quotedEnd(text, i);
            out += text.slice(i, end);
            i = end;
        }
        else if (isInExecutable && text.startsWith('*/', i)) {
            out += '  ';
            i += 2;
            isInExecutable = false;
        }
        else if (text.startsWith('/*', i)) {
            const marker = /^\/\*M?!\d{0,6}/.exec(text.slice(i, i + 10));
            if (marker && !isInExecutable) {
                out += ' '.repeat(marker[0].length);
                i += marker[0].length;
                isInExecutable = true;
                continue;
            }
            const close = text.indexOf('*/', i + 2);
            const end = close === -1 ? text.length : close + 2;
            // Optimizer hints (/*+ ... */) are part of the statement, like executable comments.
            out += options.blank && text[i + 2] !== '+' ? blankOut(text.slice(i, end)) : text.slice(i, end);
            i = end;
        }
        else if (c === '#' || (c === '-' && text[i + 1] === '-' && (i + 2 >= text.length || /\s/.test(text[i + 2])))) {
            const newline = text.indexOf('\n', i);
            const end = newline === -1 ? text.length : newline;
            out += options.blank ? blankOut(text.slice(i, end)) : text.slice(i, end);
            i = end;
        }
        else {
            out += c;
            i++;
        }
    }
    return out;
}
/** Spaces in place of every character but line breaks, so lines and columns stay put. */
function blankOut(s) {
    return s.replace(/[^\n]/g, ' ');
}
/** End (after the closing quote) of the quoted string or identifier at `at`: doubled quotes and backslash escapes stay inside. */
function quotedEnd(text, at) {
    const quote = text[at];
    let i = at + 1;
    while (i < text.length) {
        const c = text[i];
        if (c === '\\' && quote !== '`')
            i += 2;
        else if (c === quote && text[i + 1] === quote)
            i += 2;
        else if (c === quote)
            return i + 1;
        else
            i++;
    }
    return text.length;
}

// EXTERNAL MODULE: ./src/dialects/mysql/keyword-statements.ts
var keyword_statements = __webpack_require__(29308);
;// CONCATENATED MODULE: ./src/dialects/mysql/alter-text.ts
/**
 * ALTER TABLE statements node-sql-parser rejects, read clause by clause when every clause is one of
 * a few fixed forms: CONVERT TO CHARACTER SET, DISABLE/ENABLE KEYS (mysqldump), RENAME INDEX,
 * MariaDB's ADD/DROP ... IF [NOT] EXISTS, ALTER COLUMN ... SET/DROP DEFAULT, FORCE, table options,
 * ALGORITHM= and LOCK=. The result is an "alter" node in node-sql-parser's shape, so every rule reads
 * it like a parsed one. A statement with any other clause is left unparsed.
 * https://dev.mysql.com/doc/refman/8.4/en/alter-table.html, https://mariadb.com/kb/en/alter-table/
 */


/** A name as written: `quoted` or bare. */
const NAME = '(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)';
const HEAD = new RegExp(`^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?${NAME}(?:\\s*\\.\\s*${NAME})?\\s+([\\s\\S]+)$`, 'i');
const IF_EXISTS = '(IF\\s+EXISTS\\s+)?';
const IF_NOT_EXISTS = '(IF\\s+NOT\\s+EXISTS\\s+)?';
const CLAUSES = [
    { pattern: /^CONVERT\s+TO\s+(?:CHARACTER\s+SET|CHARSET)\s+\S+(?:\s+COLLATE\s+\S+)?$/i, item: () => ({ type: 'alter', resource: 'convert', keyword: 'convert to character set' }) },
    { pattern: /^(DISABLE|ENABLE)\s+KEYS$/i, item: (m) => ({ type: 'alter', resource: 'keys', keyword: `${m[1].toLowerCase()} keys` }) },
    { pattern: /^FORCE$/i, item: () => ({ type: 'alter', resource: 'force', keyword: 'force' }) },
    { pattern: new RegExp(`^RENAME\\s+(?:INDEX|KEY)\\s+${NAME}\\s+TO\\s+${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'index', action: 'rename', keyword: 'index', index: (0,keyword_statements/* unquote */._)(m[1]) }) },
    {
        pattern: new RegExp(`^ADD\\s+(UNIQUE\\s+)?(?:INDEX|KEY)\\s+${IF_NOT_EXISTS}${NAME}?\\s*(?:USING\\s+\\w+\\s*)?\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)(?:\\s+USING\\s+\\w+)?(?:\\s+COMMENT\\s+'[^']*')?$`, 'i'),
        item: (m) => ({ type: 'alter', resource: 'index', action: 'add', keyword: m[1] ? 'unique index' : 'index', index: m[3] ? (0,keyword_statements/* unquote */._)(m[3]) : null, ...(m[2] ? { if_not_exists: 'if not exists' } : {}) }),
    },
    { pattern: new RegExp(`^DROP\\s+(?:INDEX|KEY)\\s+${IF_EXISTS}${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'index', action: 'drop', keyword: 'index', index: (0,keyword_statements/* unquote */._)(m[2]), ...(m[1] ? { if_exists: 'if exists' } : {}) }) },
    { pattern: new RegExp(`^DROP\\s+FOREIGN\\s+KEY\\s+${IF_EXISTS}${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'key', action: 'drop', keyword: 'foreign key', key: (0,keyword_statements/* unquote */._)(m[2]), ...(m[1] ? { if_exists: 'if exists' } : {}) }) },
    {
        // After the DROP INDEX / KEY / FOREIGN KEY forms: a bare DROP names a column.
        pattern: new RegExp(`^DROP\\s+(?:COLUMN\\s+)?${IF_EXISTS}(?!(?:PRIMARY|INDEX|KEY|FOREIGN|CONSTRAINT|CHECK|PARTITION)\\b)${NAME}$`, 'i'),
        item: (m) => ({ type: 'alter', resource: 'column', action: 'drop', keyword: 'COLUMN', column: { type: 'column_ref', table: null, column: (0,keyword_statements/* unquote */._)(m[2]) }, ...(m[1] ? { if_exists: 'if exists' } : {}) }),
    },
    {
        pattern: new RegExp(`^ALTER\\s+(?:COLUMN\\s+)?${NAME}\\s+(?:SET\\s+DEFAULT\\s+[\\s\\S]+|DROP\\s+DEFAULT)$`, 'i'),
        item: (m) => ({ type: 'alter', resource: 'column', action: 'alter', keyword: 'default', column: { type: 'column_ref', table: null, column: (0,keyword_statements/* unquote */._)(m[1]) } }),
    },
    { pattern: /^ALGORITHM\s*=?\s*(\w+)$/i, item: (m) => ({ type: 'alter', resource: 'algorithm', keyword: 'algorithm', algorithm: m[1].toUpperCase() }) },
    { pattern: /^LOCK\s*=?\s*(\w+)$/i, item: (m) => ({ type: 'alter', resource: 'lock', keyword: 'lock', lock: m[1].toUpperCase() }) },
    {
        pattern: /^(ENGINE|AUTO_INCREMENT|COMMENT|ROW_FORMAT|KEY_BLOCK_SIZE|STATS_PERSISTENT|STATS_AUTO_RECALC|PACK_KEYS)\s*=?\s*('[^']*'|\S+)$/i,
        item: (m) => ({ type: 'alter', resource: m[1].toLowerCase(), keyword: m[1].toLowerCase() }),
    },
    {
        pattern: /^(DEFAULT\s+)?(CHARACTER\s+SET|CHARSET|COLLATE)\s*=?\s*\S+(?:\s+COLLATE\s*=?\s*\S+)?$/i,
        item: (m) => ({ type: 'alter', resource: `${m[1] ? 'default ' : ''}${m[2].toLowerCase().replace(/\s+/g, ' ')}`, keyword: 'character set' }),
    },
];
/** Reads an ALTER TABLE (comments already blanked) whose every clause has a known form; undefined otherwise. */
function readAlterText(text) {
    const head = HEAD.exec(text.trim().replace(/;$/, '').trim());
    if (!head)
        return undefined;
    const table = head[2] ? { db: (0,keyword_statements/* unquote */._)(head[1]), table: (0,keyword_statements/* unquote */._)(head[2]) } : { db: null, table: (0,keyword_statements/* unquote */._)(head[1]) };
    const items = [];
    for (const clause of topLevelClauses(head[3])) {
        const form = CLAUSES.map((f) => ({ f, m: f.pattern.exec(clause) })).find((x) => x.m);
        if (!form)
            return undefined;
        items.push(form.f.item(form.m));
    }
    if (items.length === 0)
        return undefined;
    // MariaDB's ALTER ONLINE TABLE means LOCK=NONE.
    if (/^\s*ALTER\s+(?:IGNORE\s+)?ONLINE\b/i.test(text) && !items.some((i) => i.resource === 'lock'))
        items.push({ type: 'alter', resource: 'lock', keyword: 'lock', lock: 'NONE' });
    return { kind: 'alter', node: { type: 'alter', table: [table], expr: items, isReadFromText: true } };
}
/** The clauses of an ALTER TABLE body: split at commas outside parentheses and quotes, whitespace collapsed. */
function topLevelClauses(body) {
    const clauses = [];
    let depth = 0;
    let current = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === "'" || c === '"' || c === '`') {
            const end = quotedEnd(body, i);
            current += body.slice(i, end);
            i = end - 1;
        }
        else if (c === '(') {
            depth++;
            current += c;
        }
        else if (c === ')') {
            depth--;
            current += c;
        }
        else if (c === ',' && depth === 0) {
            clauses.push(current);
            current = '';
        }
        else {
            current += c;
        }
    }
    clauses.push(current);
    return clauses.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
}

;// CONCATENATED MODULE: ./src/dialects/mysql/split.ts
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);
const QUOTE = new Set([0x27 /* ' */, 0x22 /* " */, 0x60 /* ` */]);
/** Statements whose body may hold ";" inside BEGIN ... END. */
const COMPOUND_HEAD = /^(create\s+(or\s+replace\s+)?(definer\s*=\s*\S+\s+)?(aggregate\s+)?(procedure|function|trigger|event)\b|alter\s+(definer\s*=\s*\S+\s+)?event\b|begin\s+not\s+atomic\b)/i;
/** Words after END that close IF, LOOP, WHILE or REPEAT, which open no depth of their own here. */
const END_SUFFIXES = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);
/** Splits `lines` (the indexed file) into statement pieces. */
function splitMysql(lines) {
    const bytes = lines.bytes;
    const pieces = [];
    let delimiter = Buffer.from(';');
    let i = 0;
    for (;;) {
        const trivia = skipTrivia(bytes, i, lines, delimiter);
        delimiter = trivia.delimiter;
        i = trivia.end;
        if (i >= bytes.length)
            return { pieces, trailingComments: trivia.comments };
        const start = i;
        const end = findStatementEnd(bytes, start, delimiter, lines);
        const piece = { startByte: start, endByte: end.textEnd, comments: trivia.comments, delimiter: end.delimiterFound ? delimiter.toString('utf8') : '' };
        pieces.push(...(isSemicolon(delimiter) ? [piece] : splitOnSemicolons(bytes, piece, lines)));
        i = end.next;
    }
}
/**
 * Splits what the client sends under a DELIMITER other than ";" the way the server reads it: the
 * mysql client enables multi-statement queries, so "DROP TRIGGER IF EXISTS t; CREATE TRIGGER t ...
 * BEGIN ...; END//" is two statements, and a routine body's ";" stays inside its BEGIN ... END.
 */
function splitOnSemicolons(bytes, piece, lines) {
    const semicolon = Buffer.from(';');
    const parts = [];
    let comments = piece.comments;
    let i = piece.startByte;
    while (i < piece.endByte) {
        const trivia = skipTrivia(bytes, i, lines, semicolon, piece.endByte);
        if (trivia.end >= piece.endByte)
            break;
        const end = findStatementEnd(bytes, trivia.end, semicolon, lines, piece.endByte);
        const isLast = !end.delimiterFound || skipTrivia(bytes, end.next, lines, semicolon, piece.endByte).end >= piece.endByte;
        parts.push({ startByte: trivia.end, endByte: end.textEnd, comments: [...comments, ...trivia.comments], delimiter: isLast ? piece.delimiter : ';' });
        comments = [];
        i = end.next;
    }
    return parts.length > 0 ? parts : [piece];
}
/** True for the default delimiter ";". */
function isSemicolon(delimiter) {
    return delimiter.length === 1 && delimiter[0] === 0x3b;
}
/** Skips whitespace, comments, stray delimiters and DELIMITER commands; returns where SQL starts. */
function skipTrivia(bytes, from, lines, current, limit = bytes.length) {
    const comments = [];
    let delimiter = current;
    let i = from;
    while (i < limit) {
        const b = bytes[i];
        if (SPACE.has(b)) {
            i++;
        }
        else if (i === 0 && b === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
            // A UTF-8 byte order mark, as editors on Windows write: not SQL.
            i += 3;
        }
        else if (isLineComment(bytes, i)) {
            const end = lineEnd(bytes, i);
            comments.push({ text: lines.slice(i, end), ...lines.position(i) });
            i = end;
        }
        else if (isBlockComment(bytes, i)) {
            const end = blockCommentEnd(bytes, i);
            comments.push({ text: lines.slice(i, end), ...lines.position(i) });
            i = end;
        }
        else if (startsWith(bytes, i, delimiter)) {
            i += delimiter.length;
        }
        else {
            // Inside a piece already cut at a custom delimiter, the text is SQL: no client commands.
            const command = limit === bytes.length ? delimiterCommand(bytes, i) : undefined;
            if (!command)
                break;
            delimiter = command.delimiter;
            i = command.end;
        }
    }
    return { end: Math.min(i, limit), comments, delimiter };
}
/**
 * The mysql client's `DELIMITER x` command, recognised only at the start of a line: it ends at
 * the line's end and the first word after it becomes the delimiter.
 */
function delimiterCommand(bytes, at) {
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    for (let j = lineStart; j < at; j++)
        if (!SPACE.has(bytes[j]))
            return undefined;
    const end = lineEnd(bytes, at);
    const match = /^delimiter[ \t]+(\S+)/i.exec(bytes.subarray(at, end).toString('utf8'));
    return match ? { delimiter: Buffer.from(match[1], 'utf8'), end } : undefined;
}
/**
 * Scans one statement from `start`: where its text ends (after its last token, so comments before
 * the end of the file stay trailing comments) and where scanning resumes.
 */
function findStatementEnd(bytes, start, delimiter, lines, limit = bytes.length) {
    // Only with ";" as delimiter can a routine body's ";" be mistaken for the end.
    const isCompound = isSemicolon(delimiter) && COMPOUND_HEAD.test(headText(bytes, start, lines));
    let depth = 0;
    let lastToken = start;
    let i = start;
    while (i < limit) {
        const b = bytes[i];
        if (SPACE.has(b)) {
            i++;
            continue;
        }
        if (isLineComment(bytes, i)) {
            i = lineEnd(bytes, i);
            continue;
        }
        if (isBlockComment(bytes, i)) {
            i = blockCommentEnd(bytes, i);
            continue;
        }
        if (depth === 0 && startsWith(bytes, i, delimiter))
            return { textEnd: lastToken, next: i + delimiter.length, delimiterFound: true };
        if (QUOTE.has(b)) {
            i = split_quotedEnd(bytes, i);
        }
        else if (b === 0x2f && bytes[i + 1] === 0x2a) {
            // /*! and /*+ are executed: part of the statement.
            i = blockCommentEnd(bytes, i);
        }
        else if (isCompound && isWordStart(bytes, i)) {
            const word = readWord(bytes, i);
            depth = Math.max(0, depth + depthChange(word.text, bytes, word.end));
            i = word.end;
        }
        else {
            i++;
        }
        lastToken = i;
    }
    return { textEnd: lastToken, next: lastToken, delimiterFound: false };
}
/** BEGIN and CASE open a block; END closes one unless it is END IF/LOOP/WHILE/REPEAT. */
function depthChange(word, bytes, after) {
    const upper = word.toUpperCase();
    if (upper === 'BEGIN' || upper === 'CASE')
        return 1;
    if (upper !== 'END')
        return 0;
    const next = nextWord(bytes, after);
    return next !== undefined && END_SUFFIXES.has(next.toUpperCase()) ? 0 : -1;
}
/**
 * The statement's first words with comments blanked, for recognising compound statements; the SQL
 * in executable comments stays (mysqldump writes triggers as /*!50003 CREATE*\/ /*!50003 TRIGGER ...).
 */
function headText(bytes, start, lines) {
    const end = Math.min(bytes.length, start + 400);
    return lines
        .slice(start, end)
        .replace(/\/\*(?![!+]|M!)[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
        .replace(/\/\*M?!\d*|\*\//g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
/** The word after `from`, skipping whitespace and comments. */
function nextWord(bytes, from) {
    let i = from;
    while (i < bytes.length) {
        if (SPACE.has(bytes[i]))
            i++;
        else if (isLineComment(bytes, i))
            i = lineEnd(bytes, i);
        else if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a)
            i = blockCommentEnd(bytes, i);
        else
            break;
    }
    return isWordStart(bytes, i) ? readWord(bytes, i).text : undefined;
}
/** True at the first character of a word that is not part of a qualified name (t.end). */
function isWordStart(bytes, i) {
    const b = bytes[i];
    if (b === undefined || !isWordByte(b))
        return false;
    const prev = bytes[i - 1];
    return prev === undefined || (!isWordByte(prev) && prev !== 0x2e /* . */);
}
/** Reads a run of word characters. */
function readWord(bytes, at) {
    let end = at;
    while (end < bytes.length && isWordByte(bytes[end]))
        end++;
    return { text: bytes.subarray(at, end).toString('latin1'), end };
}
/** Letters, digits, "_", "$" and any non-ASCII byte (identifiers may hold them). */
function isWordByte(b) {
    return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x24 || b >= 0x80;
}
/** "-- " needs whitespace (or the end) after the dashes in MySQL; "#" always starts a comment. */
function isLineComment(bytes, i) {
    if (bytes[i] === 0x23)
        return true;
    if (bytes[i] !== 0x2d || bytes[i + 1] !== 0x2d)
        return false;
    const after = bytes[i + 2];
    return after === undefined || SPACE.has(after);
}
/** A block comment, but not /*!, MariaDB's /*M! or /*+, which the server executes (version comments, optimizer hints). */
function isBlockComment(bytes, i) {
    if (bytes[i] !== 0x2f || bytes[i + 1] !== 0x2a)
        return false;
    const next = bytes[i + 2];
    return next !== 0x21 && next !== 0x2b && !(next === 0x4d && bytes[i + 3] === 0x21);
}
/** End of a line comment: the newline (excluded) or the end of the file. */
function lineEnd(bytes, i) {
    const nl = bytes.indexOf(0x0a, i);
    return nl === -1 ? bytes.length : nl;
}
/** End of a block comment (after "*\/"); block comments do not nest in MySQL. */
function blockCommentEnd(bytes, i) {
    const close = bytes.indexOf('*/', i + 2, 'latin1');
    return close === -1 ? bytes.length : close + 2;
}
/**
 * End of a quoted string or identifier (after the closing quote). A doubled quote stays inside;
 * a backslash escapes the next byte in strings (not in backtick identifiers), as with the default sql_mode.
 */
function split_quotedEnd(bytes, at) {
    const quote = bytes[at];
    let i = at + 1;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b === 0x5c && quote !== 0x60) {
            i += 2;
        }
        else if (b === quote) {
            if (bytes[i + 1] === quote)
                i += 2;
            else
                return i + 1;
        }
        else {
            i++;
        }
    }
    return bytes.length;
}
/** True when `needle` occurs in `bytes` at `at`. */
function startsWith(bytes, at, needle) {
    if (at + needle.length > bytes.length)
        return false;
    for (let k = 0; k < needle.length; k++)
        if (bytes[at + k] !== needle[k])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/dialects/mysql/parser.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * MySQL and MariaDB parsing: the file is split into statements with our own splitter (exact byte
 * ranges, comments kept for directives), then each statement is parsed with node-sql-parser into
 * the same Statement shape as PostgreSQL's (kind = the AST's `type`: "create", "alter", "drop"...).
 *
 * node-sql-parser does not know every statement MySQL accepts (procedures, some ALTER TABLE
 * forms...). A statement it cannot parse is kept as kind "unparsed" and reported as not analysed;
 * it is never called a syntax error, because the grammar, not the SQL, may be what is missing.
 */





/**
 * node-sql-parser's grammars, in the order they are tried: its MySQL grammar knows more of what both
 * servers accept (ADD FOREIGN KEY, UPDATE ... LIMIT), its MariaDB grammar MariaDB's own forms
 * (ADD COLUMN IF NOT EXISTS). The AST shapes are the same.
 */
const MYSQL_GRAMMARS = ['MySQL', 'MariaDB'];
/** The kind of a statement neither grammar could parse. */
const UNPARSED = 'unparsed';
let loading;
/** Loads node-sql-parser's MySQL and MariaDB grammars lazily (about 0.3 MB each, instead of the 2.5 MB all-dialect build). */
function loadMysqlParser() {
    loading ??= (async () => {
        const [mysqlBuild, mariadbBuild] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(269), __webpack_require__.e(442)]).then(__webpack_require__.t.bind(__webpack_require__, 56442, 23)), Promise.all(/* import() */[__webpack_require__.e(269), __webpack_require__.e(932)]).then(__webpack_require__.t.bind(__webpack_require__, 30932, 23))]);
        const grammars = {
            MySQL: new mysqlBuild.default.Parser(),
            MariaDB: new mariadbBuild.default.Parser(),
        };
        return { parse: (sql) => parseMysqlWith(grammars, sql) };
    })();
    return loading;
}
/** Splits and parses one file; statements the grammars reject become "unparsed" statements. */
function parseMysqlWith(grammars, sql) {
    const lines = new line_index/* LineIndex */.r(sql);
    const { pieces, trailingComments } = splitMysql(lines);
    const statements = pieces.map((piece, index) => {
        const text = lines.slice(piece.startByte, piece.endByte);
        const start = lines.position(piece.startByte);
        const end = lines.position(piece.endByte);
        const { kind, node } = astOf(grammars, text);
        return {
            index,
            kind,
            node,
            startByte: piece.startByte,
            endByte: piece.endByte,
            line: start.line,
            col: start.col,
            endLine: end.line,
            endCol: end.col,
            text,
            comments: piece.comments,
        };
    });
    describeDynamicSql(statements);
    return { statements, trailingComments, lines, parserVersion: 0 };
}
/**
 * The AST of one statement from the first grammar that accepts it; else the statement read from its
 * keywords; else an unparsed node. Executable comments (/*!40101 ... *\/) are read as SQL first, as
 * the server reads them; the text as written is the fallback.
 */
function astOf(grammars, text) {
    const executable = rewriteComments(text);
    let reason = '';
    for (const candidate of executable === text ? [text] : [executable, text]) {
        for (const grammar of MYSQL_GRAMMARS) {
            try {
                const ast = grammars[grammar].astify(candidate.trimStart(), { database: grammar });
                const list = Array.isArray(ast) ? ast : [ast];
                const node = list[0];
                if (list.length === 1 && node && typeof node.type === 'string')
                    return { kind: node.type, node };
                reason ||= list.length === 0 ? noStatementReason(text) : `the parser read ${list.length} statements here`;
            }
            catch (error) {
                // The MySQL grammar's complaint: the more complete grammar stops nearer the real gap.
                reason ||= describeParseError(error, candidate.trimStart());
            }
        }
    }
    const guarded = withoutIndexGuard(grammars, executable);
    if (guarded)
        return guarded;
    const blanked = rewriteComments(text, { blank: true });
    const known = (0,keyword_statements/* readKeywordStatement */.H)(blanked) ?? readAlterText(blanked);
    if (known)
        return known;
    return { kind: UNPARSED, node: { keywords: leadingKeywords(executable), reason: routineReason(blanked) ?? reason } };
}
/** MariaDB's `CREATE INDEX IF NOT EXISTS` and `DROP INDEX IF EXISTS` (10.1.4+), which node-sql-parser's grammars lack. */
const INDEX_GUARD = /^(\s*(?:CREATE\s+(?:(?:UNIQUE|FULLTEXT|SPATIAL)\s+)?INDEX|DROP\s+INDEX))\s+IF\s+(NOT\s+)?EXISTS\b/i;
/**
 * Parses a CREATE / DROP INDEX with MariaDB's IF [NOT] EXISTS as the same statement without it,
 * then marks the node the way node-sql-parser marks the guard on tables (`if_not_exists`, and
 * `prefix: 'if exists'` on a DROP), so the rules read it like any other index statement.
 */
function withoutIndexGuard(grammars, text) {
    const guard = INDEX_GUARD.exec(text);
    if (!guard)
        return undefined;
    const unguarded = text.slice(0, guard.index) + guard[1] + text.slice(guard.index + guard[0].length);
    for (const grammar of [...MYSQL_GRAMMARS].reverse()) {
        try {
            const ast = grammars[grammar].astify(unguarded.trimStart(), { database: grammar });
            const list = Array.isArray(ast) ? ast : [ast];
            const node = list[0];
            if (list.length !== 1 || !node || (node.type !== 'create' && node.type !== 'drop'))
                continue;
            return { kind: node.type, node: guard[2] ? { ...node, if_not_exists: 'IF NOT EXISTS' } : { ...node, prefix: 'if exists' } };
        }
        catch {
            // The statement has another gap: it stays unparsed, with the reason the full text gave.
        }
    }
    return undefined;
}
/** Why a text that holds no statement for node-sql-parser was kept: usually "--" without a space, which MySQL does not read as a comment. */
function noStatementReason(text) {
    if (/^--[^\s]/.test(text.trimStart()))
        return '"--" without a space after it does not start a comment in MySQL, so the server reads the line as SQL (write "-- " for a comment)';
    return 'the parser read no statement here';
}
/** Why a stored routine, trigger or event was not analysed: node-sql-parser does not read compound bodies. */
function routineReason(text) {
    const match = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\b/i.exec(text);
    if (!match)
        return undefined;
    const what = match[1].toLowerCase();
    const when = what === 'trigger' ? 'on every row change it fires for' : what === 'event' ? 'when the event is scheduled' : 'when it is called';
    return `node-sql-parser does not read the body of a stored ${what}, so the statements in it (which run ${when}) were not checked`;
}
/**
 * Gives each unparsed EXECUTE the SQL it may run: the PREPARE before it names a user variable, and
 * the SET of that variable before it holds the candidate statements as string literals (the
 * `SET @s = IF(<exists>, 'SELECT 1', 'ALTER TABLE ...')` idiom).
 */
function describeDynamicSql(statements) {
    for (const [index, stmt] of statements.entries()) {
        if (stmt.kind !== UNPARSED || !/^EXECUTE\b/i.test(rewriteComments(stmt.text, { blank: true }).trim()))
            continue;
        const name = /^\s*EXECUTE\s+`?([A-Za-z0-9_$]+)/i.exec(rewriteComments(stmt.text, { blank: true }))?.[1]?.toLowerCase();
        const earlier = statements.slice(0, index).reverse();
        const prepare = earlier.find((s) => s.kind === 'prepare' && String(s.node.name).toLowerCase() === name);
        const source = prepare ? String(prepare.node.from) : undefined;
        const variable = source?.startsWith('@') ? source.slice(1).toLowerCase() : undefined;
        const set = variable ? earlier.find((s) => s.index < prepare.index && s.kind === 'set' && assignsVariable(s, variable)) : undefined;
        const candidates = set ? stringLiterals(set.text) : source && !variable ? stringLiterals(source) : [];
        const what = candidates.length > 0 ? `: ${candidates.map((c) => `'${c.length > 90 ? `${c.slice(0, 90)}...` : c}'`).join(' or ')}` : '';
        const where = set ? ` (${source} is set at line ${set.line})` : prepare ? '' : ' (no PREPARE of it in this file)';
        statements[index] = { ...stmt, node: { keywords: 'EXECUTE', reason: `it runs SQL prepared at run time${where}${what}` } };
    }
}
/** True when a SET statement assigns the user variable @`name`. */
function assignsVariable(stmt, name) {
    const expr = Array.isArray(stmt.node.expr) ? stmt.node.expr : [];
    return expr.some((e) => e?.left?.prefix === '@' && String(e.left.name).toLowerCase() === name);
}
/** The string literals of a statement that read like SQL (a word, then a space), unescaped, at most four. */
function stringLiterals(text) {
    const literals = [];
    for (const match of text.matchAll(/'((?:[^'\\]|\\[\s\S]|'')*)'|"((?:[^"\\]|\\[\s\S]|"")*)"/g)) {
        const raw = match[1] ?? match[2] ?? '';
        const value = raw.replace(/\\([\s\S])/g, '$1').replace(/''/g, "'").replace(/""/g, '"').replace(/\s+/g, ' ').trim();
        if (/^[A-Za-z]+\s/.test(value))
            literals.push(value);
    }
    return literals.slice(0, 4);
}
/** The first two keywords of a statement, upper case, comments skipped. */
function leadingKeywords(text) {
    const words = text
        .replace(/\/\*(?![!+]|M!)[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
        // CREATE DEFINER=`root`@`localhost` TRIGGER: the object type is the keyword that matters.
        .replace(/\sDEFINER\s*=\s*\S+/i, ' ')
        .trim()
        .split(/[^A-Za-z_]+/)
        .filter(Boolean);
    return words.slice(0, 2).join(' ').toUpperCase();
}
/** Where node-sql-parser stopped, quoted from the statement (its message lists every token it expected). */
function describeParseError(error, text) {
    const offset = error.location?.start?.offset;
    if (typeof offset !== 'number')
        return `node-sql-parser failed: ${String(error?.message ?? error).split('\n')[0].slice(0, 120)}`;
    const near = text.slice(offset, offset + 40).replace(/\s+/g, ' ');
    if (near.trim() === '')
        return 'node-sql-parser reached the end of the statement before it was complete (an unclosed quote, parenthesis or block?)';
    return `node-sql-parser does not know the syntax at "${near}${text.length > offset + 40 ? '...' : ''}"`;
}


/***/ }),

/***/ 83130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ changedRows),
/* harmony export */   CR: () => (/* binding */ createdTables),
/* harmony export */   Cf: () => (/* binding */ alterItemColumn),
/* harmony export */   DP: () => (/* binding */ isRerunnable),
/* harmony export */   Fr: () => (/* binding */ tableLabel),
/* harmony export */   H5: () => (/* binding */ alterItems),
/* harmony export */   T_: () => (/* binding */ isDdl),
/* harmony export */   WN: () => (/* binding */ alteredTable),
/* harmony export */   YB: () => (/* binding */ addedColumns),
/* harmony export */   ZN: () => (/* binding */ unparsedKeywords),
/* harmony export */   dD: () => (/* binding */ unparsedAlterTable),
/* harmony export */   gy: () => (/* binding */ columnTypeOf),
/* harmony export */   hh: () => (/* binding */ updatedColumns),
/* harmony export */   j9: () => (/* binding */ isSameTable),
/* harmony export */   nY: () => (/* binding */ stripComments),
/* harmony export */   oR: () => (/* binding */ truncatedTables),
/* harmony export */   qs: () => (/* binding */ droppedTables),
/* harmony export */   r7: () => (/* binding */ touchedTablesOf),
/* harmony export */   sj: () => (/* binding */ schemaObjectOf),
/* harmony export */   ur: () => (/* binding */ indexedTable)
/* harmony export */ });
/* unused harmony export unparsedCreateTable */
/* harmony import */ var _parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32471);
/* harmony import */ var _keyword_statements_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29308);


/** "db.table", or "table" when unqualified. */
function tableLabel(t) {
    return t.db ? `${t.db}.${t.table}` : t.table;
}
/** True when both names can mean the same table: same name, and the same database when both say one. */
function isSameTable(a, b) {
    return a.table === b.table && (a.db === null || b.db === null || a.db === b.db);
}
/** Reads one {db, table} entry of node-sql-parser's table lists. */
function toTable(entry) {
    const e = entry;
    if (!e || typeof e.table !== 'string')
        return undefined;
    return { db: typeof e.db === 'string' && e.db !== '' ? e.db : null, table: e.table };
}
/** Reads a list (or a single entry) of tables. */
function toTables(list) {
    const items = Array.isArray(list) ? list : list ? [list] : [];
    return items.map(toTable).filter((t) => t !== undefined);
}
/** Tables dropped by DROP TABLE (not views or temporary tables). */
function droppedTables(stmt) {
    return stmt.kind === 'drop' && stmt.node.keyword === 'table' ? toTables(stmt.node.name) : [];
}
/** Tables emptied by TRUNCATE. */
function truncatedTables(stmt) {
    return stmt.kind === 'truncate' ? toTables(stmt.node.name) : [];
}
/** The table an ALTER TABLE changes. */
function alteredTable(stmt) {
    return stmt.kind === 'alter' ? toTables(stmt.node.table)[0] : undefined;
}
/** The items of an ALTER TABLE (ADD COLUMN, DROP INDEX, ALGORITHM=..., LOCK=...). */
function alterItems(stmt) {
    return stmt.kind === 'alter' && Array.isArray(stmt.node.expr) ? stmt.node.expr : [];
}
/** The table a CREATE INDEX builds an index on. */
function indexedTable(stmt) {
    return stmt.kind === 'create' && stmt.node.keyword === 'index' ? toTable(stmt.node.table) : undefined;
}
/** Tables a CREATE TABLE creates (temporary tables excluded: they vanish with the session). */
function createdTables(stmt) {
    if (stmt.kind === _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED) {
        const head = unparsedCreateTable(stmt);
        return head && !head.isTemporary ? [head.table] : [];
    }
    if (stmt.kind !== 'create' || stmt.node.keyword !== 'table' || stmt.node.temporary)
        return [];
    return toTables(stmt.node.table);
}
/**
 * The table an unparsed CREATE TABLE creates, read from its text. node-sql-parser rejects whole
 * CREATE TABLEs over one column clause it does not know (ON UPDATE NOW(2), REAL, a generated column
 * with ->>); the table they create is still new and empty for every later statement.
 */
function unparsedCreateTable(stmt) {
    if (stmt.kind !== _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED)
        return undefined;
    const name = '(`(?:[^`]|``)+`|"(?:[^"]|"")+"|[A-Za-z0-9_$]+)';
    const match = new RegExp(`^\\s*CREATE\\s+(TEMPORARY\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?${name}(?:\\s*\\.\\s*${name})?\\s*[(\\s]`, 'i').exec(stripComments(stmt.text));
    if (!match)
        return undefined;
    const table = match[4] ? { db: (0,_keyword_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .unquote */ ._)(match[3]), table: (0,_keyword_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .unquote */ ._)(match[4]) } : { db: null, table: (0,_keyword_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .unquote */ ._)(match[3]) };
    return { table, isTemporary: match[1] !== undefined, ifNotExists: match[2] !== undefined };
}
/** The table a DELETE or UPDATE changes rows of, with its WHERE (null without one). */
function changedRows(stmt) {
    if (stmt.kind === 'delete') {
        const table = toTables(stmt.node.table)[0] ?? toTables(stmt.node.from)[0];
        return table ? { table, hasWhere: stmt.node.where != null, verb: 'DELETE' } : undefined;
    }
    if (stmt.kind === 'update') {
        const table = toTables(stmt.node.table)[0];
        return table ? { table, hasWhere: stmt.node.where != null, verb: 'UPDATE' } : undefined;
    }
    return undefined;
}
/**
 * The columns an UPDATE sets, each with the table it belongs to: a qualifier (w.hostname) is
 * resolved through the aliases of a multi-table UPDATE; an unqualified column is the first table's.
 */
function updatedColumns(stmt) {
    if (stmt.kind !== 'update' || !Array.isArray(stmt.node.set))
        return [];
    const entries = Array.isArray(stmt.node.table) ? stmt.node.table : [];
    const first = toTable(entries[0]);
    const result = [];
    for (const item of stmt.node.set) {
        const column = columnName(item);
        const qualifier = typeof item.table === 'string' ? item.table.toLowerCase() : undefined;
        const entry = qualifier ? entries.find((e) => String(e.as ?? e.table).toLowerCase() === qualifier) : undefined;
        const table = qualifier ? toTable(entry) : first;
        if (column && table)
            result.push({ table, column });
    }
    return result;
}
/**
 * A column's data type as an ALTER TABLE item defines it (type, length, scale, UNSIGNED, ENUM
 * values, character set, collation, AUTO_INCREMENT), comparable between an ADD COLUMN and a later
 * MODIFY; NULL, DEFAULT and COMMENT are left out because changing them does not change the stored data.
 */
function columnTypeOf(item) {
    const definition = item.definition;
    if (!definition || typeof definition.dataType !== 'string')
        return undefined;
    const suffix = Array.isArray(definition.suffix) ? definition.suffix.map((x) => String(x).toLowerCase()) : [];
    const collate = item.collate?.collate?.name ?? item.collate?.name ?? item.collate?.value ?? null;
    return JSON.stringify([definition.dataType.toLowerCase(), definition.length ?? null, definition.scale ?? null, suffix, definition.expr ?? null, item.character_set?.value?.value ?? null, collate, item.auto_increment ? 'auto_increment' : null]);
}
/** The column an ALTER TABLE item names (the old name for CHANGE), lower case. */
function alterItemColumn(item) {
    return columnName(item.old_column ?? item.column);
}
/** The columns an ALTER TABLE adds, lower case. */
function addedColumns(stmt) {
    return alterItems(stmt)
        .filter((i) => i.action === 'add' && i.resource === 'column')
        .map((i) => columnName(i.column))
        .filter((c) => c !== undefined);
}
/** The keywords of an unparsed statement ("ALTER TABLE"), or undefined for a parsed one. */
function unparsedKeywords(stmt) {
    return stmt.kind === _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED ? stmt.node.keywords : undefined;
}
const DDL_KINDS = new Set(['create', 'alter', 'drop', 'truncate', 'rename']);
const DDL_KEYWORDS = /^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/;
/**
 * True for a statement MySQL commits implicitly, before and after it
 * (https://dev.mysql.com/doc/refman/8.4/en/implicit-commit.html). CREATE/DROP TEMPORARY TABLE do not commit.
 */
function isDdl(stmt) {
    if (stmt.kind === _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED) {
        const keywords = stmt.node.keywords;
        return DDL_KEYWORDS.test(keywords) && !/ TEMPORARY$/.test(keywords);
    }
    if (!DDL_KINDS.has(stmt.kind))
        return false;
    return !(stmt.kind === 'create' && stmt.node.temporary);
}
/**
 * True when the DDL can run again after it already ran: CREATE ... IF NOT EXISTS or OR REPLACE,
 * DROP ... IF EXISTS, and an ALTER TABLE whose every item changes nothing the second time.
 */
function isRerunnable(stmt) {
    if (stmt.kind === _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED)
        return unparsedCreateTable(stmt)?.ifNotExists ?? false;
    if (stmt.kind === 'create')
        return stmt.node.if_not_exists != null || stmt.node.replace != null;
    if (stmt.kind === 'drop')
        return typeof stmt.node.prefix === 'string' && /if exists/i.test(stmt.node.prefix);
    if (stmt.kind === 'alter') {
        const items = alterItems(stmt);
        return items.length > 0 && items.every(isRepeatableAlterItem);
    }
    return false;
}
/** Table options and other ALTER TABLE items that set a state rather than add or remove something. */
const REPEATABLE_RESOURCES = /^(algorithm|lock|convert|keys|force|engine|auto_increment|comment|row_format|key_block_size|stats_persistent|stats_auto_recalc|pack_keys|(default )?(character set|charset|collate))$/;
/**
 * True when running the ALTER TABLE item again changes nothing: MODIFY, CHANGE to the same name,
 * SET/DROP DEFAULT, table options, CONVERT TO, or MariaDB's IF [NOT] EXISTS.
 */
function isRepeatableAlterItem(item) {
    if (item.if_not_exists != null || item.if_exists != null)
        return true;
    if (item.resource === 'column') {
        if (item.action === 'modify' || item.action === 'alter')
            return true;
        return item.action === 'change' && columnName(item.old_column) !== undefined && columnName(item.old_column) === columnName(item.column);
    }
    return REPEATABLE_RESOURCES.test(String(item.resource ?? ''));
}
/** The name of a node-sql-parser column reference, lower case (MySQL column names ignore case). */
function columnName(ref) {
    const column = ref?.column;
    const name = typeof column === 'string' ? column : column?.expr?.value;
    return typeof name === 'string' ? name.toLowerCase() : undefined;
}
/** The object a CREATE or DROP names (the first, for DROP TABLE a, b), in lower case; undefined for other statements. */
function schemaObjectOf(stmt) {
    if (stmt.kind === 'drop') {
        // DROP INDEX names a column_ref; the others a list of {table}, {name} (routines) or {trigger}.
        const first = Array.isArray(stmt.node.name) ? stmt.node.name[0] : stmt.node.name;
        const name = first?.table ?? first?.name ?? first?.trigger ?? first?.column;
        return typeof name === 'string' ? { type: String(stmt.node.keyword).toLowerCase(), name: name.toLowerCase() } : undefined;
    }
    if (stmt.kind === 'create') {
        const keyword = String(stmt.node.keyword).toLowerCase();
        const names = {
            table: toTables(stmt.node.table)[0]?.table,
            index: stmt.node.index,
            trigger: stmt.node.trigger?.table,
            view: stmt.node.view?.view,
        };
        const name = names[keyword];
        return typeof name === 'string' ? { type: keyword, name: name.toLowerCase() } : undefined;
    }
    if (stmt.kind === _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED) {
        const created = unparsedCreateTable(stmt);
        if (created)
            return { type: 'table', name: created.table.table.toLowerCase() };
        // Routines, triggers and events node-sql-parser does not read: CREATE [DEFINER=...] PROCEDURE name.
        const match = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:`?[A-Za-z0-9_$]+`?\s*\.\s*)?`?([A-Za-z0-9_$]+)`?/i.exec(stripComments(stmt.text));
        return match ? { type: match[1].toLowerCase(), name: match[2].toLowerCase() } : undefined;
    }
    return undefined;
}
/** Tables a statement touches, and whether it changes their definition (DDL) or only rows (DML). */
function touchedTablesOf(stmt) {
    switch (stmt.kind) {
        case 'alter':
            return { tables: toTables(stmt.node.table), isDdl: true };
        case 'drop':
            return { tables: stmt.node.keyword === 'table' ? toTables(stmt.node.name) : stmt.node.keyword === 'index' ? toTables(stmt.node.table) : [], isDdl: true };
        case 'truncate':
            return { tables: toTables(stmt.node.name), isDdl: true };
        case 'create':
            return { tables: stmt.node.keyword === 'index' ? toTables(stmt.node.table) : [], isDdl: true };
        case 'rename':
            return { tables: (Array.isArray(stmt.node.table) ? stmt.node.table : []).flatMap((pair) => toTables(Array.isArray(pair) ? pair[0] : undefined)), isDdl: true };
        case 'delete':
        case 'update':
        case 'insert':
        case 'replace':
            return { tables: toTables(stmt.node.table).slice(0, 1), isDdl: false };
        case _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED: {
            const table = unparsedAlterTable(stmt);
            return { tables: table ? [table] : [], isDdl: true };
        }
        default:
            return { tables: [], isDdl: false };
    }
}
/** The table an unparsed ALTER TABLE names, read from its text (`db`.`t`, db.t or t). */
function unparsedAlterTable(stmt) {
    if (stmt.kind !== _parser_js__WEBPACK_IMPORTED_MODULE_0__.UNPARSED)
        return undefined;
    const name = '(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)';
    const match = new RegExp(`^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+${name}(?:\\s*\\.\\s*${name})?`, 'i').exec(stripComments(stmt.text));
    if (!match)
        return undefined;
    const unquote = (s) => (s.startsWith('`') ? s.slice(1, -1).replaceAll('``', '`') : s);
    return match[2] ? { db: unquote(match[1]), table: unquote(match[2]) } : { db: null, table: unquote(match[1]) };
}
/** The statement text with quoted strings and comments blanked, for keyword tests on unparsed statements. */
function stripComments(text) {
    return text.replace(/'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"|--[ \t][^\n]*|#[^\n]*|\/\*(?![!+]|M!)[\s\S]*?\*\//g, (m) => (m.startsWith("'") || m.startsWith('"') ? "''" : ' '));
}


/***/ }),

/***/ 10944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ readTableSizes),
/* harmony export */   R2: () => (/* binding */ INDEX_TABLE_KEY_PREFIX),
/* harmony export */   Zs: () => (/* binding */ readIndexTableSizes)
/* harmony export */ });
/* harmony import */ var _engine_pending_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55229);
/* harmony import */ var _touched_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49213);


/**
 * Key prefix, in LiveFacts.tableSizes, of the size of an index's table keyed by the index name
 * ("index:public.orders_idx"): REINDEX INDEX, ALTER INDEX and DROP INDEX name no table.
 */
const INDEX_TABLE_KEY_PREFIX = 'index:';
/** Per-relation size expressions; `rel` is a pg_class row. */
const MEASURED = {
    rows: 'greatest(rel.reltuples, -1)::float8',
    total: 'pg_catalog.pg_total_relation_size(rel.oid)',
    table: 'pg_catalog.pg_table_size(rel.oid)',
    index: 'pg_catalog.pg_indexes_size(rel.oid)',
};
/** The same from statistics, lock-free: pages times the block size. */
const ESTIMATED = {
    rows: MEASURED.rows,
    total: `(${pages('rel')} + ${indexPages('rel')}) * current_setting('block_size')::int8`,
    table: `${pages('rel')} * current_setting('block_size')::int8`,
    index: `${indexPages('rel')} * current_setting('block_size')::int8`,
};
/** Heap plus TOAST pages of a relation. */
function pages(rel) {
    return `(${rel}.relpages::int8 + coalesce((SELECT t.relpages::int8 FROM pg_catalog.pg_class t WHERE t.oid = ${rel}.reltoastrelid), 0))`;
}
/** Pages of a relation's indexes. */
function indexPages(rel) {
    return `coalesce((SELECT sum(i.relpages)::int8 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ${rel}.oid), 0)`;
}
/**
 * One query for every named relation; partitioned tables sum their leaf partitions. `relations`
 * yields (name, oid) from the name arrays: the table itself, or an index's table.
 */
function sizeSql(e, relations = (0,_touched_js__WEBPACK_IMPORTED_MODULE_1__/* .touchedRelationSql */ .x1)(1)) {
    const leaves = (expr) => `(SELECT coalesce(sum(${expr}), 0) FROM pg_catalog.pg_partition_tree(c.oid) pt JOIN pg_catalog.pg_class rel ON rel.oid = pt.relid WHERE pt.isleaf)`;
    const self = (expr) => `(SELECT ${expr} FROM pg_catalog.pg_class rel WHERE rel.oid = c.oid)`;
    // An unanalysed partition counts as 0 rows in the sum rather than making it -1.
    const pick = (expr, leafExpr = expr) => `CASE WHEN c.relkind = 'p' THEN ${leaves(leafExpr)} ELSE ${self(expr)} END`;
    return `WITH touched AS (${relations})
    SELECT t.name, (SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_namespace n WHERE n.oid = c.relnamespace) AS resolved,
           (${pick(e.rows, 'greatest(rel.reltuples, 0)')})::float8 AS rows, (${pick(e.total)})::text AS total_bytes,
           (${pick(e.table)})::text AS table_bytes, (${pick(e.index)})::text AS index_bytes
      FROM touched t JOIN pg_catalog.pg_class c ON c.oid = t.oid
     WHERE c.relkind IN ('r', 'p', 'm')`;
}
/** The table behind each named index: REINDEX INDEX and ALTER INDEX name no table. */
const INDEX_TABLES = `SELECT n.name, x.indrelid AS oid
      FROM (${(0,_touched_js__WEBPACK_IMPORTED_MODULE_1__/* .touchedRelationSql */ .x1)(1)}) n JOIN pg_catalog.pg_index x ON x.indexrelid = n.oid`;
/** Reads the sizes of ctx.touched once per run; tables that do not exist yet are absent. */
function readTableSizes(ctx) {
    return ctx.memo('postgres:table-sizes', () => readSizes(ctx, ctx.touched.map((t) => (0,_engine_pending_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseTable */ .TA)(t.table))));
}
/**
 * Reads the size of each named index's table, keyed by the index name ("public.orders_idx");
 * `table` stays the index name. Indexes that do not exist yet are absent.
 */
function readIndexTableSizes(ctx, indexes) {
    return readSizes(ctx, indexes.map(_engine_pending_js__WEBPACK_IMPORTED_MODULE_0__/* .normaliseTable */ .TA), INDEX_TABLES);
}
/** One size query for the names, falling back to lock-free statistics when a table is locked. */
async function readSizes(ctx, names, relations) {
    const out = new Map();
    if (names.length === 0)
        return out;
    const params = (0,_touched_js__WEBPACK_IMPORTED_MODULE_1__/* .tableArrayParams */ .K$)(names, (0,_touched_js__WEBPACK_IMPORTED_MODULE_1__/* .unqualifiedNames */ .sf)(ctx.pending, Math.floor(ctx.server.major)));
    let rows;
    let source = 'measured';
    try {
        rows = await ctx.db.query(sizeSql(MEASURED, relations), params);
    }
    catch (error) {
        if (error.code !== '55P03')
            throw error;
        ctx.log.log('info', 'a touched table is locked: table sizes come from the statistics (relpages) instead of pg_total_relation_size');
        rows = await ctx.db.query(sizeSql(ESTIMATED, relations), params);
        source = 'estimated';
    }
    for (const row of rows) {
        out.set(row.name, {
            table: row.name,
            resolved: row.resolved ?? row.name,
            rows: Math.max(0, row.rows),
            isRowsKnown: row.rows >= 0,
            totalBytes: Number(row.total_bytes),
            tableBytes: Number(row.table_bytes),
            indexBytes: Number(row.index_bytes),
            source,
        });
    }
    return out;
}


/***/ }),

/***/ 49213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ tableArrayParams),
/* harmony export */   sf: () => (/* binding */ unqualifiedNames),
/* harmony export */   x1: () => (/* binding */ touchedRelationSql)
/* harmony export */ });
/* unused harmony export splitTableName */
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88811);
/* harmony import */ var _schema_model_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46067);


/** Splits "schema.table" at the first dot; an unqualified name is in public, as pending.ts assumes. */
function splitTableName(name) {
    const dot = name.indexOf('.');
    return dot === -1 ? { name, schema: 'public', relation: name } : { name, schema: name.slice(0, dot), relation: name.slice(dot + 1) };
}
/** Names the pending SQL writes only unqualified, keyed as touched ("public.users"), with the search path they resolve through. */
function unqualifiedNames(pending, pgMajor) {
    const unqualified = new Map();
    const qualified = new Set();
    for (const file of pending) {
        let path = 'session';
        for (const stmt of file.parsed.statements) {
            if (stmt.kind === 'VariableSetStmt' && stmt.node.name === 'search_path') {
                path = stmt.node.kind === 'VAR_SET_VALUE' ? (0,_schema_model_names_js__WEBPACK_IMPORTED_MODULE_1__/* .searchPathArgs */ .pF)(stmt.node) : 'session';
                continue;
            }
            for (const { table } of (0,_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .statementLocks */ .MI)(stmt, pgMajor)) {
                if (table.includes('.'))
                    qualified.add(table);
                else if (!unqualified.has(`public.${table}`))
                    unqualified.set(`public.${table}`, path);
            }
        }
    }
    // A name also written as public.x explicitly is looked up there.
    for (const name of qualified)
        unqualified.delete(name);
    return unqualified;
}
/** The lookups to try for a name, in order: the first that finds a relation wins. */
function candidatesFor(name, unqualified) {
    return allCandidates(name, unqualified).filter((c) => c.relation !== '' && (c.path !== null || c.schema !== ''));
}
/** Every lookup for a name, before empty parts ('"a".""' is a syntax error for to_regclass) are dropped. */
function allCandidates(name, unqualified) {
    const out = [];
    const path = unqualified?.get(name);
    if (path !== undefined && name.startsWith('public.')) {
        out.push({ name, schema: 'public', relation: name.slice('public.'.length), path: path === 'session' ? '' : JSON.stringify(path) });
    }
    if (!name.includes('.'))
        return [...out, { name, schema: 'public', relation: name, path: null }];
    for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
        out.push({ name, schema: name.slice(0, dot), relation: name.slice(dot + 1), path: null });
    }
    // "tab.le" written unqualified reaches here as schema "tab": try it as one relation name too.
    out.push({ name, schema: '', relation: name, path: '' });
    return out;
}
/**
 * Four parallel arrays (name, schema, relation, search path) for touchedRelationSql, with
 * several lookups per name where it is ambiguous; `unqualified` comes from unqualifiedNames.
 */
function tableArrayParams(names, unqualified) {
    const candidates = [...new Set(names)].flatMap((n) => candidatesFor(n, unqualified));
    return [candidates.map((c) => c.name), candidates.map((c) => c.schema), candidates.map((c) => c.relation), candidates.map((c) => c.path)];
}
/**
 * SQL for a relation `touched(name, oid)` over the arrays at parameters $first..$first+3: one
 * row per name, oid NULL when no lookup finds a relation. "$user" in a SET search_path is the
 * current user.
 */
function touchedRelationSql(first) {
    const [names, schemas, relations, paths] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`);
    return `SELECT DISTINCT ON (x.name) x.name, x.found AS oid
      FROM (SELECT c.name, c.ord,
                   CASE WHEN c.search_path IS NULL THEN pg_catalog.to_regclass(format('%I.%I', c.schema_name, c.rel_name))
                        WHEN c.search_path = '' THEN pg_catalog.to_regclass(quote_ident(c.rel_name))
                        ELSE (SELECT pg_catalog.to_regclass(format('%I.%I', CASE WHEN p.s = '$user' THEN current_user ELSE p.s END, c.rel_name))
                                FROM json_array_elements_text(c.search_path::json) WITH ORDINALITY AS p(s, i)
                               WHERE pg_catalog.to_regclass(format('%I.%I', CASE WHEN p.s = '$user' THEN current_user ELSE p.s END, c.rel_name)) IS NOT NULL
                               ORDER BY p.i LIMIT 1)
                   END::oid AS found
              FROM unnest(${names}::text[], ${schemas}::text[], ${relations}::text[], ${paths}::text[]) WITH ORDINALITY AS c(name, schema_name, rel_name, search_path, ord)) x
     ORDER BY x.name, x.found IS NULL, x.ord`;
}


/***/ }),

/***/ 43913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oS: () => (/* binding */ loadGrammar),
/* harmony export */   sH: () => (/* binding */ OLDER_GRAMMARS),
/* harmony export */   uQ: () => (/* binding */ CURRENT_GRAMMAR)
/* harmony export */ });
/* unused harmony exports locateWasm, wasmFileName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The grammars of older PostgreSQL majors: the libpg-query release of each major, installed under
 * an npm alias (`libpg-query-15` is `libpg-query@15`), loaded lazily, one WASM instance per major.
 * The rules keep parsing with the current libpg-query (parser.ts); these only answer "does this
 * major's parser accept this text?" for the target-version-syntax rule.
 *
 * We call each release's Emscripten factory ourselves instead of its index module, so that we
 * choose where its `libpg-query.wasm` is read from: every release ships a file of that same name,
 * and in the ncc bundle they would all be looked up in `dist/` (see locateWasm).
 */

/** The major of the grammar in parser.ts: the statements the rules see already parse on it. */
const CURRENT_GRAMMAR = 18;
/** Older majors whose grammar ships with the tool, oldest first. */
const OLDER_GRAMMARS = [13, 14, 15, 16, 17];
/**
 * Each major's Emscripten factory, imported only when first asked for. Literal specifiers, so
 * the bundler sees every release. libpg-query@14.4.3 depends on @pgsql/types@^14.1.2, which was
 * never published; package.json overrides it with 13.11.2 (types only, unused at run time).
 */
const FACTORIES = {
    13: () => __webpack_require__.e(/* import() */ 768).then(__webpack_require__.t.bind(__webpack_require__, 40768, 23)),
    14: () => __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 71303, 23)),
    15: () => __webpack_require__.e(/* import() */ 970).then(__webpack_require__.t.bind(__webpack_require__, 18970, 23)),
    16: () => __webpack_require__.e(/* import() */ 177).then(__webpack_require__.t.bind(__webpack_require__, 82177, 23)),
    17: () => __webpack_require__.e(/* import() */ 172).then(__webpack_require__.t.bind(__webpack_require__, 80172, 23)),
};
// One WASM instance per major for the whole process, as parser.ts keeps one for the current grammar.
const loading = new Map();
/** Loads the grammar of a shipped major once per process; rejects for a major that is not shipped. */
function loadGrammar(major) {
    let grammar = loading.get(major);
    if (!grammar) {
        grammar = instantiate(major);
        loading.set(major, grammar);
    }
    return grammar;
}
/** Instantiates a major's WASM module and checks it really is that major. */
async function instantiate(major) {
    const factory = FACTORIES[major];
    if (!factory)
        throw new Error(`No PostgreSQL ${major} grammar is shipped (shipped: ${OLDER_GRAMMARS.join(', ')}, ${CURRENT_GRAMMAR}).`);
    let wasmFile = '';
    let wasm;
    try {
        wasm = (await (await factory()).default({
            locateFile(path, scriptDirectory) {
                wasmFile = locateWasm(major, path, scriptDirectory);
                return wasmFile;
            },
        }));
    }
    catch (error) {
        // Emscripten's own message (a LinkError, ENOENT) does not say which grammar or file it was.
        throw new Error(`Could not load the PostgreSQL ${major} grammar from ${wasmFile || 'its package'}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const reject = (sql) => parseRaw(wasm, sql, false).error;
    const version = JSON.parse(parseRaw(wasm, 'SELECT 1', true).tree ?? '{}').version ?? 0;
    // A wrong file (another major's wasm under the expected name) would silently check the wrong grammar.
    if (Math.floor(version / 10000) !== major) {
        throw new Error(`The PostgreSQL ${major} grammar read from ${wasmFile} reports version ${version}.`);
    }
    return { major, version, reject };
}
/**
 * Where a major's wasm file is. Installed, the release's own folder holds `libpg-query.wasm`.
 * In the ncc bundle every release sees `dist/` (the global `__dirname`), where the build copies
 * each one as `libpg-query-<major>.wasm`, so the current parser's `libpg-query.wasm` stays apart.
 */
function locateWasm(major, path, scriptDirectory) {
    const bundled = `${scriptDirectory}${wasmFileName(major)}`;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(bundled) ? bundled : `${scriptDirectory}${path}`;
}
/** The file name a major's wasm has in the bundle. */
function wasmFileName(major) {
    return `libpg-query-${major}.wasm`;
}
/**
 * Parses with the raw C entry point and reads only what is asked: the error, and the JSON tree
 * only when wanted (checking syntax needs no tree). Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer,
 * error } and PgQueryError { message, funcname, filename, lineno, cursorpos, context }.
 */
function parseRaw(wasm, sql, isTreeWanted) {
    const size = wasm.lengthBytesUTF8(sql) + 1;
    const queryPtr = wasm._malloc(size);
    let resultPtr = 0;
    try {
        wasm.stringToUTF8(sql, queryPtr, size);
        resultPtr = wasm._wasm_parse_query_raw(queryPtr);
        if (!resultPtr)
            throw new Error('libpg-query could not allocate its parse result.');
        const errorPtr = wasm.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            const messagePtr = wasm.getValue(errorPtr, 'i32');
            // cursorpos is 1-based and counts characters; 0 means "no position".
            const cursorpos = wasm.getValue(errorPtr + 16, 'i32');
            return { error: { message: messagePtr ? wasm.UTF8ToString(messagePtr) : 'unknown parser error', cursor: Math.max(0, cursorpos - 1) } };
        }
        const treePtr = isTreeWanted ? wasm.getValue(resultPtr, 'i32') : 0;
        return treePtr ? { tree: wasm.UTF8ToString(treePtr) } : {};
    }
    finally {
        wasm._free(queryPtr);
        if (resultPtr)
            wasm._wasm_free_parse_result(resultPtr);
    }
}


/***/ }),

/***/ 87554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ timeoutSteps),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   RA: () => (/* binding */ lockTimeoutsBefore),
/* harmony export */   gH: () => (/* binding */ lockTimeoutSteps)
/* harmony export */ });
/* unused harmony export lockTimeoutChange */
/**
 * For each statement of a file (by index), the lock_timeout set by earlier statements of the
 * same file, or undefined when the file never set one (the role or server default applies).
 * SET LOCAL lasts until the next COMMIT or ROLLBACK, and does nothing outside a transaction block
 * (PostgreSQL only warns); `isWrapped` says the migration tool runs the whole file in one
 * transaction. RESET, RESET ALL and SET ... TO DEFAULT clear the value.
 */
function lockTimeoutsBefore(statements, isWrapped = false) {
    return lockTimeoutSteps(statements, isWrapped).map((step) => step.before);
}
/** Like lockTimeoutsBefore, and also remembers SET LOCAL statements that had no effect, for messages. */
function lockTimeoutSteps(statements, isWrapped = false) {
    return timeoutSteps(statements, 'lock_timeout', isWrapped);
}
/** The same for another time setting a file can SET (statement_timeout). */
function timeoutSteps(statements, setting, isWrapped = false) {
    const out = [];
    let session;
    let local;
    let ignoredLocal;
    let isInBlock = isWrapped;
    for (const stmt of statements) {
        out.push({ before: local ?? session, ignoredLocal });
        const change = timeoutChange(stmt, setting);
        const control = stmt.kind === 'TransactionStmt' ? String(stmt.node.kind) : undefined;
        if (change) {
            const state = change.ms === undefined ? undefined : { ms: change.ms, setBy: stmt };
            if (!change.isLocal) {
                session = state;
                local = undefined;
            }
            else if (isInBlock) {
                local = state;
            }
            else {
                ignoredLocal = stmt;
            }
        }
        else if (control === 'TRANS_STMT_BEGIN' || control === 'TRANS_STMT_START') {
            isInBlock = true;
        }
        else if (control !== undefined && TRANSACTION_ENDS.has(control)) {
            local = undefined;
            // COMMIT AND CHAIN opens the next transaction at once.
            isInBlock = isWrapped || stmt.node.chain === true;
        }
    }
    return out;
}
const TRANSACTION_ENDS = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);
/** What a statement does to lock_timeout: sets it (ms), clears it (ms undefined), or nothing (undefined). */
function lockTimeoutChange(stmt) {
    return timeoutChange(stmt, 'lock_timeout');
}
/** What a statement does to `setting`: sets it (ms), clears it (ms undefined), or nothing (undefined). */
function timeoutChange(stmt, setting) {
    if (stmt.kind === 'VariableSetStmt') {
        const n = stmt.node;
        // RESET ALL puts every setting back to its default, SET LOCAL values included.
        if (n.kind === 'VAR_RESET_ALL')
            return { ms: undefined, isLocal: false };
        // Setting names are case-insensitive, even quoted ones.
        if (String(n.name ?? '').toLowerCase() !== setting)
            return undefined;
        const isLocal = Boolean(n.is_local);
        if (n.kind === 'VAR_SET_VALUE')
            return { ms: parseDuration(constValue(n.args?.[0])), isLocal };
        // VAR_SET_DEFAULT, VAR_RESET: back to the role or server default, which the file does not know.
        return { ms: undefined, isLocal };
    }
    if (stmt.kind === 'SelectStmt')
        return setConfigCall(stmt.node, setting);
    return undefined;
}
/** `SELECT set_config('lock_timeout', '5s', is_local)`, the function form of SET. */
function setConfigCall(node, setting) {
    for (const target of node.targetList ?? []) {
        const call = target?.ResTarget?.val?.FuncCall;
        const name = (call?.funcname ?? []).map((p) => p?.String?.sval).join('.');
        if (name !== 'set_config' && name !== 'pg_catalog.set_config')
            continue;
        const [settingName, value, isLocal] = call.args ?? [];
        if (constValue(settingName)?.toLowerCase() !== setting)
            continue;
        return { ms: parseDuration(constValue(value)), isLocal: isLocal?.A_Const?.boolval?.boolval === true };
    }
    return undefined;
}
/** The value of an A_Const node as a string ('2s', 2000), or undefined. */
function constValue(node) {
    const c = node?.A_Const;
    if (!c)
        return undefined;
    if (c.sval)
        return String(c.sval.sval ?? '');
    if (c.ival)
        return String(c.ival.ival ?? 0);
    if (c.fval)
        return String(c.fval.fval ?? '0');
    return undefined;
}
const UNIT_MS = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };
/** Parses a PostgreSQL time setting ('2s', '500ms', '1min', a bare number in `defaultUnit`) into milliseconds. */
function parseDuration(value, defaultUnit = 'ms') {
    if (value === undefined)
        return undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(value);
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? defaultUnit] ?? 1));
}


/***/ }),

/***/ 88811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ relationName),
/* harmony export */   I3: () => (/* binding */ isTrueOption),
/* harmony export */   MI: () => (/* binding */ statementLocks),
/* harmony export */   Wd: () => (/* binding */ objectNames),
/* harmony export */   wS: () => (/* binding */ strongerLock)
/* harmony export */ });
/* harmony import */ var _engine_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81123);
/**
 * Which table lock each statement takes, from the PostgreSQL manual
 * (https://www.postgresql.org/docs/current/explicit-locking.html and each command's page).
 * Shared by the static rules (what the statement blocks) and the live lock checks (who blocks it).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */

/** Name of a RangeVar node, schema-qualified when the SQL qualifies it. */
function relationName(rangeVar) {
    if (!rangeVar?.relname)
        return undefined;
    return rangeVar.schemaname ? `${rangeVar.schemaname}.${rangeVar.relname}` : String(rangeVar.relname);
}
/** Names in a DropStmt/TruncateStmt-style object list ([[schema, name]] as String nodes). */
function objectNames(objects) {
    const names = [];
    for (const object of objects ?? []) {
        const items = object?.List?.items ?? (Array.isArray(object) ? object : []);
        const parts = items.map((item) => item?.String?.sval).filter((s) => typeof s === 'string');
        if (parts.length > 0)
            names.push(parts.join('.'));
    }
    return names;
}
/** Lock taken by one ALTER TABLE sub-command; the statement takes the strongest of them. */
function alterTableCmdLock(cmd, pgMajor) {
    switch (cmd.subtype) {
        case 'AT_AddConstraint': {
            const contype = cmd.def?.Constraint?.contype;
            // ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables; NOT VALID does not change the lock.
            if (contype === 'CONSTR_FOREIGN')
                return 'SHARE ROW EXCLUSIVE';
            return 'ACCESS EXCLUSIVE';
        }
        case 'AT_ValidateConstraint':
            return 'SHARE UPDATE EXCLUSIVE';
        case 'AT_SetStatistics':
        case 'AT_SetOptions':
        case 'AT_ResetOptions':
        case 'AT_ClusterOn':
        case 'AT_DropCluster':
            return 'SHARE UPDATE EXCLUSIVE';
        case 'AT_SetRelOptions':
        case 'AT_ResetRelOptions':
            return 'SHARE UPDATE EXCLUSIVE';
        case 'AT_EnableTrig':
        case 'AT_DisableTrig':
        case 'AT_EnableAlwaysTrig':
        case 'AT_EnableReplicaTrig':
        case 'AT_EnableTrigAll':
        case 'AT_DisableTrigAll':
        case 'AT_EnableTrigUser':
        case 'AT_DisableTrigUser':
            return 'SHARE ROW EXCLUSIVE';
        case 'AT_AttachPartition':
            return pgMajor >= 12 ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        case 'AT_DetachPartition':
            return cmd.def?.PartitionCmd?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        case 'AT_DetachPartitionFinalize':
            return 'SHARE UPDATE EXCLUSIVE';
        default:
            return 'ACCESS EXCLUSIVE';
    }
}
/**
 * Locks an ALTER TABLE sub-command takes on other tables: a foreign key (also inline in ADD
 * COLUMN) locks the referenced table like CREATE TRIGGER, since both tables get triggers; ATTACH
 * takes ACCESS EXCLUSIVE on the partition, DETACH the parent's mode. Checked against pg_locks in
 * __tests__/dialects/postgres/locks.test.ts.
 */
function alterTableCmdOtherLocks(cmd, table) {
    switch (cmd.subtype) {
        case 'AT_AddConstraint':
            return foreignKeyLocks([cmd.def?.Constraint], table);
        case 'AT_AddColumn':
            return foreignKeyLocks((cmd.def?.ColumnDef?.constraints ?? []).map((c) => c?.Constraint), table);
        case 'AT_AttachPartition': {
            const partition = relationName(cmd.def?.PartitionCmd?.name);
            return partition ? [{ table: partition, lock: 'ACCESS EXCLUSIVE' }] : [];
        }
        case 'AT_DetachPartition':
        case 'AT_DetachPartitionFinalize': {
            const partition = relationName(cmd.def?.PartitionCmd?.name);
            const lock = cmd.subtype === 'AT_DetachPartition' && !cmd.def?.PartitionCmd?.concurrent ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE';
            return partition ? [{ table: partition, lock }] : [];
        }
        default:
            return [];
    }
}
/** SHARE ROW EXCLUSIVE on each table referenced by the given foreign keys, other than `self`. */
function foreignKeyLocks(constraints, self) {
    const out = [];
    for (const c of constraints) {
        if (c?.contype !== 'CONSTR_FOREIGN')
            continue;
        const referenced = relationName(c.pktable);
        if (referenced && (!self || qualified(referenced) !== qualified(self)))
            out.push({ table: referenced, lock: 'SHARE ROW EXCLUSIVE' });
    }
    return out;
}
/**
 * Locks CREATE TABLE takes on existing tables: referenced tables of its foreign keys
 * (SHARE ROW EXCLUSIVE), the parent of a partition (ACCESS EXCLUSIVE: its partition
 * descriptor changes) and inheritance parents (SHARE UPDATE EXCLUSIVE).
 */
function createTableLocks(n) {
    const self = relationName(n.relation);
    const constraints = [];
    for (const elt of n.tableElts ?? []) {
        if (elt.Constraint)
            constraints.push(elt.Constraint);
        for (const c of elt.ColumnDef?.constraints ?? [])
            constraints.push(c?.Constraint);
    }
    const parentLock = n.partbound ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE';
    const parents = (n.inhRelations ?? []).flatMap((r) => {
        const parent = relationName(r.RangeVar);
        return parent ? [{ table: parent, lock: parentLock }] : [];
    });
    return [...parents, ...foreignKeyLocks(constraints, self)];
}
/** One entry per table (same spelling), with the strongest lock asked for it. */
function mergeLocks(locks) {
    const byTable = new Map();
    for (const l of locks) {
        const seen = byTable.get(qualified(l.table));
        byTable.set(qualified(l.table), seen ? { table: seen.table, lock: strongerLock(seen.lock, l.lock) } : l);
    }
    return [...byTable.values()];
}
/** `public.` for unqualified names, so `t` and `public.t` compare equal. */
function qualified(name) {
    return name.includes('.') ? name : `public.${name}`;
}
/** Whether a DefElem option (VACUUM (FULL), REINDEX (CONCURRENTLY)) is on: no argument, or a true-ish one. */
function isTrueOption(def) {
    const arg = def?.arg;
    if (!arg)
        return true;
    if (arg.Boolean)
        return Boolean(arg.Boolean.boolval);
    if (arg.Integer)
        return Number(arg.Integer.ival ?? 0) !== 0;
    const text = String(arg.String?.sval ?? arg.A_Const?.sval?.sval ?? '').toLowerCase();
    return !['false', 'off', '0', 'no'].includes(text);
}
/** Returns the stronger of two lock modes. */
function strongerLock(a, b) {
    return _engine_model_js__WEBPACK_IMPORTED_MODULE_0__/* .LOCK_MODES */ .bx.indexOf(a) >= _engine_model_js__WEBPACK_IMPORTED_MODULE_0__/* .LOCK_MODES */ .bx.indexOf(b) ? a : b;
}
/** The tables a statement locks and the lock on each; empty when it locks no existing table. */
function statementLocks(stmt, pgMajor = 18) {
    const n = stmt.node;
    const one = (table, lock) => (table ? [{ table, lock }] : []);
    switch (stmt.kind) {
        case 'AlterTableStmt': {
            const table = relationName(n.relation);
            // ALTER TYPE on a composite type locks the type, which no query reads as a table.
            if (!table || n.objtype === 'OBJECT_TYPE')
                return [];
            let lock = 'ACCESS SHARE';
            const extra = [];
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                lock = strongerLock(lock, alterTableCmdLock(cmd, pgMajor));
                extra.push(...alterTableCmdOtherLocks(cmd, table));
            }
            return mergeLocks([{ table, lock }, ...extra]);
        }
        case 'CreateStmt':
            return mergeLocks(createTableLocks(n));
        case 'IndexStmt':
            return one(relationName(n.relation), n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
        case 'DropStmt': {
            if (n.removeType === 'OBJECT_INDEX') {
                // DROP INDEX locks the index's table, which the statement does not name.
                return [];
            }
            if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE', 'OBJECT_SEQUENCE'].includes(n.removeType)) {
                return objectNames(n.objects).map((table) => ({ table, lock: 'ACCESS EXCLUSIVE' }));
            }
            if (['OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY'].includes(n.removeType)) {
                // DROP TRIGGER/RULE/POLICY name ON table: the object list is [schema?, table, name].
                return objectNames((n.objects ?? []).map((o) => ({ List: { items: (o?.List?.items ?? []).slice(0, -1) } }))).map((table) => ({
                    table,
                    lock: 'ACCESS EXCLUSIVE',
                }));
            }
            return [];
        }
        case 'TruncateStmt':
            return (n.relations ?? []).flatMap((r) => one(relationName(r.RangeVar), 'ACCESS EXCLUSIVE'));
        case 'RenameStmt':
            // Renaming an index takes SHARE UPDATE EXCLUSIVE on the index (12+), not a table lock.
            if (['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_TRIGGER', 'OBJECT_POLICY'].includes(n.renameType)) {
                return one(relationName(n.relation), 'ACCESS EXCLUSIVE');
            }
            return [];
        case 'ReindexStmt':
            if (n.kind === 'REINDEX_OBJECT_TABLE') {
                const concurrent = (n.params ?? []).some((p) => p.DefElem?.defname === 'concurrently' && isTrueOption(p.DefElem));
                return one(relationName(n.relation), concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
            }
            return [];
        case 'VacuumStmt': {
            const isFull = (n.options ?? []).some((o) => o.DefElem?.defname === 'full' && isTrueOption(o.DefElem));
            const lock = isFull ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE';
            return (n.rels ?? []).flatMap((r) => one(relationName(r.VacuumRelation?.relation), lock));
        }
        case 'ClusterStmt':
            return one(relationName(n.relation), 'ACCESS EXCLUSIVE');
        case 'RefreshMatViewStmt':
            return one(relationName(n.relation), n.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
        case 'MergeStmt':
            return one(relationName(n.relation), 'ROW EXCLUSIVE');
        case 'CreateTrigStmt':
            return one(relationName(n.relation), 'SHARE ROW EXCLUSIVE');
        case 'RuleStmt':
            return one(relationName(n.relation), 'ACCESS EXCLUSIVE');
        case 'CreatePolicyStmt':
        case 'AlterPolicyStmt':
            return one(relationName(n.table), 'ACCESS EXCLUSIVE');
        case 'AlterObjectSchemaStmt':
            if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE'].includes(n.objectType)) {
                return one(relationName(n.relation), 'ACCESS EXCLUSIVE');
            }
            return [];
        case 'CreateStatsStmt':
            return (n.relations ?? []).flatMap((r) => one(relationName(r.RangeVar), 'SHARE UPDATE EXCLUSIVE'));
        case 'CommentStmt':
            return [];
        case 'LockStmt': {
            // LockStmt.mode is the lock's number in lockdefs.h: 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE), in LOCK_MODES order.
            const lock = _engine_model_js__WEBPACK_IMPORTED_MODULE_0__/* .LOCK_MODES */ .bx[(n.mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE';
            return (n.relations ?? []).flatMap((r) => one(relationName(r.RangeVar), lock));
        }
        default:
            return [];
    }
}


/***/ }),

/***/ 81956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ loadedPostgresParser),
/* harmony export */   N8: () => (/* binding */ offerParses),
/* harmony export */   _W: () => (/* binding */ syntaxProblemAt),
/* harmony export */   cu: () => (/* binding */ placeStatements),
/* harmony export */   kw: () => (/* binding */ createWasmParser),
/* harmony export */   vF: () => (/* binding */ loadPostgresParser),
/* harmony export */   xu: () => (/* binding */ ParsedStatement)
/* harmony export */ });
/* unused harmony exports createParser, parseWith */
/* harmony import */ var _engine_line_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94299);
/* harmony import */ var _raw_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47785);
/**
 * PostgreSQL parsing through libpg-query (the real PostgreSQL parser compiled to WASM).
 * Each file is parsed once; statements carry byte ranges converted to 1-based positions,
 * and the comments right before each statement (where `-- preflight:` directives live).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */


let loading;
let loaded;
/** The parser once loadPostgresParser has resolved, for synchronous callers (static rules run after parsing); undefined before. */
function loadedPostgresParser() {
    return loaded;
}
/**
 * Loads libpg-query lazily. The dynamic import lets the ncc bundle set `__dirname` first
 * (see src/action/index.ts) and keeps the WASM off paths that do not parse. Calling it early
 * (the CLI does, for lint) overlaps loading the WASM with loading the rules.
 */
function loadPostgresParser() {
    loading ??= (async () => {
        loaded = createWasmParser(await (0,_raw_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .loadPgQueryWasm */ ._k)());
        return loaded;
    })();
    return loading;
}
/**
 * Parses made ahead on another thread (a parse worker: the PL/pgSQL of DO blocks and the SQL in
 * them), which this thread's parser returns instead of parsing again.
 */
const offered = { sql: new Map(), plpgsql: new Map() };
/** Replaces the parses on offer (those of the files about to be analysed; older ones go, so that unused ones do not pile up). */
function offerParses(results) {
    offered.sql.clear();
    offered.plpgsql.clear();
    for (const r of results) {
        for (const [sql, json] of r.sql)
            offered.sql.set(sql, json);
        for (const [sql, json] of r.plpgsql)
            offered.plpgsql.set(sql, json);
    }
}
/** The offered parse of `sql` (kept until the next offer: files repeat the same statements in their DO blocks). */
function takeOffered(kind, sql) {
    return offered[kind].get(sql);
}
/**
 * A PostgresParser over libpg-query's WASM module, giving what parseSync and parsePlPgSQLSync
 * give: their JSON text, parsed with JSON.parse. The file's UTF-8 bytes, which the LineIndex
 * holds anyway, are what the parser reads. `record` sees the JSON text of every successful parse
 * (a parse worker passes what it parsed on to the main thread).
 */
function createWasmParser(wasm, record) {
    const parseSync = (sql, bytes) => {
        const json = takeOffered('sql', sql) ?? (0,_raw_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseToJson */ .fw)(wasm, bytes);
        if (typeof json !== 'string')
            throw new ParserError(json.message, json.cursor);
        record?.('sql', sql, json);
        return JSON.parse(json);
    };
    return {
        parse: (sql) => parseWith(parseSync, sql),
        parsePlpgsql: (sql) => {
            const json = takeOffered('plpgsql', sql) ?? (0,_raw_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePlpgsqlToJson */ .AV)(wasm, Buffer.from(sql, 'utf8'));
            record?.('plpgsql', sql, json);
            return JSON.parse(json);
        },
    };
}
/** A syntax error, shaped as libpg-query's SqlError (message and 0-based character cursor in sqlDetails). */
class ParserError extends Error {
    sqlDetails;
    constructor(message, cursorPosition) {
        super(message);
        this.sqlDetails = { message, cursorPosition };
    }
}
/** Wraps a `parseSync` function (of any libpg-query major) into a PostgresParser. */
function createParser(parseSync) {
    return { parse: (sql) => parseWith(parseSync, sql) };
}
/** Parses SQL text into statements with positions; a syntax error becomes a SyntaxProblem. */
function parseWith(parseSync, sql) {
    const lines = new _engine_line_index_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .r(sql);
    let result;
    try {
        result = parseSync(sql, lines.bytes);
    }
    catch (error) {
        const details = error.sqlDetails;
        const message = details?.message ?? (error instanceof Error ? error.message : String(error));
        return { statements: [], syntaxError: syntaxProblemAt(lines, message, details?.cursorPosition ?? 0), trailingComments: [], lines, parserVersion: 0 };
    }
    const stmts = result.stmts ?? [];
    const { places, trailingComments } = placeStatements(lines, stmts.map((raw) => ({ location: raw.stmt_location ?? 0, length: raw.stmt_len ?? 0 })));
    const statements = stmts.map((raw, index) => {
        const kind = Object.keys(raw.stmt)[0] ?? 'Unknown';
        return new ParsedStatement(index, kind, raw.stmt[kind] ?? {}, places[index], lines);
    });
    return { statements, trailingComments, lines, parserVersion: result.version };
}
/**
 * A parsed statement whose text is cut from the file when first read. Most statements' text is
 * never read (a rule reads the node), and on a file with non-ASCII text every copy was a new
 * string: about a tenth of the heap of a 4,000-file lint, for nothing (issue 4).
 */
class ParsedStatement {
    index;
    kind;
    node;
    startByte;
    endByte;
    line;
    col;
    endLine;
    endCol;
    comments;
    #lines;
    #text;
    constructor(index, kind, node, place, lines) {
        this.index = index;
        this.kind = kind;
        this.node = node;
        this.startByte = place.startByte;
        this.endByte = place.endByte;
        this.line = place.line;
        this.col = place.col;
        this.endLine = place.endLine;
        this.endCol = place.endCol;
        this.comments = place.comments;
        this.#lines = lines;
        this.#text = undefined;
    }
    /** The statement's SQL, without leading comments and the trailing semicolon. */
    get text() {
        this.#text ??= this.#lines.slice(this.startByte, this.endByte);
        return this.#text;
    }
}
/** The syntax problem at a 0-based character offset (PostgreSQL error cursors count characters, not bytes). */
function syntaxProblemAt(lines, message, cursor) {
    const pos = lines.positionOfChar(cursor);
    return { message, line: pos.line, col: pos.col };
}
/**
 * Places statements from the parser's byte ranges (stmt_location, stmt_len): leading whitespace and
 * comments are skipped (the comments are kept), trailing semicolons trimmed. Shared with the parse workers.
 */
function placeStatements(lines, ranges) {
    const bytes = lines.bytes;
    const places = [];
    let cursor = 0;
    for (const { location, length } of ranges) {
        const rawEnd = length > 0 ? location + length : bytes.length;
        const { start, comments } = skipTrivia(bytes, Math.min(cursor, location), rawEnd, lines);
        const end = trimEnd(bytes, start, rawEnd);
        const startPos = lines.position(start);
        const endPos = lines.position(end);
        places.push({ startByte: start, endByte: end, line: startPos.line, col: startPos.col, endLine: endPos.line, endCol: endPos.col, comments });
        cursor = rawEnd;
    }
    return { places, trailingComments: skipTrivia(bytes, cursor, bytes.length, lines).comments };
}
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b, 0x3b /* ; between statements */]);
/** Skips whitespace, semicolons and comments from `from`; returns where SQL starts and the comments seen. */
function skipTrivia(bytes, from, limit, lines) {
    const comments = [];
    let i = from;
    while (i < limit) {
        const b = bytes[i];
        if (SPACE.has(b)) {
            i++;
        }
        else if (b === 0x2d && bytes[i + 1] === 0x2d) {
            const nl = bytes.indexOf(0x0a, i);
            const end = nl === -1 || nl > limit ? limit : nl;
            comments.push({ text: lines.slice(i, end), ...lines.position(i) });
            i = end;
        }
        else if (b === 0x2f && bytes[i + 1] === 0x2a) {
            // Block comments nest in PostgreSQL.
            let depth = 1;
            let j = i + 2;
            while (j < limit && depth > 0) {
                if (bytes[j] === 0x2f && bytes[j + 1] === 0x2a) {
                    depth++;
                    j += 2;
                }
                else if (bytes[j] === 0x2a && bytes[j + 1] === 0x2f) {
                    depth--;
                    j += 2;
                }
                else
                    j++;
            }
            comments.push({ text: lines.slice(i, j), ...lines.position(i) });
            i = j;
        }
        else
            break;
    }
    return { start: i, comments };
}
/** Moves the end back over whitespace and semicolons. */
function trimEnd(bytes, start, end) {
    let e = end;
    while (e > start && SPACE.has(bytes[e - 1]))
        e--;
    return e;
}


/***/ }),

/***/ 47785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _k: () => (/* binding */ loadPgQueryWasm),
  AV: () => (/* binding */ parsePlpgsqlToJson),
  fw: () => (/* binding */ parseToJson),
  AZ: () => (/* binding */ rawParserOver)
});

// UNUSED EXPORTS: cutTree

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./src/dialects/postgres/wasm-compiler.ts
/**
 * How V8 compiles libpg-query's WASM. Its baseline compiler (Liftoff) alone parses as fast as with
 * the optimizing tier on our corpora, and skips the optimizing compiles that otherwise run in the
 * background and hold up the process's exit by about 0.1 s (bench/README.md). V8 flags are
 * process-wide and read when a module is compiled, so this runs before libpg-query is loaded.
 */

/** Makes V8 compile WASM modules loaded from now on with Liftoff only. */
function useBaselineWasmCompiler() {
    (0,external_node_v8_.setFlagsFromString)('--liftoff-only');
}

;// CONCATENATED MODULE: ./src/dialects/postgres/raw-parse.ts
/**
 * libpg-query's parser, called at its C entry points (`wasm_parse_query_raw`, `wasm_parse_plpgsql`)
 * as its own parseSync and parsePlPgSQLSync do (wasm/index.cjs), with the SQL's UTF-8 bytes
 * copied in natively. The main thread (parser.ts) reads the JSON text and parses it as parseSync
 * does, without loading libpg-query's index module and the @pgsql/types enums it re-exports
 * (lint start-up, issue 4). The parse workers read only each statement's location and length
 * from the JSON bytes and hand the bytes to the main thread, which parses them once (parse-pool.ts).
 * Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer, error } and
 * PgQueryError { message, funcname, filename, lineno, cursorpos }; tests check the results
 * against parseSync and parsePlPgSQLSync.
 */

/** Instantiates libpg-query's WASM module (one instance per call: one on the main thread, one per worker). */
async function loadPgQueryWasm() {
    useBaselineWasmCompiler();
    const factory = (await __webpack_require__.e(/* import() */ 995).then(__webpack_require__.t.bind(__webpack_require__, 53995, 23))).default;
    const wasm = (await factory());
    if (typeof wasm._wasm_parse_query_raw !== 'function' || typeof wasm._wasm_parse_plpgsql !== 'function' || !(wasm.HEAPU8 instanceof Uint8Array)) {
        throw new Error('This libpg-query build does not expose wasm_parse_query_raw, wasm_parse_plpgsql and HEAPU8.');
    }
    return wasm;
}
/** A parser for the workers over a WASM instance: the tree stays JSON bytes, cut into statements. */
function rawParserOver(wasm) {
    return { parse: (sql) => parseRaw(wasm, sql, (heap, treePtr) => cutTree(heap, treePtr)) };
}
/** libpg-query's JSON text of the parse tree of UTF-8 SQL, as parseSync reads it before its JSON.parse; a syntax error is returned. */
function parseToJson(wasm, sql) {
    return parseRaw(wasm, sql, (heap, treePtr) => utf8Text(heap, treePtr));
}
/**
 * The JSON text of a PL/pgSQL function or DO body, as libpg-query's parsePlPgSQLSync reads it
 * before its JSON.parse; throws the parser's message, as parsePlPgSQLSync does.
 */
function parsePlpgsqlToJson(wasm, sql) {
    const queryPtr = copyIn(wasm, sql);
    let resultPtr = 0;
    try {
        resultPtr = wasm._wasm_parse_plpgsql(queryPtr);
        const text = utf8Text(wasm.HEAPU8, resultPtr);
        // Success is always a JSON object; anything else is an error message.
        if (!text.startsWith('{'))
            throw new Error(text);
        return text;
    }
    finally {
        wasm._free(queryPtr);
        if (resultPtr)
            wasm._wasm_free_string(resultPtr);
    }
}
/** Copies the SQL into WASM memory, NUL-terminated; the caller frees the pointer. */
function copyIn(wasm, sql) {
    const queryPtr = wasm._malloc(sql.length + 1);
    wasm.HEAPU8.set(sql, queryPtr);
    wasm.HEAPU8[queryPtr + sql.length] = 0;
    return queryPtr;
}
/** The NUL-terminated UTF-8 string at `ptr`, decoded natively ("" for a null pointer, as UTF8ToString). */
function utf8Text(heap, ptr) {
    if (!ptr)
        return '';
    const end = heap.indexOf(0, ptr);
    return Buffer.from(heap.buffer, heap.byteOffset + ptr, (end === -1 ? heap.length : end) - ptr).toString('utf8');
}
/** Copies the SQL into WASM memory, parses it and reads the tree with `read`. */
function parseRaw(wasm, sql, read) {
    // libpg-query's parseSync refuses empty input before parsing; keep its message.
    if (sql.length === 0)
        return { message: 'Query cannot be empty', cursor: 0 };
    const queryPtr = copyIn(wasm, sql);
    let resultPtr = 0;
    try {
        resultPtr = wasm._wasm_parse_query_raw(queryPtr);
        if (!resultPtr)
            throw new Error('libpg-query could not allocate its parse result.');
        const errorPtr = wasm.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            const messagePtr = wasm.getValue(errorPtr, 'i32');
            const cursorpos = wasm.getValue(errorPtr + 16, 'i32');
            return { message: messagePtr ? wasm.UTF8ToString(messagePtr) : 'Unknown error', cursor: cursorpos > 0 ? cursorpos - 1 : 0 };
        }
        const treePtr = wasm.getValue(resultPtr, 'i32');
        if (!treePtr)
            throw new Error('No parse tree generated');
        // Read HEAPU8 again: parsing may have grown the memory, which replaces the view.
        return read(wasm.HEAPU8, treePtr);
    }
    finally {
        wasm._free(queryPtr);
        if (resultPtr)
            wasm._wasm_free_parse_result(resultPtr);
    }
}
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Byte classes for skipping values: one table lookup per byte instead of several comparisons. */
const PLAIN = 0;
const STRING = 1;
const OPEN = 2;
const CLOSE = 3;
const END = 4;
const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[QUOTE] = STRING;
BYTE_CLASS[OPEN_BRACE] = OPEN;
BYTE_CLASS[OPEN_BRACKET] = OPEN;
BYTE_CLASS[CLOSE_BRACE] = CLOSE;
BYTE_CLASS[CLOSE_BRACKET] = CLOSE;
BYTE_CLASS[0] = END;
/** The keys the reader acts on; any other key reads as "". */
const KNOWN_KEYS = ['version', 'stmts', 'stmt', 'stmt_location', 'stmt_len'].map((name) => ({ name, bytes: new TextEncoder().encode(name) }));
/**
 * Reads `{"version":N,"stmts":[{"stmt":{...},"stmt_location":N,"stmt_len":N},...]}` at `start`
 * without building objects: the statement wrappers are read, each node is skipped over. Keys may
 * come in any order; unknown keys are skipped. The JSON is copied out of WASM memory.
 */
function cutTree(heap, start) {
    const reader = new JsonReader(heap, start);
    let version = 0;
    const ranges = [];
    const nodeRanges = [];
    if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
        do {
            const key = reader.key();
            if (key === 'version')
                version = reader.readInt();
            else if (key === 'stmts')
                readStatementRanges(reader, ranges, nodeRanges, start);
            else
                reader.skipValue();
        } while (reader.hasMore(CLOSE_BRACE));
    }
    return { version, ranges: Int32Array.from(ranges), nodeRanges: Int32Array.from(nodeRanges), json: heap.slice(start, reader.at) };
}
/** Reads the `stmts` array: each element's stmt_location and stmt_len (0 when absent), and where its `stmt` value lies (from `origin`). */
function readStatementRanges(reader, ranges, nodeRanges, origin) {
    if (!reader.enter(OPEN_BRACKET, CLOSE_BRACKET))
        return;
    do {
        let location = 0;
        let length = 0;
        let nodeStart = 0;
        let nodeEnd = 0;
        if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
            do {
                const key = reader.key();
                if (key === 'stmt_location')
                    location = reader.readInt();
                else if (key === 'stmt_len')
                    length = reader.readInt();
                else if (key === 'stmt') {
                    nodeStart = reader.valueStart() - origin;
                    reader.skipValue();
                    nodeEnd = reader.at - origin;
                }
                else
                    reader.skipValue();
            } while (reader.hasMore(CLOSE_BRACE));
        }
        ranges.push(location, length);
        nodeRanges.push(nodeStart, nodeEnd);
    } while (reader.hasMore(CLOSE_BRACKET));
}
/** A forward-only reader over JSON bytes that can skip whole values. */
class JsonReader {
    #bytes;
    #at;
    constructor(bytes, at) {
        this.#bytes = bytes;
        this.#at = at;
    }
    /** The offset just after what was read. */
    get at() {
        return this.#at;
    }
    /** The offset where the next value starts (whitespace skipped). */
    valueStart() {
        return this.#skipSpace();
    }
    /** Consumes the opening byte of an object or array; false (and the closing byte consumed) when it is empty. */
    enter(open, close) {
        this.#expect(open);
        if (this.#bytes[this.#skipSpace()] !== close)
            return true;
        this.#at++;
        return false;
    }
    /** Consumes a comma (more follows: true) or the closing byte of the object or array being read (false). */
    hasMore(close) {
        const byte = this.#bytes[this.#skipSpace()];
        this.#at++;
        if (byte === COMMA)
            return true;
        if (byte !== close)
            this.#fail(`"," or "${String.fromCharCode(close)}"`);
        return false;
    }
    /** Reads a key and its colon; returns it when it is one of KNOWN_KEYS, else "". */
    key() {
        this.#expect(QUOTE);
        const b = this.#bytes;
        const start = this.#at;
        let i = start;
        while (b[i] !== QUOTE) {
            // libpg_query's keys are plain names: no escapes.
            if (b[i] === BACKSLASH || b[i] === 0 || i >= b.length)
                this.#fail('a plain key');
            i++;
        }
        this.#at = i + 1;
        this.#expect(COLON);
        return knownKey(b, start, i);
    }
    /** Reads an integer. */
    readInt() {
        const b = this.#bytes;
        let i = this.#skipSpace();
        const isNegative = b[i] === 0x2d;
        if (isNegative)
            i++;
        let n = 0;
        const first = i;
        while (b[i] >= 0x30 && b[i] <= 0x39)
            n = n * 10 + (b[i++] - 0x30);
        if (i === first)
            this.#fail('a number');
        this.#at = i;
        return isNegative ? -n : n;
    }
    /** Skips one value of any kind: objects and arrays by depth, strings with their escapes. */
    skipValue() {
        const b = this.#bytes;
        let i = this.#skipSpace();
        const kind = BYTE_CLASS[b[i]];
        if (kind === OPEN) {
            let depth = 0;
            for (;;) {
                const c = BYTE_CLASS[b[i++]];
                if (c === PLAIN)
                    continue;
                if (c === STRING)
                    i = this.#skipString(i);
                else if (c === OPEN)
                    depth++;
                else if (c === CLOSE) {
                    if (--depth === 0)
                        break;
                }
                else
                    this.#fail('the end of a value');
            }
        }
        else if (kind === STRING) {
            i = this.#skipString(i + 1);
        }
        else {
            while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_BRACE && b[i] !== CLOSE_BRACKET && b[i] !== 0)
                i++;
        }
        this.#at = i;
    }
    /** Returns the offset after the closing quote of a string whose body starts at `i`. */
    #skipString(i) {
        const b = this.#bytes;
        for (;;) {
            const x = b[i++];
            if (x === QUOTE)
                return i;
            if (x === BACKSLASH)
                i++;
            else if (x === 0 || x === undefined)
                this.#fail('the end of a string');
        }
    }
    /** Skips whitespace; returns the offset of the next byte. */
    #skipSpace() {
        const b = this.#bytes;
        let i = this.#at;
        while (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)
            i++;
        this.#at = i;
        return i;
    }
    /** Consumes the next non-space byte, which must be `byte`. */
    #expect(byte) {
        if (this.#bytes[this.#skipSpace()] !== byte)
            this.#fail(`"${String.fromCharCode(byte)}"`);
        this.#at++;
    }
    /** Stops reading: the tree is not shaped as expected. */
    #fail(expected) {
        throw new Error(`Unexpected libpg-query JSON: expected ${expected} at byte ${this.#at}.`);
    }
}
/** The KNOWN_KEYS name spelled by bytes [start, end), or "". */
function knownKey(b, start, end) {
    for (const { name, bytes } of KNOWN_KEYS) {
        if (bytes.length !== end - start)
            continue;
        let i = 0;
        while (i < bytes.length && bytes[i] === b[start + i])
            i++;
        if (i === bytes.length)
            return name;
    }
    return '';
}


/***/ }),

/***/ 46067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mk: () => (/* binding */ RELATION_OBJECTS),
/* harmony export */   Np: () => (/* binding */ collectNames),
/* harmony export */   Ow: () => (/* binding */ ON_TABLE_OBJECTS),
/* harmony export */   iO: () => (/* binding */ objectParts),
/* harmony export */   iw: () => (/* binding */ stringsOf),
/* harmony export */   pF: () => (/* binding */ searchPathArgs)
/* harmony export */ });
/** DROP object types that name a relation. */
const RELATION_OBJECTS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE']);
/** DROP object types named [table, object]: triggers, policies, rules. */
const ON_TABLE_OBJECTS = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);
/** The String values of a list of String nodes. */
function stringsOf(items) {
    return (items ?? []).map((item) => item?.String?.sval).filter((s) => typeof s === 'string');
}
/** The name parts of one DROP/COMMENT object: a List of Strings, a bare String or a TypeName. */
function objectParts(object) {
    if (object?.List)
        return stringsOf(object.List.items);
    if (object?.String)
        return [object.String.sval];
    if (object?.TypeName)
        return stringsOf(object.TypeName.names);
    return [];
}
/** Collects every name the statements mention. */
function collectNames(statements) {
    const names = { relations: new Set(), schemas: new Set(), types: new Map(), extensions: new Set() };
    for (const stmt of statements) {
        walk(stmt.node, names);
        collectStatementNames(stmt, names);
    }
    return names;
}
/** Adds a type reference by its parts. */
function addType(names, parts) {
    if (parts.length === 0)
        return;
    names.types.set(parts.join('.'), parts);
    if (parts.length > 1)
        names.schemas.add(parts[parts.length - 2]);
}
/** Adds a relation by its qualified parts. */
function addRelation(names, parts) {
    const name = parts.at(-1);
    if (!name)
        return;
    names.relations.add(name);
    if (parts.length > 1)
        names.schemas.add(parts[parts.length - 2]);
}
/** Walks a node tree collecting RangeVars and TypeNames wherever they appear. */
function walk(node, names) {
    if (Array.isArray(node)) {
        for (const item of node)
            walk(item, names);
        return;
    }
    if (node === null || typeof node !== 'object')
        return;
    const obj = node;
    if (typeof obj.relname === 'string') {
        addRelation(names, obj.schemaname ? [obj.schemaname, obj.relname] : [obj.relname]);
    }
    if (Array.isArray(obj.names) && 'typemod' in obj)
        addType(names, stringsOf(obj.names));
    for (const value of Object.values(obj))
        walk(value, names);
}
/** Names that are not RangeVars or TypeNames: object lists, new names, constraint and index names. */
function collectStatementNames(stmt, names) {
    const n = stmt.node;
    switch (stmt.kind) {
        case 'DropStmt':
            for (const object of n.objects ?? []) {
                const parts = objectParts(object);
                if (n.removeType === 'OBJECT_SCHEMA')
                    parts.forEach((s) => names.schemas.add(s));
                else if (n.removeType === 'OBJECT_EXTENSION')
                    parts.forEach((e) => names.extensions.add(e));
                else if (n.removeType === 'OBJECT_TYPE' || n.removeType === 'OBJECT_DOMAIN')
                    addType(names, parts);
                else if (RELATION_OBJECTS.has(n.removeType))
                    addRelation(names, parts);
                else if (ON_TABLE_OBJECTS.has(n.removeType))
                    addRelation(names, parts.slice(0, -1));
            }
            break;
        case 'RenameStmt':
            if (n.renameType === 'OBJECT_SCHEMA') {
                names.schemas.add(n.subname);
                names.schemas.add(n.newname);
            }
            else if (n.renameType === 'OBJECT_TYPE' || n.renameType === 'OBJECT_DOMAIN') {
                const parts = objectParts(n.object);
                addType(names, parts);
                addType(names, [...parts.slice(0, -1), n.newname]);
            }
            else if (n.relation && ['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(n.renameType)) {
                addRelation(names, [n.newname]);
                addType(names, [n.newname]);
            }
            else if (n.renameType === 'OBJECT_TABCONSTRAINT') {
                // A renamed primary key or unique constraint renames its index too.
                addRelation(names, [n.newname]);
            }
            break;
        case 'CommentStmt': {
            const parts = objectParts(n.object);
            if (n.objtype === 'OBJECT_COLUMN')
                addRelation(names, parts.slice(0, -1));
            else if (['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_SEQUENCE', 'OBJECT_MATVIEW'].includes(n.objtype))
                addRelation(names, parts);
            else if (n.objtype === 'OBJECT_TYPE')
                addType(names, parts);
            else if (n.objtype === 'OBJECT_SCHEMA')
                parts.forEach((s) => names.schemas.add(s));
            else if (n.objtype === 'OBJECT_EXTENSION')
                parts.forEach((e) => names.extensions.add(e));
            break;
        }
        case 'CreateSchemaStmt':
            if (n.schemaname)
                names.schemas.add(n.schemaname);
            break;
        case 'CreateExtensionStmt':
        case 'AlterExtensionStmt':
            names.extensions.add(n.extname);
            break;
        case 'CreateEnumStmt':
        case 'AlterEnumStmt':
            addType(names, stringsOf(n.typeName));
            break;
        case 'CreateDomainStmt':
            addType(names, stringsOf(n.domainname));
            break;
        case 'IndexStmt':
            if (n.idxname)
                addRelation(names, [n.idxname]);
            break;
        case 'VariableSetStmt':
            if (n.name === 'search_path')
                for (const s of searchPathArgs(n))
                    names.schemas.add(s);
            break;
        default:
            break;
    }
    // Constraint names become index names (PRIMARY KEY, UNIQUE); USING INDEX names an index.
    for (const constraint of constraintsOf(stmt)) {
        if (constraint.conname)
            addRelation(names, [constraint.conname]);
        if (constraint.indexname)
            addRelation(names, [constraint.indexname]);
    }
    // New relations also claim a row type of the same name.
    for (const parts of createdRelationNames(stmt))
        addType(names, parts);
}
/** The schema names of a `SET search_path` statement. */
function searchPathArgs(node) {
    return (node.args ?? [])
        .map((a) => a?.A_Const?.sval?.sval ?? a?.String?.sval)
        .filter((s) => typeof s === 'string')
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s !== '$user')
        .map((s) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase()));
}
/** Constraint nodes of CREATE TABLE and ALTER TABLE ADD CONSTRAINT / ADD COLUMN. */
function constraintsOf(stmt) {
    const out = [];
    if (stmt.kind === 'CreateStmt') {
        for (const elt of stmt.node.tableElts ?? []) {
            if (elt.Constraint)
                out.push(elt.Constraint);
            for (const c of elt.ColumnDef?.constraints ?? [])
                if (c.Constraint)
                    out.push(c.Constraint);
        }
    }
    else if (stmt.kind === 'AlterTableStmt') {
        for (const c of stmt.node.cmds ?? []) {
            const def = c.AlterTableCmd?.def;
            if (def?.Constraint)
                out.push(def.Constraint);
            for (const cc of def?.ColumnDef?.constraints ?? [])
                if (cc.Constraint)
                    out.push(cc.Constraint);
        }
    }
    return out;
}
/** Qualified name parts of relations a statement creates. */
function createdRelationNames(stmt) {
    const n = stmt.node;
    const parts = (rv) => (rv?.relname ? (rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname]) : []);
    switch (stmt.kind) {
        case 'CreateStmt':
            return [parts(n.relation)];
        case 'CreateTableAsStmt':
            return [parts(n.into?.rel)];
        case 'ViewStmt':
            return [parts(n.view)];
        case 'CreateSeqStmt':
            return [parts(n.sequence)];
        case 'CompositeTypeStmt':
            return [parts(n.typevar)];
        default:
            return [];
    }
}


/***/ }),

/***/ 27407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ skipLineComment),
/* harmony export */   Du: () => (/* binding */ isEscapeString),
/* harmony export */   bY: () => (/* binding */ dollarQuoteTag),
/* harmony export */   cv: () => (/* binding */ skipBlockComment),
/* harmony export */   eQ: () => (/* binding */ skipDollarQuoted),
/* harmony export */   er: () => (/* binding */ skipQuoted)
/* harmony export */ });
/**
 * The pieces of PostgreSQL's lexical structure that scanners of SQL text share: comments (block
 * comments nest), quoted literals and identifiers (a doubled quote stays inside; E'' strings also
 * take backslash escapes) and dollar-quoted strings. Each returns the index just after the token
 * that starts at `i`, or the end of the text when it never closes.
 * https://www.postgresql.org/docs/current/sql-syntax-lexical.html
 */
/** Index after a `--` comment (at its newline, which it leaves). */
function skipLineComment(text, i) {
    const nl = text.indexOf('\n', i);
    return nl === -1 ? text.length : nl;
}
/** Index after a block comment starting at `i`; they nest in PostgreSQL. */
function skipBlockComment(text, i) {
    let depth = 0;
    let j = i;
    while (j < text.length) {
        if (text[j] === '/' && text[j + 1] === '*') {
            depth++;
            j += 2;
        }
        else if (text[j] === '*' && text[j + 1] === '/') {
            depth--;
            j += 2;
            if (depth === 0)
                return j;
        }
        else
            j++;
    }
    return text.length;
}
/** Index after the quoted literal or identifier whose quote (`'` or `"`) is at `i`. */
function skipQuoted(text, i, hasBackslashEscapes = false) {
    const quote = text[i];
    let j = i + 1;
    while (j < text.length) {
        const c = text[j];
        if (hasBackslashEscapes && c === '\\') {
            j += 2;
        }
        else if (c === quote) {
            if (text[j + 1] === quote)
                j += 2;
            else
                return j + 1;
        }
        else
            j++;
    }
    return text.length;
}
/** Whether the `'` at `i` opens an E'' string (backslash escapes): an E right before it that is not the end of a name. */
function isEscapeString(text, i) {
    return /[eE]/.test(text[i - 1] ?? '') && !/[A-Za-z0-9_$\u0080-\uffff]/.test(text[i - 2] ?? '');
}
/** The `$tag$` opening a dollar-quoted string at `i`, or undefined when `$` starts a parameter ($1) or nothing. */
function dollarQuoteTag(text, i) {
    const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 66));
    return match ? match[0] : undefined;
}
/** Index after the dollar-quoted string opened by `tag` at `i`. */
function skipDollarQuoted(text, i, tag) {
    const close = text.indexOf(tag, i + tag.length);
    return close === -1 ? text.length : close + tag.length;
}


/***/ }),

/***/ 61259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bu: () => (/* binding */ outcome),
/* harmony export */   j6: () => (/* binding */ OLDEST_SUPPORTED_POSTGRES),
/* harmony export */   oJ: () => (/* binding */ defineLiveCheck),
/* harmony export */   oY: () => (/* binding */ defineStaticRule)
/* harmony export */ });
/** The oldest PostgreSQL major the rules reason about when nothing else is known. */
const OLDEST_SUPPORTED_POSTGRES = 13;
/** Declares a static rule. */
function defineStaticRule(rule) {
    return { kind: 'static', category: 'static-analysis', dialects: ['postgres'], ...rule };
}
/** Declares a live check. */
function defineLiveCheck(check) {
    return { kind: 'live', dialects: ['postgres'], ...check };
}
/** Helpers so checks read as pass(...)/fail(...). */
const outcome = {
    pass: (summary, evidence) => ({ status: 'pass', summary, evidence }),
    warn: (summary, mitigation, evidence) => ({ status: 'warn', summary, mitigation, evidence }),
    fail: (summary, mitigation, evidence) => ({ status: 'fail', summary, mitigation, evidence }),
    skip: (reason, evidence) => ({ status: 'skip', summary: reason, evidence }),
};


/***/ }),

/***/ 17679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   wG: () => (/* binding */ PreflightError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/**
 * Typed errors with an exit code and a stable code, shaped like commander's CommanderError.
 * Adapters catch them at one boundary and print message and fix; stacks go to the log only.
 */
const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 };
/** Base class: every error the tool raises on purpose. */
class PreflightError extends Error {
    exitCode;
    code;
    /** What the user can do about it. */
    fix;
    constructor(exitCode, code, message, fix) {
        super(message);
        this.name = new.target.name;
        this.exitCode = exitCode;
        this.code = code;
        this.fix = fix;
    }
}
/** The configuration file is missing, unreadable or invalid. Exit 2. */
class ConfigError extends PreflightError {
    constructor(message, fix) {
        super(EXIT.usage, 'config', message, fix);
    }
}
/** The command line is invalid. Exit 2. */
class UsageError extends PreflightError {
    constructor(message, fix) {
        super(EXIT.usage, 'usage', message, fix);
    }
}
/** A bug or an environment fault the tool cannot explain. Exit 3. */
class InternalError extends PreflightError {
    constructor(message, fix) {
        super(EXIT.internal, 'internal', message, fix);
    }
}
/** Turns anything thrown into a one-line message without a stack. */
function describeError(error) {
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}


/***/ }),

/***/ 94299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ LineIndex)
/* harmony export */ });
/**
 * Converts byte offsets (what the PostgreSQL parser reports) into 1-based line and column,
 * once per file, correctly for multi-byte text (squawk's LineIndex).
 */
class LineIndex {
    #text;
    #bytes;
    #isAscii;
    /** Byte offset at which each line starts. */
    #lineStarts;
    /** Indexes `text`; `parts` (its UTF-8 bytes and line starts, from a parse worker) spare the main thread the work. */
    constructor(text, parts) {
        this.#text = text;
        this.#bytes = parts?.bytes ?? Buffer.from(text, 'utf8');
        this.#isAscii = this.#bytes.length === text.length;
        this.#lineStarts = parts?.lineStarts ?? findLineStarts(this.#bytes);
    }
    /** Byte offset at which each line starts (for handing the index to another thread). */
    get lineStarts() {
        return this.#lineStarts;
    }
    /** The file as UTF-8 bytes. */
    get bytes() {
        return this.#bytes;
    }
    /** Total length in bytes. */
    get byteLength() {
        return this.#bytes.length;
    }
    /** Position of a 0-based byte offset; the column counts characters, not bytes. */
    position(byteOffset) {
        const offset = Math.max(0, Math.min(byteOffset, this.#bytes.length));
        let lo = 0;
        let hi = this.#lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.#lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        const lineStart = this.#lineStarts[lo];
        const col = this.#isAscii ? offset - lineStart : countChars(this.#bytes.subarray(lineStart, offset));
        return { line: lo + 1, col: col + 1 };
    }
    /** Position of a 0-based character offset (PostgreSQL error cursors count characters, not bytes). */
    positionOfChar(charOffset) {
        if (this.#isAscii)
            return this.position(charOffset);
        let bytes = 0;
        let chars = 0;
        for (const ch of this.#text) {
            if (chars >= charOffset)
                break;
            bytes += Buffer.byteLength(ch);
            chars++;
        }
        return this.position(bytes);
    }
    /** The text of a 1-based line, without its line break; "" past the end. */
    lineText(line) {
        const start = this.#lineStarts[line - 1];
        if (start === undefined)
            return '';
        const end = this.#lineStarts[line] ?? this.#bytes.length;
        return this.slice(start, end).replace(/\r?\n$/, '');
    }
    /** The text between two byte offsets. */
    slice(startByte, endByte) {
        if (this.#isAscii)
            return this.#text.slice(startByte, endByte);
        return this.#bytes.subarray(startByte, endByte).toString('utf8');
    }
}
/** Byte offsets of line starts: 0 and each byte after a newline (indexOf is native, unlike a byte loop). */
function findLineStarts(bytes) {
    const starts = [0];
    for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, nl + 1))
        starts.push(nl + 1);
    return starts;
}
/** Counts Unicode code points in a UTF-8 byte range (continuation bytes do not start a character). */
function countChars(bytes) {
    let n = 0;
    for (const b of bytes)
        if ((b & 0xc0) !== 0x80)
            n++;
    return n;
}


/***/ }),

/***/ 81123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Mo: () => (/* binding */ STATUS_RANK),
/* harmony export */   N7: () => (/* binding */ runbookLink),
/* harmony export */   bx: () => (/* binding */ LOCK_MODES),
/* harmony export */   q3: () => (/* binding */ compareIds)
/* harmony export */ });
/* unused harmony exports STATUSES, SEVERITIES, CATEGORIES */
/**
 * The check model shared by every rule, live check, report and frontend.
 * Fixed sets are `as const` tuples so their types derive from the values.
 */
const STATUSES = (/* unused pure expression or super */ null && (['pass', 'warn', 'fail', 'skip', 'error']));
const SEVERITIES = (/* unused pure expression or super */ null && (['error', 'warning', 'info']));
const CATEGORIES = (/* unused pure expression or super */ null && ([
    'connectivity',
    'versions',
    'locks',
    'capacity',
    'schema',
    'migration-state',
    'static-analysis',
    'window',
    'privileges',
    'config',
]));
/** PostgreSQL table-level lock modes, weakest first (https://www.postgresql.org/docs/current/explicit-locking.html). */
const LOCK_MODES = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];
/** Repository-relative link to the runbook page of a check or rule id. */
function runbookLink(id) {
    return `runbook/${id}.md`;
}
/** Orders statuses from worst to best, for sorting and verdicts. */
const STATUS_RANK = { error: 0, fail: 1, warn: 2, skip: 3, pass: 4 };
/** Deterministic finding order: file, line, col, id (squawk sorts by range start). */
function compareFindings(a, b) {
    return compareText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || compareText(a.id, b.id);
}
/** localeCompare, without calling it for the same string (most findings of a rule share a file): 0 either way, and cheaper. */
function compareText(a, b) {
    return a === b ? 0 : a.localeCompare(b);
}
/**
 * Order of rule and check ids. Ids are kebab-case ASCII (lowercase letters, digits, "-"), for
 * which code-unit order is the order localeCompare gives; comparing code units spares a run
 * that sorts nothing else ICU's collator, which takes milliseconds to load.
 */
function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 34867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ resolveOverride)
/* harmony export */ });
/** Applies a config override to a rule's default severity. */
function resolveOverride(override, defaultSeverity) {
    if (override === undefined)
        return { isOff: false, severity: defaultSeverity, options: {} };
    const level = typeof override === 'string' ? override : override.severity;
    const options = typeof override === 'string' ? {} : (override.options ?? {});
    if (level === 'off')
        return { isOff: true, severity: defaultSeverity, options };
    return { isOff: false, severity: level ?? defaultSeverity, options };
}


/***/ }),

/***/ 55229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Co: () => (/* binding */ touchedTables),
/* harmony export */   N9: () => (/* binding */ statementLockSummaries),
/* harmony export */   TA: () => (/* binding */ normaliseTable)
/* harmony export */ });
/* harmony import */ var _dialects_postgres_locks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88811);
/**
 * Derives what the pending migrations touch: every table with the strongest lock needed, and
 * the lock each statement takes (carried into the JSON report).
 */


/** Tables touched by pending statements, in first-touched order. */
function touchedTables(files, pgMajor) {
    const byTable = new Map();
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            for (const { table, lock } of (0,_dialects_postgres_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .statementLocks */ .MI)(stmt, pgMajor)) {
                const key = normaliseTable(table);
                const entry = byTable.get(key);
                if (entry) {
                    entry.lock = (0,_dialects_postgres_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .strongerLock */ .wS)(entry.lock, lock);
                    entry.statements.push({ file, stmt });
                }
                else {
                    byTable.set(key, { table: key, lock, statements: [{ file, stmt }] });
                }
            }
        }
    }
    return [...byTable.values()];
}
/** The lock each pending statement takes, for the report. */
function statementLockSummaries(files, pgMajor) {
    const out = [];
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const tables = (0,_dialects_postgres_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .statementLocks */ .MI)(stmt, pgMajor).map((t) => ({ table: normaliseTable(t.table), lock: t.lock }));
            if (tables.length > 0)
                out.push({ file: file.migration.path, line: stmt.line, col: stmt.col, kind: stmt.kind, tables });
        }
    }
    return out;
}
/** Unqualified names resolve to "public" (the default search_path), so both spellings match. */
function normaliseTable(name) {
    return name.includes('.') ? name : `public.${name}`;
}


/***/ }),

/***/ 2141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/**
 * Human-readable numbers for messages and evidence summaries (evidence keeps the raw numbers).
 */
/** 512 B, 3.2 MB, 10.0 GB (powers of 1024, as pg_size_pretty). */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let value = Math.abs(bytes);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const sign = bytes < 0 ? '-' : '';
    return unit === 0 ? `${sign}${Math.round(value)} B` : `${sign}${value.toFixed(1)} ${units[unit]}`;
}
/** 50 000 000 -> "50,000,000"; locale-independent so reports are deterministic. */
function formatCount(n) {
    return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** 0.8312 -> "83.1%". */
function formatPercent(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
}


/***/ }),

/***/ 94071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cc: () => (/* binding */ listMysqlColumns),
/* harmony export */   PJ: () => (/* binding */ missingHistory),
/* harmony export */   Sy: () => (/* binding */ findMysqlTable),
/* harmony export */   UI: () => (/* binding */ findTable),
/* harmony export */   Ux: () => (/* binding */ listColumns),
/* harmony export */   p1: () => (/* binding */ quoteMysqlIdent),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/** Double-quotes an identifier, doubling embedded quotes. */
function quoteIdent(name) {
    return `"${name.replaceAll('"', '""')}"`;
}
/** Finds a table by the name the tool uses (qualified or resolved through search_path). */
async function findTable(query, name) {
    const rows = await query(`SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = pg_catalog.to_regclass($1)`, [name]);
    const row = rows[0];
    if (row)
        return { exists: true, table: `${row.schema}.${row.name}`, sqlName: `${quoteIdent(row.schema)}.${quoteIdent(row.name)}` };
    if (name.includes('.'))
        return { exists: false, table: name, sqlName: '' };
    // The tool would create an unqualified table in the current schema, so name that one.
    const [current] = await query('SELECT pg_catalog.current_schema() AS schema');
    return { exists: false, table: `${current?.schema ?? 'public'}.${name}`, sqlName: '' };
}
/** The history of a target where the tool never ran. */
function missingHistory(ref) {
    return { table: ref.table, exists: false, applied: [] };
}
/** Names of the columns of an existing table, for layouts whose table shape varies. */
async function listColumns(query, ref) {
    const rows = await query(`SELECT attname AS name FROM pg_catalog.pg_attribute
      WHERE attrelid = pg_catalog.to_regclass($1) AND attnum > 0 AND NOT attisdropped
      ORDER BY attnum`, [ref.sqlName]);
    return rows.map((r) => r.name);
}
/** Backquotes a MySQL identifier, doubling embedded backquotes. */
function quoteMysqlIdent(name) {
    return `\`${name.replaceAll('`', '``')}\``;
}
/**
 * Finds a history table on a MySQL or MariaDB target: "db.table", or a bare name in the
 * connection's database, where the tools create it. information_schema answers for a missing table too.
 */
async function findMysqlTable(query, name) {
    const dot = name.indexOf('.');
    const schema = dot === -1 ? null : name.slice(0, dot);
    const table = dot === -1 ? name : name.slice(dot + 1);
    const [row] = await query(`SELECT table_schema AS schema_name, table_name AS table_name FROM information_schema.tables
      WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?`, [schema, table]);
    if (row)
        return { exists: true, table: `${row.schema_name}.${row.table_name}`, sqlName: `${quoteMysqlIdent(row.schema_name)}.${quoteMysqlIdent(row.table_name)}` };
    const [current] = await query('SELECT DATABASE() AS db');
    return { exists: false, table: `${schema ?? current?.db ?? ''}.${table}`, sqlName: '' };
}
/** Names of the columns of an existing MySQL table, in order. */
async function listMysqlColumns(query, ref) {
    const [schema = '', table = ''] = ref.table.split('.');
    const rows = await query('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position', [schema, table]);
    return rows.map((r) => r.name);
}


/***/ }),

/***/ 82344:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "db2ffb519cfc2ecd296a.ts";

/***/ })

};
