// Shared helpers for the SFTP fault tests: connection options for a test sshd and synthetic, PHI-free bytes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { SftpConnectionOptions } from '../../src/modules/transmissions/sftp';
import type { TestSshd } from './sshd';

export function connectionOptions(
  sshd: TestSshd,
  overrides: Partial<SftpConnectionOptions> = {},
): SftpConnectionOptions {
  return {
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    keepaliveIntervalMs: 1_000,
    keepaliveCountMax: 3,
    connectTimeoutMs: 10_000,
    operationTimeoutMs: 10_000,
    ...overrides,
  };
}

/** A synthetic interchange-like payload of about `size` bytes (random filler, no PHI). */
export function syntheticFile(size: number): { bytes: Buffer; sha256: string } {
  const bytes = size <= 4096 ? Buffer.from(syntheticInterchange(size)) : randomBytes(size);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function syntheticInterchange(size: number): string {
  const head =
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*^*00501*000000001*0*T*:~';
  const tail = 'IEA*1*000000001~';
  const filler = 'NTE*' + 'X'.repeat(Math.max(0, size - head.length - tail.length - 5)) + '~';
  return head + filler + tail;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Awaits a promise expected to reject and returns the rejection (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** Resolves once a local file (the server side of an upload) has at least minBytes; fails after timeoutMs. */
export async function waitForGrowingFile(
  path: string,
  minBytes: number,
  timeoutMs = 10_000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const size = existsSync(path) ? statSync(path).size : -1;
    if (size >= minBytes) return size;
    if (Date.now() - started > timeoutMs) throw new Error(`${path} did not reach ${minBytes} bytes`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
