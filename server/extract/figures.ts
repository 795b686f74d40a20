// Numbers with their unit and qualifier: 4.32%, 180件, 近1800亿元, 100余家, 突破23万人, 近六百位,
// 过亿元. Dates (6月19日, 2023年), durations (三年, 30年来) and numbers inside titles and quotes are
// not figures. Whether a figure counts members of a group (14家科研院所) or is an indicator
// (180件) is decided by the caller, from what it counts.
import type { CountQualifier } from '../../domain/ontology.ts';

export interface FoundFigure {
  /** The figure with its qualifier words and unit, in `flat`. */
  start: number;
  end: number;
  /** Where the number itself begins. */
  numberStart: number;
  value: number;
  qualifier: CountQualifier;
  /** The unit as written (亿元, %, 家 …), without a 万 or 亿 that multiplies a count. */
  unit: string;
  /** 10,000 for 23万人: counts are multiplied out, amounts of money keep their unit (200亿元). */
  multiplier: number;
  /** A count word (家, 所, 名, 位, 人 …) rather than a measure. */
  classifier: boolean;
}

const CLASSIFIERS = [
  '家次',
  '人次',
  '家',
  '所',
  '个',
  '名',
  '位',
  '人',
  '项',
  '件',
  '条',
  '套',
  '支',
  '只',
  '座',
  '台',
];
const MEASURES = ['%', '％', '亿元', '万元', '千元', '元', '平方公里', '平方米', '公顷', '亩', '倍', '吨'];
const UNITS = [...MEASURES, ...CLASSIFIERS].sort((a, b) => b.length - a.length);
const COUNTING = new Set(['家', '所', '个', '名', '位', '人', '项', '件', '条', '套', '支', '只', '座', '台']);

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 六百 → 600, 十二 → 12, 百 → 100, 三 → 3; undefined when it is not a number. */
export function parseChineseNumber(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char];
    else if (char in POWERS) {
      total += (digit ?? 1) * (POWERS[char] as number);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const QUALIFIER_WORDS: readonly (readonly [string, CountQualifier])[] = [
  ['超过', 'more_than'],
  ['突破', 'more_than'],
  ['不少于', 'at_least'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['逾', 'more_than'],
  ['过', 'more_than'],
  ['超', 'more_than'],
  ['近', 'nearly'],
  ['约', 'about'],
];

const FIGURE = new RegExp(
  `(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)(余|多)?(万|亿)?(${UNITS.join('|')})`,
  'g',
);

function qualifierBefore(flat: string, at: number): { qualifier: CountQualifier; start: number } {
  for (const [word, qualifier] of QUALIFIER_WORDS)
    if (flat.endsWith(word, at)) return { qualifier, start: at - word.length };
  return { qualifier: 'exact', start: at };
}

/** Depth of quotes and titles at each position: figures inside 《…》 and “…” are names' parts. */
function quotedAt(flat: string): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (const char of flat) {
    if (char === '《' || char === '“') depth++;
    out.push(depth > 0);
    if ((char === '》' || char === '”') && depth > 0) depth--;
  }
  return out;
}

export function findFigures(flat: string): FoundFigure[] {
  const quoted = quotedAt(flat);
  const found: FoundFigure[] = [];
  for (const m of flat.matchAll(FIGURE)) {
    const [all, number = '', more, power, unit = ''] = m;
    const at = m.index ?? 0;
    const end = at + all.length;
    if (quoted[at]) continue;
    if (/^[年月日号期届]/.test(flat.slice(end)) || /[第]$/.test(flat.slice(0, at))) continue;
    const chinese = !/\d/.test(number);
    if (chinese && /[十百千]/.test(number) === false && number.length > 1) continue;
    if (COUNTING.has(unit) && /^(方面|部分|环节|阶段|大)/.test(flat.slice(end))) continue;
    const value = chinese ? parseChineseNumber(number) : Number(number);
    if (value === undefined || !Number.isFinite(value)) continue;
    const before = qualifierBefore(flat, at);
    const qualifier: CountQualifier = more ? 'more_than' : before.qualifier;
    const classifier = CLASSIFIERS.includes(unit);
    const multiplier = classifier && power ? (power === '万' ? 1e4 : 1e8) : 1;
    const unitWritten = classifier ? unit : `${power ?? ''}${unit === '％' ? '%' : unit}`;
    found.push({
      start: before.start,
      end,
      numberStart: at,
      value,
      qualifier,
      unit: unitWritten,
      multiplier,
      classifier,
    });
  }
  return found.concat(wordOnlyFigures(flat, quoted)).sort((a, b) => a.start - b.start);
}

/** 过亿元, 超亿元: an amount written without a number (more than one 亿元). */
function wordOnlyFigures(flat: string, quoted: boolean[]): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of flat.matchAll(/(过|超|逾)(亿元|万元)/g)) {
    const at = m.index ?? 0;
    if (quoted[at] || /[\d零一二两三四五六七八九十百千]$/.test(flat.slice(0, at))) continue;
    const unit = m[2] as string;
    const end = at + m[0].length;
    out.push({
      start: at,
      end,
      numberStart: at + 1,
      value: 1,
      qualifier: 'more_than',
      unit,
      multiplier: 1,
      classifier: false,
    });
  }
  return out;
}

/** The year a figure is for: the last "2023年" before it in the sentence, outside titles. */
export function yearBefore(flat: string, at: number): number | undefined {
  const quoted = quotedAt(flat);
  let year: number | undefined;
  for (const m of flat.slice(0, at).matchAll(/((?:19|20)\d{2})年/g)) if (!quoted[m.index ?? 0]) year = Number(m[1]);
  return year;
}
