// Batching end to end on the real app and database (embedded by default, real PostgreSQL with
// TEST_DATABASE_URL): claims submitted over the API, BatchingService.buildDue, and the stored 837s read back
// with the engine. Control numbers come from the ledger, transaction-set and file limits are respected,
// claims whose payer has no partner stay queued, concurrent builds never put a claim in two files, a file that
// fails validation is never stored, and the admin send-now delivers to a real OpenSSH server.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, readX12, validateX12 } from '../../src/x12/read';
import { read837I } from '../../src/x12/transactions/837i-005010x223a2/837i.reader';
import { read837P } from '../../src/x12/transactions/837p-005010x222a1/837p.reader';
import type { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../../src/modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { BatchingService } from '../../src/modules/transmissions/batching/batching.service';
import { OutboundScheduler } from '../../src/modules/transmissions/outbound.scheduler';
import { institutionalClaim, professionalClaim } from '../claims/claim-fixtures';
import { startSshd, TestSshd } from '../support/sshd';
import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  TestApp,
  testDatabaseUrl,
} from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let sshd: TestSshd;
let batching: BatchingService;
const actor = { type: 'system', job: 'batching-test' } as const;
let partnerCounter = 0;

beforeAll(async () => {
  sshd = await startSshd();
  // No scheduled ticks and no sandbox partner: the test drives every build itself.
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', SANDBOX_ENABLED: 'false' } });
  batching = t.app.get(BatchingService);
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

async function createPartner(
  orgId: string,
  overrides: Partial<TradingPartnerInput> = {},
  app: TestApp = t,
): Promise<TradingPartnerEntity> {
  partnerCounter += 1;
  return app.app.get(TradingPartnersService).create(
    orgId,
    {
      name: `Batching partner ${partnerCounter}`,
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
      isaSenderId: `BATCHSND${partnerCounter}`,
      isaReceiverQualifier: 'ZZ',
      isaReceiverId: 'BATCHPAYER',
      ...overrides,
    },
    actor,
  );
}

async function submit(key: string, claims: Record<string, unknown>[], app: TestApp = t): Promise<string[]> {
  const response = await app.http
    .post('/v1/claim-batches')
    .set('Authorization', `Bearer ${key}`)
    .send({ claims })
    .expect(202);
  const body = response.body as { acceptedCount: number; results: { claimId?: string }[] };
  expect(body.acceptedCount).toBe(claims.length);
  return body.results.map((result) => result.claimId as string);
}

interface StoredTransmission {
  id: string;
  orgId: string;
  partnerId: string;
  kind: string;
  state: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  sizeBytes: number;
  claimCount: number;
}

async function transmissionsOf(orgId: string, app: TestApp = t): Promise<StoredTransmission[]> {
  return (await app.dataSource.query(
    `SELECT id, org_id AS "orgId", partner_id AS "partnerId", kind, state, file_name AS "fileName", bytes,
            sha256, size_bytes AS "sizeBytes", claim_count AS "claimCount"
       FROM transmissions WHERE org_id = $1 ORDER BY created_at, id`,
    [orgId],
  )) as StoredTransmission[];
}

interface ReadBack {
  isa13s: string[];
  /** Per transaction set: GS06, ST02 and its claims' CLM01s. */
  sets: { gs06: string; st02: string; pcns: string[] }[];
}

/** Reads a stored file with the engine (syntax, envelope and guide validation). */
function readBack(bytes: Buffer): ReadBack {
  expect(hasErrors(validateX12(bytes).diagnostics)).toBe(false);
  const read = readX12(bytes);
  const sets: ReadBack['sets'] = [];
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const set of group.transactions) {
        const claims =
          set.version === '005010X222A1'
            ? read837P(set, interchange.delimiters).value.claims
            : read837I(set, interchange.delimiters).value.claims;
        sets.push({
          gs06: group.controlNumber,
          st02: set.controlNumber,
          pcns: claims.map((claim) => claim.claimInformation.patientControlNumber),
        });
      }
    }
  }
  return { isa13s: read.value.map((interchange) => interchange.controlNumber), sets };
}

