/**
 * Incremental tokenizer working on bytes. Feed it chunks with `push()` and call `end()`; it reports
 * segments (with the delimiters of their interchange) and diagnostics to a sink, in input order.
 *
 * Delimiters are single ASCII bytes, so segment ends are found with `indexOf` on the buffer and only
 * the text of complete segments is decoded: a chunk boundary inside a multi-byte UTF-8 character or
 * between CR and LF changes nothing. The event sequence depends only on the bytes, never on how they
 * were chunked; the whole-input reader is this scanner fed one chunk.
 */
import { isAscii } from 'node:buffer';
import type { Delimiters, Diagnostic } from './types';
import { isAlphanumericByte, isLayoutByte, toBuffer } from './bytes';
import { scanIsaDelimiters } from './isa-delimiters';
import { KNOWN_SEGMENT_IDS } from './segment-ids';
import { ElementStrings } from './element-strings';
import { SegmentView } from './segment-view';
import type { SyntaxCode } from './diagnostic-codes';
import { keepShapeAlive } from '../keep-shape-alive';

export interface SegmentSink {
  /**
   * The next segment, read in place: the view is refilled for the segment after, so it is valid only
   * during this call; `view.toSegment()` gives a Segment to keep.
   */
  segment(view: SegmentView, delimiters: Delimiters): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface SegmentScannerOptions {
  /** Longest segment accepted; longer ones are skipped with a diagnostic. Bounds streaming memory. */
  maxSegmentBytes?: number;
}

const DEFAULT_MAX_SEGMENT_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);
const I = 0x49;
const S = 0x53;
const A = 0x41;

function isSegmentIdChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
}

function validSegmentId(id: string): boolean {
  if (id.length < 2 || id.length > 3) return false;
  for (let i = 0; i < id.length; i++) if (!isSegmentIdChar(id.charCodeAt(i))) return false;
  return true;
}

function segmentIdKey(buffer: Uint8Array, start: number, length: number): number {
  return length === 2
    ? (buffer[start] << 8) | buffer[start + 1]
    : (buffer[start] << 16) | (buffer[start + 1] << 8) | buffer[start + 2];
}

/** Segment ids met so far, keyed by their bytes; bounded, since ids come from untrusted input. */
const SEGMENT_IDS = new Map<number, string>(
  KNOWN_SEGMENT_IDS.map((id) => [segmentIdKey(Buffer.from(id, 'latin1'), 0, id.length), id]),
);
const MAX_INTERNED_IDS = 1024;

/** The id of 2-3 id bytes at `start` as a shared string (one string per distinct id, not per segment). */
function internSegmentId(buffer: Buffer, start: number, length: number): string {
  const key =
    length === 2
      ? (buffer[start] << 8) | buffer[start + 1]
      : (buffer[start] << 16) | (buffer[start + 1] << 8) | buffer[start + 2];
  let id = SEGMENT_IDS.get(key);
  if (id === undefined) {
    id = buffer.toString('latin1', start, start + length);
    if (SEGMENT_IDS.size < MAX_INTERNED_IDS) SEGMENT_IDS.set(key, id);
  }
  return id;
}

export class SegmentScanner {
  private buffer: Buffer = EMPTY;
  /**
   * `buffer` decoded once as one string when it is pure ASCII (then string offsets are byte offsets and
   * segments are sliced from it instead of decoded one by one); null when not decoded yet in this scan,
   * false when the buffer holds non-ASCII bytes (each segment is then decoded as UTF-8 on its own).
   */
  private text: string | false | null = null;
  private readonly elementStrings = new ElementStrings();
  /** The one view every segment of this scan is read through. */
  private readonly view = new SegmentView(this.elementStrings);
  private elementByte = 0;
  private terminatorChar = '';
  /** Offset in the whole input of `buffer[0]`. */
  private bufferOffset = 0;
  private nextIndex = 0;
  /** Delimiters of the open interchange; null while looking for an ISA. */
  private delimiters: Delimiters | null = null;
  private terminatorByte = 0;
  /** Offset of the first non-blank byte skipped outside an interchange, or -1. */
  private gapStart = -1;
  /** After a malformed ISA the following text is already explained: do not report it again. */
  private gapExplained = false;
  private discarding = false;
  /** Inside a run of empty segments: the run is reported once. */
  private inEmptyRun = false;
  private atStart = true;
  private ended = false;
  private readonly maxSegmentBytes: number;
  /** Number of ISA segments seen (well-formed or not). */
  isaCount = 0;
  /** Total bytes pushed. */
  bytesRead = 0;

