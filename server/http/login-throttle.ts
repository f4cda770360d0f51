// A per-address throttle for the sign-in endpoints (agent screen, supervisor console): after
// FAILURES failed attempts from one address within WINDOW_MS, that address is refused
// (HTTP 429) until the window has passed. It sits in front of the per-user lockout
// (api-reference.md §1.5), which a guesser spreading over many users would not meet.
const FAILURES = 20;
const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

export class LoginThrottle {
  private readonly seen = new Map<string, { count: number; since: number }>();

  constructor(private readonly failures = FAILURES, private readonly windowMs = WINDOW_MS, private readonly now = () => Date.now()) {}

  /** May this address try now? */
  allowed(address: string): boolean {
    const entry = this.seen.get(address);
    if (!entry) return true;
    if (this.now() - entry.since > this.windowMs) {
      this.seen.delete(address);
      return true;
    }
    return entry.count < this.failures;
  }

  failed(address: string): void {
    const now = this.now();
    const entry = this.seen.get(address);
    if (entry && now - entry.since <= this.windowMs) {
      entry.count += 1;
      return;
    }
    this.seen.delete(address);
    // Bounded: the oldest address is forgotten first.
    if (this.seen.size >= MAX_ADDRESSES) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(address, { count: 1, since: now });
  }

  succeeded(address: string): void {
    this.seen.delete(address);
  }
}