async function claimRows(
  ids: readonly string[],
): Promise<{ id: string; status: string; transmissionId: string | null }[]> {
  return (await t.dataSource.query(
    `SELECT id, status, transmission_id AS "transmissionId" FROM claims WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  )) as { id: string; status: string; transmissionId: string | null }[];
}

describe('BatchingService.buildDue', () => {
  it('stores 837 files that read back to exactly the queued claims, split by kind, set and file limits', async () => {
    const { orgId, key } = await t.createOrgWithKey('submitter');
    const partner = await createPartner(orgId, { maxClaimsPerTransaction: 3, maxClaimsPerFile: 7 });
    const professional = Array.from({ length: 17 }, (_, n) => professionalClaim(n + 1, { tag: 'BP' }));
    const institutional = Array.from({ length: 4 }, (_, n) => institutionalClaim(n + 1, { tag: 'BI' }));
    const noPartner = Array.from({ length: 3 }, (_, n) =>
      professionalClaim(n + 1, { tag: 'BN', payerId: 'SANDBOX2' }),
    );
    const professionalIds = await submit(key, professional);
    const institutionalIds = await submit(key, institutional);
    const noPartnerIds = await submit(key, noPartner);

    const result = await batching.buildDue({ orgId });
    expect(result.failures).toEqual([]);
    expect(result.claimsBatched).toBe(21);
    expect(result.claimsWithoutPartner).toBe(3);

    const stored = await transmissionsOf(orgId);
    expect(stored.map((row) => row.id).sort()).toEqual(
      result.files.map((file) => file.transmissionId).sort(),
    );
    // 17 professional claims at most 7 per file: 7, 7, 3; 4 institutional claims: one file.
    const byKind = (kind: string) => stored.filter((row) => row.kind === kind);
    expect(
      byKind('837P')
        .map((row) => row.claimCount)
        .sort(),
    ).toEqual([3, 7, 7]);
    expect(byKind('837I').map((row) => row.claimCount)).toEqual([4]);

    const expectedPcn = new Map<string, string>();
    for (const claim of [...professional, ...institutional]) {
      const pcn = (claim.claimInformation as { patientControlNumber: string }).patientControlNumber;
      expectedPcn.set(pcn, pcn);
    }
    const seenPcns: string[] = [];
    const isa13sSeen: number[] = [];
    for (const row of stored) {
      expect(row.state).toBe('built');
      expect(row.partnerId).toBe(partner.id);
      expect(row.sha256).toBe(createHash('sha256').update(row.bytes).digest('hex'));
      expect(row.sizeBytes).toBe(row.bytes.length);

      const back = readBack(row.bytes);
      expect(back.isa13s).toHaveLength(1);
      expect(row.fileName).toBe(`Batching-partner-${partnerCounter}-${row.kind}-${back.isa13s[0]}.x12`);
      for (const set of back.sets) expect(set.pcns.length).toBeLessThanOrEqual(3);
      expect(back.sets.reduce((sum, set) => sum + set.pcns.length, 0)).toBe(row.claimCount);

      // The database rows match the file: ISA13 per interchange, GS06/ST02 and CLM01 per claim.
      const interchanges = (await t.dataSource.query(
        `SELECT isa13, sender_id AS "senderId", receiver_id AS "receiverId"
           FROM transmission_interchanges WHERE transmission_id = $1`,
        [row.id],
      )) as { isa13: number; senderId: string; receiverId: string }[];
      expect(interchanges.map((i) => String(i.isa13).padStart(9, '0'))).toEqual(back.isa13s);
      expect(interchanges[0]).toMatchObject({ senderId: partner.isaSenderId, receiverId: 'BATCHPAYER' });
      isa13sSeen.push(interchanges[0].isa13);
      const links = (await t.dataSource.query(
        `SELECT tc.gs06, tc.st02, tc.patient_control_number AS pcn, c.transmission_id AS "claimTransmission",
                c.status
           FROM transmission_claims tc JOIN claims c ON c.id = tc.claim_id
          WHERE tc.transmission_id = $1 ORDER BY tc.st02, tc.patient_control_number`,
        [row.id],
      )) as { gs06: number; st02: number; pcn: string; claimTransmission: string; status: string }[];
      const fromFile = back.sets
        .flatMap((set) => set.pcns.map((pcn) => `${Number(set.gs06)}/${Number(set.st02)}/${pcn}`))
        .sort();
      expect(links.map((link) => `${link.gs06}/${link.st02}/${link.pcn}`).sort()).toEqual(fromFile);
      for (const link of links) {
        expect(link.claimTransmission).toBe(row.id);
        // Claims stay queued until delivery marks them sent.
        expect(link.status).toBe('queued');
      }
      seenPcns.push(...links.map((link) => link.pcn));

      const events = (await t.dataSource.query(
        `SELECT from_state AS "fromState", to_state AS "toState" FROM transmission_events
          WHERE transmission_id = $1`,
        [row.id],
      )) as { fromState: string | null; toState: string }[];
      expect(events).toEqual([{ fromState: null, toState: 'built' }]);
    }
    expect(seenPcns.sort()).toEqual([...expectedPcn.keys()].sort());

    // Every control number in the files was allocated by the ledger for this pair, for that transmission.
    const ledger = (await t.dataSource.query(
      `SELECT kind, number, reference FROM control_number_allocations
        WHERE sender_id = $1 AND receiver_id = 'BATCHPAYER' ORDER BY kind, number`,
      [partner.isaSenderId],
    )) as { kind: string; number: string; reference: string }[];
    const isaLedger = ledger.filter((row) => row.kind === 'ISA13');
    expect(isaLedger.map((row) => Number(row.number)).sort((a, b) => a - b)).toEqual(
      [...isa13sSeen].sort((a, b) => a - b),
    );
    expect(isaLedger.map((row) => Number(row.number))).toEqual([1, 2, 3, 4]);
    // 837P files: 3 + 3 + 1 sets; 837I: 2 sets -> 7 + 7 + 3 + 4 claims in 3+3+1+2 = 9 ST02s.
    expect(ledger.filter((row) => row.kind === 'ST02')).toHaveLength(9);
    for (const row of ledger) expect(stored.map((s) => s.id)).toContain(row.reference);

    // Claims linked once; the payer without a partner keeps its claims queued and unlinked.
    for (const claim of await claimRows([...professionalIds, ...institutionalIds])) {
      expect(claim.transmissionId).not.toBeNull();
    }
    for (const claim of await claimRows(noPartnerIds)) {
      expect(claim).toMatchObject({ status: 'queued', transmissionId: null });
    }
    // A second run finds nothing new to build, and still counts the waiting claims.
    const again = await batching.buildDue({ orgId });
    expect(again).toMatchObject({ files: [], claimsBatched: 0, claimsWithoutPartner: 3 });
    // Logs carry counts and ids, never claim content.
    const joined = t.logs.join('\n');
    expect(joined).toContain('queued claims wait for a trading partner');
    expect(joined).not.toMatch(/SYNTHBP|MBP1\b|SYNTH BILLING/);
  });

  it('puts several interchanges in one file when the partner allows it (one per transaction set)', async () => {
    const { orgId, key } = await t.createOrgWithKey('submitter');
    await createPartner(orgId, {
      maxClaimsPerTransaction: 2,
      maxClaimsPerFile: 10,
      oneInterchangePerFile: false,
      delimiters: { element: '|', repetition: '!', component: '>', segment: '~' },
      usageIndicator: 'P',
      acknowledgmentRequested: false,
    });
    const ids = await submit(
      key,
      Array.from({ length: 5 }, (_, n) => professionalClaim(n + 1, { tag: 'MI' })),
    );
    const result = await batching.buildDue({ orgId });
    expect(result.files).toHaveLength(1);
    const [row] = await transmissionsOf(orgId);
    const back = readBack(row.bytes);
    expect(back.isa13s).toHaveLength(3);
    expect(back.sets.map((set) => set.pcns.length)).toEqual([2, 2, 1]);
    const [first] = readX12(row.bytes).value;
    expect(first.delimiters.element).toBe('|');
    expect(first.usageIndicator).toBe('P');
    expect(first.acknowledgmentRequested).toBe(false);
    const interchanges = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM transmission_interchanges WHERE transmission_id = $1`,
      [row.id],
    )) as { n: number }[];
    expect(interchanges[0].n).toBe(3);
    expect((await claimRows(ids)).every((claim) => claim.transmissionId === row.id)).toBe(true);
  });

  it('never puts a claim in two transmissions when buildDue runs concurrently (this app)', async () => {
    await concurrentBuilds(t, 4, 60);
  });

  it('does not store a file that fails validation: claims stay queued, control numbers are not used', async () => {
    const { orgId, key } = await t.createOrgWithKey('submitter');
    const partner = await createPartner(orgId);
    const ids = await submit(
      key,
      Array.from({ length: 3 }, (_, n) => professionalClaim(n + 1, { tag: 'VF' })),
    );
    // A stored claim whose CLM02 no longer balances with its lines (as if stored before that edit existed):
    // the builder writes it, the engine's validation rejects it (X12-837-CLM02-BALANCE).
    await t.dataSource.query(
      `UPDATE claims SET submitted = jsonb_set(submitted, '{claimInformation,claimChargeAmount}', '"1.00"')
        WHERE id = $1`,
      [ids[1]],
    );
    const result = await batching.buildDue({ orgId });
    expect(result.files).toEqual([]);
    expect(result.failures).toEqual([
      { orgId, partnerId: partner.id, kind: '837P', code: 'batch_837_invalid' },
    ]);
    expect(await transmissionsOf(orgId)).toEqual([]);
    for (const claim of await claimRows(ids)) {
      expect(claim).toMatchObject({ status: 'queued', transmissionId: null });
    }
    const ledger = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM control_number_allocations WHERE sender_id = $1`,
      [partner.isaSenderId],
    )) as { n: number }[];
    expect(ledger[0].n).toBe(0);
    const failure = t
      .logRecords()
      .find((record) => record.msg === 'batch file not built' && record.orgId === orgId);
    expect(failure).toMatchObject({ code: 'batch_837_invalid' });
    expect(JSON.stringify(failure)).toContain('X12-837-CLM02-BALANCE');

    // Once the claim is fixed, the next run builds all three.
    await t.dataSource.query(`UPDATE claims SET submitted = $2 WHERE id = $1`, [
      ids[1],
      professionalClaim(2, { tag: 'VF' }),
    ]);
    const retry = await batching.buildDue({ orgId });
    expect(retry.claimsBatched).toBe(3);
  });
});

/**
 * `builders` concurrent buildDue calls over `claims` queued claims: every claim ends in exactly one file, the
 * files' bytes hold disjoint claims, and every ISA13 is used once.
 */
async function concurrentBuilds(app: TestApp, builders: number, claims: number): Promise<void> {
  const { orgId, key } = await app.createOrgWithKey('submitter');
  const partner = await createPartner(orgId, { maxClaimsPerTransaction: 2, maxClaimsPerFile: 5 }, app);
  const ids = await submit(
    key,
    Array.from({ length: claims }, (_, n) => professionalClaim(n + 1, { tag: 'CC' })),
    app,
  );
  const service = app.app.get(BatchingService);
  const runs = await Promise.all(Array.from({ length: builders }, () => service.buildDue({ orgId })));
  expect(runs.flatMap((run) => run.failures)).toEqual([]);
  expect(runs.reduce((sum, run) => sum + run.claimsBatched, 0)).toBe(claims);

  const perClaim = (await app.dataSource.query(
    `SELECT c.id, c.transmission_id AS "transmissionId", count(tc.id)::int AS links,
            min(tc.transmission_id::text) AS "linkedTo"
       FROM claims c LEFT JOIN transmission_claims tc ON tc.claim_id = c.id
      WHERE c.id = ANY($1::uuid[]) GROUP BY c.id, c.transmission_id`,
    [ids],
  )) as { id: string; transmissionId: string; links: number; linkedTo: string }[];
  expect(perClaim).toHaveLength(claims);
  for (const claim of perClaim) {
    expect(claim.links).toBe(1);
    expect(claim.linkedTo).toBe(claim.transmissionId);
  }
  const files = await transmissionsOf(orgId, app);
  expect(files.reduce((sum, file) => sum + file.claimCount, 0)).toBe(claims);
  for (const file of files) expect(file.claimCount).toBeLessThanOrEqual(5);
  // Each file's claims, read from its bytes, are disjoint from every other file's.
  const pcns = files.flatMap((file) => readBack(file.bytes).sets.flatMap((set) => set.pcns));
  expect(pcns).toHaveLength(claims);
  expect(new Set(pcns).size).toBe(claims);
  const isa13s = (await app.dataSource.query(
    `SELECT isa13 FROM transmission_interchanges WHERE sender_id = $1`,
    [partner.isaSenderId],
  )) as { isa13: number }[];
  expect(isa13s).toHaveLength(files.length);
  expect(new Set(isa13s.map((row) => row.isa13)).size).toBe(files.length);
}

describe('concurrent builds on a real PostgreSQL (row locks, no in-process queue)', () => {
  let pg: TestApp;
  let scratch: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    // Always a real server: TEST_DATABASE_URL's, else the machine's PostgreSQL (CI always has it).
    scratch = await createScratchDatabase(testDatabaseUrl() ?? LOCAL_POSTGRES_URL);
    pg = await createTestApp({
      databaseUrl: scratch.url,
      env: { SCHEDULER_ENABLED: 'false', SANDBOX_ENABLED: 'false', DATABASE_POOL_SIZE: '12' },
    });
    expect(pg.mode).toBe('postgres');
  });

  afterAll(async () => {
    await pg?.close();
    await scratch?.drop();
  });

  it('six builders at once over 300 claims: each claim in exactly one file', async () => {
    await concurrentBuilds(pg, 6, 300);
  });
});

describe('outbound: scheduler tick and admin send-now', () => {
  it("send-now builds and delivers only the caller's organisation's claims, to the real sshd", async () => {
    const a = await t.createOrgWithKey('admin');
    const aSubmitter = await t.createKey(a.orgId, 'submitter');
    const b = await t.createOrgWithKey('admin');
    const partnerA = await createPartner(a.orgId, { maxClaimsPerFile: 4 });
    await createPartner(b.orgId);
    const aIds = await submit(
      aSubmitter.key,
      Array.from({ length: 6 }, (_, n) => professionalClaim(n + 1, { tag: 'SA' })),
    );
    const aWaiting = await submit(aSubmitter.key, [professionalClaim(1, { tag: 'SW', payerId: 'SANDBOX3' })]);
    const bIds = await submit(b.key, [professionalClaim(1, { tag: 'SB' })]);

    await t.http
      .post('/v1/admin/transmissions/send-now')
      .set('Authorization', `Bearer ${aSubmitter.key}`)
      .expect(403);
    const response = await t.http
      .post('/v1/admin/transmissions/send-now')
      .set('Authorization', `Bearer ${a.key}`)
      .expect(200);
    const body = response.body as {
      claimsBatched: number;
      claimsWithoutPartner: number;
      delivered: number;
      transmissions: { id: string; state: string; claimCount: number; fileName: string; isa13s: string[] }[];
      failures: unknown[];
    };
    expect(body).toMatchObject({ claimsBatched: 6, claimsWithoutPartner: 1, delivered: 2, failures: [] });
    expect(body.transmissions.map((file) => file.claimCount).sort()).toEqual([2, 4]);
    for (const file of body.transmissions) {
      expect(file.state).toBe('delivered');
      expect(file.isa13s[0]).toMatch(/^\d{9}$/);
      // Exactly one complete copy at the partner, byte-identical to the stored file.
      const atPayer = readdirSync(sshd.outboundDir).filter((name) => name.startsWith(file.fileName));
      expect(atPayer).toEqual([file.fileName]);
      const stored = (await t.dataSource.query(`SELECT bytes FROM transmissions WHERE id = $1`, [
        file.id,
      ])) as {
        bytes: Buffer;
      }[];
      expect(readFileSync(join(sshd.outboundDir, file.fileName)).equals(stored[0].bytes)).toBe(true);
    }
    expect((await claimRows(aIds)).every((claim) => claim.status === 'sent')).toBe(true);
    expect(await claimRows(aWaiting)).toEqual([
      expect.objectContaining({ status: 'queued', transmissionId: null }),
    ]);
    // Organisation B's claim was not touched by A's request.
    expect(await claimRows(bIds)).toEqual([
      expect.objectContaining({ status: 'queued', transmissionId: null }),
    ]);
    expect(partnerA.orgId).toBe(a.orgId);

    const audit = (await t.dataSource.query(
      `SELECT action, details FROM audit_log WHERE org_id = $1 AND action = 'transmissions.send_now'`,
      [a.orgId],
    )) as { action: string; details: Record<string, unknown> }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ claimsBatched: 6, files: 2, delivered: 2 });
  });

  it('a scheduler tick builds and delivers inside the exclusive section and logs its counts', async () => {
    const { orgId, key } = await t.createOrgWithKey('submitter');
    await createPartner(orgId);
    const ids = await submit(
      key,
      Array.from({ length: 3 }, (_, n) => professionalClaim(n + 1, { tag: 'TK' })),
    );
    const scheduler = t.app.get(OutboundScheduler);
    const run = await scheduler.tick();
    expect(run.ran).toBe(true);
    expect((await claimRows(ids)).every((claim) => claim.status === 'sent')).toBe(true);
    const records = t.logRecords();
    const finished = records.filter((record) => record.msg === 'outbound tick finished').at(-1);
    expect(finished).toMatchObject({ job: 'outbound' });
    expect(Number(finished?.claimsBatched)).toBeGreaterThanOrEqual(3);
    expect(Number(finished?.deliveryClaimed)).toBeGreaterThanOrEqual(1);
    expect(records.some((record) => record.msg === 'outbound tick started')).toBe(true);
  });
});
