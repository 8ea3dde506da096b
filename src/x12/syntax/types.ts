/**
 * The engine's core vocabulary. Everything in src/x12 speaks in these types; nothing here knows about
 * files, databases, clocks or HTTP.
 */

/** The four X12 delimiters, taken from each interchange's ISA. */
export interface Delimiters {
  /** Element separator: the 4th character of the ISA. */
  element: string;
  /** Repetition separator: ISA11 (5010). `null` when ISA11 is not a usable separator (for example `U`). */
  repetition: string | null;
  /** Component (sub-element) separator: ISA16. */
  component: string;
  /** Segment terminator: the character after ISA16. */
  segment: string;
}

/** Where a segment stood in its source. Positions, never values: values are PHI. */
export interface SegmentPosition {
  /** 0-based index of the segment in the whole input (all interchanges). */
  index: number;
  /** Byte offset of the segment's first character in the input. */
  byteOffset: number;
}

/**
 * One segment as read. `elements[0]` is the first data element (e.g. CLM01), so the element with
 * reference NN is `elements[NN - 1]`. Composite and repeated elements are kept as their raw text;
 * use `components()` / `repetitions()` from syntax/elements.ts to split them.
 */
export interface Segment extends SegmentPosition {
  id: string;
  elements: string[];
}

export type Severity = 'error' | 'warning' | 'info';

/** WEDI SNIP validation type a diagnostic belongs to. */
export type SnipType = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The place a diagnostic points at. Every field optional; set as many as are known. */
export interface DiagnosticLocation {
  /** ISA13 of the enclosing interchange. */
  interchangeControlNumber?: string;
  /** GS06 of the enclosing functional group. */
  groupControlNumber?: string;
  /** ST02 of the enclosing transaction set. */
  transactionControlNumber?: string;
  /** Implementation-guide loop id, e.g. `2300`, `2010BA`. */
  loopId?: string;
  segmentId?: string;
  /** 0-based index of the segment in the whole input. */
  segmentIndex?: number;
  /** 1-based position of the segment within its transaction set (ST = 1), as 999 IK302 counts it. */
  segmentPositionInTransaction?: number;
  byteOffset?: number;
  /** Element reference like `CLM05-3` (element 5, component 3) or `NM109`. */
  element?: string;
}

/**
 * A problem found in X12 input. `message` describes the problem and names the place; it must never
 * contain an element value (values are PHI).
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. `X12-ENV-SE01-COUNT`. Catalogue in validation/diagnostic-codes.ts. */
  code: string;
  message: string;
  snip?: SnipType;
  location: DiagnosticLocation;
}

/** Recoverable results carry their problems beside the value. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export type X12ErrorCode =
  | 'X12-NOT-X12' // no ISA where one must be: the input is not X12 at all
  | 'X12-TOO-LARGE' // input larger than the caller's limit
  | 'X12-INVALID-ARGUMENT'; // a builder or writer was given something it cannot write

/**
 * The engine's one thrown error: only for input that cannot be read as X12 at all, or for a caller's
 * programming error. Never carries element values.
 */
export class X12Error extends Error {
  constructor(
    readonly code: X12ErrorCode,
    message: string,
    readonly location: DiagnosticLocation = {},
  ) {
    super(message);
    this.name = 'X12Error';
  }
}
