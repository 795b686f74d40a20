// The ontology of the innovation-ecosystem graph: the one whitelist of node labels and
// relationship types. Seed validation, the server (labels cannot be Cypher parameters) and
// the web legend all read it from here, so a type exists everywhere or nowhere.

/**
 * Sectors group actor types for linkage analytics (triple-helix mixing, brokerage roles):
 * academia, industry and government are the three helices, intermediaries (parks, platforms,
 * alliances, events) sit between them. People and mixed organisations are actors of no single
 * helix; context types (honours, fields, indicators) are not actors and stay out of the mixing.
 * A dataset may map its types differently (docs/analytics.md).
 */
export const SECTORS = ['government', 'academia', 'industry', 'intermediary', 'people', 'mixed', 'context'] as const;
export type Sector = (typeof SECTORS)[number];

export interface NodeTypeInfo {
  readonly zh: string;
  readonly en: string;
  readonly sector: Sector;
  /** Hex colour, chosen to stay distinguishable on the light and the dark theme. */
  readonly color: string;
  readonly description: string;
}

export const NODE_TYPES = {
  District: {
    zh: '政府机构',
    en: 'Government body',
    sector: 'government',
    color: '#d62728',
    description: 'District government, its departments and committees',
  },
  University: {
    zh: '高校',
    en: 'University',
    sector: 'academia',
    color: '#1f77b4',
    description: 'Universities and their groups',
  },
  Institute: {
    zh: '科研院所',
    en: 'Research institute',
    sector: 'academia',
    color: '#17becf',
    description: 'Research institutes and new R&D institutions',
  },
  Lab: {
    zh: '重点实验室',
    en: 'Key laboratory',
    sector: 'academia',
    color: '#6baed6',
    description: 'State, national, provincial and municipal key laboratories',
  },
  Platform: {
    zh: '创新平台',
    en: 'Innovation platform',
    sector: 'intermediary',
    color: '#9467bd',
    description: 'Technology innovation centres, manufacturing innovation centres, exchanges, alliances',
  },
  Firm: {
    zh: '企业',
    en: 'Firm',
    sector: 'industry',
    color: '#ff7f0e',
    description: 'Companies and groups of companies',
  },
  Talent: {
    zh: '人才',
    en: 'Talent',
    sector: 'people',
    color: '#e377c2',
    description: 'People, or groups of people the source counts but does not name',
  },
  Park: {
    zh: '园区',
    en: 'Park',
    sector: 'intermediary',
    color: '#2ca02c',
    description: 'Industrial parks, innovation parks, talent communities, financial districts',
  },
  Investor: {
    zh: '投资机构',
    en: 'Investor',
    sector: 'industry',
    color: '#bcbd22',
    description: 'Funds, venture capital, state capital',
  },
  Programme: {
    zh: '计划政策',
    en: 'Programme',
    sector: 'government',
    color: '#8c564b',
    description: 'Plans, policies, strategies and policy documents',
  },
  Event: {
    zh: '活动',
    en: 'Event',
    sector: 'intermediary',
    color: '#7f7f7f',
    description: 'Conferences, summits, ceremonies',
  },
  Honor: {
    zh: '荣誉',
    en: 'Honour',
    sector: 'context',
    color: '#f5b800',
    description: 'Titles, awards and lists',
  },
  Industry: {
    zh: '产业领域',
    en: 'Industry / field',
    sector: 'context',
    color: '#98df8a',
    description: 'Industries, fields and technologies',
  },
  Organization: {
    zh: '机构',
    en: 'Organisation',
    sector: 'mixed',
    color: '#aec7e8',
    description: 'Organisations of unnamed or mixed kinds (e.g. the members of an alliance)',
  },
  Indicator: {
    zh: '指标',
    en: 'Indicator',
    sector: 'context',
    color: '#c5b0d5',
    description: 'A reported figure with value, unit and year',
  },
  Actor: {
    zh: '主体',
    en: 'Actor',
    sector: 'mixed',
    color: '#9aa3ad',
    description: 'An actor of unknown kind: imported data that names no type (researchers, members, …)',
  },
} as const satisfies Record<string, NodeTypeInfo>;

