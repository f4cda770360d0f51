import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/** A database handle or a transaction on it. */
export type Db = Kysely<DB> | Transaction<DB>;
export type LiveAgentRow = Selectable<DB['vicidial_live_agents']>;
