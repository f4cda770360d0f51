// A small HTTP/1.1 load generator over raw keep-alive sockets (cheap on the client's CPU,
// which shares this 2-core machine with the server). Open-loop at fixed rates, with
// latency measured from each request's *intended* start, so a slow server cannot hide its
// queueing by slowing the generator down (coordinated omission). Every run is bounded by
// a request count and a deadline, and only loopback targets are accepted.
import net from 'node:net';

/** Refuse anything but loopback: this tool must never load someone else's server. */
export function assertLoopback(host: string): void {
  const h = host.replace(/^\[|\]$/g, '');
  const ok = h === 'localhost' || h === '::1' || (net.isIPv4(h) && h.startsWith('127.'));
  if (!ok) throw new Error(`load generator: refusing non-loopback target "${host}"`);
}

export interface Request {
  path: string;
  headers?: Record<string, string>;
}

export interface Response {
  status: number;
  etag: string | undefined;
  body: string;
}

type Done = (err: Error | undefined, res: Response | undefined) => void;

/** One keep-alive connection, one request in flight at a time. */
class Conn {
  private socket: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private done: Done | undefined;
  private headerEnd = -1;
  private status = 0;
  private length = 0;
  private etag: string | undefined;
  alive = true;

  constructor(private readonly host: string, private readonly port: number, private readonly hostHeader: string, private readonly onClose: (c: Conn) => void) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (err?: Error) => {
      this.alive = false;
      const d = this.done;
      this.done = undefined;
      d?.(err ?? new Error('connection closed'), undefined);
      this.onClose(this);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail());
  }

  get busy(): boolean {
    return this.done !== undefined;
  }

  send(req: Request, done: Done): void {
    this.done = done;
    this.buf = Buffer.alloc(0);
    this.headerEnd = -1;
    let head = `GET ${req.path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nConnection: keep-alive\r\n`;
    if (req.headers) for (const [k, v] of Object.entries(req.headers)) head += `${k}: ${v}\r\n`;
    this.socket.write(`${head}\r\n`);
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    if (this.headerEnd < 0) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.headerEnd = end + 4;
      const head = this.buf.subarray(0, end).toString('latin1');
      this.status = Number(head.slice(9, 12));
      const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!cl && /\r\ntransfer-encoding:\s*chunked/i.test(head)) {
        this.socket.destroy(new Error('chunked replies are not supported by the bench client'));
        return;
      }
      this.length = cl ? Number(cl[1]) : 0;
      this.etag = /\r\netag:\s*([^\r\n]+)/i.exec(head)?.[1];
    }
    if (this.buf.length - this.headerEnd < this.length) return;
    const body = this.buf.subarray(this.headerEnd, this.headerEnd + this.length).toString('utf8');
    const d = this.done;
    this.done = undefined;
    this.buf = Buffer.alloc(0);
    this.headerEnd = -1;
    d?.(undefined, { status: this.status, etag: this.etag, body });
  }

  close(): void {
    this.alive = false;
    this.socket.destroy();
  }
}

/** A pool of keep-alive connections with a FIFO of waiting requests. */
export class Pool {
  private readonly conns: Conn[] = [];
  private readonly idle: Conn[] = [];
  private readonly waiting: Array<{ req: Request; done: Done }> = [];
  private closed = false;

  constructor(readonly baseUrl: string, private readonly size: number) {
    const u = new URL(baseUrl);
    assertLoopback(u.hostname);
    this.host = u.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(u.port || 80);
    this.hostHeader = u.host;
  }

  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;

  private connect(): Conn {
    const c = new Conn(this.host, this.port, this.hostHeader, (dead) => {
      const i = this.conns.indexOf(dead);
      if (i >= 0) this.conns.splice(i, 1);
      const j = this.idle.indexOf(dead);
      if (j >= 0) this.idle.splice(j, 1);
    });
    this.conns.push(c);
    return c;
  }

  request(req: Request, done: Done): void {
    if (this.closed) return done(new Error('pool closed'), undefined);
    let c = this.idle.pop();
    while (c && !c.alive) c = this.idle.pop();
    if (!c && this.conns.length < this.size) c = this.connect();
    if (!c) {
      this.waiting.push({ req, done });
      return;
    }
    this.dispatch(c, req, done);
  }

  private dispatch(c: Conn, req: Request, done: Done): void {
    c.send(req, (err, res) => {
      done(err, res);
      if (!c.alive) {
        // Replace a dead connection so waiting requests still go out.
        const next = this.waiting.shift();
        if (next) this.request(next.req, next.done);
        return;
      }
      const next = this.waiting.shift();
      if (next) this.dispatch(c, next.req, next.done);
      else this.idle.push(c);
    });
  }

  /** Fail every request still waiting for a connection (a run that hit its deadline). */
  cancelWaiting(): void {
    for (const w of this.waiting.splice(0)) w.done(new Error('cancelled at the deadline'), undefined);
  }

  get queued(): number {
    return this.waiting.length;
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.done(new Error('pool closed'), undefined);
    for (const c of this.conns.splice(0)) c.close();
    this.idle.length = 0;
  }
}

export function get(pool: Pool, req: Request): Promise<Response> {
  return new Promise((ok, fail) => pool.request(req, (err, res) => (err ? fail(err) : ok(res!))));
}

