// Configuration by environment (README "Configuration").
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Scenario file loaded into an empty database on first start. */
  scenario: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || `sqlite:${resolve(dataDir, 'vicidial.sqlite')}`,
    scenario: resolve(env.SCENARIO ?? 'scenarios/demo.yaml'),
  };
}
