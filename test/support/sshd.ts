// A real OpenSSH sshd for one test file (see ../shared/design/SFTP-TESTING.md): 127.0.0.1 only, a free high
// port, a throwaway config, host key and client key under a temporary directory. Start it in beforeAll and
// stop it in afterAll; every process it signals is one this harness started (the listener and its
// per-connection descendants), never anything found by name.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const SSHD = '/usr/sbin/sshd';

export interface SshdOptions {
  /** Extra arguments for `internal-sftp` in ForceCommand, e.g. ['-P', 'rename,posix-rename'] or ['-R']. */
  internalSftpArgs?: string[];
  /** Seconds for ClientAliveInterval (server-side keepalive); default 5. */
  clientAliveInterval?: number;
  /**
   * Serve this existing directory as the SFTP start directory instead of a fresh one (e.g. the sandbox
   * payer's login root, so OpenSSH and the payer simulator share its to-payer/ and from-payer/).
   */
  rootDir?: string;
}

export interface TestSshd {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** The gateway's client private key (OpenSSH format, unencrypted). */
  readonly privateKey: string;
  /** `SHA256:<base64>` as `ssh-keygen -l -E sha256` prints it. */
  readonly hostKeyFingerprint: string;
  /** Base directory of this instance (config, keys, logs). */
  readonly baseDir: string;
  /** The SFTP start directory (absolute, on this machine). */
  readonly rootDir: string;
  /** Absolute local paths of the remote outbound and inbound directories. */
  readonly outboundDir: string;
  readonly inboundDir: string;
  /** Remote paths (relative to the SFTP start directory) of the same directories. */
  readonly remoteOutbound: string;
  readonly remoteInbound: string;
  /** The listener's PID (changes on restart). */
  pid(): number;
  /** The sshd's stderr so far (debugging). */
  log(): string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops only the listener (SIGTERM to its PID); running sessions continue; restart() brings it back. */
  stopListener(): Promise<void>;
  restartWithOptions(options: SshdOptions): Promise<void>;
  /** SIGKILL every per-connection process (descendants of the listener); the listener keeps running. */
  killSessions(): number;
  /** PIDs of the current per-connection processes. */
  sessionPids(): number[];
  /** A fresh ed25519 key pair that the server does not authorise (for wrong-credential tests). */
  generateUnauthorisedKey(): string;
  /**
   * Makes a directory under rootDir refuse writes at the kernel, so the SFTP server answers Permission denied:
   * chmod 0555 when not root; as root (which ignores modes) the immutable attribute (chattr +i, needs
   * CAP_LINUX_IMMUTABLE and ext4/xfs/btrfs). Returns the technique used; stop() undoes it.
   */
  makeUnwritable(localDir: string): 'chmod' | 'chattr';
  /** Mounts a tmpfs of the given size on a directory under rootDir (root only); stop() unmounts it. */
  mountTinyDisk(localDir: string, sizeBytes: number): void;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The SHA-256 fingerprint of an OpenSSH public key line, in ssh-keygen's `SHA256:base64` form (no padding). */
export function fingerprintOfPublicKey(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1], 'base64');
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

function generateKey(path: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'gateway-test', '-f', path], {
    stdio: 'ignore',
  });
}

/** Parent PID of a process from /proc, or undefined when it has gone. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4 after the parenthesised command name (which may itself contain spaces or parentheses).
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(afterName[1]);
  } catch {
    return undefined;
  }
}

export function descendantPids(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentPid(Number(entry));
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  const result: number[] = [];
  const frontier = [rootPid];
  while (frontier.length > 0) {
    const current = frontier.pop() as number;
    for (const [pid, ppid] of parents) {
      if (ppid === current) {
        result.push(pid);
        frontier.push(pid);
      }
    }
  }
  return result;
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Remove the immutable attribute that a permission test may have set, so the directory can be deleted. */
function clearImmutable(dir: string): void {
  try {
    execFileSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
  } catch {
    // chattr missing or unsupported: nothing was made immutable
  }
}

