import { createHash } from 'node:crypto';
import { fingerprintsMatch, normaliseFingerprint, sha256Fingerprint } from './host-key';

describe('host key fingerprints', () => {
  const blob = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIJ3Z8nqM8G2s0uQZ0b5Qy2hQ8m8yQ3w0Qv0kz6m9XqQp', 'base64');
  const expected = 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');

  it('prints SHA256:base64 without padding, as ssh-keygen does', () => {
    expect(sha256Fingerprint(blob)).toBe(expected);
    expect(sha256Fingerprint(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('normalises prefix case and padding, and refuses MD5 or garbage', () => {
    const bare = expected.slice('SHA256:'.length);
    expect(normaliseFingerprint(bare)).toBe(expected);
    expect(normaliseFingerprint(`sha256:${bare}=`)).toBe(expected);
    expect(normaliseFingerprint(` ${expected} `)).toBe(expected);
    expect(normaliseFingerprint('16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48')).toBeUndefined();
    expect(normaliseFingerprint('')).toBeUndefined();
  });

  it('compares exactly', () => {
    expect(fingerprintsMatch(expected, expected)).toBe(true);
    expect(fingerprintsMatch(expected, expected.slice(0, -1) + 'A')).toBe(expected.endsWith('A'));
    expect(fingerprintsMatch(expected, 'SHA256:short')).toBe(false);
  });
});
