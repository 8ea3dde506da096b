/**
 * Dispatch from a transaction set to its typed reader. Keys are `ST01/version` (837P and 837I share
 * ST01 837 and differ by guide version) or plain `ST01`. To add a reader: one line in READERS.
 */
import type { Interchange, TransactionSet } from '../envelope/types';
import { read835 } from './835-005010x221a1/835.reader';
import { read999 } from './999-005010x231a1/999.reader';
import { read277CA } from './277ca-005010x214/277ca.reader';
import { read270 } from './270-005010x279a1/270.reader';
import { read271 } from './271-005010x279a1/271.reader';
import { read837P } from './837p-005010x222a1/837p.reader';
import { read837I } from './837i-005010x223a2/837i.reader';

export type TransactionReader = (tx: TransactionSet, interchange: Interchange) => unknown;

const READERS: Record<string, TransactionReader> = {
  '277/005010X214': (tx, interchange) => read277CA(tx, interchange.delimiters),
  '270/005010X279A1': (tx, interchange) => read270(tx, interchange.delimiters),
  '270/005010X279': (tx, interchange) => read270(tx, interchange.delimiters),
  '271/005010X279A1': (tx, interchange) => read271(tx, interchange.delimiters),
  '271/005010X279': (tx, interchange) => read271(tx, interchange.delimiters),
  '837/005010X222A1': (tx, interchange) => read837P(tx, interchange.delimiters),
  '837/005010X223A2': (tx, interchange) => read837I(tx, interchange.delimiters),
  '835': (tx, interchange) =>
    read835(tx, interchange.delimiters, { interchangeControlNumber: interchange.controlNumber }),
  '999': (tx, interchange) =>
    read999(tx, interchange.delimiters, { interchangeControlNumber: interchange.controlNumber }),
};

/** Add a reader at run time (plug-ins, tests). Built-in readers belong in READERS. */
export function registerTransactionReader(key: string, reader: TransactionReader): void {
  READERS[key] = reader;
}

export function transactionReaderFor(
  tx: Pick<TransactionSet, 'id' | 'version'>,
): TransactionReader | undefined {
  const versioned = `${tx.id}/${tx.version}`;
  if (Object.hasOwn(READERS, versioned)) return READERS[versioned];
  return Object.hasOwn(READERS, tx.id) ? READERS[tx.id] : undefined;
}

/** The typed model of a transaction set, or undefined when no reader is registered for it. */
export function readTransaction(tx: TransactionSet, interchange: Interchange): unknown | undefined {
  const reader = transactionReaderFor(tx);
  return reader ? reader(tx, interchange) : undefined;
}

/** Fallback JSON for transaction sets without a typed reader: segments as id + elements. */
export function genericTransactionJson(tx: TransactionSet): unknown {
  return {
    id: tx.id,
    controlNumber: tx.controlNumber,
    version: tx.version,
    complete: tx.complete,
    segments: tx.segments.map((segment) => ({ id: segment.id, elements: segment.elements })),
  };
}
