// The extractor's word lists: organisation suffixes and the node type each suggests, the cue
// words of relations and what they map onto, and the words that bound a name. They describe the
// genre (Chinese policy reports and news about innovation), not any one article; changing them
// changes the figures of `npm run bench -- --only extraction`, which is how to judge a change.
import type { NodeType, RelationType } from '../../domain/ontology.ts';

/** Name endings, longest first where one ends another, and the type each suggests. */
export const SUFFIXES: readonly (readonly [string, NodeType])[] = [
  ['股份有限公司', 'Firm'],
  ['有限责任公司', 'Firm'],
  ['有限公司', 'Firm'],
  ['投资集团', 'Investor'],
  ['集团', 'Firm'],
  ['公司', 'Firm'],
  ['全国重点实验室', 'Lab'],
  ['重点实验室', 'Lab'],
  ['联合实验室', 'Lab'],
  ['省实验室', 'Lab'],
  ['实验室', 'Lab'],
  ['研究院', 'Institute'],
  ['研究所', 'Institute'],
  ['研究中心', 'Institute'],
  ['科学院', 'Institute'],
  ['研发机构', 'Institute'],
  ['大学', 'University'],
  ['学院', 'University'],
  ['技术创新中心', 'Platform'],
  ['创新中心', 'Platform'],
  ['服务中心', 'District'],
  ['中心', 'Platform'],
  ['产业园区', 'Park'],
  ['产业园', 'Park'],
  ['工业园', 'Park'],
  ['科技园', 'Park'],
  ['创新园', 'Park'],
  ['创业园', 'Park'],
  ['园区', 'Park'],
  ['人才社区', 'Park'],
  ['金融区', 'Park'],
  ['高新区', 'Park'],
  ['开发区', 'Park'],
  ['示范区', 'Park'],
  ['公寓', 'Park'],
  ['中试基地', 'Platform'],
  ['基地', 'Platform'],
  ['母基金', 'Investor'],
  ['基金', 'Investor'],
  ['投资机构', 'Investor'],
  ['风投机构', 'Investor'],
  ['联盟', 'Platform'],
  ['平台', 'Platform'],
  ['交易市场', 'Platform'],
  ['交易所', 'Platform'],
  ['孵化器', 'Platform'],
  ['加速器', 'Platform'],
  ['计划', 'Programme'],
  ['方案', 'Programme'],
  ['战略', 'Programme'],
  ['规划', 'Programme'],
  ['纲要', 'Programme'],
  ['政策措施', 'Programme'],
  ['政策', 'Programme'],
  ['措施', 'Programme'],
  ['办法', 'Programme'],
  ['细则', 'Programme'],
  ['意见', 'Programme'],
  ['专项资金', 'Programme'],
  ['工程', 'Programme'],
  ['大会', 'Event'],
  ['峰会', 'Event'],
  ['论坛', 'Event'],
  ['推进会', 'Event'],
  ['对接会', 'Event'],
  ['博览会', 'Event'],
  ['交易会', 'Event'],
  ['年会', 'Event'],
  ['大赛', 'Event'],
  ['委员会', 'District'],
  ['管委会', 'District'],
  ['人民政府', 'District'],
  ['科学技术局', 'District'],
  ['保障局', 'District'],
  ['管理局', 'District'],
  ['局', 'District'],
  ['产业集群', 'Industry'],
  ['名单', 'Honor'],
  ['奖', 'Honor'],
  ['企业', 'Firm'],
  ['团队', 'Talent'],
];

/** Suffixes that may end a longer dictionary word (海尔集团, 科研院所): the others must start a word. */
export const MIN_WORD_SUFFIX = 2;

/**
 * Verbs that occur inside names (科技创新平台, 智能制造产业园, 政府引导基金): a leftward scan for a
 * name's first character does not stop at them, as it stops at other verbs.
 */
