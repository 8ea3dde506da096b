/** Events of the envelope assembler: shared by the whole-input reader and the streaming reader. */
import type { Diagnostic, Segment } from '../syntax/types';
import type { FunctionalGroup, Interchange, TransactionSet } from './types';

/** An interchange's header data, without its contents (a stream never holds those). */
export type InterchangeInfo = Omit<Interchange, 'groups' | 'ta1' | 'trailer'>;
/** A functional group's header data, without its transaction sets. */
export type GroupInfo = Omit<FunctionalGroup, 'transactions' | 'trailer'>;

export type EnvelopeEvent =
  | { kind: 'interchange-start'; interchange: InterchangeInfo }
  | { kind: 'ta1'; interchange: InterchangeInfo; segment: Segment }
  | { kind: 'group-start'; interchange: InterchangeInfo; group: GroupInfo }
  | { kind: 'transaction'; interchange: InterchangeInfo; group: GroupInfo; transaction: TransactionSet }
  | {
      kind: 'group-end';
      interchange: InterchangeInfo;
      group: GroupInfo;
      trailer?: Segment;
      transactionCount: number;
    }
  | { kind: 'interchange-end'; interchange: InterchangeInfo; trailer?: Segment; groupCount: number }
  | { kind: 'diagnostic'; diagnostic: Diagnostic };
