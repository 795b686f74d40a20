// The sectors of the triple helix in words, and the sector mixing report as the panel reads it:
// each sector named in both languages, each measure with a one-line explanation. Pure: no DOM.
import type { Lang } from '../../i18n.ts';

const SECTOR_NAMES: Readonly<Record<string, Record<Lang, string>>> = {
  government: { zh: '政府', en: 'Government' },
  academia: { zh: '学研', en: 'Academia' },
  industry: { zh: '产业', en: 'Industry' },
  intermediary: { zh: '中介', en: 'Intermediaries' },
  people: { zh: '人才', en: 'People' },
  mixed: { zh: '混合', en: 'Mixed' },
  context: { zh: '背景', en: 'Context' },
};

/** A sector's name; a dataset's own sector keeps its id. */
export function sectorName(sector: string, lang: Lang): string {
  return SECTOR_NAMES[sector]?.[lang] ?? sector;
}

export const SECTOR_TEXT = {
  matrix: {
    zh: '每格是两个部门的主体之间的关系数(每条关系计一次;对角线为部门内部)。',
    en: 'Each cell counts the ties between actors of two sectors (each tie once; the diagonal: within a sector).',
  },
  cross: {
    zh: '跨部门关系占比:连接两个不同部门的关系在全部主体间关系中所占的比例。',
    en: 'Cross-sector share: of all ties between actors, the share that joins two different sectors.',
  },
  assortativity: {
    zh: '同配性(Newman):1 表示只在部门内部相连,0 表示与随机无异,负值表示偏向跨部门相连。',
    en: 'Assortativity (Newman): 1 means ties only within sectors, 0 as by chance, below 0 a leaning to cross sectors.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
