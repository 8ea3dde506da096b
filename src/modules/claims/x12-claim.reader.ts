/**
 * The raw 837 path: the X12 engine reads and validates the file; a file with engine errors is refused with
 * the engine's diagnostics (codes and places, never values); otherwise each claim of each 837 becomes an
 * intake item in the same JSON claim shape as the API's, so one rule set (the claim edits) applies to both.
 */
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { hasErrors, validateX12 } from '../../x12/read';
import { X12Error, type Diagnostic } from '../../x12/syntax/types';
import type { Interchange } from '../../x12/envelope/types';
import type { IntakeItem } from './claim-intake.service';
import { claimsOf837 } from './claim-837.mapper';

/** Diagnostics returned to the caller: at most this many (the rest are counted). */
export const MAX_RETURNED_DIAGNOSTICS = 200;

export class X12RejectedError extends DomainError {
  constructor(
    diagnostics: readonly Diagnostic[],
    code = 'x12_rejected',
    message = 'The X12 engine rejected the file.',
  ) {
    super(code, 'unprocessable', message, {
      diagnosticCount: diagnostics.length,
      diagnostics: diagnostics.slice(0, MAX_RETURNED_DIAGNOSTICS).map((diagnostic) => ({
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message,
        location: diagnostic.location,
      })),
    });
  }
}

@Injectable()
export class X12ClaimReader {
  read(text: string, maxBytes = 64 * 1024 * 1024): IntakeItem[] {
    let interchanges: Interchange[];
    let diagnostics: Diagnostic[];
    try {
      ({ value: interchanges, diagnostics } = validateX12(text, { maxBytes }));
    } catch (error) {
      if (error instanceof X12Error) {
        // The engine's own message names the problem, never the input's content.
        throw new X12RejectedError(
          [{ severity: 'error', code: error.code, message: error.message, location: error.location }],
          'x12_unreadable',
          'The body is not a readable X12 interchange.',
        );
      }
      throw error;
    }
    if (hasErrors(diagnostics)) throw new X12RejectedError(diagnostics.filter((d) => d.severity === 'error'));
    const items: IntakeItem[] = [];
    const others: Diagnostic[] = [];
    for (const interchange of interchanges) {
      for (const group of interchange.groups) {
        for (const transaction of group.transactions) {
          const read = claimsOf837(transaction, interchange);
          if (read === undefined) {
            others.push({
              severity: 'error',
              code: 'X12-NOT-837',
              message: 'The transaction set is not an 837P (005010X222A1) or 837I (005010X223A2).',
              location: {
                interchangeControlNumber: interchange.controlNumber,
                groupControlNumber: group.controlNumber,
                transactionControlNumber: transaction.controlNumber,
                segmentId: 'ST',
                element: 'ST01',
              },
            });
            continue;
          }
          others.push(...read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
          items.push(...read.items);
        }
      }
    }
    if (others.length > 0) throw new X12RejectedError(others);
    if (items.length === 0) throw new X12RejectedError([], 'x12_no_claims', 'The file holds no 837 claims.');
    return items;
  }
}
