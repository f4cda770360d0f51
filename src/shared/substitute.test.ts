import { describe, expect, it } from 'vitest';
import type { AgentSnapshot } from '../../contract/agent.js';
import { fieldValues, substituteFields, webFormUrl } from './substitute.js';

const snapshot = {
  agent: { user: '1000', fullName: 'Ana Souza', campaignId: 'TESTCAMP', sessionId: '8600051', serverIp: '10.10.10.15', extension: 'SIP/cc100' },
  call: { callerid: 'Y1234567890123456789', uniqueid: '1700000000.1', phoneNumber: '3125551001', ingroup: 'TEST_IN' },
  lead: { lead_id: 7, first_name: 'Zoë & <b>Co</b>', last_name: 'Anders', date_of_birth: null, vendor_lead_code: 'VLC1' },
} as unknown as AgentSnapshot;

describe('--A--field--B-- substitution', () => {
  it('fills lead fields and session values; unknown names become empty', () => {
    const v = fieldValues(snapshot);
    expect(substituteFields('Hi --A--first_name--B-- --A--last_name--B--, I am --A--fullname--B-- (--A--user--B--) [--A--nope--B--]', v))
      .toBe('Hi Zoë & <b>Co</b> Anders, I am Ana Souza (1000) []');
    expect(substituteFields('--A--lead_id--B--/--A--vendor_id--B--/--A--group--B--/--A--date_of_birth--B--', v)).toBe('7/VLC1/TEST_IN/');
  });

  it('URL-encodes values in a web form address, leaving the address itself alone', () => {
    const url = webFormUrl('/webform-demo.html?lead=--A--lead_id--B--&name=--A--first_name--B--', fieldValues(snapshot));
    expect(url).toBe('/webform-demo.html?lead=7&name=Zo%C3%AB%20%26%20%3Cb%3ECo%3C%2Fb%3E');
    expect(new URL(url, 'http://x').searchParams.get('name')).toBe('Zoë & <b>Co</b>');
    expect(webFormUrl('  ', fieldValues(snapshot))).toBe('');
  });

  it('works without a lead or call', () => {
    const v = fieldValues({ ...snapshot, lead: null, call: null });
    expect(substituteFields('[--A--first_name--B--][--A--campaign--B--]', v)).toBe('[][TESTCAMP]');
  });
});
