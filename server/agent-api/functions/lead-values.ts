// Storing API values in vicidial_list columns the way VICIdial's non-strict MySQL stores
// them (api-reference.md §2.14, §2.16): text is cut to the column width, an empty or bad
// number becomes 0, a bad date 0000-00-00, an invalid gender ''. Used by
// external_add_lead and update_fields.
import { fit } from '../../db/fit.js';

/** A valid calendar date as YYYY-MM-DD (from YYYY-M-D or YYYYMMDD), else 0000-00-00. */
export function storedDate(v: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return '0000-00-00';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return '0000-00-00';
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** SMALLINT: the leading number, 0 when there is none, clamped to the column's range. */
export function storedRank(v: string): number {
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : Math.max(-32768, Math.min(32767, n));
}

/** DECIMAL(4,2): the leading number, 0 when there is none, clamped to ±99.99. */
export function storedGmt(v: string): string {
  const n = Number.parseFloat(v);
  return (Number.isNaN(n) ? 0 : Math.max(-99.99, Math.min(99.99, n))).toFixed(2);
}

export const storedGender = (v: string): 'M' | 'F' | 'U' | '' => (v === 'M' || v === 'F' || v === 'U' ? v : '');

/** One vicidial_list column's stored value for a filtered parameter value. */
export function storedLeadValue(column: string, v: string): string | number {
  switch (column) {
    case 'date_of_birth': return storedDate(v);
    case 'rank': return storedRank(v);
    case 'gmt_offset_now': return storedGmt(v);
    case 'gender': return storedGender(v);
    default: return (fit('vicidial_list', { [column]: v }) as Record<string, string>)[column];
  }
}

/** A stored column value in the form storedLeadValue gives, to tell whether a write changes it. */
export function comparableLeadValue(column: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (column === 'gmt_offset_now') return Number(v).toFixed(2);
  return String(v);
}
