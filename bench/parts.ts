// Parts 1, 2 and 4 of issue #8: API throughput (mix vs bare route), poll capacity, memory.
import { API_PASS, API_USER, layoutFor, tokenP, userL, userP, userQ, type Layout } from './scenario.js';
import { closedLoop, get, openLoop, Pool, type Request, type Response, type Stats } from './loadgen.js';
import { memoryOf, startServer, type DialectName, type Server } from './server.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** First word of an Agent API reply (SUCCESS, ERROR, NOTICE, a number for calls_in_queue_count). */
export function replyKind(res: Response): string {
  if (res.status !== 200) return `HTTP ${res.status}`;
  const m = /^([A-Z]+):/.exec(res.body);
  return m ? m[1] : /^\d/.test(res.body) ? 'COUNT' : 'OTHER';
}

/** The realistic mix: shares of the seven functions, in percent. */
export const MIX: Array<[string, number]> = [
  ['external_pause', 20], ['external_status', 10], ['update_fields', 15], ['send_notification', 5],
  ['calls_in_queue_count', 20], ['external_dial', 10], ['recording STATUS', 20],
];

/** The i-th request of the mix, deterministic, spread over the agents of the layout. */
export function mixRequests(layout: Layout): (i: number) => Request {
  const cumulative: Array<[string, number]> = [];
  let acc = 0;
  for (const [name, share] of MIX) cumulative.push([name, (acc += share)]);
  const paused = new Map<number, boolean>();
  const auth = `source=bench&user=${API_USER}&pass=${API_PASS}`;
  // A cheap deterministic scramble so consecutive requests hit different agents and functions.
  const scramble = (i: number) => (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0);
  return (i) => {
    const h = scramble(i);
    const pick = h % 100;
    const fn = cumulative.find(([, c]) => pick < c)![0];
    const a = 1 + ((h >>> 8) % layout.p);
    switch (fn) {
      case 'external_pause': {
        // Agents start PAUSED: the first command is RESUME, then they alternate.
        const wasPaused = paused.get(a) ?? true;
        paused.set(a, !wasPaused);
        return { path: `/agc/api.php?${auth}&function=external_pause&agent_user=${userP(a)}&value=${wasPaused ? 'RESUME' : 'PAUSE'}` };
      }
      case 'external_status':
        return { path: `/agc/api.php?${auth}&function=external_status&agent_user=${userP(a)}&value=SALE` };
      case 'update_fields': {
        const l = 1 + ((h >>> 8) % Math.max(1, layout.l));
        return { path: `/agc/api.php?${auth}&function=update_fields&agent_user=${userL(l)}&first_name=Name${i % 1000}&comments=bench%20${i}` };
      }
      case 'send_notification':
        return { path: `/agc/api.php?${auth}&function=send_notification&recipient=${userP(a)}&recipient_type=USER&notification_text=Bench%20${i}&show_confetti=N` };
      case 'calls_in_queue_count':
        return { path: `/agc/api.php?${auth}&function=calls_in_queue_count&agent_user=${userP(a)}&value=DISPLAY` };
      case 'external_dial': {
        const q = 1 + ((h >>> 8) % Math.max(1, layout.q));
        const number = `31270${String(i % 100000).padStart(5, '0')}`;
        return { path: `/agc/api.php?${auth}&function=external_dial&agent_user=${userQ(q)}&value=${number}&phone_code=1&search=NO&preview=NO&focus=NO` };
      }
      default:
        return { path: `/agc/api.php?${auth}&function=recording&agent_user=${userP(a)}&value=STATUS` };
    }
  };
}

export interface ApiResults {
  dialect: DialectName;
  agents: number;
  startupMs: number;
  bare: Stats;
  mix: Stats;
  ratio: number;
  rates: Array<{ rate: number; stats: Stats }>;
  rssAfterMb: number;
  hwmMb: number;
}

