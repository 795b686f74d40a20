import { describe, expect, it } from 'vitest';
import type { AcceptRequest } from '../../domain/review.ts';
import { acceptedSet, documentSha256, type KnownNode } from './accept.ts';

const TEXT = '青岛蓝谷海洋科技园与中国海洋大学共建海洋观测联合实验室。海尔集团投资青岛智能装备产业基金。';
const FIRST = '青岛蓝谷海洋科技园与中国海洋大学共建海洋观测联合实验室。';
const SECOND = '海尔集团投资青岛智能装备产业基金。';
const KNOWN: KnownNode[] = [
  { id: 'firm/haier', names: ['海尔集团', 'Haier Group', '海尔'] },
  { id: 'park/a', names: ['同名园区'] },
  { id: 'park/b', names: ['同名园区'] },
  { id: 'lab/haiyangguancelianheshiyanshi', names: ['另一个实验室'] },
];

function request(extra: Partial<AcceptRequest> = {}): AcceptRequest {
  return {
    dataset: 'scratch',
    document: { name: '简报', format: 'text', text: TEXT },
    entities: [
      { ref: 'e1', name: '青岛蓝谷海洋科技园', type: 'Park', evidence: FIRST },
      { ref: 'e2', name: '海洋观测联合实验室', type: 'Lab', evidence: FIRST },
      { ref: 'e3', merge: 'firm/haier', name: '海尔集团', type: 'Firm', evidence: SECOND },
      { ref: 'e4', name: '青岛智能装备产业基金', type: 'Investor', evidence: SECOND, year: 2025 },
    ],
    relations: [
      { source: 'e1', type: 'BUILDS', target: 'e2', evidence: FIRST },
      { source: 'e3', type: 'INVESTS_IN', target: 'e4', evidence: SECOND },
    ],
    ...extra,
  };
}

