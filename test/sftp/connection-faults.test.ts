// Connection-level faults against a real OpenSSH sshd: wrong credentials, wrong host key, nothing listening,
// a stalled connection (a TCP proxy that stops forwarding) and a reset connection. Each ends in a coded,
// classified error within its deadline, never a hang and never a silent success.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deliverFile,
  DeliverFileRequest,
  SftpConnection,
  withSftpConnection,
} from '../../src/modules/transmissions/sftp';
import {
  connectionOptions,
  rejectionOf,
  sha256Of,
  syntheticFile,
  waitForGrowingFile,
} from '../support/sftp-fixtures';
import { findFreePort, fingerprintOfPublicKey, startSshd, TestSshd } from '../support/sshd';
import { startTcpFaultProxy, TcpFaultProxy } from '../support/tcp-fault-proxy';

jest.setTimeout(60_000);

let sshd: TestSshd;
const proxies: TcpFaultProxy[] = [];

beforeAll(async () => {
  sshd = await startSshd();
});

afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  await sshd?.stop();
});

async function proxyToSshd(): Promise<TcpFaultProxy> {
  const proxy = await startTcpFaultProxy(sshd.host, sshd.port);
  proxies.push(proxy);
  return proxy;
}

function request(name: string, size: number): DeliverFileRequest {
  const file = syntheticFile(size);
  return {
    bytes: file.bytes,
    sha256: file.sha256,
    remoteDir: sshd.remoteOutbound,
    finalName: name,
    renameAllowed: true,
    verifyHashBelowBytes: 1024 * 1024,
  };
}

function outboundNames(prefix: string): string[] {
  return readdirSync(sshd.outboundDir)
    .filter((name) => name.includes(prefix))
    .sort();
}

