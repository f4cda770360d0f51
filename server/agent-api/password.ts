// VICIdial's password hash (api-reference.md §1.5): bcrypt $2a$, cost = pass_cost (two
// digits), salt = bcrypt-base64 of the 16-character pass_key; the stored pass_hash is the
// 31-character hash part (the bcrypt string minus its first 29 characters).
import bcrypt from 'bcryptjs';

const cache = new Map<string, string>();
const CACHE_MAX = 10_000;

export function vicidialPassHash(password: string, passKey: string, passCost: number): string {
  const key = `${passCost}\u0000${passKey}\u0000${password}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const cost = String(Math.min(31, Math.max(4, passCost || 4))).padStart(2, '0');
  const keyBytes = Buffer.from(passKey.padEnd(16, '\0').slice(0, 16), 'latin1');
  const salt = `$2a$${cost}$${bcrypt.encodeBase64(keyBytes, 16)}`;
  const hash = bcrypt.hashSync(password, salt).substring(29);
  // The hash depends only on its inputs, so it may be cached; a changed password,
  // key or cost is a different key and is hashed afresh.
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, hash);
  return hash;
}
