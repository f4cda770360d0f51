import { describe, expect, it } from 'vitest';
import { shortFilename, transferAction } from './transfer.js';

describe('transferAction', () => {
  it('dials a number into a 3-way call (warm), with the customer on hold if asked', () => {
    expect(transferAction({ kind: 'number', target: '(312) 555-8500', mode: 'warm', holdCustomer: false }))
      .toEqual({ action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', phoneNumber: '3125558500' });
    expect(transferAction({ kind: 'number', target: '8500', mode: 'warm', holdCustomer: true }))
      .toEqual({ action: 'transfer', fn: 'PARK_CUSTOMER_DIAL', phoneNumber: '8500' });
  });

  it('sends a cold transfer to a number as BLIND_TRANSFER and to a queue as LOCAL_CLOSER', () => {
    expect(transferAction({ kind: 'number', target: '8500', mode: 'cold', holdCustomer: false }))
      .toEqual({ action: 'transfer', fn: 'BLIND_TRANSFER', phoneNumber: '8500' });
    expect(transferAction({ kind: 'ingroup', target: ' SALESLINE ', mode: 'cold', holdCustomer: false }))
      .toEqual({ action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: 'SALESLINE' });
  });

  it('dials a queue consultatively when warm', () => {
    expect(transferAction({ kind: 'ingroup', target: 'SALESLINE', mode: 'warm', holdCustomer: false }))
      .toEqual({ action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', ingroup: 'SALESLINE', consultative: true });
  });

  it('reaches another agent through AGENTDIRECT, always cold', () => {
    const cold = { action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: 'AGENTDIRECT', phoneNumber: '1001' };
    expect(transferAction({ kind: 'agent', target: '1001', mode: 'cold', holdCustomer: false })).toEqual(cold);
    expect(transferAction({ kind: 'agent', target: '1001', mode: 'warm', holdCustomer: true })).toEqual(cold);
  });

  it('refuses an empty target and a number that is not one', () => {
    expect(transferAction({ kind: 'ingroup', target: '  ', mode: 'cold', holdCustomer: false })).toEqual({ problem: 'missingTarget' });
    expect(transferAction({ kind: 'number', target: '12', mode: 'warm', holdCustomer: false })).toEqual({ problem: 'invalidNumber' });
    expect(transferAction({ kind: 'number', target: '555-CALL', mode: 'cold', holdCustomer: false })).toEqual({ problem: 'invalidNumber' });
  });
});

describe('shortFilename', () => {
  it('keeps 22 characters and marks the cut', () => {
    expect(shortFilename('20250304-142501_1000')).toBe('20250304-142501_1000');
    expect(shortFilename('20250304-142501_1000_MIDCALL')).toBe('20250304-142501_1000_M…');
  });
});
