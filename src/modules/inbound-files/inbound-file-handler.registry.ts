// Where processing of a stored inbound file goes, by kind. Modules that consume files (acknowledgments for
// TA1/999/277CA; later remittance for 835, eligibility for 271) register a handler from their onModuleInit;
// InboundFilesService.process hands each file to the handler of its kind inside one transaction.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import type { Interchange } from '../../x12';
import type { InboundFileEntity, InboundFileKind } from './inbound-file.entity';

export type InboundFileHandlerResult =
  | {
      outcome: 'applied';
      /**
       * Organisations whose transmissions the file matched. For a shared partner's file, an admin may
       * download its bytes only when every matched organisation is theirs; omitted: nobody may.
       */
      matchedOrgIds?: readonly string[];
    }
  | {
      outcome: 'quarantined';
      /** Stable reason code, e.g. ACK_UNMATCHED_ISA13 (at most 60 characters). */
      code: string;
      /** Position and control numbers only, never element values (at most 500 characters). */
      detail: string;
      matchedOrgIds?: readonly string[];
    };

export interface InboundFileHandler {
  /** The kinds this handler processes; one handler per kind. */
  readonly kinds: readonly InboundFileKind[];
  /**
   * Applies the file inside the caller's transaction (`manager`): write only through it, do no network I/O,
   * and throw to roll everything back (the file then stays as it was, for a later reprocess; throw
   * ProcessLaterError when waiting is all it needs).
   * `interchanges` is the engine's reading of `file.bytes` (envelope already checked: no envelope errors).
   */
  handle(
    manager: EntityManager,
    file: InboundFileEntity,
    interchanges: readonly Interchange[],
  ): Promise<InboundFileHandlerResult>;
}

/**
 * Thrown by a handler when the file cannot be applied yet but will be without anyone's help, e.g. an
 * acknowledgment for a transmission whose delivery is still being recorded. The transaction rolls back, the
 * attempt is not counted against the automatic retries, and the file stays stored for the next tick.
 */
export class ProcessLaterError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'conflict', message);
  }
}

/** A second handler for the same kind: a wiring mistake, caught at boot. */
export class DuplicateInboundFileHandlerError extends Error {
  constructor(kind: InboundFileKind) {
    super(`an inbound file handler for ${kind} is already registered`);
    this.name = 'DuplicateInboundFileHandlerError';
  }
}

@Injectable()
export class InboundFileHandlerRegistry {
  private readonly handlers = new Map<InboundFileKind, InboundFileHandler>();

  register(handler: InboundFileHandler): void {
    for (const kind of handler.kinds) {
      if (this.handlers.has(kind)) throw new DuplicateInboundFileHandlerError(kind);
    }
    for (const kind of handler.kinds) this.handlers.set(kind, handler);
  }

  handlerFor(kind: InboundFileKind): InboundFileHandler | undefined {
    return this.handlers.get(kind);
  }

  registeredKinds(): InboundFileKind[] {
    return [...this.handlers.keys()];
  }
}
