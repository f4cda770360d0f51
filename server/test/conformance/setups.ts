// Every conformance record's pre-state, relative to oracle-baseline.json, as data steps
// (types and shared variations in setup-steps.ts). BASELINE_PATCH comes first for all.
import { BASELINE_PATCH, type SetupStep } from './setup-steps.js';
import { setups1 } from './setups-1.js';
import { setups2 } from './setups-2.js';

export type { SetupStep, SetupValue, SetupRow } from './setup-steps.js';

const own: Record<string, SetupStep[]> = { ...setups1, ...setups2 };

export const setups: Record<string, SetupStep[]> = Object.fromEntries(
  Object.entries(own).map(([id, steps]) => [id, [...BASELINE_PATCH, ...steps]]),
);
