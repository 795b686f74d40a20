import { describe, expect, it } from 'vitest';
import { Problems, aliasValues, declaredType, propertyValue, textValue } from './validate.ts';

describe('propertyValue', () => {
  it('infers untyped text: plain numbers, true/false, the rest text', () => {
    expect(propertyValue('a', '42')).toEqual({ value: 42 });
    expect(propertyValue('a', '-3.5')).toEqual({ value: -3.5 });
    expect(propertyValue('a', 'TRUE')).toEqual({ value: true });
    expect(propertyValue('a', '0532')).toEqual({ value: '0532' });
    expect(propertyValue('a', '+86')).toEqual({ value: '+86' });
    expect(propertyValue('a', '=1+1')).toEqual({ value: '=1+1' });
    expect(propertyValue('a', '12345678901234567890')).toEqual({ value: '12345678901234567890' });
    expect(propertyValue('a', '  ')).toBeUndefined();
    expect(propertyValue('a', null)).toBeUndefined();
  });

  it('checks declared types', () => {
    expect(propertyValue('a', '7', 'integer', 'long')).toEqual({ value: 7 });
    expect(propertyValue('a', '7.5', 'integer', 'long')).toEqual({
      message: '"7.5" is not an integer (declared long)',
    });
    expect(propertyValue('a', '1e-3', 'number', 'double')).toEqual({ value: 0.001 });
    expect(propertyValue('a', 'x', 'number', 'float')).toEqual({ message: '"x" is not a number (declared float)' });
    expect(propertyValue('a', '1', 'boolean', 'boolean')).toEqual({ value: true });
    expect(propertyValue('a', '42', 'string', 'string')).toEqual({ value: '42' });
    expect(propertyValue('a', '[a, "b c"]', 'list', 'liststring')).toEqual({ value: ['a', 'b c'] });
    expect(propertyValue('a', 'a|b', 'list', 'liststring')).toEqual({ value: ['a', 'b'] });
  });

  it('checks the properties with a known meaning, whatever their source', () => {
    expect(propertyValue('Year', '2019', 'string', 'string')).toEqual({ value: 2019 });
    expect(propertyValue('year', 2019.5)).toEqual({
      message: '"2019.5" is not a year (a whole number from 1800 to 2999)',
    });
    expect(propertyValue('年份', '二〇一九')).toEqual({
      message: '"二〇一九" is not a year (a whole number from 1800 to 2999)',
    });
    expect(propertyValue('count', '1.5')).toEqual({ message: '"1.5" is not a count (a whole number, 0 or more)' });
    expect(propertyValue('weight', 'heavy')).toEqual({ message: '"heavy" is not a number' });
    expect(propertyValue('value', '3.14')).toEqual({ value: 3.14 });
  });

  it('takes JSON values as they are, and refuses objects', () => {
    expect(propertyValue('a', 3)).toEqual({ value: 3 });
    expect(propertyValue('a', false)).toEqual({ value: false });
    expect(propertyValue('a', ['x', 2, null])).toEqual({ value: ['x', '2'] });
    expect(propertyValue('a', [{}])).toEqual({
      message: 'is a list holding objects; lists may hold only text or numbers',
    });
    expect(propertyValue('a', { b: 1 })).toEqual({
      message: 'is an object; a property holds text, a number, true/false or a list of text',
    });
  });

  it('limits the length of values', () => {
    expect(propertyValue('a', 'x'.repeat(10_000))).toEqual({ value: 'x'.repeat(10_000) });
    expect(propertyValue('a', 'x'.repeat(10_001))).toEqual({ message: 'is longer than 10,000 characters (10,001)' });
    expect(textValue('y'.repeat(20_000))).toEqual({ message: 'is longer than 10,000 characters (20,000)' });
  });
});

describe('fields', () => {
  it('reads text fields and aliases', () => {
    expect(textValue(' a ')).toEqual({ text: 'a' });
    expect(textValue(3466)).toEqual({ text: '3466' });
    expect(textValue({})).toEqual({ message: 'is an object, where text is expected' });
    expect(aliasValues('海尔; Haier |Haier｜海尔集团；')).toEqual({ list: ['海尔', 'Haier', '海尔集团'] });
    expect(aliasValues(['a', 'b'])).toEqual({ list: ['a', 'b'] });
    expect(aliasValues(' ; ')).toBeUndefined();
  });

  it('maps declared type names', () => {
    expect(
      ['int', 'long', 'integer', 'float', 'double', 'boolean', 'liststring', 'string', 'date'].map(declaredType),
    ).toEqual(['integer', 'integer', 'integer', 'number', 'number', 'boolean', 'list', 'string', 'string']);
  });
});

describe('Problems', () => {
  it('lists 1,000 problems per file and counts the rest', () => {
    const problems = new Problems();
    for (let i = 0; i < 1002; i++) problems.add({ file: 'a.csv', line: i + 1, message: 'x' });
    problems.add({ file: 'b.csv', message: 'y' });
    const list = problems.list();
    expect(list).toHaveLength(1002);
    expect(list.at(-1)).toEqual({
      file: 'a.csv',
      message: '2 more problems in this file are not listed (the first 1,000 are)',
    });
  });
});
