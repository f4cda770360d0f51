// VICIdial assumes MySQL's non-strict mode, where an over-long value is cut to the
// column's width and the reply still echoes it in full (api-reference.md §1.3). We run
// MySQL strict and SQLite has no widths, so values are cut here, the same on both.
// VARCHAR/CHAR widths count characters; TEXT/MEDIUMTEXT widths count bytes (UTF-8, as
// utf8mb4 stores them), so 40,000 × `é` (80,000 bytes) is cut to 32,767 characters.
import { tableSpecs, type TableName } from './schema.js';

/** Positive: a width in characters; negative: a width in bytes. */
const widths: Record<string, Record<string, number>> = {};
for (const [name, spec] of Object.entries(tableSpecs)) {
  const w: Record<string, number> = {};
  for (const [col, def] of Object.entries(spec.columns)) {
    const s = def.spec;
    if ((s.kind === 'varchar' || s.kind === 'char') && s.length) w[col] = s.length;
    if (s.kind === 'text') w[col] = -65_535;
    if (s.kind === 'mediumtext') w[col] = -16_777_215;
  }
  widths[name] = w;
}

/** The longest prefix of `v` of at most `max` UTF-8 bytes, never splitting a character. */
export function cutBytes(v: string, max: number): string {
  if (v.length * 3 <= max || Buffer.byteLength(v) <= max) return v;
  let bytes = 0;
  let end = 0;
  for (const ch of v) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return v.slice(0, end);
}

/** Cut string values of a row to their column widths (characters or bytes, as the column counts). */
export function fit<const R extends Record<string, unknown>>(table: TableName, row: R): R {
  const w = widths[table];
  if (!w) return row;
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(out)) {
    const max = w[k];
    if (max === undefined || typeof v !== 'string') continue;
    if (max < 0) out[k] = cutBytes(v, -max);
    else if (v.length > max && [...v].length > max) out[k] = [...v].slice(0, max).join('');
  }
  return out as R;
}
