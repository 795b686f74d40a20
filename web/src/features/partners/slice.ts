// The partners feature's slice of the view and the link: whose partners are sought
// (`partners=<id>`), of which type (`ptype=Firm`, any when absent) and the candidate whose reasons
// are drawn (`partner=<id>`). Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { isTypeName, readOne, writeOne } from '../../core/codec.ts';
import type { Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';

export interface PartnersState {
  /** The node whose potential partners are listed. */
  partnersOf: string | undefined;
  /** The wanted actor type of the partners; undefined: any. */
  partnerType: string | undefined;
  /** The candidate whose reasons are drawn on the graph. */
  partner: string | undefined;
}

export function partnersSlice<S extends CoreState & PartnersState>(): Slice<S> {
  return {
    id: 'partners',
    keys: ['partnersOf', 'partnerType', 'partner'],
    params: ['partners', 'ptype', 'partner'],
    defaults: () => ({ partnersOf: undefined, partnerType: undefined, partner: undefined }) as Partial<S>,
    parse: (params) =>
      ({
        partnersOf: readOne(params, 'partners', isNodeId),
        partnerType: readOne(params, 'ptype', isTypeName),
        partner: readOne(params, 'partner', isNodeId),
      }) as Partial<S>,
    write(state, out) {
      writeOne(out, 'partners', state.partnersOf);
      writeOne(out, 'ptype', state.partnerType);
      writeOne(out, 'partner', state.partner);
    },
    // The candidate is checked against the ranked list once it has loaded (it may lie beyond a
    // partial overview); here: a query about a node the data has, of a type the schema has.
    validate: (state, domain) => {
      const of = state.partnersOf !== undefined && domain.hasNode(state.partnersOf) ? state.partnersOf : undefined;
      const type = of && state.partnerType !== undefined && domain.nodeTypes.has(state.partnerType);
      return {
        partnersOf: of,
        partnerType: type ? state.partnerType : undefined,
        partner: of ? state.partner : undefined,
        ...(state.panel === 'partners' && !of ? { panel: undefined } : {}),
      } as Partial<S>;
    },
  };
}