export interface ApiOptions {
  dialect: DialectName;
  agents: number;
  rates: number[];
  saturationS: number;
  rateS: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}

export async function apiPart(o: ApiOptions): Promise<ApiResults> {
  const layout = layoutFor(o.agents);
  log(`${o.dialect}: starting the server with ${o.agents} logged-in agents`);
  const server = await startServer({ dialect: o.dialect, layout, env: o.env, nodeArgs: o.nodeArgs });
  const pool = new Pool(server.url, 64);
  try {
    const bareReq = () => ({ path: '/bench/bare' });
    const next = mixRequests(layout);
    let counter = 0;
    const mixNext = () => next(counter++);
    // Warm-up: JIT, statement caches, the first rows of every log table.
    await closedLoop({ pool, concurrency: 16, durationS: 2, maxRequests: 1e6, next: bareReq });
    await closedLoop({ pool, concurrency: 16, durationS: 3, maxRequests: 1e6, next: mixNext });
    log(`${o.dialect}: saturation, bare route (${o.saturationS} s)`);
    const bare = await closedLoop({ pool, concurrency: 64, durationS: o.saturationS, maxRequests: 5e6, next: bareReq });
    log(`${o.dialect}:   bare ${bare.throughput.toFixed(0)} req/s`);
    log(`${o.dialect}: saturation, API mix (${o.saturationS} s)`);
    const mix = await closedLoop({ pool, concurrency: 64, durationS: o.saturationS, maxRequests: 5e6, next: mixNext, classify: replyKind });
    log(`${o.dialect}:   mix ${mix.throughput.toFixed(0)} req/s ${JSON.stringify(mix.kinds)}`);
    const rates: ApiResults['rates'] = [];
    for (const rate of o.rates) {
      await sleep(2000); // let the engine catch up on the previous step's commands
      const stats = await openLoop({ pool, rate, durationS: o.rateS, drainS: 5, next: mixNext, classify: replyKind });
      log(`${o.dialect}:   ${rate} req/s offered: ${stats.throughput.toFixed(0)} done, p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, timeouts ${stats.timeouts}`);
      rates.push({ rate, stats });
    }
    const mem = memoryOf(server.pid);
    return {
      dialect: o.dialect, agents: o.agents, startupMs: server.startupMs, bare, mix, ratio: mix.throughput / bare.throughput, rates,
      rssAfterMb: mem.rssMb, hwmMb: mem.hwmMb,
    };
  } finally {
    pool.close();
    await server.stop();
  }
}

export interface PollStep {
  agents: number;
  stats: Stats;
  /** Share of polls answered 304. */
  notModified: number;
  commands: number;
  pass: boolean;
}

export interface PollResults {
  dialect: DialectName;
  steps: PollStep[];
  capacity: number;
  memory: Array<{ agents: number; rssMb: number; hwmMb: number }>;
}

export interface PollOptions {
  dialect: DialectName;
  /** Agents in the scenario (the largest step). */
  maxAgents: number;
  steps: number[];
  stepS: number;
  /** Agents counted for the memory figure: RSS is read when this many have polled. */
  memoryAt: number[];
  env?: Record<string, string>;
  nodeArgs?: string[];
}

const P99_TARGET_MS = 50;

/**
 * N agents poll their snapshot once a second with If-None-Match; an API client changes
 * 5 % of them a second (external_pause, alternating). The first second of every step is
 * not counted (each agent's first poll has no ETag yet).
 */
