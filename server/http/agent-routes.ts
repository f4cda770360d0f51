// The agent screen's endpoints: login, the polled snapshot (ETag / 304), actions, and the
// acknowledgement of screen effects.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';
import type { AgentAction, LoginRequest } from '../agents/types.js';
import { LoginRefused, checkUser, login, loginOptions, userForToken } from '../agents/session.js';
import { LoginThrottle } from './login-throttle.js';
import { agentActionBody, loginBody, loginOptionsBody } from './schemas.js';
import { buildSnapshot } from '../agents/snapshot.js';
import { ActionRefused, performAction } from '../agents/actions.js';
import { ackEffect } from '../agents/activity.js';

export interface AgentRouteOptions {
  database: Database;
  sw: Switch;
  /** Apply commands the action wrote (transfer, park, record, DTMF, preview) now. */
  onCommands?: (users: string[]) => void;
}

const bearer = (req: FastifyRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function agentRoutes(app: FastifyInstance, { database, sw, onCommands }: AgentRouteOptions): Promise<void> {
  const { db } = database;
  const throttle = new LoginThrottle();
  const loginStatus = (code: string) => (code === 'bad_credentials' ? 401 : code === 'missing_fields' ? 400 : 403);

  app.post('/agent/login-options', { schema: { body: loginOptionsBody } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!throttle.allowed(req.ip)) return reply.code(429).send({ error: 'too_many_attempts' });
    try {
      const options = await loginOptions(db, str(body.user), str(body.pass), req.ip);
      throttle.succeeded(req.ip);
      return options;
    } catch (err) {
      if (err instanceof LoginRefused) {
        throttle.failed(req.ip);
        return reply.code(err.code === 'bad_credentials' ? 401 : 403).send({ error: err.code });
      }
      throw err;
    }
  });

  app.post('/agent/login', { schema: { body: loginBody } }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const request: LoginRequest = {
      user: str(b.user), pass: str(b.pass), campaign: str(b.campaign), phone_login: str(b.phone_login) || undefined,
      phone_pass: str(b.phone_pass) || undefined, blended: b.blended === true,
      ingroups: Array.isArray(b.ingroups) ? b.ingroups.filter((g): g is string => typeof g === 'string') : [],
    };
    if (!request.user || !request.pass || !request.campaign) return reply.code(400).send({ error: 'missing_fields' });
    if (!throttle.allowed(req.ip)) return reply.code(429).send({ error: 'too_many_attempts' });
    try {
      // Checked outside the login transaction, so that a refusal's counters are kept.
      await checkUser(db, request.user, request.pass, req.ip);
      throttle.succeeded(req.ip);
    } catch (err) {
      if (!(err instanceof LoginRefused)) throw err;
      throttle.failed(req.ip);
      return reply.code(loginStatus(err.code)).send({ error: err.code });
    }
    try {
      const result = await database.db.transaction().execute((trx) => login(trx, sw, request, new Date(), true));
      return { token: result.token, user: result.agent.user };
    } catch (err) {
      if (err instanceof LoginRefused) return reply.code(loginStatus(err.code)).send({ error: err.code });
      throw err;
    }
  });

  app.get('/agent/snapshot', async (req, reply) => {
    const user = await userForToken(db, bearer(req));
    if (!user) return reply.code(401).send({ error: 'logged_out' });
    const snapshot = await buildSnapshot(db, database, user, sw.simulated);
    if (!snapshot) return reply.code(401).send({ error: 'logged_out' });
    const etag = `"${snapshot.version}"`;
    reply.header('Cache-Control', 'no-cache').header('ETag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return snapshot;
  });

  app.post('/agent/action', { schema: { body: agentActionBody } }, async (req, reply) => {
    const user = await userForToken(db, bearer(req));
    if (!user) return reply.code(401).send({ error: 'logged_out' });
    try {
      await performAction(database, sw, user, (req.body ?? {}) as AgentAction);
      onCommands?.([user]);
      return { ok: true };
    } catch (err) {
      if (err instanceof ActionRefused) return reply.code(409).send({ error: err.message });
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/agent/effects/:id/ack', async (req, reply) => {
    const user = await userForToken(db, bearer(req));
    if (!user) return reply.code(401).send({ error: 'logged_out' });
    const acked = await ackEffect(db, user, Number(req.params.id) || 0);
    return { ok: true, acked };
  });
}
