import { createHash, randomBytes } from 'node:crypto';
import { randomAlphanumeric } from '../../common/ids';

/**
 * Key format: `x12gw_live_` + 8 letters/digits (the visible prefix, stored in clear) + `_` + 32 random bytes
 * in base64url (43 characters). Only the SHA-256 of the whole key is stored. A 256-bit random secret needs no
 * slow hash: nobody can brute-force it.
 */
export const API_KEY_PREFIX_TAG = 'x12gw_live_';
const KEY_SHAPE = /^x12gw_live_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  /** The whole key: show it once, never store it. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = `${API_KEY_PREFIX_TAG}${randomAlphanumeric(8)}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}
