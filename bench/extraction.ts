// `npm run bench -- --only extraction`: the extractor (server/extract/) run cold — with an empty
// gazetteer, so the gold set is never an input — on the source article, scored against the
// curated dataset, and on a second report (bench/extraction/, fictional, with its own gold set).
// Entities (named ones and counted groups) match by name, aliases allowed, after normalisation;
// indicators by value and unit; relations by type and ends, direction-aware (symmetric types in
// either order), each end matched through the entity matching. docs/extraction.md has the method.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isUndirected } from '../domain/ontology.ts';
import { extract } from '../server/extract/extract.ts';
import type { EntityProposal, Extraction } from '../domain/extraction.ts';
import { readSeedDataset } from '../seed/read.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface GoldNode {
  id: string;
  type: string;
  names: string[];
  count?: number;
  value?: number;
  unit?: string;
}

export interface GoldRelation {
  source: string;
  type: string;
  target: string;
}

export interface GoldSet {
  nodes: GoldNode[];
  relations: GoldRelation[];
}

export interface Score {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /** Named entities and counted groups (indicators apart). */
  entities: Score;
  named: Score;
  groups: Score;
  indicators: Score;
  relations: Score;
  /** Of the matched entities, how many have the gold type. */
  typeAgreement: { matched: number; sameType: number };
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  spuriousRelations: string[];
}

/** Names compared: Unicode-normalised, lower-case, without spaces, quotes and title marks. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s“”‘’"'《》「」『』〈〉]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const normalizeUnit = (unit: string | undefined) => (unit ?? '').normalize('NFKC').replace('％', '%');

export function score(gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { gold, predicted, correct, precision: r(precision), recall: r(recall), f1: r(f1) };
}

const isIndicator = (n: { type: string }) => n.type === 'Indicator';
/** A gold group: counted members (an honour's count is the size of a named list, not a group). */
const isGoldGroup = (n: GoldNode) => n.count !== undefined && n.type !== 'Honor';

/**
 * Predicted entity → gold node. One to one for scoring (a second proposal of a matched node is a
 * duplicate, so a false positive); `ends` keeps every proposal's match, duplicates too, for
 * relation ends. Among gold nodes of the same name, the one with the same count comes first.
 */
function matchEntities(predicted: EntityProposal[], gold: GoldNode[]) {
  const byName = new Map<string, GoldNode[]>();
  for (const node of gold)
    for (const name of node.names) byName.set(normalizeName(name), [...(byName.get(normalizeName(name)) ?? []), node]);
  const taken = new Map<string, EntityProposal>();
  const ends = new Map<string, string>();
  for (const p of predicted) {
    const candidates = [...new Set([p.name, ...p.aliases].flatMap((n) => byName.get(normalizeName(n)) ?? []))];
    candidates.sort((a, b) => Number(b.count === p.count) - Number(a.count === p.count));
    const free = candidates.find((c) => !taken.has(c.id));
    if (free) taken.set(free.id, p);
    const end = free ?? candidates[0];
    if (end) ends.set(p.id, end.id);
  }
  return { taken, ends };
}

/** Predicted indicator → gold indicator, one to one, by value and unit. */
function matchIndicators(predicted: EntityProposal[], gold: GoldNode[]) {
  const taken = new Map<string, EntityProposal>();
  const ends = new Map<string, string>();
  for (const p of predicted) {
    const hit = gold.find(
      (g) =>
        !taken.has(g.id) &&
        g.value !== undefined &&
        p.value !== undefined &&
        Math.abs(g.value - p.value) <= 1e-9 * Math.max(1, Math.abs(g.value)) &&
        normalizeUnit(g.unit) === normalizeUnit(p.unit),
    );
    if (!hit) continue;
    taken.set(hit.id, p);
    ends.set(p.id, hit.id);
  }
  return { taken, ends };
}

const relationKey = (source: string, type: string, target: string) => {
  const [a, b] = isUndirected(type) && target < source ? [target, source] : [source, target];
  return `${a} ${type} ${b}`;
};

