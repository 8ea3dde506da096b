/**
 * Diagnostic construction for the 277CA, 270 and 271 readers and rules. Messages name the place
 * (loop, segment, element) and never an element value: values are PHI.
 */
import type { TransactionSet } from '../../envelope/types';
import type { Diagnostic, DiagnosticLocation, Segment, Severity, SnipType } from '../../syntax/types';

/** X12 segment ids are 2-3 upper-case letters or digits; anything else could be data, so it is not echoed. */
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** The segment id for a message, or a neutral phrase when the id is not a well-formed segment id. */
export function segmentName(segment: Segment): string {
  return SEGMENT_ID.test(segment.id) ? `Segment ${segment.id}` : 'A segment with a malformed id';
}

export interface DiagnosticPlace {
  segment?: Segment;
  loopId?: string;
  element?: string;
}

export class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly base: DiagnosticLocation,
    /** ST segment's index, to compute the 1-based position within the transaction (ST = 1). */
    private readonly stIndex: number | undefined,
  ) {}

  static forTransaction(
    tx: Pick<TransactionSet, 'controlNumber' | 'segments'>,
    base: DiagnosticLocation = {},
  ): DiagnosticCollector {
    return new DiagnosticCollector(
      { ...base, transactionControlNumber: tx.controlNumber },
      tx.segments[0]?.index,
    );
  }

  add(severity: Severity, code: string, message: string, place: DiagnosticPlace = {}, snip?: SnipType): void {
    const location: DiagnosticLocation = { ...this.base };
    if (place.loopId !== undefined) location.loopId = place.loopId;
    if (place.segment) {
      if (SEGMENT_ID.test(place.segment.id)) location.segmentId = place.segment.id;
      location.segmentIndex = place.segment.index;
      location.byteOffset = place.segment.byteOffset;
      if (this.stIndex !== undefined)
        location.segmentPositionInTransaction = place.segment.index - this.stIndex + 1;
    }
    if (place.element !== undefined) location.element = place.element;
    this.diagnostics.push({ severity, code, message, ...(snip ? { snip } : {}), location });
  }

  error(code: string, message: string, place?: DiagnosticPlace, snip?: SnipType): void {
    this.add('error', code, message, place, snip);
  }

  warning(code: string, message: string, place?: DiagnosticPlace, snip?: SnipType): void {
    this.add('warning', code, message, place, snip);
  }
}
