// A deterministic synthetic ecosystem for scale tests: the ontology's node and relation types,
// communities (each with its park and industries), and preferential attachment inside them so
// that degrees are heavy-tailed. Same seed → identical output. Every item is marked synthetic
// and goes into its own dataset, never the curated one.
import { pinyin } from 'pinyin-pro';
import type { NodeType, RelationType } from '../domain/ontology.ts';
import { createRandom } from '../domain/random.ts';
import type { NodeRecord, RelationRecord, SeedDataset } from './schema.ts';
import { relationId } from './schema.ts';

export const SYNTHETIC_SOURCE_ID = 'source/synthetic-generator';
const QUOTE = '合成数据';

/** Share of each type among generated nodes (sums to 1). */
const TYPE_SHARES: [NodeType, number][] = [
  ['Firm', 0.45],
  ['Talent', 0.15],
  ['Lab', 0.05],
  ['Platform', 0.05],
  ['Programme', 0.05],
  ['Institute', 0.03],
  ['Investor', 0.04],
  ['Event', 0.04],
  ['Indicator', 0.04],
  ['Organization', 0.04],
  ['Honor', 0.03],
  ['Park', 0.01],
  ['Industry', 0.01],
  ['University', 0.007],
  ['District', 0.003],
];

/** What each type links to: [target type, relation, weight]. */
const TEMPLATES: Record<NodeType, [NodeType, RelationType, number][]> = {
  Firm: [
    ['Park', 'LOCATED_IN', 1],
    ['Industry', 'FOCUSES_ON', 2],
    ['Honor', 'AWARDED', 1],
    ['Platform', 'MEMBER_OF', 2],
    ['Event', 'TAKES_PART_IN', 1],
    ['Lab', 'BUILDS', 1],
  ],
  University: [
    ['Lab', 'BUILDS', 2],
    ['Institute', 'BUILDS', 1],
    ['Park', 'LOCATED_IN', 1],
    ['Industry', 'FOCUSES_ON', 2],
    ['Platform', 'MEMBER_OF', 1],
  ],
  Institute: [
    ['Park', 'LOCATED_IN', 1],
    ['Industry', 'FOCUSES_ON', 2],
    ['University', 'PART_OF', 1],
    ['Platform', 'MEMBER_OF', 1],
    ['Honor', 'AWARDED', 1],
  ],
  Lab: [
    ['Industry', 'FOCUSES_ON', 2],
    ['Institute', 'PART_OF', 1],
    ['University', 'PART_OF', 1],
    ['Honor', 'AWARDED', 1],
  ],
  Platform: [
    ['Industry', 'FOCUSES_ON', 2],
    ['Park', 'LOCATED_IN', 1],
    ['Firm', 'SUPPORTS', 2],
  ],
  Talent: [
    ['Firm', 'PART_OF', 2],
    ['Lab', 'PART_OF', 2],
    ['University', 'PART_OF', 1],
    ['Honor', 'AWARDED', 1],
    ['Event', 'TAKES_PART_IN', 1],
  ],
  Park: [
    ['District', 'PART_OF', 1],
    ['Industry', 'FOCUSES_ON', 2],
  ],
  Investor: [
    ['Firm', 'INVESTS_IN', 5],
    ['Park', 'LOCATED_IN', 1],
    ['Industry', 'FOCUSES_ON', 1],
  ],
  Programme: [
    ['Firm', 'SUPPORTS', 3],
    ['Talent', 'SUPPORTS', 1],
    ['Industry', 'FOCUSES_ON', 1],
    ['Platform', 'SUPPORTS', 1],
  ],
  Event: [
    ['Park', 'LOCATED_IN', 1],
    ['Industry', 'FOCUSES_ON', 1],
  ],
  Honor: [
    ['Event', 'PRESENTED_AT', 1],
    ['Programme', 'PART_OF', 1],
  ],
  Industry: [['Industry', 'PART_OF', 1]],
  Indicator: [
    ['District', 'MEASURES', 1],
    ['Park', 'MEASURES', 1],
    ['Industry', 'MEASURES', 1],
  ],
  Organization: [
    ['Platform', 'MEMBER_OF', 2],
    ['Event', 'TAKES_PART_IN', 1],
  ],
  // Imported data's generic type: the generator never makes one (its share is 0).
  Actor: [],
  District: [
    ['Programme', 'ISSUED', 3],
    ['Event', 'HOSTS', 2],
    ['Park', 'BUILDS', 1],
    ['Platform', 'SUPPORTS', 1],
  ],
};

