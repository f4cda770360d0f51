// The supervisor console's endpoints: the Agent API's function metadata, sign-in with an
// API user's credentials (checked by the API's own pipeline), and the live agent list.
// The console sends functions to /agc/api.php itself, so its replies are the API's.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { handleApiRequest } from '../agent-api/dispatch.js';
import { functions } from '../agent-api/registry.js';
import { descriptions, describeParam } from '../agent-api/descriptions.js';
import { PANEL_TRIGGERS } from '../../contract/agent.js';
import { buildSnapshot } from '../agents/snapshot.js';
import { bearerToken, requireUser } from './auth.js';
import type { ConsoleAgent, ConsoleAgents, ConsoleFunction, ConsoleParam, ConsoleSession } from '../../contract/supervisor.js';
import { CONSOLE_SOURCE } from '../../contract/supervisor.js';
import { supervisorSessionBody } from './schemas.js';
import { sanitize } from '../agent-api/protocol.js';

export interface SupervisorRouteOptions {
  database: Database;
  hostname: string;
}

/** A console sign-in lasts while it is used: 12 hours after the last poll. */
const IDLE_MS = 12 * 3600_000;
const SEEN_EVERY_MS = 60_000;
/** An unknown function authenticates, then answers an empty body (dispatch.ts). */
const CHECK_FUNCTION = '__supervisor_check__';
const HIDDEN = new Set(['version', 'coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

/** Every function's form, from its module's `params` and the seed document's descriptions. */
export function consoleFunctions(): ConsoleFunction[] {
  const out: ConsoleFunction[] = [];
  for (const fn of functions.values()) {
    if (fn.noAuth || HIDDEN.has(fn.name)) continue;
    const params: ConsoleParam[] = fn.params.map((p) => ({
      name: p.name, required: p.required === true, values: p.values, format: p.format,
      flag: p.format === 'present = reload' || undefined,
      description: describeParam(fn.name, p.name),
    }));
    // refresh_panel's triggers are not filtered parameters, so its module cannot declare them.
    if (fn.name === 'refresh_panel') {
      for (const name of PANEL_TRIGGERS) params.push({ name, required: false, flag: true, format: 'present = reload', description: describeParam(fn.name, name) });
    }
    const summary = descriptions[fn.name]?.summary ?? { en: fn.name, 'pt-BR': fn.name, es: fn.name };
    out.push({ name: fn.name, summary, params });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A console token is `<random>.<fingerprint>`, the fingerprint derived from the random part
 * and the user's password (and hash) at sign-in: a changed password no longer matches, so
 * every console signed in with the old one is signed out (no schema change, any node).
 */
function fingerprint(random: string, user: { pass: string; pass_hash: string }): string {
  return createHash('sha256').update(`${random}\0${user.pass}\0${user.pass_hash}`).digest('base64url').slice(0, 22);
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function supervisorRoutes(app: FastifyInstance, { database, hostname }: SupervisorRouteOptions): Promise<void> {
  const { db } = database;

  /** The signed-in API user of a console token, while the token is fresh and the user may still use the API. */
  async function consoleUser(req: FastifyRequest): Promise<string | undefined> {
    const token = bearerToken(req);
    if (!token) return undefined;
    const row = await db.selectFrom('supervisor_console_sessions').selectAll().where('token', '=', token).executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    const user = await db.selectFrom('vicidial_users').select(['user', 'pass', 'pass_hash'])
      .where('user', '=', row.user).where('active', '=', 'Y').where('vdc_agent_api_access', '=', '1').executeTakeFirst();
    const [random, print] = token.split('.');
    if (now - Number(row.seen_ms) > IDLE_MS || !user || !print || fingerprint(random, user) !== print) {
      await db.deleteFrom('supervisor_console_sessions').where('token', '=', token).execute();
      return undefined;
    }
    if (now - Number(row.seen_ms) > SEEN_EVERY_MS) {
      await db.updateTable('supervisor_console_sessions').set({ seen_ms: now }).where('token', '=', token).execute();
    }
    return row.user;
  }

  app.get('/supervisor/functions', async (_req, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return consoleFunctions();
  });

  app.post('/supervisor/session', { schema: { body: supervisorSessionBody } }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const user = str(b.user);
    // The credentials travel in a form body, as an integrator's POST would: never in a URL.
    const form = new URLSearchParams({ source: CONSOLE_SOURCE, user, pass: str(b.pass), function: CHECK_FUNCTION });
    const answer = await handleApiRequest(database, {
      rawQuery: '', rawBody: form.toString(), remoteIp: req.ip, serverName: req.hostname.replace(/:\d+$/, ''),
      serverPort: req.socket?.localPort ?? 80, https: req.protocol === 'https', hostname,
    });
    if (answer.body !== '') return reply.code(401).send({ error: 'refused', reply: answer.body });
    // The API authenticated the cleaned name (§1.3: `66 66` is `6666`): look that one up.
    const settings = await db.selectFrom('system_settings').select('use_non_latin').executeTakeFirst();
    const cleaned = sanitize(new Map([['user', user]]), settings?.use_non_latin === '1').user;
    const row = await db.selectFrom('vicidial_users').select(['user', 'full_name', 'pass', 'pass_hash']).where('user', '=', cleaned).executeTakeFirst();
    if (!row) return reply.code(401).send({ error: 'refused', reply: '' });
    const random = randomBytes(24).toString('base64url');
    const token = `${random}.${fingerprint(random, row)}`;
    const now = Date.now();
    await db.insertInto('supervisor_console_sessions').values({ token, user: row.user, created_ms: now, seen_ms: now }).execute();
    const session: ConsoleSession = { token, user: row.user, fullName: row.full_name };
    return session;
  });

  app.delete('/supervisor/session', async (req) => {
    const token = bearerToken(req);
    if (token) await db.deleteFrom('supervisor_console_sessions').where('token', '=', token).execute();
    return { ok: true };
  });

  app.get('/supervisor/agents', { preHandler: requireUser(consoleUser, 'signed_out') }, async (_req, reply) => {
    const rows = await db.selectFrom('vicidial_live_agents as a')
      .leftJoin('vicidial_users as u', 'u.user', 'a.user')
      .select(['a.user', 'u.user_group']).orderBy('a.user').execute();
    const agents: ConsoleAgent[] = [];
    // The agent screen's own snapshot: the console shows exactly the state the agent sees.
    for (const row of rows) {
      const s = await buildSnapshot(db, database, row.user, true);
      if (!s) continue;
      const { agent, lead, call } = s;
      agents.push({
        user: agent.user, fullName: agent.fullName, campaignId: agent.campaignId, userGroup: row.user_group ?? '',
        status: agent.status, state: agent.state, pauseCode: agent.pauseCode, stateSince: agent.stateSince,
        lead: lead ? { id: lead.lead_id, name: [lead.first_name, lead.last_name].filter(Boolean).join(' '), phone: lead.phone_number } : null,
        call: call ? { callerid: call.callerid, phone: call.phoneNumber, direction: call.direction } : null,
      });
    }
    reply.header('Cache-Control', 'no-cache');
    const body: ConsoleAgents = { serverTime: Date.now(), agents };
    return body;
  });
}
