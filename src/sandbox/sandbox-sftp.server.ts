/**
 * The sandbox payer's SFTP server, on ssh2's Server with the SFTP subsystem. Each login (password and/or
 * public keys) is confined to its own root directory, which it sees as `/`. It implements what an SFTP
 * client such as the gateway's SftpConnection uses: REALPATH, STAT/LSTAT/FSTAT, OPEN (read, write, create,
 * truncate, exclusive, append), READ, WRITE, CLOSE, OPENDIR/READDIR, REMOVE, RMDIR, RENAME, MKDIR and
 * SETSTAT/FSETSTAT. Shell, exec and port forwarding are refused.
 *
 * Semantics kept from OpenSSH's sftp-server because the gateway relies on them:
 * - RENAME never overwrites: an existing target answers FAILURE (files move by link + unlink, which the
 *   kernel makes atomic and exclusive);
 * - a missing path answers NO_SUCH_FILE, a refused one PERMISSION_DENIED;
 * - a path that climbs above the login's root (`..`, or a symbolic link pointing outside) is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants as fsConstants } from 'node:fs';
import { link, lstat, mkdir, open, readdir, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import {
  Server,
  utils,
  type Attributes,
  type AuthContext,
  type Connection,
  type FileEntry,
  type ParsedKey,
  type SFTPWrapper,
} from 'ssh2';
import { diskPathOf, isInside, normaliseVirtualPath } from './sandbox-paths';

const STATUS = utils.sftp.STATUS_CODE;
const OPEN_MODE = utils.sftp.OPEN_MODE;

/** One SFTP account of the sandbox payer. */
export interface SandboxLogin {
  username: string;
  /** Accepted password, if password authentication is allowed for this login. */
  password?: string;
  /** Accepted public keys, OpenSSH `authorized_keys` lines (`ssh-ed25519 AAAA... comment`). */
  authorizedKeys?: readonly string[];
  /** The directory this login sees as `/` (must exist). */
  root: string;
}

export interface SandboxSftpServerOptions {
  /** The private host key (OpenSSH or PEM text). */
  hostKey: string | Buffer;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** 0 = any free port. */
  port: number;
  logins: readonly SandboxLogin[];
  /** Largest READ answered at once; default 64 KiB. */
  maxReadBytes?: number;
}

interface ResolvedLogin {
  login: SandboxLogin;
  realRoot: string;
  keys: ParsedKey[];
}

type OpenHandle =
  { kind: 'file'; file: FileHandle; path: string } | { kind: 'directory'; diskPath: string; listed: boolean };

/** An errno or our own refusal, mapped to an SFTP status. */
class SftpStatus extends Error {
  constructor(readonly status: number) {
    super(`sftp status ${status}`);
  }
}

const refused = (): SftpStatus => new SftpStatus(STATUS.PERMISSION_DENIED);

function statusOf(error: unknown): number {
  if (error instanceof SftpStatus) return error.status;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return STATUS.NO_SUCH_FILE;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return STATUS.PERMISSION_DENIED;
  return STATUS.FAILURE;
}

