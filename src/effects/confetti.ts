// Confetti of a notification (agent-screen.md §4.6, decisions.md "confetti defaults and
// limits"): duration in seconds, maxParticleCount particles in all, particleSpeed making
// them fall faster. Missing or zero values take the defaults; the documented maxima clamp.
// A rain of small bursts from the top edge for `duration`, then nothing; never under
// prefers-reduced-motion. Every options object given to canvas-confetti is also pushed to
// window.__confettiCalls, so tests observe the calls rather than pixels.
import confetti from 'canvas-confetti';

export interface ConfettiSettings {
  duration: number;
  maxParticleCount: number;
  particleSpeed: number;
}

export const CONFETTI_DEFAULTS: ConfettiSettings = { duration: 2, maxParticleCount: 2350, particleSpeed: 60 };
export const CONFETTI_LIMITS: ConfettiSettings = { duration: 10, maxParticleCount: 9999, particleSpeed: 100 };
/** A burst every quarter second while the confetti lasts. */
export const BURST_MS = 250;

function pick(value: unknown, name: keyof ConfettiSettings): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) return CONFETTI_DEFAULTS[name];
  return Math.min(n, CONFETTI_LIMITS[name]);
}

/** The notification payload's confetti (numbers or strings, possibly missing) → settings the screen uses. */
export function confettiSettings(raw: Partial<Record<keyof ConfettiSettings, unknown>> | null | undefined): ConfettiSettings {
  return {
    duration: pick(raw?.duration, 'duration'),
    maxParticleCount: Math.round(pick(raw?.maxParticleCount, 'maxParticleCount')),
    particleSpeed: pick(raw?.particleSpeed, 'particleSpeed'),
  };
}

/** Gravity grows with particleSpeed: speed 1 drifts down, the default 60 falls briskly, 100 drops. */
export const gravityFor = (particleSpeed: number) => Math.round((0.4 + particleSpeed / 30) * 100) / 100;

const COLORS = ['#1e90ff', '#6b8e23', '#ffd700', '#ffc0cb', '#6a5acd', '#add8e6', '#ee82ee', '#98fb98', '#4682b4', '#f4a460', '#d2691e', '#dc143c'];

/** The bursts, in order: one every BURST_MS over the duration; their particle counts add up to maxParticleCount. */
export function confettiBursts(s: ConfettiSettings): confetti.Options[] {
  const count = Math.max(1, Math.round((s.duration * 1000) / BURST_MS));
  const gravity = gravityFor(s.particleSpeed);
  return Array.from({ length: count }, (_, i) => {
    const particleCount = Math.floor(s.maxParticleCount / count) + (i < s.maxParticleCount % count ? 1 : 0);
    return {
      particleCount, gravity, angle: 270, spread: 160, startVelocity: 8 + s.particleSpeed / 10, decay: 0.94,
      // Long enough to cross the screen; a faster fall needs fewer frames.
      ticks: Math.round(180 + 24000 / (s.particleSpeed + 40)),
      origin: { x: (i * 0.37 + 0.1) % 1, y: -0.05 }, colors: COLORS, scalar: 0.9, zIndex: 1000, disableForReducedMotion: true,
    };
  });
}

declare global {
  interface Window {
    /**
     * Test hook: only when the e2e harness has put an array here before the page loaded
     * (e2e/fixtures.ts enableTestHooks) are the bursts recorded into it; a production page
     * never creates it.
     */
    __confettiCalls?: confetti.Options[];
  }
}

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

let running: (() => void)[] = [];

/** Starts the rain; returns a stop function. Does nothing under reduced motion. */
export function startConfetti(s: ConfettiSettings): () => void {
  if (prefersReducedMotion()) return () => {};
  const bursts = confettiBursts(s);
  let next = 0;
  const fire = () => {
    const options = bursts[next++];
    if (!options) return;
    window.__confettiCalls?.push(options);
    void confetti(options);
  };
  fire();
  const timer = window.setInterval(() => (next < bursts.length ? fire() : window.clearInterval(timer)), BURST_MS);
  // The last particles are cleared shortly after the duration, whatever their path.
  const end = window.setTimeout(() => stop(), s.duration * 1000 + 1200);
  const stop = () => {
    window.clearInterval(timer);
    window.clearTimeout(end);
    running = running.filter((r) => r !== stop);
    if (running.length === 0) confetti.reset();
  };
  running.push(stop);
  return stop;
}
