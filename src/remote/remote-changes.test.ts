import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../contract/agent.js';
import { isRemote, newRemoteEntries, newestAt } from './remote-changes.js';

const entry = (at: number, key: string, values: Record<string, string> = {}): ActivityEntry => ({ at, key, values });

describe('remote changes', () => {
  const activity = [
    entry(300, 'activity.resumedBy', { by: '6666', source: 'crm' }),
    entry(100, 'activity.login', { campaign: 'TESTCAMP' }),
    entry(200, 'activity.dispositioned', { status: 'SALE', by: '1000' }),
    entry(400, 'activity.pausedBy', { by: 'SQL', source: 'database' }),
  ];

  it('counts a change by someone else, not the agent’s own or an unattributed one', () => {
    expect(isRemote(activity[0]!, '1000')).toBe(true);
    expect(isRemote(activity[1]!, '1000')).toBe(false);
    expect(isRemote(activity[2]!, '1000')).toBe(false);
    expect(isRemote(activity[3]!, '1000')).toBe(true);
  });

  it('announces only what is newer than what was seen, oldest first', () => {
    expect(newRemoteEntries(activity, 0, '1000').map((e) => e.at)).toEqual([300, 400]);
    expect(newRemoteEntries(activity, 300, '1000').map((e) => e.at)).toEqual([400]);
    expect(newRemoteEntries(activity, newestAt(activity), '1000')).toEqual([]);
  });

  it('has seen nothing in an empty list', () => {
    expect(newestAt([])).toBe(0);
  });
});
