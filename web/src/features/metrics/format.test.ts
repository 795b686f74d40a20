import { describe, expect, it } from 'vitest';
import { coefficient, formatValue, percent } from './format.ts';
import { sectorName } from './sectors.ts';

describe('numbers and sectors in the metrics panel', () => {
  it('counts as integers, scores with three significant digits', () => {
    expect(formatValue(12)).toBe('12');
    expect(formatValue(100)).toBe('100');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(0.12345)).toBe('0.123');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(1234.56)).toBe('1235');
    expect(formatValue(0.00012)).toBe('1.2e-4');
    expect(formatValue(NaN)).toBe('–');
    expect(formatValue(undefined)).toBe('–');
  });

  it('shares as percentages, coefficients with a true minus', () => {
    expect(percent(0.4567)).toBe('45.7%');
    expect(coefficient(-0.126)).toBe('−0.13');
    expect(coefficient(NaN)).toBe('–');
  });

  it('names the sectors in both languages; an unknown one keeps its id', () => {
    expect(sectorName('academia', 'zh')).toBe('学研');
    expect(sectorName('industry', 'en')).toBe('Industry');
    expect(sectorName('space', 'en')).toBe('space');
  });
});
