import { describe, expect, it } from 'vitest';
import { effects } from './effects.js';

type Tree = { readonly [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the 'effects' namespace", () => {
  const reference = leaves(effects.en);
  it.each(['pt-BR', 'es'] as const)('%s has every English key, translated, with the same placeholders', (lang) => {
    const translated = leaves(effects[lang]);
    expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of reference) {
      expect(translated.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
    }
  });
});
