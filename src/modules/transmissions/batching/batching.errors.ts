import { DomainError } from '../../../common/errors/domain-error';

/**
 * The 837 built for a group of claims failed the engine's validation, so it was not stored: the claims stay
 * queued and no control number is used up. Details carry diagnostic codes and positions only (never values).
 */
export class BatchFileInvalidError extends DomainError {
  constructor(readonly diagnosticCodes: readonly string[]) {
    super(
      'batch_837_invalid',
      'unprocessable',
      'The 837 built for these claims fails validation; nothing was stored.',
      {
        diagnosticCodes: [...diagnosticCodes],
      },
    );
  }
}

/** The engine's writer refused the claims or the partner's envelope settings (a field is missing or too long). */
export class BatchFileUnwritableError extends DomainError {
  constructor(
    readonly engineCode: string,
    readonly element: string | undefined,
  ) {
    super(
      'batch_837_unwritable',
      'unprocessable',
      'The 837 for these claims cannot be written; nothing was stored.',
      {
        engineCode,
        element: element ?? null,
      },
    );
  }
}

/**
 * Claims the batch had locked were no longer waiting when it linked them (a claim may never be in two live
 * transmissions): the transaction is rolled back.
 */
export class BatchClaimsMovedError extends DomainError {
  constructor(expected: number, linked: number) {
    super(
      'batch_claims_moved',
      'conflict',
      'Claims changed while the batch was being built; nothing was stored.',
      {
        expected,
        linked,
      },
    );
  }
}
