// Every activity key the back end writes has words in the screen's languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'types.ts' ? [path] : [];
  });
}

describe('activity keys', () => {
  it('are all translated', () => {
    const server = resolve(import.meta.dirname, '../../server');
    const used = new Set<string>();
    for (const file of sources(server)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'activity\.(\w+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(0);
    const missing = [...used].filter((key) => !(key in en.activity));
    expect(missing).toEqual([]);
  });
});
