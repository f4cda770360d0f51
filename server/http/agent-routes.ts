// The agent screen's endpoints: login, the polled snapshot (ETag / 304), actions, and the
// acknowledgement of screen effects.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';
import type { AgentAction, LoginRequest } from '../../contract/agent.js';
import { LoginRefused, checkUser, login, loginOptions, userForToken } from '../agents/session.js';
import { bearerToken, requireAgent } from './auth.js';
import type { ScreenHub, ScreenStream } from '../agents/screen-hub.js';
import { LoginThrottle } from './login-throttle.js';
import { agentActionBody, loginBody, loginOptionsBody } from './schemas.js';
import { ActionRefused, performAction } from '../agents/actions.js';
import { ackEffect } from '../agents/activity.js';

export interface AgentRouteOptions {
  database: Database;
  sw: Switch;
  /** The node's cached snapshots and push streams. */
  hub: ScreenHub;
  /** Apply commands the action wrote (transfer, park, record, DTMF, preview) now. */
  onCommands?: (users: string[]) => void;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function agentRoutes(app: FastifyInstance, { database, sw, hub, onCommands }: AgentRouteOptions): Promise<void> {
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

  const agent = { preHandler: requireAgent(db) };

  app.get('/agent/snapshot', agent, async (req, reply) => {
    const user = req.authUser;
    // Built only when something it shows changed since the node last built it.
    const entry = await hub.current(user);
    if (!entry) return reply.code(401).send({ error: 'logged_out' });
    const etag = `"${entry.etag}"`;
    reply.header('Cache-Control', 'no-cache').header('ETag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(hub.json(entry));
  });

  // Server-sent events: the snapshot the moment it changes. EventSource cannot send an
  // Authorization header, so the session token comes as ?token=. Event ids are snapshot
  // versions: a reconnect (Last-Event-ID) to any node resends only if it changed.
  app.get('/agent/stream', async (req, reply) => {
    const token = str((req.query as Record<string, unknown> | undefined)?.token) || bearerToken(req);
    const user = await userForToken(db, token);
    if (!user) return reply.code(401).send({ error: 'logged_out' });
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive', 'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    const lastId = req.headers['last-event-id'];
    const stream: ScreenStream = { user, lastId: typeof lastId === 'string' ? lastId : '', res };
    let closed = false;
    req.raw.once('close', () => {
      closed = true;
      hub.unsubscribe(stream);
    });
    if (!(await hub.subscribe(stream))) {
      res.end('event: logout\ndata: {}\n\n');
      return;
    }
    if (closed) hub.unsubscribe(stream);
  });

  app.post('/agent/action', { ...agent, schema: { body: agentActionBody } }, async (req, reply) => {
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
