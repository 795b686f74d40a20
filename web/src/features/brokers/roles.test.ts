import { describe, expect, it } from 'vitest';
import { BROKERAGE_ROLES, type BrokerageReport } from '../../../../domain/api-types.ts';
import { isComputing, progressPercent } from '../../data/computing.ts';
import { ROLE_TEXT, roleActors } from './roles.ts';

const entry = (id: string, count: number) => ({ id, type: 'Firm', name_zh: id, name_en: id, count });

describe('brokerage roles', () => {
  it('are each named and explained in one sentence in both languages', () => {
    for (const role of BROKERAGE_ROLES)
      for (const lang of ['zh', 'en'] as const) {
        const { name, text } = ROLE_TEXT[role][lang];
        expect(name.length).toBeGreaterThan(0);
        expect(text.split(/[.。]/).filter((s) => s.trim()).length, `${role} ${lang}`).toBe(1);
      }
  });

  it('list the chosen role’s top actors, none without a report or a role', () => {
    const report: BrokerageReport = {
      roles: [...BROKERAGE_ROLES],
      top: {
        coordinator: [],
        gatekeeper: [entry('firm/a', 5)],
        representative: [],
        itinerant: [],
        liaison: [entry('park/p', 9), entry('firm/a', 2)],
      },
    };
    expect(roleActors(report, 'liaison').map((a) => a.id)).toEqual(['park/p', 'firm/a']);
    expect(roleActors(report, undefined)).toEqual([]);
    expect(roleActors(undefined, 'liaison')).toEqual([]);
  });
});

describe('a metrics answer still computing', () => {
  it('is told from a ready one, its progress a percentage', () => {
    const computing = {
      dataset: 'laoshan',
      version: 'v',
      status: 'computing' as const,
      progress: { phase: 'betweenness', done: 1, total: 3 },
      startedAt: '',
    };
    expect(isComputing(computing)).toBe(true);
    expect(isComputing({ dataset: 'laoshan', version: 'v', gaps: [] })).toBe(false);
    expect(progressPercent(computing)).toBe(33);
    expect(progressPercent({ ...computing, progress: { phase: 'load', done: 0, total: 0 } })).toBe(0);
  });
});
