// Partner SFTP credentials at rest: AES-256-GCM under SECRETS_KEY, a fresh 12-byte IV per encryption, and the
// partner id as additional authenticated data, so a ciphertext copied onto another partner's row does not
// decrypt. Stored layout: iv (12) | tag (16) | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** The stored credential cannot be decrypted (another SECRETS_KEY, or the bytes were altered). No values. */
export class PartnerCredentialUnreadableError extends DomainError {
  constructor(readonly partnerId: string) {
    super(
      'partner_credential_unreadable',
      'unprocessable',
      'The trading partner credential cannot be decrypted with the configured SECRETS_KEY.',
      { partnerId },
    );
  }
}

function keyBytes(secretsKeyBase64: string): Buffer {
  const key = Buffer.from(secretsKeyBase64, 'base64');
  // loadConfig guarantees 32 bytes; a wrong length here is a programming error, never user input.
  if (key.length !== KEY_BYTES) throw new Error('SECRETS_KEY must decode to 32 bytes');
  return key;
}

export function encryptPartnerCredential(
  secretsKeyBase64: string,
  partnerId: string,
  plaintext: string,
): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secretsKeyBase64), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(partnerId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptPartnerCredential(
  secretsKeyBase64: string,
  partnerId: string,
  stored: Buffer,
): string {
  if (stored.length < IV_BYTES + TAG_BYTES) throw new PartnerCredentialUnreadableError(partnerId);
  const iv = stored.subarray(0, IV_BYTES);
  const tag = stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = stored.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(secretsKeyBase64), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(partnerId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    // OpenSSL's message says nothing useful and must not travel: one stable code instead.
    throw new PartnerCredentialUnreadableError(partnerId);
  }
}
