/**
 * A segment read in place. The scanner fills one view per segment with the element boundaries in the
 * decoded input, and an element becomes a string only when a reader asks for it: a reader that maps
 * segments straight into its model (the typed 835 read) never pays for a Segment object, an element
 * array, or the strings of elements it does not keep (its amounts become cents without any string).
 *
 * A view is refilled for every segment: it is valid only during the call that received it. Whatever
 * must outlive that call takes `toSegment()`. A view can also be loaded from a kept Segment, so the
 * readers have one way to read both.
 */
import { parseCentsIn } from '../money';
import type { ElementStrings } from './element-strings';
import type { Segment, SegmentPosition } from './types';

const INITIAL_CAPACITY = 64;

export class SegmentView implements SegmentPosition {
  id = '';
  index = 0;
  byteOffset = 0;
  /** Number of elements after the id (elements[0] is element 01, as in Segment). */
  elementCount = 0;
  /** The decoded input the boundaries point into (text mode). */
  private text = '';
  private starts = new Int32Array(INITIAL_CAPACITY);
  private ends = new Int32Array(INITIAL_CAPACITY);
  /** The elements as strings (array mode: a kept Segment, non-ASCII input, a malformed id); else null. */
  private loaded: readonly string[] | null = null;

  constructor(private readonly strings: ElementStrings | null = null) {}

  /** Text mode: start a segment whose elements will be added with `addElement`. */
  begin(text: string, id: string, index: number, byteOffset: number): void {
    this.text = text;
    this.id = id;
    this.index = index;
    this.byteOffset = byteOffset;
    this.elementCount = 0;
    this.loaded = null;
  }

  /** Text mode: the next element is `text[start, end)`. */
  addElement(start: number, end: number): void {
    const at = this.elementCount;
    if (at === this.starts.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    this.elementCount = at + 1;
  }

  /** Array mode: the segment's elements are already strings. */
  load(segment: Segment): this {
    this.id = segment.id;
    this.index = segment.index;
    this.byteOffset = segment.byteOffset;
    this.loaded = segment.elements;
    this.elementCount = segment.elements.length;
    this.text = '';
    return this;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** Element `i` (0-based: element 01 is 0), or undefined past the last, like `segment.elements[i]`. */
  elementAt(i: number): string | undefined {
    if (i >= this.elementCount) return undefined;
    if (this.loaded !== null) return this.loaded[i];
    return this.slice(this.starts[i], this.ends[i]);
  }

  /** True when element `i` is present and not empty (no string is made). */
  hasValue(i: number): boolean {
    if (i >= this.elementCount) return false;
    if (this.loaded !== null) return this.loaded[i] !== '';
    return this.ends[i] > this.starts[i];
  }

  /** Element `i` as integer cents (parseCents rules), undefined when absent or not an amount; no string is made. */
  centsAt(i: number): number | undefined {
    if (i >= this.elementCount) return undefined; // an absent element is not an amount, like ''
    if (this.loaded !== null) return parseCentsIn(this.loaded[i], 0, this.loaded[i].length);
    return parseCentsIn(this.text, this.starts[i], this.ends[i]);
  }

  /** The components of element `i` split at `separator` (`[]` when empty or absent, as components()). */
  componentsAt(i: number, separator: string): string[] {
    if (i >= this.elementCount) return [];
    if (this.loaded !== null) {
      const value = this.loaded[i];
      return value === '' ? [] : value.split(separator);
    }
    const end = this.ends[i];
    let from = this.starts[i];
    if (from === end) return [];
    // Searched within the element only: indexOf could run on through the rest of the input for every
    // element, which would make input without any separator quadratic.
    const parts: string[] = [];
    const text = this.text;
    const code = separator.charCodeAt(0);
    let at = from;
    for (; at < end; at++) {
      if (text.charCodeAt(at) !== code) continue;
      parts.push(this.slice(from, at));
      from = at + 1;
    }
    parts.push(this.slice(from, end));
    return parts;
  }

  private slice(start: number, end: number): string {
    if (start === end) return '';
    return this.strings === null ? this.text.slice(start, end) : this.strings.slice(this.text, start, end);
  }

  /** Every element as a new array. */
  toElements(): string[] {
    if (this.loaded !== null) return [...this.loaded];
    const elements = new Array<string>(this.elementCount);
    for (let i = 0; i < this.elementCount; i++) elements[i] = this.slice(this.starts[i], this.ends[i]);
    return elements;
  }

  /** A Segment that outlives the view. */
  toSegment(): Segment {
    return { id: this.id, elements: this.toElements(), index: this.index, byteOffset: this.byteOffset };
  }
}
