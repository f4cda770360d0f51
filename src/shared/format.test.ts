import { describe, expect, it } from 'vitest';
import { callbackDatetime, customerName, formatDuration, formatPhone } from './format.js';

describe('formatDuration', () => {
  it('shows minutes and seconds, hours only when needed', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(134_000)).toBe('2:14');
    expect(formatDuration(3_599_999)).toBe('59:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(36_610_000)).toBe('10:10:10');
  });

  it('never goes negative when the clocks disagree', () => {
    expect(formatDuration(-2_000)).toBe('0:00');
  });
});

describe('formatPhone', () => {
  it('groups North-American numbers and leaves others alone', () => {
    expect(formatPhone('3125551001', '1')).toBe('312-555-1001');
    expect(formatPhone('11987654321', '55')).toBe('11987654321');
    expect(formatPhone('5551001', '1')).toBe('5551001');
  });
});

describe('customerName', () => {
  it('joins the parts that are there', () => {
    expect(customerName({ title: '', first_name: 'Alice', middle_initial: '', last_name: 'Anders' })).toBe('Alice Anders');
    expect(customerName({ title: 'Dr', first_name: 'Ana', middle_initial: 'M', last_name: ' Souza ' })).toBe('Dr Ana M Souza');
    expect(customerName({ title: '', first_name: '', middle_initial: '', last_name: '' })).toBe('');
  });
});

describe('callbackDatetime', () => {
  it("turns datetime-local's value into VICIdial's format", () => {
    expect(callbackDatetime('2030-01-15T10:30')).toBe('2030-01-15 10:30:00');
    expect(callbackDatetime('2030-01-15T10:30:45')).toBe('2030-01-15 10:30:45');
  });
});
