import { beforeEach, describe, expect, it } from 'vitest';
import type { ScreenEffect } from '../../contract/agent.js';
import { sendPendingAcks, useShownEffects } from './shown-store.js';

const effect = (id: string): ScreenEffect => ({ id, kind: 'notification', createdAt: 0, payload: { notificationId: 0, text: '', textSize: 0, textFont: '', textWeight: '', textColor: '', confetti: null } });

describe('shown effects', () => {
  beforeEach(() => useShownEffects.getState().reset());

  it('shows an effect once, however often the snapshot repeats it', () => {
    const { show } = useShownEffects.getState();
    expect(show(effect('7'))).toBe(true);
    expect(show(effect('7'))).toBe(false);
    expect(useShownEffects.getState().active.map((e) => e.id)).toEqual(['7']);
    useShownEffects.getState().dismiss('7');
    expect(show(effect('7'))).toBe(false);
    expect(useShownEffects.getState().active).toEqual([]);
  });

  it('acknowledges shown effects only, once each', async () => {
    useShownEffects.getState().show(effect('1'));
    const posted: string[] = [];
    const post = async (id: string) => void posted.push(id);
    await sendPendingAcks(['1', '2'], post);
    await sendPendingAcks(['1', '2'], post);
    expect(posted).toEqual(['1']);
  });

  it('retries an ack that failed', async () => {
    useShownEffects.getState().show(effect('3'));
    let calls = 0;
    await sendPendingAcks(['3'], async () => {
      calls += 1;
      throw new Error('offline');
    });
    await sendPendingAcks(['3'], async () => {
      calls += 1;
    });
    await sendPendingAcks(['3'], async () => {
      calls += 1;
    });
    expect(calls).toBe(2);
  });

  it('does not send a second ack while the first is on its way', async () => {
    useShownEffects.getState().show(effect('4'));
    let release = () => {};
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<void>((ok) => (release = ok));
    };
    const first = sendPendingAcks(['4'], slow);
    await sendPendingAcks(['4'], slow);
    release();
    await first;
    expect(calls).toBe(1);
  });
});
