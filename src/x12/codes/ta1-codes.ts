/**
 * TA1 interchange acknowledgment codes. TA104 says what happened to the interchange; TA105 (the note
 * code) says why. A TA1 answers the envelope only: the contents are acknowledged by the 999.
 */

/** TA104 interchange acknowledgment codes. */
export const TA1_ACKNOWLEDGMENT_CODES = {
  A: 'The transmitted interchange control structure header and trailer have been received and have no errors',
  E: 'The transmitted interchange control structure header and trailer are received and accepted, but errors are noted: the sender must not resend this data',
  R: 'The transmitted interchange control structure header and trailer are rejected because of errors',
} as const;

export type Ta1AcknowledgmentCode = keyof typeof TA1_ACKNOWLEDGMENT_CODES;

/** TA105 interchange note codes. */
export const TA1_NOTE_CODES = {
  '000': 'No error',
  '001':
    'The Interchange Control Number in the Header and Trailer Do Not Match. The Value From the Header is Used in the Acknowledgment',
  '002': 'This Standard as Noted in the Control Standards Identifier is Not Supported',
  '003': 'This Version of the Controls is Not Supported',
  '004': 'The Segment Terminator is Invalid',
  '005': 'Invalid Interchange ID Qualifier for Sender',
  '006': 'Invalid Interchange Sender ID',
  '007': 'Invalid Interchange ID Qualifier for Receiver',
  '008': 'Invalid Interchange Receiver ID',
  '009': 'Unknown Interchange Receiver ID',
  '010': 'Invalid Authorization Information Qualifier Value',
  '011': 'Invalid Authorization Information Value',
  '012': 'Invalid Security Information Qualifier Value',
  '013': 'Invalid Security Information Value',
  '014': 'Invalid Interchange Date Value',
  '015': 'Invalid Interchange Time Value',
  '016': 'Invalid Interchange Standards Identifier Value',
  '017': 'Invalid Interchange Version ID Value',
  '018': 'Invalid Interchange Control Number Value',
  '019': 'Invalid Acknowledgment Requested Value',
  '020': 'Invalid Test Indicator Value',
  '021': 'Invalid Number of Included Groups Value',
  '022': 'Invalid Control Structure',
  '023': 'Improper (Premature) End-of-File (Transmission)',
  '024': 'Invalid Interchange Content (e.g., Invalid GS Segment)',
  '025': 'Duplicate Interchange Control Number',
  '026': 'Invalid Data Element Separator',
  '027': 'Invalid Component Element Separator',
  '028': 'Invalid Delivery Date in Deferred Delivery Request',
  '029': 'Invalid Delivery Time in Deferred Delivery Request',
  '030': 'Invalid Delivery Time Code in Deferred Delivery Request',
  '031': 'Invalid Grade of Service Code',
} as const;

export type Ta1NoteCode = keyof typeof TA1_NOTE_CODES;

export function describeTa1Note(code: string): string | undefined {
  return Object.hasOwn(TA1_NOTE_CODES, code) ? TA1_NOTE_CODES[code as Ta1NoteCode] : undefined;
}

export function describeTa1Acknowledgment(code: string): string | undefined {
  return Object.hasOwn(TA1_ACKNOWLEDGMENT_CODES, code)
    ? TA1_ACKNOWLEDGMENT_CODES[code as Ta1AcknowledgmentCode]
    : undefined;
}
