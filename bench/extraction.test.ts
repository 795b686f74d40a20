import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FileSystem from 'node:fs';
import type { EntityProposal, Extraction, RelationProposal } from '../domain/extraction.ts';

// Every file the code under test opens, to show what the cold run reads.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FileSystem>();
  const watch =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      opened.push(`${name} ${String(args[0])}`);
      return f(...args);
    };
  const spied = {
    readFileSync: watch('readFileSync', fs.readFileSync),
    readdirSync: watch('readdirSync', fs.readdirSync),
    existsSync: watch('existsSync', fs.existsSync),
    openSync: watch('openSync', fs.openSync),
    statSync: watch('statSync', fs.statSync),
  };
  return { ...fs, ...spied, default: { ...fs, ...spied } };
});

const { CORPORA, coldRun, evaluate, normalizeName } = await import('./extraction.ts');

const evidence = { sentence: 0, text: 's', start: 0, end: 1 };

function entity(id: string, name: string, extra: Partial<EntityProposal> = {}): EntityProposal {
  return {
    id,
    kind: 'named',
    name,
    type: 'Firm',
    aliases: [],
    confidence: 0.7,
    rules: ['suffix'],
    evidence: [evidence],
    mentions: [],
    ...extra,
  };
}

function relation(id: string, source: string, type: RelationProposal['type'], target: string): RelationProposal {
  return { id, source, type, target, confidence: 0.7, rule: 'cue', evidence };
}

describe('the evaluation', () => {
  // Gold: four entities (one a counted group), two indicators, four relations.
  const gold = {
    nodes: [
      { id: 'd', type: 'District', names: ['崂山区', '崂山'] },
      { id: 'f', type: 'Firm', names: ['海尔集团', '海尔'] },
      { id: 'h', type: 'Honor', names: ['“繁星企业”'] },
      { id: 'g', type: 'Talent', names: ['两院院士'], count: 19 },
      { id: 'i1', type: 'Indicator', names: ['研发投入强度'], value: 4.32, unit: '%' },
      { id: 'i2', type: 'Indicator', names: ['专利'], value: 180, unit: '件' },
    ],
    relations: [
      { source: 'f', type: 'AWARDED', target: 'h' },
      { source: 'd', type: 'ATTRACTS', target: 'g' },
      { source: 'i1', type: 'MEASURES', target: 'd' },
      { source: 'd', type: 'COLLABORATES_WITH', target: 'f' },
    ],
  };
  // Proposed: 崂山 (an alias), 海尔集团, 繁星企业 (quotes normalised away), a duplicate 海尔, a wrong
  // name, the group with its count; 4.32% right, 9% wrong; five relations, of which three hold.
  const proposed: Extraction = {
    sentences: [evidence],
    entities: [
      entity('e1', '崂山', { type: 'District' }),
      entity('e2', '海尔集团'),
      entity('e3', '繁星企业', { type: 'Honor' }),
      entity('e4', 'Haier', { aliases: ['海尔'] }),
      entity('e5', '青岛市'),
      entity('e6', '两院院士', { kind: 'group', type: 'Talent', count: 19 }),
      entity('e7', '强度', { kind: 'indicator', type: 'Indicator', value: 4.32, unit: '％' }),
      entity('e8', '比重', { kind: 'indicator', type: 'Indicator', value: 9, unit: '%' }),
    ],
    relations: [
      relation('r1', 'e2', 'AWARDED', 'e3'),
      relation('r2', 'e6', 'ATTRACTS', 'e1'),
      relation('r3', 'e7', 'MEASURES', 'e1'),
      relation('r4', 'e2', 'COLLABORATES_WITH', 'e1'),
      relation('r5', 'e4', 'AWARDED', 'e3'),
    ],
  };

  it('scores entities by name, aliases allowed, one proposal per gold node', () => {
    const result = evaluate(proposed, gold);
    // 6 proposed entities, 4 right (崂山, 海尔集团, 繁星企业, 两院院士); the second 海尔 is a duplicate.
    expect(result.entities).toMatchObject({ gold: 4, predicted: 6, correct: 4, precision: 0.667, recall: 1 });
    expect(result.named).toMatchObject({ gold: 3, predicted: 5, correct: 3 });
    expect(result.groups).toMatchObject({ gold: 1, predicted: 1, correct: 1 });
    expect(result.spuriousEntities).toEqual(['Haier', '青岛市']);
    expect(result.typeAgreement).toEqual({ matched: 4, sameType: 4 });
  });

  it('scores indicators by value and unit', () => {
    expect(evaluate(proposed, gold).indicators).toMatchObject({
      gold: 2,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 0.5,
    });
  });

  it('scores relations by type and ends, with direction, either order for a symmetric type', () => {
    const result = evaluate(proposed, gold);
    // r1 holds; r2 is reversed; r3 holds through the indicator; r4 holds in either order; r5 repeats r1.
    expect(result.relations).toMatchObject({ gold: 4, predicted: 5, correct: 3, precision: 0.6, recall: 0.75 });
    expect(result.missedRelations).toEqual(['d ATTRACTS g']);
    expect(result.spuriousRelations).toEqual(['两院院士 ATTRACTS 崂山', 'Haier AWARDED 繁星企业']);
  });

  it('normalises width, case, spaces, quotes and title marks', () => {
    expect(normalizeName(' 《“繁星计划”方案》（试行）')).toBe(normalizeName('繁星计划方案(试行)'));
    expect(normalizeName('Haier Group')).toBe('haiergroup');
  });
});

describe('the cold run', () => {
  beforeEach(() => {
    opened.length = 0;
  });

  it('reads the article and nothing of the curated dataset, and knows no entity', () => {
    const source = CORPORA[0];
    if (!source) throw new Error('no corpus');
    const result = coldRun(source.text);
    expect(opened).toEqual([`readFileSync ${source.text}`]);
    expect(result.entities.length).toBeGreaterThan(50);
    expect(result.entities.filter((e) => e.merge)).toEqual([]);
  });

  it('reads the gold set only when asked, after the extraction', () => {
    const source = CORPORA[0];
    if (!source) throw new Error('no corpus');
    coldRun(source.text);
    expect(opened.some((f) => /seed\/laoshan\/(nodes|relations)/.test(f))).toBe(false);
    source.gold();
    expect(opened.some((f) => /seed\/laoshan\/nodes/.test(f))).toBe(true);
  });
});
