/**
 * Whole-input 835 read that builds each Remittance835 while its segments are scanned: the envelope
 * assembler hands every 835's segments to a Remittance835Reader instead of keeping them, so reading a
 * large 835 costs its models, not its models plus every segment. Results equal read835 on each
 * transaction set of readX12 (same values, same diagnostics).
 */
import { visitX12, type VisitX12Options } from '../../read';
import type { EnvelopeEvent } from '../../envelope/envelope-events';
import type { Result } from '../../syntax/types';
import type { Remittance835 } from './835.model';
import { Remittance835Reader } from './835.reader';

/** Each 835's result with its transaction event (whose `segments` is empty: they were not kept). */
export type Remittance835Visitor = (
  remittance: Result<Remittance835>,
  event: Extract<EnvelopeEvent, { kind: 'transaction' }>,
) => void;

/**
 * Reads every 835 transaction set of `input`, calling `onRemittance` as each one ends; every other
 * envelope event (diagnostics, other transaction sets with their segments, interchange and group
 * boundaries) goes to `onEvent`. Throws like readX12 (not X12, too large).
 */
export function visitRemittances835(
  input: Uint8Array | string,
  onRemittance: Remittance835Visitor,
  onEvent: (event: EnvelopeEvent) => void = () => undefined,
  options: Omit<VisitX12Options, 'transactionSink'> = {},
): void {
  let reader: Remittance835Reader | undefined;
  visitX12(
    input,
    (event) => {
      if (event.kind === 'transaction' && reader) {
        const read = reader;
        reader = undefined;
        onRemittance(read.finish(event.transaction.complete), event);
        return;
      }
      onEvent(event);
    },
    {
      ...options,
      transactionSink: ({ interchange, header }) => {
        if ((header.elements[0] ?? '') !== '835') return undefined;
        reader = new Remittance835Reader(header, interchange.delimiters, {
          interchangeControlNumber: interchange.controlNumber,
        });
        return reader; // it took the ST; it is the sink of the body and SE
      },
    },
  );
}
