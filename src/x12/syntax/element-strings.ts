/**
 * One string per distinct short element value met in a read. X12 repeats its short values endlessly
 * (qualifiers, codes, dates, common amounts), and a model that keeps a fresh copy of each costs memory
 * and, worse, garbage-collector time copying them. A small direct-mapped table keeps the last value
 * seen per slot; a hit returns that string instead of a new one.
 *
 * The table belongs to one reader (a scanner), never to the module: values are PHI, and no read should
 * hold another's. A whole-input read drops it with the scanner; a stream keeps at most its 4,096 most
 * recent short values until the stream ends.
 */

/** Longer values are sliced as they are: V8 keeps those as views of the decoded text, not as copies. */
const MAX_SHARED_LENGTH = 12;
const SLOTS = 4096;
const SLOT_MASK = SLOTS - 1;

export class ElementStrings {
  private readonly slots: string[] = new Array<string>(SLOTS).fill('');

  /** `text.slice(start, end)`, or an equal string met before in this read. */
  slice(text: string, start: number, end: number): string {
    const length = end - start;
    if (length === 0) return '';
    if (length > MAX_SHARED_LENGTH) return text.slice(start, end);
    // A cheap hash of length, first, middle and last character: a collision only costs a miss.
    const hash =
      length * 0x9e37 +
      text.charCodeAt(start) * 0x3b1 +
      text.charCodeAt((start + end) >> 1) * 0x2d5 +
      text.charCodeAt(end - 1) * 0x1f;
    const slot = hash & SLOT_MASK;
    const known = this.slots[slot];
    if (known.length === length && sameCharacters(known, text, start)) return known;
    const fresh = text.slice(start, end);
    this.slots[slot] = fresh;
    return fresh;
  }
}

/** `text.startsWith(known, start)` for a short `known`, without a builtin call per element. */
function sameCharacters(known: string, text: string, start: number): boolean {
  for (let i = 0; i < known.length; i++) {
    if (known.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
