// The Fastify app, assembled in one readable place: limits, the Agent API, the agent
// screen's endpoints, the simulated switch's control surface, then the built SPA.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import http from 'node:http';
import os from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { SimSwitch } from '../switch/sim.js';
import type { Switch } from '../switch/switch.js';
import { AgentEngine, type EngineOptions } from '../agents/engine.js';
import { ScreenHub } from '../agents/screen-hub.js';
import { apiRoutes } from './api-route.js';
import { agentRoutes } from './agent-routes.js';
import { simRoutes } from './sim-routes.js';
import { supervisorRoutes } from './supervisor-routes.js';
import { callbacksRoute } from './callbacks-route.js';
import { decorateAuth } from './auth.js';
import { errorHandler, limitConnections, requestLogger, securityHeaders } from './hardening.js';
import { pruneApiLogInBackground } from '../agent-api/log.js';

export interface AppConfig {
  /** Host name written to vicidial_webservers and shown by `webserver`. */
  hostname?: string;
  logger?: boolean;
  /** Run the engine (command sweep, call routing). Off in request-level tests. */
  engine?: boolean | EngineOptions;
  /**
   * Serve /sim/... (default on). `true`/`'local'`: loopback clients only; `'open'`: any
   * client (SIM_CONTROL=open); `false`: off.
   */
  simControl?: boolean | 'local' | 'open';
  /** Days vicidial_api_log / vicidial_api_urls rows are kept (API_LOG_DAYS, default 30; 0 = forever). */
  apiLogDays?: number;
  /** Open connections at most, in all and per client address. */
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  /** Register the bench's bare baseline route (config BENCH_BARE_ROUTE; never in production). */
  benchRoute?: boolean;
  /** Folder of the built SPA (default dist/ when it exists). */
  staticDir?: string | false;
}

export interface AppOptions {
  database: Database;
  config?: AppConfig;
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: AgentEngine;
    sw: Switch;
    screens: ScreenHub;
  }
}

/**
 * Requests with long query strings (100 kB values) must be answered, not refused; beyond
 * 128 KiB of request line and headers Node answers 431. Unfinished headers cost memory per
 * connection, so connections are capped too (in all and per address), and a client has
 * HEADERS_TIMEOUT_MS to send its headers.
 */
const MAX_HEADER_SIZE = 128 * 1024;
const HEADERS_TIMEOUT_MS = 15_000;
/** JSON bodies of the screen, console and simulation endpoints (the API caps its own). */
const BODY_LIMIT = 64 * 1024;
const DEFAULT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export async function buildApp({ database, config = {} }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ? requestLogger() : false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreDuplicateSlashes: true, maxParamLength: 1000 },
    serverFactory: (handler) => limitConnections(
      http.createServer({ maxHeaderSize: MAX_HEADER_SIZE, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: 60_000 }, handler),
      config.maxConnections ?? 2000, config.maxConnectionsPerAddress ?? 200),
  });
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', securityHeaders);
  const hostname = config.hostname ?? os.hostname();
  const sw = new SimSwitch();
  const engineOptions = typeof config.engine === 'object' ? config.engine : {};
  // Background errors (engine, screen hub, log pruning) are always reported: through the
  // request logger when it is on, else on stderr (never dropped silently).
  const reportError = (what: string) => (err: unknown) =>
    (config.logger ? app.log.error({ err }, what) : console.error(`${what}:`, err));
  const engine = new AgentEngine(database, sw, { onError: reportError('engine error'), ...engineOptions });
  app.decorate('engine', engine);
  app.decorate('sw', sw);
  decorateAuth(app);
  const screens = new ScreenHub(database, { simulated: () => sw.simulated, onError: reportError('screen hub error') });
  app.decorate('screens', screens);
  // A request's commit reaches this node's push streams at once; other nodes read the feed.
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' || req.url.startsWith('/agc/')) screens.poke();
  });
  app.addHook('preClose', async () => screens.stop());

  // With the engine running, an API command is applied in its request (SUCCESS means done);
  // without it (request-level tests) it stays in its column, as the protocol writes it.
  await app.register(apiRoutes, { database, hostname, sw: config.engine ? sw : undefined, onCommands: (users) => engine.nudge(users), onNotifications: () => engine.nudgeNotifications() });
  await app.register(agentRoutes, { database, sw, hub: screens, onCommands: (users) => engine.nudge(users) });
  await app.register(supervisorRoutes, { database, hostname });
  await app.register(callbacksRoute, { database });
  if (config.simControl !== false) await app.register(simRoutes, { database, sw, open: config.simControl === 'open' });
  if (config.benchRoute === true) await app.register((await import('./bench-route.js')).benchRoute);

  const staticDir = config.staticDir === undefined ? DEFAULT_DIST : config.staticDir;
  if (staticDir && existsSync(staticDir)) {
    await app.register(fastifyStatic, { root: staticDir, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !/^\/(agc|agent|sim)\//.test(req.url)) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not found' });
    });
  }

  const stopPruning = pruneApiLogInBackground(database, config.apiLogDays ?? 30, reportError('api log pruning'));
  app.addHook('onClose', async () => stopPruning());

  if (config.engine && engineOptions.autoStart !== false) {
    app.addHook('onReady', async () => engine.start());
    app.addHook('onClose', async () => engine.stop());
  }
  return app;
}
