// Push: a server-sent-event stream (GET /agent/stream?token=…) carries each new snapshot
// the moment it is committed; it is written into the TanStack Query cache, and the
// one-second poll slows to a 15 s safety poll. When the stream cannot be held (a proxy that
// buffers, a browser without EventSource, repeated errors) the screen polls every second
// and tries the stream again later. The mode is shown in the details drawer.
import { create } from 'zustand';
import type { AgentSnapshot } from '../../contract/agent.js';

export type UpdateMode = 'push' | 'polling';

export const PUSH_SAFETY_POLL_MS = 15_000;
/** No snapshot this long after opening: something between us buffers the stream. */
export const FIRST_EVENT_TIMEOUT_MS = 5_000;
/** Errors in a row (without a snapshot between them) before falling back to polling. */
export const MAX_ERRORS = 5;
/** After falling back, try the stream again this much later. */
export const RETRY_PUSH_MS = 30_000;

export const useUpdateMode = create<{ mode: UpdateMode; set: (mode: UpdateMode) => void }>((set) => ({
  mode: 'polling',
  set: (mode) => set({ mode }),
}));

/** What the controller needs of EventSource (so tests can pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
  onerror: ((ev: Event) => void) | null;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface PushHandlers {
  /** A snapshot arrived; `etag` is its version in ETag form. */
  snapshot: (snapshot: AgentSnapshot, etag: string) => void;
  /** The server says the session is over. */
  logout: () => void;
  mode: (mode: UpdateMode) => void;
}

const CLOSED = 2;

/** One screen's stream, with its fallback to polling. No React in here. */
export class PushConnection {
  private source: EventSourceLike | null = null;
  private errors = 0;
  private firstEventTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly token: string, private readonly handlers: PushHandlers, private readonly factory: EventSourceFactory | null) {}

  start(): void {
    if (this.stopped) return;
    if (!this.factory) return this.fallBack(false);
    let source: EventSourceLike;
    try {
      source = this.factory(`/agent/stream?token=${encodeURIComponent(this.token)}`);
    } catch {
      return this.fallBack(true);
    }
    this.source = source;
    this.errors = 0;
    this.firstEventTimer = setTimeout(() => this.fallBack(true), FIRST_EVENT_TIMEOUT_MS);
    source.addEventListener('snapshot', (ev) => {
      clearTimeout(this.firstEventTimer);
      this.errors = 0;
      let snapshot: AgentSnapshot;
      try {
        snapshot = JSON.parse(String(ev.data)) as AgentSnapshot;
      } catch {
        return;
      }
      this.handlers.mode('push');
      this.handlers.snapshot(snapshot, `"${ev.lastEventId || snapshot.version}"`);
    });
    source.addEventListener('logout', () => {
      this.close();
      this.handlers.logout();
    });
    source.onerror = () => {
      this.errors++;
      // EventSource reconnects by itself (a server restart: it resumes with Last-Event-ID);
      // meanwhile the poll runs every second. It gives up on a refusal (CLOSED), and we give
      // up after repeated errors.
      this.handlers.mode('polling');
      if (source.readyState === CLOSED || this.errors >= MAX_ERRORS) this.fallBack(true);
    };
  }

  private close(): void {
    clearTimeout(this.firstEventTimer);
    this.source?.close();
    this.source = null;
  }

  private fallBack(retry: boolean): void {
    this.close();
    this.handlers.mode('polling');
    if (retry && !this.stopped) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.start(), RETRY_PUSH_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.close();
  }
}

export const browserEventSource: EventSourceFactory | null =
  typeof EventSource === 'undefined' ? null : (url) => new EventSource(url) as unknown as EventSourceLike;