describe('connection faults against OpenSSH', () => {
  it('wrong private key: AUTH_FAILED, not retryable', async () => {
    const error = await rejectionOf(
      SftpConnection.connect(connectionOptions(sshd, { privateKey: sshd.generateUnauthorisedKey() })),
    );
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retryable: false, outcomeUnknown: false });
  });

  it('wrong password (the server takes keys only): AUTH_FAILED', async () => {
    const error = await rejectionOf(
      SftpConnection.connect(
        connectionOptions(sshd, { privateKey: undefined, password: 'not-the-password' }),
      ),
    );
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
  });

  it('wrong pinned host key: HOST_KEY_MISMATCH before any authentication, naming both fingerprints', async () => {
    const otherKey = readFileSync(join(sshd.baseDir, 'etc/client_ed25519.pub'), 'utf8');
    const wrong = fingerprintOfPublicKey(otherKey);
    const error = await rejectionOf(
      SftpConnection.connect(connectionOptions(sshd, { hostKeyFingerprint: wrong })),
    );
    expect(error).toMatchObject({ code: 'HOST_KEY_MISMATCH', retryable: false });
    expect((error as Error).message).toContain(sshd.hostKeyFingerprint);
    expect((error as Error).message).toContain(wrong);
    expect(sshd.log()).not.toMatch(/Accepted publickey.*\n.*HOST_KEY/);
  });

  it('a malformed fingerprint is refused before connecting', async () => {
    const error = await rejectionOf(
      SftpConnection.connect(connectionOptions(sshd, { hostKeyFingerprint: 'aa:bb:cc' })),
    );
    expect(error).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('nothing listening: CONNECT_REFUSED, retryable', async () => {
    const port = await findFreePort();
    const error = await rejectionOf(SftpConnection.connect(connectionOptions(sshd, { port })));
    expect(error).toMatchObject({ code: 'CONNECT_REFUSED', retryable: true, outcomeUnknown: false });
  });

  it('listener down: running sessions finish, new connections get CONNECT_REFUSED; after a restart delivery works', async () => {
    const running = await SftpConnection.connect(connectionOptions(sshd));
    await sshd.stopListener();
    try {
      const error = await rejectionOf(SftpConnection.connect(connectionOptions(sshd)));
      expect(error).toMatchObject({ code: 'CONNECT_REFUSED', retryable: true });
      // The session that was already open is a separate process and keeps working.
      expect(await running.stat(sshd.remoteOutbound)).toMatchObject({ isDirectory: true });
    } finally {
      await running.close();
      await sshd.restart();
    }
    const req = request('after-restart-837.x12', 1000);
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
  });

  it('stalled during the handshake: TIMEOUT within the connect deadline', async () => {
    const proxy = await proxyToSshd();
    proxy.stall();
    const started = Date.now();
    const error = await rejectionOf(
      SftpConnection.connect(connectionOptions(sshd, { port: proxy.port, connectTimeoutMs: 1_500 })),
    );
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(elapsed).toBeLessThan(4_000);
  });

  it('stalled connection (no packets) during a metadata call: TIMEOUT at the call deadline, not a hang', async () => {
    const proxy = await proxyToSshd();
    const connection = await SftpConnection.connect(
      connectionOptions(sshd, { port: proxy.port, operationTimeoutMs: 1_500, keepaliveIntervalMs: 30_000 }),
    );
    proxy.stall();
    const started = Date.now();
    const error = await rejectionOf(deliverFile(connection, request('stall-stat-837.x12', 1000)));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
      outcomeUnknown: false,
      operation: 'stat',
    });
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(4_000);
    expect(connection.isOpen).toBe(false);
    // The connection is dead: later calls fail at once instead of queueing behind a corpse.
    await expect(connection.stat('outbound')).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    await connection.close();
    expect(outboundNames('stall-stat-837')).toEqual([]);
  });

  it('stalled mid-upload: keepalive declares the link dead (TIMEOUT), and a retry delivers exactly once', async () => {
    const proxy = await proxyToSshd();
    const req = request('stall-put-837.x12', 16 * 1024 * 1024);
    const connection = await SftpConnection.connect(
      connectionOptions(sshd, { port: proxy.port, keepaliveIntervalMs: 500, keepaliveCountMax: 2 }),
    );
    const started = Date.now();
    const delivery = deliverFile(connection, req);
    // Stall once the upload is under way (the temporary file is growing on the server).
    const temporary = join(sshd.outboundDir, '.stall-put-837.x12.part');
    await waitForGrowingFile(temporary, 256 * 1024);
    proxy.stall();
    const error = await rejectionOf(delivery);
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
      outcomeUnknown: false,
      operation: 'put',
    });
    expect(elapsed).toBeLessThan(8_000);
    await connection.close();
    expect(existsSync(join(sshd.outboundDir, 'stall-put-837.x12'))).toBe(false);

    // The retry (a new connection, directly to the server) delivers once.
    const result = await withSftpConnection(connectionOptions(sshd), (retry) => deliverFile(retry, req));
    expect(result.outcome).toBe('delivered');
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'stall-put-837.x12')))).toBe(req.sha256);
    expect(outboundNames('stall-put-837')).toEqual(['stall-put-837.x12']);
  });

  it('connection stalls while the rename is in flight: TIMEOUT marked outcome-unknown (in-doubt), never success', async () => {
    const proxy = await proxyToSshd();
    const req = request('stall-rename-837.x12', 2000);
    const connection = await SftpConnection.connect(
      connectionOptions(sshd, { port: proxy.port, operationTimeoutMs: 1_500 }),
    );
    const realRename = connection.rename.bind(connection);
    connection.rename = (from: string, to: string) => {
      proxy.stall();
      return realRename(from, to);
    };
    const error = await rejectionOf(deliverFile(connection, req));
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
      outcomeUnknown: true,
      operation: 'rename',
    });
    await connection.close();
    // Never two copies: at most the final name or the verified temporary exists.
    expect(outboundNames('stall-rename-837').length).toBeLessThanOrEqual(1);
  });

  it('connection reset mid-upload: CONNECTION_LOST, retryable, and nothing at the final name', async () => {
    const proxy = await proxyToSshd();
    const req = request('reset-837.x12', 16 * 1024 * 1024);
    const connection = await SftpConnection.connect(connectionOptions(sshd, { port: proxy.port }));
    const delivery = deliverFile(connection, req);
    const temporary = join(sshd.outboundDir, '.reset-837.x12.part');
    await waitForGrowingFile(temporary, 256 * 1024);
    proxy.resetAll();
    const error = await rejectionOf(delivery);
    expect(error).toMatchObject({ code: 'CONNECTION_LOST', retryable: true, outcomeUnknown: false });
    await connection.close();
    expect(existsSync(join(sshd.outboundDir, 'reset-837.x12'))).toBe(false);
  });
});
