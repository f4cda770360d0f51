// The agent screen's endpoints: login, the polled snapshot (ETag / 304), actions, and the
// acknowledgement of screen effects.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';
import type { AgentAction, LoginRequest } from '../../contract/agent.js';
import { LoginRefused, login, loginOptions } from '../agents/session.js';
import { requireAgent } from './auth.js';
import { buildSnapshot } from '../agents/snapshot.js';
import { ActionRefused, performAction } from '../agents/actions.js';
import { ackEffect } from '../agents/activity.js';

export interface AgentRouteOptions {
  database: Database;
  sw: Switch;
  /** Apply commands the action wrote (transfer, park, record, DTMF, preview) now. */
  onCommands?: (users: string[]) => void;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function agentRoutes(app: FastifyInstance, { database, sw, onCommands }: AgentRouteOptions): Promise<void> {
  const { db } = database;

  app.post('/agent/login-options', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      return await loginOptions(db, str(body.user), str(body.pass));
    } catch (err) {
      if (err instanceof LoginRefused) return reply.code(401).send({ error: err.code });
      throw err;
    }
  });

  app.post('/agent/login', async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const request: LoginRequest = {
      user: str(b.user), pass: str(b.pass), campaign: str(b.campaign), phone_login: str(b.phone_login) || undefined,
      phone_pass: str(b.phone_pass) || undefined, blended: b.blended === true,
      ingroups: Array.isArray(b.ingroups) ? b.ingroups.filter((g): g is string => typeof g === 'string') : [],
    };
    try {
      const result = await database.db.transaction().execute((trx) => login(trx, sw, request));
      return { token: result.token, user: result.agent.user };
    } catch (err) {
      if (err instanceof LoginRefused) {
        const code = err.code === 'bad_credentials' ? 401 : err.code === 'missing_fields' ? 400 : 403;
        return reply.code(code).send({ error: err.code });
      }
      throw err;
    }
  });

  const agent = { preHandler: requireAgent(db) };

  app.get('/agent/snapshot', agent, async (req, reply) => {
    const user = req.authUser;
    const snapshot = await buildSnapshot(db, database, user, sw.simulated);
    if (!snapshot) return reply.code(401).send({ error: 'logged_out' });
    const etag = `"${snapshot.version}"`;
    reply.header('Cache-Control', 'no-cache').header('ETag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return snapshot;
  });

  app.post('/agent/action', agent, async (req, reply) => {
    const user = req.authUser;
    try {
      await performAction(database, sw, user, (req.body ?? {}) as AgentAction);
      onCommands?.([user]);
      return { ok: true };
    } catch (err) {
      if (err instanceof ActionRefused) return reply.code(409).send({ error: err.message });
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/agent/effects/:id/ack', agent, async (req) => {
    const user = req.authUser;
    const acked = await ackEffect(db, user, Number(req.params.id) || 0);
    return { ok: true, acked };
  });
}