describe('acceptedSet', () => {
  it('turns accepted proposals into an import set: new ids from type and name, merges kept, one document source', () => {
    const { set, ids, problems } = acceptedSet(request(), KNOWN);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(ids)).toEqual({
      e1: 'park/qingdaolanguhaiyangkejiyuan',
      // The pinyin id is taken by another node of the dataset: a suffix, never a silent merge.
      e2: 'lab/haiyangguancelianheshiyanshi-2',
      e3: 'firm/haier',
      e4: 'investor/qingdaozhinengzhuangbeichanyejijin',
    });
    expect(set.nodes.find((n) => n.id === 'investor/qingdaozhinengzhuangbeichanyejijin')).toMatchObject({
      name_zh: '青岛智能装备产业基金',
      type: 'Investor',
      properties: { year: 2025 },
      evidence: SECOND,
    });
    expect(set.relations.map((r) => `${r.source} ${r.type} ${r.target} ${r.evidence}`)).toEqual([
      `park/qingdaolanguhaiyangkejiyuan BUILDS lab/haiyangguancelianheshiyanshi-2 ${FIRST}`,
      `firm/haier INVESTS_IN investor/qingdaozhinengzhuangbeichanyejijin ${SECOND}`,
    ]);
    expect(set.files).toEqual([
      {
        name: '简报',
        bytes: Buffer.byteLength(TEXT),
        sha256: documentSha256(TEXT),
        format: 'document',
        document: { text: TEXT, format: 'text' },
      },
    ]);
    expect(set.problems).toEqual([]);
  });

  it('merges an unlinked proposal whose name one node holds, and two proposals of one name into one node', () => {
    const { set, ids } = acceptedSet(
      request({
        entities: [
          { ref: 'e1', name: '海尔', type: 'Firm', evidence: SECOND },
          { ref: 'e2', name: 'Blue Valley Park', type: 'Park', evidence: FIRST },
          { ref: 'e3', name: 'blue valley  park', type: 'Park', evidence: FIRST },
        ],
        relations: [],
      }),
      KNOWN,
    );
    expect(Object.fromEntries(ids)).toEqual({
      e1: 'firm/haier',
      e2: 'park/blue-valley-park',
      e3: 'park/blue-valley-park',
    });
    expect(set.nodes.map((n) => n.id)).toEqual(['firm/haier', 'park/blue-valley-park']);
    expect(set.nodes[1]).toMatchObject({ name_en: 'Blue Valley Park' });
  });

  it('keeps figures apart: one node per accepted figure, never found again by its name', () => {
    const text = '甲区新增博士20人。乙区新增博士20人。';
    const { set, ids } = acceptedSet(
      request({
        document: { name: '简报', format: 'text', text },
        entities: [
          {
            ref: 'e1',
            name: '新增博士',
            type: 'Indicator',
            value: 20,
            unit: '人',
            year: 2024,
            evidence: '甲区新增博士20人。',
          },
          {
            ref: 'e2',
            name: '新增博士',
            type: 'Indicator',
            value: 20,
            unit: '人',
            year: 2024,
            evidence: '乙区新增博士20人。',
          },
        ],
        relations: [],
      }),
      [{ id: 'indicator/old', names: ['新增博士'] }],
    );
    expect(Object.fromEntries(ids)).toEqual({
      e1: 'indicator/xinzengboshi-20-2024',
      e2: 'indicator/xinzengboshi-20-2024-2',
    });
    expect(set.nodes.map((n) => [n.evidence, n.matchByName])).toEqual([
      ['甲区新增博士20人。', false],
      ['乙区新增博士20人。', false],
    ]);
  });

  it('merges by an alias as the import would; a node the person made new is never matched by name', () => {
    const { set, ids } = acceptedSet(
      request({
        entities: [
          { ref: 'e1', name: '海尔智家', aliases: ['海尔'], type: 'Firm', evidence: SECOND },
          { ref: 'e2', name: '海尔集团', new: true, type: 'Firm', evidence: SECOND },
        ],
        relations: [{ source: 'e2', type: 'COLLABORATES_WITH', target: 'e1', evidence: SECOND }],
      }),
      KNOWN,
    );
    expect(Object.fromEntries(ids)).toEqual({ e1: 'firm/haier', e2: 'firm/haierjituan' });
    expect(set.nodes.map((n) => [n.id, n.matchByName])).toEqual([
      ['firm/haier', undefined],
      ['firm/haierjituan', false],
    ]);
    expect(set.relations.map((r) => [r.source, r.target])).toEqual([['firm/haierjituan', 'firm/haier']]);
  });

  it('refuses a merge of a figure, and a node both new and merged', () => {
    const { problems } = acceptedSet(
      request({
        entities: [
          { ref: 'e1', merge: 'firm/haier', name: '海尔集团', type: 'Firm', count: 3, evidence: SECOND },
          { ref: 'e2', merge: 'firm/haier', new: true, name: '海尔', type: 'Firm', evidence: SECOND },
        ],
        relations: [],
      }),
      KNOWN,
    );
    expect(problems.map((p) => p.field)).toEqual(['entities.0.merge', 'entities.1.new']);
  });

  it('names every problem by its field', () => {
    const { problems, set } = acceptedSet(
      request({
        entities: [
          { ref: 'e1', name: '同名园区', type: 'Park', evidence: '不在文中的句子。' },
          { ref: 'e1', merge: 'firm/nobody', name: '某公司', type: 'Firm', evidence: SECOND },
          { ref: 'e3', name: '实验室甲', type: 'Lab', evidence: FIRST },
        ],
        relations: [
          { source: 'e3', type: 'BUILDS', target: 'e9', evidence: FIRST },
          { source: 'e3', type: 'BUILDS', target: 'e3', evidence: 'nowhere' },
        ],
      }),
      KNOWN,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'entities.0.evidence',
      'entities.0.name',
      'entities.1.ref',
      'entities.1.merge',
      'relations.0.target',
      'relations.1.evidence',
      'relations.1.target',
    ]);
    expect(problems[1]?.message).toContain('park/a, park/b');
    expect(set.problems).toHaveLength(problems.length);
  });
});
