/**
 * Public API of the 835 (005010X221A1) and 999 (005010X231A1) parts of the engine, re-exported from
 * src/x12/index.ts: money helpers, code lists, models, readers, writers, rules and guides.
 */
export * from '../money';
export * from '../codes/carc';
export * from '../codes/rarc';
export * from '../codes/cas-group-codes';
export * from '../codes/claim-payment-status-codes';
export * from '../codes/plb-adjustment-reason-codes';
export * from '../codes/999-codes';
export * from './835-005010x221a1/835.model';
export { read835, Remittance835Reader } from './835-005010x221a1/835.reader';
export { visitRemittances835, type Remittance835Visitor } from './835-005010x221a1/835.visit';
export { build835Body, casSegments } from './835-005010x221a1/835.writer';
export * from './835-005010x221a1/835.totals';
export { balance835, rules835 } from './835-005010x221a1/835.rules';
export { CODES_835, type Code835 } from './835-005010x221a1/835.diagnostics';
export { schema835 } from './835-005010x221a1/835.schema';
export { guide835 } from './835-005010x221a1/835.guide';
export * from './999-005010x231a1/999.model';
export { read999 } from './999-005010x231a1/999.reader';
export * from './999-005010x231a1/999.outcomes';
export { build999Body } from './999-005010x231a1/999.writer';
export * from './999-005010x231a1/999.acknowledge';
export { ak9Consistency999, rules999 } from './999-005010x231a1/999.rules';
export { CODES_999, type Code999 } from './999-005010x231a1/999.diagnostics';
export { schema999 } from './999-005010x231a1/999.schema';
export { guide999 } from './999-005010x231a1/999.guide';
