// The fields-years feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId, isYear } from '../../../../domain/ids.ts';
import { FIELD_NODE_TYPE } from '../../../../domain/ontology.ts';
import { readList, writeSet } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface FieldsYearsState {
  /** Industry/field nodes: when any is chosen, only they and what links to them are shown. */
  fields: string[];
  /** Years filtered out (nodes without a year are never hidden by this). */
  hiddenYears: number[];
}

export const FIELDS_YEARS_KEYS = ['fields', 'hiddenYears'] as const;

export function fieldsYearsSlice<S extends CoreState & FieldsYearsState>(): Slice<S> {
  return {
    id: 'fields-years',
    keys: [...FIELDS_YEARS_KEYS],
    params: ['fields', 'hideYears'],
    defaults: () => ({ fields: [] as string[], hiddenYears: [] as number[] }) as Partial<S>,
    parse: (params) =>
      ({
        fields: readList(params, 'fields', isNodeId),
        hiddenYears: readList(params, 'hideYears', (y) => /^\d{4}$/.test(y) && isYear(Number(y))).map(Number),
      }) as Partial<S>,
    write(state, out) {
      writeSet(out, 'fields', state.fields);
      writeSet(out, 'hideYears', state.hiddenYears);
    },
    validate: (state, domain) =>
      ({
        fields: state.fields.filter((id) => domain.nodeType(id) === FIELD_NODE_TYPE),
        hiddenYears: state.hiddenYears.filter((y) => domain.years.has(y)),
      }) as Partial<S>,
  };
}
