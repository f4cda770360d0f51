// A small declarative column language. One declaration of each table drives three things:
// the DDL for both dialects (migrate.ts), the Kysely row types (schema.ts), and the
// validation and defaults of scenario files (scenario/). Types follow VICIdial's
// MySQL_AST_CREATE_tables.sql (api-reference.md §3).
import type { ColumnType } from 'kysely';

export type ColumnKind =
  | 'varchar' | 'char' | 'text' | 'mediumtext'
  | 'tinyint' | 'smallint' | 'mediumint' | 'int' | 'bigint'
  | 'decimal' | 'double'
  | 'datetime' | 'date'
  | 'enum';

export interface ColumnSpec {
  kind: ColumnKind;
  /** varchar/char width; decimal precision */
  length?: number;
  /** decimal scale */
  scale?: number;
  unsigned?: boolean;
  enumValues?: readonly string[];
  nullable: boolean;
  /** SQL default; undefined = none. 'CURRENT_TIMESTAMP' is emitted unquoted for datetime. */
  default?: string | number | null;
  autoIncrement?: boolean;
}

/** A column whose selected type is T; D says whether an insert may leave it out. */
export class Col<T, D extends boolean = false> {
  declare readonly _type: T;
  declare readonly _hasDefault: D;
  constructor(readonly spec: ColumnSpec) {}
  default(value: T & (string | number)): Col<T, true> {
    return new Col({ ...this.spec, default: value });
  }
  /** DEFAULT CURRENT_TIMESTAMP (datetime only). */
  defaultNow(): Col<T, true> {
    return new Col({ ...this.spec, default: 'CURRENT_TIMESTAMP' });
  }
  nullable(): Col<T | null, true> {
    return new Col({ ...this.spec, nullable: true, default: this.spec.default ?? null });
  }
  unsigned(): Col<T, D> {
    return new Col({ ...this.spec, unsigned: true });
  }
}

const col = <T>(spec: Omit<ColumnSpec, 'nullable'>) => new Col<T>({ nullable: false, ...spec });

export const varchar = (length: number) => col<string>({ kind: 'varchar', length });
export const char = (length: number) => col<string>({ kind: 'char', length });
export const text = () => col<string>({ kind: 'text' });
export const mediumtext = () => col<string>({ kind: 'mediumtext' });
export const tinyint = () => col<number>({ kind: 'tinyint' });
export const smallint = () => col<number>({ kind: 'smallint' });
export const mediumint = () => col<number>({ kind: 'mediumint' });
export const int = () => col<number>({ kind: 'int' });
export const bigint = () => col<number>({ kind: 'bigint' });
export const decimal = (precision: number, scale: number) =>
  col<string | number>({ kind: 'decimal', length: precision, scale });
export const double = () => col<number>({ kind: 'double' });
/** 'YYYY-MM-DD HH:MM:SS' text in both dialects. */
export const datetime = () => col<string>({ kind: 'datetime' });
/** 'YYYY-MM-DD' text in both dialects. */
export const date = () => col<string>({ kind: 'date' });
export const enumOf = <const V extends readonly string[]>(...values: V) =>
  col<V[number]>({ kind: 'enum', enumValues: values });
/** INT UNSIGNED AUTO_INCREMENT; always the table's primary key. */
export const autoId = () =>
  new Col<number, true>({ kind: 'int', unsigned: true, nullable: false, autoIncrement: true });

export interface TableSpec<C extends Record<string, Col<any, any>> = Record<string, Col<any, any>>> {
  columns: C;
  primaryKey?: readonly (keyof C & string)[];
  unique?: readonly (readonly (keyof C & string)[])[];
  indexes?: readonly (readonly (keyof C & string)[])[];
}

export const table = <C extends Record<string, Col<any, any>>>(spec: TableSpec<C>) => spec;

type ColumnTypeOf<X> =
  X extends Col<infer T, infer D> ? (D extends true ? ColumnType<T, T | undefined, T> : T) : never;

/** Kysely's database interface derived from the declarations. */
export type DatabaseOf<S extends Record<string, TableSpec<any>>> = {
  [K in keyof S]: { [C in keyof S[K]['columns']]: ColumnTypeOf<S[K]['columns'][C]> };
};
