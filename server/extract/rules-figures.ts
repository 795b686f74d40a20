// Figures become counted groups or indicators. A count of actors (14家科研院所, 两院院士19人,
// 各类人才总量突破23万人) is a group node with its count; any other figure (4.32%, 180件, 近1800亿元,
// 300个项目) is an indicator with value, unit and the year the sentence gives. A target (力争到2025
// 年…) or a cap (最高1亿元) reports nothing and is left out.
import type { NodeType } from '../../domain/ontology.ts';
import { findFigures, yearBefore, type FoundFigure } from './figures.ts';
import { GENERIC_WORDS, SCOPE_PREFIXES, TARGET_MARKERS, TIME_WORDS } from './lexicon.ts';
import { mention, type Mention } from './mentions.ts';
import { leftBoundary, rightBoundary, type Analysed } from './names.ts';
import { clauseOf } from './rules-names.ts';

/** What a counted noun ends with, and the type of the group it makes. */
const ACTOR_HEADS: readonly (readonly [string, NodeType])[] = [
  ['高校', 'University'],
  ['大学', 'University'],
  ['院所', 'Institute'],
  ['研究院', 'Institute'],
  ['研究所', 'Institute'],
  ['研发机构', 'Institute'],
  ['投资机构', 'Investor'],
  ['风投机构', 'Investor'],
  ['基金', 'Investor'],
  ['实验室', 'Lab'],
  ['中心', 'Platform'],
  ['平台', 'Platform'],
  ['基地', 'Platform'],
  ['联盟', 'Platform'],
  ['企业', 'Firm'],
  ['公司', 'Firm'],
  ['人才', 'Talent'],
  ['院士', 'Talent'],
  ['专家', 'Talent'],
  ['科学家', 'Talent'],
  ['团队', 'Talent'],
  ['学者', 'Talent'],
  ['成员', 'Organization'],
  ['成员单位', 'Organization'],
  ['政策', 'Programme'],
  ['措施', 'Programme'],
  ['产业链条', 'Industry'],
  ['产业链', 'Industry'],
  ['链条', 'Industry'],
  ['园区', 'Park'],
  ['产业园', 'Park'],
];

export const headType = (np: string) => ACTOR_HEADS.find(([head]) => np.replace(/[”’」』]+$/, '').endsWith(head))?.[1];

/** Words between a noun and its figure: 人才总量突破23万人, 企业入库1350家. */
const LEAD_IN = /(总量|总数|总计|合计|数量|入库|新增|累计|共|已|达到|达|为|有|首次)+$/;
const CAP = /(最高|最多|不超过|上限)$/;

/** After 力争 (到2025年…) the rest of the sentence states targets. */
function inTarget(a: Analysed, at: number): boolean {
  const before = a.sentence.flat.slice(0, at);
  return TARGET_MARKERS.some((m) => before.includes(m));
}

/** The counted noun written before the figure (两院院士19人): its span, or undefined. */
function nounBefore(a: Analysed, figure: FoundFigure, floor: number): { start: number; end: number } | undefined {
  const { flat } = a.sentence;
  const lead = LEAD_IN.exec(flat.slice(floor, figure.start));
  const end = figure.start - (lead ? lead[0].length : 0);
  const last = a.tokens[a.tokenAt[end - 1] ?? -1];
  if (!last || end <= floor) return undefined;
  let start = leftBoundary(a, last.start, floor, 20, true);
  if (/(各类|各级|各种)$/.test(flat.slice(floor, start))) start -= 2;
  return start < end ? { start, end } : undefined;
}

/** A modifier joined by 的 before the count: 近两年新认定的10名国家级高层次人才. */
function modifierBefore(a: Analysed, figure: FoundFigure, floor: number): string {
  const { flat } = a.sentence;
  if (flat[figure.start - 1] !== '的') return '';
  let start = figure.start - 1;
  while (start > floor && !/[对为向给把将，,、；;：:]/.test(flat[start - 1] as string)) start--;
  return flat.slice(start, figure.start);
}

/** A group's name from its noun: the owner joins a bare 成员 (…联盟成员); 全区 is dropped. */
function groupName(noun: string, owner: Mention | undefined): string | undefined {
  let name = noun;
  for (const prefix of SCOPE_PREFIXES) if (name.startsWith(prefix)) name = name.slice(prefix.length);
  const bare = name.replace(/^各类/, '');
  if (/^成员(单位)?$/.test(bare)) return owner ? `${owner.name}${bare}` : undefined;
  if (name.length < 2 || GENERIC_WORDS.has(name) || /^(基金|企业|人|项目)$/.test(bare)) return undefined;
  return name;
}

