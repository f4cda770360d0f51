import { describe, expect, it } from 'vitest';
import { readTimerPayload, TRANSFER_PRESETS, timerArmed, timerPlan } from './timer-action.js';

const t = (action: string, extra: Record<string, unknown> = {}) => readTimerPayload({ action, message: '', seconds: 5, destination: '', ...extra });

describe('timer actions (agent-screen.md §3.11)', () => {
  it('arms only real actions at 0 or more seconds', () => {
    expect(timerArmed(t('MESSAGE_ONLY'))).toBe(true);
    expect(timerArmed(t('NONE'))).toBe(false);
    expect(timerArmed(t('XYZ'))).toBe(false);
    expect(timerArmed(t('HANGUP', { seconds: -1 }))).toBe(false);
    expect(timerArmed(t('HANGUP', { seconds: '0' }))).toBe(true);
  });

  it('maps each value to what the screen does', () => {
    expect(timerPlan(t('MESSAGE_ONLY'))).toMatchObject({ message: true, webForm: null, call: null });
    expect(timerPlan(t('WEBFORM'))).toMatchObject({ message: false, webForm: 1 });
    expect(timerPlan(t('WEBFORM2', { message: 'Open the form' }))).toMatchObject({ message: true, webForm: 2 });
    expect(timerPlan(t('D3_DIAL')).call).toEqual({ action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', phoneNumber: TRANSFER_PRESETS[2] });
    expect(timerPlan(t('D5_DIAL_QUIET')).call).toEqual({ action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', phoneNumber: TRANSFER_PRESETS[4] });
    expect(timerPlan(t('HANGUP')).call).toEqual({ action: 'hangup' });
    expect(timerPlan(t('EXTENSION', { destination: '8500' })).call).toEqual({ action: 'transfer', fn: 'BLIND_TRANSFER', phoneNumber: '8500' });
    expect(timerPlan(t('IN_GROUP', { destination: 'SALESLINE' })).call).toEqual({ action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: 'SALESLINE' });
    expect(timerPlan(t('CALLMENU'))).toMatchObject({ call: null, missingDestination: true, message: true });
  });
});
