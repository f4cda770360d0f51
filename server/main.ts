// Start-up: config, database, migrations, first-start scenario, HTTP.
import { configFromEnv } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { loadScenario, readScenarioFile, ScenarioError } from './scenario/load.js';
import { buildApp } from './http/app.js';

async function main(): Promise<void> {
  const config = configFromEnv();
  const database = await openDatabase(config.databaseUrl);
  await migrate(database);
  const users = await database.db.selectFrom('vicidial_users').select('user').limit(1).execute();
  if (users.length === 0) {
    console.log(`Empty database: loading ${config.scenario}`);
    await loadScenario(database, readScenarioFile(config.scenario), config.scenario);
  }
  const app = await buildApp({
    database,
    config: {
      logger: config.logger,
      simControl: config.simControl,
      apiLogDays: config.apiLogDays,
      benchRoute: config.benchRoute,
      engine: { generator: { callsPerMinute: config.simCallsPerMinute, ingroups: [] } },
    },
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  console.log(`VICIdial Agent API on ${database.describe}`);
  console.log(`  Agent API:    http://${shown}:${config.port}/agc/api.php?function=version`);
  console.log(`  Agent screen: http://${shown}:${config.port}/`);
  console.log(`  Supervisor:   http://${shown}:${config.port}/supervisor`);
}

main().catch((err) => {
  if (err instanceof ScenarioError) console.error(`Scenario refused: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
