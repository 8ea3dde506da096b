// One SFTP connection over ssh2-sftp-client, made safe for unattended use:
// - a new client per connection and one operation at a time (calls are queued);
// - the server's host key is pinned by its SHA-256 fingerprint;
// - keepalive, plus a deadline on every call: on expiry the connection is destroyed and the call fails
//   with TIMEOUT, because a stalled TCP connection otherwise hangs put() forever;
// - every failure is a coded SftpError (see sftp-errors.ts).
import { Writable } from 'node:stream';
import type { Client } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { fingerprintsMatch, normaliseFingerprint, sha256Fingerprint } from './host-key';
import { classifySftpFailure, SftpError, SftpOperation } from './sftp-errors';

export interface SftpConnectionOptions {
  host: string;
  port: number;
  username: string;
  /** Password or private key (OpenSSH/PEM); at least one. */
  password?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  /** The pinned server host key, `SHA256:<base64>` as ssh-keygen prints it. Required: no trust on first use. */
  hostKeyFingerprint: string;
  /** SSH keepalive interval; default 5 s. */
  keepaliveIntervalMs?: number;
  /** Unanswered keepalives before the connection is declared dead; default 3. */
  keepaliveCountMax?: number;
  /** Deadline for TCP connect + SSH handshake + authentication + SFTP subsystem; default 20 s. */
  connectTimeoutMs?: number;
  /** Deadline for one metadata call (stat, rename, list, delete) and the fixed part of a transfer; default 30 s. */
  operationTimeoutMs?: number;
  /** A transfer's deadline grows by its size at this rate; default 256 KiB/s. */
  minTransferBytesPerSecond?: number;
}

export interface RemoteFileStat {
  size: number;
  /** Permission bits (e.g. 0o600). */
  mode: number;
  isFile: boolean;
  isDirectory: boolean;
  modifyTimeMs: number;
}

export interface RemoteDirectoryEntry {
  name: string;
  /** '-' regular file, 'd' directory, 'l' symbolic link. */
  type: string;
  size: number;
  modifyTimeMs: number;
}

const DEFAULTS = {
  keepaliveIntervalMs: 5_000,
  keepaliveCountMax: 3,
  connectTimeoutMs: 20_000,
  operationTimeoutMs: 30_000,
  minTransferBytesPerSecond: 256 * 1024,
};

interface TransportError {
  message?: string;
  level?: string;
  code?: unknown;
}

class ByteLimitExceeded extends Error {}

/** Collects a download in memory and fails as soon as it exceeds the limit. */
class LimitedCollector extends Writable {
  readonly chunks: Buffer[] = [];
  total = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      callback(new ByteLimitExceeded('download exceeds the size limit'));
      return;
    }
    this.chunks.push(chunk);
    callback();
  }
}

export class SftpConnection {
  private readonly client: SftpClient;
  private queue: Promise<unknown> = Promise.resolve();
  private open = false;
  private closedDuringCall = false;
  private hostKeyRejected = false;
  private transportError: TransportError | undefined;
  private presentedFingerprint: string | undefined;
  private readonly settings: typeof DEFAULTS;

  private constructor(private readonly options: SftpConnectionOptions) {
    this.settings = {
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? DEFAULTS.keepaliveIntervalMs,
      keepaliveCountMax: options.keepaliveCountMax ?? DEFAULTS.keepaliveCountMax,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      operationTimeoutMs: options.operationTimeoutMs ?? DEFAULTS.operationTimeoutMs,
      minTransferBytesPerSecond: options.minTransferBytesPerSecond ?? DEFAULTS.minTransferBytesPerSecond,
    };
    // Quiet global listeners: failures surface through the calls, classified; nothing is printed.
    const ignore = (): void => undefined;
    this.client = new SftpClient('gateway', { error: ignore, end: ignore, close: ignore });
    const transport = this.transport();
    transport.on('error', (error: TransportError) => {
      this.transportError = { message: error.message, level: error.level, code: error.code };
    });
    transport.on('close', () => {
      this.open = false;
      this.closedDuringCall = true;
    });
  }

