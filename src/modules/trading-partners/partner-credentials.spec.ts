import { randomBytes } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import {
  decryptPartnerCredential,
  encryptPartnerCredential,
  PartnerCredentialUnreadableError,
} from './partner-credentials';

const key = randomBytes(32).toString('base64');
const partnerId = '3f9a2d4e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const CANARY = 'CANARY-pässword-\u{1F511}-7d1e';

function unreadable(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCredentialUnreadableError);
    return error as DomainError;
  }
  throw new Error('expected decryption to fail');
}

describe('partner credentials (AES-256-GCM)', () => {
  it('round-trips a password and a PEM key, with layout iv(12) | tag(16) | ciphertext', () => {
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(300).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`;
    for (const secret of [CANARY, pem, 'x']) {
      const stored = encryptPartnerCredential(key, partnerId, secret);
      expect(stored.length).toBe(12 + 16 + Buffer.byteLength(secret, 'utf8'));
      expect(decryptPartnerCredential(key, partnerId, stored)).toBe(secret);
    }
  });

  it('uses a fresh IV every time and never stores the plaintext', () => {
    const a = encryptPartnerCredential(key, partnerId, CANARY);
    const b = encryptPartnerCredential(key, partnerId, CANARY);
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from(CANARY, 'utf8'))).toBe(false);
    expect(a.toString('latin1')).not.toContain('CANARY');
  });

  it('refuses another key with a stable code and no values in the error', () => {
    const stored = encryptPartnerCredential(key, partnerId, CANARY);
    const error = unreadable(() =>
      decryptPartnerCredential(randomBytes(32).toString('base64'), partnerId, stored),
    );
    expect(error.code).toBe('partner_credential_unreadable');
    expect(error.kind).toBe('unprocessable');
    expect(
      JSON.stringify({ message: error.message, details: error.details, stack: error.stack }),
    ).not.toContain('CANARY');
  });

  it('detects tampering anywhere: IV, tag, ciphertext, truncation', () => {
    const stored = encryptPartnerCredential(key, partnerId, CANARY);
    for (const position of [0, 11, 12, 27, 28, stored.length - 1]) {
      const tampered = Buffer.from(stored);
      tampered[position] ^= 0x01;
      unreadable(() => decryptPartnerCredential(key, partnerId, tampered));
    }
    unreadable(() => decryptPartnerCredential(key, partnerId, stored.subarray(0, stored.length - 1)));
    unreadable(() => decryptPartnerCredential(key, partnerId, stored.subarray(0, 20)));
    unreadable(() => decryptPartnerCredential(key, partnerId, Buffer.alloc(0)));
  });

  it('binds the ciphertext to the partner id (copied onto another partner it does not decrypt)', () => {
    const stored = encryptPartnerCredential(key, partnerId, CANARY);
    const otherPartner = 'aaaaaaaa-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    const error = unreadable(() => decryptPartnerCredential(key, otherPartner, stored));
    expect(error.details).toEqual({ partnerId: otherPartner });
    expect(decryptPartnerCredential(key, partnerId, stored)).toBe(CANARY);
  });
});
