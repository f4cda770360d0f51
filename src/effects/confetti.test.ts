import { describe, expect, it } from 'vitest';
import { BURST_MS, CONFETTI_DEFAULTS, confettiBursts, confettiSettings, gravityFor } from './confetti.js';

describe('confetti settings (decisions.md: defaults 2 s / 2350 / 60; maxima 10 s / 9999 / 100)', () => {
  it('fills missing, zero and non-numeric values with the defaults', () => {
    expect(confettiSettings(null)).toEqual(CONFETTI_DEFAULTS);
    expect(confettiSettings({ duration: 0, maxParticleCount: 'x', particleSpeed: -3 })).toEqual({ duration: 2, maxParticleCount: 2350, particleSpeed: 60 });
  });

  it('keeps values within the limits and clamps larger ones', () => {
    expect(confettiSettings({ duration: 5, maxParticleCount: 800, particleSpeed: '30' })).toEqual({ duration: 5, maxParticleCount: 800, particleSpeed: 30 });
    expect(confettiSettings({ duration: 99, maxParticleCount: 99999, particleSpeed: 999 })).toEqual({ duration: 10, maxParticleCount: 9999, particleSpeed: 100 });
  });

  it('spreads exactly maxParticleCount particles over bursts that last the duration', () => {
    const bursts = confettiBursts({ duration: 3, maxParticleCount: 1001, particleSpeed: 60 });
    expect(bursts).toHaveLength((3 * 1000) / BURST_MS);
    expect(bursts.reduce((n, b) => n + (b.particleCount ?? 0), 0)).toBe(1001);
  });

  it('lasts longer with a longer duration, has more with a higher count, falls faster with a higher speed', () => {
    expect(confettiBursts({ duration: 6, maxParticleCount: 100, particleSpeed: 60 }).length).toBeGreaterThan(confettiBursts({ duration: 2, maxParticleCount: 100, particleSpeed: 60 }).length);
    const total = (max: number) => confettiBursts({ duration: 2, maxParticleCount: max, particleSpeed: 60 }).reduce((n, b) => n + (b.particleCount ?? 0), 0);
    expect(total(5000)).toBeGreaterThan(total(500));
    expect(gravityFor(100)).toBeGreaterThan(gravityFor(60));
    expect(gravityFor(60)).toBeGreaterThan(gravityFor(1));
    expect(confettiBursts({ duration: 1, maxParticleCount: 10, particleSpeed: 90 })[0].gravity).toBe(gravityFor(90));
  });
});
