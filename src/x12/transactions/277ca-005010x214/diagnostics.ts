/**
 * Diagnostic construction for the 277CA, 270 and 271 readers and rules. Messages name the place
 * (loop, segment, element) and never an element value: values are PHI.
 */
import type { TransactionSet } from '../../envelope/types';
import { locationSegmentId, segmentLabel } from '../../syntax/segment-ids';
import type { Diagnostic, DiagnosticLocation, Segment, Severity, SnipType } from '../../syntax/types';

/** How a message names a segment: by a guide's id, never by text read from input (see segment-ids.ts). */
export function segmentName(segment: Segment): string {
  return segmentLabel(segment.id);
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
      const segmentId = locationSegmentId(place.segment.id);
      if (segmentId !== undefined) location.segmentId = segmentId;
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
