// The review kept for the browser tab (sessionStorage), so that a reload does not lose a long
// document's reading and the decisions made on it. The reading (the server's answer, the target,
// the form's title) is written once per read under one key; the decisions, small and written
// after every click, under another, stamped with the reading they belong to. Storage that
// refuses (full, disabled) only means nothing is kept: the review goes on without it. Pure
// enough to test in Node with a fake Storage.
import type { ExtractResponse } from '../../../../domain/review.ts';
import { isRecord, type SavedDecisions } from './model.ts';

export const READ_KEY = 'explorer-review-session';
export const DECISIONS_KEY = 'explorer-review-session-decisions';

export interface ReviewTarget {
  dataset: string;
  create: boolean;
}

/** One reading as kept: what the server answered, where it goes, the title typed for it. */
export interface SavedRead {
  v: 1;
  /** Tells this reading from an earlier one of the same text (its decisions carry it too). */
  stamp: string;
  response: ExtractResponse;
  target: ReviewTarget;
  title?: string;
}

export interface SavedReview {
  read: SavedRead;
  /** Undefined: none kept (none made yet, or not for this reading). */
  decisions: unknown;
}

export class ReviewKeeper {
  private warned = false;

  constructor(private readonly storage: Storage | undefined) {}

  /** Keeps a new reading (its decisions start over); answers its stamp, or undefined if not kept. */
  saveRead(response: ExtractResponse, target: ReviewTarget, title: string | undefined): string | undefined {
    const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.remove(DECISIONS_KEY);
    const read: SavedRead = { v: 1, stamp, response, target, ...(title !== undefined ? { title } : {}) };
    return this.set(READ_KEY, read) ? stamp : undefined;
  }

  saveDecisions(stamp: string, decisions: SavedDecisions): void {
    this.set(DECISIONS_KEY, { stamp, decisions });
  }

  /** Forgets the reading and its decisions. */
  clear(): void {
    this.remove(READ_KEY);
    this.remove(DECISIONS_KEY);
  }

  /** The reading kept for this tab, if there is one that looks like one; its decisions as kept. */
  load(): SavedReview | undefined {
    const read = this.get(READ_KEY);
    if (!isSavedRead(read)) return undefined;
    const kept = this.get(DECISIONS_KEY);
    const decisions = isRecord(kept) && kept.stamp === read.stamp ? kept.decisions : undefined;
    return { read, decisions };
  }

  private get(key: string): unknown {
    try {
      const text = this.storage?.getItem(key);
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }

  private set(key: string, value: unknown): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      // Full or refused: the review goes on, it is only not kept across a reload.
      if (!this.warned) console.warn('The review is not kept for this tab:', (error as Error).message);
      this.warned = true;
      this.remove(key);
      return false;
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // Nothing kept to remove.
    }
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The shape the review screen relies on (written by this app, but perhaps by an older version of it). */
function isSavedRead(value: unknown): value is SavedRead {
  if (!isRecord(value) || value.v !== 1 || !isString(value.stamp)) return false;
  if (value.title !== undefined && !isString(value.title)) return false;
  const { target, response } = value;
  if (!isRecord(target) || !isString(target.dataset) || typeof target.create !== 'boolean') return false;
  if (!isRecord(response) || !(response.dataset === null || isString(response.dataset))) return false;
  const { document, extraction } = response;
  if (!isRecord(document) || !['name', 'format', 'sha256', 'text'].every((k) => isString(document[k]))) return false;
  if (!isRecord(extraction)) return false;
  const { sentences, entities, relations } = extraction;
  return (
    Array.isArray(sentences) &&
    sentences.every(isEvidence) &&
    Array.isArray(entities) &&
    entities.every(isEntity) &&
    Array.isArray(relations) &&
    relations.every(isRelation)
  );
}

function isEvidence(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.sentence === 'number' &&
    isString(value.text) &&
    typeof value.start === 'number' &&
    typeof value.end === 'number'
  );
}

function isEntity(value: unknown): boolean {
  return (
    isRecord(value) &&
    ['id', 'kind', 'name', 'type'].every((k) => isString(value[k])) &&
    Array.isArray(value.aliases) &&
    value.aliases.every(isString) &&
    typeof value.confidence === 'number' &&
    Array.isArray(value.evidence) &&
    value.evidence.every(isEvidence) &&
    Array.isArray(value.mentions)
  );
}

function isRelation(value: unknown): boolean {
  return (
    isRecord(value) &&
    ['id', 'source', 'type', 'target'].every((k) => isString(value[k])) &&
    typeof value.confidence === 'number' &&
    isEvidence(value.evidence)
  );
}