export interface Stats {
  /** Requests sent (scheduled and started). */
  sent: number;
  completed: number;
  errors: number;
  /** HTTP status other than 200/304. */
  badStatus: number;
  /** Not answered by the deadline. */
  timeouts: number;
  elapsedS: number;
  /** Completed per second over the run. */
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Reply first word (SUCCESS/ERROR/NOTICE/...) counts, when `classify` was given. */
  kinds?: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarise(lat: Float64Array, n: number, base: Omit<Stats, 'p50' | 'p90' | 'p99' | 'max' | 'throughput'>): Stats {
  const s = lat.slice(0, n).sort();
  return {
    ...base,
    throughput: base.completed / base.elapsedS,
    p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: n ? s[n - 1] : NaN,
  };
}

const nowMs = () => performance.now();

export interface OpenLoopOptions {
  pool: Pool;
  /** Requests per second (constant, evenly spaced). */
  rate: number;
  durationS: number;
  /** Seconds to wait for stragglers after the last send before counting them as timeouts. */
  drainS?: number;
  /** The i-th request. */
  next: (i: number) => Request;
  /** Called with each reply (e.g. to keep ETags). */
  onReply?: (i: number, res: Response) => void;
  /** Only requests i with record(i) true are counted in the latency figures (warm-up). */
  record?: (i: number, intendedMs: number) => boolean;
  classify?: (res: Response) => string;
}

/**
 * Open loop: request i is due at start + i/rate whatever happened to earlier ones; its
 * latency is (reply time − due time). Stops after rate × duration requests, and at the
 * deadline (duration + drain) whatever is still outstanding counts as a timeout.
 */
export function openLoop(o: OpenLoopOptions): Promise<Stats> {
  const total = Math.max(1, Math.round(o.rate * o.durationS));
  const interval = 1000 / o.rate;
  const lat = new Float64Array(total);
  let n = 0;
  let sent = 0;
  let completed = 0;
  let errors = 0;
  let badStatus = 0;
  let outstanding = 0;
  const kinds: Record<string, number> = {};
  const start = nowMs() + 20;
  const deadline = start + (o.durationS + (o.drainS ?? 5)) * 1000;
  let lastDone = start;

  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      clearTimeout(killer);
      o.pool.cancelWaiting();
      const end = Math.max(lastDone, start + 1);
      resolve(summarise(lat, n, {
        sent, completed, errors, badStatus, timeouts: outstanding,
        elapsedS: (end - start) / 1000, kinds: o.classify ? kinds : undefined,
      }));
    };
    const killer = setTimeout(finish, deadline - nowMs());
    const fire = () => {
      const t = nowMs();
      while (sent < total && start + sent * interval <= t) {
        const i = sent++;
        const due = start + i * interval;
        outstanding++;
        o.pool.request(o.next(i), (err, res) => {
          if (finished) return;
          outstanding--;
          const done = nowMs();
          lastDone = done;
          if (err || !res) errors++;
          else {
            completed++;
            if (res.status !== 200 && res.status !== 304) badStatus++;
            o.onReply?.(i, res);
            if (o.classify) {
              const k = o.classify(res);
              kinds[k] = (kinds[k] ?? 0) + 1;
            }
            if (!o.record || o.record(i, due)) lat[n++] = done - due;
          }
          if (sent >= total && outstanding === 0) finish();
        });
      }
    };
    // A 1 ms tick: each tick sends every request that has come due.
    const timer = setInterval(fire, 1);
    setTimeout(fire, Math.max(0, start - nowMs()));
  });
}

export interface ClosedLoopOptions {
  pool: Pool;
  concurrency: number;
  durationS: number;
  maxRequests: number;
  next: (i: number) => Request;
  classify?: (res: Response) => string;
}

/** Closed loop at a fixed concurrency: the saturation throughput (requests per second). */
export function closedLoop(o: ClosedLoopOptions): Promise<Stats> {
  const lat = new Float64Array(o.maxRequests);
  let n = 0;
  let sent = 0;
  let completed = 0;
  let errors = 0;
  let badStatus = 0;
  let outstanding = 0;
  const kinds: Record<string, number> = {};
  const start = nowMs();
  const stopAt = start + o.durationS * 1000;
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(killer);
      resolve(summarise(lat, n, {
        sent, completed, errors, badStatus, timeouts: outstanding,
        elapsedS: (nowMs() - start) / 1000, kinds: o.classify ? kinds : undefined,
      }));
    };
    const killer = setTimeout(finish, o.durationS * 1000 + 10_000);
    const one = () => {
      if (nowMs() >= stopAt || sent >= o.maxRequests) {
        if (outstanding === 0) finish();
        return;
      }
      const i = sent++;
      const t0 = nowMs();
      outstanding++;
      o.pool.request(o.next(i), (err, res) => {
        outstanding--;
        if (finished) return;
        if (err || !res) errors++;
        else {
          completed++;
          if (res.status !== 200 && res.status !== 304) badStatus++;
          if (o.classify) {
            const k = o.classify(res);
            kinds[k] = (kinds[k] ?? 0) + 1;
          }
          lat[n++] = nowMs() - t0;
        }
        one();
      });
    };
    for (let c = 0; c < o.concurrency; c++) one();
  });
}
