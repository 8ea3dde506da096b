/**
 * Serializes segments with given delimiters. Trailing empty elements and components are dropped
 * (X12 forbids trailing separators). A value containing a delimiter cannot be written faithfully, so it
 * is the caller's error: X12Error names the element, never its value.
 */
import type { SegmentInput } from '../envelope/types';
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

function checkValue(
  value: string,
  delimiters: Delimiters,
  id: string,
  position: number,
  allowComponent: boolean,
): void {
  for (let i = 0; i < value.length; i++) {
    const character = value[i];
    if (
      character === delimiters.element ||
      character === delimiters.segment ||
      character === delimiters.repetition ||
      (!allowComponent && character === delimiters.component)
    ) {
      throw new X12Error(
        'X12-INVALID-ARGUMENT',
        `${elementRef(id, position)} contains a delimiter character and cannot be written.`,
        { segmentId: id, element: elementRef(id, position) },
      );
    }
  }
}

function elementText(
  element: string | readonly string[] | undefined,
  delimiters: Delimiters,
  id: string,
  position: number,
): string {
  if (element === undefined) return '';
  if (typeof element === 'string') {
    checkValue(element, delimiters, id, position, true);
    return element;
  }
  let last = element.length;
  while (last > 0 && !element[last - 1]) last--;
  const parts: string[] = [];
  for (let i = 0; i < last; i++) {
    const component = element[i] ?? '';
    checkValue(component, delimiters, id, position, false);
    parts.push(component);
  }
  return parts.join(delimiters.component);
}

/** One segment including its terminator (and line break, when asked). */
export function writeSegment(
  segment: SegmentInput,
  delimiters: Delimiters = DEFAULT_DELIMITERS,
  options: SegmentWriteOptions = {},
): string {
  const texts: string[] = [];
  for (let i = 0; i < segment.elements.length; i++) {
    texts.push(elementText(segment.elements[i], delimiters, segment.id, i + 1));
  }
  let last = texts.length;
  while (last > 0 && texts[last - 1] === '') last--;
  let out = segment.id;
  for (let i = 0; i < last; i++) out += delimiters.element + texts[i];
  return out + delimiters.segment + lineBreakText(options.lineBreak);
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
