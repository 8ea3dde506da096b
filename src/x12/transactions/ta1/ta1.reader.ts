/** Reads TA1 segments (interchange acknowledgments) into typed objects. */
import type { Interchange } from '../../envelope/types';
import type { Diagnostic, Result, Segment } from '../../syntax/types';
import {
  describeTa1Note,
  TA1_ACKNOWLEDGMENT_CODES,
  type Ta1AcknowledgmentCode,
  type Ta1NoteCode,
} from '../../codes/ta1-codes';
import type { Ta1 } from './ta1.types';

function invalid(segment: Segment, element: string, interchange: Interchange): Diagnostic {
  return {
    severity: 'error',
    code: 'X12-TA1-CODE',
    message: `${element} is not a valid TA1 code.`,
    snip: 2,
    location: {
      interchangeControlNumber: interchange.controlNumber,
      segmentId: 'TA1',
      segmentIndex: segment.index,
      byteOffset: segment.byteOffset,
      element,
    },
  };
}

export function readTa1Segment(segment: Segment, interchange: Interchange): Result<Ta1> {
  const diagnostics: Diagnostic[] = [];
  const [controlNumber = '', date = '', time = '', ack = '', note = ''] = segment.elements;
  if (!Object.hasOwn(TA1_ACKNOWLEDGMENT_CODES, ack)) diagnostics.push(invalid(segment, 'TA104', interchange));
  const noteDescription = describeTa1Note(note);
  if (noteDescription === undefined) diagnostics.push(invalid(segment, 'TA105', interchange));
  return {
    value: {
      controlNumber,
      date,
      time,
      acknowledgmentCode: ack as Ta1AcknowledgmentCode,
      noteCode: note as Ta1NoteCode,
      noteDescription: noteDescription ?? '',
    },
    diagnostics,
  };
}

/** Every TA1 carried by an interchange (a TA1 response interchange usually holds one, and no GS). */
export function readTa1(interchange: Interchange): Result<Ta1[]> {
  const value: Ta1[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const segment of interchange.ta1) {
    const read = readTa1Segment(segment, interchange);
    value.push(read.value);
    diagnostics.push(...read.diagnostics);
  }
  return { value, diagnostics };
}