export function evaluate(extraction: Extraction, gold: GoldSet): Evaluation {
  const goldEntities = gold.nodes.filter((n) => !isIndicator(n));
  const goldIndicators = gold.nodes.filter(isIndicator);
  const predEntities = extraction.entities.filter((e) => e.kind !== 'indicator');
  const predIndicators = extraction.entities.filter((e) => e.kind === 'indicator');
  const entities = matchEntities(predEntities, goldEntities);
  const indicators = matchIndicators(predIndicators, goldIndicators);
  const matched = new Set([...entities.taken.values()].map((p) => p.id));
  const namedGold = goldEntities.filter((n) => !isGoldGroup(n));
  const groupGold = goldEntities.filter(isGoldGroup);
  const ofKind = (kind: string) =>
    predEntities.filter((p) => (kind === 'group' ? p.kind === 'group' : p.kind !== 'group'));
  const typeOf = new Map(gold.nodes.map((n) => [n.id, n.type]));
  const pairs = [...entities.taken].map(([goldId, p]) => [typeOf.get(goldId), p.type]);

  const ends = new Map([...entities.ends, ...indicators.ends]);
  const goldKeys = new Set(gold.relations.map((r) => relationKey(r.source, r.type, r.target)));
  const found = new Set<string>();
  const names = new Map(extraction.entities.map((e) => [e.id, e.name]));
  const spuriousRelations: string[] = [];
  for (const r of extraction.relations) {
    const [s, t] = [ends.get(r.source), ends.get(r.target)];
    const key = s && t ? relationKey(s, r.type, t) : undefined;
    if (key && goldKeys.has(key) && !found.has(key)) found.add(key);
    else spuriousRelations.push(`${names.get(r.source)} ${r.type} ${names.get(r.target)}`);
  }
  return {
    entities: score(goldEntities.length, predEntities.length, entities.taken.size),
    named: score(namedGold.length, ofKind('named').length, namedGold.filter((n) => entities.taken.has(n.id)).length),
    groups: score(groupGold.length, ofKind('group').length, groupGold.filter((n) => entities.taken.has(n.id)).length),
    indicators: score(goldIndicators.length, predIndicators.length, indicators.taken.size),
    relations: score(goldKeys.size, extraction.relations.length, found.size),
    typeAgreement: { matched: pairs.length, sameType: pairs.filter(([g, p]) => g === p).length },
    missedEntities: goldEntities.filter((n) => !entities.taken.has(n.id)).map((n) => n.names[0] ?? n.id),
    spuriousEntities: predEntities.filter((p) => !matched.has(p.id)).map((p) => p.name),
    missedRelations: [...goldKeys].filter((k) => !found.has(k)),
    spuriousRelations,
  };
}

/** The curated dataset as a gold set (read only after the extraction has run). */
export function goldFromSeed(dir: string): GoldSet {
  const data = readSeedDataset(dir, ROOT);
  return {
    nodes: data.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      names: [n.name_zh, n.name_en, ...n.aliases].filter((x): x is string => !!x),
      ...(n.count !== undefined ? { count: n.count } : {}),
      ...(n.value !== undefined ? { value: n.value, unit: n.unit } : {}),
    })),
    relations: data.relations.map((r) => ({ source: r.source, type: r.type, target: r.target })),
  };
}

interface GoldFile {
  nodes: {
    id: string;
    type: string;
    name: string;
    aliases?: string[];
    count?: number;
    value?: number;
    unit?: string;
  }[];
  relations: GoldRelation[];
}

/** A hand-made gold set (bench/extraction/*.gold.yaml). */
export function goldFromFile(file: string): GoldSet {
  const data = parse(readFileSync(file, 'utf8')) as GoldFile;
  return {
    nodes: data.nodes.map(({ name, aliases, ...rest }) => ({ ...rest, names: [name, ...(aliases ?? [])] })),
    relations: data.relations,
  };
}

/** The extractor on a file's text with an empty gazetteer: nothing known is assumed. */
export function coldRun(textFile: string): Extraction {
  return extract(readFileSync(textFile, 'utf8'), { gazetteer: [] });
}

export interface Corpus {
  name: string;
  /** How the rules relate to it: developed while reading it, or held out (never tuned on). */
  role: 'development' | 'held out';
  text: string;
  gold: () => GoldSet;
}