function attributesOf(stats: Stats): Attributes {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An `ls -l` line: clients (ssh2-sftp-client's list) read the entry type from its first character. */
function longnameOf(name: string, stats: Stats): string {
  const type = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : stats.isFile() ? '-' : '?';
  const bits = 'rwxrwxrwx'
    .split('')
    .map((letter, index) => ((stats.mode >> (8 - index)) & 1 ? letter : '-'))
    .join('');
  const when = stats.mtime;
  const date = `${MONTHS[when.getUTCMonth()]} ${String(when.getUTCDate()).padStart(2, ' ')} ${when.getUTCFullYear()}`;
  return `${type}${bits}    1 sandbox  sandbox  ${String(stats.size).padStart(8, ' ')} ${date} ${name}`;
}

function equalSecrets(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parsePublicKey(line: string): ParsedKey {
  const parsed = utils.parseKey(line.trim());
  if (parsed instanceof Error) throw new Error('an authorized key of the sandbox SFTP server is unreadable');
  return parsed;
}

export class SandboxSftpServer {
  private readonly connections = new Set<Connection>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly logins: ReadonlyMap<string, ResolvedLogin>,
    private readonly maxReadBytes: number,
  ) {}

  /** Starts listening; resolves once the port is bound. */
  static async start(options: SandboxSftpServerOptions): Promise<SandboxSftpServer> {
    const logins = new Map<string, ResolvedLogin>();
    for (const login of options.logins) {
      logins.set(login.username, {
        login,
        realRoot: await realpath(login.root),
        keys: (login.authorizedKeys ?? []).map(parsePublicKey),
      });
    }
    const server = new Server({ hostKeys: [options.hostKey] });
    const sandbox = new SandboxSftpServer(server, logins, options.maxReadBytes ?? 64 * 1024);
    server.on('connection', (client) => sandbox.accept(client));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      server.once('error', onError);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
    // After start, a listener error (rare) must not crash the process.
    server.on('error', () => undefined);
    return sandbox;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops listening and ends every open connection. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const client of this.connections) client.end();
    // A client that does not answer the disconnect still must not hold the shutdown.
    const timer = setTimeout(() => {
      for (const client of this.connections)
        (client as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
    }, 1_000);
    await done;
    clearTimeout(timer);
  }

  private accept(client: Connection): void {
    this.connections.add(client);
    let account: ResolvedLogin | undefined;
    client.on('error', () => undefined);
    client.on('close', () => this.connections.delete(client));
    client.on('authentication', (context) => {
      account = this.authenticate(context);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp) => {
          if (account) new SftpSession(acceptSftp(), account.realRoot, this.maxReadBytes).attach();
        });
      });
    });
  }

  /** Accepts or rejects one authentication attempt; returns the login when accepted. */
  private authenticate(context: AuthContext): ResolvedLogin | undefined {
    const candidate = this.logins.get(context.username);
    const methods = (login: ResolvedLogin | undefined): ('password' | 'publickey')[] => {
      if (!login) return ['password', 'publickey'];
      const allowed: ('password' | 'publickey')[] = [];
      if (login.login.password !== undefined) allowed.push('password');
      if (login.keys.length > 0) allowed.push('publickey');
      return allowed;
    };
    if (candidate && context.method === 'password' && candidate.login.password !== undefined) {
      if (equalSecrets(candidate.login.password, context.password)) {
        context.accept();
        return candidate;
      }
    }
    if (candidate && context.method === 'publickey') {
      const key = candidate.keys.find(
        (known) => known.type === context.key.algo && known.getPublicSSH().equals(context.key.data),
      );
      if (key) {
        // Without a signature the client only asks whether the key would do.
        if (context.signature === undefined || context.blob === undefined) {
          context.accept();
          return undefined;
        }
        if (key.verify(context.blob, context.signature, context.hashAlgo) === true) {
          context.accept();
          return candidate;
        }
      }
    }
    context.reject(methods(candidate));
    return undefined;
  }
}

/** One SFTP subsystem session confined to `root`. */
class SftpSession {
  private readonly handles = new Map<string, OpenHandle>();
  private nextHandle = 1;

  constructor(
    private readonly sftp: SFTPWrapper,
    private readonly root: string,
    private readonly maxReadBytes: number,
  ) {}

  attach(): void {
    const { sftp } = this;
    const on = (event: string, work: (reqId: number, ...args: never[]) => Promise<void>): void => {
      sftp.on(event, (reqId: number, ...args: never[]) => {
        work(reqId, ...args).catch((error: unknown) => this.fail(reqId, error));
      });
    };
    on('REALPATH', (reqId, path: string) => this.realpathRequest(reqId, path));
    on('STAT', (reqId, path: string) => this.statRequest(reqId, path, true));
    on('LSTAT', (reqId, path: string) => this.statRequest(reqId, path, false));
    on('FSTAT', (reqId, handle: Buffer) => this.fstatRequest(reqId, handle));
    on('OPEN', (reqId, path: string, flags: number, attrs: Attributes) =>
      this.openRequest(reqId, path, flags, attrs),
    );
    on('READ', (reqId, handle: Buffer, offset: number, length: number) =>
      this.readRequest(reqId, handle, offset, length),
    );
    on('WRITE', (reqId, handle: Buffer, offset: number, data: Buffer) =>
      this.writeRequest(reqId, handle, offset, data),
    );
    on('CLOSE', (reqId, handle: Buffer) => this.closeRequest(reqId, handle));
    on('OPENDIR', (reqId, path: string) => this.opendirRequest(reqId, path));
    on('READDIR', (reqId, handle: Buffer) => this.readdirRequest(reqId, handle));
    on('REMOVE', (reqId, path: string) => this.removeRequest(reqId, path));
    on('RMDIR', (reqId, path: string) => this.rmdirRequest(reqId, path));
    on('MKDIR', (reqId, path: string, attrs: Attributes) => this.mkdirRequest(reqId, path, attrs));
    on('RENAME', (reqId, from: string, to: string) => this.renameRequest(reqId, from, to));
    on('SETSTAT', (reqId, path: string, attrs: Attributes) => this.setstatRequest(reqId, path, attrs));
    on('FSETSTAT', (reqId, handle: Buffer, attrs: Attributes) => this.fsetstatRequest(reqId, handle, attrs));
    const unsupported = (reqId: number): void => sftp.status(reqId, STATUS.OP_UNSUPPORTED);
    sftp.on('READLINK', unsupported);
    sftp.on('SYMLINK', unsupported);
    sftp.on('EXTENDED', unsupported);
    sftp.on('close', () => {
      for (const handle of this.handles.values()) {
        if (handle.kind === 'file') handle.file.close().catch(() => undefined);
      }
      this.handles.clear();
    });
    sftp.on('error', () => undefined);
  }

