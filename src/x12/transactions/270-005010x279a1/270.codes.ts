/** Stable diagnostic codes of the 270 reader and rules (catalogued in validation/diagnostic-codes.ts). */
export const DIAGNOSTICS_270 = {
  wrongTransaction: 'X12-270-WRONG-TRANSACTION',
  truncated: 'X12-270-TRUNCATED',
  missingBht: 'X12-270-MISSING-BHT',
  missingName: 'X12-270-MISSING-NM1',
  missingTrn: 'X12-270-MISSING-TRN',
  missingEq: 'X12-270-MISSING-EQ',
  dependentIsSubscriber: 'X12-270-DEPENDENT-IS-SUBSCRIBER',
  hlLevel: 'X12-270-HL-LEVEL',
  hlParent: 'X12-270-HL-PARENT',
  unexpectedSegment: 'X12-270-UNEXPECTED-SEGMENT',
} as const;

/** HL03 level codes of the 270 and 271. */
export const ELIGIBILITY_LEVEL = {
  informationSource: '20',
  informationReceiver: '21',
  subscriber: '22',
  dependent: '23',
} as const;
