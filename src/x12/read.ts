/**
 * The engine's entry points for whole inputs: `readX12` (syntax + envelope) and `validateX12` (plus
 * each transaction set's implementation-guide validation). Only input that is not X12 at all, or is
 * larger than the caller allows, throws; every other problem is a diagnostic beside the value.
 */
import { SegmentScanner } from './syntax/segment-scanner';
import { toBuffer } from './syntax/bytes';
import { X12Error, type Diagnostic, type Result } from './syntax/types';
import {
  AssemblerSink,
  EnvelopeAssembler,
  type TransactionSegmentSink,
  type TransactionSink,
} from './envelope/envelope-assembler';
import { InterchangeCollector } from './envelope/collect-interchanges';
import type { Interchange } from './envelope/types';
import type { EnvelopeEvent } from './envelope/envelope-events';
import { validateTransaction } from './validation/validate-transaction';

export interface ReadX12Options {
  /** Refuse inputs larger than this many bytes (X12-TOO-LARGE). Payer files are untrusted input. */
  maxBytes?: number;
  /** Longest segment accepted (default 1 MiB); longer ones are skipped with a diagnostic. */
  maxSegmentBytes?: number;
  /** Diagnostics kept by the whole-input reader (default 10,000); cut-off envelopes are always kept. */
  maxDiagnostics?: number;
}

/** Which transaction sets readX12 should give without their segments (see ReadX12ModelOptions). */
export type SkipSegments = (start: Parameters<TransactionSink>[0]) => boolean;

/** readX12's own options (validateX12 and the visitors do not take skipSegments). */
export interface ReadX12ModelOptions extends ReadX12Options {
  /**
   * Transaction sets for which this returns true come with `segments: []`: the envelope is read and
   * checked in full, but their segments are dropped as they are scanned. For callers that only need to know
   * what a file holds (a large 835 costs its envelope, not every segment).
   */
  skipSegments?: SkipSegments;
}

export function notX12Error(): X12Error {
  return new X12Error('X12-NOT-X12', 'The input holds no ISA segment: it is not an X12 interchange.');
}

export function tooLargeError(maxBytes: number): X12Error {
  return new X12Error('X12-TOO-LARGE', `The input is larger than the limit of ${maxBytes} bytes.`);
}

/**
 * Whole-input read that hands each envelope event (transaction set, diagnostic, interchange end...) to
 * `visit` instead of building the model: a caller that keeps only what it maps (e.g. typed 835 claims)
 * lets each transaction set's segments go as soon as it has read them. Throws like readX12.
 */
export interface VisitX12Options extends Omit<ReadX12Options, 'maxDiagnostics'> {
  /** Take the segments of chosen transaction sets as they are read (see TransactionSink). */
  transactionSink?: TransactionSink;
}

export function visitX12(
  input: Uint8Array | string,
  visit: (event: EnvelopeEvent) => void,
  options: VisitX12Options = {},
): void {
  const bytes = toBuffer(input);
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw tooLargeError(options.maxBytes);
  const assembler = new EnvelopeAssembler(visit, { transactionSink: options.transactionSink });
  const scanner = new SegmentScanner(new AssemblerSink(assembler), {
    maxSegmentBytes: options.maxSegmentBytes,
  });
  scanner.push(bytes);
  scanner.end();
  if (scanner.isaCount === 0) throw notX12Error();
  assembler.end();
}

/** The sink of a transaction set readX12 skips: one object for every read (see TransactionSegmentSink). */
const DROP_SEGMENTS: TransactionSegmentSink = { segment: () => undefined };

export function readX12(
  input: Uint8Array | string,
  options: ReadX12ModelOptions = {},
): Result<Interchange[]> {
  const collector = new InterchangeCollector(options.maxDiagnostics);
  const { skipSegments, ...visitOptions } = options;
  visitX12(input, collector.accept, {
    ...visitOptions,
    transactionSink: skipSegments ? (start) => (skipSegments(start) ? DROP_SEGMENTS : undefined) : undefined,
  });
  return { value: collector.interchanges, diagnostics: collector.diagnostics };
}

/**
 * readX12 plus implementation-guide validation of every complete transaction set. Diagnostics come in
 * input order per interchange: envelope and syntax first, then each transaction set's.
 */
export function validateX12(input: Uint8Array | string, options: ReadX12Options = {}): Result<Interchange[]> {
  const read = readX12(input, options);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const transaction of group.transactions) {
        if (!transaction.complete) continue;
        diagnostics.push(...validateTransaction(transaction, { interchange, group }));
      }
    }
  }
  return { value: read.value, diagnostics };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
