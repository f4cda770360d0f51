import { beforeEach, describe, expect, it } from 'vitest';
import { usePanels } from './panels-store.js';

describe('panel reloads', () => {
  beforeEach(() => usePanels.getState().reset());

  it('reloads only the named panels, once per trigger', () => {
    expect(usePanels.getState().reloadTriggers(['scriptreload', 'formreload', 'scriptreload', 'bogus'], 5)).toEqual(['script', 'webform']);
    const { reloads, reloadedAt, active } = usePanels.getState();
    expect(reloads).toEqual({ script: 1, script2: 0, webform: 1, email: 0, chat: 0, callbacks: 0, alerts: 0 });
    expect(reloadedAt).toEqual({ script: 5, webform: 5 });
    expect(active).toBe('script');
  });

  it('opens the callbacks list on callbacksreload', () => {
    usePanels.getState().select('chat');
    usePanels.getState().reloadTriggers(['callbacksreload', 'chatreload', 'emailreload', 'script2reload']);
    expect(usePanels.getState().active).toBe('callbacks');
    expect(usePanels.getState().reloads).toMatchObject({ callbacks: 1, chat: 1, email: 1, script2: 1, script: 0, webform: 0 });
  });
});
