// Playwright fixtures: a fresh back end per spec file (its own port, data folder and
// scenario), serving the SPA that `npm run test:e2e` built into dist/; helpers that log an
// agent in, call the Agent API and drive the simulated switch.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../server/test/free-port.js';

const ROOT = resolve(import.meta.dirname, '..');
export const SCENARIO = join(ROOT, 'e2e', 'scenario.yaml');
const START_TIMEOUT_MS = 40_000;

export interface BackEnd {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

export async function startBackEnd(scenario = SCENARIO): Promise<BackEnd> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  // detached: npx → tsx → node is a process group, stopped as one.
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SCENARIO: scenario, SIM_CALLS_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const reply = await fetch(`${url}/agc/api.php?function=version`);
      if (reply.ok) return { url, dataDir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`The back end did not start on ${url}:\n${output}`);
}

/** One back end per spec file: started by the first test of a file, stopped when the
 *  worker moves to another file or ends. */
class BackEndPerFile {
  private current: { file: string; backEnd: BackEnd } | null = null;

  async forFile(file: string): Promise<BackEnd> {
    if (this.current?.file === file) return this.current.backEnd;
    await this.stop();
    this.current = { file, backEnd: await startBackEnd() };
    return this.current.backEnd;
  }

  async stop(): Promise<void> {
    await this.current?.backEnd.stop();
    this.current = null;
  }
}

export type ApiParams = Record<string, string | number>;

export interface Sim {
  inbound: (call: { ingroup: string; phone_number?: string; lead_id?: number }) => Promise<{ callerid: string }>;
  customerHangup: (callerid: string) => Promise<void>;
  state: () => Promise<unknown>;
}

interface Fixtures {
  backEnd: BackEnd;
  /** GET /agc/api.php as API user 6666 (source=test), returning the reply text. */
  api: (params: ApiParams) => Promise<string>;
  sim: Sim;
}

/** Test hooks the SPA records into only when present (src/effects/confetti.ts): window.__confettiCalls. */
export async function enableTestHooks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as { __confettiCalls?: unknown[] }).__confettiCalls ??= [];
  });
}

export const test = base.extend<Fixtures, { backEnds: BackEndPerFile }>({
  context: async ({ context }, use) => {
    await enableTestHooks(context);
    await use(context);
  },
  backEnds: [
    async ({}, use) => {
      const pool = new BackEndPerFile();
      await use(pool);
      await pool.stop();
    },
    { scope: 'worker' },
  ],
  backEnd: async ({ backEnds }, use, testInfo) => {
    await use(await backEnds.forFile(testInfo.file));
  },
  baseURL: async ({ backEnd }, use) => {
    await use(backEnd.url);
  },
  api: async ({ backEnd }, use) => {
    await use(async (params) => {
      const query = new URLSearchParams({ source: 'test', user: '6666', pass: '1234' });
      for (const [k, v] of Object.entries(params)) query.set(k, String(v));
      const reply = await fetch(`${backEnd.url}/agc/api.php?${query}`);
      return reply.text();
    });
  },
  sim: async ({ backEnd }, use) => {
    const post = async (path: string, body?: unknown) => {
      const reply = await fetch(`${backEnd.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!reply.ok) throw new Error(`${path}: HTTP ${reply.status} ${await reply.text()}`);
      return reply.json() as Promise<unknown>;
    };
    await use({
      inbound: async (call) => (await post('/sim/inbound', call)) as { callerid: string },
      customerHangup: async (callerid) => {
        await post(`/sim/calls/${encodeURIComponent(callerid)}/hangup`);
      },
      state: async () => (await fetch(`${backEnd.url}/sim/state`)).json(),
    });
  },
});

export { expect };

export interface AgentLogin {
  user: string;
  pass: string;
  campaign: string;
}

/** Logs an agent in through the login page, as an agent would, and waits for the screen. */
export async function loginAgent(page: Page, { user, pass, campaign }: AgentLogin): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: new RegExp(campaign) }).check();
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('state-pill')).toHaveAttribute('data-state', /^(paused|ready|closer)$/);
}

export function statePill(page: Page) {
  return page.getByTestId('state-pill');
}
