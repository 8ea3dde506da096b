/**
 * Builds the 999 for a received functional group from the engine's diagnostics: error diagnostics that
 * point at a segment become IK3 (with IK4 when they point at an element), transaction-level envelope
 * problems become IK5 codes, group-level ones AK9 codes. Warnings and infos do not change acceptance and
 * are not reported. Messages and values never travel into the 999: only codes and positions.
 */
import type { FunctionalGroup, TransactionSet } from '../../envelope/types';
import { parseElementReference } from '../../syntax/elements';
import type { Diagnostic } from '../../syntax/types';
import type {
  Acknowledgment999,
  ElementError999,
  SegmentError999,
  TransactionSetResponse999,
} from './999.model';

/** Engine diagnostic code -> IK304 segment syntax error code. */
export const IK304_BY_DIAGNOSTIC: Readonly<Record<string, string>> = {
  'X12-SYN-SEGMENT-ID': '1', // unrecognized segment ID
  'X12-IG-SEGMENT-UNEXPECTED': '2', // unexpected segment
  'X12-IG-SEGMENT-MISSING': '3', // required segment missing
  'X12-IG-LOOP-MISSING': '3', // the loop's required trigger segment is missing
  'X12-IG-LOOP-REPEAT': '4', // loop occurs over maximum times
  'X12-IG-SEGMENT-REPEAT': '5', // segment exceeds maximum use
  'X12-IG-SEGMENT-NOT-USED': 'I4', // implementation "not used" segment present
  'X12-IG-LOOP-NOT-USED': 'I4',
  'X12-IG-SEGMENT-QUALIFIER': '2', // a segment with a qualifier this loop does not allow is unexpected here
  // SNIP 4 situational segment rules of the guides
  'X12-837-REF-F8-REQUIRED': 'I6', // implementation dependent segment missing
  'X12-837-PATIENT-LOOP-MISSING': 'I6',
  'X12-837-REF-F8-NOT-ALLOWED': 'I9', // implementation dependent "not used" segment present
  'X12-837-PATIENT-IS-SUBSCRIBER': 'I9',
};

/** Engine diagnostic code -> IK403 element syntax error code (the IK3 then carries IK304 = 8). */
export const IK403_BY_DIAGNOSTIC: Readonly<Record<string, string>> = {
  'X12-IG-ELEMENT-MISSING': '1', // required data element missing
  'X12-IG-ELEMENT-TOO-MANY': '3', // too many data elements
  'X12-IG-ELEMENT-TOO-SHORT': '4',
  'X12-IG-ELEMENT-TOO-LONG': '5',
  'X12-IG-ELEMENT-NUMERIC': '6', // invalid character in data element
  'X12-IG-ELEMENT-DECIMAL': '6',
  'X12-IG-ELEMENT-CHARACTERS': '6',
  'X12-IG-ELEMENT-CODE': '7', // invalid code value
  'X12-IG-ELEMENT-DATE': '8', // invalid date
  'X12-IG-DATE-FORMAT': '8',
  'X12-IG-ELEMENT-TIME': '9', // invalid time
  'X12-IG-REPETITION-TOO-MANY': '12',
  'X12-IG-COMPONENT-TOO-MANY': '13',
  'X12-IG-ELEMENT-NOT-USED': 'I10', // implementation "not used" data element present
};

/** Transaction-level envelope diagnostics -> IK502..IK506 codes. */
export const IK5_BY_DIAGNOSTIC: Readonly<Record<string, string>> = {
  'X12-IG-UNKNOWN-GUIDE': '1', // transaction set not supported
  'X12-ENV-SE-MISSING': '2', // transaction set trailer missing
  'X12-ENV-SE02-MISMATCH': '3', // control numbers in header and trailer do not match
  'X12-ENV-SE01-COUNT': '4', // number of included segments does not match actual count
  'X12-ENV-ST-REQUIRED': '6', // missing or invalid transaction set identifier
  'X12-ENV-ST02-FORMAT': '7', // missing or invalid transaction set control number
  'X12-ENV-ST03-VERSION': '19', // invalid implementation convention reference
  'X12-ENV-ST02-DUPLICATE': '23', // control number not unique within the functional group
};

