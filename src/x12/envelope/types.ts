/**
 * Envelope model: what the reader produces (Interchange > FunctionalGroup > TransactionSet) and what
 * the writer takes. Control numbers are always supplied by the caller (the gateway's ledger).
 */
import type { Delimiters, Segment } from '../syntax/types';

export interface TransactionSet {
  /** ST01, e.g. `837`. */
  id: string;
  /** ST02. */
  controlNumber: string;
  /** ST03 when present, otherwise the group's GS08. */
  version: string;
  /** ST through SE inclusive (SE absent when the input was cut off: then `complete` is false). */
  segments: Segment[];
  complete: boolean;
}

export interface FunctionalGroup {
  /** The GS segment. */
  header: Segment;
  /** GS01, e.g. `HC`. */
  functionalIdentifier: string;
  /** GS02 / GS03. */
  applicationSender: string;
  applicationReceiver: string;
  /** GS06. */
  controlNumber: string;
  /** GS08. */
  version: string;
  transactions: TransactionSet[];
  /** The GE segment; absent when the input was cut off. */
  trailer?: Segment;
}

export interface Interchange {
  /** The ISA segment. */
  header: Segment;
  delimiters: Delimiters;
  /** ISA13. */
  controlNumber: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** ISA14 = 1. */
  acknowledgmentRequested: boolean;
  /** ISA15: T test, P production. */
  usageIndicator: string;
  /** TA1 segments carried directly in this interchange (a TA1 response has no GS). */
  ta1: Segment[];
  groups: FunctionalGroup[];
  /** The IEA segment; absent when the input was cut off. */
  trailer?: Segment;
}

/** What a writer needs to open an interchange. Strings are padded to ISA widths by the writer. */
export interface InterchangeHeaderInput {
  authorizationQualifier?: string; // ISA01, default '00'
  authorization?: string; // ISA02
  securityQualifier?: string; // ISA03, default '00'
  security?: string; // ISA04
  senderQualifier: string; // ISA05
  senderId: string; // ISA06
  receiverQualifier: string; // ISA07
  receiverId: string; // ISA08
  /** ISA09 YYMMDD and ISA10 HHMM: passed in, the engine has no clock. */
  date: string;
  time: string;
  /** ISA13, 1..999999999 (zero padded to 9 by the writer). */
  controlNumber: string | number;
  acknowledgmentRequested: boolean; // ISA14
  usageIndicator: 'T' | 'P'; // ISA15
}

export interface GroupHeaderInput {
  functionalIdentifier: string; // GS01
  applicationSender: string; // GS02
  applicationReceiver: string; // GS03
  /** GS04 CCYYMMDD, GS05 HHMM. */
  date: string;
  time: string;
  controlNumber: string | number; // GS06
  version: string; // GS08, e.g. 005010X222A1
}

/** A segment to write: id and element values (elements[0] is element 01). Composites pre-joined or as arrays. */
/**
 * A repeated element (e.g. 271 EB03 service types): each repetition a string or an array of
 * components, written joined with the interchange's repetition separator (ISA11).
 */
export interface RepeatedElementInput {
  repetitions: readonly (string | readonly string[])[];
}

/** One element to write: a string, an array of components, repetitions, or undefined (empty). */
export type ElementInput = string | readonly string[] | RepeatedElementInput | undefined;

export interface SegmentInput {
  id: string;
  /** Each element: a string, an array of components (joined with the component separator), or repetitions. */
  elements: readonly ElementInput[];
}

export interface TransactionSetInput {
  /** ST01. */
  id: string;
  /** ST02, from the caller's ledger. */
  controlNumber: string | number;
  /** ST03 (the guide version). */
  version: string;
  /** Segments between ST and SE, exclusive: the writer adds ST and SE (with SE01 counted). */
  body: readonly SegmentInput[];
}
