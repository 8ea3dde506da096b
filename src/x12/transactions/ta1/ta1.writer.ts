/**
 * TA1 for a received interchange: picks TA104/TA105 from the interchange's envelope diagnostics and
 * writes the TA1 response interchange. The response's own control number, date and time come from the
 * caller (ledger and clock live outside the engine).
 */
import type { Interchange, InterchangeHeaderInput } from '../../envelope/types';
import type { Diagnostic } from '../../syntax/types';
import { writeInterchange, type InterchangeWriteOptions } from '../../envelope/interchange-writer';
import { TA1_NOTE_CODES, type Ta1NoteCode } from '../../codes/ta1-codes';
import type { Ta1 } from './ta1.types';

/** Interchange-level envelope problems and their TA1 note codes, most fundamental first. */
const NOTE_RULES: readonly { code: string; element?: string; note: Ta1NoteCode }[] = [
  { code: 'X12-ENV-ISA-ELEMENT-COUNT', note: '022' },
  { code: 'X12-ENV-ISA12-VERSION', note: '017' },
  { code: 'X12-ENV-ISA13-FORMAT', note: '018' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA01', note: '010' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA03', note: '012' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA05', note: '005' },
  { code: 'X12-ENV-ISA-REQUIRED', element: 'ISA06', note: '006' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA07', note: '007' },
  { code: 'X12-ENV-ISA-REQUIRED', element: 'ISA08', note: '008' },
  { code: 'X12-ENV-ISA-DATE', note: '014' },
  { code: 'X12-ENV-ISA-TIME', note: '015' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA14', note: '019' },
  { code: 'X12-ENV-ISA-CODE', element: 'ISA15', note: '020' },
  { code: 'X12-ENV-IEA-MISSING', note: '023' },
  { code: 'X12-ENV-GE-MISSING', note: '023' },
  { code: 'X12-ENV-SE-MISSING', note: '023' },
  { code: 'X12-ENV-IEA02-MISMATCH', note: '001' },
  { code: 'X12-ENV-IEA01-COUNT', note: '021' },
  { code: 'X12-ENV-ST-OUTSIDE-GROUP', note: '022' },
  { code: 'X12-ENV-UNMATCHED-TRAILER', note: '022' },
  { code: 'X12-ENV-SEGMENT-OUTSIDE-TRANSACTION', note: '022' },
  { code: 'X12-ENV-GS-REQUIRED', note: '024' },
  { code: 'X12-ENV-GS06-FORMAT', note: '024' },
  { code: 'X12-ENV-INTERCHANGE-EMPTY', note: '024' },
];

export interface Ta1Options {
  /** The caller's ledger saw this ISA13 from this sender before (note 025). */
  duplicateControlNumber?: boolean;
}

/** The TA1 that answers `received`, given the diagnostics reported for it (errors reject; else accept). */
export function ta1ForInterchange(
  received: Interchange,
  diagnostics: readonly Diagnostic[],
  options: Ta1Options = {},
): Ta1 {
  const errors = diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      (d.location.interchangeControlNumber === undefined ||
        d.location.interchangeControlNumber === received.controlNumber),
  );
  let note: Ta1NoteCode = '000';
  if (options.duplicateControlNumber) {
    note = '025';
  } else {
    const rule = NOTE_RULES.find((candidate) =>
      errors.some(
        (d) => d.code === candidate.code && (!candidate.element || d.location.element === candidate.element),
      ),
    );
    if (rule) note = rule.note;
  }
  return {
    controlNumber: received.controlNumber,
    date: (received.header.elements[8] ?? '').trim(),
    time: (received.header.elements[9] ?? '').trim(),
    acknowledgmentCode: note === '000' ? 'A' : 'R',
    noteCode: note,
    noteDescription: TA1_NOTE_CODES[note],
  };
}

/** The ISA header of a reply: sender and receiver of `received` swapped. */
export function replyHeader(
  received: Interchange,
  reply: { date: string; time: string; controlNumber: string | number; usageIndicator?: 'T' | 'P' },
): InterchangeHeaderInput {
  return {
    senderQualifier: received.receiverQualifier,
    senderId: received.receiverId,
    receiverQualifier: received.senderQualifier,
    receiverId: received.senderId,
    date: reply.date,
    time: reply.time,
    controlNumber: reply.controlNumber,
    acknowledgmentRequested: false,
    usageIndicator: reply.usageIndicator ?? (received.usageIndicator === 'P' ? 'P' : 'T'),
  };
}

/** A TA1 response interchange (ISA, TA1, IEA with IEA01 = 0). */
export function writeTa1Interchange(
  ta1s: readonly Ta1[],
  header: InterchangeHeaderInput,
  options: InterchangeWriteOptions = {},
): string {
  return writeInterchange(
    {
      header,
      groups: [],
      ta1: ta1s.map((ta1) => ({
        id: 'TA1',
        elements: [ta1.controlNumber, ta1.date, ta1.time, ta1.acknowledgmentCode, ta1.noteCode],
      })),
    },
    options,
  );
}
