/**
 * Structured JSON logs (pino), one object per line. PHI never goes in: log ids, codes, counts and positions.
 * The redaction list below is the safety net for credentials that might end up in a logged object anyway.
 */
import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../../config/config';

export type GatewayLogger = Logger;

/** Injection token for the root pino logger. */
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');

/** Paths pino replaces with "[redacted]" wherever they appear (one or two levels deep). */
export const REDACTED_PATHS = [
  'authorization',
  'password',
  'secret',
  'apiKey',
  'key',
  'token',
  'secretsKey',
  'databaseUrl',
  'privateKey',
  'passphrase',
  'headers.authorization',
  'headers.cookie',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.key',
  '*.token',
  '*.privateKey',
  '*.passphrase',
  '*.headers.authorization',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): GatewayLogger {
  return pino(
    {
      level,
      base: { service: 'x12-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Errors are logged by name and code only: a message may quote a value (pg echoes key values).
      serializers: { err: serializeError },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** An error as { type, code }, without message or stack (they may carry PHI from a query). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const out: Record<string, unknown> = { type: error.name };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  return out;
}
