// A mention: a stretch of one sentence that some rule takes for an entity, a counted group or a
// figure. Mentions of one sentence are resolved against each other (the longer and surer wins;
// one inside another is kept as nested: an entity, but not an end of the clause's relations).
import type { CountQualifier, NodeType } from '../../domain/ontology.ts';
import { GENERIC_WORDS } from './lexicon.ts';
import type { Analysed } from './names.ts';
import type { EntityKind, EntityRule, Figure, GazetteerEntry } from '../../domain/extraction.ts';

export interface Mention {
  sentence: number;
  /** The span in the sentence's `flat` text. */
  start: number;
  end: number;
  name: string;
  type: NodeType;
  kind: EntityKind;
  rule: EntityRule;
  confidence: number;
  aliases: string[];
  /** Generic (创新平台): kept only if a relation uses it. */
  weak: boolean;
  count?: { value: number; qualifier: CountQualifier };
  figure?: Figure;
  gazetteer?: GazetteerEntry;
  /** The field a park or cluster named after it works in (虚拟现实产业园 → 虚拟现实). */
  field?: string;
  /** The group a distributed name belongs to (四大产业园区). */
  memberOf?: Mention;
  /** Inside a longer mention: an entity, not an end of its clause's cue relations. */
  nested?: boolean;
  /** The entity a figure is about, when its wording says so (…的崂山国际人才社区). */
  measures?: Mention;
}

/** How sure each rule is, and which wins when two claim the same characters. */
export const RULE_RANK: Record<EntityRule, { priority: number; confidence: number }> = {
  gazetteer: { priority: 100, confidence: 0.95 },
  title: { priority: 90, confidence: 0.9 },
  award: { priority: 85, confidence: 0.75 },
  'list-head': { priority: 84, confidence: 0.75 },
  distributed: { priority: 80, confidence: 0.7 },
  count: { priority: 75, confidence: 0.75 },
  figure: { priority: 74, confidence: 0.8 },
  suffix: { priority: 60, confidence: 0.7 },
  quote: { priority: 55, confidence: 0.65 },
  'field-list': { priority: 50, confidence: 0.6 },
  place: { priority: 45, confidence: 0.7 },
  alias: { priority: 40, confidence: 0.6 },
};

export function mention(
  a: Analysed,
  start: number,
  end: number,
  fields: Pick<Mention, 'type' | 'kind' | 'rule'> & Partial<Mention>,
): Mention {
  const name = fields.name ?? a.sentence.flat.slice(start, end);
  return {
    sentence: a.sentence.index,
    start,
    end,
    name,
    confidence: RULE_RANK[fields.rule].confidence,
    aliases: [],
    weak: false,
    ...fields,
  };
}

/** Whether a name is made only of generic words (科技创新平台, 高端优质创新平台). */
export function isGeneric(a: Analysed, start: number, suffixStart: number): boolean {
  if (suffixStart <= start) return true;
  for (let t = a.tokenAt[start] ?? -1; t >= 0 && t < a.tokens.length; t++) {
    const token = a.tokens[t];
    if (!token || token.start >= suffixStart) break;
    if (!GENERIC_WORDS.has(token.word) && !/^[、和及的]$/.test(token.word)) return false;
  }
  return true;
}

const length = (m: Mention) => m.end - m.start;
const contains = (outer: Mention, inner: Mention) => outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end;

/** What a mention of the same span adds to the one kept: its name as an alias, its count. */
function absorb(kept: Mention, other: Mention): void {
  if (other.kind === 'named' && other.name !== kept.name && !kept.aliases.includes(other.name))
    kept.aliases.push(other.name);
  for (const alias of other.aliases) if (alias !== kept.name && !kept.aliases.includes(alias)) kept.aliases.push(alias);
  if (other.count && !kept.count) kept.count = other.count;
}

/**
 * One sentence's mentions, resolved: longer spans first, then surer rules; a mention inside an
 * accepted one is nested, one that partly overlaps an accepted one is dropped. Mentions composed
 * on the same span (a distributed park and its field) are kept side by side.
 */
export function resolve(mentions: readonly Mention[]): Mention[] {
  const order = [...mentions].sort(
    (a, b) =>
      length(b) - length(a) ||
      RULE_RANK[b.rule].priority - RULE_RANK[a.rule].priority ||
      a.start - b.start ||
      a.name.localeCompare(b.name),
  );
  const kept: Mention[] = [];
  for (const m of order) {
    const same = kept.find((k) => k.start === m.start && k.end === m.end);
    if (same) {
      if (m.type !== same.type && (m.rule === 'distributed' || same.rule === 'distributed')) kept.push(m);
      else absorb(same, m);
      continue;
    }
    // Only names that stand on their own exclude each other; inside a title two may cross.
    if (kept.some((k) => !k.nested && overlaps(k, m) && !contains(k, m))) continue;
    const outer = kept.find((k) => contains(k, m));
    // The quoted core of an honour (崂山区首批“繁星企业”) is its short name, not another entity.
    if (outer && outer.type === 'Honor' && m.rule === 'quote') absorb(outer, m);
    else kept.push(outer ? { ...m, nested: true } : m);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
