/**
 * The sandbox payer's long-lived secrets, generated once under DATA_DIR/sandbox and reused, so the trading
 * partner pinned at the first boot keeps working after a restart: the ed25519 host key (its SHA-256
 * fingerprint is what the gateway pins) and the gateway login's password. Files are mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { sha256Fingerprint } from '../modules/transmissions/sftp/host-key';

export const HOST_KEY_FILE = 'ssh_host_ed25519_key';
export const PASSWORD_FILE = 'gateway-login-password';

export interface SandboxHostKey {
  /** OpenSSH private key text. */
  privateKey: string;
  /** `SHA256:<base64>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** Writes a file that must not exist yet, mode 0600 (flag wx: two processes never both win). */
function writeSecretFile(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

function ensureDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
}

/** The fingerprint of a private or public key's public half. */
export function fingerprintOf(key: string | Buffer): string {
  const parsed = utils.parseKey(key);
  if (parsed instanceof Error) throw new Error('the sandbox key is unreadable');
  return sha256Fingerprint(parsed.getPublicSSH());
}

const HOST_KEY_ATTEMPTS = 10;

function generateHostKey(): string {
  return utils.generateKeyPairSync('ed25519', { comment: 'x12-gateway sandbox payer' }).private;
}

/**
 * A new ed25519 private key that ssh2 can read back. ssh2 1.x's generateKeyPairSync('ed25519') writes
 * a key its own parseKey rejects as malformed about once in 250 (measured: 12 of 3,000), which made the
 * sandbox fail to start; such a key is discarded and another generated.
 */
export function generateReadableHostKey(generate: () => string = generateHostKey): string {
  for (let attempt = 0; attempt < HOST_KEY_ATTEMPTS; attempt++) {
    const privateKey = generate();
    if (!(utils.parseKey(privateKey) instanceof Error)) return privateKey;
  }
  throw new Error('could not generate a readable sandbox host key');
}

/** Reads DATA_DIR/sandbox's host key, generating an ed25519 key on first use. */
export function loadOrCreateHostKey(directory: string): SandboxHostKey {
  ensureDirectory(directory);
  const path = join(directory, HOST_KEY_FILE);
  if (!existsSync(path)) {
    try {
      writeSecretFile(path, generateReadableHostKey());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = readFileSync(path, 'utf8');
  return { privateKey, fingerprint: fingerprintOf(privateKey) };
}

/** Reads the gateway login's password, generating a random one on first use. */
export function loadOrCreatePassword(directory: string): string {
  ensureDirectory(directory);
  const path = join(directory, PASSWORD_FILE);
  if (!existsSync(path)) {
    try {
      writeSecretFile(path, `${randomBytes(24).toString('base64url')}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}
