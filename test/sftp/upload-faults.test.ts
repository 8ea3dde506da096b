// Server-side faults during an upload, against a real OpenSSH sshd: the sshd sessions killed mid-upload, a
// full disk (where put() resolves although the file is truncated), and a directory that refuses writes.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deliverFile, DeliverFileRequest, withSftpConnection } from '../../src/modules/transmissions/sftp';
import {
  connectionOptions,
  rejectionOf,
  sha256Of,
  syntheticFile,
  waitForGrowingFile,
} from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';

jest.setTimeout(60_000);

let sshd: TestSshd;

beforeAll(async () => {
  sshd = await startSshd();
});

afterAll(async () => {
  await sshd?.stop();
});

function request(
  name: string,
  size: number,
  overrides: Partial<DeliverFileRequest> = {},
): DeliverFileRequest {
  const file = syntheticFile(size);
  return {
    bytes: file.bytes,
    sha256: file.sha256,
    remoteDir: sshd.remoteOutbound,
    finalName: name,
    renameAllowed: true,
    verifyHashBelowBytes: 1024 * 1024,
    ...overrides,
  };
}

function namesIn(dir: string, prefix: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.includes(prefix))
    .sort();
}

const isRoot = process.getuid?.() === 0;

describe('upload faults against OpenSSH', () => {
  it('sshd sessions killed mid-upload: CONNECTION_LOST (retryable, not in-doubt); the retry delivers exactly once', async () => {
    const req = request('killed-837.x12', 16 * 1024 * 1024);
    const temporary = join(sshd.outboundDir, '.killed-837.x12.part');
    let killed = 0;
    let partialSize = 0;
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), async (connection) => {
        const delivery = deliverFile(connection, req);
        partialSize = await waitForGrowingFile(temporary, 1024 * 1024);
        killed = sshd.killSessions();
        return delivery;
      }),
    );
    expect(killed).toBeGreaterThan(0);
    expect(partialSize).toBeLessThan(req.bytes.length);
    expect(error).toMatchObject({ code: 'CONNECTION_LOST', retryable: true, outcomeUnknown: false });
    // Nothing reached the final name; the temporary file is left behind, as OpenSSH does.
    expect(existsSync(join(sshd.outboundDir, 'killed-837.x12'))).toBe(false);

    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'killed-837.x12')))).toBe(req.sha256);
    expect(namesIn(sshd.outboundDir, 'killed-837')).toEqual(['killed-837.x12']);
  });

  it('disk full (the temporary name is a symlink to /dev/full): REMOTE_TRUNCATED, nothing at the final name', async () => {
    const req = request('full-837.x12', 200 * 1024);
    symlinkSync('/dev/full', join(sshd.outboundDir, '.full-837.x12.part'));
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toMatchObject({ code: 'REMOTE_TRUNCATED', retryable: true, outcomeUnknown: false });
    expect(existsSync(join(sshd.outboundDir, 'full-837.x12'))).toBe(false);
    // The bad temporary was removed, so the retry (with space available again) delivers once.
    expect(namesIn(sshd.outboundDir, 'full-837')).toEqual([]);
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(namesIn(sshd.outboundDir, 'full-837')).toEqual(['full-837.x12']);
  });

  (isRoot ? it : it.skip)(
    'disk full (a 256 KiB tmpfs): put() resolves with a truncated file; the size check turns it into REMOTE_TRUNCATED',
    async () => {
      const tiny = join(sshd.rootDir, 'tiny');
      mkdirSync(tiny);
      sshd.mountTinyDisk(tiny, 256 * 1024);
      const req = request('tiny-837.x12', 1024 * 1024, { remoteDir: 'tiny' });
      const error = await rejectionOf(
        withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
      );
      expect(error).toMatchObject({ code: 'REMOTE_TRUNCATED', retryable: true, outcomeUnknown: false });
      expect(readdirSync(tiny)).toEqual([]);
    },
  );

  it('permission denied on the target directory: PERMISSION_DENIED, not retryable, no file', async () => {
    const locked = join(sshd.rootDir, 'locked');
    mkdirSync(locked);
    // Root ignores chmod, so as root the directory is made immutable (chattr +i): the kernel refuses the
    // create with EPERM and internal-sftp answers SSH2_FX_PERMISSION_DENIED, a real server-side refusal.
    sshd.makeUnwritable(locked);
    const req = request('denied-837.x12', 1000, { remoteDir: 'locked' });
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toMatchObject({
      code: 'PERMISSION_DENIED',
      retryable: false,
      outcomeUnknown: false,
      operation: 'put',
    });
    expect(readdirSync(locked)).toEqual([]);
  });

  it('the remote directory does not exist: NOT_FOUND, not retryable', async () => {
    const req = request('nowhere-837.x12', 1000, { remoteDir: 'no-such-dir' });
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });
});