export async function pollPart(o: PollOptions): Promise<PollResults> {
  const layout = layoutFor(o.maxAgents, true);
  log(`${o.dialect}: starting the server with ${o.maxAgents} logged-in agents (poll capacity, memory)`);
  const server: Server = await startServer({ dialect: o.dialect, layout, env: o.env, nodeArgs: o.nodeArgs });
  const pollPool = new Pool(server.url, 256);
  const apiPool = new Pool(server.url, 16);
  const memory: PollResults['memory'] = [];
  try {
    const etags = new Map<number, string>();
    // Memory with 1,000 and 10,000 agents: every one of them has fetched its snapshot once.
    const memAt = [...o.memoryAt].sort((a, b) => a - b);
    let polledOnce = 0;
    for (const target of memAt) {
      for (let k = polledOnce + 1; k <= target; k += 200) {
        const batch = [];
        for (let j = k; j < k + 200 && j <= target; j++) {
          batch.push(get(pollPool, { path: '/agent/snapshot', headers: { Authorization: `Bearer ${tokenP(j)}` } })
            .then((r) => r.etag && etags.set(j, r.etag)));
        }
        await Promise.all(batch);
      }
      polledOnce = target;
      await sleep(1500);
      const m = memoryOf(server.pid);
      memory.push({ agents: target, ...m });
      log(`${o.dialect}:   RSS with ${target} agents logged in and polled once: ${m.rssMb.toFixed(0)} MB`);
    }

    const steps: PollStep[] = [];
    let capacity = 0;
    for (const n of o.steps) {
      if (n > o.maxAgents) break;
      const rate = n; // one poll per agent per second
      const paused = new Map<number, boolean>();
      let commands = 0;
      let notModified = 0;
      let counted = 0;
      // The API changes 5 % of the polling agents a second, spread evenly over the second.
      const cmdRate = Math.max(1, Math.round(n * 0.05));
      const cmdRun = openLoop({
        pool: apiPool, rate: cmdRate, durationS: o.stepS, drainS: 5,
        next: (i) => {
          const a = 1 + ((Math.imul(i + 1, 2654435761) >>> 0) % n);
          const wasPaused = paused.get(a) ?? true;
          paused.set(a, !wasPaused);
          commands++;
          return { path: `/agc/api.php?source=bench&user=${API_USER}&pass=${API_PASS}&function=external_pause&agent_user=${userP(a)}&value=${wasPaused ? 'RESUME' : 'PAUSE'}` };
        },
      });
      const startMs = performance.now();
      const pollRun = openLoop({
        pool: pollPool, rate, durationS: o.stepS, drainS: 5,
        // Request i is agent (i mod n) + 1: each agent once a second, phases spread evenly.
        next: (i) => {
          const a = (i % n) + 1;
          const etag = etags.get(a);
          const headers: Record<string, string> = { Authorization: `Bearer ${tokenP(a)}` };
          if (etag) headers['If-None-Match'] = etag;
          return { path: '/agent/snapshot', headers };
        },
        onReply: (i, res) => {
          const a = (i % n) + 1;
          if (res.etag) etags.set(a, res.etag);
          if (i >= n) {
            counted++;
            if (res.status === 304) notModified++;
          }
        },
        record: (i) => i >= n,
      });
      const [stats] = await Promise.all([pollRun, cmdRun]);
      const pass = stats.p99 < P99_TARGET_MS && stats.timeouts === 0 && stats.errors === 0;
      if (pass) capacity = Math.max(capacity, n);
      steps.push({ agents: n, stats, notModified: counted ? notModified / counted : 0, commands, pass });
      log(`${o.dialect}:   ${n} polling agents: p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, ${(100 * (counted ? notModified / counted : 0)).toFixed(0)} % 304, ${stats.throughput.toFixed(0)} polls/s ${pass ? 'PASS' : 'FAIL'} (${((performance.now() - startMs) / 1000).toFixed(0)} s)`);
      await sleep(1500);
      // Two failures in a row above the capacity: the curve has turned, stop climbing.
      const fails = steps.slice(-2).filter((s) => !s.pass).length;
      if (fails === 2 || stats.p99 > 20 * P99_TARGET_MS) break;
    }
    return { dialect: o.dialect, steps, capacity, memory };
  } finally {
    pollPool.close();
    apiPool.close();
    await server.stop();
  }
}
