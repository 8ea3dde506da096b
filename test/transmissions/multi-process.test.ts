// Issue 4, section 6: several gateway processes, one PostgreSQL. Three real gateway processes (src/main.ts,
// scheduler on, a one-second outbound tick) share one throwaway PostgreSQL database and one real OpenSSH
// server as the partner, while 3,000 claims arrive in waves and every process is also asked to send now, at
// the same time. At the end: every claim is in exactly one transmission and was marked sent once, every
// ISA13/GS06/ST02 is unique (read from the files at the partner), every file is at the partner exactly once
// and byte-identical to the stored one, and the ticks' exclusive sections never overlapped across processes.
//
// Always on a real PostgreSQL: TEST_DATABASE_URL's server, else 127.0.0.1:5432 (CI always has it).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors, readX12, validateX12 } from '../../src/x12/read';
import { read837P } from '../../src/x12/transactions/837p-005010x222a1/837p.reader';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { professionalClaim } from '../claims/claim-fixtures';
import { findFreePort, startSshd, TestSshd } from '../support/sshd';
import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  TestApp,
  testDatabaseUrl,
} from '../support/test-app';

jest.setTimeout(600_000);

const PROCESSES = 3;
const WAVES = 6;
const CLAIMS_PER_WAVE = 500;
const TOTAL_CLAIMS = WAVES * CLAIMS_PER_WAVE;
const ROOT = join(__dirname, '..', '..');

interface Gateway {
  child: ChildProcess;
  port: number;
  dataDir: string;
  /** Parsed JSON log lines from its stdout. */
  records: Record<string, unknown>[];
  stderr: string;
  exited: Promise<number | null>;
}

let scratch: { url: string; drop(): Promise<void> };
let sshd: TestSshd;
let t: TestApp;
const gateways: Gateway[] = [];
const secretsKey = randomBytes(32).toString('base64');

async function startGateway(): Promise<Gateway> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-multi-'));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: scratch.url,
      DATABASE_POOL_SIZE: '6',
      SECRETS_KEY: secretsKey,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: 'true',
      OUTBOUND_TICK_SECONDS: '1',
      INBOUND_POLL_SECONDS: '86400',
      SANDBOX_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const gateway: Gateway = {
    child,
    port,
    dataDir,
    records: [],
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        gateway.records.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line (nothing else is printed in postgres mode).
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (gateway.stderr += chunk.toString('utf8')));
  return gateway;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopGateway(gateway: Gateway): Promise<void> {
  if (gateway.child.exitCode === null && gateway.child.signalCode === null) {
    gateway.child.kill('SIGTERM');
    const killer = setTimeout(() => gateway.child.kill('SIGKILL'), 15_000);
    await gateway.exited;
    clearTimeout(killer);
  }
  rmSync(gateway.dataDir, { recursive: true, force: true });
}

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseUrl() ?? LOCAL_POSTGRES_URL);
  sshd = await startSshd();
  // This process submits claims and inspects the database; it never ticks.
  t = await createTestApp({
    databaseUrl: scratch.url,
    env: { SCHEDULER_ENABLED: 'false', SANDBOX_ENABLED: 'false', SECRETS_KEY: secretsKey },
  });
});

afterAll(async () => {
  for (const gateway of gateways) await stopGateway(gateway);
  await t?.close();
  await sshd?.stop();
  await scratch?.drop();
});

