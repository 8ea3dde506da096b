import { isUuid } from '../../common/ids';

/**
 * Opaque keyset cursor over (created_at, id): base64url of `<epoch microseconds>.<uuid>`. Created-at
 * values are written by the gateway's clock (millisecond precision), so the round trip is exact.
 */
export function encodeCursor(position: { createdAt: Date; id: string }): string {
  return Buffer.from(`${position.createdAt.getTime()}.${position.id}`, 'utf8').toString('base64url');
}

/** The position, or undefined when the cursor is not one this gateway issued. */
export function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,15})\.([0-9a-fA-F-]{36})$/.exec(decoded);
  if (!match || !isUuid(match[2])) return undefined;
  return { createdAt: new Date(Number(match[1])), id: match[2].toLowerCase() };
}
