import { describe, expect, it } from 'vitest';
import { locateQuote } from './source-view.ts';

describe('finding a quote in its source', () => {
  it('finds it across line breaks and spaces, and maps back to the original text', () => {
    const text = '科技创新平台总数突破300家。市级以上\n\n科技创新平台总数突破300家,总数居全市前列';
    const span = locateQuote(text, '市级以上科技创新平台总数突破300家');
    expect(span).toBeDefined();
    expect(text.slice(...(span as [number, number]))).toBe('市级以上\n\n科技创新平台总数突破300家');
  });

  it('answers undefined for a quote that is not there', () => {
    expect(locateQuote('abc', 'xyz')).toBeUndefined();
    expect(locateQuote('abc', '   ')).toBeUndefined();
  });
});
