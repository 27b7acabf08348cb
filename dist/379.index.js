export const id = 379;
export const ids = [379];
export const modules = {

/***/ 61379:
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
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * The one configuration schema (migrations.config.yaml). Types are derived with z.infer;
 * cross-field rules live in superRefine with a human message.
 */

const DIALECTS = ['postgres', 'mysql'];
const LAYOUTS = [
    'plain',
    'flyway',
    'golang-migrate',
    'dbmate',
    'prisma',
    'drizzle',
    'diesel',
    'supabase',
];
const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const clock = schemas/* string */.YjP().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. "02:30"');
const isoDate = schemas/* string */.YjP().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const positiveInt = schemas/* number */.aig().int().positive();
const severityOverride = schemas/* enum */.k5n(['off', 'info', 'warning', 'error']);
const thresholdsSchema = schemas/* strictObject */.rej({
    /** Transactions open longer than this hold locks and hold back vacuum. */
    longTransactionSeconds: positiveInt.default(300),
    idleInTransactionSeconds: positiveInt.default(60),
    longQuerySeconds: positiveInt.default(60),
    /** Tables above these sizes turn blocking findings from warnings into failures. */
    largeTableRows: positiveInt.default(100_000),
    largeTableBytes: positiveInt.default(1024 ** 3),
    /** Sequences and identity columns past this share of their range fail. */
    sequenceUsedRatio: schemas/* number */.aig().gt(0).lte(1).default(0.75),
    /** Transaction ID age past this share of 2^31 fails. */
    xidAgeRatio: schemas/* number */.aig().gt(0).lte(1).default(0.5),
    minFreeConnections: schemas/* number */.aig().int().nonnegative().default(5),
    replicationLagSeconds: positiveInt.default(60),
    slotRetainedBytes: positiveInt.default(10 * 1024 ** 3),
});
const windowSchema = schemas/* strictObject */.rej({
    days: schemas/* array */.YOg(schemas/* enum */.k5n(DAYS)).min(1),
    start: clock,
    end: clock,
    timezone: schemas/* string */.YjP().min(1).default('UTC'),
});
const freezeSchema = schemas/* strictObject */.rej({
    from: isoDate,
    to: isoDate,
    reason: schemas/* string */.YjP().optional(),
});
const targetSchema = schemas/* strictObject */.rej({
    dialect: schemas/* enum */.k5n(DIALECTS).default('postgres'),
    /** Connection URL; use `${env:NAME}` so the secret stays out of the file. */
    url: schemas/* string */.YjP().optional(),
    tls: schemas/* strictObject */.rej({
        mode: schemas/* enum */.k5n(TLS_MODES).default('prefer'),
        ca: schemas/* string */.YjP().optional(),
    })
        .default({ mode: 'prefer' }),
    connectTimeoutMs: positiveInt.default(5000),
    statementTimeoutMs: positiveInt.default(5000),
    lockTimeoutMs: positiveInt.default(1000),
    /** The role that will run the migration, when it is not the connecting user. */
    migrationRole: schemas/* string */.YjP().optional(),
    minServerVersion: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).optional(),
    /** Extension version constraints, e.g. { postgis: ">=3.3" }. */
    requires: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}),
    thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
    capacity: schemas/* strictObject */.rej({
        quotaBytes: positiveInt.optional(),
        /** Local path of the data directory, when the server runs on this host. */
        dataDirectory: schemas/* string */.YjP().optional(),
    })
        .default({}),
    maintenanceWindows: schemas/* array */.YOg(windowSchema).default([]),
    freezes: schemas/* array */.YOg(freezeSchema).default([]),
    enforceWindow: schemas/* boolean */.zMY().default(false),
    schemaSnapshot: schemas/* string */.YjP().optional(),
    /** Accept point-in-time recovery seen on the target as backup evidence for destructive statements. */
    acceptPitrAsBackup: schemas/* boolean */.zMY().default(false),
    /** Check ids an operator may accept interactively or with --assume-yes. */
    acceptable: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
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
});
const ruleOverrideSchema = schemas/* union */.KCZ([
    severityOverride,
    schemas/* strictObject */.rej({ severity: severityOverride.optional(), options: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional() }),
]);
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).default(1),
    migrations: schemas/* strictObject */.rej({
        path: schemas/* string */.YjP().min(1).default('migrations'),
        layout: schemas/* enum */.k5n(LAYOUTS).optional(),
        /** Whether the migration tool wraps each file in a transaction; `auto` takes the layout's behaviour. */
        transaction: schemas/* enum */.k5n(['auto', 'always', 'never']).default('auto'),
        /** For the plain layout: a history table holding applied file names. */
        historyTable: schemas/* string */.YjP().optional(),
    })
        .default({ path: 'migrations', transaction: 'auto' }),
    /** Dialect of the migrations when no target is given (`migrations lint`); a target's own dialect wins. */
    dialect: schemas/* enum */.k5n(DIALECTS).default('postgres'),
    /** PostgreSQL major version assumed by static analysis when no target is connected. */
    postgresVersion: schemas/* number */.aig().int().min(9).max(30).optional(),
    targets: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9_.-]+$/, 'a target name of letters, digits, ".", "_" or "-"'), targetSchema).default({}),
    rules: schemas/* record */.g1P(schemas/* string */.YjP(), ruleOverrideSchema).default({}),
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

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Finds, reads, interpolates and validates the configuration file.
 * Every error names the file, the line (where YAML gives one), the key path and what was expected.
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
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        const pos = lineCounter.linePos(first.pos[0]);
        throw new errors/* ConfigError */.xL(`${file}:${pos.line}:${pos.col}: invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`, 'Fix the syntax at that line; YAML indentation must use spaces.');
    }
    const raw = doc.toJS() ?? {};
    const lineOf = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const node = doc.getIn(path.slice(0, n), true);
            if ((0,dist/* isNode */.Ll)(node) && node.range)
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
    const parsed = configSchema.safeParse(interpolated, { reportInput: true });
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
    /** Registers a secret; short strings are ignored so that "a" does not mask every "a". */
    add(secret) {
        if (!secret || secret.length < 3)
            return;
        this.#secrets.add(secret);
        const encoded = encodeURIComponent(secret);
        if (encoded !== secret)
            this.#secrets.add(encoded);
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
        if (this.#secrets.size > 0) {
            for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
                if (out.includes(secret))
                    out = out.split(secret).join(MASK);
            }
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
            for (const [i, v] of value.entries()) {
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
            for (const [k, v] of Object.entries(value)) {
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

;// CONCATENATED MODULE: ./src/engine/model.ts
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
    return ((a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.col ?? 0) - (b.col ?? 0) ||
        a.id.localeCompare(b.id));
}

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
    return [...checks].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.id.localeCompare(b.id));
}
/** The server product and version for a report header: "PostgreSQL 16.4", "MariaDB 10.11.19", "MySQL 8.0.36". */
function serverLabel(run) {
    const version = run.server?.version ?? '';
    if (run.dialect !== 'mysql')
        return `PostgreSQL ${version}`;
    return /mariadb/i.test(version) ? `MariaDB ${version.replace(/-MariaDB$/i, '')}` : `MySQL ${version}`;
}

// EXTERNAL MODULE: ./src/engine/line-index.ts
var line_index = __webpack_require__(94299);
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

;// CONCATENATED MODULE: ./src/dialects/postgres/parser.ts
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
 * (see src/action/index.ts) and keeps the WASM off paths that do not parse.
 */
function loadPostgresParser() {
    loading ??= (async () => {
        useBaselineWasmCompiler();
        const mod = await Promise.all(/* import() */[__webpack_require__.e(995), __webpack_require__.e(627)]).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23));
        await mod.loadModule();
        loaded = { ...createParser(mod.parseSync), parsePlpgsql: (sql) => mod.parsePlPgSQLSync(sql) };
        return loaded;
    })();
    return loading;
}
/** Wraps a `parseSync` function (of any libpg-query major) into a PostgresParser. */
function createParser(parseSync) {
    return { parse: (sql) => parseWith(parseSync, sql) };
}
/** Parses SQL text into statements with positions; a syntax error becomes a SyntaxProblem. */
function parseWith(parseSync, sql) {
    const lines = new line_index/* LineIndex */.r(sql);
    let result;
    try {
        result = parseSync(sql);
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
        const place = places[index];
        return {
            index,
            kind,
            node: raw.stmt[kind] ?? {},
            startByte: place.startByte,
            endByte: place.endByte,
            line: place.line,
            col: place.col,
            endLine: place.endLine,
            endCol: place.endCol,
            text: lines.slice(place.startByte, place.endByte),
            comments: place.comments,
        };
    });
    return { statements, trailingComments, lines, parserVersion: result.version };
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

;// CONCATENATED MODULE: ./src/engine/define.ts
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

;// CONCATENATED MODULE: ./src/checks/live/applied-migration-in-diff.ts





/**
 * A change (pull request) that edits or removes a migration the target already applied rewrites
 * history: the tool never runs an applied file again, so the edit never reaches this database,
 * while a database built from the files gets something else. Tools that store checksums (Flyway,
 * Prisma) refuse to migrate until someone repairs the history by hand.
 */
