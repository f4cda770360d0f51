// Each node's view of the agent screens: one cached snapshot per agent, rebuilt only when a
// screen_changes row (written by the triggers in screen-triggers.ts, in the writer's own
// transaction) names one of the keys it was built from; and the server-sent-event streams
// that receive it the moment it changes.
//
// The change feed: every 50 ms (and at once after a local request, poke()) the node reads
// `screen_changes WHERE change_id > last`. On MariaDB ids are allocated before commit, so an
// id below `last` can still appear: missing ids are remembered for 60 s and asked for again.
// A poll answers from the cache after one shared feed read (sync()), so an unchanged poll
// costs the token lookup, that read and an in-memory compare; nothing is built.
//
// Per stream: the socket's response and the id last sent. No per-stream timers: one shared
// heartbeat; a snapshot is serialised once per version and written to all of an agent's streams.
import type { ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { buildSnapshotWithKeys, invalidateCampaignStatics } from './snapshot.js';

export interface ScreenStream {
  user: string;
  /** The ETag of the last snapshot this stream holds (Last-Event-ID on reconnect). */
  lastId: string;
  res: ServerResponse;
}

interface Entry {
  user: string;
  /** The snapshot as JSON after its serverTime (kept as text: a tenth of the objects' memory). */
  tail?: string;
  etag: string;
  keys: string[];
  dirty: boolean;
  building?: Promise<void>;
  usedAt: number;
  streams: Set<ScreenStream>;
}

export interface ScreenHubOptions {
  simulated: () => boolean;
  onError?: (err: unknown) => void;
  feedMs?: number;
  heartbeatMs?: number;
}

const GAP_KEEP_MS = 60_000;
const FEED_BATCH = 5000;
const IDLE_EVICT_MS = 120_000;

export class ScreenHub {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new Map<string, Set<string>>();
  /** Keys the feed saw while builds were running (a build registers its keys only when done). */
  private readonly inFlight = new Set<Set<string>>();
  private last = -1;
  private readonly gaps = new Map<number, number>();
  private reading?: Promise<void>;
  private again?: Promise<void>;
  private timers: NodeJS.Timeout[] = [];
  private pushQueue = new Set<string>();
  private pushScheduled = false;
  streamCount = 0;
  /** Feed reads done (for tests and the bench). */
  feedReads = 0;

  constructor(private readonly database: Database, private readonly options: ScreenHubOptions) {}

  start(): void {
    if (this.timers.length) return;
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.options.feedMs ?? 50, () => { if (this.entries.size) void this.sync(); });
    every(this.options.heartbeatMs ?? 15_000, () => this.heartbeat());
    every(5_000, () => void this.prune().catch((err) => this.options.onError?.(err)));
    every(30_000, () => this.evictIdle());
  }

  /** End every stream and stop the timers (server shutdown: clients reconnect elsewhere). */
  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const e of this.entries.values()) for (const s of e.streams) s.res.end();
    this.entries.clear();
    this.index.clear();
  }

  /**
   * A local request finished: its commit should reach the streams now, not in ≤ 50 ms. The
   * commands it wrote may be applied by the engine a moment later, so the feed is read every
   * few ms for a short while (cheap: an empty primary-key range read).
   */
  poke(): void {
    if (this.streamCount <= 0) return;
    this.burstUntil = Date.now() + 150;
    if (this.bursting) return;
    this.bursting = true;
    void (async () => {
      try {
        while (Date.now() < this.burstUntil && this.timers.length) {
          await this.sync();
          await new Promise((ok) => setTimeout(ok, 4));
        }
      } finally {
        this.bursting = false;
      }
    })();
  }
  private burstUntil = 0;
  private bursting = false;

  /** One feed read that starts after this call; concurrent callers share it. */
  sync(): Promise<void> {
    if (!this.reading) {
      this.reading = this.readFeed().catch((err) => this.options.onError?.(err)).finally(() => { this.reading = undefined; });
      return this.reading;
    }
    this.again ??= this.reading.then(() => { this.again = undefined; return this.sync(); });
    return this.again;
  }

  private async readFeed(): Promise<void> {
    const { db } = this.database;
    this.feedReads++;
    if (this.last < 0) {
      const row = await db.selectFrom('screen_changes').select(sql<number>`MAX(change_id)`.as('m')).executeTakeFirst();
      this.last = Number(row?.m ?? 0);
      return;
    }
    for (;;) {
      const gapIds = [...this.gaps.keys()].slice(0, 500);
      const rows = await db.selectFrom('screen_changes').select(['change_id', 'skey'])
        .where((eb) => (gapIds.length ? eb.or([eb('change_id', '>', this.last), eb('change_id', 'in', gapIds)]) : eb('change_id', '>', this.last)))
        .orderBy('change_id').limit(FEED_BATCH).execute();
      const now = Date.now();
      const keys = new Set<string>();
      for (const r of rows) {
        const id = Number(r.change_id);
        if (id > this.last) {
          // Ids between the last seen and this one may belong to transactions not yet committed.
          if (id - this.last <= 1000) for (let g = this.last + 1; g < id; g++) this.gaps.set(g, now);
          this.last = id;
        } else this.gaps.delete(id);
        keys.add(r.skey);
      }
      for (const [id, at] of this.gaps) if (now - at > GAP_KEEP_MS) this.gaps.delete(id);
      if (this.gaps.size > 10_000) for (const id of [...this.gaps.keys()].slice(0, this.gaps.size - 10_000)) this.gaps.delete(id);
      this.changed(keys);
      if (rows.length < FEED_BATCH) return;
    }
  }

  /** Mark the snapshots built from these keys out of date; push to their streams. */
  changed(keys: Iterable<string>): void {
    for (const key of keys) {
      for (const seen of this.inFlight) seen.add(key);
      if (key === '*') {
        invalidateCampaignStatics(this.database);
        for (const user of this.entries.keys()) this.markDirty(user);
        continue;
      }
      if (key.startsWith('k:')) invalidateCampaignStatics(this.database, key.slice(2));
      for (const user of this.index.get(key) ?? []) this.markDirty(user);
    }
  }

  private markDirty(user: string): void {
    const e = this.entries.get(user);
    if (!e) return;
    e.dirty = true;
    if (e.streams.size) {
      this.pushQueue.add(user);
      if (!this.pushScheduled) {
        this.pushScheduled = true;
        setImmediate(() => this.flushPushes());
      }
    }
  }

  private flushPushes(): void {
    this.pushScheduled = false;
    const users = [...this.pushQueue];
    this.pushQueue.clear();
    for (const user of users) void this.push(user).catch((err) => this.options.onError?.(err));
  }

  private register(e: Entry, keys: string[]): void {
    for (const k of e.keys) this.index.get(k)?.delete(e.user);
    for (const k of keys) {
      let users = this.index.get(k);
      if (!users) this.index.set(k, (users = new Set()));
      users.add(e.user);
    }
    e.keys = keys;
  }

  private drop(e: Entry): void {
    for (const k of e.keys) {
      const users = this.index.get(k);
      users?.delete(e.user);
      if (users && !users.size) this.index.delete(k);
    }
    this.entries.delete(e.user);
  }

  private async rebuild(e: Entry): Promise<void> {
    e.dirty = false;
    const seen = new Set<string>();
    this.inFlight.add(seen);
    let built;
    try {
      built = await buildSnapshotWithKeys(this.database.db, this.database, e.user, this.options.simulated());
    } finally {
      this.inFlight.delete(seen);
    }
    if (!built) {
      // Logged out: the streams are told so and closed.
      for (const s of e.streams) {
        s.res.write('event: logout\ndata: {}\n\n');
        s.res.end();
      }
      this.streamCount -= e.streams.size;
      e.streams.clear();
      this.drop(e);
      return;
    }
    const before = new Set(e.keys);
    const added = built.keys.filter((k) => !before.has(k));
    this.register(e, built.keys);
    // A key this snapshot newly depends on changed while it was being built: build again.
    if (added.some((k) => seen.has(k)) || seen.has('*')) e.dirty = true;
    const { version, serverTime, ...rest } = built.snapshot;
    void serverTime;
    e.tail = JSON.stringify(rest).slice(1);
    e.etag = version;
  }

  /** The agent's snapshot as of now (after a feed read), built only if something it shows changed. */
  async current(user: string): Promise<Entry | undefined> {
    await this.sync();
    for (let round = 0; round < 4; round++) {
      let e = this.entries.get(user);
      if (e?.building) {
        await e.building;
        continue;
      }
      if (e && !e.dirty && e.tail !== undefined) {
        e.usedAt = Date.now();
        return e;
      }
      if (!e) {
        e = { user, etag: '', keys: [], dirty: true, usedAt: Date.now(), streams: new Set() };
        this.entries.set(user, e);
        this.register(e, ['*', `u:${user}`]);
      }
      const entry = e;
      entry.building = this.rebuild(entry).finally(() => { entry.building = undefined; });
      await entry.building;
    }
    const e = this.entries.get(user);
    return e?.tail !== undefined ? e : undefined;
  }

  private send(s: ScreenStream, e: Entry, payload: string): void {
    s.lastId = e.etag;
    s.res.write(payload);
  }

  /** The snapshot's JSON with the current server time. */
  json(e: Entry): string {
    return `{"version":${JSON.stringify(e.etag)},"serverTime":${Date.now()}${e.tail === '}' ? '' : ','}${e.tail}`;
  }

  private payloadOf(e: Entry): string {
    return `id: ${e.etag}\nevent: snapshot\ndata: ${this.json(e)}\n\n`;
  }

  private async push(user: string): Promise<void> {
    const e = await this.current(user);
    if (!e) return;
    let payload: string | undefined;
    for (const s of e.streams) {
      if (s.lastId === e.etag) continue;
      payload ??= this.payloadOf(e);
      this.send(s, e, payload);
    }
  }

  /** Attach a stream: it gets the current snapshot unless it already has it (Last-Event-ID). */
  async subscribe(s: ScreenStream): Promise<boolean> {
    this.start();
    const e = await this.current(s.user);
    if (!e) return false;
    e.streams.add(s);
    this.streamCount++;
    if (s.lastId !== e.etag) this.send(s, e, this.payloadOf(e));
    return true;
  }

  unsubscribe(s: ScreenStream): void {
    const e = this.entries.get(s.user);
    if (e?.streams.delete(s)) {
      this.streamCount--;
      e.usedAt = Date.now();
    }
  }

  private heartbeat(): void {
    for (const e of this.entries.values()) for (const s of e.streams) s.res.write(':\n\n');
  }

  private evictIdle(): void {
    const cutoff = Date.now() - IDLE_EVICT_MS;
    for (const e of [...this.entries.values()]) if (!e.streams.size && !e.building && e.usedAt < cutoff) this.drop(e);
  }

  /**
   * Delete change rows that a newer row for the same key supersedes: a reader that has not
   * seen them yet will see the newer row, so nothing is lost.
   */
  async prune(): Promise<number> {
    const { db } = this.database;
    // The table was emptied and its ids restarted (a restore): start over, rebuild everything.
    const top = await db.selectFrom('screen_changes').select(sql<number>`MAX(change_id)`.as('m')).executeTakeFirst();
    if (this.last >= 0 && Number(top?.m ?? 0) < this.last) {
      this.last = Number(top?.m ?? 0);
      this.gaps.clear();
      this.changed(['*']);
    }
    const rows = await sql<{ change_id: number }>`SELECT s.change_id FROM screen_changes s
      WHERE EXISTS (SELECT 1 FROM screen_changes t WHERE t.skey = s.skey AND t.change_id > s.change_id) LIMIT 2000`.execute(db);
    const ids = rows.rows.map((r) => Number(r.change_id));
    if (ids.length) await db.deleteFrom('screen_changes').where('change_id', 'in', ids).execute();
    return ids.length;
  }
}
