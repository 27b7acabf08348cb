export const id = 476;
export const ids = [476];
export const modules = {

/***/ 88476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mysqlTouchedTables: () => (/* binding */ mysqlTouchedTables)
/* harmony export */ });
/* harmony import */ var _statements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83130);

/** Tables touched by pending statements, qualified with `database` when unqualified, in first-touched order. */
function mysqlTouchedTables(files, database) {
    const byTable = new Map();
    for (const file of files) {
        for (const stmt of file.parsed.statements) {
            const { tables, isDdl } = (0,_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .touchedTablesOf */ .r7)(stmt);
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


/***/ })

};