export const NAME_VERBS = new Set([
  '创新',
  '定制',
  '制造',
  '研发',
  '发展',
  '转化',
  '服务',
  '交易',
  '投资',
  '设计',
  '引导',
  '孵化',
  '检测',
  '计算',
  '驱动',
  '领军',
  '合成',
  '示范',
  '研究',
  '共享',
  '保障',
  '管理',
  '监督',
  '应用',
  '开发',
  '转移',
  '推广',
  '测试',
  '认证',
  '展示',
  '创业',
  '运营',
  '生产',
  '融合',
  '互联',
  '加速',
  '育成',
  '装备',
]);

/** Single-character verbs that do end a name on its left (others, like 联 in 智能网联, may be inside). */
export const STOP_SINGLE_VERBS = new Set(
  '是有到驻投获占居达抓来让争留拴起可给被将把对为向在从由与和及等的了'.split(''),
);

/** Fields: a list item ending in a verb is a field only with one of these (智能制造, not 科技创新). */
export const FIELD_FINAL_VERBS = new Set(['制造', '服务', '计算', '设计', '检测', '育种', '互联', '医药']);

/** Time words that open a clause and are never part of a name. */
export const TIME_WORDS = new Set([
  '近年来',
  '目前',
  '今年',
  '去年',
  '当前',
  '年内',
  '过去',
  '以来',
  '现在',
  '此前',
  '同时',
  '其中',
  '近三年',
  '近两年',
  '下一步',
  '全年',
  '今年起',
]);

/** Modifiers that make no name by themselves: a candidate made only of them is weak (generic). */
export const GENERIC_WORDS = new Set([
  '科技',
  '创新',
  '科技创新',
  '技术创新',
  '技术',
  '高端',
  '优质',
  '重大',
  '新型',
  '现代',
  '现代化',
  '高能级',
  '能级',
  '高',
  '各类',
  '相关',
  '重点',
  '主要',
  '优秀',
  '骨干',
  '国际',
  '国家',
  '国家级',
  '全国',
  '全省',
  '全市',
  '全区',
  '省级',
  '市级',
  '区级',
  '省市级',
  '以上',
  '一批',
  '新',
  '新兴',
  '综合',
  '公共',
  '服务',
  '发展',
  '产业',
  '企业',
  '研发',
  '专业',
  '特色',
  '科研',
  '人才',
  '政策',
  '相关',
  '专项',
  '区域',
  '地方',
  '各级',
  '上级',
  '有关',
]);

/** Leading words of a span that say "the whole district/city", not part of a name. */
export const SCOPE_PREFIXES = ['全区', '全市', '区内', '区里', '我区', '该区', '本区'];

export type CueKind = RelationType | 'UNVEILS';

export interface Cue {
  word: string;
  type: CueKind;
  /** The object is the relation's source (X 拥有 Y → Y LOCATED_IN X). */
  reverse?: boolean;
  /** Also a collaboration between the subjects it joins (与 X 共建 → X and the subject collaborate). */
  collaborative?: boolean;
}

const cue = (type: CueKind, words: string, extra: Partial<Cue> = {}): Cue[] =>
  words.split(' ').map((word) => ({ word, type, ...extra }));

/** Cue words of relations, matched longest first. */
export const CUES: readonly Cue[] = [
  ...cue(
    'BUILDS',
    '规划建设 牵头建设 牵头组建 牵头发起 发起设立 建设运营 组建 筹建 设立 成立 构建 建设 发起 打造 创建',
  ),
  ...cue('BUILDS', '共建 合作共建 共同建设 联合共建', { collaborative: true }),
  ...cue('ISSUED', '发布 出台 印发 制定 颁布 推出'),
  ...cue('IMPLEMENTS', '深入实施 大力实施 实施 坚持 落实 执行 启动'),
  ...cue('SUPPORTS', '专项支持 大力支持 支持 扶持 助力'),
  ...cue('FUNDS', '资助 补贴 奖补'),
  ...cue('ATTRACTS', '聚集 集聚 汇聚 吸引 引进 招引 引入 吸纳'),
  ...cue('AWARDED', '获评 入选 荣获 被评为 评为 获批 被认定为 认定为 列入 授予'),
  ...cue('HOSTS', '召开 举办 举行 主办 承办 联合举办'),
  ...cue('TAKES_PART_IN', '参与 参加 参会 出席 承担'),
  ...cue('FOCUSES_ON', '聚焦 围绕 专注 深耕 瞄准'),
  ...cue('INVESTS_IN', '投资 注资 领投 参投'),
  ...cue('COLLABORATES_WITH', '合作 携手 协同 签署', { collaborative: true }),
  ...cue('COLLABORATES_WITH', '联合', { collaborative: true }),
  ...cue('LOCATED_IN', '落户 入驻 驻 坐落于 位于 扎根 落地'),
  ...cue('LOCATED_IN', '拥有', { reverse: true }),
  ...cue('PART_OF', '隶属于 隶属'),
  ...cue('MEMBER_OF', '加入'),
  ...cue('UNVEILS', '揭牌成立 揭牌'),
].sort((a, b) => b.word.length - a.word.length);

