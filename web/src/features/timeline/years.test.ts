// The timeline's arithmetic: which nodes a year hides (undated ones never), what the bar counts,
// and where playback goes.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { clampYear, countShown, datedAfter, nextYear, playbackStart, yearIndex, yearsOf } from './years.ts';

function graph(): Graph<{ year?: number }> {
  const g = new Graph<{ year?: number }>();
  g.addNode('firm/a', { year: 2010 });
  g.addNode('firm/b', { year: 2015 });
  g.addNode('event/c', { year: 2015 });
  g.addNode('honor/d', { year: 2023 });
  g.addNode('park/undated', {});
  g.addNode('lab/undated', {});
  return g;
}

describe('the network as of a year', () => {
  it('hides the nodes dated after the year, and no undated node', () => {
    const g = graph();
    expect([...datedAfter(g, 2015)].sort()).toEqual(['honor/d']);
    expect([...datedAfter(g, 2014)].sort()).toEqual(['event/c', 'firm/b', 'honor/d']);
    expect([...datedAfter(g, 2009)].sort()).toEqual(['event/c', 'firm/a', 'firm/b', 'honor/d']);
    expect(datedAfter(g, 2023).size).toBe(0);
    expect(datedAfter(g, undefined).size).toBe(0);
  });

  it('lists the years present once each, in order', () => {
    expect(yearsOf(graph())).toEqual([2010, 2015, 2023]);
    expect(yearsOf(new Graph())).toEqual([]);
  });

  it('counts what is drawn and, of it, the undated nodes', () => {
    const g = graph();
    const hidden = datedAfter(g, 2010);
    expect(countShown(g, (node) => !hidden.has(node))).toEqual({ shown: 3, undated: 2 });
    // Another layer hiding an undated node: it is not counted as shown.
    expect(countShown(g, (node) => !hidden.has(node) && node !== 'lab/undated')).toEqual({ shown: 2, undated: 1 });
  });
});

describe('the slider and playback', () => {
  const years = [2010, 2015, 2023];

  it('clamps a year into the range of the data, and has none without years', () => {
    expect(clampYear(1990, years)).toBe(2010);
    expect(clampYear(2050, years)).toBe(2023);
    expect(clampYear(2012, years)).toBe(2012);
    expect(clampYear(2015, [])).toBeUndefined();
  });

  it('puts the slider at the last year present not after the year, and at the end for all years', () => {
    expect(yearIndex(years, 2010)).toBe(0);
    expect(yearIndex(years, 2014)).toBe(0);
    expect(yearIndex(years, 2015)).toBe(1);
    expect(yearIndex(years, undefined)).toBe(2);
  });

  it('advances to the next year present and stops after the last', () => {
    expect(nextYear(years, 2010)).toBe(2015);
    expect(nextYear(years, 2012)).toBe(2015);
    expect(nextYear(years, 2015)).toBe(2023);
    expect(nextYear(years, 2023)).toBeUndefined();
    expect(nextYear(years, undefined)).toBeUndefined();
  });

  it('starts from the first year when showing all years or the last one, else where it is', () => {
    expect(playbackStart(years, undefined)).toBe(2010);
    expect(playbackStart(years, 2023)).toBe(2010);
    expect(playbackStart(years, 2015)).toBe(2015);
    expect(playbackStart([], undefined)).toBeUndefined();
  });
});