  constructor(
    private readonly sink: SegmentSink,
    options: SegmentScannerOptions = {},
  ) {
    this.maxSegmentBytes = options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES;
  }

  push(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error('SegmentScanner: push after end');
    const bytes = toBuffer(chunk);
    if (bytes.length === 0) return;
    this.bytesRead += bytes.length;
    this.buffer = this.buffer.length === 0 ? bytes : Buffer.concat([this.buffer, bytes]);
    this.scan();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.scan();
    this.flushGap();
  }

  private report(
    severity: Diagnostic['severity'],
    code: SyntaxCode,
    message: string,
    byteOffset: number,
  ): void {
    this.sink.diagnostic({ severity, code, message, snip: 1, location: { byteOffset } });
  }

  private flushGap(): void {
    if (this.gapStart >= 0 && !this.gapExplained) {
      this.report(
        'warning',
        'X12-SYN-TEXT-OUTSIDE-INTERCHANGE',
        'Text outside any ISA/IEA interchange was ignored.',
        this.gapStart,
      );
    }
    this.gapStart = -1;
    this.gapExplained = false;
  }

  private scan(): void {
    const buffer = this.buffer;
    this.text = null;
    const length = buffer.length;
    let position = 0;
    if (this.atStart) {
      if (length < 3 && !this.ended) return;
      if (length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) position = 3;
      this.atStart = false;
    }
    while (position < length) {
      if (this.discarding) {
        const end = buffer.indexOf(this.terminatorByte, position);
        if (end < 0) {
          position = length;
          break;
        }
        position = end + 1;
        this.discarding = false;
        continue;
      }
      const next =
        this.delimiters === null
          ? this.seekInterchange(buffer, position)
          : this.readSegment(buffer, position);
      if (next < 0) {
        position = -1 - next;
        break;
      }
      position = next;
    }
    this.text = null;
    if (position >= length) {
      this.buffer = EMPTY;
    } else {
      this.buffer = buffer.subarray(position);
    }
    this.bufferOffset += Math.min(position, length);
  }

  /** True when "ISA" followed by a non-alphanumeric byte starts at `position`; null when undecidable yet. */
  private isaAt(buffer: Buffer, position: number): boolean | null {
    if (buffer[position] !== I) return false;
    if (position + 3 >= buffer.length) {
      if (!this.ended) return null;
      return false;
    }
    return (
      buffer[position + 1] === S && buffer[position + 2] === A && !isAlphanumericByte(buffer[position + 3])
    );
  }

  /** Outside an interchange: skip blanks, report other text, open the interchange at the next ISA. */
  private seekInterchange(buffer: Buffer, start: number): number {
    const length = buffer.length;
    let position = start;
    while (position < length && isLayoutByte(buffer[position])) position++;
    if (position >= length) return length;
    const isa = this.isaAt(buffer, position);
    if (isa === null) return this.holdFrom(position);
    if (isa) return this.openInterchange(buffer, position);
    if (this.gapStart < 0) this.gapStart = this.bufferOffset + position;
    const candidate = buffer.indexOf('ISA', position + 1, 'latin1');
    if (candidate >= 0) return candidate;
    // Keep a possible "IS" prefix of an ISA split across chunks.
    return this.ended ? length : Math.max(position + 1, length - 2);
  }

  /** Stop scanning and keep the bytes from `position` for the next chunk (encoded as a negative number). */
  private holdFrom(position: number): number {
    return -1 - position;
  }

  private openInterchange(buffer: Buffer, position: number): number {
    const scan = scanIsaDelimiters(buffer, position, this.ended);
    if (scan.kind === 'need-more') return this.holdFrom(position);
    this.isaCount++;
    if (scan.kind === 'malformed') {
      this.flushGap();
      this.report('error', scan.code, scan.message, this.bufferOffset + position);
      this.gapStart = this.bufferOffset + position;
      this.gapExplained = true;
      return position + 3;
    }
    this.flushGap();
    this.delimiters = scan.delimiters;
    this.terminatorByte = scan.delimiters.segment.charCodeAt(0);
    this.terminatorChar = scan.delimiters.segment;
    this.elementByte = scan.delimiters.element.charCodeAt(0);
    this.emit(buffer, position, scan.terminatorPosition);
    return scan.terminatorPosition + 1;
  }