/** The type of imported nodes whose data names none. */
export const GENERIC_NODE_TYPE: NodeType = 'Actor';

export type NodeType = keyof typeof NODE_TYPES;
export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES) as NodeType[];

/** The node type whose nodes are industries and research fields (the explorer's field filter). */
export const FIELD_NODE_TYPE: NodeType = 'Industry';

export interface RelationTypeInfo {
  readonly zh: string;
  readonly en: string;
  /** How to read `(source)-[TYPE]->(target)`. */
  readonly meaning: string;
  /** Symmetric in meaning (A collaborates with B = B with A): drawn without an arrow. */
  readonly undirected?: boolean;
}

export const RELATION_TYPES = {
  LOCATED_IN: { zh: '位于', en: 'located in', meaning: 'the source is located in the target place' },
  PART_OF: { zh: '隶属于', en: 'part of', meaning: 'the source is a part, member unit or sub-body of the target' },
  BUILDS: { zh: '建设', en: 'builds', meaning: 'the source leads, founds, builds or plans the target' },
  SUPPORTS: { zh: '支持', en: 'supports', meaning: 'the source supports or funds the target' },
  MEMBER_OF: { zh: '成员', en: 'member of', meaning: 'the source is a member of the target alliance or group' },
  AWARDED: { zh: '获评', en: 'awarded', meaning: 'the source received the target honour or title' },
  ISSUED: { zh: '发布', en: 'issued', meaning: 'the source issued or enacted the target programme or policy' },
  HOSTS: { zh: '举办', en: 'hosts', meaning: 'the source holds or organises the target event' },
  TAKES_PART_IN: { zh: '参与', en: 'takes part in', meaning: 'the source takes part in the target event or programme' },
  FOCUSES_ON: { zh: '聚焦', en: 'focuses on', meaning: 'the source works in or targets the target field' },
  INVESTS_IN: { zh: '投资', en: 'invests in', meaning: 'the source invests in the target' },
  ATTRACTS: { zh: '汇聚', en: 'attracts', meaning: 'the source gathers, attracts or brings in the target' },
  MEASURES: { zh: '衡量', en: 'measures', meaning: 'the source indicator is a figure about the target' },
  PRESENTED_AT: {
    zh: '发布于',
    en: 'presented at',
    meaning: 'the source honour, document or body was presented, issued or launched at the target event',
  },
  IMPLEMENTS: { zh: '实施', en: 'implements', meaning: 'the source carries out the target programme or strategy' },
  COLLABORATES_WITH: {
    zh: '合作',
    en: 'collaborates with',
    meaning: 'the two work together: joint projects, co-development, co-authorship, joint labs (no direction)',
    undirected: true,
  },
  FUNDS: { zh: '资助', en: 'funds', meaning: 'the source gives money to the target (grant, subsidy, award money)' },
  SPUN_OFF_FROM: {
    zh: '衍生自',
    en: 'spun off from',
    meaning: 'the source firm or body was founded out of the target (spin-off, incubated there)',
  },
  RELATED_TO: {
    zh: '关联',
    en: 'related to',
    meaning: 'imported data links the two without saying how (no direction)',
    undirected: true,
  },
} as const satisfies Record<string, RelationTypeInfo>;

/** The type of imported relations whose data names none. */
export const GENERIC_RELATION_TYPE: RelationType = 'RELATED_TO';

export function isUndirected(type: string): boolean {
  return isRelationType(type) && (RELATION_TYPES[type] as RelationTypeInfo).undirected === true;
}

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function isNodeType(value: string): value is NodeType {
  return Object.prototype.hasOwnProperty.call(NODE_TYPES, value);
}

export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}

export const COUNT_QUALIFIERS = ['exact', 'more_than', 'about', 'nearly', 'at_least'] as const;
export type CountQualifier = (typeof COUNT_QUALIFIERS)[number];
