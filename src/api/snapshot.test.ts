import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentSnapshot } from '../../contract/agent.js';
import { ApiError } from './http.js';
import { fetchSnapshot } from './snapshot.js';

const snapshot = { version: 'v1', serverTime: 1_000_000 } as AgentSnapshot;

function fakeFetch(...replies: Response[]) {
  const seen: Headers[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    seen.push(new Headers(init.headers));
    return replies.shift()!;
  });
  return seen;
}

describe('fetchSnapshot', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the token and the ETag, and keeps the last snapshot on 304', async () => {
    const seen = fakeFetch(
      new Response(JSON.stringify(snapshot), { status: 200, headers: { ETag: '"v1"' } }),
      new Response(null, { status: 304 }),
    );
    const first = await fetchSnapshot('tok', undefined);
    expect(first.snapshot.version).toBe('v1');
    expect(first.etag).toBe('"v1"');
    const second = await fetchSnapshot('tok', first);
    expect(second).toBe(first);
    expect(seen[0].get('Authorization')).toBe('Bearer tok');
    expect(seen[0].has('If-None-Match')).toBe(false);
    expect(seen[1].get('If-None-Match')).toBe('"v1"');
  });

  it('reports a closed session as a 401 ApiError', async () => {
    fakeFetch(new Response(JSON.stringify({ error: 'logged_out' }), { status: 401 }));
    const error = await fetchSnapshot('tok', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('logged_out');
  });
});
