// A partner server that refuses rename (OpenSSH `internal-sftp -P rename,posix-rename`): rename-based
// delivery fails with RENAME_REFUSED and leaves nothing behind; the partner setting renameAllowed=false
// (direct write + `.done` marker) delivers exactly once on the same server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deliverFile, DeliverFileRequest, withSftpConnection } from '../../src/modules/transmissions/sftp';
import { connectionOptions, rejectionOf, sha256Of, syntheticFile } from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';

jest.setTimeout(60_000);

let sshd: TestSshd;

beforeAll(async () => {
  sshd = await startSshd({ internalSftpArgs: ['-P', 'rename,posix-rename'] });
});

afterAll(async () => {
  await sshd?.stop();
});

function request(name: string, renameAllowed: boolean): DeliverFileRequest {
  const file = syntheticFile(3000);
  return {
    bytes: file.bytes,
    sha256: file.sha256,
    remoteDir: sshd.remoteOutbound,
    finalName: name,
    renameAllowed,
    verifyHashBelowBytes: 1024 * 1024,
  };
}

function outboundNames(prefix: string): string[] {
  return readdirSync(sshd.outboundDir)
    .filter((name) => name.includes(prefix))
    .sort();
}

describe('a server that refuses rename', () => {
  it('rename-based delivery: RENAME_REFUSED (not retryable), the temporary file removed, no final file', async () => {
    const error = await rejectionOf(
      withSftpConnection(connectionOptions(sshd), (connection) =>
        deliverFile(connection, request('nr-837.x12', true)),
      ),
    );
    expect(error).toMatchObject({ code: 'RENAME_REFUSED', retryable: false, outcomeUnknown: false });
    expect(outboundNames('nr-837')).toEqual([]);
  });

  it('renameAllowed=false on the same server: direct write + .done marker, exactly once', async () => {
    const req = request('nr-direct-837.x12', false);
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(sha256Of(readFileSync(join(sshd.outboundDir, 'nr-direct-837.x12')))).toBe(req.sha256);
    expect(statSync(join(sshd.outboundDir, 'nr-direct-837.x12')).mode & 0o777).toBe(0o600);
    expect(outboundNames('nr-direct-837')).toEqual(['nr-direct-837.x12', 'nr-direct-837.x12.done']);
    const again = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(again.outcome).toBe('already-delivered');
    expect(outboundNames('nr-direct-837')).toEqual(['nr-direct-837.x12', 'nr-direct-837.x12.done']);
  });

  it('restartWithOptions restores a rename-capable server (same port and host key)', async () => {
    await sshd.restartWithOptions({});
    const req = request('nr-after-837.x12', true);
    const result = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, req),
    );
    expect(result.outcome).toBe('delivered');
    expect(outboundNames('nr-after-837')).toEqual(['nr-after-837.x12']);
  });
});
