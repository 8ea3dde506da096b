// Which database failures are worth a new try on a fresh connection.

/** SQLSTATEs worth a new try: connection lost or refused, the server shutting down, a lost race to lock. */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '40001', '40P01', '53300']);
const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** A database failure that a new connection may not meet again (as opposed to a bug or a bad statement). */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const driver = (error as { driverError?: unknown }).driverError;
  const code = (driver as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  if (typeof code === 'string')
    return code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SOCKET_CODES.has(code);
  // node-postgres reports a socket closed under a query without a code.
  const message = driver instanceof Error ? driver.message : error.message;
  return /connection terminated|connection ended|server closed the connection/i.test(message);
}
