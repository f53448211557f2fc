import type { MethodName, MethodOutput, ParsedInput } from '../../src-shared/api';
import type { Session } from '../../src-shared/domain/types';

/** What a handler knows about its caller. The station has one operator session at a time. */
export interface CallContext {
  readonly session: Session | null;
}

/** The main-side implementation of the contract: one function per method, typed from it. */
export type Handlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Promise<MethodOutput<M>>;
};
