import { describe, expect, it } from 'vitest';
import { assignHotkeys, itemForKey } from './hotkeys.js';

describe('disposition hotkeys', () => {
  it('numbers the first nine, then letters', () => {
    const statuses = Array.from({ length: 12 }, (_, i) => `S${i}`);
    const keys = assignHotkeys(statuses).map((a) => a.key);
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c']);
  });

  it('leaves items past the last key without one', () => {
    const assigned = assignHotkeys(Array.from({ length: 40 }, (_, i) => i));
    expect(assigned[34].key).toBe('z');
    expect(assigned[35].key).toBeUndefined();
  });

  it('finds the item for a pressed key, upper or lower case', () => {
    const assigned = assignHotkeys(['A', 'B', 'N', 'NI', 'DNC', 'SALE', 'CALLBK', 'XFERD', 'APPTCB', 'DROP']);
    expect(itemForKey(assigned, '6')).toBe('SALE');
    expect(itemForKey(assigned, 'A')).toBe('DROP');
    expect(itemForKey(assigned, 'a')).toBe('DROP');
    expect(itemForKey(assigned, '0')).toBeUndefined();
    expect(itemForKey(assigned, 'Enter')).toBeUndefined();
  });
});
