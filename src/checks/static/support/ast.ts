/**
 * The loose type of libpg-query's JSON nodes (shaped as in @pgsql/types), which the rules walk by
 * property name as Statement.node is typed. One alias, so the looseness is declared in one place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parser output is untyped JSON, like Statement.node
export type AstNode = Record<string, any>
