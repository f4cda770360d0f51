// Authentication at the HTTP edge: the one reader of `Authorization: Bearer …` and the
// preHandler hooks the agent-screen and supervisor-console routes put in front of themselves.
// A hook that finds no signed-in user answers 401 with the route family's own error and the
// handler never runs; otherwise the user is on `req.authUser`.
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../agents/db.js';
import { userForToken } from '../agents/session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The user the preHandler authenticated ('' before it ran). */
    authUser: string;
  }
}

/** The token of an `Authorization: Bearer <token>` header, '' when there is none. */
export const bearerToken = (req: FastifyRequest): string => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';

/** Once, on the root instance: every request carries `authUser`. */
export function decorateAuth(app: FastifyInstance): void {
  app.decorateRequest('authUser', '');
}

/** A preHandler that lets a request through when `resolve` finds its user, else 401 `{ error }`. */
export function requireUser(
  resolve: (req: FastifyRequest) => Promise<string | undefined>, error: string,
): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const user = await resolve(req);
    if (!user) return reply.code(401).send({ error });
    req.authUser = user;
  };
}

/** The agent screen's hook: the bearer token's agent-screen session, else 401 logged_out. */
export const requireAgent = (db: Db): preHandlerAsyncHookHandler =>
  requireUser((req) => userForToken(db, bearerToken(req)), 'logged_out');
