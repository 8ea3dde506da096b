/**
 * Builders reachable from `x12gw x12 build <type> INPUT.json`. Each takes the parsed JSON input and
 * returns the X12 text. The transaction teams replace the placeholders with their builders.
 */
import {
  build270Interchange,
  parse270BuildInput,
} from '../x12/transactions/270-005010x279a1/270.interchange';
import {
  build837IInterchange,
  build837PInterchange,
  parse837BuildInput,
} from '../x12/transactions/837-claim.interchange';
import type { InstitutionalClaim, ProfessionalClaim } from '../x12/transactions/837-claim.model';
export type X12BuilderType = '837p' | '837i' | '270';

export type X12Builder = (input: unknown) => string;

export const X12_BUILDERS: Record<X12BuilderType, X12Builder> = {
  '837p': (input) => build837PInterchange(parse837BuildInput<ProfessionalClaim>(input, '837P')),
  '837i': (input) => build837IInterchange(parse837BuildInput<InstitutionalClaim>(input, '837I')),
  '270': (input) => build270Interchange(parse270BuildInput(input)),
};

export function isBuilderType(value: string): value is X12BuilderType {
  return Object.hasOwn(X12_BUILDERS, value);
}
