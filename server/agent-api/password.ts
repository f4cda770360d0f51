// VICIdial's password hash (api-reference.md §1.5): bcrypt $2a$, cost = pass_cost (two
// digits), salt = bcrypt-base64 of the 16-character pass_key; the stored pass_hash is the
// 31-character hash part (the bcrypt string minus its first 29 characters).
//
// Requests hash with bcryptjs's asynchronous API, which works in small slices and yields
// to the event loop between them, so a login never blocks the server. Nothing is cached:
// a cache keyed by the password would keep every guessed password in memory.
import bcrypt from 'bcryptjs';
import { timingSafeEqual } from 'node:crypto';

function settingsString(passKey: string, passCost: number): string {
  const cost = String(Math.min(31, Math.max(4, passCost || 4))).padStart(2, '0');
  const keyBytes = Buffer.from(passKey.padEnd(16, '\0').slice(0, 16), 'latin1');
  return `$2a$${cost}$${bcrypt.encodeBase64(keyBytes, 16)}`;
}

/** Synchronous: for seeding a scenario and for tests, never on a request path. */
export function vicidialPassHash(password: string, passKey: string, passCost: number): string {
  return bcrypt.hashSync(password, settingsString(passKey, passCost)).substring(29);
}

/** The same hash, computed off the event loop's critical path (bcryptjs async slices). */
export async function vicidialPassHashAsync(password: string, passKey: string, passCost: number): Promise<string> {
  return (await bcrypt.hash(password, settingsString(passKey, passCost))).substring(29);
}

export interface PasswordSettings {
  pass_hash_enabled: string;
  pass_key: string;
  pass_cost: number;
}

/** Compared in constant time for equal lengths. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Does `pass` match the row? Without a row (unknown user) the same work is done against a
 * dummy, so an unknown user costs as much time as a known one.
 */
export async function passwordMatches(settings: PasswordSettings, row: { pass: string; pass_hash: string } | undefined, pass: string): Promise<boolean> {
  if (settings.pass_hash_enabled === '1') {
    const hash = await vicidialPassHashAsync(pass, settings.pass_key, settings.pass_cost);
    return row !== undefined && row.pass_hash !== '' && sameSecret(row.pass_hash, hash);
  }
  return row !== undefined && sameSecret(row.pass, pass);
}
