// The simulated switch's control surface (/sim/...): tests and demos place calls and act
// as the customer. On by default; SIM_CONTROL=0 turns it off.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';

export async function simRoutes(app: FastifyInstance, { database, sw }: { database: Database; sw: Switch }): Promise<void> {
  const { db } = database;

  app.post('/sim/inbound', async (req, reply) => {
    const b = (req.body ?? {}) as { ingroup?: string; phone_number?: string; lead_id?: number };
    if (!b.ingroup) return reply.code(400).send({ error: 'ingroup is required' });
    try {
      return await db.transaction().execute((trx) => sw.placeInbound(trx, { ingroup: b.ingroup!, phoneNumber: b.phone_number, leadId: Number(b.lead_id) || undefined }));
    } catch (err) {
      return reply.code(400).send({ error: (err as Error).message });
    }
  });

  app.post<{ Params: { callerid: string } }>('/sim/calls/:callerid/hangup', async (req, reply) => {
    const ok = await db.transaction().execute((trx) => sw.customerHangup(trx, req.params.callerid));
    return ok ? { ok } : reply.code(404).send({ error: 'no such call' });
  });

  app.post('/sim/dial-outcomes', async (req, reply) => {
    const b = (req.body ?? {}) as { phone_number?: string; outcome?: string; ring_ms?: number };
    const outcome = b.outcome === 'BUSY' || b.outcome === 'NOANSWER' ? b.outcome : 'ANSWER';
    if (!b.phone_number) return reply.code(400).send({ error: 'phone_number is required' });
    await db.deleteFrom('sim_dial_outcomes').where('phone_number', '=', b.phone_number).execute();
    await db.insertInto('sim_dial_outcomes').values({ phone_number: b.phone_number, outcome, ring_ms: Math.max(0, Number(b.ring_ms ?? 1500)) }).execute();
    return { ok: true };
  });

  app.get('/sim/state', async () => ({
    simulated: sw.simulated,
    calls: await db.selectFrom('vicidial_auto_calls').selectAll().orderBy('auto_call_id').execute(),
    agents: await db.selectFrom('vicidial_live_agents')
      .select(['user', 'status', 'campaign_id', 'lead_id', 'callerid', 'uniqueid', 'channel', 'conf_exten', 'pause_code', 'closer_campaigns']).execute(),
    parked: await db.selectFrom('parked_channels').selectAll().execute(),
    recordings: await db.selectFrom('recording_log').selectAll().orderBy('recording_id', 'desc').limit(50).execute(),
    events: await db.selectFrom('sim_switch_events').selectAll().orderBy('event_id', 'desc').limit(100).execute(),
  }));
}
