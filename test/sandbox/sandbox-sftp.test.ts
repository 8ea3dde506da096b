// The sandbox payer's SFTP server, driven by the gateway's own SFTP client (SftpConnection, deliverFile,
// listCompleteFiles, downloadFile): delivery with rename, the .done marker mode, rename never overwriting,
// paths escaping the login root refused, host key generated once and pinned, both authentication methods.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import {
  deliverFile,
  downloadFile,
  listCompleteFiles,
  SftpConnection,
  SftpConnectionOptions,
  SftpError,
  withSftpConnection,
} from '../../src/modules/transmissions/sftp';
import { fingerprintOf, loadOrCreateHostKey, loadOrCreatePassword } from '../../src/sandbox/sandbox-keys';
import { SandboxSftpServer } from '../../src/sandbox/sandbox-sftp.server';

jest.setTimeout(30_000);

let base: string;
let root: string;
let server: SandboxSftpServer;
let password: string;
let fingerprint: string;
let clientKey: { private: string; public: string };

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function options(overrides: Partial<SftpConnectionOptions> = {}): SftpConnectionOptions {
  return {
    host: '127.0.0.1',
    port: server.port,
    username: 'gateway',
    password,
    hostKeyFingerprint: fingerprint,
    connectTimeoutMs: 5_000,
    operationTimeoutMs: 5_000,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<SftpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SftpError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sandbox-sftp-'));
  root = join(base, 'logins', 'gateway');
  mkdirSync(join(root, 'to-payer'), { recursive: true });
  mkdirSync(join(root, 'from-payer'), { recursive: true });
  const hostKey = loadOrCreateHostKey(join(base, 'keys'));
  fingerprint = hostKey.fingerprint;
  password = loadOrCreatePassword(join(base, 'keys'));
  clientKey = utils.generateKeyPairSync('ed25519');
  server = await SandboxSftpServer.start({
    hostKey: hostKey.privateKey,
    port: 0,
    logins: [{ username: 'gateway', password, authorizedKeys: [clientKey.public], root }],
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('sandbox SFTP server keys', () => {
  it('generates the ed25519 host key and the password once, mode 0600, and reuses them', () => {
    const again = loadOrCreateHostKey(join(base, 'keys'));
    expect(again.fingerprint).toBe(fingerprint);
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(again.privateKey).toContain('OPENSSH PRIVATE KEY');
    expect(loadOrCreatePassword(join(base, 'keys'))).toBe(password);
    for (const name of readdirSync(join(base, 'keys'))) {
      expect(statSync(join(base, 'keys', name)).mode & 0o777).toBe(0o600);
    }
  });

  it('presents the pinned host key; another fingerprint is refused by the client', async () => {
    const connection = await SftpConnection.connect(options());
    expect(connection.serverFingerprint).toBe(fingerprint);
    await connection.close();
    const wrong = fingerprintOf(utils.generateKeyPairSync('ed25519').public);
    expect((await rejection(SftpConnection.connect(options({ hostKeyFingerprint: wrong })))).code).toBe(
      'HOST_KEY_MISMATCH',
    );
  });

  it('accepts the public key, refuses a wrong password and an unknown key', async () => {
    const byKey = await SftpConnection.connect(
      options({ password: undefined, privateKey: clientKey.private }),
    );
    expect(await byKey.stat('/to-payer')).toMatchObject({ isDirectory: true });
    await byKey.close();
    expect((await rejection(SftpConnection.connect(options({ password: 'wrong' })))).code).toBe(
      'AUTH_FAILED',
    );
    const stranger = utils.generateKeyPairSync('ed25519');
    expect(
      (
        await rejection(
          SftpConnection.connect(options({ password: undefined, privateKey: stranger.private })),
        )
      ).code,
    ).toBe('AUTH_FAILED');
  });
});

describe('sandbox SFTP server with the gateway client', () => {
  it('deliverFile with rename: temporary name, verified, renamed; mode 0600; no temporary file left', async () => {
    const bytes = Buffer.from('ISA*00*...~IEA*1*000000001~'.repeat(400));
    const result = await withSftpConnection(options(), (connection) =>
      deliverFile(connection, {
        bytes,
        sha256: sha256(bytes),
        remoteDir: 'to-payer',
        finalName: 'claims-1.x12',
        renameAllowed: true,
        verifyHashBelowBytes: 1024 * 1024,
      }),
    );
    expect(result).toEqual({
      outcome: 'delivered',
      remotePath: 'to-payer/claims-1.x12',
      size: bytes.length,
      verifiedBy: 'size+sha256',
    });
    const local = join(root, 'to-payer', 'claims-1.x12');
    expect(readFileSync(local).equals(bytes)).toBe(true);
    expect(statSync(local).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'to-payer')).filter((name) => name.includes('claims-1'))).toEqual([
      'claims-1.x12',
    ]);

    // A resumed attempt finds the same bytes under the final name and does not upload again.
    const again = await withSftpConnection(options(), (connection) =>
      deliverFile(connection, {
        bytes,
        sha256: sha256(bytes),
        remoteDir: 'to-payer',
        finalName: 'claims-1.x12',
        renameAllowed: true,
        verifyHashBelowBytes: 1024 * 1024,
      }),
    );
    expect(again.outcome).toBe('already-delivered');
  });

  it('deliverFile with a .done marker: the final name written directly, then an empty marker', async () => {
    const bytes = Buffer.from('marker mode file');
    const result = await withSftpConnection(options(), (connection) =>
      deliverFile(connection, {
        bytes,
        sha256: sha256(bytes),
        remoteDir: '/to-payer',
        finalName: 'claims-2.x12',
        renameAllowed: false,
        verifyHashBelowBytes: 1024 * 1024,
      }),
    );
    expect(result.outcome).toBe('delivered');
    expect(result.markerPath).toBe('/to-payer/claims-2.x12.done');
    expect(readFileSync(join(root, 'to-payer', 'claims-2.x12')).equals(bytes)).toBe(true);
    expect(statSync(join(root, 'to-payer', 'claims-2.x12.done')).size).toBe(0);
  });

  it('rename never overwrites an existing target (SFTP semantics)', async () => {
    writeFileSync(join(root, 'to-payer', 'taken.x12'), 'first');
    writeFileSync(join(root, 'to-payer', '.taken.x12.part'), 'second');
    const error = await withSftpConnection(options(), (connection) =>
      rejection(connection.rename('to-payer/.taken.x12.part', 'to-payer/taken.x12')),
    );
    expect(error.code).toBe('REMOTE_FAILURE');
    expect(readFileSync(join(root, 'to-payer', 'taken.x12'), 'utf8')).toBe('first');
    expect(readFileSync(join(root, 'to-payer', '.taken.x12.part'), 'utf8')).toBe('second');

    // deliverFile reports the clash as a conflict and leaves the other file alone.
    const bytes = Buffer.from('different bytes');
    const conflict = await withSftpConnection(options(), (connection) =>
      rejection(
        deliverFile(connection, {
          bytes,
          sha256: sha256(bytes),
          remoteDir: 'to-payer',
          finalName: 'taken.x12',
          renameAllowed: true,
          verifyHashBelowBytes: 1024,
        }),
      ),
    );
    expect(conflict.code).toBe('DELIVERY_CONFLICT');
    expect(readFileSync(join(root, 'to-payer', 'taken.x12'), 'utf8')).toBe('first');
  });

  it('refuses paths that escape the login root, by .. and by a symbolic link', async () => {
    writeFileSync(join(base, 'outside.txt'), 'secret');
    symlinkSync(base, join(root, 'from-payer', 'escape'));
    await withSftpConnection(options(), async (connection) => {
      expect((await rejection(connection.get('../../outside.txt', 100))).code).toBe('PERMISSION_DENIED');
      expect((await rejection(connection.get('/to-payer/../../../outside.txt', 100))).code).toBe(
        'PERMISSION_DENIED',
      );
      expect((await rejection(connection.put('/../planted.txt', Buffer.from('x')))).code).toBe(
        'PERMISSION_DENIED',
      );
      expect((await rejection(connection.get('from-payer/escape/outside.txt', 100))).code).toBe(
        'PERMISSION_DENIED',
      );
      expect((await rejection(connection.list('from-payer/escape'))).code).toBe('PERMISSION_DENIED');
      // The gateway's client names a refused rename RENAME_REFUSED (permission denied on rename).
      expect((await rejection(connection.rename('to-payer/claims-1.x12', '../stolen.x12'))).code).toBe(
        'RENAME_REFUSED',
      );
    });
    expect(existsSync(join(base, 'logins', 'planted.txt'))).toBe(false);
    expect(existsSync(join(base, 'logins', 'stolen.x12'))).toBe(false);
    rmSync(join(root, 'from-payer', 'escape'));
  });

  it('lists, downloads and removes collected files with listCompleteFiles / downloadFile', async () => {
    writeFileSync(join(root, 'from-payer', 'a.999'), 'ISA*999 ack~');
    writeFileSync(join(root, 'from-payer', '.b.277.part'), 'partial');
    await withSftpConnection(options(), async (connection) => {
      const files = await listCompleteFiles(connection, 'from-payer', { stableForMs: 50 });
      expect(files.map((file) => file.path)).toEqual(['from-payer/a.999']);
      const downloaded = await downloadFile(connection, files[0].path, 1024);
      expect(downloaded.bytes.toString()).toBe('ISA*999 ack~');
      expect(downloaded.sha256).toBe(sha256(Buffer.from('ISA*999 ack~')));
      expect((await rejection(downloadFile(connection, files[0].path, 4))).code).toBe('FILE_TOO_LARGE');
      await connection.delete(files[0].path);
      expect(await connection.stat(files[0].path)).toBeUndefined();
      expect((await rejection(connection.get('from-payer/missing.999', 10))).code).toBe('NOT_FOUND');
    });
    expect(existsSync(join(root, 'from-payer', 'a.999'))).toBe(false);
  });

  it('serves realpath, mkdir, rmdir, chmod and exclusive create to a plain ssh2-sftp-client', async () => {
    const client = new SftpClient('sandbox-test');
    await client.connect({ host: '127.0.0.1', port: server.port, username: 'gateway', password });
    try {
      expect(await client.cwd()).toBe('/');
      expect(await client.realPath('to-payer/../from-payer/.')).toBe('/from-payer');
      await client.mkdir('/archive');
      expect(statSync(join(root, 'archive')).isDirectory()).toBe(true);
      await client.put(Buffer.from('hello'), '/archive/x.txt', { writeStreamOptions: { mode: 0o640 } });
      await client.chmod('/archive/x.txt', 0o600);
      expect(statSync(join(root, 'archive', 'x.txt')).mode & 0o777).toBe(0o600);
      await expect(
        client.put(Buffer.from('again'), '/archive/x.txt', {
          // 'wx' (exclusive create) is valid for ssh2's write stream; the client's types list only w and a.
          writeStreamOptions: { flags: 'wx' as 'w' },
        }),
      ).rejects.toThrow();
      expect(readFileSync(join(root, 'archive', 'x.txt'), 'utf8')).toBe('hello');
      await client.delete('/archive/x.txt');
      await client.rmdir('/archive');
      expect(existsSync(join(root, 'archive'))).toBe(false);
    } finally {
      await client.end();
    }
  });
});
