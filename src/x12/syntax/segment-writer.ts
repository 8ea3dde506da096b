/**
 * Serializes segments with given delimiters. Trailing empty elements and components are dropped
 * (X12 forbids trailing separators). A value containing a delimiter cannot be written faithfully, so it
 * is the caller's error: X12Error names the element, never its value.
 */
import type { ElementInput, SegmentInput } from '../envelope/types';
import { X12Error, type Delimiters, type Segment } from './types';

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

export interface SegmentWriteOptions {
  /** Text written after each segment terminator: `true` means "\n". */
  lineBreak?: boolean | string;
}

export function lineBreakText(lineBreak: SegmentWriteOptions['lineBreak']): string {
  if (lineBreak === true) return '\n';
  return typeof lineBreak === 'string' ? lineBreak : '';
}

function elementRef(id: string, position: number): string {
  return `${id}${String(position).padStart(2, '0')}`;
}

/** True when `value` holds a delimiter it may not carry (components allow the component separator). */
function holdsDelimiter(value: string, delimiters: Delimiters, allowComponent: boolean): boolean {
  const element = delimiters.element.charCodeAt(0);
  const segment = delimiters.segment.charCodeAt(0);
  const repetition = delimiters.repetition === null ? -1 : delimiters.repetition.charCodeAt(0);
  const component = allowComponent ? -1 : delimiters.component.charCodeAt(0);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === element || code === segment || code === repetition || code === component) return true;
  }
  return false;
}

function checkValue(
  value: string,
  delimiters: Delimiters,
  id: string,
  position: number,
  allowComponent: boolean,
): void {
  if (holdsDelimiter(value, delimiters, allowComponent)) {
    throw new X12Error(
      'X12-INVALID-ARGUMENT',
      `${elementRef(id, position)} contains a delimiter character and cannot be written.`,
      { segmentId: id, element: elementRef(id, position) },
    );
  }
}

/** A repeated element: its repetitions (trailing empty ones dropped) joined with ISA11. */
function repeatedText(
  repetitions: readonly (string | readonly string[])[],
  delimiters: Delimiters,
  id: string,
  position: number,
): string {
  let last = repetitions.length;
  while (last > 0 && singleText(repetitions[last - 1], delimiters, id, position) === '') last--;
  if (last > 1 && delimiters.repetition === null) {
    throw new X12Error(
      'X12-INVALID-ARGUMENT',
      `${elementRef(id, position)} repeats, but the interchange has no repetition separator (ISA11).`,
      { segmentId: id, element: elementRef(id, position) },
    );
  }
  const texts: string[] = [];
  for (let i = 0; i < last; i++) texts.push(singleText(repetitions[i], delimiters, id, position));
  return texts.join(delimiters.repetition ?? '');
}

function elementText(element: ElementInput, delimiters: Delimiters, id: string, position: number): string {
  if (element === undefined) return '';
  if (typeof element === 'object' && 'repetitions' in element) {
    return repeatedText(element.repetitions, delimiters, id, position);
  }
  return singleText(element, delimiters, id, position);
}

/** A simple or composite element (or one repetition of a repeated one). */
function singleText(
  element: string | readonly string[],
  delimiters: Delimiters,
  id: string,
  position: number,
): string {
  if (typeof element === 'string') {
    checkValue(element, delimiters, id, position, true);
    return element;
  }
  let last = element.length;
  while (last > 0 && !element[last - 1]) last--;
  if (last === 1) {
    const only = element[0] ?? '';
    checkValue(only, delimiters, id, position, false);
    return only;
  }
  const parts: string[] = [];
  for (let i = 0; i < last; i++) {
    const component = element[i] ?? '';
    checkValue(component, delimiters, id, position, false);
    parts.push(component);
  }
  return parts.join(delimiters.component);
}

/**
 * Append one segment's pieces (id, separators, element texts, terminator) to `out`. Writers that make
 * many segments join the pieces once, so no per-segment string (or string tree) is built and kept.
 */
export function appendSegment(
  out: string[],
  segment: SegmentInput,
  delimiters: Delimiters = DEFAULT_DELIMITERS,
  lineBreak = '',
): void {
  const elements = segment.elements;
  const separator = delimiters.element;
  out.push(segment.id);
  // Empty elements are written only when a non-empty one follows (no trailing separators).
  let pendingEmpty = 0;
  for (let i = 0; i < elements.length; i++) {
    const text = elementText(elements[i], delimiters, segment.id, i + 1);
    if (text === '') {
      pendingEmpty++;
      continue;
    }
    for (; pendingEmpty > 0; pendingEmpty--) out.push(separator);
    out.push(separator, text);
  }
  out.push(delimiters.segment);
  if (lineBreak !== '') out.push(lineBreak);
}

/** One segment including its terminator (and line break, when asked). */
export function writeSegment(
  segment: SegmentInput,
  delimiters: Delimiters = DEFAULT_DELIMITERS,
  options: SegmentWriteOptions = {},
): string {
  const out: string[] = [];
  appendSegment(out, segment, delimiters, lineBreakText(options.lineBreak));
  return out.join('');
}

/**
 * Segments exactly as read (elements kept raw, nothing trimmed): reading a file and writing its
 * segments with the same delimiters gives the same bytes, apart from line breaks.
 */
export function writeReadSegments(
  segments: readonly Segment[],
  delimiters: Delimiters,
  options: SegmentWriteOptions = {},
): string {
  const lineBreak = lineBreakText(options.lineBreak);
  let out = '';
  for (const segment of segments) {
    out += segment.id;
    for (const element of segment.elements) out += delimiters.element + element;
    out += delimiters.segment + lineBreak;
  }
  return out;
}
