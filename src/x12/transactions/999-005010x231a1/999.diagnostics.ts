/** Diagnostic codes of the 999 reader and rules. Messages name the place, never an element value. */
export const CODES_999 = {
  'X12-999-SEGMENT-IGNORED':
    'A 999 segment stands where the reader cannot place it; its data is not in the model.',
  'X12-999-REQUIRED-SEGMENT-MISSING':
    'A segment the 999 reader needs (AK1, AK9, IK5 after an AK2) is missing.',
  'X12-999-INCOMPLETE': 'The 999 transaction set was cut off before its SE: it must not be applied.',
  'X12-999-AK9-COUNT': 'AK9 counts disagree: more accepted than received, or a count is not a number.',
  'X12-999-AK9-CODE': 'AK901 does not agree with the counts of received and accepted transaction sets.',
} as const;

export type Code999 = keyof typeof CODES_999;
