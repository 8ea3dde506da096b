/**
 * A transaction set's guide = its schema (data) + its situational and balancing rules (code).
 * Registered in transactions/index.ts so validation can find it by ST01 + version.
 */
import type { TransactionSchema } from '../schema/types';
import type { Delimiters, Diagnostic, DiagnosticLocation, Segment } from '../syntax/types';

export interface RuleInput {
  /** ST through SE inclusive. */
  segments: readonly Segment[];
  delimiters: Delimiters;
  /** Interchange/group/transaction control numbers to copy into each diagnostic's location. */
  location: DiagnosticLocation;
  /** Loop id the schema walker assigned to a segment (by its `index`), when known. */
  loopOf(segment: Segment): string | undefined;
}

/** A SNIP type 3 (balancing) or type 4 (situational) rule. Returns diagnostics, never throws. */
export type TransactionRule = (input: RuleInput) => Diagnostic[];

export interface TransactionGuide {
  schema: TransactionSchema;
  rules: readonly TransactionRule[];
}
