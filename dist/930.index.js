export const id = 930;
export const ids = [930];
export const modules = {

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

/***/ 75930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openMysqlSession: () => (/* binding */ openMysqlSession)
/* harmony export */ });
/* unused harmony exports PROGRAM_NAME, sessionSettings, assertReadOnly, classifyMysqlError */
/* harmony import */ var mysql2_promise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27588);
/* harmony import */ var _connect_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16906);
/* harmony import */ var _server_info_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84304);
/**
 * The read-only session on a MySQL or MariaDB target. Read-only by construction: the session's
 * transactions are READ ONLY, its statement, metadata-lock and row-lock timeouts are short, and
 * `query` refuses any statement that is not a read before it reaches the network. Connection
 * failures are classified by error code (mysql2's ER_* names, errno, or Node's socket codes).
 */



const PROGRAM_NAME = 'migrations-preflight';
/** Statements that only read. EXPLAIN ANALYZE (MySQL) and ANALYZE (MariaDB) execute the query, so they are not here. */
const READ_STATEMENT = /^(select|with|show|explain(?![\s\S]*\banalyze\b)|describe|desc|values|table)\b/i;
/** SELECT ... INTO OUTFILE/DUMPFILE writes a file on the server, which no READ ONLY transaction prevents. */
const WRITES_FILE = /\binto\s+(outfile|dumpfile)\b/i;
/** Opens a read-only session, classifying any failure as a ConnectError. */
async function openMysqlSession(endpoint, timeouts, log) {
    const started = performance.now();
    log.log('info', `connecting to ${endpoint.host}:${endpoint.port} database "${endpoint.database}" as "${endpoint.user}" (tls ${endpoint.tlsMode})`);
    let conn;
    let isTls = endpoint.ssl !== false;
    try {
        conn = await connect(endpoint, endpoint.ssl, timeouts);
    }
    catch (error) {
        // tls.mode prefer: retry in clear text only when the server said it does not speak TLS.
        if (endpoint.tlsMode === 'prefer' && codeOf(error) === 'HANDSHAKE_NO_SSL_SUPPORT') {
            log.log('info', 'server does not support TLS; tls.mode prefer falls back to an unencrypted connection');
            isTls = false;
            try {
                conn = await connect(endpoint, false, timeouts);
            }
            catch (retryError) {
                throw classifyMysqlError(retryError, endpoint, timeouts);
            }
        }
        else {
            throw classifyMysqlError(error, endpoint, timeouts);
        }
    }
    try {
        const [versionRows] = await conn.query({ sql: 'SELECT VERSION() AS version', timeout: timeouts.statementTimeoutMs });
        const rawVersion = String(versionRows[0]?.version ?? '');
        for (const sql of sessionSettings((0,_server_info_js__WEBPACK_IMPORTED_MODULE_2__/* .isMariaDbVersion */ .bP)(rawVersion), timeouts))
            await conn.query({ sql, timeout: timeouts.statementTimeoutMs });
        const [rows] = await conn.query({
            sql: 'SELECT CURRENT_USER() AS usr, DATABASE() AS db',
            timeout: timeouts.statementTimeoutMs,
        });
        const row = rows[0] ?? {};
        const info = (0,_server_info_js__WEBPACK_IMPORTED_MODULE_2__/* .serverInfoOf */ .rW)(rawVersion, String(row.usr ?? endpoint.user), String(row.db ?? endpoint.database), endpoint);
        const connectMs = Math.round(performance.now() - started);
        log.log('info', `connected in ${connectMs} ms: ${(0,_server_info_js__WEBPACK_IMPORTED_MODULE_2__/* .isMariaDbVersion */ .bP)(info.version) ? 'MariaDB' : 'MySQL'} ${info.version}, user ${info.currentUser}, read-only session`);
        return createSession(conn, info, isTls, connectMs, timeouts, log);
    }
    catch (error) {
        conn.destroy();
        throw classifyMysqlError(error, endpoint, timeouts);
    }
}
/**
 * The session settings. MySQL limits SELECTs with max_execution_time (milliseconds), MariaDB every
 * statement with max_statement_time (seconds); lock_wait_timeout bounds metadata-lock waits and
 * innodb_lock_wait_timeout row-lock waits (seconds, at least 1).
 */
