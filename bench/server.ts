// The server under test, as a child process (`npx tsx server/main.ts`) on a fresh database:
// a temporary DATA_DIR for SQLite, or a throw-away MariaDB database vbench_<random> that
// is dropped afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { writeBenchScenario, type Layout } from './scenario.js';
import { freePort } from '../server/test/free-port.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const MARIADB_URL = process.env.BENCH_MARIADB ?? 'mysql://root@127.0.0.1:3306';
const START_TIMEOUT_MS = 120_000;

export type DialectName = 'sqlite' | 'mariadb';

export interface Server {
  url: string;
  dialect: DialectName;
  /** The node process that runs server/main.ts (not npx or the tsx launcher). */
  pid: number;
  startupMs: number;
  stop: () => Promise<void>;
  output: () => string;
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The deepest descendant of `root` whose command line runs server/main.ts. */
export function serverPid(root: number): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const depth = (pid: number): number => {
    let d = 0;
    for (let p = pid; p > 1 && d < 50; p = parentOf(p), d++) if (p === root) return d;
    return -1;
  };
  let best = root;
  let bestDepth = -1;
  for (const pid of procs) {
    const d = depth(pid);
    if (d > bestDepth && cmdline(pid).includes('server/main.ts')) {
      best = pid;
      bestDepth = d;
    }
  }
  return best;
}

/** VmRSS and VmHWM of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

export async function dropMariaDb(name: string): Promise<void> {
  if (!/^vbench_[a-z0-9]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const conn = await createConnection(`${MARIADB_URL}/`);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

export async function mariaDbAvailable(): Promise<boolean> {
  try {
    const conn = await createConnection({ uri: `${MARIADB_URL}/`, connectTimeout: 2000 });
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

export interface StartOptions {
  dialect: DialectName;
  layout: Layout;
  /** Extra environment. */
  env?: Record<string, string>;
  /** Node flags (e.g. --cpu-prof): then the server runs as `node <flags> --import tsx server/main.ts`. */
  nodeArgs?: string[];
}

export async function startServer({ dialect, layout, env = {}, nodeArgs }: StartOptions): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vbench-'));
  const scenario = join(dir, 'bench-scenario.json');
  writeBenchScenario(scenario, layout);
  const dbName = `vbench_${randomBytes(5).toString('hex')}`;
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const [cmd, argv] = nodeArgs?.length
    ? [process.execPath, ['--import', 'tsx', ...nodeArgs, 'server/main.ts']]
    : ['npx', ['tsx', 'server/main.ts']];
  const child: ChildProcess = spawn(cmd, argv, {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), SCENARIO: scenario,
      SIM_CALLS_PER_MINUTE: '0', BENCH_BARE_ROUTE: '1', LOG: '0',
      DATABASE_URL: dialect === 'mariadb' ? `${MARIADB_URL}/${dbName}` : '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const exited = new Promise<void>((ok) => {
    if (child.exitCode !== null) ok();
    else child.once('exit', () => ok());
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone already
      }
      const killer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 8_000);
      await exited;
      clearTimeout(killer);
    }
    if (dialect === 'mariadb') await dropMariaDb(dbName).catch((err) => console.error(`could not drop ${dbName}: ${err}`));
    if (!env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const reply = await fetch(`${url}/bench/bare`);
      if (reply.ok) {
        const pid = serverPid(child.pid!);
        return { url, dialect, pid, startupMs: performance.now() - started, stop, output: () => output };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not start (${dialect}):\n${output}`);
}
