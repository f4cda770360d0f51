// Pure formatting used across the screen (unit-tested in format.test.ts).
import type { LeadFields } from '../../contract/agent.js';

/** 0:07, 2:14, 59:59, 1:00:00 — minutes and seconds, hours only when needed. Never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** North-American ten-digit numbers as 312-555-1001; anything else as given. */
export function formatPhone(number: string, phoneCode = '1'): string {
  const digits = number.replace(/\D/g, '');
  if ((phoneCode === '1' || phoneCode === '') && digits.length === 10) {
    return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  }
  return number;
}

export function customerName(lead: Pick<LeadFields, 'title' | 'first_name' | 'middle_initial' | 'last_name'>): string {
  return [lead.title, lead.first_name, lead.middle_initial, lead.last_name].map((p) => p.trim()).filter(Boolean).join(' ');
}

/** datetime-local's "2025-03-04T14:30" as VICIdial's "2025-03-04 14:30:00". */
export function callbackDatetime(local: string): string {
  const [date, time = '00:00'] = local.split('T');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return `${date} ${withSeconds}`;
}
