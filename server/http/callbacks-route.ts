// GET /agent/callbacks: the agent's scheduled callbacks for the screen's Callbacks panel
// (agent-screen.md §3.10 callbacksreload): their own USERONLY ones and their campaign's
// ANYONE ones, still ACTIVE (not yet due) or LIVE (due now).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { requireAgent } from './auth.js';
import type { AgentCallback } from '../../contract/agent.js';

const LIMIT = 200;

export async function callbacksRoute(app: FastifyInstance, { database }: { database: Database }): Promise<void> {
  const { db } = database;
  app.get('/agent/callbacks', { preHandler: requireAgent(db) }, async (req, reply) => {
    const user = req.authUser;
    const agent = await db.selectFrom('vicidial_live_agents').select('campaign_id').where('user', '=', user).executeTakeFirst();
    if (!agent) return reply.code(401).send({ error: 'logged_out' });
    const rows = await db.selectFrom('vicidial_callbacks as c')
      .leftJoin('vicidial_list as l', 'l.lead_id', 'c.lead_id')
      .select(['c.callback_id', 'c.lead_id', 'c.campaign_id', 'c.status', 'c.recipient', 'c.callback_time', 'c.comments', 'l.first_name', 'l.last_name', 'l.phone_number'])
      .where('c.status', 'in', ['ACTIVE', 'LIVE'])
      .where((eb) => eb.or([
        eb.and([eb('c.recipient', '=', 'USERONLY'), eb('c.user', '=', user)]),
        eb.and([eb('c.recipient', '=', 'ANYONE'), eb('c.campaign_id', '=', agent.campaign_id)]),
      ]))
      .orderBy('c.callback_time').orderBy('c.callback_id').limit(LIMIT).execute();
    reply.header('Cache-Control', 'no-cache');
    return {
      callbacks: rows.map((r): AgentCallback => ({
        callbackId: r.callback_id, leadId: r.lead_id, campaignId: r.campaign_id, status: r.status as AgentCallback['status'],
        recipient: r.recipient, callbackTime: r.callback_time, comments: r.comments,
        name: [r.first_name, r.last_name].filter(Boolean).join(' '), phoneNumber: r.phone_number ?? '',
      })),
    };
  });
}
