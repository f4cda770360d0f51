import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentSnapshot } from '../../contract/agent.js';
import { FIRST_EVENT_TIMEOUT_MS, MAX_ERRORS, PushConnection, RETRY_PUSH_MS, type EventSourceLike, type UpdateMode } from './push.js';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  onerror: ((ev: Event) => void) | null = null;
  private listeners = new Map<string, ((ev: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: string, lastEventId = '') {
    for (const l of this.listeners.get(type) ?? []) l({ data, lastEventId } as MessageEvent);
  }
  close() { this.closed = true; this.readyState = 2; }
}

function setUp() {
  const sources: FakeSource[] = [];
  const modes: UpdateMode[] = [];
  const got: { snapshot: AgentSnapshot; etag: string }[] = [];
  let loggedOut = 0;
  const push = new PushConnection('tok en', {
    snapshot: (snapshot, etag) => got.push({ snapshot, etag }),
    logout: () => { loggedOut++; },
    mode: (m) => modes.push(m),
  }, (url) => { const s = new FakeSource(url); sources.push(s); return s; });
  return { push, sources, modes, got, loggedOut: () => loggedOut };
}

describe('PushConnection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the stream with the token and hands each snapshot over; live once one arrives', () => {
    const { push, sources, modes, got } = setUp();
    push.start();
    expect(sources[0].url).toBe('/agent/stream?token=tok%20en');
    expect(modes).toEqual([]);
    sources[0].emit('snapshot', JSON.stringify({ version: 'v1', serverTime: 5 }), 'v1');
    expect(got).toEqual([{ snapshot: { version: 'v1', serverTime: 5 }, etag: '"v1"' }]);
    expect(modes.at(-1)).toBe('push');
    vi.advanceTimersByTime(FIRST_EVENT_TIMEOUT_MS * 2);
    expect(sources[0].closed).toBe(false);
    push.stop();
    expect(sources[0].closed).toBe(true);
  });

  it('falls back to polling when nothing arrives (a buffering proxy), then tries again later', () => {
    const { push, sources, modes } = setUp();
    push.start();
    vi.advanceTimersByTime(FIRST_EVENT_TIMEOUT_MS + 1);
    expect(sources[0].closed).toBe(true);
    expect(modes.at(-1)).toBe('polling');
    vi.advanceTimersByTime(RETRY_PUSH_MS);
    expect(sources).toHaveLength(2);
    push.stop();
  });

  it('rides out a few errors (a server restart) but falls back after repeated ones or a refusal', () => {
    const { push, sources, modes } = setUp();
    push.start();
    sources[0].emit('snapshot', '{"version":"a"}', 'a');
    for (let i = 1; i < MAX_ERRORS; i++) sources[0].onerror!(new Event('error'));
    expect(sources[0].closed).toBe(false);
    expect(modes.at(-1)).toBe('polling');
    sources[0].emit('snapshot', '{"version":"b"}', 'b');
    expect(modes.at(-1)).toBe('push');
    for (let i = 0; i < MAX_ERRORS; i++) sources[0].onerror!(new Event('error'));
    expect(sources[0].closed).toBe(true);
    vi.advanceTimersByTime(RETRY_PUSH_MS);
    sources[1].readyState = 2;
    sources[1].onerror!(new Event('error'));
    expect(sources[1].closed).toBe(true);
    expect(modes.at(-1)).toBe('polling');
    push.stop();
  });

  it('passes on the logout event and polls without EventSource', () => {
    const { push, sources, loggedOut } = setUp();
    push.start();
    sources[0].emit('logout', '{}');
    expect(loggedOut()).toBe(1);
    const modes: UpdateMode[] = [];
    new PushConnection('t', { snapshot: () => undefined, logout: () => undefined, mode: (m) => modes.push(m) }, null).start();
    expect(modes).toEqual(['polling']);
  });
});