  private fail(reqId: number, error: unknown): void {
    try {
      this.sftp.status(reqId, statusOf(error));
    } catch {
      // the channel is gone
    }
  }

  private ok(reqId: number): void {
    this.sftp.status(reqId, STATUS.OK);
  }

  /** Virtual path -> disk path, refusing `..` above the root and symbolic links that lead outside it. */
  private async resolve(path: string): Promise<{ virtualPath: string; diskPath: string }> {
    const virtualPath = normaliseVirtualPath(path);
    if (virtualPath === undefined) throw refused();
    const diskPath = diskPathOf(this.root, virtualPath);
    // The deepest existing ancestor decides where the path really lands.
    let probe = diskPath;
    for (;;) {
      try {
        const real = await realpath(probe);
        if (!isInside(this.root, real)) throw refused();
        break;
      } catch (error) {
        if (error instanceof SftpStatus) throw error;
        const parent = dirname(probe);
        if (parent === probe || !isInside(this.root, parent)) break;
        probe = parent;
      }
    }
    return { virtualPath, diskPath };
  }

  private newHandle(handle: OpenHandle): Buffer {
    if (this.handles.size >= 256) throw new SftpStatus(STATUS.FAILURE);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(this.nextHandle++ >>> 0);
    this.handles.set(id.toString('hex'), handle);
    return id;
  }

  private handleOf(handle: Buffer): OpenHandle {
    const found = this.handles.get(handle.toString('hex'));
    if (!found) throw new SftpStatus(STATUS.FAILURE);
    return found;
  }

  private fileOf(handle: Buffer): FileHandle {
    const found = this.handleOf(handle);
    if (found.kind !== 'file') throw new SftpStatus(STATUS.FAILURE);
    return found.file;
  }

  private async realpathRequest(reqId: number, path: string): Promise<void> {
    const { virtualPath } = await this.resolve(path);
    this.sftp.name(reqId, [{ filename: virtualPath, longname: virtualPath, attrs: {} as Attributes }]);
  }

  private async statRequest(reqId: number, path: string, follow: boolean): Promise<void> {
    const { diskPath } = await this.resolve(path);
    const stats = follow ? await stat(diskPath) : await lstat(diskPath);
    this.sftp.attrs(reqId, attributesOf(stats));
  }

  private async fstatRequest(reqId: number, handle: Buffer): Promise<void> {
    this.sftp.attrs(reqId, attributesOf(await this.fileOf(handle).stat()));
  }

