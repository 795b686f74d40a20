// How proposals read in the list: bilingual type names from the ontology, a relation as
// "A —获评/awarded→ B", a counted group's count and a figure's value. Plain strings, always
// shown as text.
import { NODE_TYPES, RELATION_TYPES, isNodeType, isRelationType } from '../../../../domain/ontology.ts';
import type { EntityItem } from './model.ts';

/** A node type in both languages: "企业 / Firm". */
export function nodeTypeLabel(type: string): string {
  return isNodeType(type) ? `${NODE_TYPES[type].zh} / ${NODE_TYPES[type].en}` : type;
}

/** A relation type in both languages: "获评/awarded". */
export function relationTypeLabel(type: string): string {
  return isRelationType(type) ? `${RELATION_TYPES[type].zh}/${RELATION_TYPES[type].en}` : type;
}

export function relationText(source: string, type: string, target: string): string {
  return `${source} —${relationTypeLabel(type)}→ ${target}`;
}

const QUALIFIER_MARK: Record<string, string> = { more_than: '>', nearly: '≈', about: '~', at_least: '≥' };

/** A counted group's count or a figure's value, with its unit and year ("153", "4.32 % (2023)"). */
export function figureText(item: EntityItem): string {
  const p = item.proposal;
  if (p.kind === 'group' && p.count !== undefined) return `${QUALIFIER_MARK[p.count_qualifier ?? ''] ?? ''}${p.count}`;
  if (p.kind !== 'indicator' || p.value === undefined) return '';
  const value = `${QUALIFIER_MARK[p.value_qualifier ?? ''] ?? ''}${p.value}${p.unit ? ` ${p.unit}` : ''}`;
  return p.year !== undefined ? `${value} (${p.year})` : value;
}

export function confidenceText(confidence: number): string {
  return confidence.toFixed(2);
}
