import {
  classifySftpFailure,
  FailureContext,
  isRetryableSftpCode,
  SFTP_ERROR_CODES,
  SftpError,
} from './sftp-errors';

const context = (overrides: Partial<FailureContext> = {}): FailureContext => ({
  operation: 'put',
  remotePath: 'outbound/.a.part',
  hostKeyRejected: false,
  connectionClosed: false,
  ...overrides,
});

const withCode = (message: string, code: unknown): Error => Object.assign(new Error(message), { code });

describe('classifySftpFailure', () => {
  it.each([
    [
      'ECONNREFUSED',
      withCode('connect ECONNREFUSED', 'ECONNREFUSED'),
      context({ operation: 'connect' }),
      'CONNECT_REFUSED',
    ],
    ['ENOTFOUND', withCode('getaddrinfo', 'ENOTFOUND'), context({ operation: 'connect' }), 'CONNECT_FAILED'],
    ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET'), context(), 'CONNECTION_LOST'],
    [
      'unexpected close',
      withCode('put: Unexpected close event', 'ERR_GENERIC_CLIENT'),
      context(),
      'CONNECTION_LOST',
    ],
    ['closed transport', new Error('whatever'), context({ connectionClosed: true }), 'CONNECTION_LOST'],
    ['SFTP permission denied', withCode('Permission denied', 3), context(), 'PERMISSION_DENIED'],
    [
      'permission denied on rename',
      withCode('Permission denied', 3),
      context({ operation: 'rename' }),
      'RENAME_REFUSED',
    ],
    [
      'unsupported rename',
      withCode('Operation unsupported', 8),
      context({ operation: 'rename' }),
      'RENAME_REFUSED',
    ],
    ['no such file', withCode('No such file', 2), context(), 'NOT_FOUND'],
    ['ENOENT', withCode('No such file', 'ENOENT'), context({ operation: 'stat' }), 'NOT_FOUND'],
    ['SFTP failure', withCode('Failure', 4), context({ operation: 'rename' }), 'REMOTE_FAILURE'],
    ['SFTP connection lost', withCode('Connection lost', 7), context(), 'CONNECTION_LOST'],
  ])('%s -> %s', (_name, error, failureContext, expected) => {
    expect(classifySftpFailure(error, failureContext).code).toBe(expected);
  });

  it('a rejected host key wins over the generic error it causes', () => {
    const error = classifySftpFailure(
      new Error('Host denied (verification failed)'),
      context({ hostKeyRejected: true }),
    );
    expect(error).toMatchObject({ code: 'HOST_KEY_MISMATCH', retryable: false });
  });

  it('uses the transport error level for authentication and keepalive timeouts', () => {
    const auth = context({
      operation: 'connect',
      transportError: {
        message: 'All configured authentication methods failed',
        level: 'client-authentication',
      },
    });
    expect(classifySftpFailure(new Error('x'), auth).code).toBe('AUTH_FAILED');
    const keepalive = context({ transportError: { message: 'Keepalive timeout', level: 'client-timeout' } });
    expect(classifySftpFailure(new Error('put: Keepalive timeout'), keepalive)).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
    });
  });

  it('passes an SftpError through unchanged', () => {
    const original = new SftpError('TIMEOUT', 'deadline', { operation: 'stat' });
    expect(classifySftpFailure(original, context())).toBe(original);
  });

  it('falls back to a retryable REMOTE_FAILURE', () => {
    expect(classifySftpFailure('odd', context())).toMatchObject({ code: 'REMOTE_FAILURE', retryable: true });
  });
});

describe('SftpError', () => {
  it('has a stable code-prefixed message without contents, and retryability from its code', () => {
    const error = new SftpError('REMOTE_TRUNCATED', 'remote size 10, expected 20', {
      operation: 'put',
      remotePath: 'outbound/.x.part',
    });
    expect(error.message).toBe('REMOTE_TRUNCATED: put outbound/.x.part: remote size 10, expected 20');
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: false });
  });

  it('withOutcomeUnknown marks in-doubt and keeps code, operation and path', () => {
    const error = new SftpError('CONNECTION_LOST', 'connection lost', {
      operation: 'rename',
      remotePath: 'o/x',
    });
    const doubtful = error.withOutcomeUnknown();
    expect(doubtful).toMatchObject({
      code: 'CONNECTION_LOST',
      operation: 'rename',
      remotePath: 'o/x',
      outcomeUnknown: true,
    });
    expect(doubtful.withOutcomeUnknown()).toBe(doubtful);
  });

  it('classifies every code as retryable or not', () => {
    const retryable = SFTP_ERROR_CODES.filter(isRetryableSftpCode);
    expect(retryable).toEqual([
      'CONNECT_REFUSED',
      'CONNECT_FAILED',
      'TIMEOUT',
      'CONNECTION_LOST',
      'REMOTE_TRUNCATED',
      'REMOTE_HASH_MISMATCH',
      'REMOTE_FAILURE',
    ]);
  });
});
