// The URL codec, composed of the slices that features contribute. A slice owns some keys of
// the view state and some URL parameters; parsing is total (a bad value falls back to its
// default), writing puts down only what differs from the defaults, so links stay short and an
// old link keeps working: parameters nobody owns any more are ignored.
import type { Lang } from '../i18n.ts';

export interface SliceContext {
  /** The language when the link names none (the browser's preference). */
  fallbackLang: Lang;
}

/** What the data allows: a view naming anything else is cleaned once the data has loaded. */
export interface ViewDomain {
  hasNode(id: string): boolean;
  nodeType(id: string): string | undefined;
  nodeTypes: ReadonlySet<string>;
  relationTypes: ReadonlySet<string>;
  /** The years the nodes of the view carry. */
  years: ReadonlySet<number>;
}

export interface Slice<S extends object> {
  readonly id: string;
  /** The state keys this slice owns. */
  readonly keys: readonly (keyof S & string)[];
  /** The URL parameters it reads and writes. */
  readonly params: readonly string[];
  defaults(ctx: SliceContext): Partial<S>;
  /** Total: any parameters give valid values for the slice's keys. */
  parse(params: URLSearchParams, ctx: SliceContext): Partial<S>;
  /** Writes the slice's parameters that differ from its defaults. */
  write(state: S, out: URLSearchParams): void;
  /** Drops what the data does not know (unknown ids, types); never throws. */
  validate?(state: S, domain: ViewDomain): Partial<S>;
  /** Kept when the view moves to another dataset (language, theme); else reset to defaults. */
  sticky?: boolean;
}

export interface ViewCodec<S extends object> {
  defaults(): S;
  parse(search: string): S;
  serialize(state: S): string;
  validate(state: S, domain: ViewDomain): S;
  /** The view of another dataset: defaults, but for the sticky slices' keys. */
  forDataset(state: S, dataset: string): S;
}

export function composeCodec<S extends object>(slices: readonly Slice<S>[], ctx: SliceContext): ViewCodec<S> {
  assertDisjoint(slices);
  const defaults = () => Object.assign({}, ...slices.map((slice) => slice.defaults(ctx))) as S;
  return {
    defaults,
    parse(search) {
      const params = new URLSearchParams(search);
      return Object.assign(defaults(), ...slices.map((slice) => slice.parse(params, ctx))) as S;
    },
    serialize(state) {
      const out = new URLSearchParams();
      for (const slice of slices) slice.write(state, out);
      return out.toString();
    },
    forDataset(state, dataset) {
      const next: Record<string, unknown> = { ...defaults(), dataset };
      for (const slice of slices)
        if (slice.sticky) for (const key of slice.keys) next[key] = (state as Record<string, unknown>)[key];
      return next as S;
    },
    validate(state, domain) {
      let next = state;
      for (const slice of slices) if (slice.validate) next = { ...next, ...slice.validate(next, domain) };
      return next;
    },
  };
}

function assertDisjoint<S extends object>(slices: readonly Slice<S>[]): void {
  const owner = new Map<string, string>();
  for (const slice of slices) {
    for (const name of [...slice.keys.map((k) => `key ${k}`), ...slice.params.map((p) => `param ${p}`)]) {
      const other = owner.get(name);
      if (other) throw new Error(`${name} is claimed by both the ${other} and the ${slice.id} slices`);
      owner.set(name, slice.id);
    }
  }
}

// Helpers for slices: each value is checked by a predicate, lists are de-duplicated and capped.
export const MAX_LIST = 500;

export function readList(params: URLSearchParams, name: string, accept: (value: string) => boolean): string[] {
  const value = params.get(name);
  if (!value) return [];
  return [...new Set(value.split(',').filter(accept))].slice(0, MAX_LIST);
}

export function readOne(params: URLSearchParams, name: string, accept: (value: string) => boolean): string | undefined {
  const value = params.get(name);
  return value !== null && value !== '' && accept(value) ? value : undefined;
}

/** A sorted list (order does not matter to the view), or nothing when empty. */
export function writeSet(out: URLSearchParams, name: string, values: readonly (string | number)[]): void {
  if (values.length === 0) return;
  const sorted = [...values].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1,
  );
  out.set(name, sorted.join(','));
}

export function writeOne(out: URLSearchParams, name: string, value: string | undefined): void {
  if (value !== undefined) out.set(name, value);
}

/** Node and relation type names: letters and underscores (checked against the data later). */
export function isTypeName(value: string): boolean {
  return /^[A-Za-z_]{1,40}$/.test(value);
}
