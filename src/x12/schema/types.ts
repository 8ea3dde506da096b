/**
 * Implementation-guide schemas as typed data. One TransactionSchema per transaction set and guide
 * version (transactions/<set>-<guide>/schema.ts). The schema walker (schema/walker.ts) and the SNIP
 * type 2 validator read only these types.
 */

/** R required, S situational, N not used (the guide's usage column). */
export type Usage = 'R' | 'S' | 'N';

/**
 * X12 data element types. N0/N2 implied-decimal numerics, R decimal, ID code value, AN string,
 * DT date (CCYYMMDD or YYMMDD per max length), TM time (HHMM[SS[d..]]), B binary.
 */
export type ElementType = 'AN' | 'ID' | 'N0' | 'N1' | 'N2' | 'R' | 'DT' | 'TM' | 'B';

export interface ComponentDef {
  /** e.g. `CLM05-1`. */
  ref: string;
  name: string;
  usage: Usage;
  type: ElementType;
  min: number;
  max: number;
  /** Code values the guide allows; absent when any value (or an external code list) is allowed. */
  codes?: readonly string[];
}

export interface ElementDef {
  /** e.g. `CLM01`. */
  ref: string;
  name: string;
  usage: Usage;
  /** For simple elements. Composites set `components` instead (type/min/max then ignored). */
  type: ElementType;
  min: number;
  max: number;
  codes?: readonly string[];
  /** Present when the element is a composite (C0xx). */
  components?: readonly ComponentDef[];
  /** Maximum repetitions (repetition separator); default 1. */
  repeat?: number;
}

/** Repeat limit: a count, or `'>1'` for the guide's unbounded repeat. */
export type Repeat = number | '>1';

export interface SegmentDef {
  kind: 'segment';
  id: string;
  name: string;
  usage: Usage;
  repeat: Repeat;
  elements: readonly ElementDef[];
  /**
   * How to tell this segment from same-id siblings (e.g. the several REF or DTP segments of a loop):
   * element number (1-based), optional component number (1-based, for a composite such as HI01-1),
   * and the qualifier values that select it.
   */
  qualifier?: { element: number; component?: number; values: readonly string[] };
  /** X12 syntax notes (relational conditions between elements), e.g. NM1 P0809. */
  syntaxRules?: readonly SyntaxRule[];
}

/**
 * An X12 relational condition on element positions (1-based), as the standard writes them: P0809
 * paired (all or none), R0203 at least one, C0504 if the first then all the others, E0204 at most one,
 * L050607 if the first then at least one of the others.
 */
export interface SyntaxRule {
  kind: 'P' | 'R' | 'C' | 'E' | 'L';
  elements: readonly number[];
}

export interface LoopDef {
  kind: 'loop';
  /** Guide loop id, e.g. `2000A`, `2010AA`, `2300`. */
  id: string;
  name: string;
  usage: Usage;
  repeat: Repeat;
  /** children[0] is the loop's first (trigger) segment; its `qualifier` identifies the loop. */
  children: readonly (SegmentDef | LoopDef)[];
}

export type SchemaNode = SegmentDef | LoopDef;

export interface TransactionSchema {
  /** Short id used across the gateway: `837P`, `837I`, `835`, `999`, `277CA`, `270`, `271`. */
  id: string;
  /** ST01. */
  transactionSet: string;
  /** GS08 / ST03 guide version, e.g. `005010X222A1`. */
  version: string;
  /** GS01 functional identifier code, e.g. `HC` for 837. */
  functionalIdentifier: string;
  /** The transaction set's body, from ST to SE inclusive (header segments, then loops). */
  children: readonly SchemaNode[];
}
