export const id = 495;
export const ids = [495];
export const modules = {

/***/ 61495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPostgresSession: () => (/* binding */ openPostgresSession)
/* harmony export */ });
/* unused harmony exports APPLICATION_NAME, classify, majorOf */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/* harmony import */ var _connect_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16906);
/**
 * The read-only session on a PostgreSQL target. Read-only by construction: every transaction
 * is READ ONLY, the tool's own statement and lock timeouts are short, and `query` refuses any
 * statement that is not a read. Connection failures are classified by error code (SQLSTATE or
 * Node's socket codes), never by message text where a code exists.
 */


const APPLICATION_NAME = 'migrations-preflight';

const READ_STATEMENT = /^(select|with|show|values|table|explain(?![\s\S]*\banalyze\b))\b/i;
/** Opens a read-only session, classifying any failure as a ConnectError. */
async function openPostgresSession(endpoint, timeouts, log) {
    const started = performance.now();
    const where = `${endpoint.host}:${endpoint.port}`;
    log.log('info', `connecting to ${where} database "${endpoint.database}" as "${endpoint.user}" (sslmode ${endpoint.tlsMode})`);
    let client;
    let isTls = endpoint.ssl !== false;
    try {
        client = await connect(endpoint, endpoint.ssl, timeouts);
    }
    catch (error) {
        // sslmode=prefer: retry in clear text only when the server said it does not speak TLS.
        if (endpoint.tlsMode === 'prefer' && isNoSslError(error)) {
            log.log('info', 'server does not support TLS; sslmode=prefer falls back to an unencrypted connection');
            isTls = false;
            try {
                client = await connect(endpoint, false, timeouts);
            }
            catch (retryError) {
                throw classify(retryError, endpoint, timeouts);
            }
        }
        else {
            throw classify(error, endpoint, timeouts);
        }
    }
    try {
        await client.query(`SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;` +
            ` SET statement_timeout = ${Math.floor(timeouts.statementTimeoutMs)};` +
            ` SET lock_timeout = ${Math.floor(timeouts.lockTimeoutMs)};` +
            ` SET idle_in_transaction_session_timeout = ${Math.floor(timeouts.statementTimeoutMs * 2)}`);
        const row = (await client.query(`SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num, current_user AS usr, current_database() AS db`)).rows[0];
        const versionNum = Number(row.num);
        const info = {
            version: row.version.split(' ')[0] ?? row.version,
            versionNum,
            major: majorOf(versionNum),
            currentUser: row.usr,
            database: row.db,
            host: endpoint.host,
            port: endpoint.port,
        };
        const connectMs = Math.round(performance.now() - started);
        log.log('info', `connected in ${connectMs} ms: PostgreSQL ${info.version}, user ${info.currentUser}, read-only session`);
        return createSession(client, info, isTls, connectMs, log);
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw classify(error, endpoint, timeouts);
    }
}
/** Connects one client with hard client-side timeouts, so a silent server cannot hang us. */
async function connect(endpoint, ssl, timeouts) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
        host: endpoint.host,
        port: endpoint.port,
        user: endpoint.user,
        password: endpoint.password ?? '',
        database: endpoint.database,
        ssl,
        application_name: APPLICATION_NAME,
        connectionTimeoutMillis: timeouts.connectTimeoutMs,
        query_timeout: timeouts.statementTimeoutMs + 2000,
        keepAlive: true,
    });
    // An error after connect (server gone) must not crash the process; queries report it.
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
    return client;
}
/** Wraps a connected client as a ReadOnlySession that logs every query. */
function createSession(client, info, tls, connectMs, log) {
    return {
        dialect: 'postgres',
        info,
        tls,
        connectMs,
        async query(sql, params = []) {
            const text = stripLeadingComments(sql);
            if (!READ_STATEMENT.test(text)) {
                throw new Error(`refused to run a non-read statement on the target: ${text.slice(0, 40)}`);
            }
            const started = performance.now();
            try {
                const result = await client.query(sql, params);
                log.log('debug', `query ${Math.round(performance.now() - started)} ms, ${result.rowCount ?? 0} rows: ${oneLine(sql)}`);
                return result.rows;
            }
            catch (error) {
                const code = error.code;
                log.log('warn', `query failed after ${Math.round(performance.now() - started)} ms${code ? ` (SQLSTATE ${code})` : ''}: ${oneLine(sql)}`);
                throw error;
            }
        },
        async close() {
            await client.end().catch(() => undefined);
        },
    };
}
/** Collapses SQL to one line for the log. */
function oneLine(sql) {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return flat.length > 500 ? `${flat.slice(0, 500)}...` : flat;
}
/** Removes leading whitespace and comments so the read guard sees the first keyword. */
function stripLeadingComments(sql) {
    return sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
}
/** True when the server refused TLS (node-postgres raises this without a code). */
function isNoSslError(error) {
    return error instanceof Error && /does not support SSL/i.test(error.message);
}
/** Maps a connection error to a ConnectError with cause and fix, naming host:port and never the password. */
function classify(error, endpoint, timeouts) {
    const where = `${endpoint.host}:${endpoint.port}`;
    const e = error;
    const code = e.code ?? '';
    const raw = e.message ?? String(error);
    switch (code) {
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EAI_NONAME':
        case 'EAI_FAIL':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('dns', `Cannot resolve host "${endpoint.host}" (${code}).`, 'Check the host name in the database URL and that this runner can resolve it (private DNS, VPN).');
        case 'ECONNREFUSED':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('refused', `Connection refused by ${where}: nothing is listening there.`, 'Check the host and port, that the server is running, and that its listen_addresses includes this interface.');
        case 'ETIMEDOUT':
        case 'ECONNRESET':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EPIPE':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('network', `Network error talking to ${where} (${code}).`, 'Check firewalls and security groups between this runner and the database.');
        case '28P01':
        case '28000':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('authentication', `Authentication failed for user "${endpoint.user}" at ${where} (SQLSTATE ${code}).`, 'Check the user and password in the secret, and pg_hba.conf for this client address.', redactMessage(raw, endpoint));
        case '3D000':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('database-missing', `Database "${endpoint.database}" does not exist on ${where}.`, 'Check the database name at the end of the URL.');
        case '53300':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('too-many-connections', `${where} has no free connection slots (SQLSTATE 53300).`, 'The server is at max_connections: a migration would not get a connection either. Find idle sessions or raise the limit.');
        case '57P03':
            return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('starting-up', `${where} is not accepting connections yet (SQLSTATE 57P03: starting up, shutting down or in recovery).`, 'Wait for the server to finish starting, then run preflight again.');
        default:
            break;
    }
    if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|SSL|TLS/i.test(code) || isTlsMessage(raw)) {
        return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('tls', `TLS negotiation with ${where} failed (sslmode ${endpoint.tlsMode}): ${redactMessage(raw, endpoint)}`, 'Check tls.mode and tls.ca in the config: verify-full needs the server certificate\'s CA and a matching host name; use require to encrypt without verifying.');
    }
    if (/timeout/i.test(raw)) {
        return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('timeout', `No answer from ${where} within ${timeouts.connectTimeoutMs} ms.`, 'Check that the host and port are right and reachable from this runner; raise connectTimeoutMs if the network is slow.');
    }
    if (/terminated unexpectedly|Connection terminated/i.test(raw)) {
        return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('network', `${where} closed the connection during the handshake.`, 'Check that the port belongs to a PostgreSQL server (not another service) and that a pooler in front of it accepts this user and database.');
    }
    return new _connect_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectError */ .T('unknown', `Cannot connect to ${where}: ${redactMessage(raw, endpoint)}${code ? ` (${code})` : ''}.`, 'Check the database URL and that the server is reachable.');
}
/** Node's TLS errors sometimes carry no code; their messages are stable across versions. */
function isTlsMessage(message) {
    return /self[- ]signed certificate|unable to verify|Hostname\/IP does not match|does not support SSL|wrong version number|certificate/i.test(message);
}
/** Never let a password through, even inside a server message. */
function redactMessage(message, endpoint) {
    return endpoint.password ? message.split(endpoint.password).join('***') : message;
}
/** PostgreSQL major from server_version_num: 150019 -> 15, 90624 -> 9.6. */
function majorOf(versionNum) {
    if (versionNum >= 100000)
        return Math.floor(versionNum / 10000);
    return Math.floor(versionNum / 10000) + (Math.floor(versionNum / 100) % 100) / 10;
}


/***/ })

};
