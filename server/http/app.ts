// The Fastify app, assembled in one readable place: parsers and limits, then the
// Agent API, then the agent screen's endpoints, then the static SPA.
import Fastify, { type FastifyInstance } from 'fastify';
import http from 'node:http';
import os from 'node:os';
import type { Database } from '../db/database.js';
import { apiRoutes } from './api-route.js';

export interface AppConfig {
  /** Host name written to vicidial_webservers and shown by `webserver`. */
  hostname?: string;
  logger?: boolean;
}

export interface AppOptions {
  database: Database;
  config?: AppConfig;
}

/** Requests with long query strings (100 kB values) must be answered, not refused. */
const MAX_HEADER_SIZE = 1024 * 1024;

export async function buildApp({ database, config = {} }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: 4 * 1024 * 1024,
    routerOptions: { ignoreDuplicateSlashes: true, maxParamLength: 1000 },
    serverFactory: (handler) => http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, handler),
  });
  const hostname = config.hostname ?? os.hostname();
  await app.register(apiRoutes, { database, hostname });
  return app;
}
