import { describe, expect, it } from 'vitest';
import { useBed } from '../agents/effects.harness.js';
import { testDialects } from '../test/databases.js';

describe.each(testDialects())('GET /agent/callbacks on %s', (dialect) => {
  const bed = useBed(dialect);
  const get = (token: string) => bed.app.inject({ method: 'GET', url: '/agent/callbacks', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("lists the agent's own USERONLY callbacks and their campaign's ANYONE ones, ACTIVE or LIVE", async () => {
    const token = await bed.login('1000');
    const row = (o: Record<string, unknown>) => ({ lead_id: 1, list_id: 101, campaign_id: 'TESTCAMP', status: 'ACTIVE', user: '1000', recipient: 'USERONLY', callback_time: '2030-01-02 10:00:00', comments: '', ...o });
    await bed.db.insertInto('vicidial_callbacks').values([
      row({ comments: 'mine' }),
      row({ recipient: 'ANYONE', user: '1001', status: 'LIVE', comments: 'campaign', callback_time: '2030-01-01 09:00:00' }),
      row({ user: '1001', comments: 'someone else only' }),
      row({ recipient: 'ANYONE', campaign_id: 'MANCAMP', comments: 'other campaign' }),
      row({ status: 'INACTIVE', comments: 'done' }),
    ] as never).execute();
    const res = await get(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().callbacks.map((c: { comments: string }) => c.comments)).toEqual(['campaign', 'mine']);
    expect(res.json().callbacks[1]).toMatchObject({ leadId: 1, recipient: 'USERONLY', status: 'ACTIVE', callbackTime: '2030-01-02 10:00:00' });
  });

  it('refuses a request without a session', async () => {
    expect((await get('')).statusCode).toBe(401);
    expect((await get('nope')).statusCode).toBe(401);
  });
});
