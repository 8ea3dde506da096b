// Coded SFTP failures. Each code says whether a later attempt may succeed (retryable) and each error
// instance says whether the remote outcome is unknown (the request that would have made the file visible to
// the partner was sent but its answer never came): such a delivery goes to in-doubt, never to a blind resend.
// Messages carry codes, operations and remote file names only, never file contents (raw X12 is PHI).

export const SFTP_ERROR_CODES = [
  'CONNECT_REFUSED',
  'CONNECT_FAILED',
  'AUTH_FAILED',
  'HOST_KEY_MISMATCH',
  'TIMEOUT',
  'CONNECTION_LOST',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'REMOTE_TRUNCATED',
  'REMOTE_HASH_MISMATCH',
  'RENAME_REFUSED',
  'DELIVERY_CONFLICT',
  'PUBLISH_UNCONFIRMED',
  'FILE_TOO_LARGE',
  'REMOTE_FAILURE',
  'INVALID_REQUEST',
] as const;

export type SftpErrorCode = (typeof SFTP_ERROR_CODES)[number];

export type SftpOperation =
  | 'connect'
  | 'stat'
  | 'put'
  | 'get'
  | 'rename'
  | 'chmod'
  | 'list'
  | 'delete'
  | 'close'
  | 'deliver'
  | 'collect';

/** Whether a later attempt with the same configuration can succeed. */
export function isRetryableSftpCode(code: SftpErrorCode): boolean {
  switch (code) {
    case 'CONNECT_REFUSED':
    case 'CONNECT_FAILED':
    case 'TIMEOUT':
    case 'CONNECTION_LOST':
    case 'REMOTE_TRUNCATED':
    case 'REMOTE_HASH_MISMATCH':
    case 'REMOTE_FAILURE':
      return true;
    // Configuration or partner-side problems: retrying cannot help until someone changes something.
    case 'AUTH_FAILED':
    case 'HOST_KEY_MISMATCH':
    case 'PERMISSION_DENIED':
    case 'NOT_FOUND':
    case 'RENAME_REFUSED':
    case 'DELIVERY_CONFLICT':
    case 'PUBLISH_UNCONFIRMED': // published earlier, gone now: only an admin can say whether it arrived
    case 'FILE_TOO_LARGE':
    case 'INVALID_REQUEST':
      return false;
  }
}

export interface SftpErrorDetails {
  operation: SftpOperation;
  remotePath?: string;
  outcomeUnknown?: boolean;
  /** The underlying library's error code (SFTP status number or errno name), for diagnostics. */
  causeCode?: string | number;
}

export class SftpError extends Error {
  override readonly name = 'SftpError';
  readonly code: SftpErrorCode;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  readonly operation: SftpOperation;
  readonly remotePath?: string;
  readonly causeCode?: string | number;
  /** The message without the code and operation prefix. */
  readonly detail: string;

  constructor(code: SftpErrorCode, detail: string, details: SftpErrorDetails) {
    super(`${code}: ${details.operation}${details.remotePath ? ` ${details.remotePath}` : ''}: ${detail}`);
    this.code = code;
    this.detail = detail;
    this.retryable = isRetryableSftpCode(code);
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.operation = details.operation;
    this.remotePath = details.remotePath;
    this.causeCode = details.causeCode;
  }

  /** The same failure, marked in-doubt: the partner may or may not have the file. */
  withOutcomeUnknown(): SftpError {
    if (this.outcomeUnknown) return this;
    const copy = new SftpError(this.code, `${this.detail} (outcome unknown)`, {
      operation: this.operation,
      remotePath: this.remotePath,
      causeCode: this.causeCode,
      outcomeUnknown: true,
    });
    copy.stack = this.stack;
    return copy;
  }
}

export function isSftpError(error: unknown): error is SftpError {
  return error instanceof SftpError;
}

