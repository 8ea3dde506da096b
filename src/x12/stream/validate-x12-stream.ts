/**
 * Streaming validation: the stream's events, plus each complete transaction set's implementation-guide
 * diagnostics right after it. Bounded memory like readX12Stream, for inbound files of any size.
 */
import { validateTransaction } from '../validation/validate-transaction';
import type { ReadX12Options } from '../read';
import { readX12Stream, type X12StreamEvent } from './read-x12-stream';

export async function* validateX12Stream(
  source: AsyncIterable<Uint8Array | string>,
  options: ReadX12Options = {},
): AsyncGenerator<X12StreamEvent, void, undefined> {
  for await (const event of readX12Stream(source, options)) {
    yield event;
    if (event.kind !== 'transaction' || !event.transaction.complete) continue;
    // The stream keeps no contents: the context carries headers only.
    const context = {
      interchange: { ...event.interchange, ta1: [], groups: [] },
      group: { ...event.group, transactions: [] },
    };
    for (const diagnostic of validateTransaction(event.transaction, context)) {
      yield { kind: 'diagnostic', diagnostic };
    }
  }
}
