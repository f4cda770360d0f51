// The activity entries of park_call and transfer_conference, worded per action in each
// language (the namespace's completeness is checked with all the others in i18n.test.ts).
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/index.js';

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
