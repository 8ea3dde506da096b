/**
 * Element checks of the envelope headers (ISA, GS, ST), SNIP type 1. Messages name elements, never
 * their values (sender ids and dates can identify a provider or a patient's visit).
 */
import { locationSegmentId } from '../syntax/segment-ids';
import type { Diagnostic, DiagnosticLocation, Segment } from '../syntax/types';
import type { EnvelopeCode } from './diagnostic-codes';

/** ISA01..ISA16 fixed widths; 3 + 16 separators + these + terminator = 106 characters. */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;

const ISA01_CODES = ['00', '03'];
const ISA03_CODES = ['00', '01'];
/** 5010 ISA05/ISA07 interchange id qualifiers. */
const ID_QUALIFIERS = ['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ'];

const DIGITS = /^\d+$/;

export function ref(segmentId: string, element: number): string {
  return `${segmentId}${String(element).padStart(2, '0')}`;
}

export function segmentLocation(
  segment: Pick<Segment, 'id' | 'index' | 'byteOffset'>,
  base: DiagnosticLocation,
  element?: number,
): DiagnosticLocation {
  // element references are only asked for envelope segments (ISA, GS, ST, SE, GE, IEA), whose ids are known
  const segmentId = locationSegmentId(segment.id);
  return {
    ...base,
    ...(segmentId === undefined ? {} : { segmentId }),
    segmentIndex: segment.index,
    byteOffset: segment.byteOffset,
    ...(element === undefined ? {} : { element: ref(segment.id, element) }),
  };
}

export function envelopeDiagnostic(
  severity: Diagnostic['severity'],
  code: EnvelopeCode,
  message: string,
  location: DiagnosticLocation,
): Diagnostic {
  return { severity, code, message, snip: 1, location };
}

function isDigits(value: string, min: number, max: number): boolean {
  return value.length >= min && value.length <= max && DIGITS.test(value);
}

export function checkIsa(isa: Segment, base: DiagnosticLocation): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (element?: number) => segmentLocation(isa, base, element);
  if (isa.elements.length !== 16) {
    out.push(
      envelopeDiagnostic(
        'error',
        'X12-ENV-ISA-ELEMENT-COUNT',
        'The ISA must have exactly 16 elements.',
        at(),
      ),
    );
    return out;
  }
  const value = (element: number) => isa.elements[element - 1].trim();
  const wrongWidth = ISA_WIDTHS.flatMap((width, i) =>
    isa.elements[i].length === width ? [] : [ref('ISA', i + 1)],
  );
  if (wrongWidth.length > 0) {
    out.push(
      envelopeDiagnostic(
        'warning',
        'X12-ENV-ISA-WIDTH',
        `The ISA is not fixed width (106 characters): ${wrongWidth.join(', ')} not padded to width.`,
        at(Number(wrongWidth[0].slice(3))),
      ),
    );
  }
  const code = (element: number, allowed: readonly string[]) => {
    if (!allowed.includes(value(element))) {
      out.push(
        envelopeDiagnostic(
          'error',
          'X12-ENV-ISA-CODE',
          `${ref('ISA', element)} is not an allowed code.`,
          at(element),
        ),
      );
    }
  };
  code(1, ISA01_CODES);
  code(3, ISA03_CODES);
  code(5, ID_QUALIFIERS);
  code(7, ID_QUALIFIERS);
  for (const element of [6, 8]) {
    if (value(element) === '') {
      out.push(
        envelopeDiagnostic(
          'error',
          'X12-ENV-ISA-REQUIRED',
          `${ref('ISA', element)} is required.`,
          at(element),
        ),
      );
    }
  }
  if (!isDigits(value(9), 6, 6)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-ISA-DATE', 'ISA09 must be a YYMMDD date.', at(9)));
  }
  if (!isDigits(value(10), 4, 4)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-ISA-TIME', 'ISA10 must be an HHMM time.', at(10)));
  }
  if (value(12) !== '00501') {
    const severity = isDigits(value(12), 5, 5) ? 'warning' : 'error';
    out.push(envelopeDiagnostic(severity, 'X12-ENV-ISA12-VERSION', 'ISA12 is not 00501 (5010).', at(12)));
  }
  if (!isDigits(isa.elements[12], 9, 9)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-ISA13-FORMAT', 'ISA13 must be exactly 9 digits.', at(13)));
  }
  code(14, ['0', '1']);
  code(15, ['T', 'P']);
  return out;
}

