/** Turns envelope events back into the whole read model (Interchange > FunctionalGroup > TransactionSet). */
import type { Diagnostic } from '../syntax/types';
import type { EnvelopeEvent } from './envelope-events';
import type { FunctionalGroup, Interchange } from './types';

export class InterchangeCollector {
  readonly interchanges: Interchange[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private interchange: Interchange | null = null;
  private group: FunctionalGroup | null = null;

  readonly accept = (event: EnvelopeEvent): void => {
    switch (event.kind) {
      case 'diagnostic':
        this.diagnostics.push(event.diagnostic);
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
