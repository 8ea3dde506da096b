/**
 * Public API of implementation-guide validation, re-exported from src/x12/index.ts: the guide registry,
 * the schema types and walker, element validation, the diagnostic code catalogue and the 837P/837I guides.
 */
export type * from '../schema/types';
export { walkTransaction, type LoopInstance, type WalkOptions, type WalkResult } from '../schema/walker';
export type { RuleInput, TransactionGuide, TransactionRule } from '../transactions/guide.types';
export { allGuides, guideFor, registerGuide } from '../transactions';
export { validateTransaction, type TransactionContext } from './validate-transaction';
export { validateSegmentElements } from './validate-elements';
export {
  DIAGNOSTIC_CODES,
  IMPLEMENTATION_GUIDE_CODES,
  RULE_CODES,
  type DiagnosticCode,
  type ImplementationGuideCode,
  type RuleCode,
} from './diagnostic-codes';
export { schema837P } from '../transactions/837p-005010x222a1/837p.schema';
export { rules837P } from '../transactions/837p-005010x222a1/837p.rules';
export { guide837P } from '../transactions/837p-005010x222a1/837p.guide';
export { schema837I } from '../transactions/837i-005010x223a2/837i.schema';
export { rules837I } from '../transactions/837i-005010x223a2/837i.rules';
export { guide837I } from '../transactions/837i-005010x223a2/837i.guide';
