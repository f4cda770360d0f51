import { describe, expect, it } from 'vitest';
import { webphoneOptions, webphoneUrl } from './webphone.js';

const phone = {
  extension: 'cc100', conf_secret: 'S3cret', outbound_cid: '3125550000', protocol: 'SIP' as const, codecs_list: 'ulaw, a-law & gsm',
  is_webphone: 'Y' as const, webphone_dialpad: 'Y' as const, webphone_auto_answer: 'Y' as const, webphone_dialbox: 'N' as const,
  webphone_mute: 'Y' as const, webphone_volume: 'Y' as const, webphone_debug: 'N' as const, webphone_layout: '',
};
const ctx = { baseUrl: '/webphone/index.html', systemKey: 'KEY1', serverIp: '10.10.10.15', sessionId: '8600051' };
const decode = (v: string | null) => Buffer.from(v ?? '', 'base64').toString('utf8');

describe('webphone URL (agent-screen.md §3.17)', () => {
  it('encodes every value in base64, phone_login twice, in VICIdial order', () => {
    const url = webphoneUrl(phone, ctx);
    expect(url.startsWith('/webphone/index.html?phone_login=')).toBe(true);
    const q = new URL(url, 'http://x').searchParams;
    expect([...q.keys()]).toEqual(['phone_login', 'phone_login', 'phone_pass', 'server_ip', 'callerid', 'protocol', 'codecs', 'options', 'system_key']);
    expect(q.getAll('phone_login').map(decode)).toEqual(['cc100', 'cc100']);
    expect(decode(q.get('phone_pass'))).toBe('S3cret');
    expect(decode(q.get('server_ip'))).toBe('10.10.10.15');
    expect(decode(q.get('codecs'))).toBe('ulaw,alawgsm');
    expect(decode(q.get('options'))).toBe('INITIAL_LOAD--DIALPAD_Y--AUTOANSWER_Y--DIALBOX_N--MUTE_Y--VOLUME_Y--SESSION8600051');
    expect(decode(q.get('system_key'))).toBe('KEY1');
  });

  it('adds debug and layout options', () => {
    expect(webphoneOptions({ ...phone, webphone_dialpad: 'TOGGLE_OFF', webphone_debug: 'Y', webphone_layout: 'compact' }, '8600052'))
      .toBe('INITIAL_LOAD--DIALPAD_OFF_TOGGLE--AUTOANSWER_Y--DIALBOX_N--MUTE_Y--VOLUME_Y--DEBUG--WEBPHONELAYOUTcompact--SESSION8600052');
  });

  it('is empty for a phone that is no webphone, or without a base URL; Y_API_LAUNCH gets one', () => {
    expect(webphoneUrl({ ...phone, is_webphone: 'N' }, ctx)).toBe('');
    expect(webphoneUrl(phone, { ...ctx, baseUrl: '' })).toBe('');
    expect(webphoneUrl({ ...phone, is_webphone: 'Y_API_LAUNCH' }, { ...ctx, baseUrl: 'https://wp.example.com/p.php?x=1' })).toMatch(/^https:\/\/wp\.example\.com\/p\.php\?x=1&phone_login=/);
  });
});
