// Migrations run at start-up. The schema is declarative (schema.ts), so migrating means
// bringing the database up to the declarations: create missing tables, add missing
// columns and indexes. Nothing is ever dropped or retyped automatically.
import { sql } from 'kysely';
import type { ColumnSpec, TableSpec } from './columns.js';
import type { Database, Dialect } from './database.js';
import { tableSpecs } from './schema.js';
import { installScreenTriggers } from '../agents/screen-triggers.js';

function quote(dialect: Dialect, name: string): string {
  return dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

function mysqlType(c: ColumnSpec): string {
  const u = c.unsigned ? ' UNSIGNED' : '';
  switch (c.kind) {
    case 'varchar': return `VARCHAR(${c.length})`;
    case 'char': return `CHAR(${c.length})`;
    case 'text': return 'TEXT';
    case 'mediumtext': return 'MEDIUMTEXT';
    case 'tinyint': return `TINYINT${u}`;
    case 'smallint': return `SMALLINT${u}`;
    case 'mediumint': return `MEDIUMINT${u}`;
    case 'int': return `INT${u}`;
    case 'bigint': return `BIGINT${u}`;
    case 'decimal': return `DECIMAL(${c.length},${c.scale ?? 0})`;
    case 'double': return 'DOUBLE';
    case 'datetime': return 'DATETIME';
    case 'date': return 'DATE';
    case 'enum': return `ENUM(${(c.enumValues ?? []).map(literal).join(',')})`;
  }
}

function sqliteType(c: ColumnSpec): string {
  switch (c.kind) {
    case 'tinyint': case 'smallint': case 'mediumint': case 'int': case 'bigint': return 'INTEGER';
    case 'decimal': case 'double': return 'REAL';
    // MySQL's general_ci collation compares case-insensitively; keep that on SQLite.
    default: return 'TEXT COLLATE NOCASE';
  }
}

function columnDdl(dialect: Dialect, name: string, c: ColumnSpec, inlinePk: boolean): string {
  const parts = [quote(dialect, name)];
  if (c.autoIncrement) {
    parts.push(dialect === 'mysql' ? `${mysqlType(c)} NOT NULL AUTO_INCREMENT PRIMARY KEY` : 'INTEGER PRIMARY KEY AUTOINCREMENT');
    return parts.join(' ');
  }
  parts.push(dialect === 'mysql' ? mysqlType(c) : sqliteType(c));
  parts.push(c.nullable ? 'NULL' : 'NOT NULL');
  if (c.default !== undefined) {
    if (c.default === 'CURRENT_TIMESTAMP') parts.push('DEFAULT CURRENT_TIMESTAMP');
    else parts.push(`DEFAULT ${literal(c.default)}`);
  }
  if (inlinePk) parts.push('PRIMARY KEY');
  return parts.join(' ');
}

/** Prefix lengths for long text key parts on MySQL (index width limits). */
function keyPart(dialect: Dialect, spec: TableSpec, column: string): string {
  const c = spec.columns[column]?.spec;
  if (!c) throw new Error(`index names unknown column ${column}`);
  const q = quote(dialect, column);
  if (dialect === 'mysql' && (c.kind === 'text' || c.kind === 'mediumtext' || (c.kind === 'varchar' && (c.length ?? 0) > 255))) {
    return `${q}(191)`;
  }
  return q;
}

function createTableDdl(dialect: Dialect, name: string, spec: TableSpec): string[] {
  const lines = Object.entries(spec.columns).map(([col, def]) => columnDdl(dialect, col, def.spec, false));
  if (spec.primaryKey?.length) lines.push(`PRIMARY KEY (${spec.primaryKey.map((c) => keyPart(dialect, spec, c)).join(', ')})`);
  const tail = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci' : '';
  return [`CREATE TABLE IF NOT EXISTS ${quote(dialect, name)} (\n  ${lines.join(',\n  ')}\n)${tail}`];
}

function indexDdl(dialect: Dialect, tableName: string, spec: TableSpec, cols: readonly string[], unique: boolean): { name: string; ddl: string } {
  const name = `${unique ? 'uq' : 'ix'}_${tableName}_${cols.join('_')}`.slice(0, 64);
  const kw = unique ? 'UNIQUE INDEX' : 'INDEX';
  const parts = cols.map((c) => keyPart(dialect, spec, c)).join(', ');
  const ifNot = dialect === 'sqlite' ? 'IF NOT EXISTS ' : '';
  return { name, ddl: `CREATE ${kw} ${ifNot}${quote(dialect, name)} ON ${quote(dialect, tableName)} (${parts})` };
}

async function existingColumns(database: Database, table: string): Promise<Set<string> | null> {
  const { db, dialect } = database;
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
    return rows.rows.length ? new Set(rows.rows.map((r) => r.name)) : null;
  }
  const rows = await sql<{ COLUMN_NAME: string }>`SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table}`.execute(db);
  return rows.rows.length ? new Set(rows.rows.map((r) => r.COLUMN_NAME)) : null;
}

async function existingIndexes(database: Database, table: string): Promise<Set<string>> {
  const { db, dialect } = database;
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`SELECT name FROM pragma_index_list(${table})`.execute(db);
    return new Set(rows.rows.map((r) => r.name));
  }
  const rows = await sql<{ INDEX_NAME: string }>`SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table}`.execute(db);
  return new Set(rows.rows.map((r) => r.INDEX_NAME));
}

export async function migrate(database: Database): Promise<void> {
  const { db, dialect } = database;
  for (const [name, spec] of Object.entries(tableSpecs)) {
    const have = await existingColumns(database, name);
    if (!have) {
      for (const ddl of createTableDdl(dialect, name, spec)) await sql.raw(ddl).execute(db);
    } else {
      for (const [col, def] of Object.entries(spec.columns)) {
        if (have.has(col)) continue;
        const c = def.spec;
        // SQLite cannot add a NOT NULL column without a default; such additions become NULLable.
        const relaxed = dialect === 'sqlite' && !c.nullable && c.default === undefined ? { ...c, nullable: true } : c;
        await sql.raw(`ALTER TABLE ${quote(dialect, name)} ADD COLUMN ${columnDdl(dialect, col, relaxed, false)}`).execute(db);
      }
    }
    const indexes = await existingIndexes(database, name);
    const wanted = [
      ...(spec.unique ?? []).map((cols) => indexDdl(dialect, name, spec, cols, true)),
      ...(spec.indexes ?? []).map((cols) => indexDdl(dialect, name, spec, cols, false)),
    ];
    for (const idx of wanted) if (!indexes.has(idx.name)) await sql.raw(idx.ddl).execute(db);
  }
  // Every write a screen shows is recorded in screen_changes (agents/screen-triggers.ts).
  await installScreenTriggers(database);
}
