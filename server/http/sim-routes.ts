// The simulated switch's control surface (/sim/...): tests and demos place calls and act
// as the customer. On by default for loopback clients only (SIM_CONTROL=open: any client;
// SIM_CONTROL=0: off). POSTs must be application/json, so a cross-origin page cannot send
// one without a CORS preflight (which is never granted).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';
import { simDialOutcomeBody, simInboundBody } from './schemas.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export async function simRoutes(app: FastifyInstance, { database, sw, open = false }: { database: Database; sw: Switch; open?: boolean }): Promise<void> {
  const { db } = database;

  app.addHook('onRequest', async (req, reply) => {
    // The socket's address, not X-Forwarded-For: a proxy in front must not make everyone local.
    if (!open && !LOOPBACK.test(req.socket.remoteAddress ?? '')) return reply.code(403).send({ error: 'the simulation control surface answers local clients only (SIM_CONTROL=open)' });
    if (req.method !== 'GET' && req.method !== 'HEAD' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      // A body-less POST (hang up) still needs the JSON content type.
      return reply.code(415).send({ error: 'content type must be application/json' });
    }
  });

  app.post('/sim/inbound', { schema: { body: simInboundBody } }, async (req, reply) => {
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

  app.post('/sim/dial-outcomes', { schema: { body: simDialOutcomeBody } }, async (req, reply) => {
    const b = (req.body ?? {}) as { phone_number?: string; outcome?: string; ring_ms?: number };
    const outcome = b.outcome === 'BUSY' || b.outcome === 'NOANSWER' ? b.outcome : 'ANSWER';
    if (!b.phone_number) return reply.code(400).send({ error: 'phone_number is required' });
    const ring_ms = b.ring_ms ?? 1500;
    // An atomic upsert: concurrent requests for one number never collide on its key.
    await db.insertInto('sim_dial_outcomes').orIgnore().values({ phone_number: b.phone_number, outcome, ring_ms }).execute();
    await db.updateTable('sim_dial_outcomes').set({ outcome, ring_ms }).where('phone_number', '=', b.phone_number).execute();
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