  /** Inside an interchange: read one segment, or hand over to `seekInterchange` at an ISA. */
  private readSegment(buffer: Buffer, start: number): number {
    const length = buffer.length;
    const terminator = this.terminatorByte;
    let position = start;
    while (position < length && buffer[position] !== terminator && isLayoutByte(buffer[position])) position++;
    if (position >= length) return length;
    if (length - position < 4 && !this.ended) return this.holdFrom(position);
    if (this.isaAt(buffer, position) === true) {
      // A new ISA before IEA: the envelope reports the missing IEA; delimiters come from the new ISA.
      this.delimiters = null;
      return position;
    }
    // ASCII input is searched in its decoded text (a JS builtin, not a native call per segment)
    if (this.text === null) this.text = isAscii(buffer) ? buffer.toString('latin1') : false;
    const end =
      this.text === false
        ? buffer.indexOf(terminator, position)
        : this.text.indexOf(this.terminatorChar, position);
    const offset = this.bufferOffset + position;
    if (end < 0) {
      if (this.ended) {
        let last = length;
        while (last > position && isLayoutByte(buffer[last - 1])) last--;
        this.report(
          'warning',
          'X12-SYN-UNTERMINATED-SEGMENT',
          'The input ends inside a segment that has no segment terminator.',
          offset,
        );
        this.emit(buffer, position, last);
        return length;
      }
      if (length - position > this.maxSegmentBytes) {
        this.reportTooLong(offset);
        this.discarding = true;
        return length;
      }
      return this.holdFrom(position);
    }
    if (end - position > this.maxSegmentBytes) {
      this.reportTooLong(offset);
      return end + 1;
    }
    if (end === position) {
      if (!this.inEmptyRun) {
        this.report(
          'warning',
          'X12-SYN-EMPTY-SEGMENT',
          'Empty segments (two terminators) were ignored.',
          offset,
        );
      }
      this.inEmptyRun = true;
      return end + 1;
    }
    const segment = this.emit(buffer, position, end);
    if (segment.id === 'IEA') this.delimiters = null;
    return end + 1;
  }

  private reportTooLong(offset: number): void {
    this.report(
      'error',
      'X12-SYN-SEGMENT-TOO-LONG',
      `A segment longer than ${this.maxSegmentBytes} bytes was skipped.`,
      offset,
    );
  }

  /**
   * The element boundaries of `text[start, end)` into the view, without making any string. The search
   * never looks past the segment's end, so every byte of the input is looked at once here.
   */
  private addElements(text: string, start: number, end: number): void {
    const view = this.view;
    const separator = this.elementByte;
    let from = start;
    for (let at = start; at < end; at++) {
      if (text.charCodeAt(at) !== separator) continue;
      view.addElement(from, at);
      from = at + 1;
    }
    view.addElement(from, end);
  }

  private emit(buffer: Buffer, start: number, end: number): SegmentView {
    const delimiters = this.delimiters as Delimiters;
    const view = this.view;
    const index = this.nextIndex++;
    const byteOffset = this.bufferOffset + start;
    this.inEmptyRun = false;
    if (this.text === null) this.text = isAscii(buffer) ? buffer.toString('latin1') : false;
    let inPlace = false;
    if (this.text !== false) {
      // ASCII: the view points into the once-decoded buffer (no per-segment decode, no strings until a
      // reader asks); a well-formed segment id is looked up among the ids already met.
      const text = this.text;
      let idLength = 0;
      while (idLength < 3 && start + idLength < end && isSegmentIdChar(buffer[start + idLength])) idLength++;
      const afterId = start + idLength;
      if (idLength >= 2 && (afterId === end || buffer[afterId] === this.elementByte)) {
        view.begin(text, internSegmentId(buffer, start, idLength), index, byteOffset);
        if (afterId !== end) this.addElements(text, afterId + 1, end);
        inPlace = true;
      }
    }
    if (!inPlace) {
      // Non-ASCII input, or a malformed segment id: split the segment's own text. (An id read in place
      // is well-formed: 2 or 3 id characters followed by the separator or the end.)
      const elements =
        this.text === false
          ? buffer.toString('utf8', start, end).split(delimiters.element)
          : this.text.slice(start, end).split(delimiters.element);
      const id = elements.shift() as string;
      view.load({ id, elements, index, byteOffset });
    }
    if (!inPlace && !validSegmentId(view.id)) {
      this.sink.diagnostic({
        severity: 'error',
        code: 'X12-SYN-SEGMENT-ID',
        message: 'The segment identifier is not 2 or 3 upper-case letters or digits.',
        snip: 1,
        location: { segmentIndex: index, byteOffset },
      });
    }
    this.sink.segment(view, delimiters);
    return view;
  }
}

// An idle scanner (with its view and short-string table) keeps their shapes, and so the optimized
// scanning code, alive between reads; see keepShapeAlive.
keepShapeAlive(new SegmentScanner({ segment: () => undefined, diagnostic: () => undefined }));