const extractionDir = path.join(ROOT, 'bench/extraction');

export const CORPORA: readonly Corpus[] = [
  {
    name: 'laoshan',
    role: 'development',
    text: path.join(ROOT, 'seed/laoshan/sources/laoshan-innovation-conference.zh.txt'),
    gold: () => goldFromSeed(path.join(ROOT, 'seed/laoshan')),
  },
  {
    name: 'yunhu',
    role: 'development',
    text: path.join(extractionDir, 'yunhu-innovation-report.zh.txt'),
    gold: () => goldFromFile(path.join(extractionDir, 'yunhu-innovation-report.gold.yaml')),
  },
  {
    name: 'nanyu',
    role: 'held out',
    text: path.join(extractionDir, 'nanyu-hi-tech-zone-report.zh.txt'),
    gold: () => goldFromFile(path.join(extractionDir, 'nanyu-hi-tech-zone-report.gold.yaml')),
  },
];

/** The issue's targets on the source article. */
export const TARGETS = { entityRecall: 0.8, entityPrecision: 0.7, relationRecall: 0.5, relationPrecision: 0.6 };

export function extractionBenchmark() {
  const corpora = CORPORA.map((corpus) => {
    const started = performance.now();
    const extraction = coldRun(corpus.text);
    const ms = Math.round(performance.now() - started);
    const evaluation = evaluate(extraction, corpus.gold());
    const characters = readFileSync(corpus.text, 'utf8').length;
    return {
      corpus: corpus.name,
      role: corpus.role,
      file: path.relative(ROOT, corpus.text),
      characters,
      sentences: extraction.sentences.length,
      ms,
      ...evaluation,
    };
  });
  const first = corpora[0] as (typeof corpora)[number];
  const targets = {
    entityRecall: {
      target: TARGETS.entityRecall,
      value: first.entities.recall,
      pass: first.entities.recall >= TARGETS.entityRecall,
    },
    entityPrecision: {
      target: TARGETS.entityPrecision,
      value: first.entities.precision,
      pass: first.entities.precision >= TARGETS.entityPrecision,
    },
    relationRecall: {
      target: TARGETS.relationRecall,
      value: first.relations.recall,
      pass: first.relations.recall >= TARGETS.relationRecall,
    },
    relationPrecision: {
      target: TARGETS.relationPrecision,
      value: first.relations.precision,
      pass: first.relations.precision >= TARGETS.relationPrecision,
    },
  };
  return { gazetteer: 'empty (cold)', corpora, targets };
}

type BenchResult = ReturnType<typeof extractionBenchmark>;

/** The figures as tables: one row per text and measure, then the targets and the misses. */
export function printExtraction(result: BenchResult): void {
  const measures = ['entities', 'named', 'groups', 'indicators', 'relations'] as const;
  console.table(
    result.corpora.flatMap((c) =>
      measures.map((m) => ({
        text: `${c.corpus} (${c.role})`,
        measure: m,
        gold: c[m].gold,
        proposed: c[m].predicted,
        correct: c[m].correct,
        precision: c[m].precision,
        recall: c[m].recall,
      })),
    ),
  );
  for (const c of result.corpora)
    console.log(
      `${c.corpus}: ${c.characters} characters, ${c.sentences} sentences, ${c.ms} ms; types agree on ${c.typeAgreement.sameType} of ${c.typeAgreement.matched} matched entities; ` +
        `missed entities: ${c.missedEntities.join('、') || 'none'}`,
    );
  const t = result.targets;
  console.log(
    `targets on the source article (cold): entity recall ${t.entityRecall.value} ≥ ${t.entityRecall.target} ${t.entityRecall.pass ? 'pass' : 'MISS'}, ` +
      `precision ${t.entityPrecision.value} ≥ ${t.entityPrecision.target} ${t.entityPrecision.pass ? 'pass' : 'MISS'}; ` +
      `relation recall ${t.relationRecall.value} ≥ ${t.relationRecall.target} ${t.relationRecall.pass ? 'pass' : 'MISS'}, ` +
      `precision ${t.relationPrecision.value} ≥ ${t.relationPrecision.target} ${t.relationPrecision.pass ? 'pass' : 'MISS'}`,
  );
}
