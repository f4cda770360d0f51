import { describe, expect, it } from 'vitest';
import { pickLanguage, resources } from './index.js';

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

// Every namespace (the core 'translation' and each feature's) in every language: the
// English keys exactly, each translated, with the same placeholders.
describe.each(Object.keys(resources.en))("i18n namespace '%s'", (ns) => {
  const of = (lang: keyof typeof resources) => (resources[lang] as unknown as Record<string, Tree>)[ns];
  const reference = leaves(of('en'));
  it.each(['pt-BR', 'es'] as const)('%s has exactly the English keys, each translated, with the same placeholders', (lang) => {
    const translated = leaves(of(lang));
    expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of reference) {
      expect(translated.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('has no empty English text', () => {
    for (const [key, text] of reference) expect(text.trim(), key).not.toBe('');
  });
});

describe('pickLanguage', () => {
  it('prefers the stored choice, then the browser, then English', () => {
    expect(pickLanguage('es', ['pt-BR'])).toBe('es');
    expect(pickLanguage(null, ['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLanguage(null, ['es-MX'])).toBe('es');
    expect(pickLanguage(null, ['de-DE', 'es'])).toBe('es');
    expect(pickLanguage('xx', ['fr'])).toBe('en');
  });
});
