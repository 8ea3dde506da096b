/**
 * Diagnostic codes of the 835 reader and rules, with their catalogue text. Messages name the place,
 * never an element value (values are PHI).
 */
import { locationSegmentId } from '../../syntax/segment-ids';
import type { Diagnostic, DiagnosticLocation, Segment, Severity, SnipType } from '../../syntax/types';

export const CODES_835 = {
  'X12-835-AMOUNT-FORMAT': 'An 835 amount element is not a valid decimal amount in whole cents.',
  'X12-835-SEGMENT-IGNORED':
    'An 835 segment stands where the reader cannot place it; its data is not in the model.',
  'X12-835-REQUIRED-SEGMENT-MISSING':
    'A segment the 835 reader needs (BPR, TRN, N1*PR, N1*PE, SVC01) is missing.',
  'X12-835-INCOMPLETE':
    'The 835 transaction set was cut off before its SE: the remittance must not be posted.',
  'X12-835-SVC-BALANCE': 'Service line SVC02 minus its CAS amounts does not equal SVC03 (SNIP 3).',
  'X12-835-CLP-BALANCE':
    'Claim CLP03 minus all its claim and line CAS amounts does not equal CLP04 (SNIP 3).',
  'X12-835-BPR-BALANCE': 'The sum of CLP04 minus the PLB amounts does not equal BPR02 (SNIP 3).',
  'X12-835-BALANCE-UNCHECKED':
    'A balance could not be computed because one of its amounts is not a valid decimal in whole cents.',
} as const;

export type Code835 = keyof typeof CODES_835;

/** The place of a segment inside its transaction set (ST = position 1). */
export function segmentLocation(
  base: DiagnosticLocation,
  segment: Pick<Segment, 'id' | 'index' | 'byteOffset'>,
  positionInTransaction: number,
  extra: Partial<DiagnosticLocation> = {},
): DiagnosticLocation {
  const location: DiagnosticLocation = {
    ...base,
    segmentId: locationSegmentId(segment.id),
    segmentIndex: segment.index,
    segmentPositionInTransaction: positionInTransaction,
    byteOffset: segment.byteOffset,
    ...extra,
  };
  if (location.segmentId === undefined) delete location.segmentId;
  return location;
}

export function diagnostic835(
  code: Code835,
  severity: Severity,
  snip: SnipType,
  message: string,
  location: DiagnosticLocation,
): Diagnostic {
  return { severity, code, message, snip, location };
}
