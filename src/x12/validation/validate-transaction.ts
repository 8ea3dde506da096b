/**
 * Validate one transaction set (ST..SE) against its implementation guide: the schema walker (SNIP 2
 * loop and segment structure), element validation (SNIP 1/2) and the guide's rules (SNIP 3/4).
 */
import type { FunctionalGroup, Interchange, TransactionSet } from '../envelope/types';
import { walkTransaction } from '../schema/walker';
import type { Diagnostic, DiagnosticLocation } from '../syntax/types';
import { allGuides, guideFor } from '../transactions';
import { diagnostic } from './location';
import { validateSegmentElements } from './validate-elements';
import { segmentLocation } from './location';

export interface TransactionContext {
  interchange: Interchange;
  group: FunctionalGroup;
}

export function validateTransaction(tx: TransactionSet, context: TransactionContext): Diagnostic[] {
  const location: DiagnosticLocation = {
    interchangeControlNumber: context.interchange.controlNumber,
    groupControlNumber: context.group.controlNumber,
    transactionControlNumber: tx.controlNumber,
  };
  const guide = guideFor(tx.id, tx.version);
  if (!guide) {
    return [
      diagnostic(
        'warning',
        'X12-IG-UNKNOWN-GUIDE',
        2,
        `No implementation guide is registered for this transaction set's ST01 and version (ST03 or GS08); supported: ${supportedGuides()}`,
        { ...location, segmentId: 'ST', element: 'ST03' },
      ),
    ];
  }
  const delimiters = context.interchange.delimiters;
  const walk = walkTransaction(guide.schema, tx.segments, {
    location,
    componentSeparator: delimiters.component,
  });
  // a transaction cut off before SE is reported by the envelope layer; do not report its SE again
  const diagnostics: Diagnostic[] = tx.complete
    ? walk.diagnostics.slice()
    : walk.diagnostics.filter((d) => !(d.code === 'X12-IG-SEGMENT-MISSING' && d.location.segmentId === 'SE'));
  tx.segments.forEach((segment, i) => {
    const def = walk.segmentDefOf(segment);
    if (!def) return;
    const where = () => segmentLocation(location, segment, i + 1, walk.loopOf(segment)?.loopId);
    const found = validateSegmentElements(segment, def, delimiters, where);
    appendAll(diagnostics, found);
  });
  // balancing and situational rules need whole claims: a cut-off transaction would only give noise
  if (!tx.complete) return diagnostics;
  for (const rule of guide.rules) {
    appendAll(
      diagnostics,
      rule({
        segments: tx.segments,
        delimiters,
        location,
        loopOf: (segment) => walk.loopOf(segment)?.loopId || undefined,
      }),
    );
  }
  return diagnostics;
}

/** The allowed ST01/version pairs, named instead of the received ones (input is never echoed). */
function supportedGuides(): string {
  return allGuides()
    .map((guide) => `${guide.schema.transactionSet} ${guide.schema.version}`)
    .join(', ');
}

/** push(...many) overflows the call stack on hostile input with hundreds of thousands of diagnostics. */
function appendAll(target: Diagnostic[], items: readonly Diagnostic[]): void {
  for (const item of items) target.push(item);
}
