// Collection against a real OpenSSH sshd: only complete files are listed (no temporary names, no file that
// is still growing), a file listed twice downloads to the same SHA-256 (the ledger stores it once), a
// truncated file is listed (the listing cannot see content) but fails the IEA check after download, and the
// remote file is removed or archived only when the caller says so.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  downloadFile,
  listCompleteFiles,
  moveRemoteFile,
  removeRemoteFile,
  SftpConnection,
} from '../../src/modules/transmissions/sftp';
import { isCompleteInterchange } from '../../src/modules/transmissions/inbound-completeness';
import { connectionOptions, rejectionOf, sha256Of, syntheticFile } from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';

jest.setTimeout(60_000);

let sshd: TestSshd;
let connection: SftpConnection;

beforeAll(async () => {
  sshd = await startSshd();
  connection = await SftpConnection.connect(connectionOptions(sshd));
});

afterAll(async () => {
  await connection?.close();
  await sshd?.stop();
});

/** A fresh inbound directory per test, so listings do not see each other's files. */
function inboundDir(name: string): { local: string; remote: string } {
  const local = join(sshd.inboundDir, name);
  mkdirSync(local);
  return { local, remote: `${sshd.remoteInbound}/${name}` };
}

describe('collection against OpenSSH', () => {
  it('lists complete files and skips temporary names', async () => {
    const dir = inboundDir('names');
    const ack = syntheticFile(800).bytes;
    writeFileSync(join(dir.local, 'ack-1.999'), ack);
    writeFileSync(join(dir.local, '.ack-2.999.part'), ack.subarray(0, 100));
    writeFileSync(join(dir.local, 'ack-3.999.tmp'), ack.subarray(0, 100));
    mkdirSync(join(dir.local, 'archive'));
    const files = await listCompleteFiles(connection, dir.remote, { stableForMs: 200 });
    expect(files).toEqual([
      { name: 'ack-1.999', path: `${dir.remote}/ack-1.999`, size: 800, modifyTimeMs: expect.any(Number) },
    ]);
  });

  it('a file still growing between the two listings is not listed; once stable it is', async () => {
    const dir = inboundDir('growing');
    const target = join(dir.local, 'remit.835');
    writeFileSync(target, 'ISA*');
    const writer = setInterval(() => appendFileSync(target, 'X'.repeat(512)), 20);
    try {
      const whileGrowing = await listCompleteFiles(connection, dir.remote, { stableForMs: 300 });
      expect(whileGrowing).toEqual([]);
    } finally {
      clearInterval(writer);
    }
    const afterwards = await listCompleteFiles(connection, dir.remote, { stableForMs: 300 });
    expect(afterwards.map((file) => file.name)).toEqual(['remit.835']);
  });

  it('the same response file listed twice downloads to the same bytes and SHA-256 (stored once by hash)', async () => {
    const dir = inboundDir('twice');
    const ack = syntheticFile(1200);
    writeFileSync(join(dir.local, 'ack.999'), ack.bytes);

    const first = await listCompleteFiles(connection, dir.remote, { stableForMs: 100 });
    const firstDownload = await downloadFile(connection, first[0].path, 1024 * 1024);
    // The gateway crashed before removing it: the next poll sees it again.
    const second = await listCompleteFiles(connection, dir.remote, { stableForMs: 100 });
    expect(second.map((file) => file.name)).toEqual(['ack.999']);
    const secondDownload = await downloadFile(connection, second[0].path, 1024 * 1024);

    expect(firstDownload.sha256).toBe(ack.sha256);
    expect(secondDownload.sha256).toBe(firstDownload.sha256);
    expect(secondDownload.bytes.equals(ack.bytes)).toBe(true);

    // Only after the bytes are committed does the caller remove it; then it is gone from the listing.
    await removeRemoteFile(connection, second[0].path);
    await removeRemoteFile(connection, second[0].path); // already gone: fine
    expect(await listCompleteFiles(connection, dir.remote, { stableForMs: 100 })).toEqual([]);
  });

  it('a truncated response file (no IEA) is listed but fails the content check after download', async () => {
    const dir = inboundDir('truncated');
    const whole = syntheticFile(1500).bytes;
    writeFileSync(join(dir.local, 'cut.999'), whole.subarray(0, 900));
    writeFileSync(join(dir.local, 'whole.999'), whole);
    const files = await listCompleteFiles(connection, dir.remote, { stableForMs: 100 });
    expect(files.map((file) => file.name)).toEqual(['cut.999', 'whole.999']);
    const cut = await downloadFile(connection, files[0].path, 1024 * 1024);
    const complete = await downloadFile(connection, files[1].path, 1024 * 1024);
    expect(isCompleteInterchange(cut.bytes)).toBe(false);
    expect(isCompleteInterchange(complete.bytes)).toBe(true);
  });

  it('with requireDoneMarker only marked files are complete', async () => {
    const dir = inboundDir('markers');
    writeFileSync(join(dir.local, 'a.277'), 'a');
    writeFileSync(join(dir.local, 'a.277.done'), '');
    writeFileSync(join(dir.local, 'b.277'), 'b');
    const files = await listCompleteFiles(connection, dir.remote, {
      stableForMs: 100,
      requireDoneMarker: true,
    });
    expect(files.map((file) => file.name)).toEqual(['a.277']);
  });

  it('refuses a file over the size limit before downloading it: FILE_TOO_LARGE', async () => {
    const dir = inboundDir('large');
    writeFileSync(join(dir.local, 'big.835'), Buffer.alloc(64 * 1024, 0x41));
    const error = await rejectionOf(downloadFile(connection, `${dir.remote}/big.835`, 1024));
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', retryable: false });
    // The limit also holds during the transfer (a file that grew after the stat).
    await expect(connection.get(`${dir.remote}/big.835`, 1024)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    // The connection is still usable afterwards.
    expect((await downloadFile(connection, `${dir.remote}/big.835`, 128 * 1024)).size).toBe(64 * 1024);
  });

  it('a missing file: NOT_FOUND', async () => {
    await expect(downloadFile(connection, `${sshd.remoteInbound}/nope.999`, 1024)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('moves a collected file into an archive directory, never overwriting an archived file of the same name', async () => {
    const dir = inboundDir('archive-test');
    mkdirSync(join(dir.local, 'archive'));
    writeFileSync(join(dir.local, 'archive', 'ack.999'), 'older');
    writeFileSync(join(dir.local, 'ack.999'), 'newer');
    const destination = await moveRemoteFile(
      connection,
      `${dir.remote}/ack.999`,
      `${dir.remote}/archive`,
      () => '42',
    );
    expect(destination).toBe(`${dir.remote}/archive/ack.999.42`);
    expect(readFileSync(join(dir.local, 'archive', 'ack.999'), 'utf8')).toBe('older');
    expect(readFileSync(join(dir.local, 'archive', 'ack.999.42'), 'utf8')).toBe('newer');
    expect(existsSync(join(dir.local, 'ack.999'))).toBe(false);
    writeFileSync(join(dir.local, 'other.999'), 'x');
    expect(await moveRemoteFile(connection, `${dir.remote}/other.999`, `${dir.remote}/archive`)).toBe(
      `${dir.remote}/archive/other.999`,
    );
    expect(readdirSync(join(dir.local, 'archive')).sort()).toEqual(['ack.999', 'ack.999.42', 'other.999']);
    expect(sha256Of(readFileSync(join(dir.local, 'archive', 'other.999')))).toBe(sha256Of(Buffer.from('x')));
  });
});
