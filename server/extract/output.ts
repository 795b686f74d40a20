// From the extractor's working entities and relations to its proposals: stable ids in text
// order, evidence as verbatim sentences with their offsets in the input, generic names that no
// relation uses left out, and a known entity's id on every proposal that matches it.
import type { RawRelation } from './context.ts';
import { rulesOf, type Entity } from './entities.ts';
import type { Mention } from './mentions.ts';
import type { Analysed } from './names.ts';
import type {
  EntityProposal,
  Evidence,
  Extraction,
  GazetteerEntry,
  RelationProposal,
  Span,
} from '../../domain/extraction.ts';

const round = (x: number) => Math.round(x * 100) / 100;

function evidenceOf(a: Analysed): Evidence {
  const { index, text, start, end } = a.sentence;
  return { sentence: index, text, start, end };
}

function spanOf(a: Analysed, m: Mention): Span {
  const { offsets } = a.sentence;
  const start = offsets[m.start] ?? a.sentence.start;
  return { start, end: (offsets[Math.max(m.start, m.end - 1)] ?? start) + 1 };
}

const firstOf = (e: Entity) =>
  e.mentions.reduce((best, m) =>
    m.sentence < best.sentence || (m.sentence === best.sentence && m.start < best.start) ? m : best,
  );

function proposal(
  e: Entity,
  id: string,
  analysed: readonly Analysed[],
  known: (name: string) => GazetteerEntry | undefined,
): EntityProposal {
  const mentions = [...e.mentions].sort((x, y) => x.sentence - y.sentence || x.start - y.start);
  const sentences = [...new Set(mentions.map((m) => m.sentence))];
  const best = Math.max(...mentions.map((m) => m.confidence));
  const counted = mentions.find((m) => m.count);
  const figure = mentions.find((m) => m.figure)?.figure;
  // Only a named actor is offered as a merge: a counted group or a figure is a fact of its
  // sentence (another report's 国家级高层次人才180人 is not the node that counts 153).
  const fact = e.kind !== 'named' || counted?.count !== undefined || figure !== undefined;
  const entry = fact ? undefined : (e.gazetteer ?? [e.name, ...e.names].map(known).find((g) => g));
  return {
    id,
    kind: e.kind,
    name: e.name,
    type: e.type,
    aliases: [...e.names].filter((n) => n !== e.name).sort(),
    ...(counted?.count ? { count: counted.count.value, count_qualifier: counted.count.qualifier } : {}),
    ...(figure
      ? {
          value: figure.value,
          value_qualifier: figure.qualifier,
          unit: figure.unit,
          ...(figure.year ? { year: figure.year } : {}),
        }
      : {}),
    ...(entry ? { merge: { id: entry.id, type: entry.type, name: entry.names[0] ?? entry.id } } : {}),
    confidence: round(Math.min(0.98, best + 0.05 * (sentences.length - 1))),
    rules: rulesOf(e),
    evidence: sentences.map((s) => evidenceOf(analysed[s] as Analysed)),
    mentions: mentions.map((m) => spanOf(analysed[m.sentence] as Analysed, m)),
  };
}

export function toExtraction(
  analysed: readonly Analysed[],
  entities: readonly Entity[],
  relations: readonly RawRelation[],
  known: (name: string) => GazetteerEntry | undefined,
): Extraction {
  const used = new Set(relations.flatMap((r) => [r.source, r.target]));
  const kept = entities
    .filter((e) => used.has(e) || !e.mentions.every((m) => m.weak))
    .sort((x, y) => {
      const [a, b] = [firstOf(x), firstOf(y)];
      return a.sentence - b.sentence || a.start - b.start || a.end - b.end || x.name.localeCompare(y.name);
    });
  const ids = new Map(kept.map((e, i) => [e, `e${i + 1}`]));
  const proposals = kept.map((e) => proposal(e, ids.get(e) as string, analysed, known));
  const ordered = [...relations]
    .filter((r) => ids.has(r.source) && ids.has(r.target))
    .sort(
      (x, y) =>
        x.sentence - y.sentence ||
        (ids.get(x.source) as string).localeCompare(ids.get(y.source) as string, 'en', { numeric: true }) ||
        x.type.localeCompare(y.type) ||
        (ids.get(x.target) as string).localeCompare(ids.get(y.target) as string, 'en', { numeric: true }),
    );
  const relationProposals: RelationProposal[] = ordered.map((r, i) => ({
    id: `r${i + 1}`,
    source: ids.get(r.source) as string,
    type: r.type,
    target: ids.get(r.target) as string,
    confidence: round(r.confidence),
    rule: r.rule,
    ...(r.cue ? { cue: r.cue } : {}),
    evidence: evidenceOf(analysed[r.sentence] as Analysed),
  }));
  return { sentences: analysed.map(evidenceOf), entities: proposals, relations: relationProposals };
}
