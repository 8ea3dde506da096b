/** Stable diagnostic codes of the 271 reader and rules (catalogued in validation/diagnostic-codes.ts). */
export const DIAGNOSTICS_271 = {
  wrongTransaction: 'X12-271-WRONG-TRANSACTION',
  truncated: 'X12-271-TRUNCATED',
  missingBht: 'X12-271-MISSING-BHT',
  missingName: 'X12-271-MISSING-NM1',
  hlLevel: 'X12-271-HL-LEVEL',
  hlParent: 'X12-271-HL-PARENT',
  invalidAmount: 'X12-271-INVALID-AMOUNT',
  unexpectedSegment: 'X12-271-UNEXPECTED-SEGMENT',
  noBenefitOrRejection: 'X12-271-NO-EB-OR-AAA',
  unbalancedLsLe: 'X12-271-LS-LE',
} as const;
