// VICIdial assumes MySQL's non-strict mode, where an over-long value is cut to the
// column's width and the reply still echoes it in full (api-reference.md §1.3). We run
// MySQL strict and SQLite has no widths, so values are cut here, the same on both.
import { tableSpecs, type TableName } from './schema.js';

const widths: Record<string, Record<string, number>> = {};
for (const [name, spec] of Object.entries(tableSpecs)) {
  const w: Record<string, number> = {};
  for (const [col, def] of Object.entries(spec.columns)) {
    const s = def.spec;
    if ((s.kind === 'varchar' || s.kind === 'char') && s.length) w[col] = s.length;
    if (s.kind === 'text') w[col] = 65535;
  }
  widths[name] = w;
}

/** Cut string values of a row to their column widths (in characters). */
export function fit<const R extends Record<string, unknown>>(table: TableName, row: R): R {
  const w = widths[table];
  if (!w) return row;
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(out)) {
    const max = w[k];
    if (max !== undefined && typeof v === 'string' && [...v].length > max) out[k] = [...v].slice(0, max).join('');
  }
  return out as R;
}
