/**
 * Element access by guide reference (`CLM05-3`, `NM109`). Readers and rules use these instead of
 * indexing arrays by hand, so that an element's place is always spelled the way the guide spells it.
 */
import type { Delimiters, Segment } from './types';

export interface ElementReference {
  /** 1-based element position (CLM05 -> 5). */
  element: number;
  /** 1-based component position (CLM05-3 -> 3), or undefined for the whole element. */
  component?: number;
}

const REFERENCE = /^([A-Z][A-Z0-9]{1,2})?(\d{2})(?:-(\d{1,2}))?$/;

/** Parse `CLM05-3`, `05-3` or `05` into positions. */
export function parseElementReference(reference: string): ElementReference {
  const match = REFERENCE.exec(reference);
  if (!match) throw new Error(`not an element reference: ${reference}`);
  return { element: Number(match[2]), component: match[3] === undefined ? undefined : Number(match[3]) };
}

/** The guide's name for an element: (`CLP`, 4) -> `CLP04`, (`CAS`, 18) -> `CAS18`. */
export function elementReference(segmentId: string, element: number): string {
  return `${segmentId}${element < 10 ? '0' : ''}${element}`;
}

/** Split a composite element into its components (index 0 = component 1). */
export function components(value: string, delimiters: Pick<Delimiters, 'component'>): string[] {
  return value === '' ? [] : value.split(delimiters.component);
}

/** Split a repeated element into its repetitions. */
export function repetitions(value: string, delimiters: Pick<Delimiters, 'repetition'>): string[] {
  if (value === '') return [];
  return delimiters.repetition === null ? [value] : value.split(delimiters.repetition);
}

/**
 * Value of an element or component, or '' when absent. `reference` is `NN` or `NN-C`, with or
 * without the segment id (`CLM05-3` and `05-3` are the same).
 */
export function elementValue(
  segment: Segment,
  reference: string,
  delimiters: Pick<Delimiters, 'component'>,
): string {
  const { element, component } = parseElementReference(reference);
  const raw = segment.elements[element - 1] ?? '';
  if (component === undefined) return raw;
  return components(raw, delimiters)[component - 1] ?? '';
}
