import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('have a visible prefix, a 256-bit base64url secret, and a SHA-256 hash', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(prefix).toMatch(/^x12gw_live_[A-Za-z0-9]{8}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(Buffer.from(key.slice(prefix.length + 1), 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toBe(hash);
    expect(looksLikeApiKey(key)).toBe(true);
  });

  it('are unique', () => {
    const keys = new Set(Array.from({ length: 500 }, () => generateApiKey().key));
    const prefixes = new Set([...keys].map((k) => k.slice(0, 19)));
    expect(keys.size).toBe(500);
    expect(prefixes.size).toBe(500);
  });

  it('reject other shapes before any database lookup', () => {
    const { key } = generateApiKey();
    for (const bad of [
      '',
      'x12gw_live_',
      key.slice(0, -1),
      `${key}x`,
      key.replace('live', 'test'),
      ` ${key}`,
    ]) {
      expect(looksLikeApiKey(bad)).toBe(false);
    }
  });
});
