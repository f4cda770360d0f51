// Configuration by environment (README "Configuration").
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Scenario file loaded into an empty database on first start. */
  scenario: string;
  /** LOG=1: Fastify request logging. */
  logger: boolean;
  /** SIM_CONTROL: /sim/* for loopback clients (default), `open` for any client, `0` off. */
  simControl: boolean | 'open';
  /** API_LOG_DAYS: days API log rows are kept (default 30; 0 keeps them forever). */
  apiLogDays: number;
  /** SIM_CALLS_PER_MINUTE: the simulated inbound call generator's rate (default 2). */
  simCallsPerMinute: number;
  /** BENCH_BARE_ROUTE=1: register the bench's bare baseline route (benchmarks only, never in production). */
  benchRoute: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || `sqlite:${resolve(dataDir, 'vicidial.sqlite')}`,
    scenario: resolve(env.SCENARIO ?? 'scenarios/demo.yaml'),
    logger: env.LOG === '1',
    simControl: env.SIM_CONTROL === '0' ? false : env.SIM_CONTROL === 'open' ? 'open' : true,
    apiLogDays: env.API_LOG_DAYS === undefined || env.API_LOG_DAYS === '' ? 30 : Math.max(0, Number(env.API_LOG_DAYS) || 0),
    simCallsPerMinute: Number(env.SIM_CALLS_PER_MINUTE ?? 2),
    benchRoute: env.BENCH_BARE_ROUTE === '1',
  };
}
