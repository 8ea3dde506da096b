/** Whole-input tokenizing: the segment scanner fed one chunk. */
import type { Delimiters, Diagnostic, Result, Segment } from './types';
import { SegmentScanner, type SegmentScannerOptions } from './segment-scanner';

export interface TokenizedSegments {
  segments: Segment[];
  /** Delimiters of each segment's interchange, parallel to `segments`. */
  delimiters: Delimiters[];
  /** ISA segments seen, well-formed or not (0 means the input is not X12). */
  isaCount: number;
}

export function tokenize(
  input: Uint8Array | string,
  options: SegmentScannerOptions = {},
): Result<TokenizedSegments> {
  const segments: Segment[] = [];
  const delimiters: Delimiters[] = [];
  const diagnostics: Diagnostic[] = [];
  const scanner = new SegmentScanner(
    {
      segment: (view, segmentDelimiters) => {
        segments.push(view.toSegment());
        delimiters.push(segmentDelimiters);
      },
      diagnostic: (diagnostic) => diagnostics.push(diagnostic),
    },
    options,
  );
  scanner.push(input);
  scanner.end();
  return { value: { segments, delimiters, isaCount: scanner.isaCount }, diagnostics };
}
