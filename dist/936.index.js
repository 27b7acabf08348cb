export const id = 936;
export const ids = [936];
export const modules = {

/***/ 46936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_MYSQL_PORT: () => (/* binding */ DEFAULT_MYSQL_PORT),
/* harmony export */   parseMysqlUrl: () => (/* binding */ parseMysqlUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17679);
/**
 * Turns a mysql:// or mariadb:// URL and the target's TLS settings into mysql2 options.
 * `ssl-mode` in the URL takes MySQL's names (DISABLED ... VERIFY_IDENTITY) and `sslmode` libpq's,
 * so `tls.mode` in config means the same for every dialect. golang-migrate's DSN form
 * (`mysql://user:pass@tcp(host:3306)/db?tls=true`) is accepted too, since projects share one URL.
 * Errors name the part that is wrong, never the password.
 */


const DEFAULT_MYSQL_PORT = 3306;
/** MySQL's --ssl-mode names (https://dev.mysql.com/doc/refman/8.4/en/connection-options.html#option_general_ssl-mode). */
const MYSQL_SSL_MODES = {
    disabled: 'disable',
    preferred: 'prefer',
    required: 'require',
    verify_ca: 'verify-ca',
    verify_identity: 'verify-full',
};
/** go-sql-driver's `tls` parameter, as golang-migrate URLs carry it. */
const GO_TLS_VALUES = {
    false: 'disable',
    preferred: 'prefer',
    'skip-verify': 'require',
    true: 'verify-full',
};
const LIBPQ_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];
const URL_FORM = 'mysql://user:password@host:3306/database (percent-encode special characters in the password)';
/** Parses a mysql:// or mariadb:// URL into an endpoint; throws ConfigError naming the problem. */
function parseMysqlUrl(url, tls, baseDir) {
    const u = toUrl(url);
    if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`The database URL has scheme "${u.protocol.replace(/:$/, '')}", expected mysql or mariadb (the target's dialect is mysql).`, `Use the form ${URL_FORM}, or set the target's dialect to match the URL.`);
    }
    const host = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1');
    if (!host)
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('The database URL names no host.', `Use the form ${URL_FORM}.`);
    const port = Number(u.port || DEFAULT_MYSQL_PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`The database URL has an invalid port "${u.port}".`, 'Use a port between 1 and 65535 (MySQL listens on 3306 by default).');
    const user = decodeComponent(u.username, 'user name');
    if (!user)
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('The database URL names no user.', `Use the form ${URL_FORM}.`);
    const database = decodeComponent(u.pathname.replace(/^\//, ''), 'database name');
    if (!database || database.includes('/')) {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('The database URL names no database (the part after the last "/").', `Use the form ${URL_FORM}: preflight reads the migration history and the touched tables in that database.`);
    }
    const tlsMode = tlsModeOf(u.searchParams, tls.mode);
    return {
        host,
        port,
        user,
        password: u.password ? decodeComponent(u.password, 'password') : undefined,
        database,
        tlsMode,
        ssl: sslOptions(tlsMode, tls.ca ?? u.searchParams.get('ssl-ca') ?? u.searchParams.get('sslrootcert') ?? undefined, baseDir),
    };
}
/** Parses the text as a URL, rewriting go-sql-driver's `@tcp(host:port)` address first. */
function toUrl(url) {
    const rewritten = url.replace(/@(?:tcp|tcp6)\(([^)]*)\)/, '@$1');
    try {
        return new URL(rewritten);
    }
    catch {
        // The URL constructor's message can quote the input, password included: never pass it on.
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('The database URL is not a valid URL.', `Use the form ${URL_FORM}.`);
    }
}
/** Percent-decodes one URL part; a stray "%" is a config error, not a crash. */
function decodeComponent(text, what) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`The database URL's ${what} has an invalid percent-escape.`, 'Percent-encode "%" as %25 and other special characters as %XX.');
    }
}
/** The TLS mode: the URL's ssl-mode, sslmode or tls parameter, else the config's tls.mode. */
function tlsModeOf(params, configured) {
    const mysqlMode = params.get('ssl-mode') ?? params.get('sslMode');
    if (mysqlMode !== null) {
        const mode = MYSQL_SSL_MODES[mysqlMode.toLowerCase()];
        if (!mode)
            throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Unknown ssl-mode "${mysqlMode}" in the database URL.`, 'Use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY.');
        return mode;
    }
    const libpqMode = params.get('sslmode');
    if (libpqMode !== null) {
        if (!LIBPQ_MODES.includes(libpqMode))
            throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Unknown sslmode "${libpqMode}" in the database URL.`, 'Use disable, prefer, require, verify-ca or verify-full.');
        return libpqMode;
    }
    const goTls = params.get('tls');
    if (goTls !== null) {
        const mode = GO_TLS_VALUES[goTls.toLowerCase()];
        if (!mode)
            throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Unsupported tls=${goTls} in the database URL.`, 'Use tls=true, skip-verify, preferred or false, or set tls.mode in the config.');
        return mode;
    }
    return configured;
}
/** mysql2's TLS options for a mode; `prefer` starts with TLS and falls back (see session.ts). */
function sslOptions(mode, caPath, baseDir) {
    if (mode === 'disable')
        return false;
    let ca;
    if (caPath) {
        try {
            ca = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(caPath.startsWith('/') ? caPath : `${baseDir}/${caPath}`, 'utf8');
        }
        catch (error) {
            throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Cannot read the TLS CA file ${caPath}: ${error.message}`, 'Check tls.ca in the config.');
        }
    }
    if (mode === 'verify-full')
        return { rejectUnauthorized: true, verifyIdentity: true, ...(ca ? { ca } : {}) };
    // verify-ca checks the chain but not the host name, as MySQL's VERIFY_CA does.
    if (mode === 'verify-ca')
        return { rejectUnauthorized: true, verifyIdentity: false, ...(ca ? { ca } : {}) };
    return { rejectUnauthorized: false };
}


/***/ })

};
