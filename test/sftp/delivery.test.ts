// Delivery against a real OpenSSH sshd: the happy path, the crash-resume path, rename onto an existing
// final name, and the direct-write + .done path. Each test asserts the end state on the server's disk.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deliverFile,
  DeliverFileRequest,
  SftpConnection,
  SftpError,
  withSftpConnection,
} from '../../src/modules/transmissions/sftp';
import { connectionOptions, rejectionOf, sha256Of, syntheticFile } from '../support/sftp-fixtures';
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

function outboundNames(prefix: string): string[] {
  return readdirSync(sshd.outboundDir)
    .filter((name) => name.includes(prefix))
    .sort();
}

describe('deliverFile against OpenSSH', () => {
  it('pins the host key fingerprint exactly as ssh-keygen prints it', () => {
    const printed = execFileSync('ssh-keygen', [
      '-l',
      '-E',
      'sha256',
      '-f',
      join(sshd.baseDir, 'etc/host_ed25519.pub'),
    ])
      .toString()
      .split(' ')[1];
    expect(sshd.hostKeyFingerprint).toBe(printed);
  });

  it('happy path: uploads to a temporary name, verifies, renames; mode 0600 and the hash matches', async () => {
    const req = request('happy-837.x12', 2000);
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );

    expect(result).toEqual({
      outcome: 'delivered',
      remotePath: 'outbound/happy-837.x12',
      size: req.bytes.length,
      verifiedBy: 'size+sha256',
    });
    const local = join(sshd.outboundDir, 'happy-837.x12');
    expect(sha256Of(readFileSync(local))).toBe(req.sha256);
    expect(statSync(local).mode & 0o777).toBe(0o600);
    expect(outboundNames('happy-837')).toEqual(['happy-837.x12']);
  });

  it('verifies large files by size only', async () => {
    const req = request('large-837.x12', 3 * 1024 * 1024, { verifyHashBelowBytes: 1024 });
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.verifiedBy).toBe('size');
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'large-837.x12')))).toBe(req.sha256);
  });

  it('crash after upload, before the gateway recorded it: the next attempt answers already-delivered, one copy', async () => {
    const req = request('resume-837.x12', 5000);
    const first = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(first.outcome).toBe('delivered');
    const mtimeBefore = statSync(join(sshd.outboundDir, 'resume-837.x12')).mtimeMs;

    // The gateway process "died" before committing 'delivered'; a new process retries the same bytes.
    const second = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(second.outcome).toBe('already-delivered');
    expect(outboundNames('resume-837')).toEqual(['resume-837.x12']);
    expect(statSync(join(sshd.outboundDir, 'resume-837.x12')).mtimeMs).toBe(mtimeBefore);
  });

  it('crash mid-upload left a temporary file: the retry overwrites it and delivers once', async () => {
    const req = request('leftover-837.x12', 3000);
    writeFileSync(join(sshd.outboundDir, '.leftover-837.x12.part'), 'partial', { mode: 0o644 });
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(outboundNames('leftover-837')).toEqual(['leftover-837.x12']);
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'leftover-837.x12')))).toBe(req.sha256);
    expect(statSync(join(sshd.outboundDir, 'leftover-837.x12')).mode & 0o777).toBe(0o600);
  });

  it('a different file already at the final name: DELIVERY_CONFLICT, nothing overwritten, no temporary left', async () => {
    writeFileSync(join(sshd.outboundDir, 'taken-837.x12'), 'someone else');
    const req = request('taken-837.x12', 3000);
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toBeInstanceOf(SftpError);
    expect(error).toMatchObject({ code: 'DELIVERY_CONFLICT', retryable: false, outcomeUnknown: false });
    expect(readFileSync(join(sshd.outboundDir, 'taken-837.x12'), 'utf8')).toBe('someone else');
    expect(outboundNames('taken-837')).toEqual(['taken-837.x12']);
  });

  it('rename never overwrites: the final name appearing between upload and rename is compared, not replaced', async () => {
    const req = request('race-837.x12', 3000);
    const connection = await SftpConnection.connect(connectionOptions(sshd));
    try {
      // Simulate a concurrent writer: the same bytes land at the final name right after our stat.
      const realRename = connection.rename.bind(connection);
      connection.rename = async (from: string, to: string) => {
        writeFileSync(join(sshd.outboundDir, 'race-837.x12'), req.bytes);
        return realRename(from, to);
      };
      const result = await deliverFile(connection, req);
      expect(result.outcome).toBe('already-delivered');
    } finally {
      await connection.close();
    }
    expect(outboundNames('race-837')).toEqual(['race-837.x12']);
  });

  it('renameAllowed=false: writes the final name directly, verifies it, then an empty .done marker', async () => {
    const req = request('direct-837.x12', 4000, { renameAllowed: false });
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result).toMatchObject({
      outcome: 'delivered',
      remotePath: 'outbound/direct-837.x12',
      markerPath: 'outbound/direct-837.x12.done',
    });
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'direct-837.x12')))).toBe(req.sha256);
    expect(statSync(join(sshd.outboundDir, 'direct-837.x12')).mode & 0o777).toBe(0o600);
    expect(statSync(join(sshd.outboundDir, 'direct-837.x12.done')).size).toBe(0);
    expect(outboundNames('direct-837')).toEqual(['direct-837.x12', 'direct-837.x12.done']);

    const again = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(again.outcome).toBe('already-delivered');
  });

  it('renameAllowed=false with a partial final file and no marker: rewrites it, then marks it done', async () => {
    const req = request('direct-partial-837.x12', 4000, { renameAllowed: false });
    writeFileSync(join(sshd.outboundDir, 'direct-partial-837.x12'), req.bytes.subarray(0, 100));
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'direct-partial-837.x12')))).toBe(req.sha256);
    expect(statSync(join(sshd.outboundDir, 'direct-partial-837.x12')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(sshd.outboundDir, 'direct-partial-837.x12.done'))).toBe(true);
  });

  it('one operation at a time: concurrent calls on one connection are queued, not interleaved', async () => {
    const files = [1, 2, 3, 4].map((index) => ({
      name: `queued-${index}.x12`,
      ...syntheticFile(200_000 + index),
    }));
    const connection = await SftpConnection.connect(connectionOptions(sshd));
    try {
      const results = await Promise.all([
        ...files.map((file) => connection.put(`outbound/${file.name}`, file.bytes)),
        ...files.map((file) => connection.stat(`outbound/${file.name}`)),
      ]);
      // Each stat ran after every put queued before it, so it sees the complete file.
      expect(results.slice(4).map((stat) => (stat as { size: number } | undefined)?.size)).toEqual(
        files.map((file) => file.bytes.length),
      );
    } finally {
      await connection.close();
    }
    for (const file of files) {
      expect(sha256Of(readFileSync(join(sshd.outboundDir, file.name)))).toBe(file.sha256);
    }
  });

  it('publishing is announced first: beforePublish runs after the verified upload and before the rename', async () => {
    const seen: string[][] = [];
    const req = request('announced-837.x12', 3000, {
      beforePublish: () => {
        seen.push(outboundNames('announced-837'));
        return Promise.resolve();
      },
    });
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(seen).toEqual([['.announced-837.x12.part']]);
    expect(outboundNames('announced-837')).toEqual(['announced-837.x12']);
  });

  it('beforePublish rejecting (the lease was lost): nothing is published, its error comes back', async () => {
    const lost = new Error('lease lost');
    const req = request('unannounced-837.x12', 3000, { beforePublish: () => Promise.reject(lost) });
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toBe(lost);
    expect(existsSync(join(sshd.outboundDir, 'unannounced-837.x12'))).toBe(false);

    const markerReq = request('unannounced-direct-837.x12', 3000, {
      renameAllowed: false,
      beforePublish: () => Promise.reject(lost),
    });
    expect(
      await rejectionOf(
        withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, markerReq)),
      ),
    ).toBe(lost);
    expect(existsSync(join(sshd.outboundDir, 'unannounced-direct-837.x12.done'))).toBe(false);
  });

  it('an earlier attempt began publishing and the partner already took the file: PUBLISH_UNCONFIRMED (in doubt), nothing uploaded again', async () => {
    for (const renameAllowed of [true, false]) {
      const name = `collected-${renameAllowed ? 'rename' : 'marker'}-837.x12`;
      const req = request(name, 3000, { renameAllowed });
      await withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req));
      // The payer collects the file (and its marker); the gateway never recorded the delivery.
      for (const leftover of outboundNames(name)) rmSync(join(sshd.outboundDir, leftover));
      let announced = 0;
      const resumed = {
        ...req,
        publishBegun: true,
        beforePublish: () => {
          announced += 1;
          return Promise.resolve();
        },
      };
      const error = await rejectionOf(
        withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, resumed)),
      );
      expect(error).toBeInstanceOf(SftpError);
      expect(error).toMatchObject({ code: 'PUBLISH_UNCONFIRMED', retryable: false, outcomeUnknown: true });
      expect(announced).toBe(0);
      expect(outboundNames(name)).toEqual([]);
    }
  });

  it('an earlier attempt began publishing and the file is still there: already-delivered', async () => {
    const req = request('still-there-837.x12', 3000);
    await withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req));
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, { ...req, publishBegun: true }),
    );
    expect(result.outcome).toBe('already-delivered');
    expect(outboundNames('still-there-837')).toEqual(['still-there-837.x12']);
  });

  it('refuses bytes whose SHA-256 differs from the stored one before any upload', async () => {
    const req = { ...request('bad-hash-837.x12', 100), sha256: '0'.repeat(64) };
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) => deliverFile(connection, req)),
    );
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', retryable: false });
    expect(outboundNames('bad-hash-837')).toEqual([]);
  });
});
