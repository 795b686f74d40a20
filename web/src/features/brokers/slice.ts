// The brokers feature's slice of the view and the link: the Gould–Fernandez role whose top
// actors are shown (`broker=liaison`). Pure: no DOM, testable in Node.
import { BROKERAGE_ROLES, type BrokerageRole } from '../../../../domain/api-types.ts';
import { readOne, writeOne } from '../../core/codec.ts';
import type { Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';

export interface BrokersState {
  /** The brokerage role whose top actors are listed and highlighted. */
  brokerRole: BrokerageRole | undefined;
}

export function isBrokerageRole(value: string): value is BrokerageRole {
  return (BROKERAGE_ROLES as readonly string[]).includes(value);
}

export function brokersSlice<S extends CoreState & BrokersState>(): Slice<S> {
  return {
    id: 'brokers',
    keys: ['brokerRole'],
    params: ['broker'],
    defaults: () => ({ brokerRole: undefined }) as Partial<S>,
    parse: (params) => ({ brokerRole: readOne(params, 'broker', isBrokerageRole) }) as Partial<S>,
    write: (state, out) => writeOne(out, 'broker', state.brokerRole),
  };
}