export async function startSshd(options: SshdOptions = {}): Promise<TestSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: apt-get install -y openssh-server`);
  // A root sshd insists on its privilege separation directory.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const baseDir = mkdtempSync(join(tmpdir(), 'gw-sshd-'));
  const etcDir = join(baseDir, 'etc');
  const rootDir = options.rootDir ?? join(baseDir, 'root');
  const outboundDir = join(rootDir, 'outbound');
  const inboundDir = join(rootDir, 'inbound');
  mkdirSync(etcDir, { mode: 0o700 });
  mkdirSync(outboundDir, { recursive: true });
  mkdirSync(inboundDir, { recursive: true });
  generateKey(join(etcDir, 'host_ed25519'));
  generateKey(join(etcDir, 'client_ed25519'));
  writeFileSync(join(etcDir, 'authorized_keys'), readFileSync(join(etcDir, 'client_ed25519.pub')), {
    mode: 0o600,
  });
  const port = await findFreePort();
  const hostKeyFingerprint = fingerprintOfPublicKey(readFileSync(join(etcDir, 'host_ed25519.pub'), 'utf8'));
  const privateKey = readFileSync(join(etcDir, 'client_ed25519'), 'utf8');
  const configPath = join(etcDir, 'sshd_config');

  let current: SshdOptions = options;
  let child: ChildProcess | undefined;
  let stderr = '';
  let extraKeys = 0;
  const mounts: string[] = [];
  const readOnlyDirs: string[] = [];

  const writeConfig = (): void => {
    const sftpArgs = (current.internalSftpArgs ?? []).join(' ');
    writeFileSync(
      configPath,
      [
        'ListenAddress 127.0.0.1',
        `Port ${port}`,
        `HostKey ${join(etcDir, 'host_ed25519')}`,
        `PidFile ${join(baseDir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(etcDir, 'authorized_keys')}`,
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        'Subsystem sftp internal-sftp',
        `ForceCommand internal-sftp -d ${rootDir} -u 0077 ${sftpArgs}`.trimEnd(),
        'PermitTTY no',
        'AllowTcpForwarding no',
        'X11Forwarding no',
        'MaxStartups 100',
        `ClientAliveInterval ${current.clientAliveInterval ?? 5}`,
        'ClientAliveCountMax 2',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
  };

  const launch = async (): Promise<void> => {
    writeConfig();
    execFileSync(SSHD, ['-t', '-f', configPath], { stdio: 'pipe' });
    stderr = '';
    const proc = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`sshd did not start listening within 10 s:\n${stderr}`));
      }, 10_000);
      const onData = (chunk: Buffer): void => {
        stderr += chunk.toString('utf8');
        if (stderr.includes(`Server listening on 127.0.0.1 port ${port}`)) {
          cleanup();
          resolve();
        }
      };
      const onExit = (code: number | null): void => {
        cleanup();
        reject(new Error(`sshd exited (${code}) before listening:\n${stderr}`));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        proc.off('exit', onExit);
      };
      proc.stderr?.on('data', onData);
      proc.once('exit', onExit);
    });
  };

  // Sessions outlive a stopped listener; they stay this harness's to end.
  const orphanedSessions = new Set<number>();
  const halt = async (keepSessions = false): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.pid === undefined) return;
    const sessions = descendantPids(proc.pid);
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    killQuietly(proc.pid, 'SIGTERM');
    for (const pid of sessions) {
      if (keepSessions) orphanedSessions.add(pid);
      else killQuietly(pid, 'SIGKILL');
    }
    const timer = setTimeout(() => killQuietly(proc.pid as number, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    child = undefined;
  };

  await launch();
  // If the test process dies without afterAll (a crashed worker), take this sshd and its sessions along.
  const onExit = (): void => {
    const pid = child?.pid;
    if (pid === undefined) return;
    for (const session of [...descendantPids(pid), ...orphanedSessions]) killQuietly(session, 'SIGKILL');
    killQuietly(pid, 'SIGKILL');
  };
  process.once('exit', onExit);

  const sshd: TestSshd = {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    privateKey,
    hostKeyFingerprint,
    baseDir,
    rootDir,
    outboundDir,
    inboundDir,
    remoteOutbound: 'outbound',
    remoteInbound: 'inbound',
    pid: () => child?.pid ?? -1,
    log: () => stderr,
    stop: async () => {
      process.off('exit', onExit);
      await halt();
      for (const pid of orphanedSessions) killQuietly(pid, 'SIGKILL');
      orphanedSessions.clear();
      for (const mountPoint of mounts.splice(0).reverse()) {
        execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      }
      for (const dir of readOnlyDirs.splice(0)) chmodSync(dir, 0o755);
      clearImmutable(baseDir);
      rmSync(baseDir, { recursive: true, force: true });
    },
    stopListener: () => halt(true),
    restart: async () => {
      await halt();
      await launch();
      // If the test process dies without afterAll (a crashed worker), take this sshd and its sessions along.
      const onExit = (): void => {
        const pid = child?.pid;
        if (pid === undefined) return;
        for (const session of [...descendantPids(pid), ...orphanedSessions]) killQuietly(session, 'SIGKILL');
        killQuietly(pid, 'SIGKILL');
      };
      process.once('exit', onExit);
    },
    restartWithOptions: async (next: SshdOptions) => {
      current = next;
      await halt();
      await launch();
      // If the test process dies without afterAll (a crashed worker), take this sshd and its sessions along.
      const onExit = (): void => {
        const pid = child?.pid;
        if (pid === undefined) return;
        for (const session of [...descendantPids(pid), ...orphanedSessions]) killQuietly(session, 'SIGKILL');
        killQuietly(pid, 'SIGKILL');
      };
      process.once('exit', onExit);
    },
    sessionPids: () => (child?.pid === undefined ? [] : descendantPids(child.pid)),
    killSessions: () => {
      const pids = sshd.sessionPids();
      for (const pid of pids) killQuietly(pid, 'SIGKILL');
      return pids.length;
    },
    generateUnauthorisedKey: () => {
      extraKeys += 1;
      const path = join(etcDir, `unauthorised_${extraKeys}`);
      generateKey(path);
      return readFileSync(path, 'utf8');
    },
    makeUnwritable: (localDir: string) => {
      if (!localDir.startsWith(rootDir)) throw new Error('only directories of this test sshd');
      if (process.getuid?.() !== 0) {
        chmodSync(localDir, 0o555);
        readOnlyDirs.push(localDir);
        return 'chmod';
      }
      execFileSync('chattr', ['+i', localDir], { stdio: 'pipe' });
      return 'chattr';
    },
    mountTinyDisk: (localDir: string, sizeBytes: number) => {
      if (!localDir.startsWith(rootDir)) throw new Error('only directories of this test sshd');
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', localDir], {
        stdio: 'pipe',
      });
      mounts.push(localDir);
    },
  };
  return sshd;
}