/** The node types each relation accepts as its object (the cue's target). */
export const OBJECT_TYPES: Partial<Record<CueKind, readonly NodeType[]>> = {
  BUILDS: [
    'Park',
    'Platform',
    'Institute',
    'Lab',
    'Investor',
    'Programme',
    'District',
    'Organization',
    'University',
    'Firm',
  ],
  ISSUED: ['Programme'],
  IMPLEMENTS: ['Programme'],
  SUPPORTS: ['Firm', 'Institute', 'Lab', 'Platform', 'University', 'Talent', 'Park', 'Organization', 'Industry'],
  FUNDS: ['Firm', 'Institute', 'Lab', 'Platform', 'University', 'Talent', 'Organization'],
  ATTRACTS: ['Talent', 'Firm', 'Institute', 'University', 'Lab', 'Platform', 'Investor', 'Organization'],
  AWARDED: ['Honor'],
  HOSTS: ['Event'],
  TAKES_PART_IN: ['Event', 'Programme'],
  FOCUSES_ON: ['Industry'],
  INVESTS_IN: ['Firm', 'District', 'Park', 'Institute', 'Lab', 'Platform'],
  COLLABORATES_WITH: ['University', 'Institute', 'Lab', 'Firm', 'Investor', 'District', 'Platform', 'Organization'],
  LOCATED_IN: ['District', 'Park'],
  PART_OF: ['District', 'University', 'Institute', 'Firm', 'Platform', 'Organization'],
  MEMBER_OF: ['Platform', 'Organization'],
  UNVEILS: ['Platform', 'Institute', 'Lab', 'Park', 'Investor', 'Organization', 'Programme'],
};

/** Node types that can be the subject of a cue (who acts). */
export const ACTOR_TYPES: ReadonlySet<NodeType> = new Set([
  'District',
  'University',
  'Institute',
  'Lab',
  'Platform',
  'Firm',
  'Talent',
  'Park',
  'Investor',
  'Organization',
  'Industry',
  'Actor',
]);

/** Award cues: what follows them up to the clause's end (or 等, 称号) is an honour. */
export const AWARD_CUES = ['获评', '入选', '荣获', '被评为', '评为', '获批', '被认定为', '认定为', '列入', '授予'];

/** Words that make a clause an award context: a quoted title or a list head there is an honour. */
export const AWARD_CONTEXT = ['表彰', '评选', '优选', '授予', '获评', '荣获', '入选', '称号'];

/** Words that place a sentence at the event being reported (会上发布了 …). */
export const EVENT_CONTEXT = ['会上', '会议现场', '会议上', '大会上', '会议同时', '会议期间', '本次会议', '活动现场'];

/** A clause holding one of these states a target, not a figure reached. */
export const TARGET_MARKERS = ['力争', '目标', '预计到', '争取到', '计划到'];

/** Fields: the head after 等 or after "三大" that makes list items industries or fields. */
export const FIELD_HEADS = ['技术', '领域', '产业', '行业', '主导产业', '新兴产业', '未来产业', '方向', '赛道'];
