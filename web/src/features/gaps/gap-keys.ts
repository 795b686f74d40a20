// Naming gaps in the link and grouping them for the planners' list. A gap is named by its kind
// and subject (`park_without_academic_partner:park/x`); a second gap of the same kind and subject
// gets `:2`, and so on. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import type { Gap, GapKind } from '../../../../domain/api-types.ts';

/** Every kind of gap, in the order the list shows them. */
export const GAP_KINDS: readonly GapKind[] = [
  'field_without_cross_sector_tie',
  'park_without_academic_partner',
  'programme_without_recipient',
  'communities_joined_by_one_broker',
];

const KEY = /^([a-z_]{1,40}):([^:]+)(?::([2-9]|[1-9]\d{1,3}))?$/;

/** Whether a string is a well-formed gap name (its kind known, its subject an id). */
export function isGapKey(value: string): boolean {
  return gapSubject(value) !== undefined;
}

/** The subject node a gap name names, if the name is well-formed. */
export function gapSubject(key: string): string | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, kind = '', subject = ''] = match;
  return (GAP_KINDS as readonly string[]).includes(kind) && isNodeId(subject) ? subject : undefined;
}

/** The names of the gaps, in their order (duplicates numbered from 2). */
export function gapKeys(gaps: readonly Gap[]): string[] {
  const seen = new Map<string, number>();
  return gaps.map((gap) => {
    const base = `${gap.kind}:${gap.subject.id}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  });
}

export interface KeyedGap {
  key: string;
  gap: Gap;
}

/** The gaps grouped by kind, in GAP_KINDS order (kinds without gaps left out; unknown kinds last). */
export function groupGaps(gaps: readonly Gap[]): { kind: string; gaps: KeyedGap[] }[] {
  const keys = gapKeys(gaps);
  const groups = new Map<string, KeyedGap[]>();
  gaps.forEach((gap, i) => groups.set(gap.kind, [...(groups.get(gap.kind) ?? []), { key: keys[i] ?? '', gap }]));
  const rank = (kind: string) => {
    const at = (GAP_KINDS as readonly string[]).indexOf(kind);
    return at < 0 ? GAP_KINDS.length : at;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([kind, list]) => ({ kind, gaps: list }));
}

/** The gap a name names among those listed, if any. */
export function findGap(gaps: readonly Gap[], key: string | undefined): Gap | undefined {
  if (key === undefined) return undefined;
  const at = gapKeys(gaps).indexOf(key);
  return at < 0 ? undefined : gaps[at];
}
