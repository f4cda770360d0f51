// npm run scenario -- <file>: load a scenario file into the configured database.
import { configFromEnv } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { loadScenario, readScenarioFile, ScenarioError } from './load.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run scenario -- <scenario.yaml|scenario.json>');
  process.exit(2);
}
const config = configFromEnv();
const database = await openDatabase(config.databaseUrl);
try {
  await migrate(database);
  await loadScenario(database, readScenarioFile(file), file);
  console.log(`Loaded ${file} into ${database.describe}`);
} catch (err) {
  console.error(err instanceof ScenarioError ? `Scenario refused: ${err.message}` : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