it('three gateway processes on one PostgreSQL: each claim in one file, each file at the partner once, ticks never overlap', async () => {
  expect(t.mode).toBe('postgres');
  const admin = await t.createOrgWithKey('admin');
  const submitter = await t.createKey(admin.orgId, 'submitter');
  const partner = await t.app.get(TradingPartnersService).create(
    admin.orgId,
    {
      name: 'Multi Process Payer',
      payerIds: ['SANDBOX1'],
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      credential: { method: 'private-key', privateKey: sshd.privateKey },
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      outboundDir: sshd.remoteOutbound,
      inboundDir: sshd.remoteInbound,
      fileNamePattern: '{partner}-{kind}-{isa13}.x12',
      isaSenderQualifier: 'ZZ',
      isaSenderId: 'MULTISENDER',
      isaReceiverQualifier: 'ZZ',
      isaReceiverId: 'MULTIPAYER',
      maxClaimsPerTransaction: 20,
      maxClaimsPerFile: 50,
    },
    { type: 'system', job: 'multi-process-test' },
  );

  for (let n = 0; n < PROCESSES; n++) gateways.push(await startGateway());
  await waitFor(
    'three gateways listening',
    () => gateways.every((g) => g.records.some((record) => record.msg === 'gateway listening')),
    120_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${gateways.map((g) => g.stderr).join('\n')}`);
  });

  // Claims arrive in waves while the processes tick; after each wave every process is also asked to send
  // now at the same moment (builds outside the tick's lock, racing each other and the ticks).
  const claimIds: string[] = [];
  const sendNowStatuses: number[] = [];
  const sendNows: Promise<void>[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    const claims = Array.from({ length: CLAIMS_PER_WAVE }, (_, n) =>
      professionalClaim(wave * CLAIMS_PER_WAVE + n + 1, { tag: 'MP' }),
    );
    const response = await t.http
      .post('/v1/claim-batches')
      .set('Authorization', `Bearer ${submitter.key}`)
      .send({ claims })
      .expect(202);
    const body = response.body as { acceptedCount: number; results: { claimId: string }[] };
    expect(body.acceptedCount).toBe(CLAIMS_PER_WAVE);
    claimIds.push(...body.results.map((result) => result.claimId));
    for (const gateway of gateways) {
      sendNows.push(
        fetch(`http://127.0.0.1:${gateway.port}/v1/admin/transmissions/send-now`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${admin.key}` },
        }).then((res) => void sendNowStatuses.push(res.status)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  await Promise.all(sendNows);
  expect(sendNowStatuses).toEqual(Array.from({ length: WAVES * PROCESSES }, () => 200));

  await waitFor(
    'every claim sent',
    async () => {
      const rows = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM claims WHERE org_id = $1 AND status = 'sent'`,
        [admin.orgId],
      )) as { n: number }[];
      return rows[0].n === TOTAL_CLAIMS;
    },
    240_000,
  );
  // Let every process finish its current tick, then stop them all.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  for (const gateway of gateways) await stopGateway(gateway);

  // --- Every claim in exactly one transmission, marked sent exactly once. ---
  const perClaim = (await t.dataSource.query(
    `SELECT c.id, c.transmission_id AS "transmissionId", count(DISTINCT tc.id)::int AS links,
            min(tc.transmission_id::text) AS "linkedTo",
            (SELECT count(*)::int FROM claim_status_events e WHERE e.claim_id = c.id AND e.status = 'sent') AS sent
       FROM claims c LEFT JOIN transmission_claims tc ON tc.claim_id = c.id
      WHERE c.org_id = $1 GROUP BY c.id, c.transmission_id`,
    [admin.orgId],
  )) as { id: string; transmissionId: string; links: number; linkedTo: string; sent: number }[];
  expect(perClaim).toHaveLength(TOTAL_CLAIMS);
  expect(new Set(perClaim.map((claim) => claim.id))).toEqual(new Set(claimIds));
  for (const claim of perClaim) {
    expect(claim).toMatchObject({ links: 1, linkedTo: claim.transmissionId, sent: 1 });
  }

  // --- Every file delivered, and at the partner exactly once, byte for byte. ---
  const transmissions = (await t.dataSource.query(
    `SELECT id, state, file_name AS "fileName", bytes, claim_count AS "claimCount" FROM transmissions
      WHERE org_id = $1`,
    [admin.orgId],
  )) as { id: string; state: string; fileName: string; bytes: Buffer; claimCount: number }[];
  expect(transmissions.every((row) => row.state === 'delivered')).toBe(true);
  expect(transmissions.reduce((sum, row) => sum + row.claimCount, 0)).toBe(TOTAL_CLAIMS);
  const onDisk = readdirSync(sshd.outboundDir).sort();
  expect(onDisk).toEqual(transmissions.map((row) => row.fileName).sort());
  expect(onDisk.filter((name) => name.startsWith('.') || name.endsWith('.part'))).toEqual([]);
  // Each file was taken for upload once and delivered once (no second attempt anywhere).
  const transitions = (await t.dataSource.query(
    `SELECT e.transmission_id AS id, count(*) FILTER (WHERE e.to_state = 'uploading')::int AS uploading,
            count(*) FILTER (WHERE e.to_state = 'delivered')::int AS delivered
       FROM transmission_events e JOIN transmissions t ON t.id = e.transmission_id
      WHERE t.org_id = $1 GROUP BY e.transmission_id`,
    [admin.orgId],
  )) as { id: string; uploading: number; delivered: number }[];
  expect(transitions).toHaveLength(transmissions.length);
  for (const row of transitions) expect(row).toMatchObject({ uploading: 1, delivered: 1 });

  // --- Control numbers read from the files at the partner: unique, and the ledger's. ---
  const isa13s: string[] = [];
  const gs06s: string[] = [];
  const st02s: string[] = [];
  const pcns: string[] = [];
  for (const row of transmissions) {
    const remote = readFileSync(join(sshd.outboundDir, row.fileName));
    expect(remote.equals(row.bytes)).toBe(true);
    expect(hasErrors(validateX12(remote).diagnostics)).toBe(false);
    for (const interchange of readX12(remote).value) {
      isa13s.push(interchange.controlNumber);
      for (const group of interchange.groups) {
        gs06s.push(group.controlNumber);
        for (const set of group.transactions) {
          st02s.push(set.controlNumber);
          expect(set.controlNumber).not.toBe('');
          const claims = read837P(set, interchange.delimiters).value.claims;
          expect(claims.length).toBeLessThanOrEqual(20);
          pcns.push(...claims.map((claim) => claim.claimInformation.patientControlNumber));
        }
      }
    }
  }
  expect(new Set(isa13s).size).toBe(isa13s.length);
  expect(new Set(gs06s).size).toBe(gs06s.length);
  expect(new Set(st02s).size).toBe(st02s.length);
  expect(pcns).toHaveLength(TOTAL_CLAIMS);
  expect(new Set(pcns).size).toBe(TOTAL_CLAIMS);
  const ledger = (await t.dataSource.query(
    `SELECT kind, number FROM control_number_allocations WHERE sender_id = $1 AND receiver_id = $2`,
    [partner.isaSenderId, partner.isaReceiverId],
  )) as { kind: string; number: string }[];
  const ledgerOf = (kind: string) =>
    ledger
      .filter((row) => row.kind === kind)
      .map((row) => Number(row.number))
      .sort((a, b) => a - b);
  expect(ledgerOf('ISA13')).toEqual(isa13s.map(Number).sort((a, b) => a - b));
  expect(ledgerOf('GS06')).toEqual(gs06s.map(Number).sort((a, b) => a - b));
  expect(ledgerOf('ST02')).toEqual(st02s.map(Number).sort((a, b) => a - b));

  // --- The scheduled ticks' exclusive sections never overlapped, and every process ran some. ---
  const sections: { pid: unknown; start: number; end: number }[] = [];
  for (const gateway of gateways) {
    let open: number | undefined;
    for (const record of gateway.records) {
      if (record.job !== 'outbound') continue;
      if (record.msg === 'outbound tick started') {
        expect(open).toBeUndefined();
        open = Date.parse(String(record.time));
      } else if (record.msg === 'outbound tick finished' || record.msg === 'outbound tick failed') {
        expect(open).toBeDefined();
        sections.push({ pid: record.pid, start: open as number, end: Date.parse(String(record.time)) });
        open = undefined;
      }
    }
  }
  expect(sections.length).toBeGreaterThan(PROCESSES);
  for (const section of sections)
    expect(Number.isFinite(section.start) && section.end >= section.start).toBe(true);
  sections.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let n = 1; n < sections.length; n++) {
    expect(sections[n].start).toBeGreaterThanOrEqual(sections[n - 1].end);
  }
  expect(new Set(sections.map((section) => section.pid)).size).toBe(PROCESSES);
  // Files were built by ticks as well as by send-now, in more than one process.
  const builders = gateways.filter((g) => g.records.some((record) => record.msg === 'batch file built'));
  expect(builders.length).toBeGreaterThanOrEqual(2);
});
