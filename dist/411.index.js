export const id = 411;
export const ids = [411];
export const modules = {

/***/ 17411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePostgresUrl: () => (/* binding */ parsePostgresUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17679);
/**
 * Turns a PostgreSQL connection URL and the target's TLS settings into node-postgres options.
 * We parse the URL ourselves so that `sslmode` in the URL and `tls.mode` in config mean the
 * same thing as in libpq, and so that errors name the part that is wrong.
 */


/** Parses a postgres:// URL into an endpoint; throws ConfigError naming the problem (never the password). */
function parsePostgresUrl(url, tls, baseDir) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('The database URL is not a valid URL.', 'Use the form postgres://user:password@host:5432/database (percent-encode special characters in the password).');
    }
    if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`The database URL has scheme "${u.protocol.replace(/:$/, '')}", expected postgres or postgresql.`);
    }
    const params = u.searchParams;
    const host = params.get('host') ?? (decodeURIComponent(u.hostname) || 'localhost');
    const port = Number(u.port || params.get('port') || 5432);
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`The database URL has an invalid port "${u.port}".`);
    const urlMode = params.get('sslmode');
    const tlsMode = (urlMode ?? tls.mode);
    if (!['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].includes(tlsMode)) {
        throw new _engine_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Unknown sslmode "${tlsMode}".`, 'Use disable, prefer, require, verify-ca or verify-full.');
    }
    return {
        host,
        port,
        user: decodeURIComponent(u.username) || process.env.PGUSER || 'postgres',
        password: u.password ? decodeURIComponent(u.password) : undefined,
        database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
        tlsMode: tlsMode === 'allow' ? 'prefer' : tlsMode,
        ssl: sslOptions(tlsMode, tls.ca ?? params.get('sslrootcert') ?? undefined, baseDir),
    };
}
/** The TLS options for a mode; `prefer` starts with TLS and falls back (see session.ts). */
function sslOptions(mode, caPath, baseDir) {
    if (mode === 'disable' || mode === 'allow')
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
        return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
    // verify-ca checks the chain but not the host name, as libpq does.
    if (mode === 'verify-ca')
        return { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...(ca ? { ca } : {}) };
    return { rejectUnauthorized: false };
}


/***/ })

};
