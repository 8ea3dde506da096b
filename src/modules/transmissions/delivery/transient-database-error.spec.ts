import { QueryFailedError } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { isTransientDatabaseError } from './transient-database-error';

function failed(code: string | undefined, message = 'failed'): QueryFailedError {
  const driverError = Object.assign(new Error(message), code === undefined ? {} : { code });
  return new QueryFailedError('UPDATE transmissions SET ...', [], driverError);
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['40001', 'could not serialize access'],
    ['40P01', 'deadlock detected'],
  ])('retries SQLSTATE %s (%s)', (code, message) => {
    expect(isTransientDatabaseError(failed(code, message))).toBe(true);
  });

  it('retries a socket closed under a query, which node-postgres reports without a code', () => {
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError(failed(undefined, 'Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('read'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('does not retry a bad statement, a constraint, a bug or a domain error', () => {
    expect(isTransientDatabaseError(failed('23505', 'duplicate key'))).toBe(false);
    expect(isTransientDatabaseError(failed('42P01', 'relation does not exist'))).toBe(false);
    expect(isTransientDatabaseError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientDatabaseError(new DomainError('transmission_state_conflict', 'conflict', 'no'))).toBe(
      false,
    );
    expect(isTransientDatabaseError('not an error')).toBe(false);
  });
});
