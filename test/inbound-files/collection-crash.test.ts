// The gateway process SIGKILLed during collection, against a real PostgreSQL shared by two processes:
// - after a file's commit, before its remote delete: the next pass downloads it again, finds its SHA-256
//   stored, inserts nothing and removes it (one row, file gone), and processes the file the dead process
//   never processed;
// - before the commit (its INSERT blocked by another transaction): nothing is stored and the file stays on
//   the server; the next pass stores it once and removes it.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CollectionService } from '../../src/modules/inbound-files/collection.service';
import { startSshd, TestSshd } from '../support/sshd';
import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  testDatabaseUrl,
  TestApp,
} from '../support/test-app';
import { createPartner, FAST, retirePartner, sample, storedFiles } from './inbound-fixtures';

jest.setTimeout(180_000);

let scratch: { url: string; drop(): Promise<void> };
let t: TestApp;
let sshd: TestSshd;
let orgId: string;
let dataDir: string;
const env = { SCHEDULER_ENABLED: 'false', SECRETS_KEY: randomBytes(32).toString('base64') };

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseUrl() ?? LOCAL_POSTGRES_URL);
  dataDir = mkdtempSync(join(tmpdir(), 'gw-collect-crash-'));
  [t, sshd] = await Promise.all([createTestApp({ databaseUrl: scratch.url, env }), startSshd()]);
  orgId = (await t.createOrg()).id;
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Child {
  process: ChildProcess;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCollector(extraEnv: Record<string, string> = {}): Child {
  let stdout = '';
  let stderr = '';
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'collection-child.ts')],
    {
      env: { ...process.env, ...env, ...extraEnv, DATABASE_URL: scratch.url, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) console.error(stderr);
      resolve({ code, signal });
    }),
  );
  return { process: child, stdout: () => stdout, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('killed between the commit and the remote delete: the next pass stores nothing new and removes the file', async () => {
  const { partner, inboundDir } = await createPartner(t, sshd, orgId);
  const bytes = sample('999/accepted.x12');
  writeFileSync(join(inboundDir, 'ack.x12'), bytes);

  const child = startCollector({ COLLECT_HANG_AT_DELETE: '1' });
  try {
    await until('the child to reach the remote delete', async () =>
      child.stdout().includes('at-delete') ? true : undefined,
    );
    // The bytes are committed (the delete only starts after the INSERT returned), the remote file is there.
    expect(await storedFiles(t, partner.id)).toHaveLength(1);
    expect(existsSync(join(inboundDir, 'ack.x12'))).toBe(true);
  } finally {
    child.process.kill('SIGKILL');
  }
  expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });

  const report = await t.app.get(CollectionService).collectAll(FAST);
  expect(report.partners.find((entry) => entry.partnerId === partner.id)).toMatchObject({
    stored: 0,
    duplicates: 1,
    disposed: 1,
  });
  expect(existsSync(join(inboundDir, 'ack.x12'))).toBe(false);
  const rows = await storedFiles(t, partner.id);
  expect(rows).toHaveLength(1);
  expect(Buffer.compare(rows[0].bytes, bytes)).toBe(0);
  // The dead process never processed it; the next pass's sweep of unprocessed files did.
  expect(rows[0].processed_at).not.toBeNull();
  expect(rows[0].process_count).toBe(1);
  await retirePartner(t, partner);
});

it('killed before the commit: nothing is stored, the file stays remote, the next pass stores it once', async () => {
  const { partner, inboundDir } = await createPartner(t, sshd, orgId);
  const bytes = sample('277ca/277ca-accepted.x12');
  writeFileSync(join(inboundDir, 'status.x12'), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  // Another transaction inserts the same (partner, sha256) and holds it uncommitted: the child's
  // INSERT .. ON CONFLICT waits on it, i.e. the child is stopped inside its store, before any commit.
  const blocker = new Client({ connectionString: scratch.url, application_name: 'collect-crash-blocker' });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query(
    `INSERT INTO inbound_files (id, partner_id, org_id, remote_name, bytes, sha256, size_bytes, kind, state,
       received_at) VALUES (gen_random_uuid(), $1, $2, 'blocker', $3, $4, $5, '277CA', 'stored', now())`,
    [partner.id, orgId, bytes, sha256, bytes.length],
  );
  const child = startCollector();
  let waitingPid: number;
  try {
    waitingPid = await until('the child INSERT to wait on the blocker', async () => {
      const rows: Array<{ pid: number }> = await t.dataSource.query(
        `SELECT pid FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbound_files%'`,
      );
      return rows[0]?.pid;
    });
  } finally {
    child.process.kill('SIGKILL');
  }
  expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
  // PostgreSQL notices a dead client only when it next talks to it: the waiting statement would still run
  // once the lock frees. Its connection dies with the process, as a crash would end it.
  await t.dataSource.query('SELECT pg_terminate_backend($1)', [waitingPid]);
  await until('the child backend to go', async () => {
    const rows: unknown[] = await t.dataSource.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [
      waitingPid,
    ]);
    return rows.length === 0 ? true : undefined;
  });
  await blocker.query('ROLLBACK');
  await blocker.end();

  expect(await storedFiles(t, partner.id)).toEqual([]);
  expect(existsSync(join(inboundDir, 'status.x12'))).toBe(true);

  const report = await t.app.get(CollectionService).collectAll(FAST);
  expect(report.partners.find((entry) => entry.partnerId === partner.id)).toMatchObject({
    stored: 1,
    disposed: 1,
  });
  expect(existsSync(join(inboundDir, 'status.x12'))).toBe(false);
  expect((await storedFiles(t, partner.id)).map((row) => row.kind)).toEqual(['277CA']);
  await retirePartner(t, partner);
});
