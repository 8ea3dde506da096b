/**
 * Stable codes for envelope diagnostics (ISA/IEA, GS/GE, ST/SE), WEDI SNIP type 1. The TA1 writer maps
 * interchange-level codes to TA1 note codes; keep both in step when adding a code.
 */
export const ENVELOPE_CODES = {
  'X12-ENV-ISA-ELEMENT-COUNT': 'The ISA does not have exactly 16 elements.',
  'X12-ENV-ISA-WIDTH': 'ISA fields are not padded to their fixed widths (the ISA is not 106 characters).',
  'X12-ENV-ISA-REQUIRED': 'A required ISA element is blank.',
  'X12-ENV-ISA-CODE': 'An ISA element holds a value its code list does not allow.',
  'X12-ENV-ISA-DATE': 'ISA09 is not a YYMMDD date.',
  'X12-ENV-ISA-TIME': 'ISA10 is not an HHMM time.',
  'X12-ENV-ISA12-VERSION': 'ISA12 is not 00501 (the interchange is not 5010).',
  'X12-ENV-ISA13-FORMAT': 'ISA13 is not 9 digits.',
  'X12-ENV-IEA-MISSING': 'The interchange has no IEA: the input was cut off or another ISA began.',
  'X12-ENV-IEA01-COUNT': 'IEA01 does not equal the number of functional groups.',
  'X12-ENV-IEA02-MISMATCH': 'IEA02 does not equal ISA13.',
  'X12-ENV-INTERCHANGE-EMPTY': 'The interchange holds no functional group and no TA1.',
  'X12-ENV-GS-REQUIRED': 'A required GS element is blank.',
  'X12-ENV-GS-DATE': 'GS04 is not a CCYYMMDD date.',
  'X12-ENV-GS-TIME': 'GS05 is not an HHMM[SS[D..]] time.',
  'X12-ENV-GS06-FORMAT': 'GS06 is not 1 to 9 digits.',
  'X12-ENV-GS06-DUPLICATE': 'Two functional groups in one interchange share GS06.',
  'X12-ENV-GS-SENDER-MISMATCH': 'GS02 differs from ISA06 (warning: common and often intended).',
  'X12-ENV-GS-RECEIVER-MISMATCH': 'GS03 differs from ISA08 (warning: common and often intended).',
  'X12-ENV-GE-MISSING': 'The functional group has no GE: the input was cut off or another envelope began.',
  'X12-ENV-GE01-COUNT': 'GE01 does not equal the number of transaction sets in the group.',
  'X12-ENV-GE02-MISMATCH': 'GE02 does not equal GS06.',
  'X12-ENV-GROUP-EMPTY': 'The functional group holds no transaction set.',
  'X12-ENV-ST-REQUIRED': 'ST01 or ST02 is blank.',
  'X12-ENV-ST02-FORMAT': 'ST02 is not 4 to 9 characters.',
  'X12-ENV-ST02-DUPLICATE': 'Two transaction sets in one group share ST02.',
  'X12-ENV-ST03-VERSION': 'ST03 differs from GS08.',
  'X12-ENV-GS01-MISMATCH': 'The transaction set does not belong in its functional group type (GS01).',
  'X12-ENV-SE-MISSING': 'The transaction set has no SE: the input was cut off or another envelope began.',
  'X12-ENV-SE01-COUNT': 'SE01 does not equal the number of segments from ST to SE.',
  'X12-ENV-SE02-MISMATCH': 'SE02 does not equal ST02.',
  'X12-ENV-ST-OUTSIDE-GROUP': 'A transaction set is not inside a GS/GE functional group; it was skipped.',
  'X12-ENV-SEGMENT-OUTSIDE-TRANSACTION': 'Segments outside any ST/SE transaction set were ignored.',
  'X12-ENV-UNMATCHED-TRAILER': 'An SE or GE without its ST or GS.',
} as const;

export type EnvelopeCode = keyof typeof ENVELOPE_CODES;