function sessionSettings(isMariaDb, timeouts) {
    const lockSeconds = Math.max(1, Math.ceil(timeouts.lockTimeoutMs / 1000));
    const statementLimit = isMariaDb
        ? `max_statement_time = ${(Math.max(1, timeouts.statementTimeoutMs) / 1000).toFixed(3)}`
        : `max_execution_time = ${Math.max(1, Math.floor(timeouts.statementTimeoutMs))}`;
    // SET SESSION TRANSACTION is a statement of its own; the variables share one SET.
    return [
        'SET SESSION TRANSACTION READ ONLY',
        `SET SESSION lock_wait_timeout = ${lockSeconds}, SESSION innodb_lock_wait_timeout = ${lockSeconds}, SESSION ${statementLimit}`,
    ];
}
/** Connects one client with a hard connect timeout, so a silent server cannot hang us. */
async function connect(endpoint, ssl, timeouts) {
    const conn = await mysql2_promise__WEBPACK_IMPORTED_MODULE_0__.createConnection({
        host: endpoint.host,
        port: endpoint.port,
        user: endpoint.user,
        password: endpoint.password ?? '',
        database: endpoint.database,
        ...(ssl ? { ssl } : {}),
        connectTimeout: timeouts.connectTimeoutMs,
        // One statement per query: a read cannot smuggle a write after a ";".
        multipleStatements: false,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        connectAttributes: { program_name: PROGRAM_NAME },
    });
    // An error after connect (server gone) must not crash the process; queries report it.
    conn.on('error', () => undefined);
    return conn;
}
/** Wraps a connected client as a ReadOnlySession that logs every query. */
function createSession(conn, info, tls, connectMs, timeouts, log) {
    return {
        dialect: 'mysql',
        info,
        tls,
        connectMs,
        async query(sql, params = []) {
            assertReadOnly(sql);
            const started = performance.now();
            try {
                const [rows] = await conn.query({ sql, timeout: timeouts.statementTimeoutMs + 2000 }, params);
                const list = Array.isArray(rows) ? rows : [];
                log.log('debug', `query ${Math.round(performance.now() - started)} ms, ${list.length} rows: ${oneLine(sql)}`);
                return list;
            }
            catch (error) {
                const code = codeOf(error);
                log.log('warn', `query failed after ${Math.round(performance.now() - started)} ms${code ? ` (${code})` : ''}: ${oneLine(sql)}`);
                throw error;
            }
        },
        async close() {
            await conn.end().catch(() => conn.destroy());
        },
    };
}
/** Refuses anything but one read, before it reaches the network. */
function assertReadOnly(sql) {
    const text = stripLeadingComments(sql);
    if (!READ_STATEMENT.test(text) || WRITES_FILE.test(text)) {
        throw new Error(`refused to run a non-read statement on the target: ${text.slice(0, 40)}`);
    }
}
/** Removes leading whitespace and comments (not /*! or /*+, which MySQL executes) so the guard sees the first keyword. */
function stripLeadingComments(sql) {
    return sql.replace(/^(\s+|--[ \t][^\n]*\n?|--\n|#[^\n]*\n?|\/\*(?![!+])[\s\S]*?\*\/)+/, '');
}
/** Collapses SQL to one line for the log. */
function oneLine(sql) {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return flat.length > 500 ? `${flat.slice(0, 500)}...` : flat;
}
/** The error's code: mysql2's ER_* or HANDSHAKE_* name, or Node's socket code. */
function codeOf(error) {
    return String(error?.code ?? '');
}
/** MySQL server error numbers the classification needs (https://dev.mysql.com/doc/mysql-errors/8.4/en/server-error-reference.html). */
const ERRNO = {
    ER_CON_COUNT_ERROR: 1040,
    ER_DBACCESS_DENIED_ERROR: 1044,
    ER_ACCESS_DENIED_ERROR: 1045,
    ER_BAD_DB_ERROR: 1049,
    ER_SERVER_SHUTDOWN: 1053,
    ER_HOST_IS_BLOCKED: 1129,
    ER_HOST_NOT_PRIVILEGED: 1130,
    ER_NOT_SUPPORTED_AUTH_MODE: 1251,
    ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 1698,
    ER_MUST_CHANGE_PASSWORD_LOGIN: 1862,
    ER_TOO_MANY_USER_CONNECTIONS: 1203,
    ER_USER_LIMIT_REACHED: 1226,
};
/** Maps a connection error to a ConnectError with cause and fix, naming host:port and never the password. */
function classifyMysqlError(error, endpoint, timeouts) {
    const where = `${endpoint.host}:${endpoint.port}`;
    const e = error;
    const code = codeOf(error);
    const errno = typeof e.errno === 'number' ? e.errno : undefined;
    const raw = redactMessage(e.message ?? String(error), endpoint);
    const tag = errno !== undefined ? ` (${code || 'errno'} ${errno})` : code ? ` (${code})` : '';
    const socket = (0,_connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .socketConnectError */ .Mb)(code, endpoint.host, endpoint.port, 'bind_address');
    if (socket)
        return socket;
    switch (code) {
        case 'ETIMEDOUT':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('timeout', `No answer from ${where} within ${timeouts.connectTimeoutMs} ms.`, 'Check that the host and port are right and reachable from this runner (firewalls, security groups); raise connectTimeoutMs if the network is slow.');
        case 'ECONNRESET':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EPIPE':
        case 'PROTOCOL_CONNECTION_LOST':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('network', `Network error talking to ${where} (${code}).`, 'Check that the port belongs to a MySQL or MariaDB server (not another service), and firewalls between this runner and the database.');
        case 'HANDSHAKE_NO_SSL_SUPPORT':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('tls', `${where} does not support TLS, and tls.mode ${endpoint.tlsMode} requires it.`, 'Enable TLS on the server (ssl_cert, ssl_key), or use tls.mode prefer or disable where encryption is not required.');
        default:
            break;
    }
    switch (errno) {
        case ERRNO.ER_ACCESS_DENIED_ERROR:
        case ERRNO.ER_ACCESS_DENIED_NO_PASSWORD_ERROR:
        case ERRNO.ER_NOT_SUPPORTED_AUTH_MODE:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('authentication', `Authentication failed for user "${endpoint.user}" at ${where}${tag}.`, 'Check the user and password in the secret, and that the account exists for this client host (user@host).', raw);
        case ERRNO.ER_MUST_CHANGE_PASSWORD_LOGIN:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('authentication', `The password of "${endpoint.user}" at ${where} has expired${tag}.`, 'Set a new password for the preflight account (ALTER USER ... IDENTIFIED BY ...).', raw);
        case ERRNO.ER_HOST_NOT_PRIVILEGED:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('authentication', `${where} does not let this host connect${tag}.`, 'Create the account for this client\'s address (CREATE USER \'user\'@\'host\'), or connect from an allowed host.', raw);
        case ERRNO.ER_DBACCESS_DENIED_ERROR:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('authentication', `User "${endpoint.user}" may not use database "${endpoint.database}" on ${where}${tag}.`, `Grant the preflight account access to ${endpoint.database} (GRANT SELECT ON ${endpoint.database}.* TO ...).`, raw);
        case ERRNO.ER_BAD_DB_ERROR:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('database-missing', `Database "${endpoint.database}" does not exist on ${where}${tag}.`, 'Check the database name at the end of the URL.');
        case ERRNO.ER_CON_COUNT_ERROR:
        case ERRNO.ER_TOO_MANY_USER_CONNECTIONS:
        case ERRNO.ER_USER_LIMIT_REACHED:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('too-many-connections', `${where} has no free connection for "${endpoint.user}"${tag}.`, 'The server (max_connections) or the account (max_user_connections) is at its limit: a migration would not get a connection either. Find idle sessions or raise the limit.');
        case ERRNO.ER_HOST_IS_BLOCKED:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('refused', `${where} blocks this host after too many failed connection attempts${tag}.`, 'Run FLUSH HOSTS (or mariadb-admin flush-hosts) on the server, then fix what made the connections fail.');
        case ERRNO.ER_SERVER_SHUTDOWN:
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('starting-up', `${where} is shutting down${tag}.`, 'Wait for the server to come back, then run preflight again.');
        default:
            break;
    }
    if (/^(ERR_TLS|ERR_SSL|HANDSHAKE_SSL)/.test(code) || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
        return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('tls', `TLS negotiation with ${where} failed (tls.mode ${endpoint.tlsMode}): ${raw}`, 'Check tls.mode and tls.ca in the config: verify-full needs the server certificate\'s CA and a matching host name; use require to encrypt without verifying.');
    }
    return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T$('unknown', `Cannot connect to ${where}: ${raw}${tag}.`, 'Check the database URL and that the server is reachable.');
}
/** Never let a password through, even inside a server message. */
function redactMessage(message, endpoint) {
    return endpoint.password ? message.split(endpoint.password).join('***') : message;
}


/***/ })

};
