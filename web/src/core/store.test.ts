import { describe, expect, it } from 'vitest';
import { ViewStore, changed, type HistoryMode } from './store.ts';

interface S {
  a: number;
  list: string[];
  name: string | undefined;
}

const initial = (): S => ({ a: 1, list: [], name: undefined });

function recorder(store: ViewStore<S>) {
  const calls: { next: S; previous: S; history: HistoryMode }[] = [];
  store.subscribe((next, previous, history) => calls.push({ next, previous, history }));
  return calls;
}

describe('the view store', () => {
  it('merges a patch, keeps the other keys, and tells listeners with the history mode', () => {
    const store = new ViewStore(initial());
    const calls = recorder(store);
    store.update({ a: 2 }, 'push');
    store.update((s) => ({ list: [...s.list, 'x'] }), 'replace');
    expect(store.get()).toEqual({ a: 2, list: ['x'], name: undefined });
    expect(calls.map((c) => c.history)).toEqual(['push', 'replace']);
    expect(calls[0]?.previous.a).toBe(1);
    expect(calls[1]?.previous.list).toEqual([]);
  });

  it('defaults to push', () => {
    const store = new ViewStore(initial());
    const calls = recorder(store);
    store.update({ a: 5 });
    expect(calls[0]?.history).toBe('push');
  });

  it('skips an update that changes nothing, unless it is a navigation', () => {
    const store = new ViewStore(initial());
    const calls = recorder(store);
    store.update({ a: 1 }, 'push');
    store.update({ list: [] }, 'replace');
    expect(calls).toHaveLength(0);
    store.update({}, 'none');
    expect(calls.map((c) => c.history)).toEqual(['none']);
  });

  it('applies the validator to every update and at once when it is set', () => {
    const store = new ViewStore({ ...initial(), list: ['keep', 'drop'] });
    const known = new Set(['keep', 'new']);
    store.setValidator((s) => ({ ...s, list: s.list.filter((x) => known.has(x)) }));
    expect(store.get().list).toEqual(['keep']);
    store.update((s) => ({ list: [...s.list, 'new', 'unknown'] }));
    expect(store.get().list).toEqual(['keep', 'new']);
  });

  it('applies an update made by a listener after every listener heard the first, in order', () => {
    const store = new ViewStore(initial());
    const seen: string[] = [];
    store.subscribe((next) => {
      seen.push(`first:${next.a}`);
      if (next.a === 2) store.update({ a: 3 });
    });
    store.subscribe((next) => seen.push(`second:${next.a}`));
    store.update({ a: 2 });
    expect(seen).toEqual(['first:2', 'second:2', 'first:3', 'second:3']);
    expect(store.get().a).toBe(3);
  });

  it('stops telling a listener once it unsubscribed, and everyone after dispose', () => {
    const store = new ViewStore(initial());
    let heard = 0;
    const off = store.subscribe(() => heard++);
    store.update({ a: 2 });
    off();
    store.update({ a: 3 });
    expect(heard).toBe(1);
    const calls = recorder(store);
    store.dispose();
    store.update({ a: 4 });
    expect(calls).toHaveLength(0);
  });

  it('keeps the state when a listener throws, and lets the next update through', () => {
    const store = new ViewStore(initial());
    const off = store.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(() => store.update({ a: 2 })).toThrow('listener bug');
    off();
    const calls = recorder(store);
    store.update({ a: 3 });
    expect(store.get().a).toBe(3);
    expect(calls).toHaveLength(1);
  });
});

describe('changed', () => {
  it('compares the named keys by value', () => {
    const a = initial();
    expect(changed(a, { ...a, list: [] }, ['list'])).toBe(false);
    expect(changed(a, { ...a, list: ['x'] }, ['list'])).toBe(true);
    expect(changed(a, { ...a, a: 9 }, ['list', 'name'])).toBe(false);
  });
});
