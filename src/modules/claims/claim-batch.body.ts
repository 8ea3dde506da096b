import { ValidationFailedError } from '../../common/errors/domain-error';
import { claimKindOf, type SubmittedClaim } from './claim-intake.mapper';
import type { IntakeItem } from './claim-intake.service';

/**
 * The batch body `{ "claims": [ {...}, ... ] }`, checked by hand instead of by the global ValidationPipe:
 * the pipe would deep-copy thousands of claims through class-transformer only to check the container, and
 * each claim is checked by the claim edits anyway (a result per claim instead of one 400 for the batch).
 */
export function claimBatchItems(body: unknown): IntakeItem[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailedError([
      { path: '$', code: 'isObject', message: 'The body must be a JSON object.' },
    ]);
  }
  const unknown = Object.keys(body).filter((key) => key !== 'claims');
  if (unknown.length > 0) {
    // Field names are the caller's keys: report how many, not which (they could be anything).
    throw new ValidationFailedError([
      {
        path: '$',
        code: 'whitelistValidation',
        message: `The body has ${unknown.length} unknown field(s); only "claims" is allowed.`,
      },
    ]);
  }
  const claims = (body as { claims?: unknown }).claims;
  if (!Array.isArray(claims)) {
    throw new ValidationFailedError([
      { path: '$.claims', code: 'isArray', message: 'claims must be an array.' },
    ]);
  }
  const items: IntakeItem[] = [];
  for (let index = 0; index < claims.length; index++) {
    const claim = claims[index] as unknown;
    if (claim === null || typeof claim !== 'object' || Array.isArray(claim)) {
      throw new ValidationFailedError([
        { path: `$.claims[${index}]`, code: 'isObject', message: 'Each claim must be a JSON object.' },
      ]);
    }
    items.push({ kind: claimKindOf(claim as SubmittedClaim), claim: claim as SubmittedClaim });
  }
  return items;
}