/* harmony default export */ const applied_migration_in_diff = (defineLiveCheck({
    id: 'applied-migration-in-diff',
    title: 'The change leaves applied migrations alone',
    category: 'migration-state',
    severity: 'error',
    async run(ctx) {
        const changes = ctx.changes;
        if (!changes)
            return outcome.skip('No list of changed files: this check runs in the GitHub Action on pull requests.');
        const evidence = { modified: changes.modified.length, removed: changes.removed.length };
        if (changes.modified.length + changes.removed.length === 0)
            return outcome.pass('The change adds migrations and edits none.', evidence);
        if (!ctx.layout || !ctx.history) {
            return outcome.skip(`The history on ${ctx.targetName} could not be read, so it is unknown whether the ${evidence.modified + evidence.removed} modified or removed migrations were applied (see migration-history).`, evidence);
        }
        const { layout, history } = ctx;
        const findings = [...(await editedFindings(ctx, layout, history)), ...(await removedFindings(ctx, layout, history))];
        if (findings.length === 0) {
            return outcome.pass(`None of the ${evidence.modified + evidence.removed} modified or removed migrations is applied on ${ctx.targetName}.`, evidence);
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
    const parser = await loadPostgresParser();
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
    'ACCESS EXCLUSIVE': LOCK_MODES,
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
            i = skipLineComment(text, i);
            out += ' ';
        }
        else if (c === '/' && next === '*') {
            i = skipBlockComment(text, i);
            out += ' ';
        }
        else if (c === "'") {
            i = skipString(text, i, false);
            out += '?';
        }
        else if (STRING_PREFIX.test(c) && next === "'" && !isIdentBefore(text, i)) {
            i = skipString(text, i + 1, c === 'E' || c === 'e');
            out += '?';
        }
        else if ((c === 'U' || c === 'u') && next === '&' && text[i + 2] === "'" && !isIdentBefore(text, i)) {
            i = skipString(text, i + 2, false);
            out += '?';
        }
        else if (c === '"') {
            const end = skipQuotedIdentifier(text, i);
            out += text.slice(i, end);
            i = end;
        }
        else if (c === '$' && !isIdentBefore(text, i)) {
            const tag = dollarTag(text, i);
            if (tag === undefined) {
                // A parameter ($1) or a lone dollar: keep it.
                const end = skipWhile(text, i + 1, /[0-9]/);
                out += text.slice(i, end);
                i = end;
            }
            else {
                const close = text.indexOf(tag, i + tag.length);
                i = close === -1 ? n : close + tag.length;
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
/** Index after a `--` comment (up to the newline). */
function skipLineComment(text, i) {
    const nl = text.indexOf('\n', i);
    return nl === -1 ? text.length : nl;
}
/** Index after a block comment; they nest in PostgreSQL. */
function skipBlockComment(text, i) {
    let depth = 1;
    let j = i + 2;
    while (j < text.length && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') {
            depth++;
            j += 2;
        }
        else if (text[j] === '*' && text[j + 1] === '/') {
            depth--;
            j += 2;
        }
        else
            j++;
    }
    return j;
}
/** Index after a single-quoted literal starting at `i` ('' doubles a quote; E'' strings also take \'). */
function skipString(text, i, hasBackslashEscapes) {
    let j = i + 1;
    while (j < text.length) {
        const c = text[j];
        if (hasBackslashEscapes && c === '\\') {
            j += 2;
        }
        else if (c === "'") {
            if (text[j + 1] === "'")
                j += 2;
            else
                return j + 1;
        }
        else
            j++;
    }
    return text.length;
}
/** Index after a double-quoted identifier ("" doubles a quote). */
function skipQuotedIdentifier(text, i) {
    let j = i + 1;
    while (j < text.length) {
        if (text[j] === '"') {
            if (text[j + 1] === '"')
                j += 2;
            else
                return j + 1;
        }
        else
            j++;
    }
    return text.length;
}
/** The `$tag$` opening a dollar-quoted literal at `i`, or undefined when `$` starts a parameter. */
function dollarTag(text, i) {
    const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 66));
    return match ? match[0] : undefined;
}
/** Index after a numeric literal: 42, 3.14, .5, 1e-9, 1_000, 0x1F, 0o17, 0b101. */
function skipNumber(text, i) {
    const match = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(text.slice(i, i + 100));
    const length = match?.[0].length ?? 1;
    return i + Math.max(length, 1);
}

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/touched.ts
/**
 * Passes table names to catalog queries as arrays, so the number of queries does not grow with
 * the number of tables. Names are resolved with to_regclass over quoted parts: a table that does
 * not exist yet (created by the pending set) yields NULL instead of an error, which a
 * `::regclass` cast would raise.
 */
/** Splits "schema.table" at the first dot; an unqualified name is in public, as pending.ts assumes. */
function splitTableName(name) {
    const dot = name.indexOf('.');
    return dot === -1 ? { name, schema: 'public', relation: name } : { name, schema: name.slice(0, dot), relation: name.slice(dot + 1) };
}
/** Three parallel arrays (name, schema, relation) for `unnest($1::text[], $2::text[], $3::text[])`. */
function tableArrayParams(names) {
    const split = [...new Set(names)].map(splitTableName);
    return [split.map((s) => s.name), split.map((s) => s.schema), split.map((s) => s.relation)];
}
/**
 * SQL for a relation `touched(name, oid)` over the arrays at parameters $first..$first+2;
 * oid is NULL for names that do not resolve to a relation.
 */
function touchedRelationSql(first) {
    return `SELECT x.name, to_regclass(format('%I.%I', x.schema_name, x.rel_name))::oid AS oid
      FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[]) AS x(name, schema_name, rel_name)`;
}

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/activity.ts



const SNAPSHOT_SQL = `
WITH touched AS (${touchedRelationSql(1)}),
db AS (SELECT oid FROM pg_database WHERE datname = current_database())
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
      'blockedBy', CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END,
      'isAutovacuum', a.backend_type = 'autovacuum worker',
      'isWraparound', a.backend_type = 'autovacuum worker' AND a.query LIKE '%(to prevent wraparound)%',
      'isVisible', a.backend_type IS NOT NULL AND (a.state IS NOT NULL OR a.backend_type <> 'client backend')
    ) ORDER BY a.pid), '[]')
    FROM pg_stat_activity a
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
        const rows = await ctx.db.query(SNAPSHOT_SQL, tableArrayParams(ctx.touched.map((t) => t.table)));
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
/* harmony default export */ const autovacuum_on_touched_tables = (defineLiveCheck({
    id: 'autovacuum-on-touched-tables',
    title: 'Autovacuum is not working on the tables the migration locks',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return outcome.skip('No pending statement locks a table.');
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
        return outcome.pass(`No autovacuum blocks the pending statements.${extra}${note ? ` ${note}` : ''}`, evidence);
    }
    const wraparound = blocking.filter((w) => w.session.isWraparound);
    if (wraparound.length > 0) {
        return outcome.fail(`Autovacuum to prevent wraparound is running on ${names(wraparound)} (pid ${wraparound.map((w) => w.session.pid).join(', ')}): it does not give way to DDL, so the migration would wait until it finishes while the table's queries queue behind the migration.`, 'Let it finish and run the migration afterwards: it is protecting the database from transaction ID wraparound. Do not cancel it (it restarts from the beginning and the wraparound risk grows). ' +
            'Watch progress in pg_stat_progress_vacuum. See runbook/autovacuum-on-touched-tables.md.', evidence);
    }
    return outcome.warn(`Autovacuum is running on ${names(blocking)} (pid ${blocking.map((w) => w.session.pid).join(', ')}). The migration's lock will cancel it after deadlock_timeout, and it will run again later; the table's dead rows wait until then.`, 'Usually fine. On a large table, let it finish first, or run the migration and a manual VACUUM (ANALYZE) afterwards. See runbook/autovacuum-on-touched-tables.md.', evidence);
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
        if (!s?.isAutovacuum || !l.granted || !need || seen.has(key))
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
/* harmony default export */ const blocking_chains = (defineLiveCheck({
    id: 'blocking-chains',
    title: 'No lock queue is building up on the target',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        const snapshot = await readActivity(ctx);
        const chains = blockingChains(snapshot);
        const note = visibilityNote(snapshot);
        if (chains.length === 0) {
            return outcome.pass(`No session in database ${ctx.server.database} is waiting for another session's lock.${note ? ` ${note}` : ''}`, { chains: 0, ...(note ? { note } : {}) });
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
            return outcome.fail(`Sessions are already queued for locks on tables the migration touches: ${described.join('; ')}. The migration would join the queue.`, mitigation, evidence);
        }
        return outcome.warn(`Sessions are queued for locks elsewhere in the database: ${described.join('; ')}. Running a migration now adds load to a server that is already waiting.`, mitigation, evidence);
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

;// CONCATENATED MODULE: ./src/dialects/postgres/locks.ts
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
    const order = [
        'ACCESS SHARE',
        'ROW SHARE',
        'ROW EXCLUSIVE',
        'SHARE UPDATE EXCLUSIVE',
        'SHARE',
        'SHARE ROW EXCLUSIVE',
        'EXCLUSIVE',
        'ACCESS EXCLUSIVE',
    ];
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
/** The tables a statement locks and the lock on each; empty when it locks no existing table. */
function statementLocks(stmt, pgMajor = 18) {
    const n = stmt.node;
    const one = (table, lock) => (table ? [{ table, lock }] : []);
    switch (stmt.kind) {
        case 'AlterTableStmt': {
            const table = relationName(n.relation);
            if (!table)
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
            const modes = [
                'ACCESS SHARE',
                'ROW SHARE',
                'ROW EXCLUSIVE',
                'SHARE UPDATE EXCLUSIVE',
                'SHARE',
                'SHARE ROW EXCLUSIVE',
                'EXCLUSIVE',
                'ACCESS EXCLUSIVE',
            ];
            const lock = modes[(n.mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE';
            return (n.relations ?? []).flatMap((r) => one(relationName(r.RangeVar), lock));
        }
        default:
            return [];
    }
}

;// CONCATENATED MODULE: ./src/engine/pending.ts
/**
 * Derives what the pending migrations touch: every table with the strongest lock needed, and
 * the lock each statement takes (carried into the JSON report).
 */


/** Tables touched by pending statements, in first-touched order. */
function touchedTables(files, pgMajor) {
    const byTable = new Map();
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            for (const { table, lock } of statementLocks(stmt, pgMajor)) {
                const key = normaliseTable(table);
                const entry = byTable.get(key);
                if (entry) {
                    entry.lock = strongerLock(entry.lock, lock);
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
            const tables = statementLocks(stmt, pgMajor).map((t) => ({ table: normaliseTable(t.table), lock: t.lock }));
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

;// CONCATENATED MODULE: ./src/checks/live/support/pending-locks.ts



/** The first pending statement on `touched.table` whose lock conflicts with `mode` (held or awaited by someone else). */
function firstConflictingStatement(ctx, touched, mode) {
    const major = Math.floor(ctx.server.major);
    for (const ref of touched.statements) {
        for (const { table, lock } of statementLocks(ref.stmt, major)) {
            if (normaliseTable(table) === touched.table && locksConflict(lock, mode))
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
/* harmony default export */ const blocking_locks = (defineLiveCheck({
    id: 'blocking-locks',
    title: 'No session holds a lock the migration must wait for',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return outcome.skip('No pending statement locks a table.');
        const snapshot = await readActivity(ctx);
        const existing = snapshot.tables.filter((t) => t.exists).map((t) => t.name);
        if (existing.length === 0)
            return outcome.pass('The pending statements lock only tables they create themselves: nobody else can hold them.', { tables: 0 });
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
            return outcome.pass(`No session holds or awaits a lock that conflicts with the pending statements on ${existing.length} existing table${existing.length === 1 ? '' : 's'}.${note ? ` ${note}` : ''}`, evidence);
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
        // Autovacuum gives way to DDL and has its own check; a parallel worker's leader holds the same lock.
        if (!session || session.isAutovacuum || session.backendType === 'parallel worker')
            continue;
        const key = `${l.table}\u0000${l.pid}\u0000${l.granted}`;
        const previous = byKey.get(key);
        byKey.set(key, { table: l.table, session, granted: l.granted, mode: previous ? strongerLock(previous.mode, l.mode) : l.mode });
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

;// CONCATENATED MODULE: ./src/dialects/postgres/schema-model/names.ts
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
    return { parts: stringsOf(node?.names), typmods, isArray: (node?.arrayBounds ?? []).length > 0 };
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
        verdicts.push(casts_verdictOf(known[Number(row.ord) - 1], row));
    return verdicts;
}
/** Applies PostgreSQL's assignment coercion rules to one cast row. */
function casts_verdictOf(change, row) {
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
            const targets = columnName ? [columnName] : stringsOf(c.keys);
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
    const columns = columnName ? [columnName] : stringsOf(c.keys);
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
    const columns = columnName ? [columnName] : stringsOf(c.fk_attrs);
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
    let refColumns = stringsOf(c.pk_attrs);
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
    const objects = (n.objects ?? []).map(objectParts);
    if (RELATION_OBJECTS.has(type))
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
        else if (ON_TABLE_OBJECTS.has(type)) {
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
            const parts = objectParts(n.object);
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
    const parts = stringsOf(n.typeName);
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
    const parts = stringsOf(owned);
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
    const parts = objectParts(n.object);
    if (n.objtype === 'OBJECT_COLUMN') {
        const look = r.lookupRelation(parts.slice(0, -1));
        if (look.relation && look.key)
            requireColumn(r, look.relation, look.key, parts.at(-1));
        else if (look.isKnownMissing)
            r.reportMissing('table', displayParts(parts.slice(0, -1)));
    }
    else if (RELATION_OBJECTS.has(n.objtype)) {
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
        for (const schema of stringsOf(n.objects))
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
        r.setSearchPath(searchPathArgs(n));
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
            return replayCreateType(r, stringsOf(n.typeName), 'e', stringsOf(n.vals));
        case 'CreateDomainStmt':
            return replayCreateType(r, stringsOf(n.domainname), 'd', [], n.typeName);
        case 'CreateRangeStmt':
            return replayCreateType(r, stringsOf(n.typeName), 'r');
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
        const names = collectNames(statements.map((s) => s.stmt));
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
/* harmony default export */ const column_limit = (defineLiveCheck({
    id: 'column-limit',
    title: 'Tables stay under 1,600 columns',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        if (ctx.pending.length === 0)
            return outcome.pass('No pending migrations to check.');
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
            return outcome.warn(`Table ${displayKey(t.table)} uses ${t.attributeNumbers} of ${MAX_COLUMNS} column numbers after the migration (${t.dropped} by dropped columns).`, 'Plan a table rebuild (pg_repack, or a new table and a swap) to reclaim the numbers of dropped columns before ADD COLUMN starts failing.', evidence);
        }
        const widest = tables[0];
        return outcome.pass(widest
            ? `The widest table the migration touches, ${displayKey(widest.table)}, uses ${widest.attributeNumbers} of ${MAX_COLUMNS} column numbers (${widest.dropped} by dropped columns).`
            : 'The pending statements touch no existing table.', evidence);
    },
}));

;// CONCATENATED MODULE: ./src/dialects/postgres/lock-timeout.ts
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
    const out = [];
    let session;
    let local;
    let ignoredLocal;
    let isInBlock = isWrapped;
    for (const stmt of statements) {
        out.push({ before: local ?? session, ignoredLocal });
        const change = lockTimeoutChange(stmt);
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
    if (stmt.kind === 'VariableSetStmt') {
        const n = stmt.node;
        // RESET ALL puts every setting back to its default, SET LOCAL values included.
        if (n.kind === 'VAR_RESET_ALL')
            return { ms: undefined, isLocal: false };
        // Setting names are case-insensitive, even quoted ones.
        if (String(n.name ?? '').toLowerCase() !== 'lock_timeout')
            return undefined;
        const isLocal = Boolean(n.is_local);
        if (n.kind === 'VAR_SET_VALUE')
            return { ms: parseDuration(constValue(n.args?.[0])), isLocal };
        // VAR_SET_DEFAULT, VAR_RESET: back to the role or server default, which the file does not know.
        return { ms: undefined, isLocal };
    }
    if (stmt.kind === 'SelectStmt')
        return setConfigCall(stmt.node);
    return undefined;
}
/** `SELECT set_config('lock_timeout', '5s', is_local)`, the function form of SET. */
function setConfigCall(node) {
    for (const target of node.targetList ?? []) {
        const call = target?.ResTarget?.val?.FuncCall;
        const name = (call?.funcname ?? []).map((p) => p?.String?.sval).join('.');
        if (name !== 'set_config' && name !== 'pg_catalog.set_config')
            continue;
        const [setting, value, isLocal] = call.args ?? [];
        if (constValue(setting)?.toLowerCase() !== 'lock_timeout')
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
    return setting ? parseDuration(setting.value, setting.unit ?? 'ms') : undefined;
}

;// CONCATENATED MODULE: ./src/checks/live/connection-headroom.ts


/**
 * The migration needs a connection (two for CREATE INDEX CONCURRENTLY run by some tools), and
 * the application needs its own while the migration runs. Free slots are max_connections minus
 * the client backends in use minus the slots reserved for superusers (superuser_reserved_connections,
 * and reserved_connections on PostgreSQL 16+), bounded by the role's and the database's
 * CONNECTION LIMIT. https://www.postgresql.org/docs/current/runtime-config-connection.html
 */
/* harmony default export */ const connection_headroom = (defineLiveCheck({
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
            return outcome.fail(`No connection slot is free for role ${role} (${tightest.name}): the migration could not connect.`, mitigation, evidence);
        if (free < min)
            return outcome.warn(`Only ${free} connection slot${free === 1 ? '' : 's'} free for role ${role} (${tightest.name}), fewer than ${min}: the migration may take the last ones the application needs.`, mitigation, evidence);
        return outcome.pass(`${free} connection slots free for role ${role} (${tightest.name}).`, evidence);
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
/* harmony default export */ const connectivity = (defineLiveCheck({
    id: 'connectivity',
    title: 'Connect to the target database',
    category: 'connectivity',
    severity: 'error',
    dialects: ['postgres', 'mysql'],
    async run(ctx) {
        return outcome.pass(`Connected to ${ctx.server.host}:${ctx.server.port}/${ctx.server.database} as ${ctx.server.currentUser}.`);
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
    const parser = await loadPostgresParser();
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
/* harmony default export */ const dirty_migrations = (defineLiveCheck({
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
            return outcome.pass(`History table ${history.table} does not exist yet: nothing has run, nothing failed.`);
        // A failure the tool later re-ran successfully (Prisma keeps both rows) is resolved.
        const failed = history.applied.filter((row) => row.isFailed && !history.applied.some((r) => r.id === row.id && !r.isFailed));
        const evidence = { table: history.table, rows: history.applied.length, failed: failed.map((r) => ({ id: r.id, name: r.name ?? null, detail: r.detail ?? null, appliedAt: r.appliedAt ?? null })) };
        if (failed.length === 0)
            return outcome.pass(`No failed or unfinished migrations among ${history.applied.length} rows of ${history.table}.`, evidence);
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
;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/table-sizes.ts


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
/** One query for every touched table; partitioned tables sum their leaf partitions. */
function sizeSql(e) {
    const leaves = (expr) => `(SELECT coalesce(sum(${expr}), 0) FROM pg_catalog.pg_partition_tree(c.oid) pt JOIN pg_catalog.pg_class rel ON rel.oid = pt.relid WHERE pt.isleaf)`;
    const self = (expr) => `(SELECT ${expr} FROM pg_catalog.pg_class rel WHERE rel.oid = c.oid)`;
    // An unanalysed partition counts as 0 rows in the sum rather than making it -1.
    const pick = (expr, leafExpr = expr) => `CASE WHEN c.relkind = 'p' THEN ${leaves(leafExpr)} ELSE ${self(expr)} END`;
    return `WITH touched AS (${touchedRelationSql(1)})
    SELECT t.name, (${pick(e.rows, 'greatest(rel.reltuples, 0)')})::float8 AS rows, (${pick(e.total)})::text AS total_bytes,
           (${pick(e.table)})::text AS table_bytes, (${pick(e.index)})::text AS index_bytes
      FROM touched t JOIN pg_catalog.pg_class c ON c.oid = t.oid
     WHERE c.relkind IN ('r', 'p', 'm')`;
}
/** Reads the sizes of ctx.touched once per run; tables that do not exist yet are absent. */
function readTableSizes(ctx) {
    return ctx.memo('postgres:table-sizes', async () => {
        const names = ctx.touched.map((t) => normaliseTable(t.table));
        const out = new Map();
        if (names.length === 0)
            return out;
        const params = tableArrayParams(names);
        let rows;
        let source = 'measured';
        try {
            rows = await ctx.db.query(sizeSql(MEASURED), params);
        }
        catch (error) {
            if (error.code !== '55P03')
                throw error;
            ctx.log.log('info', 'a touched table is locked: table sizes come from the statistics (relpages) instead of pg_total_relation_size');
            rows = await ctx.db.query(sizeSql(ESTIMATED), params);
            source = 'estimated';
        }
        for (const row of rows) {
            out.set(row.name, {
                table: row.name,
                rows: Math.max(0, row.rows),
                isRowsKnown: row.rows >= 0,
                totalBytes: Number(row.total_bytes),
                tableBytes: Number(row.table_bytes),
                indexBytes: Number(row.index_bytes),
                source,
            });
        }
        return out;
    });
}

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
            return at(relationName(n.relation), 'index', n.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX');
        case 'ReindexStmt':
            return n.kind === 'REINDEX_OBJECT_TABLE' ? at(relationName(n.relation), 'rewrite', 'REINDEX TABLE') : [];
        case 'ClusterStmt':
            return at(relationName(n.relation), 'rewrite', 'CLUSTER');
        case 'RefreshMatViewStmt':
            return at(relationName(n.relation), 'rewrite', 'REFRESH MATERIALIZED VIEW');
        case 'VacuumStmt': {
            const isFull = (n.options ?? []).some((o) => o.DefElem?.defname === 'full');
            return isFull ? (n.rels ?? []).flatMap((r) => at(relationName(r.VacuumRelation?.relation), 'rewrite', 'VACUUM FULL')) : [];
        }
        case 'AlterTableStmt': {
            if (n.objtype !== 'OBJECT_TABLE' && n.objtype !== 'OBJECT_MATVIEW')
                return [];
            const table = relationName(n.relation);
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

;// CONCATENATED MODULE: ./src/engine/units.ts
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
/* harmony default export */ const disk_space = (defineLiveCheck({
    id: 'disk-space',
    title: 'Enough free disk space for rewrites and index builds',
    category: 'capacity',
    severity: 'error',
    async run(ctx) {
        const rebuilds = await findRebuilds(ctx);
        const sizes = await readTableSizes(ctx);
        const needs = spaceNeeds(rebuilds, sizes);
        const required = needs.reduce((sum, n) => sum + n.requiredBytes, 0);
        const free = await freeSpace(ctx);
        const evidence = {
            requiredBytes: required,
            required: formatBytes(required),
            freeBytes: free.bytes ?? null,
            free: free.bytes === undefined ? 'unknown' : formatBytes(free.bytes),
            freeSource: free.source ?? null,
            ...free.details,
            tables: needs.map((n) => ({ table: n.table, totalBytes: n.totalBytes, requiredBytes: n.requiredBytes, statements: n.statements.length })),
        };
        if (needs.length === 0) {
            const known = free.bytes === undefined ? ` Free space is unknown: ${HOW_TO_CONFIGURE}` : ` ${formatBytes(free.bytes)} free (${free.source}).`;
            return { status: 'pass', summary: `No pending statement rewrites an existing table or builds an index on one.${known}`, evidence };
        }
        const biggest = [...needs].sort((a, b) => b.requiredBytes - a.requiredBytes)[0];
        const what = `The migration rebuilds ${needs.length} table${needs.length === 1 ? '' : 's'} (largest ${biggest.table}, ${formatBytes(biggest.totalBytes)}) and needs about ${formatBytes(required)} free for the new copies and their WAL`;
        if (free.bytes === undefined) {
            return { status: 'warn', summary: `${what}; free space is unknown.`, mitigation: HOW_TO_CONFIGURE, evidence, findings: findingsFor(needs, undefined) };
        }
        if (free.bytes < required) {
            return {
                status: 'fail',
                summary: `${what}, but only ${formatBytes(free.bytes)} is free (${free.source}).`,
                mitigation: 'Add storage before the migration (raise the volume or plan size), or rebuild one table at a time in separate deployments; a full disk stops every write on the server.',
                evidence,
                findings: findingsFor(needs, free.bytes),
            };
        }
        if (free.bytes < required * SPACE_MARGIN) {
            return {
                status: 'warn',
                summary: `${what}; ${formatBytes(free.bytes)} is free (${free.source}), less than ${SPACE_MARGIN}x that.`,
                mitigation: 'Add storage or watch free space while the migration runs: WAL kept for replicas or a lagging archive grows on top of this estimate.',
                evidence,
                findings: findingsFor(needs, free.bytes),
            };
        }
        return { status: 'pass', summary: `${what}; ${formatBytes(free.bytes)} is free (${free.source}).`, evidence };
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
/** Per existing table: its size once (a rewrite or index build needs about that much), plus as much WAL. */
function spaceNeeds(rebuilds, sizes) {
    const byTable = new Map();
    for (const r of rebuilds) {
        const key = normaliseTable(r.table);
        if (!sizes.has(key))
            continue; // created by the pending set: empty
        byTable.set(key, [...(byTable.get(key) ?? []), r]);
    }
    return [...byTable].map(([table, statements]) => {
        const size = sizes.get(table);
        return { table, totalBytes: size.totalBytes, requiredBytes: size.totalBytes * 2, statements };
    });
}
/** A finding at each rebuilding statement, with the table's size. */
function findingsFor(needs, free) {
    return needs.flatMap((need) => need.statements.map((r) => ({
        at: r.ref,
        severity: free !== undefined && free < need.requiredBytes ? 'error' : 'warning',
        message: `${r.reason} writes a new copy of ${need.table} (${formatBytes(need.totalBytes)} with indexes and TOAST) and about as much WAL: it needs about ${formatBytes(need.requiredBytes)} free${free === undefined ? '' : `, ${formatBytes(free)} is`}.`,
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
        candidates.push({ bytes: Math.max(0, quotaBytes - used), source: `quota ${formatBytes(quotaBytes)} minus database size ${formatBytes(used)}` });
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
/* harmony default export */ const driver_and_runtime = (defineLiveCheck({
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
/* harmony default export */ const edited_applied_migrations = (defineLiveCheck({
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
            return outcome.skip(`${layout.tool} stores no checksum of applied migrations, so edits to applied files cannot be detected on the target; review changes to old migration files in code review instead.`);
        }
        if (!history.exists)
            return outcome.pass(`History table ${history.table} does not exist yet: no migration has been applied.`);
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
            return outcome.pass(`${compared} applied migration${compared === 1 ? '' : 's'} match the checksums ${layout.tool} stored in ${history.table}.`, evidence);
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
/* harmony default export */ const extensions_available = (defineLiveCheck({
    id: 'extensions-available',
    title: 'Extensions the migrations need are available',
    category: 'versions',
    severity: 'error',
    async run(ctx) {
        const creates = extensionStatements(ctx);
        const requires = Object.entries(ctx.target.requires);
        if (creates.length === 0 && requires.length === 0)
            return outcome.pass('No pending statement creates an extension and the config requires none.', { extensions: [] });
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
        return outcome.pass(`${[...extensions.values()].map(describe).join('; ')}.`, evidence);
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
/* harmony default export */ const foreign_key_target = (defineLiveCheck({
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
/* harmony default export */ const invalid_index = (defineLiveCheck({
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
/* harmony default export */ const lock_queue_safety = (defineLiveCheck({
    id: 'lock-queue-safety',
    title: 'A lock queue behind the migration cannot grow without bound',
    category: 'locks',
    severity: 'warning',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return outcome.skip('No pending statement locks a table.');
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
            return outcome.pass('Every pending statement that blocks writes on an existing table runs with a lock_timeout set earlier in its file.', evidence);
        }
        if (lockTimeoutMs > 0) {
            return outcome.pass(`The migration role ${state.migrationRole} starts with lock_timeout ${formatSeconds(lockTimeoutMs / 1000)} (${roleLockTimeout?.source === 'role' ? 'ALTER ROLE/DATABASE ... SET' : 'server default'}), which bounds the wait of ${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} that set none.`, evidence);
        }
        if (idleTimeoutMs > 0) {
            return outcome.pass(`${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} block${unbounded.length === 1 ? 's' : ''} writes without a lock_timeout, but idle_in_transaction_session_timeout (${formatSeconds(idleTimeoutMs / 1000)}) ends forgotten transactions; a long-running query can still stall the queue (see the static lock_timeout rule).`, evidence);
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
        const timeouts = lockTimeoutsBefore(file.parsed.statements, file.migration.runsInTransaction);
        for (const [i, stmt] of file.parsed.statements.entries()) {
            const timeout = timeouts[i];
            if (timeout && timeout.ms > 0)
                continue;
            for (const { table, lock } of statementLocks(stmt, major)) {
                const name = normaliseTable(table);
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
/* harmony default export */ const long_running_queries = (defineLiveCheck({
    id: 'long-running-queries',
    title: 'No long-running query on the tables the migration touches',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        if (ctx.touched.length === 0)
            return outcome.skip('No pending statement locks a table.');
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
            held.set(key, { session: s, table: l.table, mode: previous ? strongerLock(previous.mode, l.mode) : l.mode });
        }
        const note = visibilityNote(snapshot);
        if (held.size === 0) {
            return outcome.pass(`No query on the ${ctx.touched.length} touched table${ctx.touched.length === 1 ? '' : 's'} has run longer than ${formatSeconds(limit)}.${note ? ` ${note}` : ''}`, {
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
/* harmony default export */ const long_transactions = (defineLiveCheck({
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
        const evidence = {
            thresholds: { longTransactionSeconds, idleInTransactionSeconds },
            idleInTransaction: idle.map(sessionEvidence),
            longTransactions: long.map(sessionEvidence),
            ...(concurrent ? { concurrentStatement: concurrent } : {}),
            ...(note ? { note } : {}),
        };
        if (idle.length === 0 && long.length === 0) {
            return {
                status: 'pass',
                summary: `No transaction open longer than ${formatSeconds(longTransactionSeconds)} and none idle in a transaction longer than ${formatSeconds(idleInTransactionSeconds)}.${note ? ` ${note}` : ''}`,
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
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: DAYS[(d.getUTCDay() + 6) % 7] };
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
/* harmony default export */ const maintenance_window = (defineLiveCheck({
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
        const block = (summary, mitigation) => ctx.target.enforceWindow ? outcome.fail(summary, mitigation, evidence) : outcome.warn(summary, mitigation, evidence);
        const freeze = activeFreeze(freezes, now, freezeZone);
        if (freeze) {
            return block(`${now.toISOString()} is inside the change freeze ${freeze.from} to ${freeze.to}${freeze.reason ? ` (${freeze.reason})` : ''}.${nextText(next, now)}`, 'Wait for the freeze to end, or get the exception approved and run with --at set to the approved time.');
        }
        if (windows.length === 0) {
            const freezeNote = freezes.length > 0 ? `; ${now.toISOString()} is outside all ${freezes.length} change freezes` : '';
            return outcome.pass(`No maintenance windows configured for ${ctx.targetName}${freezeNote}.`, evidence);
        }
        const open = windows.map((w) => currentOpening(w, now)).find((o) => o !== undefined);
        if (open) {
            return outcome.pass(`Inside the maintenance window ${describeWindow(open.window)}: it closes at ${formatLocal(open.closesAt, open.window.timezone)} (${open.closesAt.toISOString()}), in ${formatDuration(open.closesAt.getTime() - now.getTime())}.`, { ...evidence, closesAt: open.closesAt.toISOString() });
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

;// CONCATENATED MODULE: ./src/checks/live/migration-history.ts

/** Reports what the migration tool's history table says is applied, and what is pending. */
/* harmony default export */ const migration_history = (defineLiveCheck({
    id: 'migration-history',
    title: 'Read the migration history on the target',
    category: 'migration-state',
    severity: 'error',
    dialects: ['postgres', 'mysql'],
    async run(ctx) {
        if (!ctx.layout)
            return outcome.skip('No migration layout: nothing to compare with the target.');
        const history = ctx.history;
        const isMysql = ctx.db.dialect === 'mysql';
        if (isMysql && ctx.layout.historyTable && !ctx.layout.readHistoryMysql) {
            return outcome.skip(`Reading ${ctx.layout.tool}'s history table on MySQL is not supported yet, so every migration is treated as pending.`);
        }
        // On MySQL the tools keep the table in the connection's database, not in "public".
        const table = isMysql && ctx.layout.historyTable ? (history?.table ?? `${ctx.server.database}.${ctx.layout.historyTable.split('.').pop()}`) : ctx.layout.historyTable;
        if (!table) {
            return outcome.skip(`The ${ctx.layout.tool} layout keeps no history table, so every migration is treated as pending. Set migrations.historyTable to the table that records applied files.`);
        }
        if (!history) {
            return outcome.fail(`Could not read the history table ${table}; every migration was treated as pending.`, `Grant SELECT on ${table} to the preflight login, or check the layout (${ctx.layout.name}). The log file has the database error.`);
        }
        const evidence = { table, exists: history.exists, applied: ctx.migrations.length - ctx.pending.length, pending: ctx.pending.length, rows: history.applied.length };
        if (!history.exists) {
            return outcome.pass(`History table ${table} does not exist: nothing has been applied, all ${ctx.migrations.length} migrations are pending.`, evidence);
        }
        return outcome.pass(`${evidence.applied} of ${ctx.migrations.length} migrations applied according to ${table}; ${ctx.pending.length} pending.`, evidence);
    },
}));

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/privileges.ts

/** SQL for a server major: the MAINTAIN privilege exists from PostgreSQL 17 on. */
function rightsSql(major) {
    const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', ...(major >= 17 ? ['MAINTAIN'] : [])];
    const privilegeJson = privileges.map((p) => `'${p}', has_table_privilege(r.oid, c.oid, '${p}')`).join(', ');
    return `
WITH r AS (SELECT oid, rolname, rolsuper, rolinherit FROM pg_roles WHERE rolname = $1),
t AS (${touchedRelationSql(2)})
SELECT
  (SELECT json_build_object('name', r.rolname, 'isSuperuser', r.rolsuper, 'inherits', r.rolinherit,
      'canCreateInDatabase', has_database_privilege(r.oid, current_database(), 'CREATE')) FROM r) AS role,
  (SELECT coalesce(json_agg(json_build_object(
      'name', t.name, 'exists', c.oid IS NOT NULL, 'relkind', c.relkind, 'owner', o.rolname, 'schemaOwner', so.rolname,
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
      'name', x.name, 'exists', n.oid IS NOT NULL, 'owner', so.rolname,
      'canCreate', coalesce(has_schema_privilege(r.oid, n.oid, 'CREATE'), false))), '[]')
     FROM unnest($5::text[]) AS x(name) CROSS JOIN r
     LEFT JOIN pg_namespace n ON n.nspname = x.name
     LEFT JOIN pg_roles so ON so.oid = n.nspowner) AS schemas`;
}
/** Reads the rights of `role` on the tables and schemas, once per run and role. */
function readRoleRights(ctx, role, tables, schemas) {
    return ctx.memo(`postgres:rights:${role}`, async () => {
        const rows = await ctx.db.query(rightsSql(Math.floor(ctx.server.major)), [role, ...tableArrayParams(tables), [...new Set(schemas)]]);
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
    const name = relationName(rangeVar);
    return name ? normaliseTable(name) : undefined;
}
/** Schema a CREATE puts its object in: the qualified one, else public (the default search_path). */
function creationSchema(rangeVar) {
    return typeof rangeVar?.schemaname === 'string' ? rangeVar.schemaname : 'public';
}
/** Schema of a qualified name list ([schema, name] String nodes), else public. */
function listSchema(names) {
    const parts = (names ?? []).map((n) => n?.String?.sval).filter((s) => typeof s === 'string');
    return parts.length >= 2 ? parts[parts.length - 2] : 'public';
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
            return objectNames(n.objects).flatMap((name) => owner(normaliseTable(name), { orSchemaOwner: true }));
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
            return tableParts.length > 0 ? owner(normaliseTable(tableParts.join('.'))) : [];
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

;// CONCATENATED MODULE: ./src/checks/live/migration-role-privileges.ts






/**
 * The role that will run the migration (target.migrationRole, else the connecting user) may do
 * what each pending statement does: own (or inherit the owner of) every table it alters or drops,
 * hold the table privileges DML and triggers need, have CREATE on the schemas it creates in, and
 * be allowed to create its extensions (superuser, or a trusted extension and CREATE on the
 * database, PostgreSQL 13+). Otherwise PostgreSQL refuses the statement with SQLSTATE 42501
 * part-way through the migration.
 */
/* harmony default export */ const migration_role_privileges = (defineLiveCheck({
    id: 'migration-role-privileges',
    title: 'The migration role may run every pending statement',
    category: 'privileges',
    severity: 'error',
    async run(ctx) {
        const role = migrationRoleOf(ctx);
        const all = pendingNeeds(ctx.pending);
        if (all.length === 0)
            return outcome.pass(`No pending statement needs ownership or privileges beyond what ${role} gets by creating objects.`, { role });
        const { tables, schemas } = namedObjects(all);
        const wantsExtensions = all.some((s) => s.needs.some((n) => n.kind === 'extension'));
        const [rights, extensions] = await Promise.all([readRoleRights(ctx, role, tables, schemas), wantsExtensions ? readExtensions(ctx) : Promise.resolve(new Map())]);
        if (!rights.role) {
            return outcome.fail(`Role ${role} does not exist on the target: the migration cannot log in or SET ROLE to it.`, `Check targets.${ctx.targetName}.migrationRole (or the user in the URL), or create the role. See runbook/migration-role-privileges.md.`, { role, statements: all.length });
        }
        if (rights.role.isSuperuser) {
            return outcome.pass(`${role} is a superuser: it may run every pending statement.`, { role, superuser: true, statements: all.length });
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
            return outcome.pass(`${role} owns or may use everything the ${all.length} pending statement${all.length === 1 ? '' : 's'} need.`, evidence);
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
            if (need.orSchemaOwner && t.actsAsSchemaOwner)
                return undefined;
            if (need.orMaintain && t.privileges.MAINTAIN)
                return undefined;
            const object = `${relkindWord(t.relkind)} ${need.table}`;
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
                mitigation: `Run the migration as ${t.owner}, or GRANT ${t.owner} TO ${role.name}, or ALTER ${relkindWord(t.relkind).toUpperCase()} ${need.table} OWNER TO ${role.name}${need.orMaintain && major >= 17 ? `, or GRANT MAINTAIN ON ${need.table} TO ${role.name}` : ''}.`,
                evidence: { role: role.name, table: need.table, owner: t.owner, member: false },
                tables: [need.table],
            };
        }
        case 'table-privilege': {
            const t = rights.tables.get(need.table);
            if (!t?.exists || need.anyOf.some((p) => t.privileges[p]))
                return undefined;
            const available = need.anyOf.filter((p) => p !== 'MAINTAIN' || major >= 17);
            return {
                message: `${what}: ${role.name} needs ${available.join(' or ')} on ${relkindWord(t.relkind)} ${need.table} and has none of ${available.length === 1 ? 'it' : 'them'}.`,
                mitigation: `GRANT ${available[0]} ON ${need.table} TO ${role.name} (as ${t.owner}), or run the migration as ${t.owner}.`,
                evidence: { role: role.name, table: need.table, needed: available, owner: t.owner },
                tables: [need.table],
            };
        }
        case 'schema-create': {
            const s = rights.schemas.get(need.schema);
            if (!s?.exists || s.canCreate)
                return undefined;
            return {
                message: `${what}: ${role.name} needs CREATE on schema ${need.schema} (owned by ${s.owner}) to create objects there.`,
                mitigation: `GRANT CREATE ON SCHEMA ${need.schema} TO ${role.name} (as ${s.owner}), or create the object in a schema ${role.name} may use.`,
                evidence: { role: role.name, schema: need.schema, owner: s.owner },
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

;// CONCATENATED MODULE: ./src/checks/live/missing-migration-files.ts


/**
 * A migration the target applied that the repository no longer has: a branch deployed without
 * being merged, or a file deleted or renamed. The files no longer describe the database.
 */
/* harmony default export */ const missing_migration_files = (defineLiveCheck({
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
            return outcome.pass(`History table ${history.table} does not exist yet: no migration has been applied.`);
        const ids = new Set(ctx.migrations.map((m) => m.id));
        // A baseline row stands for migrations that were never files; an empty id carries nothing to match.
        const missing = history.applied.filter((r) => r.id !== '' && !ids.has(r.id) && !/baseline/i.test(r.detail ?? ''));
        const evidence = { table: history.table, applied: history.applied.length, files: ctx.migrations.length, missing: missing.map((r) => r.id) };
        if (missing.length === 0)
            return outcome.pass(`All ${history.applied.length} migrations recorded in ${history.table} have a file in the repository.`, evidence);
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

// EXTERNAL MODULE: ./src/dialects/mysql/parser.ts + 1 modules
var parser = __webpack_require__(31299);
;// CONCATENATED MODULE: ./src/dialects/mysql/statements.ts

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
    if (stmt.kind !== 'create' || stmt.node.keyword !== 'table' || stmt.node.temporary)
        return [];
    return toTables(stmt.node.table);
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
/** The keywords of an unparsed statement ("ALTER TABLE"), or undefined for a parsed one. */
function unparsedKeywords(stmt) {
    return stmt.kind === UNPARSED ? stmt.node.keywords : undefined;
}
const DDL_KINDS = new Set(['create', 'alter', 'drop', 'truncate', 'rename']);
const DDL_KEYWORDS = /^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/;
/**
 * True for a statement MySQL commits implicitly, before and after it
 * (https://dev.mysql.com/doc/refman/8.4/en/implicit-commit.html). CREATE/DROP TEMPORARY TABLE do not commit.
 */
function isDdl(stmt) {
    if (stmt.kind === parser.UNPARSED) {
        const keywords = stmt.node.keywords;
        return DDL_KEYWORDS.test(keywords) && !/ TEMPORARY$/.test(keywords);
    }
    if (!DDL_KINDS.has(stmt.kind))
        return false;
    return !(stmt.kind === 'create' && stmt.node.temporary);
}
/** True when the DDL can run again after it already ran: CREATE ... IF NOT EXISTS, DROP ... IF EXISTS. */
function isRerunnable(stmt) {
    if (stmt.kind === 'create')
        return stmt.node.if_not_exists != null || stmt.node.replace != null;
    if (stmt.kind === 'drop')
        return typeof stmt.node.prefix === 'string' && /if exists/i.test(stmt.node.prefix);
    if (stmt.kind === 'alter') {
        // MariaDB's ADD COLUMN IF NOT EXISTS / DROP COLUMN IF EXISTS on every item.
        const changes = alterItems(stmt).filter((i) => i.action);
        return changes.length > 0 && changes.every((i) => i.if_not_exists != null || i.if_exists != null);
    }
    return false;
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
        case parser.UNPARSED: {
            const table = unparsedAlterTable(stmt);
            return { tables: table ? [table] : [], isDdl: true };
        }
        default:
            return { tables: [], isDdl: false };
    }
}
/** The table an unparsed ALTER TABLE names, read from its text (`db`.`t`, db.t or t). */
function unparsedAlterTable(stmt) {
    if (stmt.kind !== parser.UNPARSED)
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
    return text.replace(/'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"|--[ \t][^\n]*|#[^\n]*|\/\*(?![!+])[\s\S]*?\*\//g, (m) => (m.startsWith("'") || m.startsWith('"') ? "''" : ' '));
}

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
            const { tables, isDdl } = touchedTablesOf(stmt);
            for (const t of isDdl ? tables : []) {
                const name = `${t.db ?? ctx.server.database}.${t.table}`;
                if (!created.some((c) => isSameTable(c, t)) && !out.some((o) => o.table === name))
                    out.push({ table: name, at: { file, stmt } });
            }
            created.push(...createdTables(stmt));
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
/* harmony default export */ const mysql_long_transactions = (defineLiveCheck({
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
                return outcome.skip(NEEDS_PROCESS_PRIVILEGE);
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
/* harmony default export */ const mysql_metadata_locks = (defineLiveCheck({
    id: 'mysql-metadata-locks',
    title: 'No session holds a metadata lock the migration must wait for (MySQL)',
    category: 'locks',
    severity: 'error',
    dialects: ['mysql'],
    async run(ctx) {
        const wanted = ddlTables(ctx);
        if (wanted.length === 0)
            return outcome.skip('No pending DDL statement changes an existing table.');
        const existing = await existingTables(ctx, wanted.map((w) => w.table));
        const tables = wanted.filter((w) => existing.has(w.table));
        if (tables.length === 0)
            return outcome.pass('The pending DDL changes only tables that do not exist yet: nobody else can hold locks on them.', { tables: [] });
        try {
            const snapshot = await readMetadataLocks(ctx, tables.map((t) => t.table));
            return snapshot.source === 'inferred' ? await inferredOutcome(ctx, tables, snapshot) : exactOutcome(tables, snapshot);
        }
        catch (error) {
            if (isMissingProcessPrivilege(error))
                return outcome.skip(NEEDS_PROCESS_PRIVILEGE);
            throw error;
        }
    },
}));
/** Grades exact metadata locks: a granted lock or a queued request on a touched table. */
function exactOutcome(tables, snapshot) {
    const source = snapshot.source === 'performance_schema' ? 'performance_schema.metadata_locks' : 'information_schema.METADATA_LOCK_INFO';
    const evidence = { source, tables: tables.map((t) => t.table), locks: snapshot.locks.map(lockEvidence) };
    if (snapshot.locks.length === 0)
        return outcome.pass(`No other session holds or waits for a metadata lock on ${tables.map((t) => t.table).join(', ')} (${source}).`, evidence);
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
        return outcome.fail(`${shown.length} session${shown.length === 1 ? ' is' : 's are'} already waiting for a metadata lock${queued.length > 0 ? ` on ${names.join(', ')}` : ''}: ${shown.map(describeTransaction).join('; ')}. The DDL would queue behind ${shown.length === 1 ? 'it' : 'them'}, and every later query behind the DDL.`, mysql_metadata_locks_MITIGATION, evidence);
    }
    if (open.length > 0) {
        return outcome.warn(`${open.length} open transaction${open.length === 1 ? '' : 's'} may hold metadata locks on ${names.join(', ')}: ${open.map(describeTransaction).join('; ')}. If one used these tables, the DDL waits for it to end and every later query on the table queues behind the DDL. (${note})`, mysql_metadata_locks_MITIGATION, evidence);
    }
    return outcome.pass(`No open transaction and no session waiting for a metadata lock, so nothing can hold one on ${names.join(', ')}.`, evidence);
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
    flyway: 'Flyway refuses to migrate ("Detected resolved migration not applied to database") unless outOfOrder=true',
    dbmate: 'dbmate applies it, after migrations that were written later',
    prisma: 'Prisma applies it, after migrations that were written later',
};
/**
 * A pending migration ordered before the newest applied one, usually from a branch merged late:
 * it runs after migrations written after it, against a schema they already changed, or the tool
 * refuses to run it at all.
 */
/* harmony default export */ const out_of_order_migrations = (defineLiveCheck({
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
            return outcome.pass(`History table ${history.table} does not exist yet: every migration runs in order.`);
        const order = new Map(ctx.migrations.map((m, i) => [m.path, i]));
        const appliedIndexes = ctx.migrations.flatMap((m, i) => (m.kind === 'versioned' && layout.isApplied(m, history) ? [i] : []));
        if (appliedIndexes.length === 0)
            return outcome.pass('No migration is applied yet: the pending ones run in order.');
        const newest = ctx.migrations[Math.max(...appliedIndexes)];
        const failedIds = new Set(history.applied.filter((r) => r.isFailed).map((r) => r.id));
        const early = ctx.pending.filter((p) => {
            const i = order.get(p.migration.path);
            // A failed migration waiting for a retry is not out of order.
            return p.migration.kind === 'versioned' && i !== undefined && i < order.get(newest.path) && !failedIds.has(p.migration.id);
        });
        const evidence = { newestApplied: newest.id, outOfOrder: early.map((p) => p.migration.id) };
        if (early.length === 0)
            return outcome.pass(`Every pending migration comes after the newest applied one (${newest.id}).`, evidence);
        const behaviour = TOOL_BEHAVIOUR[layout.name] ?? `${layout.tool} runs it after migrations that were written later`;
        const findings = [];
        for (const p of early) {
            findings.push({
                at: await fileStart(ctx, p.migration),
                message: `${p.migration.path} is pending but ordered before ${newest.path}, which ${ctx.targetName} already applied: ${behaviour}.`,
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

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/archiver.ts
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

;// CONCATENATED MODULE: ./src/checks/live/point-in-time-recovery.ts


/**
 * Whether the target could be restored to just before the migration: WAL archiving is on and
 * working (pg_stat_archiver shows a recent success and no failure after it). Informational: it
 * warns, never fails. With acceptPitrAsBackup the static rules also take it as backup evidence
 * for destructive statements. https://www.postgresql.org/docs/current/continuous-archiving.html
 */
/* harmony default export */ const point_in_time_recovery = (defineLiveCheck({
    id: 'point-in-time-recovery',
    title: 'Point-in-time recovery is possible',
    category: 'capacity',
    severity: 'warning',
    async run(ctx) {
        const state = await readArchiver(ctx);
        const verdict = judgeArchiving(state);
        const accepted = ctx.target.acceptPitrAsBackup;
        const evidence = { ...state, lastSuccessAgeSeconds: verdict.lastSuccessAgeSeconds, acceptPitrAsBackup: accepted };
        if (verdict.isWorking) {
            const use = accepted ? ' The config accepts it as backup evidence for destructive statements.' : ' Set acceptPitrAsBackup to let it count as backup evidence for destructive statements.';
            return outcome.pass(`${capitalise(verdict.reason)}.${use}`, evidence);
        }
        return outcome.warn(`Point-in-time recovery is not assured: ${verdict.reason}.${accepted ? ' acceptPitrAsBackup is set, but it is not taken as backup evidence while archiving does not work.' : ''}`, 'Take a backup (pg_dump of the affected tables, or a snapshot) before destructive migrations, or fix WAL archiving (archive_mode, archive_command or your provider\'s backup settings) and check pg_stat_archiver.', evidence);
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
/* harmony default export */ const prepared_transactions = (defineLiveCheck({
    id: 'prepared-transactions',
    title: 'No prepared transaction holds locks or holds back vacuum',
    category: 'locks',
    severity: 'error',
    async run(ctx) {
        const [state, snapshot] = await Promise.all([readServerState(ctx), readActivity(ctx)]);
        const max = Number(state.settings.max_prepared_transactions?.value ?? '0');
        if (snapshot.prepared.length === 0) {
            return outcome.pass(max === 0 ? 'max_prepared_transactions is 0: the server cannot have prepared transactions.' : `No prepared transaction in database ${ctx.server.database} (max_prepared_transactions ${max}).`, { maxPreparedTransactions: max, prepared: 0 });
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
            return outcome.warn(`${old.length} prepared transaction${old.length === 1 ? ' is' : 's are'} older than ${formatSeconds(limit)}: ${list}. They hold their locks and keep vacuum from cleaning up until resolved.`, mitigation(ctx.server.database), evidence);
        }
        return outcome.pass(`${snapshot.prepared.length} recent prepared transaction${snapshot.prepared.length === 1 ? '' : 's'} (${list}), none holding locks on the touched tables.`, evidence);
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
/* harmony default export */ const replication_health = (defineLiveCheck({
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
                return outcome.skip('The preflight login may not read replication status (SQLSTATE 42501): GRANT pg_monitor TO it to check standby lag and replication slots.');
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
        return outcome.skip('The preflight login cannot see standby details (they need pg_read_all_stats): GRANT pg_monitor TO it to check replication lag.', {
            standbys: state.standbys.length,
            slots: state.slots.length,
        });
    }
    const piling = state.slots.filter((s) => !s.isActive && (s.retainedBytes ?? 0) > slotRetainedBytes);
    const lagging = state.standbys.filter((s) => (s.replayLagSeconds ?? 0) > replicationLagSeconds);
    const lost = state.slots.filter((s) => s.walStatus === 'lost' || s.walStatus === 'unreserved');
    if (piling.length > 0) {
        return outcome.fail(`Inactive replication slot${piling.length === 1 ? '' : 's'} ${piling.map((s) => `${s.name} (${s.type}, retaining ${replication_health_formatBytes(s.retainedBytes ?? 0)})`).join(', ')} hold${piling.length === 1 ? 's' : ''} more WAL than ${replication_health_formatBytes(slotRetainedBytes)}: the WAL this migration writes will pile up on the primary's disk too.`, 'Find the consumer of the slot (a standby, a CDC tool such as Debezium, a logical subscriber) and bring it back, or, if it is gone for good, drop the slot: SELECT pg_drop_replication_slot(\'name\'). Dropping loses the consumer\'s position. See runbook/replication-health.md.', evidence);
    }
    if (lagging.length > 0 || lost.length > 0) {
        const parts = [
            ...lagging.map((s) => `standby ${s.application || s.clientAddress || s.pid} replays ${formatSeconds(s.replayLagSeconds ?? 0)} (${replication_health_formatBytes(s.replayLagBytes ?? 0)}) behind`),
            ...lost.map((s) => `slot ${s.name} has wal_status ${s.walStatus}`),
        ];
        return outcome.warn(`${parts.join('; ')}. A migration that writes a lot of WAL will widen the gap, and reads from the standby see old data meanwhile.`, 'Wait for the standbys to catch up before a large migration, and watch pg_stat_replication while it runs. See runbook/replication-health.md.', evidence);
    }
    return outcome.pass(`${state.standbys.length} standby${state.standbys.length === 1 ? '' : 's'} within ${formatSeconds(replicationLagSeconds)}; ${state.slots.length} replication slot${state.slots.length === 1 ? '' : 's'}, none inactive with more than ${replication_health_formatBytes(slotRetainedBytes)} of WAL.`, evidence);
}
/** 512 B, 3.2 MB, 10.0 GB. */
function replication_health_formatBytes(bytes) {
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
/* harmony default export */ const schema_compatibility = (defineLiveCheck({
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
/* harmony default export */ const schema_drift = (defineLiveCheck({
    id: 'schema-drift',
    title: 'The target schema matches the expected snapshot',
    category: 'schema',
    severity: 'error',
    async run(ctx) {
        const configured = ctx.target.schemaSnapshot;
        if (!configured) {
            return outcome.skip(`No expected-schema snapshot configured for ${ctx.targetName}. To detect drift, write one from a trusted environment with \`migrations snapshot --target <env> --out schema/${ctx.targetName}.json\` and set targets.${ctx.targetName}.schemaSnapshot to that file.`);
        }
        const path = (0,external_node_path_.isAbsolute)(configured) ? configured : (0,external_node_path_.resolve)(ctx.baseDir, configured);
        const expected = await readSnapshot(path);
        if (typeof expected === 'string') {
            return outcome.fail(`Cannot use the schema snapshot ${configured}: ${expected}.`, `Write it with \`migrations snapshot --target ${ctx.targetName} --out ${configured}\`, or fix targets.${ctx.targetName}.schemaSnapshot.`, { snapshot: configured });
        }
        const model = await ctx.memo('postgres:complete-schema', () => loadSchemaModel(ctx.db, { kind: 'all' }));
        const history = historyKey(ctx.layout?.historyTable);
        const actual = snapshot_toSnapshot(model, { exclude: history ? [history] : [] });
        const drifts = compareSnapshots(expected, actual).filter((d) => d.key !== history);
        const level = migrationLevels(ctx, expected);
        const touched = new Set(ctx.touched.map((t) => normaliseTable(t.table)));
        const evidence = {
            snapshot: configured,
            tables: Object.keys(actual.tables).length,
            snapshotTables: Object.keys(expected.tables).length,
            ...level,
            drifted: drifts.map((d) => `${d.object} ${d.key}`),
        };
        if (drifts.length === 0) {
            return outcome.pass(`The target matches the snapshot ${configured}: ${evidence.tables} tables, ${Object.keys(actual.views).length} views, ${actual.sequences.length} sequences, ${Object.keys(actual.types).length} types.`, evidence);
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
/* harmony default export */ const sequence_exhaustion = (defineLiveCheck({
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
            highest: ranked.slice(0, 5).map((u) => ({ sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, used: formatPercent(u.ratio) })),
        };
        const note = unreadable > 0 ? ` ${unreadable} sequence${unreadable === 1 ? '' : 's'} could not be read (no SELECT or USAGE privilege).` : '';
        if (over.length > 0) {
            const first = over[0];
            const findings = over.map((u) => ({
                message: `${sequence_exhaustion_describe(u)} has used ${formatPercent(u.ratio)} of its range (${formatCount(u.lastValue)} of ${formatCount(u.effectiveMax)}): inserts fail when it runs out.`,
                mitigation: mitigationFor(u),
                evidence: { sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, ratio: u.ratio },
                ...(u.table ? { tables: [u.table] } : {}),
            }));
            return {
                status: 'fail',
                summary: `${over.length} sequence${over.length === 1 ? '' : 's'} past ${formatPercent(limit)} of ${over.length === 1 ? 'its' : 'their'} range; ${sequence_exhaustion_describe(first)} is at ${formatPercent(first.ratio)}.${note}`,
                mitigation: mitigationFor(first),
                evidence,
                findings,
            };
        }
        const top = ranked[0];
        const summary = top ? `The fullest of ${usages.length} sequences, ${sequence_exhaustion_describe(top)}, has used ${formatPercent(top.ratio)} of its range (limit ${formatPercent(limit)}).${note}` : `No sequences in use.${note}`;
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
        return outcome.fail(`The target runs ${product} ${version}, older than minServerVersion ${min}.`, `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`, evidence);
    }
    if (compare(series, oldest) < 0) {
        return outcome.warn(`${product} ${series} is older than ${product} ${oldest}, the oldest series Migrations Preflight checks${eol ? `, and reached end of life on ${eol}` : ''}: online DDL and catalog tables differ, so some checks may be wrong.`, `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; meanwhile review the migration by hand.`, evidence);
    }
    if (eol && ctx.now.toISOString().slice(0, 10) > eol) {
        return outcome.warn(`${product} ${series} reached end of life on ${eol}: no more security or bug fixes.`, `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; migrations still run, but bugs found now will not be fixed upstream.`, evidence);
    }
    return outcome.pass(`${product} ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence);
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
/* harmony default export */ const server_version = (defineLiveCheck({
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
            return outcome.fail(`The target runs PostgreSQL ${version}, older than minServerVersion ${min}.`, `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`, evidence);
        }
        const eol = END_OF_LIFE[Math.floor(major)] ?? (major < 11 ? 'before 2023' : undefined);
        if (eol && (eol === 'before 2023' || ctx.now.toISOString().slice(0, 10) > eol)) {
            return outcome.warn(`PostgreSQL ${Math.floor(major)} reached community end of life on ${eol}: no more security or bug fixes.`, 'Plan a major-version upgrade; migrations still run, but bugs found now will not be fixed upstream.', { ...evidence, endOfLife: eol });
        }
        return outcome.pass(`PostgreSQL ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence);
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

;// CONCATENATED MODULE: ./src/dialects/postgres/grammars.ts
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
const grammars_loading = new Map();
/** Loads the grammar of a shipped major once per process; rejects for a major that is not shipped. */
function loadGrammar(major) {
    let grammar = grammars_loading.get(major);
    if (!grammar) {
        grammar = instantiate(major);
        grammars_loading.set(major, grammar);
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
    return (0,external_node_fs_.existsSync)(bundled) ? bundled : `${scriptDirectory}${path}`;
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
    return feature.isGrammarSyntax === true && (OLDER_GRAMMARS.includes(major) || major >= CURRENT_GRAMMAR);
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
/* harmony default export */ const sql_features_supported = (defineLiveCheck({
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
        return outcome.pass(used.size > 0 ? `PostgreSQL ${ctx.server.version} supports every version-dependent feature the pending SQL uses (${[...used].sort().join(', ')}).` : `The pending SQL uses no feature newer than PostgreSQL ${ctx.server.version}.`, evidence);
    },
}));

;// CONCATENATED MODULE: ./src/checks/live/target-is-primary.ts


/**
 * The target accepts writes: it is not a standby in recovery (pg_is_in_recovery(),
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-RECOVERY-CONTROL), and the
 * migration role's sessions do not start read-only (default_transaction_read_only). Either way
 * the first DDL would fail with SQLSTATE 25006.
 */
/* harmony default export */ const target_is_primary = (defineLiveCheck({
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
            return outcome.fail(`${ctx.server.host}:${ctx.server.port} is a standby in recovery (a read replica): the migration cannot write there.`, 'Point the target URL at the primary (the writer endpoint of your cluster, not the reader or a replica). See runbook/target-is-primary.md.', evidence);
        }
        if (readOnly && isOn(readOnly.value)) {
            const where = readOnly.source === 'role' ? `for role ${state.migrationRole} (ALTER ROLE/DATABASE ... SET)` : 'on the server';
            return outcome.fail(`default_transaction_read_only is on ${where}: the migration's sessions start read-only and its first DDL will fail with SQLSTATE 25006.`, `Run the migration as a role whose sessions are writable, or ALTER ROLE ${state.migrationRole} SET default_transaction_read_only = off. If the whole server is read-only on purpose (a maintenance freeze), wait for it to end. See runbook/target-is-primary.md.`, evidence);
        }
        return outcome.pass(`${ctx.server.host}:${ctx.server.port} is a primary, and ${state.migrationRole}'s sessions start read-write.`, evidence);
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
/* harmony default export */ const type_change_cast = (defineLiveCheck({
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
/* harmony default export */ const xid_wraparound = (defineLiveCheck({
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
            databases: rows.slice(0, 5).map((r) => ({ database: r.datname, xidAge: r.xid_age, multixactAge: r.mxid_age, used: formatPercent(Math.max(r.xid_age, r.mxid_age) / XID_HORIZON) })),
        };
        const what = `Database ${oldest.datname} has a ${kind} age of ${formatCount(age)}, ${formatPercent(ratio)} of the 2^31 wraparound horizon`;
        const mitigation = `Find what holds back freezing (long transactions, prepared transactions, stale replication slots), then VACUUM (FREEZE) the oldest tables in ${oldest.datname}; SELECT relname, age(relfrozenxid) FROM pg_class ORDER BY 2 DESC lists them.`;
        if (ratio >= ratioLimit)
            return outcome.fail(`${what} (limit ${formatPercent(ratioLimit)}): the server is heading for a forced shutdown of new transactions.`, mitigation, evidence);
        if (ratio >= ratioLimit / 2)
            return outcome.warn(`${what}, half way to the limit of ${formatPercent(ratioLimit)}.`, mitigation, evidence);
        return outcome.pass(`${what} (limit ${formatPercent(ratioLimit)}).`, evidence);
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
    target_is_primary,
    type_change_cast,
    xid_wraparound,
];

;// CONCATENATED MODULE: ./src/checks/static/support/executed-sql.ts

/** Executed statements of the pending set in order, optionally only of the given node kinds. */
function executedStatements(ctx, kind) {
    const all = executedSql(ctx).statements;
    if (kind === undefined)
        return [...all];
    const kinds = new Set(typeof kind === 'string' ? [kind] : kind);
    return all.filter((s) => kinds.has(s.kind));
}
/** The executed statements that run before `ref` (a top-level StatementRef or an ExecutedStatement), in order. */
function executedBefore(ctx, ref) {
    return executedSql(ctx).statements.slice(0, executedPosition(ctx, ref));
}
/** The place of `ref` among the executed statements (the index of its first executed statement). */
function executedPosition(ctx, ref) {
    const sql = executedSql(ctx);
    return sql.positions.get(ref) ?? sql.positions.get(ref.stmt) ?? 0;
}
/** Procedural SQL the migration runs that could not be analysed. */
function unanalysedSql(ctx) {
    return executedSql(ctx).unanalysed;
}
/** Suffix for a message about an executed statement: "" at top level, " (inside a DO block)" otherwise. */
function viaSuffix(exec) {
    return exec.via ? ` (${exec.via})` : '';
}
// Every rule reads the same expansion; build it once per pending file list (weakly keyed, so it
// goes away with the run).
const cache = new WeakMap();
/** Builds (or reuses) the expansion of the context's pending files. */
function executedSql(ctx) {
    const cached = cache.get(ctx.files);
    if (cached)
        return cached;
    const built = expand(ctx.files);
    cache.set(ctx.files, built);
    return built;
}
/** How deep DO blocks, EXECUTE strings and function calls are followed. */
const MAX_DEPTH = 4;
/** Walks every pending statement and the procedural code it runs. */
function expand(files) {
    const walk = { parser: loadedPostgresParser(), statements: [], unanalysed: [], routines: new Map() };
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const outer = { file, stmt };
            walk.statements.push({ file, stmt, kind: stmt.kind, node: stmt.node, text: stmt.text });
            followStatement(walk, outer, stmt.kind, stmt.node, stmt.text, 0, undefined);
        }
    }
    const positions = new Map(walk.statements.map((s, i) => [s.via ? s : s.stmt, i]));
    return { statements: walk.statements, unanalysed: walk.unanalysed, positions };
}
/** Follows what one executed statement runs in turn: DO bodies, created routines, calls. */
function followStatement(walk, outer, kind, node, text, depth, via) {
    if (depth >= MAX_DEPTH)
        return;
    switch (kind) {
        case 'DoStmt':
            followBody(walk, outer, languageOf(node.args, 'plpgsql'), text, bodyOf(node.args), depth, via ? `${via}, in a DO block` : 'inside a DO block');
            return;
        case 'CreateFunctionStmt': {
            const name = routineName(node.funcname);
            if (name)
                walk.routines.set(name, { name, language: languageOf(node.options, 'sql'), statementText: text, node });
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
        const sqlBody = routine.node.sql_body;
        if (sqlBody) {
            for (const inner of sqlBodyStatements(sqlBody))
                pushInner(walk, outer, inner.kind, inner.node, routine.statementText, depth + 1, how);
            continue;
        }
        followBody(walk, outer, routine.language, routine.statementText, bodyOf(routine.node.options), depth, how);
    }
}
/** Reads a procedural body in its language: SQL and PL/pgSQL are read, others are reported unanalysed. */
function followBody(walk, outer, language, statementText, body, depth, via) {
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
        followPlpgsql(walk, outer, fn?.PLpgSQL_function?.action, depth, via);
}
/** Visits every SQL statement and EXECUTE in a parsed PL/pgSQL function tree, in source order. */
function followPlpgsql(walk, outer, tree, depth, via) {
    if (Array.isArray(tree)) {
        for (const item of tree)
            followPlpgsql(walk, outer, item, depth, via);
        return;
    }
    if (!tree || typeof tree !== 'object')
        return;
    for (const [key, value] of Object.entries(tree)) {
        if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_perform') {
            const query = (value.sqlstmt ?? value.expr)?.PLpgSQL_expr?.query;
            if (typeof query === 'string')
                followSqlText(walk, outer, query, depth, via);
        }
        else if (key === 'PLpgSQL_stmt_dynexecute') {
            followExecute(walk, outer, value.query?.PLpgSQL_expr?.query, depth, via);
        }
        else if ((key === 'PLpgSQL_stmt_return_query' || key === 'PLpgSQL_stmt_open') && value.dynquery) {
            followExecute(walk, outer, value.dynquery?.PLpgSQL_expr?.query, depth, via);
        }
        else {
            followPlpgsql(walk, outer, value, depth, via);
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
    walk.statements.push({ ...outer, kind, node, text, via });
    followStatement(walk, outer, kind, node, text, depth, via);
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

;// CONCATENATED MODULE: ./src/checks/static/support/created-in-pending.ts


/**
 * Whether `table` (and `column` of it, when given) was created by a pending statement before `ref`.
 * `ref` may be an ExecutedStatement inside a DO block: statements before it in the same body count.
 */
function isCreatedBefore(ctx, ref, table, column) {
    const index = createdIndex(ctx);
    const at = positionOf(index, ref);
    if (at === undefined)
        return false;
    const key = tableKey(table);
    // A table's own history wins; without one, a table in a schema the set created is new too.
    const isTableNew = index.stateAt(`t:${key}`, at) ?? index.stateAt(`n:${created_in_pending_schemaOf(key)}`, at) ?? false;
    if (isTableNew)
        return true;
    return column !== undefined && (index.stateAt(`c:${key}:${column}`, at) ?? false);
}
/** Whether `schema` was created (without IF NOT EXISTS on an existing one) by a pending statement before `ref`. */
function isSchemaCreatedBefore(ctx, ref, schema) {
    const index = createdIndex(ctx);
    const at = positionOf(index, ref);
    return at !== undefined && (index.stateAt(`s:${schema}`, at) ?? false);
}
/** Canonical `schema.name` key of a table name as written (`orders`, `public.orders`, `Sales.Orders`). */
function tableKey(name) {
    return name.includes('.') ? name : `public.${name}`;
}
/** A statement's place in pending order: its own for a statement inside procedural code, else its top-level statement's. */
function positionOf(index, ref) {
    return index.order.get(ref) ?? index.order.get(ref.stmt);
}
/** Schema part of a canonical table key. */
function created_in_pending_schemaOf(key) {
    return key.slice(0, key.lastIndexOf('.'));
}
// Rules run one after another over the same pending files; the index is built once per file list
// (keyed weakly on it, so it goes away with the run) instead of once per rule and statement.
const created_in_pending_cache = new WeakMap();
/** Builds (or reuses) the index of creations for the context's pending files. */
function createdIndex(ctx) {
    const cached = created_in_pending_cache.get(ctx.files);
    if (cached)
        return cached;
    const built = buildIndex(ctx);
    created_in_pending_cache.set(ctx.files, built);
    return built;
}
/** Walks every pending statement once and records when objects become new or stop being new. */
function buildIndex(ctx) {
    const order = new Map();
    const transitions = new Map();
    const existing = ctx.live.tableSizes;
    let at = 0;
    const set = (key, isNew) => {
        const list = transitions.get(key) ?? [];
        list.push({ at, isNew });
        transitions.set(key, list);
    };
    const current = (key) => {
        const list = transitions.get(key);
        return list?.[list.length - 1]?.isNew;
    };
    const existsOnTarget = (key) => existing !== undefined && (existing.has(key) || (key.startsWith('public.') && existing.has(key.slice('public.'.length))));
    // Objects the set dropped or renamed away: a later CREATE ... IF NOT EXISTS really creates them.
    const absent = new Set();
    const create = (key, ifNotExists, existsBefore) => {
        // IF NOT EXISTS on something that exists does nothing, and the old object keeps its data.
        if (ifNotExists && !absent.has(key) && (current(key) !== undefined || existsBefore))
            return;
        absent.delete(key);
        set(key, true);
    };
    const remove = (key) => {
        absent.add(key);
        set(key, false);
    };
    const move = (from, to, wasNew) => {
        remove(from);
        absent.delete(to);
        set(to, wasNew);
    };
    const recorder = {
        createTable: (name, ifNotExists) => create(`t:${tableKey(name)}`, ifNotExists, existsOnTarget(tableKey(name))),
        dropTable: (name) => remove(`t:${tableKey(name)}`),
        moveTable: (from, to) => {
            const fromKey = tableKey(from);
            move(`t:${fromKey}`, `t:${tableKey(to)}`, current(`t:${fromKey}`) ?? current(`n:${created_in_pending_schemaOf(fromKey)}`) ?? false);
        },
        addColumn: (table, column, ifNotExists) => create(`c:${tableKey(table)}:${column}`, ifNotExists, false),
        dropColumn: (table, column) => remove(`c:${tableKey(table)}:${column}`),
        renameColumn: (table, from, to) => {
            const key = tableKey(table);
            move(`c:${key}:${from}`, `c:${key}:${to}`, current(`c:${key}:${from}`) ?? false);
        },
        createSchema: (schema, ifNotExists) => {
            create(`s:${schema}`, ifNotExists, false);
            // Only a plain CREATE SCHEMA proves the schema was empty, so every table in it is new.
            if (!ifNotExists)
                set(`n:${schema}`, true);
        },
        dropSchema: (schema) => {
            remove(`s:${schema}`);
            set(`n:${schema}`, false);
        },
    };
    for (const exec of executedStatements(ctx)) {
        order.set(exec.via ? exec : exec.stmt, at);
        // A statement's own effect counts only for the statements after it.
        at++;
        recordStatement(exec.kind, exec.node, recorder);
    }
    return {
        order,
        stateAt(key, when) {
            let state;
            for (const t of transitions.get(key) ?? []) {
                if (t.at > when)
                    break;
                state = t.isNew;
            }
            return state;
        },
    };
}
/** Records what one statement creates, drops or renames. */
function recordStatement(kind, n, r, inSchema) {
    const withSchema = (rv) => inSchema && rv && !rv.schemaname ? `${inSchema}.${rv.relname}` : relationName(rv);
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
            const name = relationName(n.intoClause?.rel);
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
                for (const name of objectNames(n.objects))
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
            const table = relationName(n.relation);
            if (!table)
                return;
            if (n.renameType === 'OBJECT_TABLE' || n.renameType === 'OBJECT_MATVIEW') {
                // RENAME TO keeps the schema: ALTER TABLE s.t RENAME TO u makes s.u.
                const schema = created_in_pending_schemaOf(tableKey(table));
                r.moveTable(table, `${schema}.${n.newname}`);
            }
            else if (n.renameType === 'OBJECT_COLUMN') {
                r.renameColumn(table, n.subname, n.newname);
            }
            return;
        }
        case 'AlterObjectSchemaStmt': {
            const table = relationName(n.relation);
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
    const table = relationName(n.relation);
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
function sql_names_displayKey(key) {
    const dot = key.indexOf('.');
    return dot === -1 ? quoteIdent(key) : `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`;
}
/** Key and printable name of a RangeVar, or undefined when the node names nothing. */
function relationOf(rangeVar) {
    const name = relationName(rangeVar);
    if (!name || !rangeVar)
        return undefined;
    const schema = String(rangeVar.schemaname ?? 'public');
    const relname = String(rangeVar.relname);
    return { key: tableKey(name), display: `${quoteIdent(schema)}.${quoteIdent(relname)}` };
}
/** Key and printable name of a `[schema, name]` String-node list (DROP INDEX, ALTER TYPE objects). */
function qualifiedNameOf(items) {
    const parts = (items ?? []).map((i) => i?.String?.sval).filter((s) => typeof s === 'string');
    if (parts.length === 0)
        return undefined;
    const name = parts[parts.length - 1];
    const schema = parts.length > 1 ? parts[parts.length - 2] : 'public';
    return { key: `${schema}.${name}`, display: `${quoteIdent(schema)}.${quoteIdent(name)}` };
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
    for (const { table, lock } of statementLocks(ref.stmt, ctx.postgresVersion)) {
        const key = tableKey(table);
        if (!isCreatedBefore(ctx, ref, table))
            out.push({ key, display: sql_names_displayKey(key), lock, isKnown: true });
    }
    const n = ref.stmt.node;
    if (ref.stmt.kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX') {
        const lock = n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        for (const object of n.objects ?? []) {
            const index = qualifiedNameOf(object?.List?.items);
            if (index)
                out.push(...indexTableLock(ctx, ref, index.key, lock));
        }
    }
    if (ref.stmt.kind === 'ReindexStmt' && n.kind === 'REINDEX_OBJECT_INDEX') {
        const index = relationOf(n.relation);
        if (index)
            out.push(...indexTableLock(ctx, ref, index.key, isConcurrentReindex(n) ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE'));
    }
    return out;
}
/** Whether a ReindexStmt has the CONCURRENTLY option. */
function isConcurrentReindex(n) {
    return (n.params ?? []).some((p) => p.DefElem?.defname === 'concurrently' && isTrueOption(p.DefElem));
}
/** The lock on the table behind an index, unless that table is new. */
function indexTableLock(ctx, ref, indexKey, lock) {
    const table = indexTableBefore(ctx, ref, indexKey);
    if (!table)
        return [{ key: `index:${indexKey}`, display: `the table of index ${sql_names_displayKey(indexKey)}`, lock, isKnown: false }];
    if (isCreatedBefore(ctx, ref, table))
        return [];
    return [{ key: table, display: sql_names_displayKey(table), lock, isKnown: true }];
}
// Index name -> table key, per statement order, built once per pending file list.
const indexCache = new WeakMap();
/** The table of an index created by a pending statement before `ref`, or undefined. */
function indexTableBefore(ctx, ref, indexKey) {
    let index = indexCache.get(ctx.files);
    if (!index) {
        index = { order: new Map(), created: new Map() };
        let at = 0;
        for (const file of ctx.files) {
            for (const stmt of file.parsed.statements) {
                index.order.set(stmt, at);
                const table = relationOf(stmt.node.relation);
                if (stmt.kind === 'IndexStmt' && stmt.node.idxname && table) {
                    // An index lives in its table's schema.
                    const key = `${table.key.slice(0, table.key.lastIndexOf('.'))}.${stmt.node.idxname}`;
                    index.created.set(key, [...(index.created.get(key) ?? []), { at, table: table.key }]);
                }
                at++;
            }
        }
        indexCache.set(ctx.files, index);
    }
    const at = index.order.get(ref.stmt) ?? -1;
    return (index.created.get(indexKey) ?? []).filter((c) => c.at < at).pop()?.table;
}
/** Evidence for a lock finding: lock, tables, the version assumed, and sizes when the target was read. */
function locking_lockEvidence(ctx, lock, keys, extra = {}) {
    const sizes = keys.flatMap((key) => {
        const size = ctx.live.tableSizes?.get(key);
        return size ? [{ table: key, rows: size.rows, bytes: size.bytes }] : [];
    });
    return {
        lock,
        tables: keys,
        postgresVersion: ctx.postgresVersion,
        versionSource: ctx.versionSource,
        ...(sizes.length > 0 ? { sizes } : {}),
        ...extra,
    };
}

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
/* harmony default export */ const add_column_rewrites_table = (defineStaticRule({
    id: 'add-column-rewrites-table',
    title: 'Add columns without rewriting the table',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        const userVolatility = new Map();
        for (const ref of ctx.statements(['AlterTableStmt', 'CreateFunctionStmt'])) {
            const n = ref.stmt.node;
            if (ref.stmt.kind === 'CreateFunctionStmt') {
                recordFunction(n, userVolatility);
                continue;
            }
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.key))
                continue;
            const rewrites = (n.cmds ?? []).flatMap((c) => {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype !== 'AT_AddColumn')
                    return [];
                const found = rewriteOf(ctx, ref, cmd.def?.ColumnDef ?? {}, userVolatility);
                return found ? [found] : [];
            });
            if (rewrites.length > 0)
                report(ctx, ref, table, rewrites);
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
function report(ctx, ref, table, rewrites) {
    const lock = 'ACCESS EXCLUSIVE';
    const first = rewrites[0];
    const reasons = rewrites.map((r) => `${quoteIdent(r.column)} (${describeCause(ctx, r)})`).join(', ');
    ctx.report(ref, {
        message: `ADD COLUMN ${reasons} rewrites every row of ${table.display} under an ${lock} lock: ${lockEffect(lock)} until the copy finishes.`,
        mitigation: add_column_rewrites_table_mitigationFor(ctx, table, first),
        help: 'Since PostgreSQL 11 a column with a constant or STABLE default (now(), CURRENT_TIMESTAMP) is added without a rewrite; a value that differs per row forces one.',
        tables: [table.key],
        lock,
        evidence: locking_lockEvidence(ctx, lock, [table.key], { columns: rewrites.map((r) => ({ column: r.column, cause: r.cause })) }),
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
function add_column_rewrites_table_mitigationFor(ctx, table, r) {
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
    const parts = (typeName?.names ?? []).map((n) => n?.String?.sval).filter((s) => typeof s === 'string');
    if (parts.length === 0)
        return undefined;
    const isBuiltin = parts.length === 1 || parts[0] === 'pg_catalog';
    const raw = parts[parts.length - 1];
    // The quoted "char" is a one-byte internal type, distinct from char(n) (bpchar).
    const isQuotedChar = parts.length === 1 && raw === 'char';
    const name = isBuiltin && !isQuotedChar ? (ALIASES[raw] ?? raw) : parts.join('.');
    const mods = (typeName?.typmods ?? []).map((m) => m?.A_Const?.ival?.ival).filter((v) => typeof v === 'number');
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
    const parsed = loadedPostgresParser()?.parse(`SELECT NULL::${text}`);
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

;// CONCATENATED MODULE: ./src/checks/static/support/type-changes.ts


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
        return from.isArray === to.isArray && type_changes_sameType(from, to) ? 'no-rewrite' : 'rewrite';
    if (type_changes_sameType(from, to))
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
function type_changes_sameType(a, b) {
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
// Per pending file list: every statement's place, and each column's type changes in order.
const type_changes_cache = new WeakMap();
/**
 * The column's type just before `ref`: from the pending set itself (CREATE TABLE, ADD COLUMN,
 * ALTER TYPE, RENAME COLUMN), else from the target when one is connected (live facts).
 */
function typeBefore(ctx, ref, table, column) {
    let index = type_changes_cache.get(ctx.files);
    if (!index) {
        index = type_changes_buildIndex(ctx.files);
        type_changes_cache.set(ctx.files, index);
    }
    const at = index.order.get(ref.stmt) ?? -1;
    let last;
    for (const change of index.changes.get(`${table}|${column}`) ?? []) {
        if (change.at >= at)
            break;
        last = change;
    }
    if (last?.type)
        return last.type;
    const liveName = last ? last.liveName : column;
    return liveName === undefined ? undefined : typeSpecOf(liveTypeName(ctx, table, liveName));
}
/** Records every column type declaration and change in the pending set. */
function type_changes_buildIndex(files) {
    const order = new Map();
    const changes = new Map();
    let at = 0;
    const set = (table, column, type, liveName) => {
        const key = `${table}|${column}`;
        changes.set(key, [...(changes.get(key) ?? []), { at, type, ...(liveName === undefined ? {} : { liveName }) }]);
    };
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            order.set(stmt, at);
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
                const records = changes.get(`${table}|${n.subname}`);
                const before = records?.[records.length - 1];
                if (before)
                    set(table, n.newname, before.type, before.liveName);
                else
                    set(table, n.newname, undefined, n.subname);
                set(table, n.subname, undefined);
            }
            at++;
        }
    }
    return { order, changes };
}

;// CONCATENATED MODULE: ./src/checks/static/column-type-change-rewrites.ts





/**
 * ALTER COLUMN TYPE holds ACCESS EXCLUSIVE and, unless the change is binary-coercible (varchar(n)
 * to a larger or no limit, varchar to text, numeric to more precision with the same scale, cidr to
 * inet...), rewrites the table and rebuilds its indexes
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES). The old type
 * is known when the pending set declares it or the connected target has the column (live facts);
 * otherwise a change to a type that some other type widens into (text, varchar, numeric...) is
 * taken as a widening, and anything else rewrites.
 */
/* harmony default export */ const column_type_change_rewrites = (defineStaticRule({
    id: 'column-type-change-rewrites',
    title: 'Change column types without rewriting the table',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements('AlterTableStmt')) {
            const n = ref.stmt.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.key))
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
    ctx.report(ref, {
        message: `ALTER COLUMN TYPE ${described.join(', ')} rewrites ${table.display} and rebuilds its indexes under an ${lock} lock` +
            `${onlyUtc ? ' unless the session TimeZone is UTC' : ''}: ${lockEffect(lock)} until it finishes.`,
        ...(onlyUtc ? { severity: 'warning' } : {}),
        mitigation: onlyUtc
            ? `Run SET TimeZone = 'UTC'; before the ALTER in the same session (PostgreSQL 12+ then skips the rewrite), or use the new-column path for any other zone.`
            : `Add a new column instead and switch over: ALTER TABLE ${table.display} ADD COLUMN ${tmp} ${typeText(first.to)}; keep it in sync with a trigger, ` +
                `backfill in batches (UPDATE ... SET ${tmp} = ${col}::${typeText(first.to)} WHERE <key range>), then in one short transaction rename ${col} away and ${tmp} to ${col}.`,
        help: 'Binary-coercible changes (varchar(n) to varchar(m>n) or text, numeric(p,s) to numeric(q>p,s), cidr to inet) only update the catalog; they still take ACCESS EXCLUSIVE briefly.',
        tables: [table.key],
        lock,
        evidence: locking_lockEvidence(ctx, lock, [table.key], {
            changes: changes.map((c) => ({ column: c.column, from: c.from ? typeText(c.from) : 'unknown', to: typeText(c.to), using: c.hasUsing })),
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
const transactions_cache = new WeakMap();
/** The transaction the statement runs in. */
function transactionOf(ctx, ref) {
    let byStatement = transactions_cache.get(ctx.files);
    if (!byStatement) {
        byStatement = buildTransactions(ctx);
        transactions_cache.set(ctx.files, byStatement);
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
        for (const stmt of statements) {
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
    const later = ref.file.parsed.statements.slice(ref.stmt.index + 1);
    if (later.length === 0)
        return !(ref.stmt.kind === 'IndexStmt' && ref.stmt.node.concurrent === true);
    const tx = transactionOf(ctx, ref);
    return tx.kind !== 'none' && later.every((stmt) => transactionOf(ctx, { file: ref.file, stmt }).id === tx.id);
}
/** How to run one statement outside a transaction with the given migration tool. */
function noTransactionAdvice(layout) {
    switch (layout) {
        case 'flyway':
            return 'Put it in its own migration with executeInTransaction=false in a <script>.sql.conf beside it (Flyway 7+).';
        case 'dbmate':
            return 'Put it in its own migration that starts with "-- migrate:up transaction:false".';
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
/* harmony default export */ const concurrently_in_transaction = (defineStaticRule({
    id: 'concurrently-in-transaction',
    title: 'Run non-transactional commands outside a transaction',
    category: 'static-analysis',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements()) {
            const command = nonTransactionalCommand(ref.stmt);
            if (!command)
                continue;
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
            return (createSlot ? isTrueOption(createSlot) : true) && (connect ? isTrueOption(connect) : true) ? 'CREATE SUBSCRIPTION (with create_slot)' : undefined;
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/checks/static/constraint-missing-not-valid.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */






/**
 * ADD FOREIGN KEY and ADD CHECK check every existing row while holding their lock (SHARE ROW
 * EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). NOT VALID skips the
 * check; VALIDATE CONSTRAINT then checks under SHARE UPDATE EXCLUSIVE, which blocks no reads or
 * writes, but only if it runs in a later transaction
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
/* harmony default export */ const constraint_missing_not_valid = (defineStaticRule({
    id: 'constraint-missing-not-valid',
    title: 'Add foreign keys and checks as NOT VALID, validate later',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        // Constraints added NOT VALID so far, by "table key|constraint name".
        const notValid = new Map();
        for (const ref of ctx.statements('AlterTableStmt')) {
            const n = ref.stmt.node;
            const table = relationOf(n.relation);
            if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE'))
                continue;
            const isNew = isCreatedBefore(ctx, ref, table.key);
            const validating = [];
            for (const c of n.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                if (cmd.subtype === 'AT_AddConstraint') {
                    const con = cmd.def?.Constraint ?? {};
                    if (con.skip_validation && con.conname) {
                        notValid.set(`${table.key}|${con.conname}`, { ref, lock: tableLock(ctx, ref, table.key), kind: constraintKind(con) });
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
    return statementLocks(ref.stmt, ctx.postgresVersion).find((l) => tableKey(l.table) === key)?.lock ?? 'ACCESS EXCLUSIVE';
}
/** Reports constraints that check every row while the statement's locks are held. */
function reportValidating(ctx, ref, table, constraints) {
    const locks = statementLocks(ref.stmt, ctx.postgresVersion).map((l) => ({ key: tableKey(l.table), lock: l.lock }));
    const own = locks.find((l) => l.key === table.key)?.lock ?? 'ACCESS EXCLUSIVE';
    const referenced = [...new Set(constraints.flatMap((c) => (c.node.contype === 'CONSTR_FOREIGN' ? [relationOf(c.node.pktable)?.key ?? ''] : [])))].filter((k) => k && k !== table.key);
    const names = constraints.map((c) => `${constraintKind(c.node)}${c.node.conname ? ` ${quoteIdent(c.node.conname)}` : ''}`).join(', ');
    const refs = referenced.map(sql_names_displayKey).join(', ');
    const message = own === 'SHARE ROW EXCLUSIVE' && refs
        ? `ADD ${names} checks every row of ${table.display} while holding SHARE ROW EXCLUSIVE locks on ${table.display} and ${refs}: writes to both are blocked until the check finishes.`
        : `ADD ${names} checks every row of ${table.display} while holding ${lockWithArticle(own)} lock on it${refs ? ` and SHARE ROW EXCLUSIVE on ${refs}` : ''}: ` +
            `${lockEffect(own)}${refs ? ` (writes to ${refs} too)` : ''} until the check finishes.`;
    const allInline = constraints.every((c) => c.isInline);
    const single = (n) => (n.stmt.node.cmds ?? []).length === 1;
    const firstName = constraints.find((c) => c.node.conname)?.node.conname;
    const validate = `ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${firstName ? quoteIdent(firstName) : '<constraint name>'};`;
    const mitigation = allInline
        ? `Add the column first, then the constraint as NOT VALID, and validate it in a later migration: ALTER TABLE ${table.display} ADD COLUMN ...; ` +
            `ALTER TABLE ${table.display} ADD CONSTRAINT <name> ${constraints[0].node.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY (<column>) REFERENCES ...' : 'CHECK (...)'} NOT VALID; then ${validate.replace('<constraint name>', '<name>')}`
        : single(ref)
            ? `Add it without checking existing rows: ${ref.stmt.text} NOT VALID; then, in a later migration (its own transaction): ${validate}`
            : `Add each ${names} with NOT VALID, then run ${validate} in a later migration (its own transaction).`;
    const lockedKeys = [table.key, ...referenced];
    ctx.report(ref, {
        message,
        mitigation,
        help: 'NOT VALID adds the constraint for new rows only, with a brief lock; VALIDATE CONSTRAINT then checks old rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.',
        tables: lockedKeys,
        lock: own,
        evidence: locking_lockEvidence(ctx, own, lockedKeys, { constraints: constraints.map((c) => c.node.conname ?? constraintKind(c.node)) }),
    });
}
/** Reports VALIDATE CONSTRAINT in the same transaction as its NOT VALID add. */
function reportSameTransaction(ctx, ref, table, name, added) {
    const tx = transactionOf(ctx, ref);
    if (tx.kind === 'none' || transactionOf(ctx, added.ref).id !== tx.id)
        return;
    const where = added.ref.file === ref.file ? `line ${added.ref.stmt.line}` : `${added.ref.file.migration.path}:${added.ref.stmt.line}`;
    ctx.report(ref, {
        message: `VALIDATE CONSTRAINT ${quoteIdent(name)} runs in the same transaction as its NOT VALID add (${where}), so the ${added.lock} lock ` +
            `on ${table.display} from the add is held while every row is checked: ${lockEffect(added.lock)} and NOT VALID saves nothing.`,
        mitigation: `Move ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${quoteIdent(name)}; to a later migration that runs in its own transaction.`,
        help: `Why the transaction: ${tx.reason}.`,
        tables: [table.key],
        lock: added.lock,
        evidence: locking_lockEvidence(ctx, added.lock, [table.key], { constraint: name, addedAt: where, transaction: tx.reason }),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/dynamic-sql-not-analysed.ts


/**
 * SQL built at run time (EXECUTE of a concatenated or format()ted string) or written in another
 * procedural language cannot be checked statically. It is reported as a note, so nobody mistakes
 * a quiet report for a checked one.
 */
/* harmony default export */ const dynamic_sql_not_analysed = (defineStaticRule({
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
/* harmony default export */ const enum_add_value_in_transaction = (defineStaticRule({
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
/* harmony default export */ const identifier_too_long = (defineStaticRule({
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
                    ctx.report(identifier_too_long_positionOf(ref, id.at), {
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
            const nl = text.indexOf('\n', i);
            i = nl === -1 ? text.length : nl;
        }
        else if (ch === '/' && text[i + 1] === '*') {
            i = identifier_too_long_skipBlockComment(text, i);
        }
        else if (ch === "'") {
            i = identifier_too_long_skipString(text, i, /[eE]/.test(text[i - 1] ?? '') && !isIdentChar(text[i - 2] ?? ''));
        }
        else if (ch === '$' && /^\$[A-Za-z_\u0080-\uffff]?[A-Za-z0-9_\u0080-\uffff]*\$/.test(text.slice(i))) {
            const tag = /^\$[A-Za-z_\u0080-\uffff]?[A-Za-z0-9_\u0080-\uffff]*\$/.exec(text.slice(i))[0];
            const close = text.indexOf(tag, i + tag.length);
            i = close === -1 ? text.length : close + tag.length;
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
/** Index after a string literal; E'' strings take backslash escapes. */
function identifier_too_long_skipString(text, i, hasBackslashEscapes) {
    let j = i + 1;
    while (j < text.length) {
        if (hasBackslashEscapes && text[j] === '\\')
            j += 2;
        else if (text[j] === "'" && text[j + 1] === "'")
            j += 2;
        else if (text[j] === "'")
            return j + 1;
        else
            j++;
    }
    return text.length;
}
/** Index after a (nested) block comment. */
function identifier_too_long_skipBlockComment(text, i) {
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
function identifier_too_long_positionOf(ref, charOffset) {
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
/* harmony default export */ const invalid_directive = (defineStaticRule({
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
    const table = alteredTable(stmt);
    if (!table)
        return undefined;
    const items = alterItems(stmt);
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
                return { what: `ADD COLUMN ${column}`, best: 'INSTANT' };
            case 'drop':
                // INSTANT from MySQL 8.0.29 and MariaDB 10.4; older servers rebuild the table in place.
                return { what: `DROP COLUMN ${column}`, best: 'INSTANT' };
            case 'rename':
                return { what: `RENAME COLUMN ${item.old_column?.column} TO ${column}`, best: 'INSTANT' };
            case 'modify':
            case 'change':
                return {
                    what: `${action} COLUMN ${column}`,
                    best: 'COPY',
                    note: 'changing a column\'s data type copies the table (only renames, defaults and growing a VARCHAR within the same length byte do not)',
                    mayRunInPlace: true,
                };
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
    // Table options (ENGINE, COMMENT, AUTO_INCREMENT...) run in place; ENGINE= rebuilds but allows writes.
    return { what: String(item.keyword ?? item.resource ?? 'table option').toUpperCase(), best: 'INPLACE' };
}
/** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX ... [ALGORITHM=] [LOCK=]. */
function createIndexPlan(stmt) {
    const table = indexedTable(stmt);
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
    const table = unparsedAlterTable(stmt);
    if (!table)
        return undefined;
    const text = stripComments(stmt.text);
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
    for (const earlier of ctx.statements('create')) {
        if (isAtOrAfter(ctx, earlier, ref))
            return false;
        if (createdTables(earlier.stmt).some((t) => isSameTable(t, table)))
            return true;
    }
    return false;
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
 * the whole copy. Naming the clause turns that into an immediate error instead. Operations that
 * copy the table (column type changes, ADD FOREIGN KEY with checks on, DROP PRIMARY KEY,
 * CONVERT TO CHARACTER SET) and FULLTEXT/SPATIAL indexes (writes blocked) are named in the message.
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html
 */
/* harmony default export */ const mysql_alter_without_online_ddl = (defineStaticRule({
    id: 'mysql-alter-without-online-ddl',
    title: 'ALTER TABLE asks for online DDL (MySQL)',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements(['alter', 'create', parser.UNPARSED])) {
            const plan = ddlPlan(ref.stmt, { isForeignKeyChecksOff: isForeignKeyChecksOffBefore(ref) });
            if (!plan || isCreatedEarlier(ctx, ref, plan.table))
                continue;
            checkPlan(ctx, ref, plan);
        }
    },
}));
/** Reports one statement: refused online clause, blocking operations, or a missing clause. */
function checkPlan(ctx, ref, plan) {
    const name = tableLabel(plan.table);
    const evidence = { table: name, operations: plan.operations.map((op) => `${op.what}: ${op.best}`), algorithm: plan.algorithm ?? null, lock: plan.lock ?? null };
    const never = neverOnlineOperations(plan);
    if (assertsOnline(plan)) {
        if (never.length === 0)
            return;
        ctx.report(ref, {
            message: `${mysql_alter_without_online_ddl_describe(never)} on ${name} cannot run with ${clauses(plan)}: MySQL rejects the statement, so the migration stops here (${notes(never)}).`,
            mitigation: `Run this change with ${ONLINE_TOOLS}, which copy the table in the background, or in a maintenance window without the online clause.`,
            evidence,
            tables: [name],
        });
        return;
    }
    const blocking = blockingOperations(plan);
    if (blocking.length > 0) {
        const copies = blocking.some((op) => op.best === 'COPY');
        ctx.report(ref, {
            message: `${mysql_alter_without_online_ddl_describe(blocking)} on ${name} ${copies ? 'copies the whole table' : 'rebuilds the table'} and blocks writes to it until done (${notes(blocking)}).`,
            mitigation: `Add ALGORITHM=INPLACE, LOCK=NONE so MySQL refuses instead of blocking when the change cannot run online; for a change that must copy, use ${ONLINE_TOOLS} or a maintenance window.`,
            help: 'With ALGORITHM and LOCK named, MySQL fails fast (ER_ALTER_OPERATION_NOT_SUPPORTED_REASON) rather than silently choosing a blocking algorithm.',
            evidence,
            tables: [name],
        });
        return;
    }
    const verb = ref.stmt.kind === 'create' ? 'CREATE INDEX' : 'ALTER TABLE';
    const partial = plan.isFromText ? ' (node-sql-parser could not read the statement, so its operations were not checked)' : '';
    ctx.report(ref, {
        message: `${verb} on ${name} names no ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INSTANT or LOCK=NONE'}: if it cannot run online, MySQL silently copies the table and blocks writes instead of failing${partial}.`,
        mitigation: `Add ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'} to the statement (e.g. ${verb} ... , ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'}); MySQL then refuses rather than blocking.`,
        evidence,
        tables: [name],
    });
}
/** "MODIFY COLUMN total, ADD FOREIGN KEY". */
function mysql_alter_without_online_ddl_describe(ops) {
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
 * (IF NOT EXISTS / IF EXISTS) are not reported.
 */
/* harmony default export */ const mysql_ddl_not_transactional = (defineStaticRule({
    id: 'mysql-ddl-not-transactional',
    title: 'One DDL statement per migration file (MySQL)',
    severity: 'warning',
    dialects: ['mysql'],
    run(ctx) {
        for (const file of ctx.files) {
            const ddl = file.parsed.statements.filter(isDdl);
            if (ddl.length < 2)
                continue;
            // The last statement never needs to run again after a failure of its own.
            const blocking = ddl.slice(0, -1).filter((s) => !isRerunnable(s));
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
    for (const { position, copy, exec } of copiesOf(ctx)) {
        if (position >= at)
            break;
        if (!copy.sources.some((s) => tableKey(s) === key))
            continue;
        if (!copy.hasStar && (column === undefined || !copy.columns.includes(column)))
            continue;
        return `${copy.target} copied at ${exec.file.migration.path}:${exec.stmt.line}`;
    }
    return undefined;
}
// Every destructive finding looks for copies before it: list them once per pending file list.
const copyCache = new WeakMap();
/** The copy statements of the pending set, in order. */
function copiesOf(ctx) {
    const cached = copyCache.get(ctx.files);
    if (cached)
        return cached;
    const copies = [];
    for (const [position, exec] of executedStatements(ctx).entries()) {
        const copy = copyOf(exec);
        if (copy)
            copies.push({ position, copy, exec });
    }
    copyCache.set(ctx.files, copies);
    return copies;
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
    const target = relationName(into);
    // A temporary table is gone when the session ends, so it cannot restore anything later.
    if (!target || !select || into?.relpersistence === 't')
        return undefined;
    // A filtered or limited copy does not hold every row.
    if (select.whereClause || select.limitCount)
        return undefined;
    // Only a plain copy of one table holds its rows as they were: a join drops or repeats rows.
    const from = select.fromClause ?? [];
    const source = from.length === 1 ? relationName(from[0]?.RangeVar) : undefined;
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

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-drop-column.ts




/**
 * ALTER TABLE ... DROP COLUMN deletes the column's values in every row, and the application
 * version still running may read or write it. MySQL commits the change at once.
 */
/* harmony default export */ const mysql_no_drop_column = (defineStaticRule({
    id: 'mysql-no-drop-column',
    title: 'Columns are not dropped while code may use them (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('alter')) {
            const table = alteredTable(ref.stmt);
            if (!table || isCreatedEarlier(ctx, ref, table))
                continue;
            const columns = alterItems(ref.stmt)
                .filter((i) => i.action === 'drop' && i.resource === 'column')
                .map((i) => String(i.column?.column ?? '?'));
            if (columns.length === 0)
                continue;
            const name = tableLabel(table);
            const list = columns.join(', ');
            reportDestructive(ctx, ref, {
                message: `DROP COLUMN deletes ${list} from every row of ${name}; MySQL commits it at once, and application code still reading ${columns.length === 1 ? 'it' : 'them'} fails with "Unknown column".`,
                mitigation: `Ship code that no longer uses ${list} first, then drop ${columns.length === 1 ? 'it' : 'them'} in a later migration; copy the values first (CREATE TABLE ${table.table}_${columns[0]}_backup AS SELECT <primary key>, ${columns[0]} FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                help: 'Expand and contract: stop using the column, deploy, then drop it. MySQL 8.0.29+ and MariaDB 10.4+ drop a column instantly (ALGORITHM=INSTANT); older servers rebuild the table.',
                evidence: { table: name, columns },
                tables: [name],
            }, { accept: ['directive'] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-drop-table.ts




/**
 * DROP TABLE deletes the table and every row in it. MySQL commits DDL at once, so not even a
 * transaction around the migration brings it back; only a backup does. A table the pending set
 * created itself holds no older data and is not reported.
 */
/* harmony default export */ const mysql_no_drop_table = (defineStaticRule({
    id: 'mysql-no-drop-table',
    title: 'Tables are not dropped without a backup (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('drop')) {
            const tables = droppedTables(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t));
            if (tables.length === 0)
                continue;
            const names = tables.map(tableLabel);
            const first = tables[0];
            reportDestructive(ctx, ref, {
                message: `DROP TABLE deletes ${names.join(', ')} and all ${tables.length === 1 ? 'its' : 'their'} rows; MySQL commits it at once, so the data is gone unless there is a backup.`,
                mitigation: `Rename the table instead (RENAME TABLE ${tableLabel(first)} TO ${first.table}_deprecated) and drop it in a later release once nothing reads it; or copy it first (CREATE TABLE ${first.table}_backup LIKE ${tableLabel(first)}; INSERT INTO ${first.table}_backup SELECT * FROM ${tableLabel(first)}) or record the backup with -- preflight:backup <reference>.`,
                help: 'DDL in MySQL cannot be rolled back: keep the data until the application has shipped without the table, then drop it with a recorded backup.',
                evidence: { tables: names },
                tables: names,
            }, { accept: ['directive'] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-no-truncate.ts




/**
 * TRUNCATE TABLE empties a table at once: MySQL drops and recreates it, fires no DELETE triggers,
 * commits implicitly and cannot be rolled back.
 */
/* harmony default export */ const mysql_no_truncate = (defineStaticRule({
    id: 'mysql-no-truncate',
    title: 'Tables are not truncated without a backup (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements('truncate')) {
            const tables = truncatedTables(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t));
            if (tables.length === 0)
                continue;
            const name = tableLabel(tables[0]);
            reportDestructive(ctx, ref, {
                message: `TRUNCATE TABLE deletes every row of ${name} and commits at once; no DELETE trigger fires and nothing can roll it back.`,
                mitigation: `Delete only what must go, in batches (DELETE FROM ${name} WHERE ... LIMIT 10000); or copy it first (CREATE TABLE ${tables[0].table}_backup LIKE ${name}; INSERT INTO ${tables[0].table}_backup SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
                help: 'TRUNCATE is DDL in MySQL: it needs an exclusive metadata lock on the table and resets AUTO_INCREMENT.',
                evidence: { tables: tables.map(tableLabel) },
                tables: tables.map(tableLabel),
            }, { accept: ['directive'] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/mysql-statement-not-analysed.ts


/**
 * node-sql-parser, which reads MySQL migrations, does not know every statement MySQL accepts
 * (stored procedures, triggers with BEGIN ... END, some ALTER TABLE forms). Such a statement is
 * not a syntax error, but no rule could check it: this note says so, so nobody mistakes a quiet
 * report for a checked one. Preflight makes no syntax claims about MySQL.
 */
/* harmony default export */ const mysql_statement_not_analysed = (defineStaticRule({
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
 * keeps a lock on each row until the statement commits (LIMIT alone picks arbitrary rows).
 */
/* harmony default export */ const mysql_unqualified_delete_update = (defineStaticRule({
    id: 'mysql-unqualified-delete-update',
    title: 'DELETE and UPDATE say which rows (MySQL)',
    severity: 'error',
    dialects: ['mysql'],
    run(ctx) {
        for (const ref of ctx.statements(['delete', 'update'])) {
            const change = changedRows(ref.stmt);
            if (!change || change.hasWhere || isCreatedEarlier(ctx, ref, change.table))
                continue;
            const name = tableLabel(change.table);
            const hasLimit = ref.stmt.node.limit?.value?.length > 0;
            const scope = hasLimit ? `arbitrary rows of ${name} (LIMIT without WHERE)` : `every row of ${name}`;
            reportDestructive(ctx, ref, {
                message: change.verb === 'DELETE'
                    ? `DELETE without WHERE deletes ${scope}, locking each row until it commits.`
                    : `UPDATE without WHERE overwrites ${scope}, locking each row until it commits; the old values are gone.`,
                mitigation: `Add a WHERE clause naming the rows (WHERE 1 = 1 if every row is meant), and change large tables in batches by key range (WHERE id BETWEEN ... AND ...); copy the rows first or record the backup with -- preflight:backup <reference>.`,
                help: 'A DELETE or UPDATE without WHERE is a common accident. Writing the condition, even WHERE 1 = 1, shows the change was intended.',
                evidence: { table: name, statement: change.verb, limit: hasLimit },
                tables: [name],
            }, { accept: ['directive'] });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/support/column-defs.ts




/** Columns defined or retyped by a CREATE TABLE or ALTER TABLE statement. */
function columnDefinitions(exec) {
    const n = exec.node;
    const out = [];
    const push = (table, def, via, name) => {
        const type = columnType(def?.typeName);
        const column = name ?? def?.colname;
        if (!table || !type || typeof column !== 'string')
            return;
        out.push({ table, column, type, via, constraints: (def?.constraints ?? []).map((c) => c?.Constraint).filter(Boolean) });
    };
    if (exec.kind === 'CreateStmt') {
        for (const elt of n.tableElts ?? [])
            push(relationName(n.relation), elt.ColumnDef, 'create');
    }
    else if (exec.kind === 'AlterTableStmt' && (!n.objtype || n.objtype === 'OBJECT_TABLE')) {
        const table = relationName(n.relation);
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
    const key = tableKey(table);
    let found;
    for (const earlier of executedBefore(ctx, exec)) {
        for (const def of columnDefinitions(earlier)) {
            if (def.column === column && tableKey(def.table) === key)
                found = def.type;
        }
    }
    return found ?? liveColumnType(ctx, table, column);
}

;// CONCATENATED MODULE: ./src/checks/static/support/statement-facts.ts


/** The `tables` and `lock` fields of a finding for a statement, empty when it locks no existing table. */
function lockFields(ctx, kind, node) {
    const locks = statementLocks({ kind, node }, ctx.postgresVersion);
    if (locks.length === 0)
        return {};
    let lock = locks[0].lock;
    for (const l of locks)
        lock = strongerLock(lock, l.lock);
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

;// CONCATENATED MODULE: ./src/checks/static/no-char-type.ts





/**
 * char(n) pads values with spaces to n characters, ignores trailing spaces in comparisons, and is
 * no faster than text or varchar in PostgreSQL. The one-byte internal type "char" is not reported.
 */
/* harmony default export */ const no_char_type = (defineStaticRule({
    id: 'no-char-type',
    title: 'No char(n) columns',
    severity: 'warning',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const columns = columnDefinitions(exec).filter((d) => d.type.name === 'bpchar');
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
/* harmony default export */ const no_drop_cascade = (defineStaticRule({
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
                : `ALTER TABLE ${displayName(relationName(exec.node.relation) ?? '')} DROP ${dropped.join(', ')}`;
            reportDestructive(ctx, exec, {
                message: `${what} CASCADE also drops every object that depends on ${dropped.length === 1 ? 'it' : 'them'}${viaSuffix(exec)}, without naming them; ${possibleDependents(exec)} can disappear.`,
                mitigation: 'Drop with the default RESTRICT to see what depends on the object, then drop or change each dependent explicitly in this migration; record a backup with -- preflight:backup <reference> if CASCADE must stay.',
                help: 'Find dependents with: SELECT * FROM pg_depend WHERE refobjid = \'<name>\'::regclass; or run the DROP without CASCADE on a copy of production and read the error.',
                evidence: { objects: dropped.map((d) => (exec.kind === 'DropStmt' ? d : `${relationName(exec.node.relation)}: ${d}`)), ...(exec.via ? { via: exec.via } : {}) },
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
    const table = relationName(exec.node.relation);
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
 * A column (or table) the pending set created itself holds no older data and is not reported.
 */
/* harmony default export */ const no_drop_column = (defineStaticRule({
    id: 'no-drop-column',
    title: 'Columns are not dropped without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
            const table = relationName(exec.node.relation);
            if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE'))
                continue;
            const columns = (exec.node.cmds ?? [])
                .map((c) => c.AlterTableCmd)
                .filter((cmd) => cmd?.subtype === 'AT_DropColumn' && typeof cmd.name === 'string')
                .map((cmd) => cmd.name)
                .filter((column) => !isCreatedBefore(ctx, exec, table, column));
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
/* harmony default export */ const no_drop_schema_or_database = (defineStaticRule({
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
/* harmony default export */ const no_drop_table = (defineStaticRule({
    id: 'no-drop-table',
    title: 'Tables are not dropped without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'DropStmt')) {
            if (exec.node.removeType !== 'OBJECT_TABLE')
                continue;
            const tables = objectNames(exec.node.objects).filter((t) => !isCreatedBefore(ctx, exec, t));
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
/* harmony default export */ const no_narrowing_type_change = (defineStaticRule({
    id: 'no-narrowing-type-change',
    title: 'Column types are not narrowed',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
            const table = relationName(exec.node.relation);
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
    const key = tableKey(table);
    let found;
    for (const earlier of executedBefore(ctx, exec)) {
        if (earlier.kind !== 'AlterTableStmt' || tableKey(relationName(earlier.node.relation) ?? '') !== key)
            continue;
        for (const c of earlier.node.cmds ?? []) {
            const cmd = c.AlterTableCmd;
            if (cmd?.subtype === 'AT_AlterColumnType' && cmd.name === column)
                found = columnType(cmd.def?.ColumnDef?.typeName) ?? found;
        }
    }
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




const no_rename_RELATION_KINDS = {
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
/* harmony default export */ const no_rename = (defineStaticRule({
    id: 'no-rename',
    title: 'Do not rename tables or columns in use',
    category: 'schema',
    severity: 'warning',
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        for (const ref of ctx.statements(['RenameStmt', 'AlterObjectSchemaStmt'])) {
            const n = ref.stmt.node;
            const relation = relationOf(n.relation);
            if (!relation)
                continue;
            let what;
            let mitigation;
            if (ref.stmt.kind === 'AlterObjectSchemaStmt') {
                const kind = no_rename_RELATION_KINDS[String(n.objectType)];
                if (!kind || isCreatedBefore(ctx, ref, relation.key))
                    continue;
                what = `Moving ${kind} ${relation.display} to schema ${quoteIdent(String(n.newschema))}`;
                mitigation = `Deploy code that uses the new schema-qualified name first, or leave a view under the old name: CREATE VIEW ${relation.display} AS SELECT * FROM ${quoteIdent(String(n.newschema))}.${quoteIdent(String(n.relation.relname))};`;
            }
            else if (n.renameType === 'OBJECT_COLUMN') {
                if (isCreatedBefore(ctx, ref, relation.key, String(n.subname)))
                    continue;
                what = `Renaming column ${relation.display}.${quoteIdent(String(n.subname))} to ${quoteIdent(String(n.newname))}`;
                mitigation =
                    `Expand and contract: add ${quoteIdent(String(n.newname))} as a new column, write both columns from the application, backfill, ` +
                        `switch reads to the new column, then drop ${quoteIdent(String(n.subname))} in a later release.`;
            }
            else {
                const kind = no_rename_RELATION_KINDS[String(n.renameType)];
                if (!kind || isCreatedBefore(ctx, ref, relation.key))
                    continue;
                const schema = quoteIdent(String(n.relation.schemaname ?? 'public'));
                what = `Renaming ${kind} ${relation.display} to ${quoteIdent(String(n.newname))}`;
                mitigation =
                    `Deploy code that reads both names first, or keep the old name working: rename, then CREATE VIEW ${relation.display} AS SELECT * FROM ${schema}.${quoteIdent(String(n.newname))}; ` +
                        '(a simple view is updatable), and drop the view once no code uses it.';
            }
            ctx.report(ref, {
                message: `${what} breaks application code that still uses the old name: its queries fail as soon as the migration commits (it also takes an ${lock} lock on ${relation.display}).`,
                mitigation,
                help: 'Application instances are replaced one by one, so old and new code run against the same schema for a while; only additive changes are safe for both.',
                tables: [relation.key],
                lock,
                evidence: locking_lockEvidence(ctx, lock, [relation.key]),
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
/* harmony default export */ const no_transaction_control_in_wrapped_file = (defineStaticRule({
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
/* harmony default export */ const no_truncate = (defineStaticRule({
    id: 'no-truncate',
    title: 'Tables are not truncated without a backup',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, 'TruncateStmt')) {
            const tables = (exec.node.relations ?? [])
                .map((r) => relationName(r.RangeVar))
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
/* harmony default export */ const no_unqualified_delete_update = (defineStaticRule({
    id: 'no-unqualified-delete-update',
    title: 'DELETE and UPDATE say which rows',
    severity: 'error',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['DeleteStmt', 'UpdateStmt'])) {
            if (exec.node.whereClause)
                continue;
            const table = relationName(exec.node.relation);
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





/**
 * VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock
 * (https://www.postgresql.org/docs/current/sql-vacuum.html, .../sql-cluster.html): reads and writes
 * stop for the whole copy. pg_repack or pg_squeeze do the same online.
 */
/* harmony default export */ const no_vacuum_full_or_cluster = (defineStaticRule({
    id: 'no-vacuum-full-or-cluster',
    title: 'Do not run VACUUM FULL or CLUSTER in a migration',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        for (const ref of ctx.statements(['VacuumStmt', 'ClusterStmt'])) {
            const n = ref.stmt.node;
            const isCluster = ref.stmt.kind === 'ClusterStmt';
            if (!isCluster && !(n.is_vacuumcmd && (n.options ?? []).some((o) => o.DefElem?.defname === 'full' && isTrueOption(o.DefElem))))
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
            const target = existing.length > 0 ? existing.map((r) => r.display).join(', ') : isCluster ? 'every previously clustered table' : 'every table in the database';
            ctx.report(ref, {
                message: `${command} rewrites ${target} under an ${lock} lock: ${lockEffect(lock)} until the rewrite finishes.`,
                mitigation: 'Remove it from the migration. To reclaim space or reorder rows online use pg_repack (or pg_squeeze); plain VACUUM (no FULL) needs no exclusive lock.',
                help: `${command} needs free disk space for a full copy of each table and its indexes, and holds the lock for the whole copy.`,
                tables: existing.map((r) => r.key),
                lock,
                evidence: locking_lockEvidence(ctx, lock, existing.map((r) => r.key), { command }),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/one-access-exclusive-per-transaction.ts




/**
 * Locks are held until the transaction ends. A transaction that takes ACCESS EXCLUSIVE on one
 * existing table and then waits for another keeps the first one blocked for the whole wait, and
 * two such migrations (or a migration and the application) taking them in another order deadlock
 * (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS).
 */
/* harmony default export */ const one_access_exclusive_per_transaction = (defineStaticRule({
    id: 'one-access-exclusive-per-transaction',
    title: 'Lock at most one existing table ACCESS EXCLUSIVE per transaction',
    category: 'locks',
    severity: 'warning',
    run(ctx) {
        // Per transaction: the tables locked so far (first statement for each), whether reported, and
        // the names tables were renamed to in it (a renamed table is still the one already locked).
        const seen = new Map();
        for (const ref of ctx.statements()) {
            const tx = transactionOf(ctx, ref);
            if (tx.kind === 'none')
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
                const where = (r) => (r.file === ref.file ? `line ${r.stmt.line}` : `${r.file.migration.path}:${r.stmt.line}`);
                ctx.report(ref, {
                    message: `This transaction already holds an ACCESS EXCLUSIVE lock on ${first.lock.display} (${where(first.ref)}) and now takes one on ${second.lock.display}: ` +
                        `reads and writes of ${first.lock.display} stay blocked while it waits, and the same locks taken in another order elsewhere deadlock.`,
                    mitigation: `Change one table per transaction: split the statements into separate migrations (or separate BEGIN ... COMMIT blocks), with SET lock_timeout in each.`,
                    help: `Why this is one transaction: ${tx.reason}.`,
                    tables: [...state.tables.keys()],
                    lock: 'ACCESS EXCLUSIVE',
                    evidence: locking_lockEvidence(ctx, 'ACCESS EXCLUSIVE', [...state.tables.keys()], { transaction: tx.reason }),
                });
            }
            const rename = tableRename(ref);
            if (rename)
                state.renamed.set(rename.to, state.renamed.get(rename.from) ?? rename.from);
        }
    },
}));
/** The old and new key of a table that `ALTER TABLE ... RENAME TO` renames, or undefined. */
function tableRename(ref) {
    const n = ref.stmt.node;
    if (ref.stmt.kind !== 'RenameStmt' || n.renameType !== 'OBJECT_TABLE' || typeof n.newname !== 'string')
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
/* harmony default export */ const prefer_bigint_primary_key = (defineStaticRule({
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
    const defs = columnDefinitions(exec).filter((d) => d.via !== 'alter-type');
    const keyed = [];
    for (const d of defs) {
        if (d.constraints.some((c) => c.contype === 'CONSTR_PRIMARY'))
            keyed.push({ table: d.table, column: d.column });
    }
    const table = relationName(exec.node.relation);
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
/* harmony default export */ const prefer_timestamptz = (defineStaticRule({
    id: 'prefer-timestamptz',
    title: 'Timestamps carry a time zone',
    severity: 'warning',
    run(ctx) {
        for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
            const columns = columnDefinitions(exec).filter((d) => isTimestampWithoutZone(d.type));
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
/* harmony default export */ const require_add_column_if_not_exists = (defineStaticRule({
    id: 'require-add-column-if-not-exists',
    title: 'ADD COLUMN can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements('AlterTableStmt')) {
            if (isRerunSafe(ctx, ref))
                continue;
            const table = relationName(ref.stmt.node.relation);
            if (!table)
                continue;
            const columns = (ref.stmt.node.cmds ?? [])
                .map((c) => c.AlterTableCmd)
                .filter((cmd) => cmd?.subtype === 'AT_AddColumn' && !cmd.missing_ok)
                .map((cmd) => String(cmd.def?.ColumnDef?.colname ?? ''));
            if (columns.length === 0)
                continue;
            const list = columns.map(displayName).join(', ');
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
/* harmony default export */ const require_concurrent_drop_index = (defineStaticRule({
    id: 'require-concurrent-drop-index',
    title: 'Drop indexes without blocking the table',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements('DropStmt')) {
            const n = ref.stmt.node;
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
            const where = tables.length > 0 ? tables.map(sql_names_displayKey).join(', ') : `the table of ${blocking.map((i) => i.display).join(', ')}`;
            const ifExists = n.missing_ok ? 'IF EXISTS ' : '';
            const safe = blocking.map((index) => `DROP INDEX CONCURRENTLY ${ifExists}${index.display};`).join(' ');
            ctx.report(ref, {
                message: `DROP INDEX takes an ${lock} lock on ${where}: ${lockEffect(lock)} while it waits for running queries and while it drops.`,
                mitigation: `Use ${safe} (one index per statement, without CASCADE).` +
                    (isInTransaction(ctx, ref) ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
                help: 'DROP INDEX CONCURRENTLY waits for queries using the index to finish without blocking reads or writes of the table.',
                tables,
                lock,
                evidence: locking_lockEvidence(ctx, lock, tables, { indexes: blocking.map((i) => i.key) }),
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-index.ts





/**
 * CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build, so every
 * INSERT, UPDATE and DELETE waits (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
 * A table created earlier in the pending set is new and empty: nobody is blocked.
 */
/* harmony default export */ const require_concurrent_index = (defineStaticRule({
    id: 'require-concurrent-index',
    title: 'Create indexes without blocking writes',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements('IndexStmt')) {
            const n = ref.stmt.node;
            const table = relationOf(n.relation);
            // ON ONLY a partitioned parent builds nothing: it creates an invalid index to attach partitions to.
            if (!table || n.concurrent || !n.relation?.inh || isCreatedBefore(ctx, ref, table.key))
                continue;
            const lock = 'SHARE';
            const wrapped = isInTransaction(ctx, ref);
            ctx.report(ref, {
                message: `CREATE INDEX takes a ${lock} lock on ${table.display}: ${lockEffect(lock)} until the build finishes.`,
                mitigation: `Build it without blocking writes: ${concurrentText(ref.stmt.text)};` +
                    (wrapped ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
                help: 'CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock instead: reads and writes continue while it builds. If it fails it leaves an INVALID index: drop it and retry.',
                tables: [table.key],
                lock,
                evidence: locking_lockEvidence(ctx, lock, [table.key]),
            });
        }
    },
}));
/** The statement with CONCURRENTLY added after CREATE [UNIQUE] INDEX. */
function concurrentText(text) {
    const match = /^(create\s+(?:unique\s+)?index)\b/i.exec(text);
    return match ? `${match[1]} CONCURRENTLY${text.slice(match[1].length)}` : 'CREATE INDEX CONCURRENTLY ...';
}

;// CONCATENATED MODULE: ./src/checks/static/require-concurrent-refresh.ts




/**
 * REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the view while it
 * recomputes it: every read of the view waits. CONCURRENTLY takes EXCLUSIVE, which lets reads go
 * on (https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html).
 */
/* harmony default export */ const require_concurrent_refresh = (defineStaticRule({
    id: 'require-concurrent-refresh',
    title: 'Refresh materialized views without blocking reads',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        for (const ref of ctx.statements('RefreshMatViewStmt')) {
            const n = ref.stmt.node;
            const view = relationOf(n.relation);
            if (!view || n.concurrent || isCreatedBefore(ctx, ref, view.key))
                continue;
            ctx.report(ref, {
                message: `REFRESH MATERIALIZED VIEW takes an ${lock} lock on ${view.display}: ${lockEffect(lock)} until the refresh finishes.`,
                mitigation: n.skipData
                    ? `WITH NO DATA empties ${view.display} under ${lock} and cannot be concurrent: leave it out of the migration, or do it when nothing reads the view.`
                    : `Use REFRESH MATERIALIZED VIEW CONCURRENTLY ${view.display}; it needs a UNIQUE index on the view (CREATE UNIQUE INDEX CONCURRENTLY ... ON ${view.display} (...)) and a populated view.`,
                help: 'CONCURRENTLY computes the new contents aside and applies the differences, under an EXCLUSIVE lock that still allows SELECT.',
                tables: [view.key],
                lock,
                evidence: locking_lockEvidence(ctx, lock, [view.key]),
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
/**
 * REINDEX without CONCURRENTLY locks the table against writes (SHARE) and each index it rebuilds
 * against every use (ACCESS EXCLUSIVE); since queries plan with every index of their table, reads
 * wait too (https://www.postgresql.org/docs/current/sql-reindex.html). CONCURRENTLY exists from
 * PostgreSQL 12; before that the way out is building a replacement index concurrently.
 */
/* harmony default export */ const require_concurrent_reindex = (defineStaticRule({
    id: 'require-concurrent-reindex',
    title: 'Rebuild indexes without blocking the table',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements('ReindexStmt')) {
            const n = ref.stmt.node;
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
            const where = kind === 'INDEX'
                ? `${table ? sql_names_displayKey(table) : `the table of ${target}`} and an ACCESS EXCLUSIVE lock on index ${target}`
                : kind === 'TABLE'
                    ? `${target} and an ACCESS EXCLUSIVE lock on each of its indexes`
                    : `every table in ${kind.toLowerCase()} ${target} in turn, and ACCESS EXCLUSIVE on each index`;
            ctx.report(ref, {
                message: `REINDEX ${kind} takes a ${lock} lock on ${where}: writes are blocked, and so are queries that plan with the indexes, until the rebuild finishes.`,
                mitigation: require_concurrent_reindex_mitigationFor(ctx.postgresVersion, kind, sqlTarget) + transactionNote(ctx, ref, kind),
                help: ctx.postgresVersion >= 12
                    ? 'REINDEX CONCURRENTLY builds the new index beside the old one under SHARE UPDATE EXCLUSIVE and swaps them; a failure leaves an INVALID "_ccnew" index to drop.'
                    : `PostgreSQL ${ctx.postgresVersion} has no REINDEX CONCURRENTLY (added in 12).`,
                tables: table ? [table] : [],
                lock,
                evidence: locking_lockEvidence(ctx, lock, table ? [table] : [], { reindex: kind, object: object?.key ?? n.name }),
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
/** Why CONCURRENTLY would also need the file to leave its transaction. */
function transactionNote(ctx, ref, kind) {
    if (kind === 'SYSTEM' || ctx.postgresVersion < 12 || !isInTransaction(ctx, ref))
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
            return [objectKey('OBJECT_TABLE', relationName(n.relation) ?? '')];
        case 'CreateTableAsStmt':
            return [objectKey(n.objtype === 'OBJECT_MATVIEW' ? 'OBJECT_MATVIEW' : 'OBJECT_TABLE', relationName(n.into?.rel) ?? '')];
        case 'ViewStmt':
            return [objectKey('OBJECT_VIEW', relationName(n.view) ?? '')];
        case 'IndexStmt':
            return n.idxname ? [objectKey('OBJECT_INDEX', n.relation?.schemaname ? `${n.relation.schemaname}.${n.idxname}` : n.idxname)] : [];
        case 'CreateSeqStmt':
            return [objectKey('OBJECT_SEQUENCE', relationName(n.sequence) ?? '')];
        case 'CreateSchemaStmt':
            return n.schemaname ? [objectKey('OBJECT_SCHEMA', n.schemaname)] : [];
        case 'CreateExtensionStmt':
            return [objectKey('OBJECT_EXTENSION', n.extname)];
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return [objectKey('OBJECT_TYPE', name(n.typeName))];
        case 'CompositeTypeStmt':
            return [objectKey('OBJECT_TYPE', relationName(n.typevar) ?? '')];
        case 'DefineStmt':
            return n.kind === 'OBJECT_TYPE' ? [objectKey('OBJECT_TYPE', name(n.defnames))] : [];
        case 'CreateDomainStmt':
            return [objectKey('OBJECT_DOMAIN', name(n.domainname))];
        case 'CreateFunctionStmt':
            return [objectKey(n.is_procedure ? 'OBJECT_PROCEDURE' : 'OBJECT_FUNCTION', name(n.funcname))];
        case 'CreateTrigStmt':
            return [triggerKey('OBJECT_TRIGGER', relationName(n.relation) ?? '', n.trigname)];
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
/* harmony default export */ const require_if_exists_on_drop = (defineStaticRule({
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
            const table = relationName(n.relation);
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
/* harmony default export */ const require_if_not_exists = (defineStaticRule({
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
            ctx.report(ref, {
                message: unnamedIndex
                    ? `CREATE INDEX without a name on ${displayName(relationName(ref.stmt.node.relation) ?? '')}: if the migration is re-run after a failure, it builds a second, duplicate index.`
                    : `CREATE ${creation.what} fails with "already exists" if the migration is re-run after failing half-way.`,
                mitigation: unnamedIndex
                    ? 'Name the index and add IF NOT EXISTS: CREATE INDEX IF NOT EXISTS <table>_<column>_idx ON ...'
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
            return named('TABLE', relationName(n.relation), Boolean(n.if_not_exists) || n.relation?.relpersistence === 't');
        case 'CreateTableAsStmt':
            return named(n.objtype === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'TABLE', relationName(n.into?.rel), Boolean(n.if_not_exists) || n.into?.rel?.relpersistence === 't');
        case 'IndexStmt':
            return named('INDEX', n.idxname, Boolean(n.if_not_exists));
        case 'CreateSchemaStmt':
            return named('SCHEMA', n.schemaname ?? n.authrole?.rolename, Boolean(n.if_not_exists));
        case 'CreateSeqStmt':
            return named('SEQUENCE', relationName(n.sequence), Boolean(n.if_not_exists) || n.sequence?.relpersistence === 't');
        case 'CreateExtensionStmt':
            return named('EXTENSION', n.extname, Boolean(n.if_not_exists));
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return named('TYPE', joined(n.typeName), false, false);
        case 'CompositeTypeStmt':
            return named('TYPE', relationName(n.typevar), false, false);
        case 'DefineStmt':
            return n.kind === 'OBJECT_TYPE' ? named('TYPE', joined(n.defnames), false, false) : undefined;
        case 'CreateDomainStmt':
            return named('DOMAIN', joined(n.domainname), false, false);
        default:
            return undefined;
    }
}

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
    const words = stmt.text.replace(/\s+/g, ' ').trim().split(' ');
    return words.slice(0, 2).join(' ').toUpperCase();
}

;// CONCATENATED MODULE: ./src/checks/static/require-lock-timeout.ts





/**
 * A statement that needs a strong lock (SHARE or stronger) waits for every conflicting lock, and
 * while it waits every later query on the table queues behind it: a long SELECT plus a migration
 * is an outage. `SET lock_timeout` earlier in the file makes it fail fast instead
 * (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT).
 */
/* harmony default export */ const require_lock_timeout = (defineStaticRule({
    id: 'require-lock-timeout',
    title: 'Set lock_timeout before taking strong locks',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const file of ctx.files) {
            // Read with the same helper as the live lock-queue-safety check, so both agree on what the file sets.
            const steps = lockTimeoutSteps(file.parsed.statements, file.migration.runsInTransaction);
            for (const [i, stmt] of file.parsed.statements.entries()) {
                const step = steps[i];
                if ((step.before && step.before.ms > 0) || (stmt.kind === 'LockStmt' && stmt.node.nowait))
                    continue;
                const ref = { file, stmt };
                const strong = existingLocks(ctx, ref).filter((l) => isAtLeast(l.lock, 'SHARE'));
                if (strong.length > 0)
                    require_lock_timeout_report(ctx, ref, strong, step.ignoredLocal?.line);
            }
        }
    },
}));
/** Reports one statement that can queue traffic behind its lock. */
function require_lock_timeout_report(ctx, ref, locks, ineffectiveLocalLine) {
    const lock = locks.map((l) => l.lock).reduce(strongerLock);
    const tables = locks.map((l) => l.display).join(', ');
    const keys = locks.filter((l) => l.isKnown).map((l) => l.key);
    ctx.report(ref, {
        message: `${commandName(ref.stmt)} waits for ${lockWithArticle(lock)} lock on ${tables} with no lock_timeout: ` +
            `while it waits behind a running query, every new ${lock === 'ACCESS EXCLUSIVE' ? 'query' : 'write'} on ${locks.length > 1 ? 'them' : 'the table'} queues behind it.` +
            (ineffectiveLocalLine ? ` SET LOCAL lock_timeout at line ${ineffectiveLocalLine} does nothing outside a transaction block.` : ''),
        mitigation: "Start the file with SET lock_timeout = '5s'; (any short, non-zero value) so the statement gives up instead of stalling traffic, and retry the migration later if it does.",
        help: 'lock_timeout bounds only the wait for the lock; statement_timeout would also cut off the work itself.',
        tables: keys,
        lock,
        evidence: locking_lockEvidence(ctx, lock, keys),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/require-on-conflict-for-seed.ts




/**
 * Seed data (INSERT ... VALUES, DEFAULT VALUES, or SELECT of constants) inserted without ON CONFLICT
 * is inserted twice, or fails on a unique key, when a migration that failed half-way is re-run.
 * INSERT ... SELECT with WHERE NOT EXISTS guards itself; INSERT ... SELECT from tables copies data
 * rather than seeding it and is not reported.
 */
/* harmony default export */ const require_on_conflict_for_seed = (defineStaticRule({
    id: 'require-on-conflict-for-seed',
    title: 'Seed inserts can run twice',
    severity: 'warning',
    run(ctx) {
        for (const ref of ctx.statements('InsertStmt')) {
            if (ref.stmt.node.onConflictClause || isRerunSafe(ctx, ref) || !isSeed(ref))
                continue;
            const table = displayName(relationName(ref.stmt.node.relation) ?? '');
            ctx.report(ref, {
                message: `INSERT INTO ${table} without ON CONFLICT inserts the rows again, or fails on a unique key, if the migration is re-run after failing half-way.`,
                mitigation: `Add ON CONFLICT (<key>) DO NOTHING (or DO UPDATE SET ... to refresh the values), or insert with INSERT INTO ${table} SELECT ... WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE <key> = ...).`,
                help: 'ON CONFLICT needs a unique index or constraint on the key; without one, use the WHERE NOT EXISTS form.',
                evidence: { table: relationName(ref.stmt.node.relation) },
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
/* harmony default export */ const require_or_replace = (defineStaticRule({
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
        const table = displayName(relationName(n.relation) ?? '');
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
        const view = displayName(relationName(n.view) ?? '');
        return {
            message: `CREATE VIEW ${view} ${rerun}.`,
            mitigation: `Write CREATE OR REPLACE VIEW ${view} AS ...; it can add columns at the end but not drop or retype them (then use DROP VIEW IF EXISTS first).`,
            help,
            evidence: { view: relationName(n.view) },
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




/**
 * ADD UNIQUE / ADD PRIMARY KEY build their index while holding ACCESS EXCLUSIVE on the table.
 * Building the index with CREATE UNIQUE INDEX CONCURRENTLY first and attaching it with
 * USING INDEX takes the lock only for a catalog update
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX).
 */
/* harmony default export */ const require_unique_using_index = (defineStaticRule({
    id: 'require-unique-using-index',
    title: 'Add unique and primary key constraints with USING INDEX',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        for (const ref of ctx.statements('AlterTableStmt')) {
            const n = ref.stmt.node;
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
    ctx.report(ref, {
        message: `ADD ${con.kind} builds its unique index while holding an ${lock} lock on ${table.display}: ${lockEffect(lock)} until the build finishes.`,
        mitigation: `Build the index first without blocking, then attach it: CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table.display} (${columns}); ` +
            `ALTER TABLE ${table.display} ADD CONSTRAINT ${name} ${con.kind} USING INDEX ${name};` +
            (con.kind === 'PRIMARY KEY' ? ' The key columns must already be NOT NULL, or USING INDEX runs SET NOT NULL (a full scan).' : ''),
        help: 'With USING INDEX the ALTER TABLE only records the constraint; the slow part ran in CREATE UNIQUE INDEX CONCURRENTLY, which lets reads and writes continue.',
        tables: [table.key],
        lock,
        evidence: locking_lockEvidence(ctx, lock, [table.key], { constraint: con.kind, columns: con.columns }),
    });
}

;// CONCATENATED MODULE: ./src/checks/static/set-not-null-scans-table.ts
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */




/**
 * SET NOT NULL takes an ACCESS EXCLUSIVE lock and scans the whole table for NULLs. From
 * PostgreSQL 12 the scan is skipped when a valid CHECK (col IS NOT NULL) constraint already
 * proves it (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL):
 * add that check NOT VALID, VALIDATE it (no blocking), then SET NOT NULL.
 */
/* harmony default export */ const set_not_null_scans_table = (defineStaticRule({
    id: 'set-not-null-scans-table',
    title: 'Set NOT NULL without a full scan under ACCESS EXCLUSIVE',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        const proofs = new ProvenNotNull();
        for (const ref of ctx.statements('AlterTableStmt')) {
            const n = ref.stmt.node;
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
    ctx.report(ref, {
        message: `SET NOT NULL on ${display}.${col} takes an ${lock} lock and scans the whole table for NULLs: ${lockEffect(lock)} until the scan finishes.` +
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
        help: 'VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue; SET NOT NULL then sees the valid check and skips its own scan.',
        tables: [key],
        lock,
        evidence: locking_lockEvidence(ctx, lock, [key], { column }),
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
/* harmony default export */ const set_tablespace_or_logged = (defineStaticRule({
    id: 'set-tablespace-or-logged',
    title: 'Do not move or re-log tables in a migration',
    category: 'locks',
    severity: 'error',
    run(ctx) {
        const lock = 'ACCESS EXCLUSIVE';
        for (const ref of ctx.statements(['AlterTableStmt', 'AlterTableMoveAllStmt'])) {
            const n = ref.stmt.node;
            if (ref.stmt.kind === 'AlterTableMoveAllStmt') {
                const from = quoteIdent(String(n.orig_tablespacename ?? ''));
                ctx.report(ref, {
                    message: `ALTER ... ALL IN TABLESPACE ${from} SET TABLESPACE copies every matching relation under an ${lock} lock, one after another: ${lockEffect(lock)} on each until it is copied.`,
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
            for (const c of n.cmds ?? []) {
                const found = COPYING[String(c.AlterTableCmd?.subtype)];
                if (!found)
                    continue;
                const effect = kind === 'index' ? 'writes to its table and queries using the index are blocked' : lockEffect(lock);
                ctx.report(ref, {
                    message: `${found.what.replace(' it', ` ${kind} ${relation.display}`)} under an ${lock} lock: ${effect} until the copy finishes.`,
                    mitigation: found.mitigation,
                    help: 'The copy takes as long as writing the whole relation (and its indexes) once; nothing else can use it meanwhile.',
                    tables: kind === 'index' ? [] : [relation.key],
                    lock,
                    evidence: locking_lockEvidence(ctx, lock, kind === 'index' ? [] : [relation.key], { relation: relation.key, kind }),
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/syntax-error.ts

/** A migration the PostgreSQL parser rejects will fail when it runs, after earlier files succeeded. */
/* harmony default export */ const syntax_error = (defineStaticRule({
    id: 'syntax-error',
    title: 'Migrations parse as PostgreSQL',
    severity: 'error',
    run(ctx) {
        for (const file of ctx.files) {
            const problem = file.parsed.syntaxError;
            if (!problem)
                continue;
            ctx.report({ file, line: problem.line, col: problem.col }, {
                message: `PostgreSQL rejects this migration: ${problem.message}.`,
                mitigation: 'Fix the SQL at this position; run it on a scratch database to confirm it parses.',
                evidence: { parser: `libpg-query (PostgreSQL ${Math.floor(file.parsed.parserVersion / 10000) || 'current'} grammar)` },
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/checks/static/target-version-syntax.ts



/**
 * A migration written on a newer PostgreSQL can be a syntax error on the target's older major
 * (a subquery in FROM without an alias before 16, MERGE before 15...). The parser of the target's
 * own major knows every such difference, so each pending statement is parsed with it.
 */
/* harmony default export */ const target_version_syntax = (defineStaticRule({
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
        if (major >= CURRENT_GRAMMAR)
            return;
        if (!OLDER_GRAMMARS.includes(major)) {
            return ctx.skip(`No PostgreSQL ${major} grammar ships with this tool (it has ${[...OLDER_GRAMMARS, CURRENT_GRAMMAR].join(', ')}), so the migrations were not parsed as PostgreSQL ${major}.`);
        }
        await checkFiles(ctx, major);
    },
}));
/** Reports every statement the target major's grammar rejects. */
async function checkFiles(ctx, major) {
    const grammar = await loadGrammar(major);
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
    for (const newer of OLDER_GRAMMARS) {
        if (newer > major && !(await loadGrammar(newer)).reject(sql))
            return newer;
    }
    return CURRENT_GRAMMAR;
}
/** "PostgreSQL 16 is the first version that accepts it", naming the majors just before it that could not be checked. */
function describeAcceptance(major, acceptedFrom) {
    const lastRejecting = Math.max(major, ...OLDER_GRAMMARS.filter((m) => m < acceptedFrom));
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
;// CONCATENATED MODULE: ./src/dialects/mysql/touched.ts

/** Tables touched by pending statements, qualified with `database` when unqualified, in first-touched order. */
function mysqlTouchedTables(files, database) {
    const byTable = new Map();
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const { tables, isDdl } = touchedTablesOf(stmt);
            const lock = isDdl ? 'ACCESS EXCLUSIVE' : 'ROW EXCLUSIVE';
            for (const t of tables) {
                const key = `${t.db ?? database}.${t.table}`;
                const entry = byTable.get(key);
                if (!entry)
                    byTable.set(key, { table: key, lock, statements: [{ file, stmt }] });
                else {
                    if (isDdl)
                        entry.lock = 'ACCESS EXCLUSIVE';
                    entry.statements.push({ file, stmt });
                }
            }
        }
    }
    return [...byTable.values()];
}

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

;// CONCATENATED MODULE: ./src/dialects/postgres/catalog/column-types.ts


/** Reads "schema.table.column" -> type for every column of every touched table, once per run. */
function readColumnTypes(ctx) {
    return ctx.memo('postgres:column-types', async () => {
        const names = ctx.touched.map((t) => normaliseTable(t.table));
        const out = new Map();
        if (names.length === 0)
            return out;
        const rows = await ctx.db.query(`WITH touched AS (${touchedRelationSql(1)})
       SELECT t.name, a.attname::text AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
         FROM touched t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        WHERE a.attnum > 0 AND NOT a.attisdropped`, tableArrayParams(names));
        for (const row of rows)
            out.set(`${row.name}.${row.column}`, row.type);
        return out;
    });
}

;// CONCATENATED MODULE: ./src/dialects/postgres/facts.ts




/** Collects live facts for the static rules. */
async function collectLiveFacts(ctx) {
    const { largeTableRows, largeTableBytes } = ctx.target.thresholds;
    const sizes = await attempt(ctx, 'table sizes', () => readTableSizes(ctx));
    const columnTypes = await attempt(ctx, 'column types', () => readColumnTypes(ctx));
    const archiver = await attempt(ctx, 'WAL archiving state', () => readArchiver(ctx));
    return {
        thresholds: { largeTableRows, largeTableBytes },
        ...(sizes ? { tableSizes: new Map([...sizes].map(([key, s]) => [key, { rows: s.rows, bytes: s.totalBytes }])) } : {}),
        ...(columnTypes ? { columnTypes } : {}),
        // Point-in-time recovery counts as backup evidence only when the config accepts it.
        ...(archiver ? { hasPitrBackup: judgeArchiving(archiver).isWorking && ctx.target.acceptPitrAsBackup } : {}),
    };
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

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/dialects/postgres/raw-parse.ts
/**
 * libpg-query's parser without its JSON.parse: the parse workers call the C entry point
 * (`wasm_parse_query_raw`) themselves, read only each statement's location and length from the
 * JSON bytes, and hand the bytes to the main thread, which parses them once (parse-pool.ts).
 * Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer, error } and
 * PgQueryError { message, funcname, filename, lineno, cursorpos }, as libpg-query's own parseSync
 * reads them (wasm/index.cjs); a test checks the result against parseSync.
 */

/** Instantiates libpg-query's WASM module (one instance per call, so one per worker). */
async function loadRawParser() {
    useBaselineWasmCompiler();
    const factory = (await __webpack_require__.e(/* import() */ 995).then(__webpack_require__.t.bind(__webpack_require__, 53995, 23))).default;
    const wasm = (await factory());
    if (typeof wasm._wasm_parse_query_raw !== 'function' || !(wasm.HEAPU8 instanceof Uint8Array)) {
        throw new Error('This libpg-query build does not expose wasm_parse_query_raw and HEAPU8.');
    }
    return { parse: (sql) => raw_parse_parseRaw(wasm, sql) };
}
/** Copies the SQL into WASM memory, parses it and cuts the JSON tree into statements. */
function raw_parse_parseRaw(wasm, sql) {
    // libpg-query's parseSync refuses empty input before parsing; keep its message.
    if (sql.length === 0)
        return { message: 'Query cannot be empty', cursor: 0 };
    const queryPtr = wasm._malloc(sql.length + 1);
    let resultPtr = 0;
    try {
        wasm.HEAPU8.set(sql, queryPtr);
        wasm.HEAPU8[queryPtr + sql.length] = 0;
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
        return cutTree(wasm.HEAPU8, treePtr);
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
const KNOWN_KEYS = ['version', 'stmts', 'stmt_location', 'stmt_len'].map((name) => ({ name, bytes: new TextEncoder().encode(name) }));
/**
 * Reads `{"version":N,"stmts":[{"stmt":{...},"stmt_location":N,"stmt_len":N},...]}` at `start`
 * without building objects: the statement wrappers are read, each node is skipped over. Keys may
 * come in any order; unknown keys are skipped. The JSON is copied out of WASM memory.
 */
function cutTree(heap, start) {
    const reader = new JsonReader(heap, start);
    let version = 0;
    const ranges = [];
    if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
        do {
            const key = reader.key();
            if (key === 'version')
                version = reader.readInt();
            else if (key === 'stmts')
                readStatementRanges(reader, ranges);
            else
                reader.skipValue();
        } while (reader.hasMore(CLOSE_BRACE));
    }
    return { version, ranges: Int32Array.from(ranges), json: heap.slice(start, reader.at) };
}
/** Reads the `stmts` array: each element's stmt_location and stmt_len, 0 when absent. */
function readStatementRanges(reader, ranges) {
    if (!reader.enter(OPEN_BRACKET, CLOSE_BRACKET))
        return;
    do {
        let location = 0;
        let length = 0;
        if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
            do {
                const key = reader.key();
                if (key === 'stmt_location')
                    location = reader.readInt();
                else if (key === 'stmt_len')
                    length = reader.readInt();
                else
                    reader.skipValue();
            } while (reader.hasMore(CLOSE_BRACE));
        }
        ranges.push(location, length);
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
/** Parses one file into its transferable form. */
function parseForTransfer(parser, sql) {
    const sqlBytes = encoder.encode(sql);
    const lines = new line_index/* LineIndex */.r(sql, { bytes: Buffer.from(sqlBytes.buffer, sqlBytes.byteOffset, sqlBytes.byteLength) });
    const lineStarts = Int32Array.from(lines.lineStarts);
    const tree = parser.parse(sqlBytes);
    if ('message' in tree) {
        const none = { places: new Int32Array(0), comments: [], trailingComments: [], json: new Uint8Array(0) };
        return { sqlBytes, lineStarts, syntaxError: syntaxProblemAt(lines, tree.message, tree.cursor), parserVersion: 0, ...none };
    }
    const ranges = Array.from({ length: tree.ranges.length / 2 }, (_, i) => ({ location: tree.ranges[2 * i], length: tree.ranges[2 * i + 1] }));
    const { places, trailingComments } = placeStatements(lines, ranges);
    const numbers = new Int32Array(places.length * PLACE_FIELDS);
    for (const [i, p] of places.entries())
        numbers.set([p.startByte, p.endByte, p.line, p.col, p.endLine, p.endCol], i * PLACE_FIELDS);
    return {
        sqlBytes,
        lineStarts,
        parserVersion: tree.version,
        places: numbers,
        comments: places.map((p) => p.comments),
        trailingComments,
        json: tree.json,
    };
}
/** The buffers of a reply, moved rather than copied. */
function transfersOf(files) {
    return files.flatMap((f) => [f.sqlBytes.buffer, f.lineStarts.buffer, f.places.buffer, f.json.buffer]);
}
/** Serves parse requests until the pool terminates the thread. */
function serve(port) {
    const ready = loadRawParser();
    port.on('message', (request) => {
        ready
            .then((parser) => {
            const files = request.sqls.map((sql) => parseForTransfer(parser, sql));
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
/** SQL per request: small enough to balance the workers, large enough that messages stay few. */
const CHUNK_BYTES = 128 * 1024;
/** Requests each worker holds: enough that it never waits while this thread is busy with a chunk. */
const IN_FLIGHT = 4;
/** More workers than this do not help: this thread still builds the objects of every file. */
const MAX_THREADS = 3;
/** The worker entry beside this module; missing in the ncc bundle, which then parses on this thread. */
const WORKER_URL = new URL(/* asset import */ __webpack_require__(82344), __webpack_require__.b);
/** Parses every file, in workers when it pays; the result is in the order of `sqls`. */
async function parseFiles(sqls, options = {}) {
    const threads = options.threads ?? threadsFromEnv() ?? threadsFor(sqls);
    const workerUrl = options.workerUrl ?? WORKER_URL;
    if (threads > 0 && sqls.length > 0 && (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(workerUrl))) {
        try {
            const { parsed, inWorkers } = await parseInWorkers(sqls, threads, workerUrl, options.chunkBytes ?? CHUNK_BYTES);
            options.log?.log('info', `parsed ${sqls.length} files: ${inWorkers} in ${threads} worker thread${threads === 1 ? '' : 's'}, ${sqls.length - inWorkers} on the main thread`);
            return parsed;
        }
        catch (error) {
            // The workers are an optimisation: any failure of theirs falls back to parsing here.
            // An error from a worker thread may come from another realm: read its message without instanceof.
            const message = error?.message;
            options.log?.log('warn', `parse workers failed, parsing on the main thread: ${typeof message === 'string' ? message : String(error)}`);
        }
    }
    const parser = await loadPostgresParser();
    return sqls.map((sql) => parser.parse(sql));
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
 * Parses in workers and on this thread at once. Workers keep IN_FLIGHT chunks queued; this thread turns
 * their replies into objects and, whenever no reply is waiting, parses the next chunk itself, so
 * both cores stay busy whatever the balance between parsing and building objects turns out to be.
 */
async function parseInWorkers(sqls, threads, workerUrl, chunkBytes) {
    const chunks = chunkFiles(sqls, chunkBytes);
    const out = new Array(sqls.length);
    let inWorkers = 0;
    let next = 0;
    let left = chunks.length;
    let failure;
    let wake;
    const workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new external_node_worker_threads_.Worker(workerUrl, { workerData: PARSE_WORKER }));
    const send = (worker) => {
        if (next >= chunks.length)
            return;
        const [start, end] = chunks[next];
        worker.postMessage({ id: next++, sqls: sqls.slice(start, end) });
    };
    const fail = (error) => {
        failure ??= error;
        wake?.();
    };
    for (const worker of workers) {
        worker.on('message', (reply) => {
            if ('error' in reply)
                return fail(new Error(reply.error));
            const [start] = chunks[reply.id];
            for (const [i, file] of reply.files.entries())
                out[start + i] = toParsedSql(sqls[start + i], file);
            inWorkers += reply.files.length;
            left--;
            send(worker);
            wake?.();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`a parse worker exited with code ${code}`)));
        for (let i = 0; i < IN_FLIGHT; i++)
            send(worker);
    }
    try {
        const parser = await loadPostgresParser();
        while (left > 0) {
            if (failure)
                throw failure;
            if (next < chunks.length) {
                const [start, end] = chunks[next++];
                for (let i = start; i < end; i++)
                    out[i] = parser.parse(sqls[i]);
                left--;
                // Let waiting replies in before taking another chunk.
                await new Promise((resolve) => setImmediate(resolve));
            }
            else {
                await new Promise((resolve) => (wake = resolve));
            }
        }
    }
    finally {
        // The listeners hold `out`: drop them so the parse results die with the run, not with the process.
        for (const worker of workers) {
            worker.removeAllListeners();
            void worker.terminate();
        }
    }
    return { parsed: out, inWorkers };
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
        const startByte = file.places[at];
        const endByte = file.places[at + 1];
        return {
            index,
            kind,
            node: raw.stmt[kind] ?? {},
            startByte,
            endByte,
            line: file.places[at + 2],
            col: file.places[at + 3],
            endLine: file.places[at + 4],
            endCol: file.places[at + 5],
            text: lines.slice(startByte, endByte),
            comments: file.comments[index],
        };
    });
    return { statements, trailingComments: file.trailingComments, lines, parserVersion: file.parserVersion };
}

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
/** The path of `absPath` relative to `projectRoot`, with forward slashes on every platform. */
function files_toProjectPath(projectRoot, absPath) {
    return external_node_path_default().relative(projectRoot, absPath).split((external_node_path_default()).sep).join('/');
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
        path: files_toProjectPath(projectRoot, facts.absPath),
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

;// CONCATENATED MODULE: ./src/sources/history-table.ts
/** Double-quotes an identifier, doubling embedded quotes. */
function history_table_quoteIdent(name) {
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
        return { exists: true, table: `${row.schema}.${row.name}`, sqlName: `${history_table_quoteIdent(row.schema)}.${history_table_quoteIdent(row.name)}` };
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

;// CONCATENATED MODULE: ./src/sources/layouts/dbmate.ts
/**
 * dbmate: <version>_<name>.sql with `-- migrate:up` and `-- migrate:down` sections, history in
 * schema_migrations(version varchar). https://github.com/amacneil/dbmate#creating-migrations
 */




/** dbmate's file pattern: leading digits are the version (kept as written, zeros included). */
const MIGRATION_FILE = /^(\d+)_?(.*)\.sql$/;
/** Directive lines; dbmate requires them at the start of a line (its regexps use (?m)^). */
const UP_MARKER = /^--[ \t]*migrate:up(?=[ \t\r]|$).*$/m;
const DOWN_MARKER = /^--[ \t]*migrate:down(?=[ \t\r]|$).*$/m;
/** Says what marks `dir` as a dbmate folder (a file with a `-- migrate:up` line), or undefined. */
async function findDbmateMarker(dir) {
    for (const fileName of (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))) {
        if (UP_MARKER.test(await readText(external_node_path_default().join(dir, fileName))))
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
    const ref = await findTable(query, 'schema_migrations');
    if (!ref.exists)
        return missingHistory(ref);
    const rows = await query(`SELECT version::text AS version FROM ${ref.sqlName} ORDER BY version`);
    return { table: ref.table, exists: true, applied: rows.map((r) => ({ id: r.version, isFailed: false })) };
}
const dbmate = {
    name: 'dbmate',
    tool: 'dbmate',
    historyTable: 'public.schema_migrations',
    detect: async (dir) => (await findDbmateMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
        const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n));
        return Promise.all(names.map(async (fileName) => {
            const [, version, name] = MIGRATION_FILE.exec(fileName);
            const absPath = external_node_path_default().join(dir, fileName);
            const raw = await readText(absPath);
            const up = findUpSection(raw);
            if (!up) {
                throw new errors/* ConfigError */.xL(`${files_toProjectPath(projectRoot, absPath)} has no "-- migrate:up" line, so dbmate refuses to run it.`, 'Start the file with "-- migrate:up" and put the rollback after "-- migrate:down".');
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
    const ref = await findTable(query, '__diesel_schema_migrations');
    if (!ref.exists)
        return missingHistory(ref);
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
        throw new errors/* ConfigError */.xL(`${files_toProjectPath(projectRoot, file)} is not valid JSON (${error.message}).`, 'Regenerate it with drizzle-kit generate.');
    }
    if (!Array.isArray(entries) || !entries.every(isJournalEntry)) {
        throw new errors/* ConfigError */.xL(`${files_toProjectPath(projectRoot, file)} has no "entries" list of { idx, when, tag }.`, 'Regenerate it with drizzle-kit generate.');
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
    const ref = await findTable(query, 'drizzle.__drizzle_migrations');
    if (!ref.exists)
        return missingHistory(ref);
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
                throw new errors/* ConfigError */.xL(`meta/_journal.json lists "${entry.tag}" but ${files_toProjectPath(projectRoot, absPath)} does not exist.`, 'Restore the file or regenerate the journal with drizzle-kit.');
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
;// CONCATENATED MODULE: ./src/sources/layouts/flyway.ts
/**
 * Flyway: V<version>__<description>.sql and R__<description>.sql under the location (scanned
 * recursively), history in flyway_schema_history. https://documentation.red-gate.com/fd/migrations-184127470.html
 */




const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const REPEATABLE = /^R__(.*)\.sql$/;
/** Says what marks `dir` as a Flyway location (a V<version>__<desc>.sql file), or undefined. */
async function findFlywayMarker(dir) {
    const first = (await flyway_walk(dir)).find((rel) => VERSIONED.test(external_node_path_default().posix.basename(rel)));
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
    const pa = flyway_versionParts(a);
    const pb = flyway_versionParts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const diff = (pa[i] ?? 0n) - (pb[i] ?? 0n);
        if (diff !== 0n)
            return diff < 0n ? -1 : 1;
    }
    return 0;
}
/** Splits "1.01.0" into [1n, 1n]; "1" and "1.0" are the same version for Flyway. */
function flyway_versionParts(version) {
    const parts = version.split('.').map((p) => BigInt(p));
    while (parts.length > 1 && parts.at(-1) === 0n)
        parts.pop();
    return parts;
}
/** Relative paths of every file under `dir`, as Flyway scans a filesystem location recursively. */
async function flyway_walk(dir, prefix = '') {
    const files = (await listFileNames(dir)).map((n) => prefix + n);
    for (const folder of await listFolderNames(dir))
        files.push(...(await flyway_walk(external_node_path_default().join(dir, folder), `${prefix}${folder}/`)));
    return files;
}
/** Reads `<script>.conf`, where Flyway allows executeInTransaction=false per script. */
async function flyway_readTransactionDefault(absPath) {
    const conf = `${absPath}.conf`;
    if ((await isFile(conf)) && /^\s*executeInTransaction\s*=\s*false\s*$/m.test(await readText(conf))) {
        return { runs: false, reason: `${external_node_path_default().basename(conf)} sets executeInTransaction=false` };
    }
    return { runs: true, reason: 'Flyway runs each migration in its own transaction on PostgreSQL' };
}
/** Sorts versioned migrations by version, then repeatables by description, as Flyway applies them. */
function compareFlywayFiles(a, b) {
    if (a.kind !== b.kind)
        return a.kind === 'versioned' ? -1 : 1;
    return a.kind === 'versioned' ? compareFlywayVersions(a.id, b.id) : compareCodeUnits(a.id, b.id);
}
/** Reads flyway_schema_history; a BASELINE row marks every version at or below it as applied. */
async function readFlywayHistory(query) {
    const ref = await findTable(query, 'flyway_schema_history');
    if (!ref.exists)
        return missingHistory(ref);
    const rows = await query(`SELECT version, description, type, checksum::text AS checksum, success, installed_on::text AS installed_on
       FROM ${ref.sqlName} ORDER BY installed_rank`);
    return historyFromRows(ref.table, rows);
}
/** The same on MySQL, where Flyway keeps flyway_schema_history in the connection's database and success is a TINYINT. */
async function readFlywayHistoryMysql(query) {
    const ref = await findMysqlTable(query, 'flyway_schema_history');
    if (!ref.exists)
        return missingHistory(ref);
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
        for (const rel of await flyway_walk(dir)) {
            const base = external_node_path_default().posix.basename(rel);
            const versioned = VERSIONED.exec(base);
            const repeatable = REPEATABLE.exec(base);
            if (!versioned && !repeatable)
                continue;
            const absPath = external_node_path_default().join(dir, ...rel.split('/'));
            // Flyway turns "_" into "." in versions and into spaces in descriptions.
            const description = (versioned?.[2] ?? repeatable?.[1] ?? '').replaceAll('_', ' ');
            const facts = {
                id: versioned ? versioned[1].replaceAll('_', '.') : description,
                name: description,
                absPath,
                raw: await readText(absPath),
                kind: versioned ? 'versioned' : 'repeatable',
                transaction: await flyway_readTransactionDefault(absPath),
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
/** Orders files by their integer version, as golang-migrate does. */
function golang_migrate_compareVersions(a, b) {
    const diff = BigInt(a.id) - BigInt(b.id);
    return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
/** Reads the single schema_migrations row; a dirty row marks that version as failed. */
async function readGolangMigrateHistory(query) {
    const ref = await findTable(query, 'schema_migrations');
    if (!ref.exists)
        return missingHistory(ref);
    // Same read as the driver's Version(): the table holds at most one row.
    const [row] = await query(`SELECT version::text AS version, dirty FROM ${ref.sqlName} LIMIT 1`);
    return historyFromRow(ref.table, row);
}
/** The same on MySQL, where the driver keeps schema_migrations(version bigint, dirty boolean) in the connection's database. */
async function readGolangMigrateHistoryMysql(query) {
    const ref = await findMysqlTable(query, 'schema_migrations');
    if (!ref.exists)
        return missingHistory(ref);
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
        return files.sort(golang_migrate_compareVersions);
    },
    readHistory: readGolangMigrateHistory,
    readHistoryMysql: readGolangMigrateHistoryMysql,
    isApplied: isGolangMigrateApplied,
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
                return toMigrationFile({ id, name: id, absPath, raw: await readText(absPath), transaction: plain_TRANSACTION }, projectRoot, options.transaction);
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
    const ref = await findTable(query, historyTable);
    if (!ref.exists)
        return missingHistory(ref);
    const column = idColumn(ref.table, await listColumns(query, ref));
    const rows = await query(`SELECT ${history_table_quoteIdent(column)}::text AS id FROM ${ref.sqlName}`);
    return { table: ref.table, exists: true, applied: appliedFromIds(rows) };
}
/** The same on MySQL: the configured table ("db.table", or a table in the connection's database). */
async function readPlainHistoryMysql(query, historyTable) {
    if (!historyTable)
        return { table: '', exists: false, applied: [] };
    const ref = await findMysqlTable(query, historyTable);
    if (!ref.exists)
        return missingHistory(ref);
    const column = idColumn(ref.table, await listMysqlColumns(query, ref));
    const rows = await query(`SELECT CAST(${quoteMysqlIdent(column)} AS CHAR) AS id FROM ${ref.sqlName}`);
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
    const ref = await findTable(query, '_prisma_migrations');
    if (!ref.exists)
        return missingHistory(ref);
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
    const ref = await findTable(query, 'supabase_migrations.schema_migrations');
    if (!ref.exists)
        return missingHistory(ref);
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
            return toMigrationFile({ id: version, name: name, absPath, raw: await readText(absPath), transaction: supabase_TRANSACTION }, projectRoot, options.transaction);
        }));
    },
    readHistory: readSupabaseHistory,
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
};

;// CONCATENATED MODULE: ./src/sources/layouts/index.ts









/** Every layout, sorted by name. */
const LAYOUT_REGISTRY = [dbmate, diesel, drizzle, flyway, golangMigrate, plain, prisma, supabase];
/**
 * Detection order: a journal file, then folder shapes (Prisma's migration.sql before Diesel's
 * up.sql), then file-name patterns, then file contents, then the Supabase path, then any .sql.
 */
const DETECTORS = [
    { layout: drizzle, findMarker: findDrizzleMarker },
    { layout: prisma, findMarker: findPrismaMarker },
    { layout: diesel, findMarker: findDieselMarker },
    { layout: flyway, findMarker: findFlywayMarker },
    { layout: golangMigrate, findMarker: findGolangMigrateMarker },
    { layout: dbmate, findMarker: findDbmateMarker },
    { layout: supabase, findMarker: findSupabaseMarker },
    { layout: plain, findMarker: findPlainMarker },
];
/** The order detectLayout tries layouts in. */
const DETECTION_ORDER = DETECTORS.map((d) => d.layout.name);
/** Finds the first layout whose marker is in `dir`, or undefined when none matches. */
async function detectLayout(dir) {
    for (const { layout, findMarker } of DETECTORS) {
        const reason = await findMarker(dir);
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
    const chosen = input.layout
        ? { layout: getLayout(input.layout, input.historyTable), detected: false, reason: `migrations.layout is "${input.layout}" in the configuration` }
        : await detect(dir, input);
    const files = await chosen.layout.list(dir, input.projectRoot, { transaction: input.transaction });
    return { ...chosen, files };
}
/** Detects the layout of `dir`, or throws a ConfigError naming the layouts to choose from. */
async function detect(dir, input) {
    const found = await detectLayout(dir);
    if (!found) {
        throw new errors/* ConfigError */.xL(`Could not tell which migration tool owns ${files_toProjectPath(input.projectRoot, dir) || '.'}: it holds no .sql migrations in a known layout.`, `Set migrations.layout in the configuration to one of ${LAYOUTS.join(', ')}, or point migrations.path at the folder with the .sql files.`);
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
        files: listed.files,
        description: `Migrations: ${(0,external_node_path_.relative)(process.cwd(), dir) || '.'} — ${how}, ${listed.files.length} file${listed.files.length === 1 ? '' : 's'}`,
    };
}
/** Lint paths: folders are listed with their layout, files are taken as they are, "-" is stdin. */
async function listPaths(input) {
    const { loaded } = input;
    const files = [];
    let layout;
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
            files.push(...listed.files);
            continue;
        }
        files.push(await fileWithLayout(abs, loaded));
    }
    return { dir: undefined, layout, reason: null, files, description: `Linting ${files.length} file${files.length === 1 ? '' : 's'}` };
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

;// CONCATENATED MODULE: ./src/engine/overrides.ts
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

;// CONCATENATED MODULE: ./src/engine/live-runner.ts



/** Runs the checks in order and returns their results. */
async function runLiveChecks(checks, ctx, config, onResult) {
    const results = [];
    for (const check of checks) {
        const result = await runOne(check, ctx, config);
        results.push(result);
        onResult?.(result);
    }
    return results;
}
/** Runs one check in its own try and shapes its result. */
async function runOne(check, ctx, config) {
    const base = { id: check.id, title: check.title, category: check.category, kind: 'live', docs: runbookLink(check.id) };
    const override = resolveOverride(config.rules[check.id], check.severity);
    // The engine lists only checks of the target's dialect; other callers get a skip, never a foreign catalog query.
    if (!check.dialects.includes(ctx.db.dialect)) {
        return { ...base, severity: check.severity, status: 'skip', summary: `Not applicable to ${ctx.db.dialect} targets.`, durationMs: 0, findings: [] };
    }
    if (override.isOff) {
        return { ...base, severity: check.severity, status: 'skip', summary: `Turned off in config (rules.${check.id}).`, durationMs: 0, findings: [] };
    }
    const started = performance.now();
    let out;
    try {
        out = await check.run(ctx);
    }
    catch (error) {
        const code = error.code;
        ctx.log.log('error', `check ${check.id} threw: ${(0,errors/* describeError */.Uc)(error)}`, { code, stack: error?.stack });
        return {
            ...base,
            severity: override.severity,
            status: 'error',
            summary: `The check could not run: ${(0,errors/* describeError */.Uc)(error)}${code ? ` (SQLSTATE ${code})` : ''}.`,
            mitigation: errorMitigation(code),
            durationMs: Math.round(performance.now() - started),
            findings: [],
        };
    }
    const durationMs = Math.round(performance.now() - started);
    const findings = (out.findings ?? [])
        .map((f) => {
        const at = f.at;
        const position = at === undefined
            ? {}
            : 'stmt' in at
                ? { file: at.file.migration.path, line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
                : { file: at.file.migration.path, line: at.line, col: at.col, endLine: at.endLine ?? at.line, endCol: at.endCol ?? at.col };
        return {
            id: check.id,
            severity: f.severity ?? override.severity,
            message: f.message,
            ...position,
            ...(f.evidence ? { evidence: f.evidence } : {}),
            mitigation: f.mitigation,
            ...(f.help ? { help: f.help } : {}),
            docs: runbookLink(check.id),
            ...(f.tables ? { tables: f.tables } : {}),
            ...(f.lock ? { lock: f.lock } : {}),
        };
    })
        .sort(compareFindings);
    // A check configured down to a warning cannot fail the run.
    const status = out.status === 'fail' && override.severity !== 'error' ? 'warn' : out.status;
    ctx.log.log('info', `check ${check.id}: ${status} in ${durationMs} ms: ${out.summary}`);
    return {
        ...base,
        severity: override.severity,
        status,
        summary: out.summary,
        ...(out.evidence ? { evidence: out.evidence } : {}),
        ...(out.mitigation ? { mitigation: out.mitigation } : {}),
        durationMs,
        findings,
    };
}
/** What to do when a catalog query itself failed, by SQLSTATE class. */
function errorMitigation(code) {
    if (code === '42501')
        return 'The connecting role lacks a privilege this check needs (SQLSTATE 42501). Grant pg_monitor (or pg_read_all_stats) to the preflight login.';
    if (code === '57014')
        return 'The check\'s query hit the preflight statement_timeout: the server is overloaded or the catalog is huge. Raise statementTimeoutMs for this target or run preflight at a quieter time.';
    if (code === '55P03')
        return 'The check\'s query waited too long for a lock (lock_timeout). Something holds a strong lock on a catalog table; see the locks checks.';
    return 'Look at the log file for the query and error; run preflight again, and report a bug if it persists.';
}

;// CONCATENATED MODULE: ./src/engine/static-runner.ts




/** Runs every rule and returns one result per rule. */
async function runStaticRules(input, onResult) {
    const directivesByFile = new Map(input.files.map((f) => [f.migration.path, parseDirectives(f.parsed)]));
    const statements = new StatementIndex(input.files);
    const results = [];
    for (const rule of input.rules) {
        const result = await static_runner_runOne(rule, input, directivesByFile, statements);
        results.push(result);
        onResult?.(result);
    }
    return results;
}
/** Runs one rule in its own try. */
async function static_runner_runOne(rule, input, directives, statements) {
    const started = performance.now();
    const override = resolveOverride(input.config.rules[rule.id], rule.severity);
    const base = { id: rule.id, title: rule.title, category: rule.category, kind: 'static', docs: runbookLink(rule.id) };
    if (override.isOff) {
        return { ...base, severity: rule.severity, status: 'skip', summary: `Turned off in config (rules.${rule.id}).`, durationMs: 0, findings: [] };
    }
    const severity = override.severity;
    if (input.files.length === 0) {
        return { ...base, severity, status: 'skip', summary: 'No pending migrations to analyse.', durationMs: 0, findings: [] };
    }
    const findings = [];
    let skipReason;
    const ctx = {
        files: input.files,
        statements: (kind) => statements.select(kind),
        postgresVersion: input.postgresVersion,
        versionSource: input.versionSource,
        dialect: input.dialect ?? 'postgres',
        layout: input.layout,
        options: override.options,
        live: input.live,
        knownIds: input.knownIds,
        report(at, finding) {
            findings.push(toFinding(rule.id, severity, at, finding, directives, input.knownIds));
        },
        skip(reason) {
            skipReason = reason;
        },
    };
    try {
        await rule.run(ctx);
    }
    catch (error) {
        input.log.log('error', `rule ${rule.id} threw: ${(0,errors/* describeError */.Uc)(error)}`, { stack: error?.stack });
        return {
            ...base,
            severity,
            status: 'error',
            summary: `The rule failed to run: ${(0,errors/* describeError */.Uc)(error)}. Its findings are missing from this report.`,
            mitigation: 'This is a bug in Migrations Preflight: report it with the log file. Meanwhile review the migration by hand for this rule.',
            durationMs: Math.round(performance.now() - started),
            findings: [],
        };
    }
    if (skipReason !== undefined) {
        input.log.log('info', `rule ${rule.id}: skip: ${skipReason}`);
        return { ...base, severity, status: 'skip', summary: skipReason, durationMs: Math.round(performance.now() - started), findings: [] };
    }
    findings.sort(compareFindings);
    const status = statusOf(findings);
    const active = findings.filter((f) => !f.suppressed);
    const suppressedCount = findings.length - active.length;
    const summary = active.length === 0
        ? `No problems${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}.`
        : `${active.length} finding${active.length === 1 ? '' : 's'}${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}: ${active[0].message}`;
    input.log.log('info', `rule ${rule.id}: ${status}, ${findings.length} findings`);
    return {
        ...base,
        severity,
        status,
        summary,
        mitigation: active[0]?.mitigation,
        durationMs: Math.round(performance.now() - started),
        findings,
    };
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
        ? { line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
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
        docs: runbookLink(id),
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



















/** Every rule and check id, for validating --only/--skip and directives. */
function allCheckIds() {
    return new Set([...staticRules.map((r) => r.id), ...liveChecks.map((c) => c.id), ...ENGINE_CHECK_IDS]);
}
/** Results the engine itself produces (not modules with a run()). */
const ENGINE_CHECK_IDS = ['config-secrets', 'preflight-engine'];
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
    // A target's dialect wins; lint reads the config's top-level dialect.
    const dialect = target?.config.dialect ?? config.dialect;
    let session;
    let history;
    let liveSkipReason;
    let pendingMigrations = [];
    let pending = [];
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
        pending = await parsePending(pendingMigrations, log, dialect);
        version = postgresVersionFor(dialect === 'postgres' ? session : undefined, config.postgresVersion);
        const { major, source } = version;
        // Only live checks read the touched tables: lint does not pay for a pass over every statement.
        const touched = () => (dialect === 'mysql' ? mysqlTouchedTables(pending, session.info.database) : touchedTables(pending, major));
        const liveCtx = session && target ? makeLiveContext(options, session, target, set, pending, history, touched()) : undefined;
        // The live facts for static rules are PostgreSQL catalog reads.
        const live = liveCtx && dialect === 'postgres' ? await collectLiveFacts(liveCtx).catch(() => ({})) : {};
        const rules = staticRules.filter((r) => selected.has(r.id) && r.dialects.includes(dialect));
        await runStaticRules({ rules, files: pending, config, postgresVersion: major, versionSource: source, layout: set.layout?.name, live, log, knownIds: allCheckIds(), dialect }, emit);
        if (options.command === 'preflight') {
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
    const checks = [...results].sort((a, b) => a.id.localeCompare(b.id));
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
            statements: statementLockSummaries(pending, version.major),
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
    const base = { id: 'connectivity', title: 'Connect to the target database', category: 'connectivity', kind: 'live', severity: 'error', docs: runbookLink('connectivity') };
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
        const isConnect = error instanceof connect_error/* ConnectError */.T;
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
    return files.filter((f) => {
        if (only && !only.has(f.path))
            return false;
        if (history && set.layout && set.layout.isApplied(f, history))
            return false;
        return true;
    });
}
/** Normalises a path to the project-relative, forward-slash form MigrationFile.path uses. */
function run_toProjectPath(path, baseDir) {
    const abs = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(baseDir, path);
    return (0,external_node_path_.relative)(baseDir, abs).split('\\').join('/');
}
/** Parses each pending file once; the result is shared by every rule and check. */
async function parsePending(files, log, dialect) {
    if (files.length === 0)
        return [];
    const started = performance.now();
    if (dialect === 'mysql') {
        const parser = await (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 31299))).loadMysqlParser();
        const out = files.map((migration) => ({ migration, parsed: parser.parse(migration.sql) }));
        log.log('info', `parsed ${files.length} files as MySQL in ${Math.round(performance.now() - started)} ms`);
        return out;
    }
    // Rules read loadedPostgresParser() synchronously, so this thread's parser loads even when workers parse.
    const [parsed] = await Promise.all([parseFiles(files.map((f) => f.sql), { log }), loadPostgresParser()]);
    log.log('info', `parsed ${files.length} files in ${Math.round(performance.now() - started)} ms`);
    return files.map((migration, i) => ({ migration, parsed: parsed[i] }));
}
/** The PostgreSQL major the rules assume: the target's, else the config's, else the oldest supported. */
function postgresVersionFor(session, configured) {
    if (session)
        return { major: Math.floor(session.info.major), source: 'target' };
    if (configured)
        return { major: configured, source: 'config' };
    return { major: OLDEST_SUPPORTED_POSTGRES, source: 'default' };
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
        title: 'Preflight ran to completion',
        category: 'config',
        kind: 'static',
        severity: 'error',
        status: 'error',
        summary: `Preflight stopped part-way: ${(0,errors/* describeError */.Uc)(error)}. Checks after this point did not run.`,
        mitigation: 'This is a bug in Migrations Preflight: report it with the log file (it has the stack trace).',
        docs: runbookLink('preflight-engine'),
        durationMs: 0,
        findings: [],
    };
}
/** A skipped result for a live check that could not run. */
function skipped(check, reason) {
    return { id: check.id, title: check.title, category: check.category, kind: 'live', severity: check.severity, status: 'skip', summary: reason, docs: runbookLink(check.id), durationMs: 0, findings: [] };
}
/** Literal passwords in the config file: a warning that names the key and line. */
function configSecretsResult(loaded) {
    const base = { id: 'config-secrets', title: 'Keep secrets out of the config file', category: 'config', kind: 'static', severity: 'warning', docs: runbookLink('config-secrets'), durationMs: 0 };
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
            docs: runbookLink('config-secrets'),
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
    if (databaseUrl && !isPostgresUrl(databaseUrl)) {
        problem('database-url', 'is not a PostgreSQL connection URL (the value is hidden because it is a secret).', 'Store a postgres:// URL (with user, password, host, port and database) in a repository secret and pass it with `database-url: ${{ secrets.NAME }}`.');
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
/** True for postgres:// and postgresql:// URLs with a host. */
function isPostgresUrl(value) {
    try {
        const u = new URL(value);
        return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
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
    const loaded = loadConfig({ configPath: inputs.config, cwd: inputs.workingDirectory });
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

/***/ 16906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ ConnectError)
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


/***/ }),

/***/ 31299:
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
        pieces.push({ startByte: start, endByte: end.textEnd, comments: trivia.comments, delimiter: end.delimiterFound ? delimiter.toString('utf8') : '' });
        i = end.next;
    }
}
/** Skips whitespace, comments, stray delimiters and DELIMITER commands; returns where SQL starts. */
function skipTrivia(bytes, from, lines, current) {
    const comments = [];
    let delimiter = current;
    let i = from;
    while (i < bytes.length) {
        const b = bytes[i];
        if (SPACE.has(b)) {
            i++;
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
            const command = delimiterCommand(bytes, i);
            if (!command)
                break;
            delimiter = command.delimiter;
            i = command.end;
        }
    }
    return { end: i, comments, delimiter };
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
function findStatementEnd(bytes, start, delimiter, lines) {
    // Only with ";" as delimiter can a routine body's ";" be mistaken for the end.
    const isCompound = delimiter.length === 1 && delimiter[0] === 0x3b && COMPOUND_HEAD.test(headText(bytes, start, lines));
    let depth = 0;
    let lastToken = start;
    let i = start;
    while (i < bytes.length) {
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
            i = quotedEnd(bytes, i);
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
/** The statement's first words with comments blanked, for recognising compound statements. */
function headText(bytes, start, lines) {
    const end = Math.min(bytes.length, start + 400);
    return lines
        .slice(start, end)
        .replace(/\/\*[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
        .replace(/\s+/g, ' ');
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
/** A block comment, but not /*! or /*+, which the server executes (version comments, optimizer hints). */
function isBlockComment(bytes, i) {
    return bytes[i] === 0x2f && bytes[i + 1] === 0x2a && bytes[i + 2] !== 0x21 && bytes[i + 2] !== 0x2b;
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
function quotedEnd(bytes, at) {
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
    return { statements, trailingComments, lines, parserVersion: 0 };
}
/** The AST of one statement from the first grammar that accepts it, or an unparsed node. */
function astOf(grammars, text) {
    let reason = '';
    for (const grammar of MYSQL_GRAMMARS) {
        try {
            const ast = grammars[grammar].astify(text, { database: grammar });
            const list = Array.isArray(ast) ? ast : [ast];
            const node = list[0];
            if (list.length === 1 && node && typeof node.type === 'string')
                return { kind: node.type, node };
            reason ||= `the parser read ${list.length} statements here`;
        }
        catch (error) {
            // The MySQL grammar's complaint: the more complete grammar stops nearer the real gap.
            reason ||= describeParseError(error, text);
        }
    }
    return { kind: UNPARSED, node: { keywords: leadingKeywords(text), reason } };
}
/** The first two keywords of a statement, upper case, comments skipped. */
function leadingKeywords(text) {
    const words = text
        .replace(/\/\*(?![!+])[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
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
    return `node-sql-parser does not know the syntax at "${near}${text.length > offset + 40 ? '...' : ''}"`;
}


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

/***/ 82344:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "25589ada13b08f922e94.ts";

/***/ })

};