/** Group-level envelope diagnostics -> AK905..AK909 codes. */
export const AK9_BY_DIAGNOSTIC: Readonly<Record<string, string>> = {
  'X12-ENV-GE-MISSING': '3', // functional group trailer missing
  'X12-ENV-GE02-MISMATCH': '4', // group control numbers in header and trailer do not agree
  'X12-ENV-GE01-COUNT': '5', // number of included transaction sets does not match actual count
  'X12-ENV-GS06-FORMAT': '6', // group control number violates syntax
  'X12-ENV-GS06-DUPLICATE': '19', // functional group control number not unique within interchange
};

export interface TransactionToAcknowledge {
  /**
   * The received transaction set. With its `segments`, an IK3 inside an 837 claim also gets the
   * business unit context CTX*CLM01:<patient control number>, so the submitter can find the claim
   * (the value goes back to the party that sent it; it never appears in a message).
   */
  transaction: Pick<TransactionSet, 'id' | 'controlNumber' | 'version'> &
    Partial<Pick<TransactionSet, 'segments'>>;
  /** Every diagnostic found for this transaction set (envelope, guide, rules). */
  diagnostics: readonly Diagnostic[];
}

export interface GroupToAcknowledge {
  group: Pick<FunctionalGroup, 'functionalIdentifier' | 'controlNumber' | 'version' | 'trailer'>;
  transactions: readonly TransactionToAcknowledge[];
  /** Diagnostics about the group itself (GE missing, GE01 count ...). */
  groupDiagnostics?: readonly Diagnostic[];
  /** ST02 of the 999 being built, from the caller's ledger. */
  transactionControlNumber: string;
}

function segmentKey(diagnostic: Diagnostic): string {
  const location = diagnostic.location;
  return `${location.segmentPositionInTransaction ?? ''}|${location.segmentId ?? ''}`;
}

/** `CLM05-3` -> element 5, component 3; undefined when the reference cannot be parsed. */
function elementPosition(reference: string | undefined): ElementError999['position'] | undefined {
  if (!reference) return undefined;
  try {
    const parsed = parseElementReference(reference);
    return parsed.component === undefined
      ? { element: String(parsed.element) }
      : { element: String(parsed.element), component: String(parsed.component) };
  } catch {
    return undefined;
  }
}

/** CLM01 of the 837 claim that holds the segment at 1-based `position` (no HL between), if any. */
function claimAt(segments: TransactionSet['segments'] | undefined, position: number): string | undefined {
  if (!segments) return undefined;
  for (let index = Math.min(position, segments.length) - 1; index >= 0; index--) {
    const segment = segments[index];
    if (segment.id === 'HL') return undefined;
    if (segment.id === 'CLM') return segment.elements[0] || undefined;
  }
  return undefined;
}

function respond(item: TransactionToAcknowledge): TransactionSetResponse999 {
  const errors = item.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const segmentErrors = new Map<string, SegmentError999>();
  const syntaxErrorCodes = new Set<string>();
  let unplaced = false;

  const segmentError = (diagnostic: Diagnostic, code: string | undefined): SegmentError999 => {
    const key = segmentKey(diagnostic);
    let error = segmentErrors.get(key);
    if (!error) {
      error = {
        segmentId: diagnostic.location.segmentId ?? '',
        position: String(diagnostic.location.segmentPositionInTransaction ?? ''),
        // IK303 is at most 4 characters (data element 447): loop 2010BA is reported as 2010.
        loopId: diagnostic.location.loopId?.slice(0, 4),
        errorCode: code,
        contexts: [],
        elementErrors: [],
      };
      segmentErrors.set(key, error);
    }
    return error;
  };

  for (const diagnostic of errors) {
    const { code, location } = diagnostic;
    if (Object.hasOwn(IK5_BY_DIAGNOSTIC, code)) {
      syntaxErrorCodes.add(IK5_BY_DIAGNOSTIC[code]);
      continue;
    }
    const placed = location.segmentId !== undefined && location.segmentPositionInTransaction !== undefined;
    const position = elementPosition(location.element);
    if (placed && Object.hasOwn(IK403_BY_DIAGNOSTIC, code) && position) {
      const error = segmentError(diagnostic, '8'); // segment has data element errors
      error.errorCode = '8';
      error.elementErrors.push({ position, errorCode: IK403_BY_DIAGNOSTIC[code], contexts: [] });
    } else if (placed && Object.hasOwn(IK304_BY_DIAGNOSTIC, code)) {
      segmentError(diagnostic, IK304_BY_DIAGNOSTIC[code]);
    } else if (placed && position) {
      // Other guide rules on an element (SNIP 3/4 balancing, situational): implementation pattern failure.
      segmentError(diagnostic, '8').elementErrors.push({ position, errorCode: 'I12', contexts: [] });
    } else {
      unplaced = true;
    }
  }

  if (segmentErrors.size > 0) syntaxErrorCodes.add('5'); // one or more segments in error
  if (unplaced) syntaxErrorCodes.add('I5'); // implementation: one or more segments in error
  const sortedErrors = [...segmentErrors.values()].sort((a, b) => Number(a.position) - Number(b.position));
  if (item.transaction.id === '837') {
    for (const error of sortedErrors) {
      const patientControlNumber = claimAt(item.transaction.segments, Number(error.position));
      // 2100 CTX business unit identifier: CLM01 of the claim the error is in
      if (patientControlNumber) error.contexts.push({ name: 'CLM01', reference: patientControlNumber });
    }
  }
  for (const error of sortedErrors) if (error.loopId === undefined) delete error.loopId;
  return {
    transactionSetId: item.transaction.id,
    controlNumber: item.transaction.controlNumber,
    implementationConventionReference: item.transaction.version || undefined,
    segmentErrors: sortedErrors,
    acknowledgmentCode: errors.length > 0 ? 'R' : 'A',
    syntaxErrorCodes: [...syntaxErrorCodes].slice(0, 5),
  };
}

