/**
 * Writes a complete interchange: ISA padded to its fixed widths, GS, ST..SE per transaction set, GE,
 * IEA, with SE01, GE01 and IEA01 counted here. Control numbers, dates and times come from the caller
 * (the gateway's ledger and clock): the engine never invents them.
 */
import { X12Error, type Delimiters } from '../syntax/types';
import {
  DEFAULT_DELIMITERS,
  lineBreakText,
  appendSegment,
  type SegmentWriteOptions,
} from '../syntax/segment-writer';
import type { GroupHeaderInput, InterchangeHeaderInput, SegmentInput, TransactionSetInput } from './types';
import { ISA_WIDTHS } from './header-checks';

export interface FunctionalGroupInput {
  header: GroupHeaderInput;
  transactions: readonly TransactionSetInput[];
}

export interface InterchangeInput {
  header: InterchangeHeaderInput;
  groups: readonly FunctionalGroupInput[];
  /** TA1 segments written between ISA and the first GS (a TA1 response has no groups). */
  ta1?: readonly SegmentInput[];
}

export interface InterchangeWriteOptions extends SegmentWriteOptions {
  delimiters?: Delimiters;
}

function invalid(message: string, element: string): X12Error {
  return new X12Error('X12-INVALID-ARGUMENT', message, { element });
}

function digits(value: string | number, min: number, max: number, element: string): string {
  const text = String(value);
  if (!/^\d+$/.test(text) || text.length < min || text.length > max) {
    throw invalid(`${element} must be ${min === max ? min : `${min} to ${max}`} digits.`, element);
  }
  return text;
}

/** ISA13: 1..999999999, written as 9 digits. */
export function formatInterchangeControlNumber(value: string | number): string {
  const text = digits(value, 1, 9, 'ISA13');
  if (Number(text) === 0) throw invalid('ISA13 must be between 1 and 999999999.', 'ISA13');
  return text.padStart(9, '0');
}

function formatGroupControlNumber(value: string | number): string {
  const text = digits(value, 1, 9, 'GS06');
  return String(Number(text));
}

/** ST02: 4 to 9 characters; numbers are zero padded to 4 (0001). */
function formatTransactionControlNumber(value: string | number): string {
  const text = typeof value === 'number' ? digits(value, 1, 9, 'ST02').padStart(4, '0') : value;
  if (text.length < 4 || text.length > 9) throw invalid('ST02 must be 4 to 9 characters.', 'ST02');
  return text;
}

function pad(value: string | undefined, element: number): string {
  const width = ISA_WIDTHS[element - 1];
  const text = value ?? '';
  if (text.length > width)
    throw invalid(`ISA${String(element).padStart(2, '0')} is longer than ${width}.`, `ISA${element}`);
  return text.padEnd(width, ' ');
}

export function isaElements(header: InterchangeHeaderInput, delimiters: Delimiters): string[] {
  return [
    pad(header.authorizationQualifier ?? '00', 1),
    pad(header.authorization, 2),
    pad(header.securityQualifier ?? '00', 3),
    pad(header.security, 4),
    pad(header.senderQualifier, 5),
    pad(header.senderId, 6),
    pad(header.receiverQualifier, 7),
    pad(header.receiverId, 8),
    digits(header.date, 6, 6, 'ISA09'),
    digits(header.time, 4, 4, 'ISA10'),
    delimiters.repetition ?? 'U',
    '00501',
    formatInterchangeControlNumber(header.controlNumber),
    header.acknowledgmentRequested ? '1' : '0',
    header.usageIndicator,
    delimiters.component,
  ];
}

function checkDelimiters(delimiters: Delimiters): void {
  const all = [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition].filter(
    (value): value is string => value !== null,
  );
  const distinct = new Set(all);
  if (distinct.size !== all.length || all.some((value) => value.length !== 1 || /[A-Za-z0-9 ]/.test(value))) {
    throw invalid(
      'Delimiters must be distinct single characters that are not letters, digits or space.',
      'ISA16',
    );
  }
}

/** The ISA segment text (106 characters plus the optional line break). */
export function writeIsa(header: InterchangeHeaderInput, delimiters: Delimiters, lineBreak: string): string {
  const elements = isaElements(header, delimiters);
  // ISA values contain spaces and fixed-width padding: write them directly, not through writeSegment's trimming.
  return `ISA${delimiters.element}${elements.join(delimiters.element)}${delimiters.segment}${lineBreak}`;
}

/**
 * Collects segment pieces and joins them in blocks: a 20,000-claim 837 is over half a million segments,
 * and keeping one string per segment until the end costs more in garbage collection than the writing.
 */
class PieceWriter {
  private pieces: string[] = [];
  private readonly blocks: string[] = [];

  constructor(
    private readonly delimiters: Delimiters,
    private readonly lineBreak: string,
  ) {}

  raw(text: string): void {
    this.pieces.push(text);
  }

  segment(segment: SegmentInput): void {
    appendSegment(this.pieces, segment, this.delimiters, this.lineBreak);
    if (this.pieces.length >= 8192) this.flush();
  }

  private flush(): void {
    this.blocks.push(this.pieces.join(''));
    this.pieces = [];
  }

  text(): string {
    this.flush();
    return this.blocks.join('');
  }
}

export function writeInterchange(input: InterchangeInput, options: InterchangeWriteOptions = {}): string {
  const delimiters = options.delimiters ?? DEFAULT_DELIMITERS;
  checkDelimiters(delimiters);
  const lineBreak = lineBreakText(options.lineBreak);
  const header = input.header;
  const out = new PieceWriter(delimiters, lineBreak);
  out.raw(writeIsa(header, delimiters, lineBreak));
  for (const ta1 of input.ta1 ?? []) out.segment(ta1);
  for (const group of input.groups) {
    const g = group.header;
    const gs06 = formatGroupControlNumber(g.controlNumber);
    out.segment({
      id: 'GS',
      elements: [
        g.functionalIdentifier,
        g.applicationSender,
        g.applicationReceiver,
        digits(g.date, 8, 8, 'GS04'),
        digits(g.time, 4, 8, 'GS05'),
        gs06,
        'X',
        g.version,
      ],
    });
    for (const transaction of group.transactions) {
      const st02 = formatTransactionControlNumber(transaction.controlNumber);
      out.segment({ id: 'ST', elements: [transaction.id, st02, transaction.version] });
      for (const segment of transaction.body) out.segment(segment);
      const count = transaction.body.length + 2;
      out.segment({ id: 'SE', elements: [String(count), st02] });
    }
    out.segment({ id: 'GE', elements: [String(group.transactions.length), gs06] });
  }
  out.segment({
    id: 'IEA',
    elements: [String(input.groups.length), formatInterchangeControlNumber(header.controlNumber)],
  });
  return out.text();
}