  /** Opens a new connection (new client); fails with a coded SftpError within connectTimeoutMs. */
  static async connect(options: SftpConnectionOptions): Promise<SftpConnection> {
    const expected = normaliseFingerprint(options.hostKeyFingerprint);
    if (expected === undefined) {
      throw new SftpError('INVALID_REQUEST', 'hostKeyFingerprint must be a SHA256 fingerprint', {
        operation: 'connect',
      });
    }
    if (options.password === undefined && options.privateKey === undefined) {
      throw new SftpError('INVALID_REQUEST', 'a password or a private key is required', {
        operation: 'connect',
      });
    }
    const connection = new SftpConnection(options);
    await connection.start(expected);
    return connection;
  }

  /** The fingerprint the server presented (after connect, or after a HOST_KEY_MISMATCH). */
  get serverFingerprint(): string | undefined {
    return this.presentedFingerprint;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** The underlying ssh2 Client (public in ssh2-sftp-client, missing from its type definitions). */
  private transport(): Client {
    return (this.client as unknown as { client: Client }).client;
  }

  private async start(expectedFingerprint: string): Promise<void> {
    const { options, settings } = this;
    const config = {
      host: options.host,
      port: options.port,
      username: options.username,
      password: options.password,
      privateKey: options.privateKey,
      passphrase: options.passphrase,
      tryKeyboard: false,
      keepaliveInterval: settings.keepaliveIntervalMs,
      keepaliveCountMax: settings.keepaliveCountMax,
      readyTimeout: settings.connectTimeoutMs,
      hostVerifier: (key: Buffer): boolean => {
        this.presentedFingerprint = sha256Fingerprint(key);
        const matches = fingerprintsMatch(expectedFingerprint, this.presentedFingerprint);
        if (!matches) this.hostKeyRejected = true;
        return matches;
      },
    };
    try {
      await this.withDeadline('connect', undefined, settings.connectTimeoutMs, async () => {
        await this.client.connect(config);
      });
    } catch (error) {
      this.destroy();
      const failure = error as SftpError;
      if (failure.code === 'HOST_KEY_MISMATCH') {
        throw new SftpError(
          'HOST_KEY_MISMATCH',
          `server presented ${this.presentedFingerprint ?? 'no key'}, expected ${expectedFingerprint}`,
          { operation: 'connect' },
        );
      }
      throw failure;
    }
    this.open = true;
  }

  private transferDeadline(bytes: number): number {
    return (
      this.settings.operationTimeoutMs + Math.ceil((bytes / this.settings.minTransferBytesPerSecond) * 1000)
    );
  }

  /** Runs calls one at a time, each under its own deadline. */
  private run<T>(
    operation: SftpOperation,
    remotePath: string,
    deadlineMs: number,
    work: () => Promise<T>,
  ): Promise<T> {
    const task = this.queue.then(() => {
      if (!this.open) {
        throw new SftpError('CONNECTION_LOST', 'the connection is closed', { operation, remotePath });
      }
      return this.withDeadline(operation, remotePath, deadlineMs, work);
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async withDeadline<T>(
    operation: SftpOperation,
    remotePath: string | undefined,
    deadlineMs: number,
    work: () => Promise<T>,
  ): Promise<T> {
    this.transportError = undefined;
    this.closedDuringCall = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.destroy();
        reject(
          new SftpError('TIMEOUT', `no answer within ${deadlineMs} ms; connection closed`, {
            operation,
            remotePath,
          }),
        );
      }, deadlineMs);
    });
    const attempt = work();
    // After a deadline the abandoned call may still settle; it must not become an unhandled rejection.
    attempt.catch(() => undefined);
    try {
      return await Promise.race([attempt, deadline]);
    } catch (error) {
      throw classifySftpFailure(error, {
        operation,
        remotePath,
        hostKeyRejected: this.hostKeyRejected,
        transportError: this.transportError,
        connectionClosed: this.closedDuringCall || (operation !== 'connect' && !this.open),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Attributes of a remote path (following symbolic links), or undefined when it does not exist. */
  stat(remotePath: string): Promise<RemoteFileStat | undefined> {
    return this.run('stat', remotePath, this.settings.operationTimeoutMs, async () => {
      try {
        const stats = await this.client.stat(remotePath);
        return {
          size: stats.size,
          mode: stats.mode & 0o7777,
          isFile: stats.isFile,
          isDirectory: stats.isDirectory,
          modifyTimeMs: stats.modifyTime,
        };
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      }
    });
  }

  /** Writes bytes to a remote path (created or truncated) with the given mode (default 0600). */
  put(remotePath: string, bytes: Buffer, mode = 0o600): Promise<void> {
    return this.run('put', remotePath, this.transferDeadline(bytes.length), async () => {
      await this.client.put(bytes, remotePath, { writeStreamOptions: { flags: 'w', mode } });
    });
  }

  /** Reads a whole remote file into memory; FILE_TOO_LARGE once it exceeds maxBytes. */
  get(remotePath: string, maxBytes: number): Promise<Buffer> {
    return this.run('get', remotePath, this.transferDeadline(maxBytes), async () => {
      const collector = new LimitedCollector(maxBytes);
      try {
        await this.client.get(remotePath, collector);
      } catch (error) {
        if (collector.total > maxBytes) {
          throw new SftpError('FILE_TOO_LARGE', `larger than ${maxBytes} bytes`, {
            operation: 'get',
            remotePath,
          });
        }
        throw error;
      }
      return Buffer.concat(collector.chunks);
    });
  }

  /** SSH_FXP_RENAME: never overwrites an existing target (the server answers Failure). */
  rename(fromPath: string, toPath: string): Promise<void> {
    return this.run('rename', toPath, this.settings.operationTimeoutMs, async () => {
      await this.client.rename(fromPath, toPath);
    });
  }

  chmod(remotePath: string, mode: number): Promise<void> {
    return this.run('chmod', remotePath, this.settings.operationTimeoutMs, async () => {
      await this.client.chmod(remotePath, mode);
    });
  }

  list(remoteDir: string): Promise<RemoteDirectoryEntry[]> {
    return this.run('list', remoteDir, this.settings.operationTimeoutMs, async () => {
      const entries = await this.client.list(remoteDir);
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.type,
        size: entry.size,
        modifyTimeMs: entry.modifyTime,
      }));
    });
  }

  /** Removes a remote file; a missing file is fine when missingOk. */
  delete(remotePath: string, missingOk = false): Promise<void> {
    return this.run('delete', remotePath, this.settings.operationTimeoutMs, async () => {
      await this.client.delete(remotePath, missingOk);
    });
  }

  /** Ends the connection; never throws and never waits longer than the operation deadline. */
  async close(): Promise<void> {
    if (!this.open) {
      this.destroy();
      return;
    }
    this.open = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.client.end(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.min(this.settings.operationTimeoutMs, 5_000));
        }),
      ]);
    } catch {
      // closing a broken connection: nothing to report
    } finally {
      clearTimeout(timer);
      this.destroy();
    }
  }

  /** Tears the transport down at once (deadline expiry, failed connect). */
  private destroy(): void {
    this.open = false;
    try {
      this.transport().destroy();
    } catch {
      // already gone
    }
  }
}

/** Opens a connection, runs the work, and always closes it. */
export async function withSftpConnection<T>(
  options: SftpConnectionOptions,
  work: (connection: SftpConnection) => Promise<T>,
): Promise<T> {
  const connection = await SftpConnection.connect(options);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
