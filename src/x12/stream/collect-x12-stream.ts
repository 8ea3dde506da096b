/** Collects a stream's events into the whole read model (tests, small inputs). */
import type { Result } from '../syntax/types';
import type { Interchange } from '../envelope/types';
import { InterchangeCollector } from '../envelope/collect-interchanges';
import type { X12StreamEvent } from './read-x12-stream';

export async function collectX12Stream(
  events: AsyncIterable<X12StreamEvent>,
  maxDiagnostics?: number,
): Promise<Result<Interchange[]>> {
  const collector = new InterchangeCollector(maxDiagnostics);
  for await (const event of events) collector.accept(event);
  return { value: collector.interchanges, diagnostics: collector.diagnostics };
}
