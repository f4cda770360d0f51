// /agc/api.php (and //agc/api.php, and /agc/api.php/<anything> as PHP's PATH_INFO): GET and
// form-encoded or multipart POST, every answer HTTP 200 text/html with no-cache headers
// (api-reference.md §1.1, §1.4).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { handleApiRequest } from '../agent-api/dispatch.js';
import { bodyAsForm } from './form-body.js';
import type { Switch } from '../switch/switch.js';

const API_BODY_LIMIT = 256 * 1024;

export interface ApiRouteOptions {
  database: Database;
  hostname: string;
  /** When set, a request applies the commands it writes in its own transaction (the engine runs). */
  sw?: Switch;
  /** Called after a request that wrote agent commands has committed. */
  onCommands?: (users: string[]) => void;
  /** Called after a request that queued a notification has committed. */
  onNotifications?: () => void;
}

function serverAddress(req: FastifyRequest): { name: string; port: number } {
  const host = req.headers.host ?? '';
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  const localPort = req.socket?.localPort ?? 80;
  if (m) return { name: m[1], port: m[2] ? Number(m[2]) : localPort };
  return { name: req.socket?.localAddress ?? '127.0.0.1', port: localPort };
}

export async function apiRoutes(app: FastifyInstance, opts: ApiRouteOptions): Promise<void> {
  // Whatever the content type, the body is read as bytes and never refused; like PHP, only
  // a form-urlencoded or multipart/form-data body is parameters (form-body.ts).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const handler = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const url = req.raw.url ?? '';
    const q = url.indexOf('?');
    const { name, port } = serverAddress(req);
    const answer = await handleApiRequest(opts.database, {
      rawQuery: q >= 0 ? url.slice(q + 1) : '',
      rawBody: req.method === 'POST' && Buffer.isBuffer(req.body) ? bodyAsForm(req.headers['content-type'], req.body) : undefined,
      // An IPv4 client of a dual-stack listener shows as ::ffff:a.b.c.d; VICIdial sees a.b.c.d.
      remoteIp: req.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''),
      serverName: name,
      serverPort: port,
      https: req.protocol === 'https',
      hostname: opts.hostname,
    }, { sw: opts.sw });
    if (answer.commandsFor.length) opts.onCommands?.(answer.commandsFor);
    if (answer.notify) opts.onNotifications?.();
    reply
      .code(answer.status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache, must-revalidate')
      .header('Pragma', 'no-cache')
      .send(answer.body);
    return reply;
  };
  // No API request needs more than a few kB; 256 KiB leaves room for long notes and
  // comments, and a bigger body is answered 413 before it is read further.
  // HEAD changes nothing: the headers a GET would get, no body, and the pipeline never runs
  // (Fastify's automatic HEAD route would run the GET handler and its command).
  const head = async (_req: FastifyRequest, reply: import('fastify').FastifyReply) => reply
    .code(200)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-cache, must-revalidate')
    .header('Pragma', 'no-cache')
    .send();
  // A trailing path (`/agc/api.php/`, `/agc/api.php/x`) still runs the script, as in PHP.
  for (const path of ['/agc/api.php', '/agc/api.php/*']) {
    app.get(path, { exposeHeadRoute: false }, handler);
    app.head(path, head);
    app.post(path, { bodyLimit: API_BODY_LIMIT }, handler);
  }
}