const SYLLABLES = '海崂青蓝星智创博华瀚泰鼎卓信汇融启宏远澜极睿精新科源云航光锐翔凯盛恒达明安润德'.split('');
const SUFFIX: Record<NodeType, [string, string][]> = {
  Firm: [
    ['科技有限公司', 'Technology Co., Ltd.'],
    ['智能科技有限公司', 'Intelligent Technology Co., Ltd.'],
    ['生物医药有限公司', 'Biomedical Co., Ltd.'],
    ['信息技术有限公司', 'Information Technology Co., Ltd.'],
    ['新材料有限公司', 'New Materials Co., Ltd.'],
  ],
  University: [
    ['大学', 'University'],
    ['理工学院', 'Institute of Technology'],
  ],
  Institute: [
    ['研究院', 'Research Institute'],
    ['新型研发机构', 'New R&D Institution'],
  ],
  Lab: [
    ['重点实验室', 'Key Laboratory'],
    ['联合实验室', 'Joint Laboratory'],
  ],
  Platform: [
    ['技术创新中心', 'Technology Innovation Centre'],
    ['产业联盟', 'Industry Alliance'],
    ['孵化器', 'Incubator'],
  ],
  Talent: [
    ['研究员', 'Researcher'],
    ['工程师', 'Engineer'],
    ['教授', 'Professor'],
  ],
  Park: [
    ['产业园', 'Industrial Park'],
    ['创新园', 'Innovation Park'],
  ],
  Investor: [
    ['创业投资基金', 'Venture Fund'],
    ['产业引导基金', 'Industrial Guidance Fund'],
  ],
  Programme: [
    ['行动计划', 'Action Plan'],
    ['扶持政策', 'Support Policy'],
  ],
  Event: [
    ['峰会', 'Summit'],
    ['创新大会', 'Innovation Conference'],
  ],
  Honor: [
    ['创新奖', 'Innovation Award'],
    ['示范企业', 'Model Enterprise Title'],
  ],
  Industry: [
    ['产业', 'Industry'],
    ['技术', 'Technology'],
  ],
  Indicator: [
    ['研发投入', 'R&D spending'],
    ['专利数量', 'Patent count'],
  ],
  Organization: [
    ['协会', 'Association'],
    ['服务机构', 'Service Organisation'],
  ],
  Actor: [],
  District: [
    ['管理委员会', 'Administrative Committee'],
    ['街道办事处', 'Sub-district Office'],
  ],
};

export interface SyntheticOptions {
  nodes: number;
  seed?: number;
  /** Relations per node; the design target is 5. */
  relationsPerNode?: number;
  name?: string;
}

