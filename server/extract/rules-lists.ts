// Rules on lists. A suffix shared by a list is distributed over its items (虚拟现实、人工智能产业园
// → 虚拟现实产业园, 人工智能产业园; …工业互联网四大产业园区 → five parks of a counted group of four);
// items listed before 等 or "三大" and a field word (技术, 领域, 产业 …) are fields; what follows
// 等 in an award clause (…等10家崂山区首批“繁星企业”进行表彰) is the honour the items received.
import type { NodeType } from '../../domain/ontology.ts';
import { AWARD_CONTEXT, FIELD_FINAL_VERBS, FIELD_HEADS, SUFFIXES } from './lexicon.ts';
import { mention, type Mention } from './mentions.ts';
import { leftBoundary, type Analysed } from './names.ts';
import { parseChineseNumber } from './figures.ts';
import { clauseOf, typeBySuffix } from './rules-names.ts';
import type { Token } from './segmenter.ts';

const SEPARATORS = /^(、|和|及|以及)$/;

interface Item {
  start: number;
  end: number;
}

/** The list items ending at `end`: spans separated by 、 和 及, each one name's words. */
export function itemsBefore(a: Analysed, end: number, floor: number, maxItems = 12): Item[] {
  const items: Item[] = [];
  let right = end;
  while (items.length < maxItems) {
    const start = leftBoundary(a, right, floor, 14);
    if (start >= right) break;
    items.unshift({ start, end: right });
    const sep = a.tokens[(a.tokenAt[start] ?? 0) - 1];
    if (!sep || !SEPARATORS.test(sep.word) || sep.start < floor) break;
    right = sep.start;
  }
  return items;
}

const hasSuffix = (text: string) => SUFFIXES.some(([s]) => text.endsWith(s));

/** A list item that names a field: a short noun phrase (智能制造 yes, 科技创新 no). */
export function fieldLike(a: Analysed, item: Item): boolean {
  const text = a.sentence.flat.slice(item.start, item.end);
  if (text.length < 2 || text.length > 9 || hasSuffix(text)) return false;
  const last = a.tokens[a.tokenAt[item.end - 1] ?? -1] as Token | undefined;
  if (!last) return false;
  return /^(n|j|eng)/.test(last.tag) || FIELD_FINAL_VERBS.has(last.word);
}

const GROUP_WORD = /^([二两三四五六七八九十])大/;
/** Suffixes a bare list shares without 等 or a count: 虚拟现实、人工智能产业园. */
const DISTRIBUTABLE = /(园区?|产业集群|基地)$/;

/** Distributed suffixes: 青岛市虚拟现实、人工智能产业园; …工业互联网四大产业园区; A和B等企业. */
export function distributedMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (const token of a.tokens) {
    const hit = [...SUFFIXES].sort((x, y) => y[0].length - x[0].length).find(([s]) => flat.endsWith(s, token.end));
    if (!hit) continue;
    const [suffix, type] = hit;
    const headStart = token.end - suffix.length;
    const clause = clauseOf(clauses, headStart);
    const group = GROUP_WORD.exec(flat.slice(headStart - 2, headStart));
    const afterDeng = flat[headStart - 1] === '等';
    const lastEnd = group ? headStart - 2 : afterDeng ? headStart - 1 : headStart;
    if (!group && !afterDeng && !DISTRIBUTABLE.test(suffix)) continue;
    const next = a.tokens[a.tokens.indexOf(token) + 1];
    if (next && SUFFIXES.some(([s]) => flat.endsWith(s, next.end) && next.end - s.length <= headStart)) continue;
    const items = itemsBefore(a, lastEnd, clause.start);
    if (items.length < 2 || (!afterDeng && !items.slice(0, -1).every((i) => fieldLike(a, i)))) continue;
    out.push(
      ...distribute(
        a,
        items,
        suffix,
        type,
        afterDeng,
        group ? { start: headStart - 2, end: token.end, size: group[1] as string } : undefined,
      ),
    );
  }
  return out;
}

