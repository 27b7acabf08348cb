/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * TypeName nodes (how the parser spells a column type) turned into catalog lookup keys and into
 * the text format_type prints, so types declared in a migration compare with loaded ones.
 */
import { stringsOf } from './names.js'

/** A TypeName node reduced to what the model needs. */
export interface TypeNameParts {
  /** [name] or [schema, name], as the parser gives them ("pg_catalog", "int4" for INTEGER). */
  readonly parts: readonly string[]
  readonly typmods: readonly number[]
  readonly isArray: boolean
}

/** serial and friends are not types: they are an integer column with a sequence default. */
export const SERIAL_TYPES: Readonly<Record<string, string>> = {
  smallserial: 'int2',
  serial2: 'int2',
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
}

/** Keys the loader always resolves, for serial columns. */
export const ALWAYS_RESOLVED = ['"pg_catalog"."int2"', '"pg_catalog"."int4"', '"pg_catalog"."int8"'] as const

/** Reads a TypeName node. */
export function readTypeName(node: Record<string, any> | undefined): TypeNameParts {
  const typmods = (node?.typmods ?? [])
    .map((t: any) => t?.A_Const?.ival?.ival ?? (t?.A_Const?.ival ? 0 : undefined))
    .filter((v: unknown): v is number => typeof v === 'number')
  return { parts: stringsOf(node?.names), typmods, isArray: (node?.arrayBounds ?? []).length > 0 }
}

/** The integer type behind a serial pseudo-type, or undefined. */
export function serialBase(parts: readonly string[]): string | undefined {
  const name = parts.at(-1) ?? ''
  if (parts.length > 1 && parts[0] !== 'pg_catalog') return undefined
  return SERIAL_TYPES[name]
}

/** Double-quotes each part and joins them, as to_regtype accepts: '"public"."mood"'. */
export function quotedKey(parts: readonly string[]): string {
  return parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.')
}

/**
 * Every key under which a name may resolve: as written (search_path of the session), and
 * qualified by each candidate schema, so the simulator can resolve it after a SET search_path.
 */
export function lookupKeys(parts: readonly string[], candidateSchemas: Iterable<string>): string[] {
  // A database-qualified name (db.schema.type) would make to_regtype raise; keep schema.type.
  if (parts.length > 1) return [quotedKey(parts.slice(-2))]
  const keys = [quotedKey(parts), quotedKey(['pg_catalog', parts[0]!])]
  for (const schema of candidateSchemas) keys.push(quotedKey([schema, parts[0]!]))
  return keys
}

/** format_type's text for a base name plus modifiers: "character varying" + [20] -> "character varying(20)". */
export function withTypmods(display: string, typmods: readonly number[]): string {
  if (typmods.length === 0) return display
  const args = `(${typmods.join(',')})`
  const zone = / with(out)? time zone$/.exec(display)
  return zone ? `${display.slice(0, zone.index)}${args}${zone[0]}` : `${display}${args}`
}
