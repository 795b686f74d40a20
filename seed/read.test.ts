import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURATED_DATASET } from '../domain/ids.ts';
import { isNodeType, isRelationType } from '../domain/ontology.ts';
import { normalizeWhitespace, readSeedDataset, SeedError } from './read.ts';

const CURATED = path.join(import.meta.dirname, 'laoshan');

function copyCurated(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
  cpSync(CURATED, dir, { recursive: true });
  return dir;
}

function problemsOf(dir: string) {
  try {
    readSeedDataset(dir, dir);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('the curated dataset', () => {
  const data = readSeedDataset(CURATED);

  it('is the dataset "laoshan" with its source text', () => {
    expect(data.dataset.name).toBe(CURATED_DATASET);
    expect(data.sources.map((s) => s.id)).toContain('source/laoshan-sti-conference-2024');
  });

  it('quotes every node and relation verbatim from its source', () => {
    const texts = new Map(data.sources.map((s) => [s.id, normalizeWhitespace(s.text)]));
    const items = [...data.nodes, ...data.relations];
    for (const item of items) {
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const e of item.evidence) expect(texts.get(e.source)).toContain(normalizeWhitespace(e.quote));
    }
  });

  it('gives every node both names and an ontology type, every relation a known type and existing ends', () => {
    const ids = new Set(data.nodes.map((n) => n.id));
    for (const node of data.nodes) {
      expect(node.name_zh.trim()).not.toBe('');
      expect(node.name_en.trim()).not.toBe('');
      expect(isNodeType(node.type)).toBe(true);
    }
    for (const relation of data.relations) {
      expect(isRelationType(relation.type)).toBe(true);
      expect(ids.has(relation.source) && ids.has(relation.target)).toBe(true);
    }
  });
});

describe('seed validation names file, line, record and field', () => {
  it('reports a missing English name', () => {
    const dir = copyCurated();
    const file = path.join(dir, 'nodes', 'Firm.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  name_en: Haier Group\n', ''));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: path.join('nodes', 'Firm.yaml'), record: 'firm/haier', field: 'name_en' }),
    );
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it('reports a quote that is not in the source, at its line', () => {
    const dir = copyCurated();
    const file = path.join(dir, 'nodes', 'Firm.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('评选海尔集团等崂山区十强科技创新企业进行表彰', '海尔集团是世界第一'));
    const [problem] = problemsOf(dir);
    const expectedLine = original.split('\n').findIndex((l) => l.includes('评选海尔集团等')) + 1;
    expect(problem).toMatchObject({ record: 'firm/haier', field: 'evidence.0.quote', line: expectedLine });
  });

  it('reports unknown fields, unknown relation types, dangling ends and duplicate ids', () => {
    const dir = copyCurated();
    const firms = path.join(dir, 'nodes', 'Firm.yaml');
    const duplicate =
      '- id: firm/leice-chuangxin\n  name_zh: 镭测创芯\n  name_en: Leice\n  evidence:\n    - source: source/laoshan-sti-conference-2024\n      quote: 青岛镭测创芯科技有限公司\n';
    writeFileSync(
      firms,
      readFileSync(firms, 'utf8').replace('  name_en: Haier Group\n', '  name_en: Haier Group\n  nmae_en: typo\n') +
        duplicate,
    );
    const relations = path.join(dir, 'relations.yaml');
    writeFileSync(
      relations,
      readFileSync(relations, 'utf8') +
        '- source: firm/haier\n  type: LIKES\n  target: firm/nobody\n  evidence:\n    - source: source/laoshan-sti-conference-2024\n      quote: 海尔集团\n' +
        '- source: firm/haier\n  type: AWARDED\n  target: firm/nobody\n  evidence:\n    - source: source/laoshan-sti-conference-2024\n      quote: 海尔集团\n',
    );
    const messages = problemsOf(dir).map((p) => `${p.record} ${p.field} ${p.message}`);
    expect(messages).toContainEqual(expect.stringContaining('firm/haier nmae_en unknown field'));
    expect(messages).toContainEqual(expect.stringContaining('type must be one of'));
    expect(messages).toContainEqual(expect.stringContaining('target no node with id "firm/nobody"'));
    expect(messages).toContainEqual(expect.stringContaining('duplicate id'));
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = copyCurated();
    writeFileSync(path.join(dir, 'relations.yaml'), '- source: a\n  type: [unclosed\n');
    const [problem] = problemsOf(dir);
    expect(problem?.file).toBe('relations.yaml');
    expect(problem?.message).toMatch(/^YAML/);
    expect(problem?.line).toBeGreaterThan(0);
  });
});
