/** Stable diagnostic codes of the 277CA reader and rules (catalogued in validation/diagnostic-codes.ts when present). */
export const DIAGNOSTICS_277CA = {
  wrongTransaction: 'X12-277CA-WRONG-TRANSACTION',
  truncated: 'X12-277CA-TRUNCATED',
  missingBht: 'X12-277CA-MISSING-BHT',
  missingName: 'X12-277CA-MISSING-NM1',
  missingTrn: 'X12-277CA-MISSING-TRN',
  missingStc: 'X12-277CA-MISSING-STC',
  hlLevel: 'X12-277CA-HL-LEVEL',
  hlParent: 'X12-277CA-HL-PARENT',
  hlChildCode: 'X12-277CA-HL-CHILD-CODE',
  hlDuplicateId: 'X12-277CA-HL-DUPLICATE-ID',
  invalidAmount: 'X12-277CA-INVALID-AMOUNT',
  unexpectedSegment: 'X12-277CA-UNEXPECTED-SEGMENT',
} as const;

/** HL03 level codes of the 277CA. 2000D is PT (patient) in X214; 22 is accepted when read. */
export const LEVEL_277CA = {
  informationSource: '20',
  informationReceiver: '21',
  billingProvider: '19',
  patient: 'PT',
} as const;