/** AK901: A all accepted, P some rejected, R none accepted (or the group itself is in error); E when accepted with errors. */
function groupCode(responses: readonly TransactionSetResponse999[], groupErrors: number): string {
  const accepted = responses.filter(
    (response) => response.acknowledgmentCode === 'A' || response.acknowledgmentCode === 'E',
  );
  if (groupErrors > 0 || accepted.length === 0) return 'R';
  if (accepted.length < responses.length) return 'P';
  return accepted.some((response) => response.acknowledgmentCode === 'E') ? 'E' : 'A';
}

export function acknowledgeGroup(input: GroupToAcknowledge): Acknowledgment999 {
  const responses = input.transactions.map(respond);
  const groupErrorCodes = new Set<string>();
  for (const diagnostic of input.groupDiagnostics ?? []) {
    if (diagnostic.severity === 'error' && Object.hasOwn(AK9_BY_DIAGNOSTIC, diagnostic.code)) {
      groupErrorCodes.add(AK9_BY_DIAGNOSTIC[diagnostic.code]);
    }
  }
  const declared = input.group.trailer?.elements[0];
  const included =
    declared !== undefined && /^\d{1,6}$/.test(declared)
      ? String(Number(declared))
      : String(responses.length);
  const accepted = responses.filter(
    (response) => response.acknowledgmentCode === 'A' || response.acknowledgmentCode === 'E',
  );
  return {
    transactionControlNumber: input.transactionControlNumber,
    version: '005010X231A1',
    functionalGroup: {
      functionalIdentifier: input.group.functionalIdentifier,
      groupControlNumber: input.group.controlNumber,
      version: input.group.version || undefined,
    },
    transactionSetResponses: responses,
    groupResponse: {
      acknowledgmentCode: groupCode(responses, groupErrorCodes.size),
      transactionSetsIncluded: included,
      transactionSetsReceived: String(responses.length),
      transactionSetsAccepted: String(accepted.length),
      syntaxErrorCodes: [...groupErrorCodes].slice(0, 5),
    },
  };
}

/**
 * Split the diagnostics of a whole read (readX12/validateX12) by transaction set of one group, by the
 * control numbers in each diagnostic's location, and acknowledge the group.
 */
export function acknowledgeReadGroup(
  group: FunctionalGroup,
  diagnostics: readonly Diagnostic[],
  transactionControlNumber: string,
  interchangeControlNumber?: string,
): Acknowledgment999 {
  const inGroup = diagnostics.filter(
    (diagnostic) =>
      diagnostic.location.groupControlNumber === group.controlNumber &&
      (interchangeControlNumber === undefined ||
        diagnostic.location.interchangeControlNumber === interchangeControlNumber),
  );
  return acknowledgeGroup({
    group,
    transactionControlNumber,
    transactions: group.transactions.map((transaction) => ({
      transaction,
      diagnostics: inGroup.filter(
        (diagnostic) => diagnostic.location.transactionControlNumber === transaction.controlNumber,
      ),
    })),
    groupDiagnostics: inGroup.filter(
      (diagnostic) => diagnostic.location.transactionControlNumber === undefined,
    ),
  });
}
