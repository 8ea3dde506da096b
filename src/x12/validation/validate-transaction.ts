/**
 * Validate one transaction set (ST..SE) against its implementation guide: the schema walker (SNIP 2
 * loop/segment structure), element validation (SNIP 1/2) and the guide's rules (SNIP 3/4).
 */
import type { FunctionalGroup, Interchange, TransactionSet } from '../envelope/types';
import type { Diagnostic, DiagnosticLocation } from '../syntax/types';
import { guideFor } from '../transactions';

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
      {
        severity: 'warning',
        code: 'X12-IG-UNKNOWN-GUIDE',
        message: `No implementation guide registered for transaction set ${safeToken(tx.id)} version ${safeToken(tx.version)}`,
        snip: 2,
        location: { ...location, segmentId: 'ST', element: 'ST03' },
      },
    ];
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of guide.rules) {
    diagnostics.push(
      ...rule({
        segments: tx.segments,
        delimiters: context.interchange.delimiters,
        location,
        loopOf: () => undefined,
      }),
    );
  }
  return diagnostics;
}

/** ST01/ST03 are envelope identifiers, not PHI; still keep only a short alphanumeric token. */
function safeToken(value: string): string {
  let out = '';
  for (const ch of value.slice(0, 15)) if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z')) out += ch;
  return out;
}
