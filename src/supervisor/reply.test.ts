import { describe, expect, it } from 'vitest';
import type { ConsoleFunction } from '../../contract/supervisor.js';
import { callParams, curlCommand, outcome, replyLines, targetParam } from './reply.js';

const pause: ConsoleFunction = {
  name: 'external_pause', summary: { en: '', 'pt-BR': '', es: '' },
  params: [{ name: 'agent_user', required: true }, { name: 'alt_user', required: false }, { name: 'value', required: true, values: ['PAUSE', 'RESUME'] }],
};
const notify: ConsoleFunction = { name: 'send_notification', summary: pause.summary, params: [{ name: 'recipient', required: true }, { name: 'recipient_type', required: true }] };

describe('reply lines', () => {
  it('colours each line by its result word and keeps other lines plain', () => {
    expect(replyLines('NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - x|PLAY|1000\n'))
      .toEqual([{ kind: 'NOTICE', text: 'NOTICE: audio_playback previous playback stopped - PLAY|Y|1000' }, { kind: 'SUCCESS', text: 'SUCCESS: audio_playback function sent - x|PLAY|1000' }]);
    expect(replyLines('SUCCESS: force_fronter_leave_3way SENT - 1001')).toEqual([{ kind: 'SUCCESS', text: 'SUCCESS: force_fronter_leave_3way SENT - 1001' }]);
    expect(replyLines('Webserver Data:\nhostname: x\n').map((l) => l.kind)).toEqual(['plain', 'plain']);
  });

  it('takes the worst word as the outcome, and knows an empty reply', () => {
    expect(outcome('NOTICE: a - b\nSUCCESS: c - d\n')).toBe('NOTICE');
    expect(outcome('SUCCESS: c - d\nERROR: e - f\n')).toBe('ERROR');
    expect(outcome('')).toBe('empty');
    expect(outcome('https://phone.example/x\n')).toBe('plain');
  });
});

describe('a call', () => {
  it('sends the declared parameters that have a value, in order, and names its agent parameter', () => {
    const params = callParams({ user: '6666', pass: 's3cret', source: 'supervisor', fn: pause, values: { value: 'PAUSE', agent_user: '1000', alt_user: '' } });
    expect(params.toString()).toBe('source=supervisor&user=6666&pass=s3cret&function=external_pause&agent_user=1000&value=PAUSE');
    expect(targetParam(pause, {})).toBe('agent_user');
    expect(targetParam(notify, { recipient_type: 'USER' })).toBe('recipient');
    expect(targetParam(notify, { recipient_type: 'CAMPAIGN' })).toBeNull();
  });

  it('writes the equivalent curl command with the password masked and the body quoted for a shell', () => {
    const params = callParams({ user: '6666', pass: 's3cret', source: 'supervisor', fn: notify, values: { recipient: '1000', recipient_type: 'USER' } });
    params.set('notification_text', "It's done");
    const curl = curlCommand('http://127.0.0.1:8080', '/agc/api.php', params);
    expect(curl).toBe("curl -sS -X POST 'http://127.0.0.1:8080/agc/api.php' --data 'source=supervisor&user=6666&pass=********&function=send_notification&recipient=1000&recipient_type=USER&notification_text=It%27s+done'");
    expect(curl).not.toContain('s3cret');
  });
});
