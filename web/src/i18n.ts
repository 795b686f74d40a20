// Every UI string in both languages. Names from data carry their own name_zh / name_en.
export type Lang = 'zh' | 'en';

const STRINGS = {
  title: { zh: '崂山创新生态图谱', en: 'Laoshan Innovation Ecosystem' },
  switchLanguage: { zh: 'English', en: '中文' },
  legend: { zh: '图例', en: 'Legend' },
  loadingSchema: { zh: '正在读取数据模型…', en: 'Reading the data model…' },
  loadingGraph: { zh: '正在加载网络…', en: 'Loading the network…' },
  loadedBytes: { zh: '已接收 {kb} KB', en: '{kb} KB received' },
  building: { zh: '正在构建图…', en: 'Building the graph…' },
  layout: { zh: '正在布局…', en: 'Laying out…' },
  synthetic: { zh: '合成数据', en: 'Synthetic data' },
  close: { zh: '关闭', en: 'Close' },
  type: { zh: '类型', en: 'Type' },
  properties: { zh: '属性', en: 'Properties' },
  relations: { zh: '关系', en: 'Relations' },
  evidence: { zh: '依据', en: 'Evidence' },
  source: { zh: '来源', en: 'Source' },
  note: { zh: '备注', en: 'Note' },
  loadFailed: { zh: '加载失败:{message}', en: 'Could not load: {message}' },
  nodesEdges: { zh: '{nodes} 个节点 · {edges} 条关系', en: '{nodes} nodes · {edges} relations' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: {
    zh: '搜索机构、计划、人才…(中文 / English / 拼音)',
    en: 'Search organisations, programmes… (中文 / English / pinyin)',
  },
  noResults: { zh: '没有结果', en: 'No results' },
  reset: { zh: '重置', en: 'Reset' },
  fields: { zh: '产业 / 领域', en: 'Industry / field' },
  fieldsHint: {
    zh: '勾选后只显示这些领域及与其相关的节点',
    en: 'Ticked: only these fields and what is related to them',
  },
  years: { zh: '年份', en: 'Year' },
  expand: { zh: '展开邻居', en: 'Expand neighbours' },
  expanded: { zh: '已载入 {count} 个新节点', en: '{count} new nodes loaded' },
  expandedNone: { zh: '没有新的邻居', en: 'No new neighbours' },
  overviewTruncated: {
    zh: '显示关联最多的 {shown} / {total} 个节点;搜索或展开以载入更多',
    en: 'Showing the {shown} best-connected of {total} nodes; search or expand to load more',
  },
  lodComputing: {
    zh: '正在计算社区概览({phase} {percent}%)…',
    en: 'Computing the community overview ({phase} {percent}%)…',
  },
  lodShown: {
    zh: '{nodes} 个节点以 {aggregates} 个社区显示;点击社区展开,搜索可找到任一节点',
    en: '{nodes} nodes shown as {aggregates} communities; click one to expand it, search finds any node',
  },
  lodExpanded: { zh: '已展开社区:{count} 个成员', en: 'Community expanded: {count} members' },
  lodExpandedSome: {
    zh: '已展开社区:关联最多的 {count} / {size} 个成员',
    en: 'Community expanded: the {count} best-connected of {size} members',
  },
  openSource: { zh: '查看原文', en: 'Open the source' },
  depth1: { zh: '一步', en: '1 step' },
  depth2: { zh: '两步', en: '2 steps' },
  neighbourhood: { zh: '邻域', en: 'Neighbourhood' },
  hide: { zh: '隐藏', en: 'Hide' },
  layoutStart: { zh: '布局', en: 'Layout' },
  layoutStop: { zh: '停止', en: 'Stop' },
  fit: { zh: '适应屏幕', en: 'Fit' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  fullscreen: { zh: '全屏', en: 'Fullscreen' },
  paths: { zh: '关联路径', en: 'Paths' },
  pathsFromHere: { zh: '查找关联路径', en: 'How is this linked…' },
  pathFrom: { zh: '从', en: 'From' },
  pathTo: { zh: '到', en: 'To' },
  pathsNone: { zh: '{hops} 步以内没有路径', en: 'No path within {hops} steps' },
  pathsPick: { zh: '选择两个节点,查看它们如何关联', en: 'Pick two nodes to see how they are linked' },
  pathSteps: { zh: '{n} 步', en: '{n} steps' },
  export: { zh: '导出', en: 'Export' },
  table: { zh: '表格', en: 'Table' },
  themeDark: { zh: '投影模式', en: 'Projector' },
  themeLight: { zh: '明亮模式', en: 'Light' },
  tableFilter: { zh: '筛选表格…', en: 'Filter the table…' },
  name: { zh: '名称', en: 'Name' },
  degree: { zh: '关系数', en: 'Relations' },
  exportSubtitle: {
    zh: '{dataset} · {nodes} 个节点 · {edges} 条关系 · {date}',
    en: '{dataset} · {nodes} nodes · {edges} relations · {date}',
  },
  retry: { zh: '重试', en: 'Retry' },
  dataset: { zh: '数据集', en: 'Dataset' },
  importOpen: { zh: '导入', en: 'Import' },
  exportView: { zh: '当前视图', en: 'This view' },
  exportDataset: { zh: '整个数据集(含依据)', en: 'Whole dataset (with evidence)' },
  importTitle: { zh: '导入数据', en: 'Import data' },
  importFiles: { zh: '文件(CSV、XLSX、JSON、GEXF、GraphML)', en: 'Files (CSV, XLSX, JSON, GEXF, GraphML)' },
  importDataset: { zh: '数据集名称', en: 'Dataset name' },
  importMode: { zh: '方式', en: 'Mode' },
  importModeNew: { zh: '新建数据集', en: 'New dataset' },
  importModeReplace: { zh: '替换该数据集', en: 'Replace the dataset' },
  importModeMerge: { zh: '合并到该数据集', en: 'Merge into the dataset' },
  importEncoding: { zh: '文本编码', en: 'Text encoding' },
  importToken: { zh: '管理令牌', en: 'Admin token' },
  importCheck: { zh: '检查(不写入)', en: 'Check (writes nothing)' },
  importConfirm: { zh: '确认导入', en: 'Import' },
  importNoFiles: { zh: '请先选择文件', en: 'Choose the files first' },
  importProblems: { zh: '发现 {n} 个问题,未写入任何数据:', en: '{n} problem(s) found; nothing was written:' },
  importMore: { zh: '另有 {n} 个问题未列出', en: '… and {n} more' },
  importFile: { zh: '文件', en: 'File' },
  importWhere: { zh: '行 / 位置', en: 'Line / element' },
  importField: { zh: '字段', en: 'Field' },
  importReason: { zh: '原因', en: 'Reason' },
  importMapHint: {
    zh: '这些类型不在本体中:请选择对应的类型,然后再次检查',
    en: 'These types are not in the ontology: choose what each one is, then check again',
  },
  importWould: { zh: '可以导入到“{dataset}”:', en: 'Ready to import into "{dataset}":' },
  importDid: { zh: '已导入到“{dataset}”:', en: 'Imported into "{dataset}":' },
  importNodes: {
    zh: '节点:新增 {added},匹配已有 {matched}(按名称 {byName})',
    en: 'Nodes: {added} added, {matched} matched ({byName} by name)',
  },
  importRelations: {
    zh: '关系:新增 {added},已存在 {matched}',
    en: 'Relations: {added} added, {matched} already there',
  },
  importConflicts: { zh: '冲突:{n}', en: 'Conflicts: {n}' },
  panelFailed: { zh: '未能加载:{message}', en: 'Could not load: {message}' },
  panelRetrying: {
    zh: '暂时无法加载({message}),{seconds} 秒后自动重试',
    en: 'Not available just now ({message}); trying again in {seconds} s',
  },
  waitingForServer: { zh: '服务器暂时不可用,{seconds} 秒后重试…', en: 'The server is away; retrying in {seconds} s…' },
  countExact: { zh: '{n}', en: '{n}' },
  countMoreThan: { zh: '{n} 余', en: 'more than {n}' },
  countAbout: { zh: '约 {n}', en: 'about {n}' },
  // Metrics (features/metrics)
  metrics: { zh: '指标', en: 'Metrics' },
  metricsAsking: { zh: '正在读取网络指标…', en: 'Reading the network metrics…' },
  metricsProgress: {
    zh: '服务器正在计算网络指标:{phase},已完成 {done} / {total}',
    en: 'The server is computing the network metrics: {phase}, {done} of {total} done',
  },
  metricsSummary: {
    zh: '{nodes} 个节点 · {relations} 条关系 · 计算用时 {seconds} 秒',
    en: '{nodes} nodes · {relations} relations · computed in {seconds} s',
  },
  metricsSizeBy: { zh: '节点大小', en: 'Size by' },
  metricsColorBy: { zh: '节点颜色', en: 'Colour by' },
  metricsSizeDefault: { zh: '关系数(默认)', en: 'Relations (default)' },
  metricsColorDefault: { zh: '类型(默认)', en: 'Type (default)' },
  metricsCommunities: { zh: '{n} 个社区(按规模)', en: '{n} communities, largest first' },
  metricsOtherCommunities: { zh: '另有 {n} 个较小的社区(灰色)', en: '… and {n} smaller ones (grey)' },
  metricsSectors: { zh: '部门混合', en: 'Sector mixing' },
  metricsCrossShare: { zh: '跨部门关系占比', en: 'Cross-sector share' },
  metricsAssortativity: { zh: '同配性', en: 'Assortativity' },
  metricsRanking: { zh: '节点排名', en: 'Ranking' },
  metricsRows: { zh: '显示前 {shown} / {total} 个节点', en: 'Showing {shown} of {total} nodes' },
  metricsFailed: { zh: '未能读取网络指标:{message}', en: 'Could not read the network metrics: {message}' },
  // Brokers, gaps, partners, actors on the paths (features/brokers, gaps, partners, paths)
  metricsComputing: {
    zh: '服务器正在计算网络指标({phase},{percent}%)…',
    en: 'The server is computing the network metrics ({phase}, {percent}%)…',
  },
  analysis: { zh: '分析', en: 'Analysis' },
  brokers: { zh: '中介', en: 'Brokers' },
  brokersIntro: {
    zh: '谁在各部门(政府、学界、产业、中介)之间牵线:Gould–Fernandez 五种中介角色。选择一种角色,在图上突出其前列节点。',
    en: 'Who links the sectors (government, academia, industry, intermediaries): the five Gould–Fernandez brokerage roles. Choose one to highlight its top actors.',
  },
  brokersNone: { zh: '没有节点担任这一角色', en: 'No actor plays this role' },
  brokerCount: { zh: '中介配对 {n}', en: 'pairs brokered: {n}' },
  gaps: { zh: '缺口', en: 'Gaps' },
  gapsIntro: {
    zh: '供规划参考:网络中缺少的联系。选择一项,在图上突出相关节点。',
    en: 'For planners: ties the network lacks. Choose one to highlight its nodes.',
  },
  gapsNone: { zh: '没有发现缺口', en: 'No gaps found' },
  gapFieldWithoutCrossSectorTie: { zh: '没有跨部门联系的领域', en: 'Fields without a cross-sector tie' },
  gapParkWithoutAcademicPartner: { zh: '没有学术伙伴的园区', en: 'Parks without an academic partner' },
  gapProgrammeWithoutRecipient: { zh: '没有承接对象的计划', en: 'Programmes without a recipient' },
  gapCommunitiesJoinedByOneBroker: { zh: '仅靠一个中介相连的社群', en: 'Communities joined by a single broker' },
  gapOpenSubject: { zh: '查看“{name}”的详情', en: 'Open the details of {name}' },
  findPartners: { zh: '寻找合作伙伴', en: 'Find partners' },
  partnersFor: { zh: '与“{name}”尚无联系的潜在伙伴', en: 'Actors that {name} has no tie with yet' },
  partnerType: { zh: '类型', en: 'Type' },
  partnerAnyType: { zh: '任意类型', en: 'Any type' },
  partnersNone: { zh: '没有候选', en: 'No candidates' },
  partnersMethod: { zh: '排序方法:{method}', en: 'Ranked by: {method}' },
  partnerOpen: { zh: '查看详情', en: 'Open its details' },
  partnerMissing: {
    zh: '理由涉及的 {n} 个节点不在当前视图中(未显示)',
    en: '{n} of the nodes these reasons name are not in the view (not drawn)',
  },
  pathsThrough: { zh: '多数路径经过的节点', en: 'Actors on most of the paths' },
  pathsThroughHint: {
    zh: '占 {paths} 条最短路径的比例;悬停或点击以突出经过它的路径',
    en: 'Share of the {paths} shortest paths; hover or click to highlight the paths through it',
  },
  pathsThroughNone: { zh: '最短路径不经过其他节点', en: 'The shortest paths pass through no other actor' },
  pathsThroughFailed: { zh: '暂时无法计算', en: 'Not available just now' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Names of the ontology's node properties (seed/schema.ts); other datasets' own keep theirs. */
const PROPERTY_LABELS: Readonly<Record<string, Record<Lang, string>>> = {
  aliases: { zh: '别名', en: 'Aliases' },
  name_en_basis: { zh: '英文名', en: 'English name' },
  note: { zh: '备注', en: 'Note' },
  count: { zh: '数量', en: 'Count' },
  count_qualifier: { zh: '数量说明', en: 'Count is' },
  value: { zh: '数值', en: 'Value' },
  value_qualifier: { zh: '数值说明', en: 'Value is' },
  unit: { zh: '单位', en: 'Unit' },
  year: { zh: '年份', en: 'Year' },
};

/** What `name_en_basis` says about the English name. */
const NAME_EN_BASES: Readonly<Record<string, Record<Lang, string>>> = {
  official: { zh: '官方英文名', en: 'official' },
  common: { zh: '通行英文名', en: 'in common use' },
  translation: { zh: '本项目翻译', en: 'our translation' },
};

export function propertyLabel(lang: Lang, key: string): string {
  return PROPERTY_LABELS[key]?.[lang] ?? key;
}

export function propertyValue(lang: Lang, key: string, value: string): string {
  return (key === 'name_en_basis' ? NAME_EN_BASES[value]?.[lang] : undefined) ?? value;
}

export function preferredLanguage(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) || languages.length === 0 ? 'zh' : 'en';
}
