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

const ZERO_DATE = '0000-00-00 00:00:00';

/**
 * What a DATETIME column stores for a value that passed DATE_LIKE, as MySQL does it:
 * normalised to 'YYYY-MM-DD HH:MM:SS' (two-digit years 70-99 → 19xx, else 20xx; missing
 * seconds 00), or the zero date when it is out of range (oracle sn.18).
 */
export function storedDateTime(value: string): string {
  const m = /^\s*(\d{2,4})-(\d{1,2})-(\d{1,2})\s?(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?/.exec(value);
  if (!m) return ZERO_DATE;
  let year = Number(m[1]);
  if (m[1].length === 2) year += year < 70 ? 2000 : 1900;
  const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const daysInMonth = new Date(year, mo, 0).getDate();
  // Without NO_ZERO_IN_DATE a zero month or day is kept, as MySQL keeps it.
  if (mo > 12 || d > 31 || (mo > 0 && d > daysInMonth) || h > 23 || mi > 59 || s > 59) return ZERO_DATE;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(year, 4)}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:${p(s)}`;
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
