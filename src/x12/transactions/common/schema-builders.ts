/**
 * Small builders that keep the implementation-guide schemas readable: one call per element, segment or
 * loop, with the guide's usage (R/S/N), repeat, type and lengths in the guide's own order.
 */
import type {
  ComponentDef,
  ElementDef,
  ElementType,
  LoopDef,
  Repeat,
  SchemaNode,
  SegmentDef,
  SyntaxRule,
  Usage,
} from '../../schema/types';

/** A simple element: `el('CLM02', 'R', 'R', 1, 18, 'Total Claim Charge Amount')`. */
export function el(
  ref: string,
  usage: Usage,
  type: ElementType,
  min: number,
  max: number,
  name: string,
  codes?: readonly string[],
): ElementDef {
  return codes ? { ref, name, usage, type, min, max, codes } : { ref, name, usage, type, min, max };
}

/** A not-used element: only its presence is checked. */
export function na(ref: string, name: string): ElementDef {
  return { ref, name, usage: 'N', type: 'AN', min: 1, max: 1 };
}

/** A composite element (C0xx) with its components. */
export function composite(
  ref: string,
  usage: Usage,
  name: string,
  components: readonly ComponentDef[],
): ElementDef {
  return { ref, name, usage, type: 'AN', min: 1, max: 1, components };
}

/** A component: `co('CLM05-3', 'R', 'ID', 1, 1, 'Claim Frequency Type Code', ['1', '7', '8'])`. */
export function co(
  ref: string,
  usage: Usage,
  type: ElementType,
  min: number,
  max: number,
  name: string,
  codes?: readonly string[],
): ComponentDef {
  return codes ? { ref, name, usage, type, min, max, codes } : { ref, name, usage, type, min, max };
}

export interface SegmentOptions {
  /** Element (1-based) and optional component whose values tell same-id siblings apart. */
  qualifier?: { element: number; component?: number; values: readonly string[] };
  /** X12 syntax notes as the standard writes them: `P0809`, `R0203`, `L050607` ... */
  syntax?: readonly string[];
}

/** `P0809` -> { kind: 'P', elements: [8, 9] }. Written by us in the schemas, so a bad note is a bug. */
export function syntaxRule(note: string): SyntaxRule {
  const kind = note[0];
  if (kind !== 'P' && kind !== 'R' && kind !== 'C' && kind !== 'E' && kind !== 'L') {
    throw new Error(`unknown syntax note ${note}`);
  }
  const elements: number[] = [];
  for (let i = 1; i < note.length; i += 2) elements.push(Number(note.slice(i, i + 2)));
  if (elements.length < 2 || elements.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`bad syntax note ${note}`);
  }
  return { kind, elements };
}

export function seg(
  id: string,
  name: string,
  usage: Usage,
  repeat: Repeat,
  elements: readonly ElementDef[],
  options: SegmentOptions = {},
): SegmentDef {
  const def: SegmentDef = { kind: 'segment', id, name, usage, repeat, elements };
  if (options.qualifier) def.qualifier = options.qualifier;
  if (options.syntax) def.syntaxRules = options.syntax.map(syntaxRule);
  return def;
}

/** Same segment definition, different usage/repeat (a guide reuses a segment in several loops). */
export function withUsage(def: SegmentDef, usage: Usage, repeat: Repeat = def.repeat): SegmentDef {
  return { ...def, usage, repeat };
}

export function loop(
  id: string,
  name: string,
  usage: Usage,
  repeat: Repeat,
  trigger: SegmentDef,
  children: readonly SchemaNode[] = [],
): LoopDef {
  return { kind: 'loop', id, name, usage, repeat, children: [trigger, ...children] };
}

/** `01` .. `99`. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
