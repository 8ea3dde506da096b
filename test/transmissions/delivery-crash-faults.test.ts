// Crashes between "the file is at the payer" and "the database knows it", on a real PostgreSQL (a throwaway
// database on TEST_DATABASE_URL's server, or on 127.0.0.1:5432) and a real OpenSSH server:
//
// - the gateway process SIGKILLed after the upload, while its recording transaction is open: nothing is
//   committed, and a new process resumes once the lease ends: it finds the file already delivered, records
//   it, and the payer has one copy;
// - the PostgreSQL connection of the recording transaction killed (pg_terminate_backend): the worker tries
//   again on a new connection and records it once; killed on every try, the run reports the outcome
//   unrecorded, the row stays 'uploading', and the next run after the lease records it once;
// - several delivery runs at once: SKIP LOCKED gives each a disjoint set of rows.
//
// To stop the recording transaction at a known point, the test holds a row lock on one of the claims; the
// transaction blocks on it after it has updated the transmission row (pg_blocking_pids shows it).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DeliveryService, RECORD_ATTEMPTS } from '../../src/modules/transmissions/delivery/delivery.service';
import {
  claimSendings,
  copiesAtPayer,
  filesAtPayer,
  insertBuiltTransmission,
  insertSftpPartner,
  submitClaims,
  transitionsOf,
  transmissionRow,
} from '../support/delivery-fixtures';
import { startSshd, TestSshd } from '../support/sshd';
import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  testDatabaseUrl,
  TestApp,
} from '../support/test-app';

jest.setTimeout(180_000);

