// Time in VICIdial's formats. Local time, like the PHP server (its TZ is the host's).
export interface Clock {
  now: Date;
  /** Unix seconds. */
  epoch: number;
  /** YYYY-MM-DD HH:MM:SS */
  nowTime: string;
  /** YYYYMMDDHHMMSS */
  entryDate: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');

export function formatDateTime(d: Date): string {
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

export function parseDateTime(s: string | null | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s ?? '');
  if (!m) return 0;
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]).getTime();
}

export function clockAt(now: Date): Clock {
  const nowTime = formatDateTime(now);
  return { now, epoch: Math.floor(now.getTime() / 1000), nowTime, entryDate: nowTime.replace(/[- :]/g, '') };
}
