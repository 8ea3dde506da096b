/**
 * The whole sandbox payer: the SFTP server and the payer simulator over one directory (DATA_DIR/sandbox),
 * with one login, `gateway`, whose password and the server's host key are generated once and reused.
 * Used by the SandboxModule at boot, by the tests and by the pipeline benchmark.
 *
 *   DATA_DIR/sandbox/ssh_host_ed25519_key    host key (0600), pinned by the gateway
 *   DATA_DIR/sandbox/gateway-login-password  the gateway login's password (0600)
 *   DATA_DIR/sandbox/ledger.json              the payer's response control numbers, received ISA13s
 *   DATA_DIR/sandbox/sftp/gateway/            the login's root: to-payer/ and from-payer/
 *   DATA_DIR/sandbox/outbox/gateway/          responses waiting for their delay
 *   DATA_DIR/sandbox/received/gateway/        files the payer has taken
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PayerSimulator, type SandboxLog } from './payer-simulator';
import { loadOrCreateHostKey, loadOrCreatePassword } from './sandbox-keys';
import { SandboxSftpServer } from './sandbox-sftp.server';

export const SANDBOX_USERNAME = 'gateway';

export interface SandboxPayerOptions {
  directory: string;
  /** 0 = any free port. */
  port: number;
  /** When the port is taken, listen on any free port instead of failing (the default port only). */
  fallbackToFreePort?: boolean;
  responseDelayMs: number;
  pollIntervalMs?: number;
  /** Accept only files with a `.done` marker. */
  requireDoneMarker?: boolean;
  now?: () => Date;
  logger?: SandboxLog;
}

export class SandboxPayer {
  private constructor(
    private readonly server: SandboxSftpServer,
    readonly simulator: PayerSimulator,
    readonly hostKeyFingerprint: string,
    readonly username: string,
    readonly password: string,
    /** The login's root on disk (to-payer/ and from-payer/ inside). */
    readonly root: string,
  ) {}

  static async start(options: SandboxPayerOptions): Promise<SandboxPayer> {
    const hostKey = loadOrCreateHostKey(options.directory);
    const password = loadOrCreatePassword(options.directory);
    const root = join(options.directory, 'sftp', SANDBOX_USERNAME);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const simulator = new PayerSimulator({
      directory: options.directory,
      logins: [{ username: SANDBOX_USERNAME, root, requireDoneMarker: options.requireDoneMarker }],
      responseDelayMs: options.responseDelayMs,
      pollIntervalMs: options.pollIntervalMs,
      now: options.now,
      logger: options.logger,
    });
    const listen = (port: number): Promise<SandboxSftpServer> =>
      SandboxSftpServer.start({
        hostKey: hostKey.privateKey,
        port,
        logins: [{ username: SANDBOX_USERNAME, password, root }],
      });
    let server: SandboxSftpServer;
    try {
      server = await listen(options.port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.fallbackToFreePort) throw error;
      options.logger?.warn({ port: options.port }, 'sandbox payer: port taken; listening on a free port');
      server = await listen(0);
    }
    simulator.start();
    return new SandboxPayer(server, simulator, hostKey.fingerprint, SANDBOX_USERNAME, password, root);
  }

  get port(): number {
    return this.server.port;
  }

  async stop(): Promise<void> {
    await this.simulator.stop();
    await this.server.stop();
  }
}