const LEASE_SECONDS = 10;
let scratch: { url: string; drop(): Promise<void> };
let t: TestApp;
let sshd: TestSshd;
let org: { orgId: string; key: string };
let dataDir: string;
const env = {
  SCHEDULER_ENABLED: 'false',
  SECRETS_KEY: randomBytes(32).toString('base64'),
  DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
  DELIVERY_RETRY_BASE_SECONDS: '0',
  DELIVERY_RETRY_MAX_SECONDS: '0',
  LOG_LEVEL: 'info',
};

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseUrl() ?? LOCAL_POSTGRES_URL);
  dataDir = mkdtempSync(join(tmpdir(), 'gw-crash-'));
  [t, sshd] = await Promise.all([createTestApp({ databaseUrl: scratch.url, env }), startSshd()]);
  org = await t.createOrgWithKey('submitter');
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function built(tag: string) {
  const partner = await insertSftpPartner(t, sshd, { orgId: org.orgId });
  const claimIds = await submitClaims(t, org.key, 3, tag);
  const transmission = await insertBuiltTransmission(t, org.orgId, partner, claimIds);
  return { claimIds, transmission };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A separate connection holding a row lock on one claim until release(). */
async function lockClaim(claimId: string): Promise<{ pid: number; release(): Promise<void> }> {
  const client = new Client({ connectionString: scratch.url, application_name: 'delivery-crash-test' });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return {
    pid: rows[0].pid,
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** The backend waiting for the lock holder: the recording transaction, stopped mid-way. */
function blockedBackend(lockPid: number): Promise<number | undefined> {
  return t.dataSource
    .query(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [lockPid])
    .then((rows: { pid: number }[]) => rows[0]?.pid);
}

/** The next backend blocked on the lock that is not `previous` (each try of a recording has its own). */
function nextBlockedBackend(lockPid: number, previous: number | undefined): Promise<number> {
  return until('a recording transaction to block', async () => {
    const pid = await blockedBackend(lockPid);
    return pid !== undefined && pid !== previous ? pid : undefined;
  });
}

/**
 * Ends the connection of the recording transaction each time it blocks on the lock, `times` times in a row
 * (each try of the worker's recording runs on a fresh connection, so on a new backend). Gives the last pid.
 */
async function killRecordings(lockPid: number, times: number): Promise<number> {
  let previous: number | undefined;
  for (let kill = 0; kill < times; kill += 1) {
    const blocked = await nextBlockedBackend(lockPid, previous);
    const [terminated] = (await t.dataSource.query(`SELECT pg_terminate_backend($1) AS ok`, [blocked])) as {
      ok: boolean;
    }[];
    expect(terminated.ok).toBe(true);
    previous = blocked;
  }
  return previous as number;
}

/** A delivery run whose every try at recording the outcome has its connection killed. */
async function deliverWithEveryRecordingKilled(
  delivery: DeliveryService,
  lockedClaimId: string,
): Promise<Awaited<ReturnType<DeliveryService['deliverDue']>>> {
  const lock = await lockClaim(lockedClaimId);
  try {
    const running = delivery.deliverDue();
    await killRecordings(lock.pid, RECORD_ATTEMPTS);
    return await running;
  } finally {
    await lock.release();
  }
}

async function backendGone(pid: number): Promise<true | undefined> {
  const rows = (await t.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [
    pid,
  ])) as unknown[];
  return rows.length === 0 ? true : undefined;
}

async function leaseExpired(id: string): Promise<true | undefined> {
  const rows = (await t.dataSource.query(
    `SELECT next_attempt_at <= now() AS due FROM transmissions WHERE id = $1`,
    [id],
  )) as { due: boolean }[];
  return rows[0].due ? true : undefined;
}

interface Worker {
  child: ChildProcess;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(): Worker {
  let stdout = '';
  let stderr = '';
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../support/delivery-worker-child.ts')],
    {
      env: { ...process.env, ...env, DATABASE_URL: scratch.url, DATA_DIR: dataDir },
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
  return { child, stdout: () => stdout, exited };
}

describe('crash between upload and commit', () => {
  it('gateway process SIGKILLed after the upload, before its commit: a new process resumes with already-delivered, no second copy', async () => {
    const { claimIds, transmission } = await built('K1');
    const finalPath = join(sshd.outboundDir, transmission.fileName);
    const lock = await lockClaim(claimIds[0]);
    const first = startWorker();
    let blocked: number;
    try {
      blocked = await until('the worker to block in its recording transaction', () =>
        blockedBackend(lock.pid),
      );
      // The upload is complete and the rename done: only the database does not know yet.
      expect(existsSync(finalPath)).toBe(true);
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await lock.release();
    }
    // The dead process's transaction is never committed; its backend notices the closed socket and ends.
    await until('the killed worker backend to end', () => backendGone(blocked));
    expect(await transmissionRow(t, transmission.id)).toMatchObject({
      state: 'uploading',
      deliveredAt: null,
    });
    expect(await claimSendings(t, claimIds)).toEqual(
      claimIds.map(() => ({ status: 'queued', sentEvents: 0 })),
    );
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);

    await until('the lease to end', () => leaseExpired(transmission.id));
    const second = startWorker();
    expect(await second.exited).toEqual({ code: 0, signal: null });
    const summary = JSON.parse(second.stdout().trim().split('\n').pop() as string) as {
      items: { transmissionId: string; outcome: string }[];
    };
    expect(summary.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'already-delivered' }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'delivered' });
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [],
    });
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    // The killed worker's claim, the second worker's takeover of the expired lease, the delivery.
    expect(await transitionsOf(t, transmission.id)).toEqual([
      'built>uploading',
      'uploading>uploading',
      'uploading>delivered',
    ]);
  });

  it('PostgreSQL connection killed mid-recording (pg_terminate_backend): tried again on a new connection, recorded once', async () => {
    const delivery = t.app.get(DeliveryService);
    const { claimIds, transmission } = await built('K2');
    const lock = await lockClaim(claimIds[1]);
    let run: Awaited<ReturnType<DeliveryService['deliverDue']>>;
    try {
      const running = delivery.deliverDue();
      const killed = await killRecordings(lock.pid, 1);
      // The second try blocks on the same lock, on another connection; let it through.
      await nextBlockedBackend(lock.pid, killed);
      await lock.release();
      run = await running;
    } catch (error) {
      await lock.release().catch(() => undefined);
      throw error;
    }
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'delivered' });
    expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading', 'uploading>delivered']);
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(t.logs.join('\n')).toContain('recording the delivery outcome failed; trying again');
  });

  it('every try at recording killed: outcome unrecorded, then recorded once after the lease', async () => {
    const delivery = t.app.get(DeliveryService);
    const { claimIds, transmission } = await built('K2b');
    const run = await deliverWithEveryRecordingKilled(delivery, claimIds[1]);
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'unrecorded' }),
    ]);
    // Rolled back as a whole: neither the transmission nor any claim moved, and no event was kept.
    expect(await transmissionRow(t, transmission.id)).toMatchObject({
      state: 'uploading',
      deliveredAt: null,
    });
    expect(await claimSendings(t, claimIds)).toEqual(
      claimIds.map(() => ({ status: 'queued', sentEvents: 0 })),
    );
    expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading']);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);

    // Not due before the lease ends: another run now would leave it alone.
    expect((await delivery.deliverDue()).claimed).toBe(0);
    await until('the lease to end', () => leaseExpired(transmission.id));
    const retry = await delivery.deliverDue();
    expect(retry.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'already-delivered' }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'delivered' });
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
  });

  it('delivery unrecorded and the payer collects the file before the next attempt: in_doubt, never uploaded a second time', async () => {
    const delivery = t.app.get(DeliveryService);
    const { claimIds, transmission } = await built('K3');
    const run = await deliverWithEveryRecordingKilled(delivery, claimIds[2]);
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'unrecorded' }),
    ]);
    // The publish mark was committed before the rename, so it survived the rolled-back recording.
    const [marked] = (await t.dataSource.query(
      `SELECT publish_started_at IS NOT NULL AS marked FROM transmissions WHERE id = $1`,
      [transmission.id],
    )) as { marked: boolean }[];
    expect(marked.marked).toBe(true);
    // The payer picks the file up and removes it, as payers do.
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [],
    });
    rmSync(join(sshd.outboundDir, transmission.fileName));

    await until('the lease to end', () => leaseExpired(transmission.id));
    const retry = await delivery.deliverDue();
    expect(retry.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'in-doubt',
        code: 'PUBLISH_UNCONFIRMED',
      }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'in_doubt' });
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({ final: [], other: [] });
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(0);
    // In doubt is never retried on its own.
    expect((await delivery.deliverDue()).claimed).toBe(0);
    expect(await transitionsOf(t, transmission.id)).toEqual([
      'built>uploading',
      'uploading>uploading',
      'uploading>in_doubt',
    ]);
  });
});

describe('several workers on one PostgreSQL', () => {
  it('concurrent runs claim disjoint rows (SKIP LOCKED): each file uploaded by one worker, once', async () => {
    const delivery = t.app.get(DeliveryService);
    const partners = await Promise.all([0, 1, 2].map(() => insertSftpPartner(t, sshd, { orgId: org.orgId })));
    const transmissions = [];
    for (let index = 0; index < 8; index += 1) {
      const claimIds = await submitClaims(t, org.key, 1, `C${index}`);
      transmissions.push(await insertBuiltTransmission(t, org.orgId, partners[index % 3], claimIds));
    }
    const runs = await Promise.all([1, 2, 3].map(() => delivery.deliverDue(3)));
    const items = runs.flatMap((run) => run.items);
    expect(items).toHaveLength(8);
    expect(new Set(items.map((item) => item.transmissionId)).size).toBe(8);
    expect(items.every((item) => item.outcome === 'delivered')).toBe(true);
    for (const transmission of transmissions) {
      expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading', 'uploading>delivered']);
      expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    }
  });
});
