/**
 * Domain errors: a stable machine-readable `code` and a `kind` that the one exception filter maps to an HTTP
 * status. Services and repositories throw these, never HTTP exceptions. Messages must not contain PHI: name
 * fields and ids, never values.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'payload_too_large' // 413
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

export interface ErrorDetail {
  /** JSON path (`$.claims[3].serviceLines[0].procedureCode`) or field name; never a value. */
  path?: string;
  code?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: readonly ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: readonly ErrorDetail[], message = 'The request is invalid.') {
    super('validation_failed', 'invalid', message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(objectType: string, code = `${objectType}_not_found`) {
    super(code, 'not_found', `No such ${objectType.replace(/_/g, ' ')}.`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'conflict', message, details);
  }
}

export class AuthenticationError extends DomainError {
  constructor(code: 'api_key_missing' | 'api_key_invalid' | 'api_key_revoked', message: string) {
    super(code, 'unauthenticated', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'forbidden', message = 'This API key may not perform this action.') {
    super(code, 'forbidden', message);
  }
}

export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
