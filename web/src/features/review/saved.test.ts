import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResponse } from '../../../../domain/review.ts';
import type { SavedDecisions } from './model.ts';
import { DECISIONS_KEY, READ_KEY, ReviewKeeper } from './saved.ts';
import { MemoryStorage } from '../../memory-storage.test-support.ts';

const TEXT = '星途智能获评“瞪羚企业”。';
const S0 = { sentence: 0, text: TEXT, start: 0, end: TEXT.length };
const RESPONSE: ExtractResponse = {
  dataset: null,
  document: { name: 'note', format: 'text', sha256: 'x'.repeat(64), text: TEXT },
  extraction: {
    sentences: [S0],
    entities: [
      {
        id: 'e1',
        kind: 'named',
        name: '星途智能',
        type: 'Firm',
        aliases: [],
        confidence: 0.9,
        rules: ['suffix'],
        evidence: [S0],
        mentions: [{ start: 0, end: 4 }],
      },
    ],
    relations: [],
  },
  ms: 3,
};
const TARGET = { dataset: 'yunhu-new', create: true };
const DECISIONS: SavedDecisions = {
  v: 1,
  entities: [
    { id: 'e1', decision: 'accepted', name: '星途', type: 'Firm', linked: false, keepTextName: true, edited: true },
  ],
  relations: [],
};

afterEach(() => vi.restoreAllMocks());

describe('the review kept for the tab', () => {
  it('gives back the reading, its target and title, and the decisions made on it', () => {
    const storage = new MemoryStorage();
    const keeper = new ReviewKeeper(storage);
    const stamp = keeper.saveRead(RESPONSE, TARGET, 'A note');
    expect(stamp).toBeTruthy();
    keeper.saveDecisions(stamp ?? '', DECISIONS);
    // A reload: a new keeper on the same storage.
    expect(new ReviewKeeper(storage).load()).toEqual({
      read: { v: 1, stamp, response: RESPONSE, target: TARGET, title: 'A note' },
      decisions: DECISIONS,
    });
  });

  it('writes the document once per reading, only the decisions after each click', () => {
    const storage = new MemoryStorage();
    const keeper = new ReviewKeeper(storage);
    const stamp = keeper.saveRead(RESPONSE, TARGET, undefined) ?? '';
    const read = storage.getItem(READ_KEY);
    for (let i = 0; i < 5; i++) keeper.saveDecisions(stamp, DECISIONS);
    expect(storage.writes).toBe(6);
    expect(storage.getItem(READ_KEY)).toBe(read);
    expect(storage.getItem(DECISIONS_KEY)).not.toContain(TEXT);
  });

  it('a new reading drops the decisions of the one before, even if they arrive late', () => {
    const storage = new MemoryStorage();
    const keeper = new ReviewKeeper(storage);
    const first = keeper.saveRead(RESPONSE, TARGET, undefined) ?? '';
    keeper.saveDecisions(first, DECISIONS);
    keeper.saveRead(RESPONSE, { dataset: 'yunhu', create: false }, undefined);
    expect(keeper.load()?.decisions).toBeUndefined();
    keeper.saveDecisions(first, DECISIONS);
    expect(keeper.load()).toMatchObject({ read: { target: { dataset: 'yunhu' } }, decisions: undefined });
  });

  it('forgets everything when cleared', () => {
    const storage = new MemoryStorage();
    const keeper = new ReviewKeeper(storage);
    keeper.saveDecisions(keeper.saveRead(RESPONSE, TARGET, undefined) ?? '', DECISIONS);
    keeper.clear();
    expect(keeper.load()).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('a full or missing storage keeps nothing, and says so once, without throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const full = new MemoryStorage(100);
    const keeper = new ReviewKeeper(full);
    expect(keeper.saveRead(RESPONSE, TARGET, undefined)).toBeUndefined();
    expect(keeper.saveRead(RESPONSE, TARGET, undefined)).toBeUndefined();
    expect(keeper.load()).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    const none = new ReviewKeeper(undefined);
    expect(none.saveRead(RESPONSE, TARGET, undefined)).toBeUndefined();
    expect(() => none.clear()).not.toThrow();
    expect(none.load()).toBeUndefined();
  });

  it('ignores what does not look like a kept reading', () => {
    const storage = new MemoryStorage();
    const keeper = new ReviewKeeper(storage);
    const stamp = keeper.saveRead(RESPONSE, TARGET, undefined) ?? '';
    const kept = JSON.parse(storage.getItem(READ_KEY) ?? '') as Record<string, unknown>;
    const broken: unknown[] = [
      'not json{',
      { ...kept, v: 2 },
      { ...kept, target: { dataset: 'x' } },
      { ...kept, response: { ...RESPONSE, document: { ...RESPONSE.document, text: 42 } } },
      { ...kept, response: { ...RESPONSE, extraction: { ...RESPONSE.extraction, entities: [{ id: 'e1' }] } } },
      { ...kept, response: { ...RESPONSE, extraction: { ...RESPONSE.extraction, relations: null } } },
    ];
    for (const value of broken) {
      storage.setItem(READ_KEY, typeof value === 'string' ? value : JSON.stringify(value));
      expect(keeper.load(), JSON.stringify(value)).toBeUndefined();
    }
    storage.setItem(READ_KEY, JSON.stringify(kept));
    expect(keeper.load()?.read.stamp).toBe(stamp);
  });
});
