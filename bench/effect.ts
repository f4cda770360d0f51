// Part 3 of issue #8: from the Agent API call's reply to the effect visible in Chromium
// (Debian's /usr/bin/chromium, never a downloaded browser). Several agents' screens are
// open at once, each in its own browser context; each try calls the API, notes when the
// reply arrived, and the page notes (at the next animation frame after the DOM changed)
// when the effect appeared. A random pause between tries spreads them over the poll phase.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { API_PASS, API_USER, layoutFor, tokenP, userP } from './scenario.js';
import { Pool, get } from './loadgen.js';
import { ROOT, startServer } from './server.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wallNow = () => performance.timeOrigin + performance.now();

export interface EffectSeries {
  what: string;
  measured: boolean;
  note: string;
  tries: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
}

export interface EffectResults {
  agents: number;
  series: EffectSeries[];
  /** Why nothing was measured. */
  error?: string;
  /** About the build that was measured. */
  note?: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/ is the SPA the server serves: (re)built when missing or older than src/. */
export function ensureBuilt(force = false): void {
  const index = join(ROOT, 'dist', 'index.html');
  if (!force && existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  log('building the agent screen (npm run build)');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    // src/ may be mid-edit: measure the last good build rather than nothing.
    if (!existsSync(index)) throw new Error(`npm run build failed and there is no dist/: ${(err as Error).message.split('\n')[0]}`);
    log('npm run build failed: measuring the existing dist/ (older than src/)');
    builtNote = 'the screen measured is the last good build in dist/ (npm run build failed on the src/ of this run)';
  }
}

export let builtNote = '';

// Runs in every page: records state-pill changes and texts appearing on screen, with the
// wall-clock time of the next frame after the change.
// Plain JavaScript text, not a function: tsx would add helpers (__name) the page lacks.
const OBSERVER = `(() => {
  window.__bench = [];
  window.__benchWatch = [];
  let lastState = '';
  const seen = new Set();
  function check() {
    const pill = document.querySelector('[data-testid="state-pill"]');
    const state = (pill && pill.getAttribute('data-state')) || '';
    const found = [];
    if (state !== lastState) {
      lastState = state;
      found.push({ kind: 'state', v: state });
    }
    if (window.__benchWatch.length) {
      const n = document.querySelector('[data-testid="agent-alert-text"], [data-testid="notification"]');
      const layer = (n && n.parentElement) || document.body;
      const text = (layer && layer.textContent) || '';
      for (const want of window.__benchWatch) {
        if (!seen.has(want) && text.includes(want)) {
          seen.add(want);
          found.push({ kind: 'text', v: want });
        }
      }
    }
    if (found.length) requestAnimationFrame(function () {
      const t = performance.timeOrigin + performance.now();
      for (const f of found) window.__bench.push({ kind: f.kind, v: f.v, t: t });
    });
  }
  function start() {
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(what: string, lat: number[], note: string): EffectSeries {
  const s = [...lat].sort((a, b) => a - b);
  return { what, measured: s.length > 0, note, tries: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, min: s[0] ?? NaN };
}

async function waitFor(page: Page, kind: string, value: string, fromIndex: number, timeoutMs: number): Promise<number | undefined> {
  try {
    const test = value.startsWith('!')
      ? `e.v !== ${JSON.stringify(value.slice(1))} && e.v !== 'loading' && e.v !== ''`
      : `e.v === ${JSON.stringify(value)}`;
    const handle = await page.waitForFunction(
      `(function () { const ev = window.__bench; for (let i = ${fromIndex}; i < ev.length; i++) { const e = ev[i]; if (e.kind === ${JSON.stringify(kind)} && ${test}) return e.t; } return false; })()`,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } catch (err) {
    if (process.env.BENCH_DEBUG) console.error(err);
    return undefined;
  }
}

const eventCount = (page: Page) => page.evaluate('window.__bench.length') as Promise<number>;

export async function effectPart({ tries, pages: pageCount }: { tries: number; pages: number }): Promise<EffectResults> {
  ensureBuilt();
  const agents = 1000;
  log(`effect latency: starting the server (SQLite, ${agents} agents), ${pageCount} screens in Chromium`);
  const server = await startServer({ dialect: 'sqlite', layout: layoutFor(agents, true) });
  const api = new Pool(server.url, 8);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    });
    const pages: Page[] = [];
    for (let k = 1; k <= pageCount; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      await context.addInitScript(({ token, user }) => {
        try {
          sessionStorage.setItem('agent.session', JSON.stringify({ token, user }));
        } catch {
          // about:blank has no storage
        }
      }, { token: tokenP(k), user: userP(k) });
      await context.addInitScript({ content: OBSERVER });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('[data-testid="state-pill"][data-state="paused"]').waitFor({ timeout: 20_000 });
      pages.push(page);
    }
    const call = async (query: string) => {
      const res = await get(api, { path: `/agc/api.php?source=bench&user=${API_USER}&pass=${API_PASS}&${query}` });
      return { at: wallNow(), body: res.body };
    };

    // The pause badge: RESUME (paused → ready), then PAUSE (ready → paused), alternating.
    const perPage = Math.ceil(tries / pageCount);
    const pauseLat: number[] = [];
    let missed = 0;
    await Promise.all(pages.map(async (page, idx) => {
      const user = userP(idx + 1);
      let paused = true;
      for (let t = 0; t < perPage && pauseLat.length + missed < tries; t++) {
        await sleep(Math.random() * 1000);
        const from = await eventCount(page);
        const value = paused ? 'RESUME' : 'PAUSE';
        const reply = await call(`function=external_pause&agent_user=${user}&value=${value}`);
        if (!reply.body.startsWith('SUCCESS')) throw new Error(`external_pause refused: ${reply.body}`);
        // RESUME leads to READY or CLOSER (the agents take in-group calls): any state but paused.
        const seen = await waitFor(page, 'state', paused ? '!paused' : 'paused', from, 10_000);
        if (seen === undefined) missed++;
        else pauseLat.push(seen - reply.at);
        paused = !paused;
      }
    }));
    const pause = summary('pause badge (external_pause → state-pill data-state)', pauseLat, missed ? `${missed} tries not seen within 10 s (counted out)` : '');
    log(`effect latency: pause badge p50 ${pause.p50.toFixed(0)} ms, p99 ${pause.p99.toFixed(0)} ms over ${pause.tries} tries`);

    // Notifications: a probe first, since the notification component may not exist yet.
    const series = [pause];
    const watch = (page: Page, text: string) => page.evaluate(`window.__benchWatch.push(${JSON.stringify(text)})`);
    const probeText = 'bench-probe-end';
    await watch(pages[0], probeText);
    const pFrom = await eventCount(pages[0]);
    await call(`function=send_notification&recipient=${userP(1)}&recipient_type=USER&notification_text=${probeText}&show_confetti=N`);
    const probe = await waitFor(pages[0], 'text', probeText, pFrom, 6_000);
    // The screen keeps an alert up until the agent presses OK, and queues the next behind it.
    const dismiss = async (page: Page) => {
      const ok = page.locator('[data-testid="agent-alert"] button.btn-primary');
      if (await ok.count()) await ok.first().click({ timeout: 2_000 }).catch(() => undefined);
    };
    await dismiss(pages[0]);
    if (probe === undefined) {
      series.push(summary('notification shown (send_notification → text on screen)', [],
        'not measured yet: the agent screen showed no notification text within 6 s (no notification component in the build measured)'));
      log('effect latency: notification not shown by the screen: not measured');
    } else {
      await sleep(2000);
      const notifLat: number[] = [];
      let nMissed = 0;
      let seq = 0;
      await Promise.all(pages.map(async (page, idx) => {
        const user = userP(idx + 1);
        for (let t = 0; t < perPage && notifLat.length + nMissed < tries; t++) {
          await sleep(Math.random() * 1000);
          const text = `bench-note-${++seq}-end`;
          await watch(page, text);
          const from = await eventCount(page);
          const reply = await call(`function=send_notification&recipient=${user}&recipient_type=USER&notification_text=${text}&show_confetti=N`);
          if (!reply.body.startsWith('SUCCESS')) throw new Error(`send_notification refused: ${reply.body}`);
          const seen = await waitFor(page, 'text', text, from, 10_000);
          if (seen === undefined) nMissed++;
          else notifLat.push(seen - reply.at);
          await dismiss(page);
        }
      }));
      const n = summary('notification shown (send_notification → text on screen)', notifLat, nMissed ? `${nMissed} tries not seen within 10 s (counted out)` : '');
      log(`effect latency: notification p50 ${n.p50.toFixed(0)} ms, p99 ${n.p99.toFixed(0)} ms over ${n.tries} tries`);
      series.push(n);
    }
    return { agents, series, note: builtNote || undefined };
  } finally {
    await browser?.close().catch(() => undefined);
    api.close();
    await server.stop();
  }
}
