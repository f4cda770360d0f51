// `npm run bench` (issue #8): starts the server on a fresh database with a generated
// scenario, on SQLite and on MariaDB, measures on this machine and writes bench/RESULTS.md
// (figures, machine, date), bench/results.json and bench/latency.svg.
//
//   npm run bench                          everything (about 8 minutes)
//   npm run bench -- --quick               a short smoke run; writes to a temp folder
//   npm run bench -- --part=api,poll       only some parts (api, poll, effect, push); the
//                                          others keep their last figures in results.json
//   npm run bench -- --dialect=sqlite      only one dialect (sqlite, mariadb)
//   npm run bench -- --profile             also write a --cpu-prof profile of the server
//
// Not part of `npm test`: these are measurements, not timed tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { apiPart, pollPart, MIX, type ApiResults, type PollResults } from './parts.js';
import { effectPart, type EffectResults } from './effect.js';
import { pushPart, type PushResults } from './push.js';
import { latencyChart } from './chart.js';
import { mariaDbAvailable, ROOT, type DialectName } from './server.js';

interface Results {
  date: string;
  machine: Record<string, string>;
  quick: boolean;
  api: Partial<Record<DialectName, ApiResults>>;
  poll: Partial<Record<DialectName, PollResults>>;
  effect?: EffectResults;
  push?: Partial<Record<DialectName, PushResults>>;
  skipped: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const parts = new Set((option('part') ?? 'api,poll,effect,push').split(','));
const dialects = (option('dialect') ?? 'sqlite,mariadb').split(',') as DialectName[];
for (const p of parts) if (!['api', 'poll', 'effect', 'push'].includes(p)) throw new Error(`unknown part ${p}`);
for (const d of dialects) if (!['sqlite', 'mariadb'].includes(d)) throw new Error(`unknown dialect ${d}`);

const BENCH = join(ROOT, 'bench');
const outDir = quick ? mkdtempSync(join(tmpdir(), 'vbench-quick-')) : BENCH;
const resultsFile = join(outDir, 'results.json');

function machine(): Record<string, string> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? '?';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc').toString().trim();
  } catch {
    // keep os.cpus()
  }
  let mariadb = '';
  let chromium = '';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    chromium = 'not found';
  }
  try {
    mariadb = execFileSync('mariadb', ['--version']).toString().trim();
  } catch {
    mariadb = '';
  }
  return {
    nproc, cpu: model, memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    node: process.version, os: readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1] ?? '',
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(), mariadbClient: mariadb, chromium,
  };
}

function loadPrevious(): Results | undefined {
  if (quick || !existsSync(resultsFile)) return undefined;
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  } catch {
    return undefined;
  }
}

/** `--render`: rewrite RESULTS.md and latency.svg from results.json, measuring nothing. */
function writeOutputs(results: Results): void {
  const svg = latencyChart(
    Object.values(results.api).filter((a): a is ApiResults => !!a).map((a) => ({
      label: a.dialect === 'sqlite' ? 'SQLite' : 'MariaDB', color: a.dialect === 'sqlite' ? '#1f77b4' : '#d62728',
      points: a.rates.map((r) => ({ rate: r.rate, p50: r.stats.p50, p99: r.stats.p99, achieved: r.stats.throughput })),
    })),
    'Agent API mix: latency against offered load',
    `1,000 logged-in agents, one server process, ${results.machine.nproc} cores; ${results.date.slice(0, 10)}`,
  );
  writeFileSync(join(outDir, 'latency.svg'), svg);
  writeFileSync(join(outDir, 'RESULTS.md'), renderMarkdown(results));
}

