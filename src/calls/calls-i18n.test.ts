// The 'calls' namespace: every language complete with the same placeholders, and the
// activity entries of park_call and transfer_conference worded per action in each language.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/index.js';
import { calls } from '../i18n/ns/calls.js';

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

describe('calls namespace', () => {
  const reference = leaves(calls.en);
  for (const lang of ['pt-BR', 'es'] as const) {
    it(`${lang} has every English key, translated, with the same placeholders`, () => {
      const translated = leaves(calls[lang]);
      expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of reference) {
        expect(translated.get(key)!.trim(), key).not.toBe('');
        expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
      }
    });
  }
});

describe('park and transfer activity texts', () => {
  const t = (lng: string, key: string, values: Record<string, string>) =>
    (i18next.t as unknown as (k: string, o: Record<string, string>) => string)(key, { lng, ...values });
  beforeAll(async () => {
    await i18next.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });

  it('says what happened in words, with the target', () => {
    expect(t('en', 'activity.park', { action: 'PARK_CUSTOMER' })).toBe('Customer put on hold');
    expect(t('en', 'activity.transfer', { action: 'DIAL_WITH_CUSTOMER', target: '8500' })).toBe('3-way call with 8500 started');
    expect(t('pt-BR', 'activity.transfer', { action: 'LOCAL_CLOSER', target: 'SALESLINE' })).toBe('Chamada enviada para SALESLINE');
    expect(t('es', 'activity.park', { action: 'GRAB_CUSTOMER' })).toBe('Cliente recuperado de la espera');
  });
});
