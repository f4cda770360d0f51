// Bench-only diagnostics, loaded into the server with `node --import` (never in production):
//   BENCH_SQL_TRACE=<file>   time every better-sqlite3 statement by its SQL text and write
//                            the totals to <file> when the process exits
//   BENCH_STMT_CACHE=1       reuse prepared statements by SQL text (an experiment for the
//                            fix proposed in bench/analysis.md, not the measured server)
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';

type Stmt = { source: string; all: (...a: unknown[]) => unknown; run: (...a: unknown[]) => unknown; get: (...a: unknown[]) => unknown };
const proto = Database.prototype as unknown as { prepare: (this: unknown, sql: string) => Stmt };
const originalPrepare = proto.prepare;

if (process.env.BENCH_STMT_CACHE === '1') {
  const caches = new WeakMap<object, Map<string, Stmt>>();
  proto.prepare = function prepare(this: unknown, sql: string) {
    let cache = caches.get(this as object);
    if (!cache) caches.set(this as object, (cache = new Map()));
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = originalPrepare.call(this, sql);
      if (cache.size > 2000) cache.clear();
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

const traceFile = process.env.BENCH_SQL_TRACE;
if (traceFile) {
  const stats = new Map<string, { n: number; ms: number; prepareMs: number }>();
  const entry = (sql: string) => {
    let e = stats.get(sql);
    if (!e) stats.set(sql, (e = { n: 0, ms: 0, prepareMs: 0 }));
    return e;
  };
  const patchedPrepare = proto.prepare;
  let patchedProto = false;
  proto.prepare = function prepare(this: unknown, sql: string) {
    const t0 = performance.now();
    const stmt = patchedPrepare.call(this, sql);
    entry(sql).prepareMs += performance.now() - t0;
    if (!patchedProto) {
      patchedProto = true;
      const sp = Object.getPrototypeOf(stmt) as Stmt;
      for (const m of ['all', 'run', 'get'] as const) {
        const orig = sp[m];
        sp[m] = function (this: Stmt, ...a: unknown[]) {
          const t = performance.now();
          try {
            return orig.apply(this, a);
          } finally {
            const e = entry(this.source);
            e.n++;
            e.ms += performance.now() - t;
          }
        };
      }
    }
    return stmt;
  };
  const dump = () => {
    const rows = [...stats].map(([sql, e]) => ({ sql, ...e })).sort((a, b) => b.ms + b.prepareMs - (a.ms + a.prepareMs));
    writeFileSync(traceFile, JSON.stringify(rows, null, 1));
  };
  process.on('exit', dump);
}