interface Draft {
  type: NodeType;
  community: number;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickWeighted<T>(items: readonly (readonly [...unknown[], number])[], random: () => number): T {
  const total = items.reduce((sum, item) => sum + (item[item.length - 1] as number), 0);
  let r = random() * total;
  for (const item of items) {
    r -= item[item.length - 1] as number;
    if (r <= 0) return item as unknown as T;
  }
  return items[items.length - 1] as unknown as T;
}

function titleCase(syllables: string[]): string {
  const joined = syllables.join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function generateSynthetic(options: SyntheticOptions): SeedDataset {
  const count = Math.max(10, Math.floor(options.nodes));
  const seed = options.seed ?? 1;
  const perNode = options.relationsPerNode ?? 5;
  const random = createRandom(seed);
  const name = options.name ?? `synthetic-${count}`;

  // Types, then communities of uneven size (Zipf-like weights).
  const communities = Math.max(3, Math.ceil(count / 250));
  const communityWeights = Array.from({ length: communities }, (_, i) => 1 / (i + 1) ** 0.8);
  const weightTotal = communityWeights.reduce((a, b) => a + b, 0);
  const drawCommunity = () => {
    let r = random() * weightTotal;
    for (let i = 0; i < communities; i++) {
      r -= communityWeights[i] as number;
      if (r <= 0) return i;
    }
    return communities - 1;
  };
  const drafts: Draft[] = [];
  for (const [type, share] of TYPE_SHARES) {
    const n = Math.max(type === 'District' ? 1 : 2, Math.round(count * share));
    for (let i = 0; i < n && drafts.length < count; i++) drafts.push({ type, community: drawCommunity() });
  }
  while (drafts.length < count) drafts.push({ type: 'Firm', community: drawCommunity() });

  const nodes: NodeRecord[] = [];
  const evidence = [{ source: SYNTHETIC_SOURCE_ID, quote: QUOTE }];
  const pinyinCache = new Map<string, string>();
  const latin = (ch: string) => {
    let p = pinyinCache.get(ch);
    if (p === undefined) {
      p = pinyin(ch, { toneType: 'none', v: true }).replace(/\s+/g, '');
      pinyinCache.set(ch, p);
    }
    return p;
  };
  drafts.forEach((draft, index) => {
    const a = pick(SYLLABLES, random);
    const b = pick(SYLLABLES, random);
    const [zhSuffix, enSuffix] = pick(SUFFIX[draft.type], random);
    const serial = String(index).padStart(6, '0');
    nodes.push({
      id: `${draft.type.toLowerCase()}/s${serial}`,
      type: draft.type,
      name_zh: `${a}${b}${zhSuffix}${draft.type === 'Talent' ? ` ${serial}` : ''}`,
      name_en: `${titleCase([latin(a), latin(b)])} ${enSuffix}${draft.type === 'Talent' ? ` ${serial}` : ''}`,
      name_en_basis: 'translation',
      aliases: [],
      description_en: `Synthetic ${draft.type.toLowerCase()} in community ${draft.community + 1}`,
      evidence,
    });
  });

  // Preferential-attachment pools per (community, type) and per type: a node appears once,
  // plus once for every relation it receives, so that well-connected nodes attract more.
  const pools = new Map<string, number[]>();
  const pool = (key: string) => {
    let p = pools.get(key);
    if (!p) pools.set(key, (p = []));
    return p;
  };
  drafts.forEach((d, i) => {
    pool(`${d.community}:${d.type}`).push(i);
    pool(`*:${d.type}`).push(i);
  });

  const relations: RelationRecord[] = [];
  const seen = new Set<string>();
  const addRelation = (source: number, type: RelationType, target: number): boolean => {
    if (source === target) return false;
    const s = nodes[source] as NodeRecord;
    const t = nodes[target] as NodeRecord;
    const record = { source: s.id, type, target: t.id };
    const id = relationId(record);
    if (seen.has(id)) return false;
    seen.add(id);
    relations.push({ ...record, id, evidence });
    const td = drafts[target] as Draft;
    pool(`${td.community}:${td.type}`).push(target);
    pool(`*:${td.type}`).push(target);
    return true;
  };
  const chooseTarget = (community: number, type: NodeType): number | undefined => {
    const local = pools.get(`${community}:${type}`);
    const candidates = local && local.length > 0 && random() < 0.85 ? local : pools.get(`*:${type}`);
    return candidates && candidates.length > 0 ? pick(candidates, random) : undefined;
  };

  const target = count * perNode;
  let attempts = 0;
  while (relations.length < target && attempts < target * 4) {
    attempts++;
    const source = Math.floor(random() * count);
    const draft = drafts[source] as Draft;
    const [targetType, relType] = pickWeighted<[NodeType, RelationType, number]>(TEMPLATES[draft.type], random);
    const chosen = chooseTarget(draft.community, targetType);
    if (chosen !== undefined) addRelation(source, relType, chosen);
  }

  const text = `${QUOTE}:本数据集由合成生态生成器按随机种子 ${seed} 生成,共 ${count} 个节点,不描述任何真实机构。Synthetic data generated with seed ${seed} (${count} nodes); it describes no real organisation.`;
  return {
    dataset: {
      name,
      title_zh: `合成生态(${count} 节点)`,
      title_en: `Synthetic ecosystem (${count} nodes, seed ${seed})`,
    },
    sources: [
      {
        id: SYNTHETIC_SOURCE_ID,
        title: 'Synthetic ecosystem generator',
        date: '2026-11-28',
        language: 'zh',
        file: '(generated)',
        text,
      },
    ],
    nodes,
    relations,
  };
}
