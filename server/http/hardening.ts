// Cross-cutting protections of the HTTP server: one error handler (no reply ever carries
// database or stack text), security headers on the screen's pages, connection caps, and a
// request logger that never prints a password.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { maskPassword } from '../agent-api/log.js';

/**
 * 4xx errors of Fastify itself (schema validation, body too large, bad JSON, bad content
 * type) keep their status and their own message, which names no table and no value; any
 * other error is logged in full and answered 500 with a fixed text.
 */
export function errorHandler(this: unknown, err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode ?? 500;
  const fromFastify = typeof err.code === 'string' && err.code.startsWith('FST_');
  if (err.validation) {
    void reply.code(400).send({ error: 'invalid request', message: `${err.validationContext ?? 'body'} ${err.validation[0]?.instancePath ?? ''} ${err.validation[0]?.message ?? ''}`.replace(/\s+/g, ' ').trim() });
    return;
  }
  if (status >= 400 && status < 500 && fromFastify) {
    void reply.code(status).send({ error: status === 413 ? 'request too large' : 'invalid request', message: err.message });
    return;
  }
  req.log.error({ err }, 'request failed');
  if (!req.log.level || req.log.level === 'silent') console.error(`${req.method} ${maskPassword(req.url)} failed:`, err);
  const isApi = req.url.startsWith('/agc/') || req.url.startsWith('//agc/');
  if (isApi) void reply.code(500).header('Content-Type', 'text/html; charset=utf-8').send('ERROR: internal error\n');
  else void reply.code(500).send({ error: 'internal error' });
}

/**
 * The agent screen is a single page that frames the campaign's web form, script and
 * webphone (configured URLs on other hosts): frame-src allows http(s) pages, everything
 * else is same-origin. The API keeps its own headers (api-reference.md §1.4).
 */
const SCREEN_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self' data:", "connect-src 'self'", "media-src 'self' blob: data:", "worker-src 'self' blob:",
    'frame-src http: https:', "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
  ].join('; '),
  // The screen frames its own demo web form and webphone pages; no other origin may frame any page.
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

export async function securityHeaders(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!/^\/+agc\//.test(req.url)) {
    for (const [name, value] of Object.entries(SCREEN_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
  }
  return payload;
}

/** At most `total` open connections, and `perAddress` from one client address. */
export function limitConnections(server: Server, total: number, perAddress: number): Server {
  server.maxConnections = total;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const n = (open.get(address) ?? 0) + 1;
    if (n > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return server;
}

/** LOG=1: Fastify's logger with every logged URL's password masked (name spelled or encoded any way). */
export function requestLogger() {
  return {
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: maskPassword(req.url ?? ''), host: req.headers?.host, remoteAddress: req.ip };
      },
    },
  };
}