async function main(): Promise<void> {
  if (flag('render')) {
    writeOutputs(JSON.parse(readFileSync(resultsFile, 'utf8')) as Results);
    return;
  }
  const started = Date.now();
  const prev = loadPrevious();
  const results: Results = {
    date: new Date().toISOString(), machine: machine(), quick, api: prev?.api ?? {}, poll: prev?.poll ?? {},
    effect: prev?.effect, push: prev?.push ?? {}, skipped: [],
  };
  const env: Record<string, string> = {};
  let nodeArgs: string[] | undefined;
  if (flag('profile')) {
    const profDir = join(outDir, 'profiles');
    mkdirSync(profDir, { recursive: true });
    nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
    console.log(`[bench] CPU profiles go to ${profDir}`);
  }
  // Diagnostics (bench/sql-trace.ts): per-statement SQLite timings, or the statement-cache experiment.
  if (flag('sql-trace') || flag('stmt-cache')) {
    nodeArgs = [...(nodeArgs ?? []), '--import', join(BENCH, 'sql-trace.ts')];
    if (flag('sql-trace')) env.BENCH_SQL_TRACE = join(outDir, `sql-trace-${Date.now()}.json`);
    if (flag('stmt-cache')) env.BENCH_STMT_CACHE = '1';
  }
  const usable: DialectName[] = [];
  for (const d of dialects) {
    if (d === 'mariadb' && !(await mariaDbAvailable())) {
      results.skipped.push('MariaDB: no server on 127.0.0.1:3306 (root, no password); its figures were not measured');
      console.log('[bench] MariaDB not reachable: skipped');
      continue;
    }
    usable.push(d);
  }
  for (const dialect of usable) {
    if (parts.has('api')) {
      results.api[dialect] = await apiPart({
        dialect, agents: 1000, env, nodeArgs,
        rates: quick ? [500, 2000] : [500, 1000, 2000, 3500, 5000],
        saturationS: quick ? 3 : 6, rateS: quick ? 3 : 5,
      });
    }
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 1)}\n`); // keep what is measured so far
    if (parts.has('push')) {
      results.push ??= {};
      results.push[dialect] = await pushPart({
        dialect, agents: quick ? 200 : 1000, tries: quick ? 50 : 200,
        steps: quick ? [500, 2000] : [1000, 2500, 5000, 10_000],
      });
      writeFileSync(resultsFile, `${JSON.stringify(results, null, 1)}\n`);
    }
    if (parts.has('poll')) {
      results.poll[dialect] = await pollPart({
        dialect, env, nodeArgs,
        maxAgents: quick ? 2000 : 10_000,
        steps: quick ? [500, 1000, 2000] : [250, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10_000],
        stepS: quick ? 4 : 8,
        memoryAt: quick ? [1000, 2000] : [1000, 10_000],
      });
    }
  }
  if (parts.has('effect')) {
    try {
      results.effect = await effectPart({ tries: quick ? 16 : 200, pages: 8 });
    } catch (err) {
      console.error(err);
      results.effect = { agents: 0, series: [], error: (err as Error).message.split('\n')[0] };
    }
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 1)}\n`);
  writeOutputs(results);
  console.log(`[bench] done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${join(outDir, 'RESULTS.md')}`);
}

const f0 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(0));
const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const mark = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');
const name = (d: DialectName) => (d === 'sqlite' ? 'SQLite' : 'MariaDB');

