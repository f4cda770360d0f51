// VICIdial's session and call identifiers (agent-screen.md §5.4).
import { randomInt } from 'node:crypto';
import type { Db } from './db.js';

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * 20-character call id: a type letter (V outbound auto, M manual, Y inbound), mmddhhmmss
 * with its first digit dropped, and the lead id zero-padded to 10 digits.
 */
export function callerId(type: 'V' | 'M' | 'Y', now: Date, leadId: number): string {
  const stamp = `${p2(now.getMonth() + 1)}${p2(now.getDate())}${p2(now.getHours())}${p2(now.getMinutes())}${p2(now.getSeconds())}`.slice(1);
  return `${type}${stamp}${String(leadId % 1e10).padStart(10, '0')}`;
}

let seq = randomInt(100, 900);
/** Asterisk-style uniqueid `<epoch>.<seq>`. */
export function uniqueId(now: Date): string {
  seq = (seq + 1) % 100000;
  return `${Math.floor(now.getTime() / 1000)}.${seq}`;
}

export const FIRST_CONFERENCE = 8600051;
export const LAST_CONFERENCE = 8600299;

/** The lowest conference number of the server no logged-in agent uses. */
export async function freeConference(db: Db, serverIp: string): Promise<string> {
  const used = new Set((await db.selectFrom('vicidial_live_agents').select('conf_exten').where('server_ip', '=', serverIp).execute()).map((r) => r.conf_exten));
  for (let c = FIRST_CONFERENCE; c <= LAST_CONFERENCE; c++) if (!used.has(String(c))) return String(c);
  throw new Error(`no free conference on ${serverIp}`);
}

export function randomId(): number {
  return randomInt(10_000_000, 99_999_999);
}

/** `<login epoch>_<extension alphanumerics, up to 10><8-digit random>`. */
export function sessionName(now: Date, extension: string): string {
  return `${Math.floor(now.getTime() / 1000)}_${extension.replace(/[^0-9a-zA-Z]/g, '').slice(0, 10)}${randomInt(10_000_000, 99_999_999)}`;
}
