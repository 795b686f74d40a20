// The five Gould–Fernandez brokerage roles in words, and what the brokers view highlights.
// Pure: no DOM, testable in Node.
import type { BrokerageReport, BrokerageRole, BrokerEntry } from '../../../../domain/api-types.ts';
import type { Lang } from '../../i18n.ts';

/** Each role named and explained in one sentence (A → B → C, B the broker; groups are sectors). */
export const ROLE_TEXT: Readonly<Record<BrokerageRole, Record<Lang, { name: string; text: string }>>> = {
  coordinator: {
    zh: { name: '协调者', text: '在本部门内部牵线:中介与两端同属一个部门。' },
    en: { name: 'Coordinator', text: 'Links two actors of its own sector: the broker and both ends share one sector.' },
  },
  gatekeeper: {
    zh: { name: '守门人', text: '把其他部门的联系引入本部门:来源在外,中介与接收方同属一个部门。' },
    en: {
      name: 'Gatekeeper',
      text: 'Lets a tie from another sector into its own: the source is outside, the broker and the receiver inside.',
    },
  },
  representative: {
    zh: { name: '代表者', text: '代表本部门向外联系:来源与中介同属一个部门,接收方在外。' },
    en: {
      name: 'Representative',
      text: 'Carries a tie of its own sector outward: the source and the broker share a sector, the receiver is outside.',
    },
  },
  itinerant: {
    zh: { name: '流动者', text: '从外部连接同一部门的两方:两端同属一个部门,中介不在其中。' },
    en: {
      name: 'Itinerant',
      text: 'Links two actors of one sector from outside it: the ends share a sector, the broker does not.',
    },
  },
  liaison: {
    zh: { name: '联络者', text: '连接两个不同的部门而不属于其中任何一个:三方分属三个部门。' },
    en: {
      name: 'Liaison',
      text: 'Joins two different sectors while belonging to neither: all three are in different sectors.',
    },
  },
};

/** The role's top actors (highest first), or none for no role. */
export function roleActors(report: BrokerageReport | undefined, role: BrokerageRole | undefined): BrokerEntry[] {
  if (!report || !role) return [];
  return report.top[role] ?? [];
}
