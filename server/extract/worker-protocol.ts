// Messages between the server and its extraction thread (worker.ts).
import type { Extraction, GazetteerEntry } from '../../domain/extraction.ts';
import type { DocumentFormat } from '../../domain/review.ts';

export type DocumentInput =
  { kind: 'text'; text: string } | { kind: 'file'; name: string; bytes: Uint8Array; encoding?: string };

export interface ExtractJob {
  id: number;
  input: DocumentInput;
  gazetteer: GazetteerEntry[];
}

export type ExtractAnswer =
  | { id: number; ok: true; text: string; format: DocumentFormat; extraction: Extraction; ms: number }
  /** The document could not be read (a broken file, a PDF without text): the person's to fix. */
  | { id: number; ok: false; unreadable: true; message: string }
  | { id: number; ok: false; unreadable: false; message: string };
