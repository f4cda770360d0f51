// Every table the product uses, declared once (see columns.ts). Only tables and columns
// we use exist; add them here as functions need them and migrate.ts creates them.
import type { DatabaseOf, TableSpec } from './columns.js';
import { systemTables } from './schema/system.js';
import { campaignTables } from './schema/campaigns.js';
import { leadTables } from './schema/leads.js';
import { liveTables } from './schema/live.js';
import { screenTables } from './schema/screen.js';

export const tables = {
  ...systemTables,
  ...campaignTables,
  ...leadTables,
  ...liveTables,
  ...screenTables,
};

export type TableName = keyof typeof tables;
export type DB = DatabaseOf<typeof tables>;

/** The same declarations, untyped per column, for code that walks every table. */
export const tableSpecs = tables as unknown as Record<TableName, TableSpec>;
