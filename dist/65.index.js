export const id = 65;
export const ids = [65];
export const modules = {

/***/ 70065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLiveChecks: () => (/* binding */ runLiveChecks)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17679);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81123);
/* harmony import */ var _overrides_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34867);



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
    const base = { id: check.id, title: check.title, category: check.category, kind: 'live', docs: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .runbookLink */ .N7)(check.id) };
    const override = (0,_overrides_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveOverride */ .d)(config.rules[check.id], check.severity);
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
        ctx.log.log('error', `check ${check.id} threw: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`, { code, stack: error?.stack });
        return {
            ...base,
            severity: override.severity,
            status: 'error',
            summary: `The check could not run: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}${code ? ` (SQLSTATE ${code})` : ''}.`,
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
            docs: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .runbookLink */ .N7)(check.id),
            ...(f.tables ? { tables: f.tables } : {}),
            ...(f.lock ? { lock: f.lock } : {}),
        };
    })
        .sort(_model_js__WEBPACK_IMPORTED_MODULE_1__/* .compareFindings */ .Eg);
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


/***/ })

};