function distribute(
  a: Analysed,
  items: Item[],
  suffix: string,
  type: NodeType,
  afterDeng: boolean,
  group: { start: number; end: number; size: string } | undefined,
): Mention[] {
  const { flat } = a.sentence;
  const out: Mention[] = [];
  const first = items[0] as Item;
  const firstToken = a.tokens[a.tokenAt[first.start] ?? -1];
  const prefix = firstToken?.tag === 'ns' && firstToken.end < first.end ? flat.slice(first.start, firstToken.end) : '';
  const groupMention = group
    ? mention(a, group.start, group.end, {
        type,
        kind: 'group',
        rule: 'distributed',
        count: { value: parseChineseNumber(group.size) ?? 0, qualifier: 'exact' },
      })
    : undefined;
  if (groupMention) out.push(groupMention);
  items.forEach((item, i) => {
    const text = flat.slice(item.start, item.end);
    if (afterDeng && hasSuffix(text)) return;
    const core =
      i === 0 && prefix ? text.slice(prefix.length) : text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
    if (core.length < 2) return;
    const name = `${prefix}${core}${suffix}`;
    const fieldStart = item.start + (i === 0 ? prefix.length : 0);
    out.push(
      mention(a, item.start, item.end, {
        type,
        kind: 'named',
        rule: 'distributed',
        name,
        field: afterDeng ? undefined : core,
        memberOf: groupMention,
      }),
    );
    if (!afterDeng && fieldLike(a, { start: fieldStart, end: fieldStart + core.length }))
      out.push(
        mention(a, fieldStart, fieldStart + core.length, {
          type: 'Industry',
          kind: 'named',
          rule: 'field-list',
          nested: true,
        }),
      );
  });
  return out;
}

/** Items before 等 or "三大" and a field word: 钙钛矿、固态电池、海洋生物医药等原创性、颠覆性技术. */
export function fieldListMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (const m of flat.matchAll(/等|[二两三四五六七八九十]大/g)) {
    const at = m.index ?? 0;
    const clause = clauseOf(clauses, at);
    const after = flat.slice(at + m[0].length, Math.min(clause.end, at + m[0].length + 16));
    const headAt = Math.min(...FIELD_HEADS.map((h) => after.indexOf(h)).filter((i) => i >= 0));
    if (!Number.isFinite(headAt) || hasSuffix(after.slice(0, headAt + 4).replace(/产业园区?$/, ''))) continue;
    if (/[，,；;]/.test(after.slice(0, headAt))) continue;
    const items = itemsBefore(a, at, clause.start);
    if ((items.length < 2 && m[0] !== '等') || items.some((i) => hasSuffix(flat.slice(i.start, i.end)))) continue;
    for (const item of items.filter((i) => fieldLike(a, i)))
      out.push(mention(a, item.start, item.end, { type: 'Industry', kind: 'named', rule: 'field-list' }));
  }
  return out;
}

/** In an award clause, what follows 等 (and a count) is the honour: …等崂山区十强科技创新企业进行表彰. */
export function listHeadMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (let at = flat.indexOf('等'); at >= 0; at = flat.indexOf('等', at + 1)) {
    const clause = clauseOf(clauses, at);
    const text = flat.slice(clause.start, clause.end);
    if (!AWARD_CONTEXT.some((w) => text.includes(w))) continue;
    const rest = flat.slice(at + 1, clause.end);
    const count = /^(\d+|[一二两三四五六七八九十]+)(余)?[家个名位项所]/.exec(rest);
    const start = at + 1 + (count ? count[0].length : 0);
    const stop = flat.slice(start, clause.end).search(/进行|受到|获得|予以|$/);
    const end = start + stop;
    const name = flat.slice(start, end);
    if (/^(荣誉称号|称号|荣誉|奖项|荣誉奖项)$/.test(name)) continue;
    if (name.length < 3 || name.length > 30 || (typeBySuffix(name) === 'Firm' && !/[“”]|十强|十佳|百强/.test(name)))
      continue;
    const value = count
      ? /\d/.test(count[1] as string)
        ? Number(count[1])
        : parseChineseNumber(count[1] as string)
      : undefined;
    out.push(
      mention(a, start, end, {
        type: 'Honor',
        kind: 'named',
        rule: 'list-head',
        ...(value !== undefined ? { count: { value, qualifier: count?.[2] ? 'more_than' : 'exact' } } : {}),
      }),
    );
  }
  return out;
}
