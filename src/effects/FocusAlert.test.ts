import { describe, expect, it } from 'vitest';
import { focusNumber } from './FocusAlert.js';

describe('the "Placing call to" number', () => {
  it('formats a North-American number as the screen does elsewhere', () => {
    expect(focusNumber({ number: '3125551002', phoneCode: '1' })).toBe('312-555-1002');
  });
  it('shows another country code in front', () => {
    expect(focusNumber({ number: '11987654321', phoneCode: '55' })).toBe('+55 11987654321');
  });
  it('tolerates a payload without the expected fields', () => {
    expect(focusNumber({ number: 42 })).toBe('');
  });
});
