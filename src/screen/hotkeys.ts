// Disposition hotkeys: 1–9 first, then letters (SCREEN.md "Fast hands").
const KEYS = [...'123456789', ...'abcdefghijklmnopqrstuvwxyz'];

export interface Hotkeyed<T> {
  item: T;
  /** Undefined when there are more items than keys. */
  key: string | undefined;
}

export function assignHotkeys<T>(items: readonly T[]): Hotkeyed<T>[] {
  return items.map((item, i) => ({ item, key: KEYS[i] }));
}

/** The item whose hotkey was pressed, case-insensitive. */
export function itemForKey<T>(assigned: readonly Hotkeyed<T>[], pressed: string): T | undefined {
  const lower = pressed.toLowerCase();
  return assigned.find((a) => a.key === lower)?.item;
}
