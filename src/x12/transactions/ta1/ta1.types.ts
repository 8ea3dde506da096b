import type { Ta1AcknowledgmentCode, Ta1NoteCode } from '../../codes/ta1-codes';

/** One TA1 interchange acknowledgment. */
export interface Ta1 {
  /** TA101: the ISA13 of the interchange being acknowledged. */
  controlNumber: string;
  /** TA102 YYMMDD and TA103 HHMM: the acknowledged interchange's ISA09/ISA10. */
  date: string;
  time: string;
  /** TA104: A accepted, E accepted with errors, R rejected. */
  acknowledgmentCode: Ta1AcknowledgmentCode;
  /** TA105. */
  noteCode: Ta1NoteCode;
  noteDescription: string;
}
