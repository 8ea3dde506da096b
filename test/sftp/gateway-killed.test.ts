// The gateway process killed (SIGKILL) at each point of a delivery, as seen on the server: before anything
// reached it, mid-upload (a partial temporary file), during verification (a complete temporary file, not yet
// renamed), and right after the rename (before the process could record anything). The next attempt (here:
// the test process) must end with the file exactly once at the final name, with the right bytes, and no
// temporary file left behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverFile, DeliverFileRequest, withSftpConnection } from '../../src/modules/transmissions/sftp';
import { connectionOptions, sha256Of, syntheticFile } from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';

jest.setTimeout(60_000);

let sshd: TestSshd;
let scratch: string;

beforeAll(async () => {
  sshd = await startSshd();
  scratch = mkdtempSync(join(tmpdir(), 'gw-child-'));
});

afterAll(async () => {
  await sshd?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

type KillPoint = 'before-connect' | 'mid-upload' | 'during-verification' | 'after-rename';

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Runs a delivery in a child process and SIGKILLs it when the server shows the chosen kill point. */
function runChildAndKill(request: DeliverFileRequest, point: KillPoint): Promise<{ killed: boolean }> {
  const bytesPath = join(scratch, `${request.finalName}.bin`);
  writeFileSync(bytesPath, request.bytes);
  const { bytes: _bytes, ...rest } = request;
  const input = { connection: connectionOptions(sshd), request: { ...rest, bytesPath } };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../support/sftp-deliver-child.ts')],
    {
      env: { ...process.env, SFTP_CHILD_INPUT: JSON.stringify(input) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const temporary = join(sshd.outboundDir, `.${request.finalName}.part`);
  const final = join(sshd.outboundDir, request.finalName);
  const total = request.bytes.length;
  const reached = (): boolean => {
    switch (point) {
      case 'before-connect':
        return true;
      case 'mid-upload': {
        const size = sizeOf(temporary);
        return size > 0 && size < total;
      }
      case 'during-verification':
        return sizeOf(temporary) === total;
      case 'after-rename':
        return existsSync(final);
    }
  };
  let watcher: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    if (watcher === undefined && chunk.toString().includes('connecting')) {
      watcher = setInterval(() => {
        if (reached()) {
          child.kill('SIGKILL');
          clearInterval(watcher);
        }
      }, 1);
    }
  });
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => {
      clearInterval(watcher);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

describe('gateway process killed mid-delivery', () => {
  const points: KillPoint[] = ['before-connect', 'mid-upload', 'during-verification', 'after-rename'];

  it.each(points)('killed %s: the next attempt leaves exactly one correct copy', async (point) => {
    const name = `killed-${point}-837.x12`;
    const file = syntheticFile(4 * 1024 * 1024);
    const request: DeliverFileRequest = {
      bytes: file.bytes,
      sha256: file.sha256,
      remoteDir: sshd.remoteOutbound,
      finalName: name,
      renameAllowed: true,
      verifyHashBelowBytes: 8 * 1024 * 1024,
    };
    const child = await runChildAndKill(request, point);
    expect(child.killed).toBe(true);
    const afterKill = readdirSync(sshd.outboundDir).filter((entry) => entry.includes(name));
    if (point === 'before-connect') expect(afterKill).toEqual([]);
    if (point === 'mid-upload' || point === 'during-verification')
      expect(afterKill).toEqual([`.${name}.part`]);
    if (point === 'after-rename') expect(afterKill).toEqual([name]);

    const retry = await withSftpConnection(connectionOptions(sshd), (connection) =>
      deliverFile(connection, request),
    );
    expect(retry.outcome).toBe(point === 'after-rename' ? 'already-delivered' : 'delivered');
    expect(readdirSync(sshd.outboundDir).filter((entry) => entry.includes(name))).toEqual([name]);
    expect(sha256Of(readFileSync(join(sshd.outboundDir, name)))).toBe(file.sha256);
  });
});
