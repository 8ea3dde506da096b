/**
 * Streaming reader: bytes in (any AsyncIterable of chunks, including a Node Readable), envelope events
 * out. Memory stays bounded by one transaction set plus one chunk: interchanges and groups are reported
 * by their headers, never accumulated. The events are exactly those the whole-input reader collects,
 * whatever the chunk sizes (the same scanner and assembler run underneath).
 */
import { SegmentScanner } from '../syntax/segment-scanner';
import type { Diagnostic } from '../syntax/types';
import { AssemblerSink, EnvelopeAssembler } from '../envelope/envelope-assembler';
import type { EnvelopeEvent } from '../envelope/envelope-events';
import { notX12Error, tooLargeError, type ReadX12Options } from '../read';

export type X12StreamEvent = EnvelopeEvent;
export type X12StreamDiagnosticEvent = { kind: 'diagnostic'; diagnostic: Diagnostic };

export async function* readX12Stream(
  source: AsyncIterable<Uint8Array | string>,
  options: ReadX12Options = {},
): AsyncGenerator<X12StreamEvent, void, undefined> {
  let pending: X12StreamEvent[] = [];
  const assembler = new EnvelopeAssembler((event) => pending.push(event));
  const scanner = new SegmentScanner(new AssemblerSink(assembler), {
    maxSegmentBytes: options.maxSegmentBytes,
  });
  const drain = function* (): Generator<X12StreamEvent> {
    const ready = pending;
    pending = [];
    yield* ready;
  };
  let bytesSeen = 0;
  for await (const chunk of source) {
    bytesSeen += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
    if (options.maxBytes !== undefined && bytesSeen > options.maxBytes) throw tooLargeError(options.maxBytes);
    scanner.push(chunk);
    yield* drain();
  }
  scanner.end();
  if (scanner.isaCount === 0) throw notX12Error();
  assembler.end();
  yield* drain();
}
