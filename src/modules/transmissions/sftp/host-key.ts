import { createHash, timingSafeEqual } from 'node:crypto';

/** `SHA256:<base64 without padding>`, the form `ssh-keygen -l -E sha256` prints, of a raw SSH public key blob. */
export function sha256Fingerprint(publicKeyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '');
}

/**
 * Accepts `SHA256:abc...`, `sha256:abc...` or the bare base64 (with or without padding) and returns the
 * canonical `SHA256:abc...`; undefined when it is not a SHA-256 fingerprint (MD5 colon-hex is refused).
 */
export function normaliseFingerprint(fingerprint: string): string | undefined {
  const bare = fingerprint
    .trim()
    .replace(/^sha256:/i, '')
    .replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]{43}$/.test(bare)) return undefined;
  return `SHA256:${bare}`;
}

export function fingerprintsMatch(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