function renderMarkdown(r: Results): string {
  const L: string[] = [];
  const m = r.machine;
  L.push('# Benchmarks (issue #8)', '');
  L.push(`Measured by \`npm run bench\` on **${r.date.slice(0, 16).replace('T', ' ')} UTC**${r.quick ? ' (**--quick smoke run**, not the reference figures)' : ''}.`);
  L.push('Every figure comes from a server started as a child process (`npx tsx server/main.ts`) on a fresh database',
    '(a temporary SQLite file, or a throw-away MariaDB database `vbench_<random>` dropped afterwards), loaded with a',
    'generated scenario (`bench/scenario.ts`) whose `vicidial_live_agents` rows are the logged-in agents, with the',
    'simulated call generator off. The load generator (`bench/loadgen.ts`) runs on the same machine, over keep-alive',
    'loopback sockets, open loop at fixed rates with latency counted from each request\'s intended start (no',
    'coordinated omission); it refuses non-loopback targets and every run is bounded in count and time.', '');
  L.push('## Machine', '');
  L.push('| | |', '|---|---|');
  L.push(`| CPU | ${m.cpu} |`, `| cores (\`nproc\`) | ${m.nproc} |`, `| memory | ${m.memory} |`, `| Node | ${m.node} |`,
    `| OS | ${m.os}, kernel ${m.kernel} |`, `| MariaDB | ${m.mariadbClient || '?'} |`, `| Chromium | ${m.chromium} |`);
  L.push('', 'The load generator and the server share the two cores: the figures are lower bounds for a server',
    'with the machine to itself.', '');
  for (const s of r.skipped) L.push(`> **Skipped:** ${s}`, '');

  // Targets summary.
  const api = (d: DialectName) => r.api[d];
  L.push('## Targets', '');
  L.push('| target | SQLite | MariaDB |', '|---|---|---|');
  const apiRow = (label: string, test: (a: ApiResults, d: DialectName) => [boolean, string]) => {
    const cell = (d: DialectName) => {
      const a = api(d);
      if (!a) return 'not measured';
      const [ok, text] = test(a, d);
      return `${mark(ok)}: ${text}`;
    };
    L.push(`| ${label} | ${cell('sqlite')} | ${cell('mariadb')} |`);
  };
  apiRow('API mix ≥ 5,000 req/s on SQLite, ≥ 2,000 on MariaDB', (a, d) => [a.mix.throughput >= (d === 'sqlite' ? 5000 : 2000), `${f0(a.mix.throughput)} req/s`]);
  apiRow('API mix ≥ ¼ of the bare-route ceiling', (a) => [a.ratio >= 0.25, `${(a.ratio * 100).toFixed(1)} % of ${f0(a.bare.throughput)} req/s`]);
  const pollCell = (d: DialectName) => {
    const p = r.poll[d];
    return p ? `${mark(p.capacity >= 5000)}: ${p.capacity ? p.capacity.toLocaleString('en-US') : 'fewer than ' + (p.steps[0]?.agents ?? '?')} agents` : 'not measured';
  };
  L.push(`| ≥ 5,000 polling agents with p99 < 50 ms, one process | ${pollCell('sqlite')} | ${pollCell('mariadb')} |`);
  const memCell = (d: DialectName) => {
    const mem = r.poll[d]?.memory.find((x) => x.agents === 10_000);
    return mem ? `${mark(mem.rssMb < 300)}: ${f0(mem.rssMb)} MB` : 'not measured';
  };
  L.push(`| RSS < 300 MB with 10,000 agents | ${memCell('sqlite')} | ${memCell('mariadb')} |`);
  const eff = r.effect?.series ?? [];
  const effCell = eff.map((s) => (s.measured ? `${s.what.split(' (')[0]}: ${mark(s.p99 < 1200)} (p99 ${f0(s.p99)} ms)` : `${s.what.split(' (')[0]}: not measured yet`)).join('; ') || 'not measured';
  L.push(`| effect latency p99 < 1.2 s (SQLite; the screen holds the push stream) | ${effCell} | – |`, '');

  // 1. API throughput.
  L.push('## 1. API throughput (1,000 logged-in agents)', '');
  L.push('The mix, per request: ' + MIX.map(([n, s]) => `${n} ${s} %`).join(', ') + '. Every request is a GET with',
    'the API user\'s credentials, so it goes through the whole pipeline (settings, authentication, permission, the',
    'logged-in check, the function, `vicidial_api_log` + `vicidial_api_urls`), and the engine applies the commands',
    'it writes (pause/resume, dispositions, field updates) and fans notifications out to the screens. external_dial',
    'goes to agents of a campaign with `api_manual_dial=QUEUE`, so it queues the call rather than leaving the agent on',
    'a call for the rest of the run; update_fields goes to agents who have a lead on screen.', '');
  L.push('Saturation is a closed loop of 64 connections; the bare route (`GET /bench/bare`, registered with',
    '`BENCH_BARE_ROUTE=1`, a plain-text `OK`) on the same server in the same run is the ceiling.', '');
  L.push('| | SQLite | MariaDB |', '|---|---|---|');
  const both = (f: (a: ApiResults) => string) => `${api('sqlite') ? f(api('sqlite')!) : '–'} | ${api('mariadb') ? f(api('mariadb')!) : '–'}`;
  L.push(`| bare route, saturation | ${both((a) => `${f0(a.bare.throughput)} req/s (p50 ${f1(a.bare.p50)} ms)`)} |`);
  L.push(`| API mix, saturation | ${both((a) => `${f0(a.mix.throughput)} req/s (p50 ${f1(a.mix.p50)} ms, p99 ${f1(a.mix.p99)} ms)`)} |`);
  L.push(`| mix / bare | ${both((a) => `${(a.ratio * 100).toFixed(1)} %`)} |`);
  L.push(`| replies in the saturation run | ${both((a) => Object.entries(a.mix.kinds ?? {}).map(([k, v]) => `${k} ${v}`).join(', '))} |`);
  L.push(`| server start-up with the scenario | ${both((a) => `${(a.startupMs / 1000).toFixed(1)} s`)} |`);
  L.push(`| server RSS after the run (peak) | ${both((a) => `${f0(a.rssAfterMb)} MB (${f0(a.hwmMb)} MB)`)} |`, '');
  L.push('Fixed rates, open loop (latency from each request\'s intended start):', '');
  L.push('| offered req/s | SQLite achieved | SQLite p50 | SQLite p99 | MariaDB achieved | MariaDB p50 | MariaDB p99 |', '|---|---|---|---|---|---|---|');
  const rates = [...new Set(Object.values(r.api).flatMap((a) => a?.rates.map((x) => x.rate) ?? []))].sort((a, b) => a - b);
  for (const rate of rates) {
    const cell = (d: DialectName) => {
      const s = api(d)?.rates.find((x) => x.rate === rate)?.stats;
      if (!s) return '– | – | –';
      const late = s.timeouts ? ` (${s.timeouts} unanswered at the deadline)` : '';
      return `${f0(s.throughput)}${late} | ${f1(s.p50)} ms | ${f1(s.p99)} ms`;
    };
    L.push(`| ${rate} | ${cell('sqlite')} | ${cell('mariadb')} |`);
  }
  L.push('', '![API mix latency against offered load](latency.svg)', '');

  // 2. Poll capacity.
  L.push('## 2. Poll capacity', '');
  L.push('N agents each poll `GET /agent/snapshot` once a second (Bearer token, `If-None-Match` with the last ETag),',
    'phases spread evenly over the second, over 256 keep-alive connections; meanwhile the Agent API pauses or resumes',
    '5 % of them a second (`external_pause`), so their next poll is a full 200. The first second of every step',
    '(each agent\'s first poll, without an ETag) is not counted. A step passes with p99 < 50 ms and no errors.', '');
  for (const d of ['sqlite', 'mariadb'] as const) {
    const p = r.poll[d];
    if (!p) continue;
    L.push(`**${name(d)}**: capacity **${p.capacity ? p.capacity.toLocaleString('en-US') : 'below the first step'}** polling agents.`, '');
    L.push('| agents | polls/s achieved | 304 share | p50 | p99 | max | |', '|---|---|---|---|---|---|---|');
    for (const s of p.steps) {
      L.push(`| ${s.agents} | ${f0(s.stats.throughput)} | ${(s.notModified * 100).toFixed(0)} % | ${f1(s.stats.p50)} ms | ${f1(s.stats.p99)} ms | ${f1(s.stats.max)} ms | ${s.pass ? 'pass' : 'fail'}${s.stats.timeouts ? `, ${s.stats.timeouts} unanswered` : ''} |`);
    }
    L.push('');
  }

  // 3. Effect latency.
  L.push('## 3. Effect latency (API reply → visible in Chromium)', '');
  if (!r.effect) L.push('Not measured in this run.', '');
  else if (r.effect.error) L.push(`**Not measured**: ${r.effect.error}`, '');
  else {
    L.push(`SQLite, ${r.effect.agents} logged-in agents, 8 agent screens open at once in Debian's Chromium (headless), each`,
      'holding the push stream as the SPA does (server-sent events; one-second polling only as its fallback). Each try',
      'calls the Agent API, notes when its reply arrived, and the page notes the next animation frame after the DOM',
      'changed; tries are spaced by a random 0–1 s.', '');
    if (r.effect.note) L.push(`Note: ${r.effect.note}.`, '');
    L.push('| effect | tries | p50 | p99 | min | max | note |', '|---|---|---|---|---|---|---|');
    for (const s of r.effect.series) {
      L.push(s.measured
        ? `| ${s.what} | ${s.tries} | ${f0(s.p50)} ms | ${f0(s.p99)} ms | ${f0(s.min)} ms | ${f0(s.max)} ms | ${s.note} |`
        : `| ${s.what} | – | – | – | – | – | **${s.note}** |`);
    }
    L.push('');
  }

  // 3b. Push.
  L.push('## 3b. Push streams (server-sent events)', '');
  const pushes = Object.values(r.push ?? {}).filter((p): p is PushResults => !!p);
  if (!pushes.length) L.push('Not measured in this run.', '');
  for (const p of pushes) {
    L.push(`**${name(p.dialect)}**, ${p.agents} logged-in agents; N agent screens hold \`GET /agent/stream\` through a light`,
      'client (one raw loopback socket each, screens spread over the agents). RSS of the server\'s node process 1.5 s',
      `after the step's streams all received their first snapshot (before any stream: ${f0(p.baseRssMb)} MB).`, '');
    if (p.error) L.push(`**Stopped**: ${p.error}`, '');
    L.push('| streams | agents | server RSS | opened in |', '|---|---|---|---|');
    for (const s of p.steps) L.push(`| ${s.connections.toLocaleString('en-US')} | ${s.agents} | ${f0(s.rssMb)} MB | ${f1(s.openS)} s |`);
    if (p.latency) {
      L.push('', `API reply (external_pause) → the new snapshot on the agent's stream, with ${p.latency.connections.toLocaleString('en-US')} streams open:`,
        `p50 **${f1(p.latency.p50)} ms**, p99 **${f1(p.latency.p99)} ms**, max ${f1(p.latency.max)} ms over ${p.latency.tries} tries${p.latency.missed ? ` (${p.latency.missed} not seen within 5 s)` : ''}.`);
    }
    if (p.crossNode) {
      L.push('', 'Two server processes on one MariaDB database, the API called on node A, the agent\'s stream held by node B',
        `(B learns of the change from its screen_changes feed): p50 **${f1(p.crossNode.p50)} ms**, p99 **${f1(p.crossNode.p99)} ms**,`,
        `max ${f1(p.crossNode.max)} ms over ${p.crossNode.tries} tries${p.crossNode.missed ? ` (${p.crossNode.missed} not seen within 5 s)` : ''}.`);
    }
    L.push('');
  }

  // 4. Memory.
  L.push('## 4. Memory', '');
  L.push('RSS of the server\'s node process (`/proc/<pid>/status`, VmRSS) on the poll test\'s server, whose scenario',
    'logs in 10,000 agents: read 1.5 s after the first 1,000 of them, then all 10,000, have fetched their snapshot',
    'once, before the poll load. Part 1\'s table also gives the RSS of the 1,000-agent server after its API run.', '');
  L.push('| agents that have polled | SQLite RSS | MariaDB RSS |', '|---|---|---|');
  const memAgents = [...new Set(Object.values(r.poll).flatMap((p) => p?.memory.map((x) => x.agents) ?? []))].sort((a, b) => a - b);
  for (const n of memAgents) {
    const c = (d: DialectName) => {
      const x = r.poll[d]?.memory.find((y) => y.agents === n);
      return x ? `${f0(x.rssMb)} MB` : '–';
    };
    L.push(`| ${n.toLocaleString('en-US')} | ${c('sqlite')} | ${c('mariadb')} |`);
  }
  L.push('');

  const analysis = join(BENCH, 'analysis.md');
  if (existsSync(analysis)) L.push(readFileSync(analysis, 'utf8').trim(), '');
  return `${L.join('\n')}\n`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
