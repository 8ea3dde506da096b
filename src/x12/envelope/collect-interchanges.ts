/** Turns envelope events back into the whole read model (Interchange > FunctionalGroup > TransactionSet). */
import type { Diagnostic } from '../syntax/types';
import type { EnvelopeEvent } from './envelope-events';
import type { FunctionalGroup, Interchange } from './types';

/** Default cap on collected diagnostics: a hostile file must not turn into millions of objects. */
export const DEFAULT_MAX_DIAGNOSTICS = 10_000;

/** Cut-off envelopes are reported even past the cap: a truncated file is never silent. */
const ALWAYS_KEPT = new Set(['X12-ENV-SE-MISSING', 'X12-ENV-GE-MISSING', 'X12-ENV-IEA-MISSING']);

export class InterchangeCollector {
  readonly interchanges: Interchange[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private interchange: Interchange | null = null;
  private group: FunctionalGroup | null = null;
  private dropped = 0;

  constructor(private readonly maxDiagnostics: number = DEFAULT_MAX_DIAGNOSTICS) {}

  private keep(diagnostic: Diagnostic): void {
    if (
      this.diagnostics.length - (this.dropped > 0 ? 1 : 0) < this.maxDiagnostics ||
      ALWAYS_KEPT.has(diagnostic.code)
    ) {
      this.diagnostics.push(diagnostic);
      return;
    }
    if (this.dropped++ === 0) {
      this.diagnostics.push({
        severity: 'error',
        code: 'X12-TOO-MANY-DIAGNOSTICS',
        message: `More than ${this.maxDiagnostics} diagnostics: further ones were dropped.`,
        snip: 1,
        location: { ...diagnostic.location },
      });
    }
  }

  readonly accept = (event: EnvelopeEvent): void => {
    switch (event.kind) {
      case 'diagnostic':
        this.keep(event.diagnostic);
        return;
      case 'interchange-start':
        this.interchange = { ...event.interchange, ta1: [], groups: [] };
        this.interchanges.push(this.interchange);
        return;
      case 'ta1':
        this.interchange?.ta1.push(event.segment);
        return;
      case 'group-start':
        this.group = { ...event.group, transactions: [] };
        this.interchange?.groups.push(this.group);
        return;
      case 'transaction':
        this.group?.transactions.push(event.transaction);
        return;
      case 'group-end':
        if (this.group && event.trailer) this.group.trailer = event.trailer;
        this.group = null;
        return;
      case 'interchange-end':
        if (this.interchange && event.trailer) this.interchange.trailer = event.trailer;
        this.interchange = null;
        return;
    }
  };
}
