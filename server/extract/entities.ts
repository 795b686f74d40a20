// From mentions to entities: mentions of one name (or of names that share an alias) are one
// entity; a short form is merged into the long one it abbreviates when what it lacks is a place
// (国际创新园 → 青岛国际创新园, 崂山 → 崂山区, 区科学技术局 → 云湖区科学技术局). Counted groups are
// one entity per name and count; every figure is its own indicator.
import type { NodeType } from '../../domain/ontology.ts';
import { matchKey } from './gazetteer.ts';
import { RULE_RANK, type Mention } from './mentions.ts';
import type { EntityKind, EntityRule, GazetteerEntry } from '../../domain/extraction.ts';

export interface Entity {
  key: string;
  kind: EntityKind;
  name: string;
  type: NodeType;
  names: Set<string>;
  mentions: Mention[];
  gazetteer?: GazetteerEntry;
}

/** Union-find over entity keys. */
class Groups {
  private parent = new Map<string, string>();
  find(key: string): string {
    const p = this.parent.get(key) ?? key;
    if (p === key) return key;
    const root = this.find(p);
    this.parent.set(key, root);
    return root;
  }
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
}

function keysOf(m: Mention): string[] {
  if (m.kind === 'indicator') return [`fig:${m.sentence}:${m.start}`];
  // A known entity: its id, and the names by which other rules find it (崂山区 inside a title).
  if (m.gazetteer)
    return [`gaz:${m.gazetteer.id}`, ...[m.name, ...m.gazetteer.names].map((n) => `name:${matchKey(n)}`)];
  if (m.kind === 'group') return [`grp:${matchKey(m.name)}:${m.count?.value ?? ''}`];
  return [m.name, ...m.aliases].map((n) => `name:${matchKey(n)}`).filter((k) => k.length > 6);
}

const rank = (m: Mention) => RULE_RANK[m.rule].priority;

function build(key: string, mentions: Mention[]): Entity {
  const best = [...mentions].sort((a, b) => rank(b) - rank(a) || b.name.length - a.name.length)[0] as Mention;
  const gazetteer = mentions.find((m) => m.gazetteer)?.gazetteer;
  const names = new Set(mentions.flatMap((m) => [m.name, ...m.aliases]));
  const longest = [...mentions]
    .filter((m) => !m.weak || mentions.every((o) => o.weak))
    .sort((a, b) => b.name.length - a.name.length || rank(b) - rank(a))[0] as Mention;
  const name = gazetteer?.names[0] ?? (best.kind === 'named' ? longest.name : best.name);
  return { key, kind: best.kind, name, type: best.type, names, mentions, ...(gazetteer ? { gazetteer } : {}) };
}

export function groupMentions(mentions: readonly Mention[]): Entity[] {
  const groups = new Groups();
  for (const m of mentions) {
    const [first, ...rest] = keysOf(m);
    if (first) for (const key of rest) groups.join(first, key);
  }
  const byRoot = new Map<string, Mention[]>();
  for (const m of mentions) {
    const root = groups.find(keysOf(m)[0] ?? `anon:${m.sentence}:${m.start}`);
    byRoot.set(root, [...(byRoot.get(root) ?? []), m]);
  }
  return [...byRoot].map(([key, list]) => build(key, list));
}

const PLACE_TAIL = /(区|县|市|省|镇)$/;

/** Short forms merged into the long names they abbreviate by leaving a place out. */
export function mergeShortForms(entities: Entity[], places: ReadonlySet<string>): Entity[] {
  const named = entities.filter((e) => e.kind === 'named' && !e.gazetteer);
  const into = new Map<Entity, Entity>();
  for (const short of named) {
    for (const long of named) {
      if (long === short || into.has(long)) continue;
      const [longName, shortName] = [long.name.replace(/园区$/, '园'), short.name.replace(/园区$/, '园')];
      const prefix = longName.endsWith(shortName) ? longName.slice(0, -shortName.length) : undefined;
      const placeForm = long.type === 'District' && PLACE_TAIL.test(long.name) && long.name.slice(0, -1) === short.name;
      const compatible = short.type === long.type || short.mentions.every((m) => m.weak || m.rule === 'place');
      if ((placeForm || (prefix !== undefined && (prefix === '' || isPlace(prefix, places)))) && compatible) {
        into.set(short, long);
        break;
      }
    }
  }
  for (const [short, long] of into) {
    long.mentions.push(...short.mentions);
    for (const n of short.names) long.names.add(n);
  }
  return entities.filter((e) => !into.has(e));
}

function isPlace(prefix: string, places: ReadonlySet<string>): boolean {
  if (places.has(prefix) || prefix === '区' || prefix === '市') return true;
  return [...places].some((p) => PLACE_TAIL.test(p) && p.slice(0, -1) === prefix);
}

const FIRM_FORMS = /(科技股份有限公司|股份有限公司|科技有限公司|有限责任公司|集团有限公司|有限公司|集团)$/;

/** Other names the text may use for an entity: 崂山 for 崂山区, 星途智能 for 临江星途智能科技有限公司. */
export function shortForms(entity: Entity, places: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const { name, type } = entity;
  if (type === 'District' && /(区|县)$/.test(name) && name.length >= 3) out.push(name.slice(0, -1));
  const place = [...places]
    .filter((p) => name.startsWith(p) && p.length < name.length)
    .sort((a, b) => b.length - a.length)[0];
  if (type === 'Firm' || type === 'Investor') {
    const core = (place ? name.slice(place.length) : name).replace(FIRM_FORMS, '');
    if (core.length >= 2 && core !== name && !/[（(]/.test(core)) out.push(core);
  }
  if (type === 'District' && place && /区$/.test(place) && name.length > place.length + 1)
    out.push(`区${name.slice(place.length)}`);
  return out.filter((n) => !entity.names.has(n));
}

/** Generic (every mention weak): a name only a relation can justify. */
export const isWeak = (e: Entity) => e.mentions.every((m) => m.weak);

/** A weak place (中国, 青岛): never an end of a relation. */
export const isWeakPlace = (e: Entity) => e.mentions.every((m) => m.weak && (m.rule === 'place' || m.rule === 'alias'));

export function rulesOf(entity: Entity): EntityRule[] {
  return [...new Set(entity.mentions.map((m) => m.rule))].sort();
}