export function checkGs(
  gs: Segment,
  interchange: { senderId: string; receiverId: string },
  base: DiagnosticLocation,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (element?: number) => segmentLocation(gs, base, element);
  const value = (element: number) => (gs.elements[element - 1] ?? '').trim();
  for (let element = 1; element <= 8; element++) {
    if (value(element) === '') {
      out.push(
        envelopeDiagnostic('error', 'X12-ENV-GS-REQUIRED', `${ref('GS', element)} is required.`, at(element)),
      );
    }
  }
  if (value(4) !== '' && !isDigits(value(4), 8, 8)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-GS-DATE', 'GS04 must be a CCYYMMDD date.', at(4)));
  }
  if (value(5) !== '' && !isDigits(value(5), 4, 8)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-GS-TIME', 'GS05 must be an HHMM[SS[D..]] time.', at(5)));
  }
  if (value(6) !== '' && !isDigits(value(6), 1, 9)) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-GS06-FORMAT', 'GS06 must be 1 to 9 digits.', at(6)));
  }
  // Warning only: many trading partners use application codes in GS02/GS03 that differ from ISA ids.
  if (value(2) !== '' && value(2) !== interchange.senderId) {
    out.push(envelopeDiagnostic('warning', 'X12-ENV-GS-SENDER-MISMATCH', 'GS02 differs from ISA06.', at(2)));
  }
  if (value(3) !== '' && value(3) !== interchange.receiverId) {
    out.push(
      envelopeDiagnostic('warning', 'X12-ENV-GS-RECEIVER-MISMATCH', 'GS03 differs from ISA08.', at(3)),
    );
  }
  return out;
}

/** GS01 functional identifier code each transaction set belongs in (X12 479). */
const FUNCTIONAL_GROUP_OF: Readonly<Record<string, string>> = {
  '270': 'HS',
  '271': 'HB',
  '276': 'HR',
  '277': 'HN',
  '278': 'HI',
  '820': 'RA',
  '834': 'BE',
  '835': 'HP',
  '837': 'HC',
  '997': 'FA',
  '999': 'FA',
};

export function checkSt(
  st: Segment,
  group: { version: string; functionalIdentifier: string },
  base: DiagnosticLocation,
): Diagnostic[] {
  const groupVersion = group.version;
  const out: Diagnostic[] = [];
  const at = (element?: number) => segmentLocation(st, base, element);
  const st01 = st.elements[0] ?? '';
  const st02 = st.elements[1] ?? '';
  const st03 = st.elements[2] ?? '';
  if (st01 === '') out.push(envelopeDiagnostic('error', 'X12-ENV-ST-REQUIRED', 'ST01 is required.', at(1)));
  if (st02 === '') {
    out.push(envelopeDiagnostic('error', 'X12-ENV-ST-REQUIRED', 'ST02 is required.', at(2)));
  } else if (st02.length < 4 || st02.length > 9) {
    out.push(envelopeDiagnostic('error', 'X12-ENV-ST02-FORMAT', 'ST02 must be 4 to 9 characters.', at(2)));
  }
  // 277 is also sent in HN groups as a 277CA; other sets have exactly one group type.
  const expectedGroup = Object.hasOwn(FUNCTIONAL_GROUP_OF, st01) ? FUNCTIONAL_GROUP_OF[st01] : undefined;
  if (
    expectedGroup !== undefined &&
    group.functionalIdentifier !== '' &&
    group.functionalIdentifier !== expectedGroup
  ) {
    out.push(
      envelopeDiagnostic(
        'error',
        'X12-ENV-GS01-MISMATCH',
        `This transaction set (ST01) belongs in a GS01 ${expectedGroup} functional group.`,
        at(1),
      ),
    );
  }
  if (st03 !== '' && groupVersion !== '' && st03 !== groupVersion) {
    out.push(envelopeDiagnostic('warning', 'X12-ENV-ST03-VERSION', 'ST03 differs from GS08.', at(3)));
  }
  return out;
}