  private async openRequest(reqId: number, path: string, flags: number, attrs: Attributes): Promise<void> {
    const { diskPath } = await this.resolve(path);
    let mode = 0;
    const readable = (flags & OPEN_MODE.READ) !== 0;
    const writable = (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND)) !== 0;
    if (readable && writable) mode |= fsConstants.O_RDWR;
    else if (writable) mode |= fsConstants.O_WRONLY;
    else mode |= fsConstants.O_RDONLY;
    if (flags & OPEN_MODE.APPEND) mode |= fsConstants.O_APPEND;
    if (flags & OPEN_MODE.CREAT) mode |= fsConstants.O_CREAT;
    if (flags & OPEN_MODE.TRUNC) mode |= fsConstants.O_TRUNC;
    if (flags & OPEN_MODE.EXCL) mode |= fsConstants.O_EXCL;
    // Never follow a final symbolic link: resolve() checked where the path lands, not where a link points.
    mode |= fsConstants.O_NOFOLLOW;
    const permissions = typeof attrs?.mode === 'number' ? attrs.mode & 0o7777 : 0o644;
    const file = await open(diskPath, mode, permissions);
    const stats = await file.stat();
    if (stats.isDirectory()) {
      await file.close();
      throw new SftpStatus(STATUS.FAILURE);
    }
    this.sftp.handle(reqId, this.newHandle({ kind: 'file', file, path: diskPath }));
  }

  private async readRequest(reqId: number, handle: Buffer, offset: number, length: number): Promise<void> {
    const file = this.fileOf(handle);
    const buffer = Buffer.alloc(Math.min(length, this.maxReadBytes));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
    if (bytesRead === 0) this.sftp.status(reqId, STATUS.EOF);
    else this.sftp.data(reqId, buffer.subarray(0, bytesRead));
  }

  private async writeRequest(reqId: number, handle: Buffer, offset: number, data: Buffer): Promise<void> {
    const file = this.fileOf(handle);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await file.write(data, written, data.length - written, offset + written);
      written += bytesWritten;
    }
    this.ok(reqId);
  }

  private async closeRequest(reqId: number, handle: Buffer): Promise<void> {
    const found = this.handleOf(handle);
    this.handles.delete(handle.toString('hex'));
    if (found.kind === 'file') await found.file.close();
    this.ok(reqId);
  }

  private async opendirRequest(reqId: number, path: string): Promise<void> {
    const { diskPath } = await this.resolve(path);
    const stats = await stat(diskPath);
    if (!stats.isDirectory()) throw new SftpStatus(STATUS.FAILURE);
    this.sftp.handle(reqId, this.newHandle({ kind: 'directory', diskPath, listed: false }));
  }

  private async readdirRequest(reqId: number, handle: Buffer): Promise<void> {
    const found = this.handleOf(handle);
    if (found.kind !== 'directory') throw new SftpStatus(STATUS.FAILURE);
    if (found.listed) {
      this.sftp.status(reqId, STATUS.EOF);
      return;
    }
    found.listed = true;
    const names = await readdir(found.diskPath);
    const entries: FileEntry[] = [];
    for (const name of names.sort()) {
      try {
        const stats = await lstat(diskPathOf(found.diskPath, `/${name}`));
        entries.push({ filename: name, longname: longnameOf(name, stats), attrs: attributesOf(stats) });
      } catch {
        // removed between readdir and lstat: not listed
      }
    }
    if (entries.length === 0) this.sftp.status(reqId, STATUS.EOF);
    else this.sftp.name(reqId, entries);
  }

  private async removeRequest(reqId: number, path: string): Promise<void> {
    const { diskPath } = await this.resolve(path);
    const stats = await lstat(diskPath);
    if (stats.isDirectory()) throw new SftpStatus(STATUS.FAILURE);
    await unlink(diskPath);
    this.ok(reqId);
  }

  private async rmdirRequest(reqId: number, path: string): Promise<void> {
    const { virtualPath, diskPath } = await this.resolve(path);
    if (virtualPath === '/') throw refused();
    await rmdir(diskPath);
    this.ok(reqId);
  }

  private async mkdirRequest(reqId: number, path: string, attrs: Attributes): Promise<void> {
    const { diskPath } = await this.resolve(path);
    await mkdir(diskPath, { mode: typeof attrs?.mode === 'number' ? attrs.mode & 0o7777 : 0o755 });
    this.ok(reqId);
  }

  private async renameRequest(reqId: number, fromPath: string, toPath: string): Promise<void> {
    const from = await this.resolve(fromPath);
    const to = await this.resolve(toPath);
    if (from.virtualPath === '/' || to.virtualPath === '/') throw refused();
    const source = await lstat(from.diskPath);
    // SFTP rename never overwrites: an existing target is a failure, never replaced.
    const target = await lstat(to.diskPath).catch(() => undefined);
    if (target !== undefined) throw new SftpStatus(STATUS.FAILURE);
    if (source.isDirectory()) {
      await rename(from.diskPath, to.diskPath);
    } else {
      // link() fails with EEXIST when the target appeared meanwhile: exclusive, unlike rename(2).
      await link(from.diskPath, to.diskPath);
      await unlink(from.diskPath);
    }
    this.ok(reqId);
  }

  private async setstatRequest(reqId: number, path: string, attrs: Attributes): Promise<void> {
    const { diskPath } = await this.resolve(path);
    // Truncating needs a writable descriptor; chmod and utimes work on a read-only one (directories too).
    const access = typeof attrs?.size === 'number' ? fsConstants.O_WRONLY : fsConstants.O_RDONLY;
    const file = await open(diskPath, access | fsConstants.O_NOFOLLOW);
    try {
      await applyAttributes(file, attrs);
    } finally {
      await file.close();
    }
    this.ok(reqId);
  }

  private async fsetstatRequest(reqId: number, handle: Buffer, attrs: Attributes): Promise<void> {
    await applyAttributes(this.fileOf(handle), attrs);
    this.ok(reqId);
  }
}

async function applyAttributes(file: FileHandle, attrs: Attributes): Promise<void> {
  if (typeof attrs?.mode === 'number') await file.chmod(attrs.mode & 0o7777);
  if (typeof attrs?.size === 'number') await file.truncate(attrs.size);
  if (typeof attrs?.atime === 'number' && typeof attrs?.mtime === 'number') {
    await file.utimes(attrs.atime, attrs.mtime);
  }
}
