// Push (issue: "effects pushed to the screen"): N agent screens hold the server-sent-event
// stream GET /agent/stream at once, through a light client (one raw loopback socket per
// screen, no per-connection timers); the server's RSS is read at each step, and from the
// API's reply to the new snapshot arriving on the agent's streams is timed under that load.
// (API reply → visible in Chromium with push is the effect part: the screen built uses push.)
import { connect, type Socket } from 'node:net';
import { API_PASS, API_USER, layoutFor, tokenP, userP } from './scenario.js';
import { Pool, assertLoopback, get } from './loadgen.js';
import { randomBytes } from 'node:crypto';
import { MARIADB_URL, dropMariaDb, memoryOf, startServer, type DialectName } from './server.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PushStep {
  connections: number;
  agents: number;
  rssMb: number;
  /** Time to open this step's new connections and receive their first snapshot. */
  openS: number;
}

export interface PushResults {
  dialect: DialectName;
  agents: number;
  baseRssMb: number;
  steps: PushStep[];
  /** API reply → snapshot event on the agent's first stream, at the largest step. */
  latency?: { connections: number; tries: number; p50: number; p99: number; max: number; missed: number };
  /** Two server processes on one MariaDB: API on node A → snapshot on a stream held by node B. */
  crossNode?: { tries: number; p50: number; p99: number; max: number; missed: number };
  error?: string;
}

/** One screen's stream: counts snapshot events, remembers when the last arrived. */
interface LightStream {
  socket: Socket;
  events: number;
  lastAt: number;
  waiter?: () => void;
}

function openStream(host: string, port: number, token: string): LightStream {
  const s: LightStream = { socket: connect(port, host), events: 0, lastAt: 0 };
  s.socket.setNoDelay(true);
  s.socket.write(`GET /agent/stream?token=${token} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
  let tail = '';
  s.socket.on('data', (chunk: Buffer) => {
    const text = tail + chunk.toString('latin1');
    let n = 0;
    for (let i = text.indexOf('event: snapshot'); i >= 0; i = text.indexOf('event: snapshot', i + 1)) n++;
    tail = text.slice(-20);
    if (n) {
      s.events += n;
      s.lastAt = performance.timeOrigin + performance.now();
      s.waiter?.();
    }
  });
  s.socket.on('error', () => undefined);
  return s;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export async function pushPart({ dialect, agents, steps, tries }: { dialect: DialectName; agents: number; steps: number[]; tries: number }): Promise<PushResults> {
  log(`push: starting the server (${dialect}, ${agents} agents); streams ${steps.join(', ')}`);
  const server = await startServer({ dialect, layout: layoutFor(agents, true) });
  const url = new URL(server.url);
  assertLoopback(url.hostname);
  const port = Number(url.port);
  const streams: LightStream[] = [];
  const api = new Pool(server.url, 4);
  const result: PushResults = { dialect, agents, baseRssMb: memoryOf(server.pid).rssMb, steps: [] };
  try {
    for (const target of steps) {
      const t0 = Date.now();
      while (streams.length < target) {
        const batch: LightStream[] = [];
        for (let i = 0; i < 250 && streams.length < target; i++) {
          const k = (streams.length % agents) + 1;
          const s = openStream(url.hostname, port, tokenP(k));
          streams.push(s);
          batch.push(s);
        }
        const deadline = Date.now() + 60_000;
        while (batch.some((s) => s.events === 0) && Date.now() < deadline) await sleep(20);
        if (batch.some((s) => s.events === 0)) throw new Error(`streams did not get their first snapshot within 60 s at ${streams.length}`);
      }
      const openS = (Date.now() - t0) / 1000;
      await sleep(1500);
      const step = { connections: streams.length, agents: Math.min(agents, streams.length), rssMb: memoryOf(server.pid).rssMb, openS };
      result.steps.push(step);
      log(`push: ${step.connections} streams open (${step.agents} agents): server RSS ${step.rssMb.toFixed(0)} MB (opened in ${openS.toFixed(1)} s)`);
    }
    // Latency under the largest load: API external_pause → the agent's first stream gets the snapshot.
    const m = await timePauses(api, streams.slice(0, Math.min(agents, streams.length)), tries);
    result.latency = { connections: streams.length, ...m };
    log(`push: API reply → snapshot on the stream with ${streams.length} streams: p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, max ${result.latency.max.toFixed(1)} ms (${m.missed} missed)`);
  } catch (err) {
    result.error = (err as Error).message;
    log(`push: ${result.error}`);
  } finally {
    for (const s of streams) s.socket.destroy();
    api.close();
    await server.stop();
  }
  if (dialect === 'mariadb' && !result.error) {
    try {
      result.crossNode = await crossNode(Math.min(agents, 200), tries);
      log(`push: across two nodes (API on A, stream on B): p50 ${result.crossNode.p50.toFixed(1)} ms, p99 ${result.crossNode.p99.toFixed(1)} ms, max ${result.crossNode.max.toFixed(1)} ms (${result.crossNode.missed} missed)`);
    } catch (err) {
      result.error = `two nodes: ${(err as Error).message}`;
      log(`push: ${result.error}`);
    }
  }
  return result;
}

/** API external_pause on agent k (alternating) → a snapshot event on streams[k-1]. */
async function timePauses(api: Pool, streams: LightStream[], tries: number) {
  const lat: number[] = [];
  let missed = 0;
  const paused = new Map<number, boolean>();
  for (let t = 0; t < tries; t++) {
    const k = 1 + Math.floor(Math.random() * streams.length);
    const s = streams[k - 1];
    const value = paused.get(k) === false ? 'PAUSE' : 'RESUME';
    const before = s.events;
    const arrived = new Promise<void>((ok) => { s.waiter = ok; });
    const res = await get(api, { path: `/agc/api.php?source=bench&user=${API_USER}&pass=${API_PASS}&function=external_pause&agent_user=${userP(k)}&value=${value}` });
    const replyAt = performance.timeOrigin + performance.now();
    if (!res.body.startsWith('SUCCESS')) throw new Error(`external_pause refused: ${res.body}`);
    paused.set(k, value === 'PAUSE');
    if (s.events === before) await Promise.race([arrived, sleep(5000)]);
    s.waiter = undefined;
    if (s.events === before) missed++;
    else lat.push(Math.max(0, s.lastAt - replyAt));
    await sleep(Math.random() * 100);
  }
  const sorted = lat.sort((a, b) => a - b);
  return { tries: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, missed };
}

/** Two server processes on one MariaDB database: the API on A, the streams on B. */
async function crossNode(agents: number, tries: number) {
  const name = `vbench_${randomBytes(5).toString('hex')}`;
  const env = { DATABASE_URL: `${MARIADB_URL}/${name}` };
  const a = await startServer({ dialect: 'mariadb', layout: layoutFor(agents, true), env });
  let b: Awaited<ReturnType<typeof startServer>> | undefined;
  const streams: LightStream[] = [];
  const api = new Pool(a.url, 4);
  try {
    b = await startServer({ dialect: 'mariadb', layout: layoutFor(agents, true), env });
    const bu = new URL(b.url);
    assertLoopback(bu.hostname);
    for (let k = 1; k <= agents; k++) streams.push(openStream(bu.hostname, Number(bu.port), tokenP(k)));
    const deadline = Date.now() + 60_000;
    while (streams.some((s) => s.events === 0) && Date.now() < deadline) await sleep(20);
    return await timePauses(api, streams, tries);
  } finally {
    for (const s of streams) s.socket.destroy();
    api.close();
    await b?.stop();
    await a.stop();
    await dropMariaDb(name);
  }
}
