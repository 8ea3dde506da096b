import { BadRequestException, NotFoundException, type ValidationError } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../errors/domain-error';
import { toErrorResponse } from './exception.filter';
import { flattenValidationErrors } from './validation';

describe('toErrorResponse', () => {
  it('maps domain error kinds to statuses and keeps code, message and details', () => {
    expect(toErrorResponse(new NotFoundError('claim'), 'r1')).toEqual({
      status: 404,
      body: { error: { code: 'claim_not_found', message: 'No such claim.', requestId: 'r1' } },
    });
    expect(toErrorResponse(new ConflictError('idempotency_key_reused', 'x'), 'r').status).toBe(409);
    const invalid = toErrorResponse(new ValidationFailedError([{ path: '$.a', message: 'm' }]), 'r');
    expect(invalid).toMatchObject({ status: 400, body: { error: { details: [{ path: '$.a' }] } } });
    expect(toErrorResponse(new DomainError('busy', 'unavailable', 'later'), 'r').status).toBe(503);
  });

  it('never echoes framework or driver messages', () => {
    const parse = Object.assign(new SyntaxError('Unexpected token in {"name":"CANARY"}'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
    });
    const driver = new QueryFailedError(
      'INSERT ...',
      ['CANARY'],
      new Error('Key (name)=(CANARY) already exists'),
    );
    const route = new NotFoundException('Cannot GET /v1/x?ssn=CANARY');
    for (const error of [
      parse,
      tooLarge,
      driver,
      route,
      new BadRequestException('CANARY'),
      new Error('CANARY'),
    ]) {
      expect(JSON.stringify(toErrorResponse(error, 'r'))).not.toContain('CANARY');
    }
    expect(toErrorResponse(parse, 'r').body.error.code).toBe('malformed_body');
    expect(toErrorResponse(tooLarge, 'r')).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(toErrorResponse(driver, 'r')).toMatchObject({
      status: 500,
      body: { error: { code: 'internal_error' } },
    });
    expect(toErrorResponse(route, 'r')).toMatchObject({
      status: 404,
      body: { error: { code: 'route_not_found' } },
    });
  });
});

describe('flattenValidationErrors', () => {
  it('gives JSON paths for nested and array properties, without values', () => {
    const error = (
      property: string,
      constraints?: Record<string, string>,
      children: ValidationError[] = [],
    ) => ({ property, constraints, children, value: 'CANARY' }) as ValidationError;
    const details = flattenValidationErrors([
      error('claims', undefined, [
        error('0', undefined, [error('total', { isNumberString: 'total must be a number' })]),
      ]),
      error('role', { isIn: 'role must be one of admin' }),
    ]);
    expect(details).toEqual([
      { path: '$.claims[0].total', code: 'isNumberString', message: 'total must be a number' },
      { path: '$.role', code: 'isIn', message: 'role must be one of admin' },
    ]);
    expect(JSON.stringify(details)).not.toContain('CANARY');
  });
});
