/**
 * Building diagnostic locations: the envelope's control numbers plus where a segment stands. Positions
 * only, never values.
 */
import { locationSegmentId } from '../syntax/segment-ids';
import type { Diagnostic, DiagnosticLocation, Segment, Severity, SnipType } from '../syntax/types';

/** Location of `segment` at 1-based `positionInTransaction` (ST = 1), within loop `loopId`. */
export function segmentLocation(
  base: DiagnosticLocation,
  segment: Segment,
  positionInTransaction: number,
  loopId: string | undefined,
  element?: string,
): DiagnosticLocation {
  const location: DiagnosticLocation = {
    ...base,
    segmentId: locationSegmentId(segment.id),
    segmentIndex: segment.index,
    segmentPositionInTransaction: positionInTransaction,
    byteOffset: segment.byteOffset,
  };
  if (location.segmentId === undefined) delete location.segmentId;
  if (loopId) location.loopId = loopId;
  if (element !== undefined) location.element = element;
  return location;
}

export function diagnostic(
  severity: Severity,
  code: string,
  snip: SnipType,
  message: string,
  location: DiagnosticLocation,
): Diagnostic {
  return { severity, code, message, snip, location };
}

/** Human wording for a loop id in messages (`loop 2300`, or `the transaction header`). */
export function loopName(loopId: string | undefined): string {
  return loopId ? `loop ${loopId}` : 'the transaction set header';
}
