// Which activity entries announce a change made for the agent by someone else (an API user,
// a supervisor, direct SQL): those with a `by` that is not the agent, newer than what the
// screen has already announced (SCREEN.md: "says where it came from").
import type { ActivityEntry } from '../../contract/agent.js';

export function isRemote(entry: ActivityEntry, user: string): boolean {
  const by = entry.values.by;
  return Boolean(by) && by !== user;
}

/** The newest `at` of a list (0 when empty): what has been seen so far. */
export function newestAt(activity: readonly ActivityEntry[]): number {
  return activity.reduce((max, e) => Math.max(max, e.at), 0);
}

/** Remote entries newer than `seenAt`, oldest first. */
export function newRemoteEntries(activity: readonly ActivityEntry[], seenAt: number, user: string): ActivityEntry[] {
  return activity.filter((e) => e.at > seenAt && isRemote(e, user)).sort((a, b) => a.at - b.at);
}