/** An indicator's name: the words before its figure back to the last figure or the clause's start. */
function indicatorName(
  a: Analysed,
  figure: FoundFigure,
  floor: number,
  after: string,
  mentions: readonly Mention[],
): string {
  const { flat } = a.sentence;
  const earlier = mentions.filter((m) => m.end <= figure.start && m.start >= floor);
  const lastFigure = earlier.filter((m) => m.kind === 'indicator').pop();
  let from = Math.max(floor, lastFigure?.end ?? floor);
  const lastName = earlier.filter((m) => m.kind !== 'indicator' && m.start >= from).pop();
  if (lastName)
    from =
      lastName.type === 'District' || !/^[\p{Script=Han}A-Za-z]/u.test(flat.slice(lastName.end))
        ? lastName.end
        : lastName.start;
  let name = flat.slice(from, figure.start).replace(/^[、，,和及]+/, '');
  name = name.replace(/^((19|20)\d{2}年|近[一二两三四五\d]+年来?)/, '');
  for (const word of [...TIME_WORDS, ...SCOPE_PREFIXES]) if (name.startsWith(word)) name = name.slice(word.length);
  name = name.replace(LEAD_IN, '').replace(/(占比|同比|较上年)$/, '');
  return `${name}${after}`.trim() || flat.slice(figure.numberStart, figure.end);
}

/** The counted noun after a figure, cut after its first actor head: 7条重点产业链条|产业总规模. */
function countedAfter(a: Analysed, figure: FoundFigure, ceiling: number): { end: number; type?: NodeType } {
  const end = rightBoundary(a, figure.end, ceiling);
  let found: { end: number; type?: NodeType } | undefined;
  for (let t = a.tokenAt[figure.end] ?? -1; t >= 0 && t < a.tokens.length; t++) {
    const token = a.tokens[t];
    if (!token || token.end > end) break;
    const type = headType(a.sentence.flat.slice(figure.end, token.end));
    if (type) found = { end: token.end, type };
    else if (found) break;
  }
  return found ?? { end };
}

/** Groups and indicators of one sentence; `all` are its resolved name mentions, nested ones too. */
export function figureMentions(a: Analysed, all: readonly Mention[]): Mention[] {
  const { flat, clauses } = a.sentence;
  const names = all.filter((m) => !m.nested);
  const named = all.filter((m) => !m.weak);
  const out: Mention[] = [];
  for (const figure of findFigures(flat)) {
    const clause = clauseOf(clauses, figure.numberStart);
    if (inTarget(a, figure.start) || CAP.test(flat.slice(clause.start, figure.start))) continue;
    if (names.some((m) => m.type === 'Honor' && m.start >= figure.end && m.start <= figure.end + 1)) continue;
    const after = countedAfter(a, figure, clause.end);
    const nounAfter = flat.slice(figure.end, after.end);
    const before = nounAfter ? undefined : nounBefore(a, figure, clause.start);
    const honour =
      before && names.find((m) => m.type === 'Honor' && m.end >= before.end - 1 && m.start <= before.start);
    const nounBeforeText = before ? flat.slice(before.start, before.end) : '';
    const type =
      figure.classifier && !/次$/.test(figure.unit) && !honour ? (after.type ?? headType(nounBeforeText)) : undefined;
    const group = type
      ? groupMention(a, figure, type, nounAfter ? { start: figure.end, end: after.end } : before, names)
      : undefined;
    if (group) {
      out.push(group);
      continue;
    }
    if (type) continue;
    const year = yearBefore(flat, figure.start);
    const measured = flat[figure.end] === '的' ? names.find((m) => m.start === figure.end + 1) : undefined;
    const noun = honour ? `${honour.name}数` : nounAfter;
    const name = honour ? noun : indicatorName(a, figure, clause.start, noun, [...named, ...out]);
    out.push(
      mention(a, figure.start, figure.end, {
        type: 'Indicator',
        kind: 'indicator',
        rule: 'figure',
        name,
        figure: { value: figure.value, qualifier: figure.qualifier, unit: figure.unit, ...(year ? { year } : {}) },
        ...(measured ? { measures: measured } : {}),
      }),
    );
  }
  return out;
}

function groupMention(
  a: Analysed,
  figure: FoundFigure,
  type: NodeType,
  span: { start: number; end: number } | undefined,
  names: readonly Mention[],
): Mention | undefined {
  if (!span) return undefined;
  const noun = a.sentence.flat.slice(span.start, span.end);
  const owner = [...names]
    .reverse()
    .find((m) => m.start < figure.start && (m.type === 'Platform' || m.type === 'Organization'));
  const name = groupName(noun, owner);
  if (!name) return undefined;
  const floor = clauseOf(a.sentence.clauses, figure.numberStart).start;
  const modifier = span.start === figure.end ? modifierBefore(a, figure, floor) : '';
  const count = { value: Math.round(figure.value * figure.multiplier), qualifier: figure.qualifier };
  const aliases = name !== noun ? [noun] : [];
  return mention(a, span.start, span.end, {
    type,
    kind: 'group',
    rule: 'count',
    name: `${modifier}${name}`,
    count,
    aliases,
  });
}