/** What the connection knew when a call failed; the raw error is the underlying ssh2 event, if any. */
export interface FailureContext {
  operation: SftpOperation;
  remotePath?: string;
  hostKeyRejected: boolean;
  /** The last 'error' event of the ssh2 client during this call (carries `level`). */
  transportError?: { message?: string; level?: string; code?: unknown };
  /** The transport closed during this call. */
  connectionClosed: boolean;
}

// SFTP status codes (draft-ietf-secsh-filexfer-02) as ssh2 reports them in `err.code`.
const SSH_FX_NO_SUCH_FILE = 2;
const SSH_FX_PERMISSION_DENIED = 3;
const SSH_FX_FAILURE = 4;
const SSH_FX_NO_CONNECTION = 6;
const SSH_FX_CONNECTION_LOST = 7;
const SSH_FX_OP_UNSUPPORTED = 8;

const CONNECTION_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_NOT_CONNECTED']);
const UNREACHABLE_ERRNOS = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps a failure of ssh2 / ssh2-sftp-client to a coded SftpError. Pure, so it is unit-tested. */
export function classifySftpFailure(error: unknown, context: FailureContext): SftpError {
  if (isSftpError(error)) return error;
  const details = (causeCode?: unknown): SftpErrorDetails => ({
    operation: context.operation,
    remotePath: context.remotePath,
    causeCode: typeof causeCode === 'string' || typeof causeCode === 'number' ? causeCode : undefined,
  });
  const code = codeOf(error);
  const transport = context.transportError;

  if (context.hostKeyRejected) {
    return new SftpError(
      'HOST_KEY_MISMATCH',
      'server host key does not match the pinned fingerprint',
      details(),
    );
  }
  if (transport?.level === 'client-authentication') {
    return new SftpError('AUTH_FAILED', 'authentication failed', details());
  }
  if (transport?.level === 'client-timeout') {
    return new SftpError('TIMEOUT', transport.message ?? 'timed out', details());
  }
  if (code === 'ECONNREFUSED' || transport?.code === 'ECONNREFUSED') {
    return new SftpError('CONNECT_REFUSED', 'connection refused', details('ECONNREFUSED'));
  }
  if (typeof code === 'string' && UNREACHABLE_ERRNOS.has(code)) {
    return new SftpError('CONNECT_FAILED', 'host unreachable', details(code));
  }
  if (code === 'ETIMEDOUT') {
    return new SftpError('TIMEOUT', 'timed out', details(code));
  }
  if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) {
    return new SftpError('CONNECTION_LOST', 'connection lost', details(code));
  }
  switch (code) {
    case SSH_FX_PERMISSION_DENIED:
      return context.operation === 'rename'
        ? new SftpError('RENAME_REFUSED', 'the server refused the rename', details(code))
        : new SftpError('PERMISSION_DENIED', 'permission denied', details(code));
    case SSH_FX_OP_UNSUPPORTED:
      return context.operation === 'rename'
        ? new SftpError('RENAME_REFUSED', 'the server does not support rename', details(code))
        : new SftpError('REMOTE_FAILURE', 'operation unsupported', details(code));
    case SSH_FX_NO_SUCH_FILE:
    case 'ENOENT':
      return new SftpError('NOT_FOUND', 'no such file or directory', details(code));
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
      return new SftpError('CONNECTION_LOST', 'connection lost', details(code));
    case SSH_FX_FAILURE:
      if (!context.connectionClosed) return new SftpError('REMOTE_FAILURE', 'server failure', details(code));
      break;
    default:
      break;
  }
  const message = messageOf(error);
  if (
    context.connectionClosed ||
    /Unexpected (close|end) event|No SFTP connection|Not connected|socket hang up/i.test(message) ||
    (transport !== undefined && transport.level === 'client-socket')
  ) {
    return new SftpError('CONNECTION_LOST', 'connection lost', details(code));
  }
  if (context.operation === 'connect' && /handshake|Timed out while waiting/i.test(message)) {
    return new SftpError('TIMEOUT', 'handshake timed out', details(code));
  }
  return new SftpError('REMOTE_FAILURE', 'unclassified SFTP failure', details(code));
}
