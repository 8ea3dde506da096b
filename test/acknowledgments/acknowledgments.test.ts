// Acknowledgments back onto claims, on the real app and database (embedded by default, real PostgreSQL with
// TEST_DATABASE_URL). Claims go in over the API, BatchingService builds their 837 files, delivery is
// recorded through the transmission state machine (no SFTP needed here), and TA1, 999 and 277CA files
// written by the engine from the stored 837 bytes are stored and processed by InboundFilesService, which
// hands them to the acknowledgment handlers.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { classifyInboundFile } from '../../src/modules/inbound-files/inbound-file-classifier';
import { MAX_AUTOMATIC_PROCESS_ATTEMPTS } from '../../src/modules/inbound-files/inbound-files.repository';
import { ClaimStatusService } from '../../src/modules/claims/claim-status.service';
import { InboundFilesService } from '../../src/modules/inbound-files/inbound-files.service';
import type { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../../src/modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { BatchingService } from '../../src/modules/transmissions/batching/batching.service';
import { DeliveryService } from '../../src/modules/transmissions/delivery/delivery.service';
import { TransmissionsRepository } from '../../src/modules/transmissions/transmissions.repository';
import { npi, professionalClaim } from '../claims/claim-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { clmError, file277CA, file999, ta1File } from './ack-fixtures';

jest.setTimeout(180_000);

let t: TestApp;
let batching: BatchingService;
let partners: TradingPartnersService;
let inbound: InboundFilesService;
let transmissions: TransmissionsRepository;
let delivery: DeliveryService;
const actor = { type: 'system', job: 'acknowledgments-test' } as const;
let counter = 0;
let replyIsa13 = 500;

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', SANDBOX_ENABLED: 'false' } });
  batching = t.app.get(BatchingService);
  partners = t.app.get(TradingPartnersService);
  inbound = t.app.get(InboundFilesService);
  transmissions = t.app.get(TransmissionsRepository);
  delivery = t.app.get(DeliveryService);
});

afterAll(async () => {
  await t?.close();
});

function partnerInput(overrides: Partial<TradingPartnerInput> = {}): TradingPartnerInput {
  counter += 1;
  return {
    name: `Ack partner ${counter} ${randomBytes(3).toString('hex')}`,
    payerIds: ['SANDBOX1'],
    host: '127.0.0.1',
    port: 22,
    username: 'gateway',
    credential: { method: 'password', password: 'not-used-here' },
    hostKeyFingerprint: `SHA256:${randomBytes(32).toString('base64').replace(/=+$/, '')}`,
    outboundDir: '/outbound',
    inboundDir: '/inbound',
    fileNamePattern: '{partner}-{kind}-{isa13}.x12',
    isaSenderQualifier: 'ZZ',
    isaSenderId: `ACKSND${counter}`,
    isaReceiverQualifier: 'ZZ',
    isaReceiverId: 'ACKPAYER',
    ...overrides,
  } as TradingPartnerInput;
}

interface Scenario {
  orgId: string;
  key: string;
  partner: TradingPartnerEntity;
  claimIds: string[];
  pcns: string[];
  transmissionId: string;
  bytes: Buffer;
}

async function submit(key: string, claims: Record<string, unknown>[]): Promise<string[]> {
  const response = await t.http
    .post('/v1/claim-batches')
    .set('Authorization', `Bearer ${key}`)
    .send({ claims })
    .expect(202);
  const body = response.body as { acceptedCount: number; results: { claimId?: string }[] };
  expect(body.acceptedCount).toBe(claims.length);
  return body.results.map((result) => result.claimId as string);
}

/** Claims submitted, batched into one 837 file and delivered (or left in doubt). */
async function scenario(
  options: {
    count?: number;
    partner?: Partial<TradingPartnerInput>;
    shared?: TradingPartnerEntity;
    org?: { orgId: string; key: string };
    claims?: Record<string, unknown>[];
    inDoubt?: boolean;
    /** Leave the transmission here instead of delivering it. */
    stopAt?: 'uploading' | 'dead_letter';
  } = {},
): Promise<Scenario> {
  const org = options.org ?? (await t.createOrgWithKey('admin'));
  const partner = options.shared ?? (await partners.create(org.orgId, partnerInput(options.partner), actor));
  const tag = `A${counter}${randomBytes(2).toString('hex')}`;
  const claims =
    options.claims ?? Array.from({ length: options.count ?? 3 }, (_, n) => professionalClaim(n + 1, { tag }));
  const claimIds = await submit(org.key, claims);
  const built = await batching.buildDue({ orgId: org.orgId });
  expect(built.files).toHaveLength(1);
  const transmissionId = built.files[0].transmissionId;
  await t.dataSource.transaction(async (manager: EntityManager) => {
    await transmissions.transition(manager, transmissionId, 'built', 'uploading');
    if (options.stopAt === 'uploading') return;
    if (options.stopAt === 'dead_letter') {
      await transmissions.transition(manager, transmissionId, 'uploading', 'dead_letter');
      return;
    }
    if (options.inDoubt) {
      await transmissions.transition(manager, transmissionId, 'uploading', 'in_doubt');
      return;
    }
    await transmissions.transition(
      manager,
      transmissionId,
      'uploading',
      'delivered',
      {},
      {
        patch: { deliveredAt: new Date() },
      },
    );
    await delivery.markClaimsSent(manager, transmissionId, built.files[0].fileName, 'sftp');
  });
  const [row] = (await t.dataSource.query(`SELECT bytes FROM transmissions WHERE id = $1`, [
    transmissionId,
  ])) as { bytes: Buffer }[];
  const pcns = claims.map(
    (claim) => (claim.claimInformation as { patientControlNumber: string }).patientControlNumber,
  );
  return { ...org, partner, claimIds, pcns, transmissionId, bytes: row.bytes };
}

/** Stores an acknowledgment file as collection would and processes it. */
async function receive(partner: TradingPartnerEntity, text: string, name = 'ack.x12') {
  const bytes = Buffer.from(text, 'utf8');
  const fileId = await inbound.store({
    partnerId: partner.id,
    orgId: partner.orgId,
    remoteName: name,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    classification: classifyInboundFile(bytes),
  });
  expect(fileId).toBeDefined();
  const result = await inbound.process(fileId as string);
  const [file] = (await t.dataSource.query(
    `SELECT state, kind, quarantine_code AS "quarantineCode", quarantine_detail AS "quarantineDetail",
            matched_org_ids AS "matchedOrgIds"
       FROM inbound_files WHERE id = $1`,
    [fileId],
  )) as {
    state: string;
    kind: string;
    quarantineCode: string | null;
    quarantineDetail: string | null;
    matchedOrgIds: string[] | null;
  }[];
  return { fileId: fileId as string, result, file };
}

async function claimRows(ids: readonly string[]) {
  return (await t.dataSource.query(
    `SELECT id, status, transmission_id AS "transmissionId", payer_claim_number AS "payerClaimNumber"
       FROM claims WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  )) as { id: string; status: string; transmissionId: string | null; payerClaimNumber: string | null }[];
}

async function statusesOf(ids: readonly string[]): Promise<string[]> {
  const rows = await claimRows(ids);
  return ids.map((id) => rows.find((row) => row.id === id)?.status ?? 'missing');
}

async function events(claimId: string) {
  return (await t.dataSource.query(
    `SELECT status, source, details, at FROM claim_status_events WHERE claim_id = $1 ORDER BY at, sequence`,
    [claimId],
  )) as { status: string; source: string; details: Record<string, unknown>; at: Date }[];
}

/** Records the delivery of a transmission left uploading, as the delivery worker does. */
async function recordDelivery(transmissionId: string): Promise<void> {
  await t.dataSource.transaction(async (manager: EntityManager) => {
    await transmissions.transition(manager, transmissionId, 'uploading', 'delivered');
    const [row] = (await manager.query(`SELECT file_name FROM transmissions WHERE id = $1`, [
      transmissionId,
    ])) as { file_name: string }[];
    await delivery.markClaimsSent(manager, transmissionId, row.file_name, 'sftp');
  });
}

async function transmissionState(id: string): Promise<string> {
  const [row] = (await t.dataSource.query(`SELECT state FROM transmissions WHERE id = $1`, [id])) as {
    state: string;
  }[];
  return row.state;
}

async function eventCounts(s: Scenario): Promise<{ claims: number; transmission: number }> {
  const [claims] = (await t.dataSource.query(
    `SELECT count(*)::int AS n FROM claim_status_events WHERE claim_id = ANY($1::uuid[])`,
    [s.claimIds],
  )) as { n: number }[];
  const [transmission] = (await t.dataSource.query(
    `SELECT count(*)::int AS n FROM transmission_events WHERE transmission_id = $1`,
    [s.transmissionId],
  )) as { n: number }[];
  return { claims: claims.n, transmission: transmission.n };
}

describe('999', () => {
  it('accepts every set: claims accepted_999, transmission accepted, a second copy changes nothing', async () => {
    const s = await scenario({ count: 3 });
    const ack = file999(s.bytes, ++replyIsa13);
    const { file, result } = await receive(s.partner, ack);
    expect(file).toMatchObject({ kind: '999', state: 'applied', matchedOrgIds: [s.orgId] });
    expect(result.outcome).toBe('applied');
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_999', 'accepted_999', 'accepted_999']);
    expect(await transmissionState(s.transmissionId)).toBe('accepted');
    const timeline = await events(s.claimIds[0]);
    expect(timeline.map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'accepted_999/999',
    ]);
    expect(timeline[3].details).toMatchObject({
      transmissionId: s.transmissionId,
      acknowledgmentCode: 'A',
      acknowledgmentDescription: 'Accepted',
      segmentErrors: [],
    });

    const before = await eventCounts(s);
    // The same bytes again are stored once; the same answer re-enveloped under a new ISA13 applies cleanly
    // and adds nothing.
    const again = await inbound.store({
      partnerId: s.partner.id,
      orgId: s.orgId,
      remoteName: 'again.x12',
      bytes: Buffer.from(ack),
      sha256: createHash('sha256').update(ack).digest('hex'),
      classification: classifyInboundFile(Buffer.from(ack)),
    });
    expect(again).toBeUndefined();
    const reenveloped = await receive(s.partner, file999(s.bytes, ++replyIsa13));
    expect(reenveloped.file.state).toBe('applied');
    expect(await eventCounts(s)).toEqual(before);
    expect(await transmissionState(s.transmissionId)).toBe('accepted');
  });

  it('rejects one set with IK3/IK4 errors: its claims rejected_999 and unlinked, the file partially accepted', async () => {
    const s = await scenario({ count: 4, partner: { maxClaimsPerTransaction: 2 } });
    const sets = (await t.dataSource.query(
      `SELECT claim_id AS "claimId", st02 FROM transmission_claims WHERE transmission_id = $1 ORDER BY st02`,
      [s.transmissionId],
    )) as { claimId: string; st02: number }[];
    const st02s = [...new Set(sets.map((row) => row.st02))];
    expect(st02s).toHaveLength(2);
    const rejectedIds = sets.filter((row) => row.st02 === st02s[1]).map((row) => row.claimId);
    const acceptedIds = sets.filter((row) => row.st02 === st02s[0]).map((row) => row.claimId);
    const rejectedPcn = s.pcns[s.claimIds.indexOf(rejectedIds[0])];
    const ack = file999(s.bytes, ++replyIsa13, {
      // One error names the first rejected claim by CLM01; the other concerns the whole set.
      reject: new Map([[st02s[1], [clmError('22', rejectedPcn), { ...clmError('40'), segmentId: 'SV1' }]]]),
    });
    const { file } = await receive(s.partner, ack);
    expect(file.state).toBe('applied');
    expect(await statusesOf(acceptedIds)).toEqual(['accepted_999', 'accepted_999']);
    expect(await statusesOf(rejectedIds)).toEqual(['rejected_999', 'rejected_999']);
    expect(await transmissionState(s.transmissionId)).toBe('partially_accepted');
    const rows = await claimRows([...acceptedIds, ...rejectedIds]);
    for (const row of rows) {
      expect(row.transmissionId).toBe(acceptedIds.includes(row.id) ? s.transmissionId : null);
    }

    const first = (await events(rejectedIds[0])).at(-1);
    expect(first?.details).toMatchObject({
      acknowledgmentCode: 'R',
      acknowledgmentDescription: 'Rejected',
      transactionSetErrors: [{ code: '5', description: 'One or more segments in error' }],
      segmentErrors: [
        {
          segmentId: 'CLM',
          position: '22',
          loopId: '2300',
          code: '8',
          description: 'Segment has data element errors',
          elementErrors: [
            {
              elementPosition: '5',
              componentPosition: '3',
              elementReference: '1325',
              code: '7',
              description: 'Invalid code value',
            },
          ],
        },
        { segmentId: 'SV1', position: '40' },
      ],
    });
    // The CLM01-specific error stays with its claim; the set-wide one reaches every claim of the set.
    const second = (await events(rejectedIds[1])).at(-1);
    expect((second?.details.segmentErrors as { segmentId: string }[]).map((e) => e.segmentId)).toEqual([
      'SV1',
    ]);
    // Values never: not the bad element copy (IK404), not the CLM01 context value.
    const stored = JSON.stringify([first, second]);
    expect(stored).not.toContain('CANARY-BAD-VALUE');
    expect(JSON.stringify(first?.details.segmentErrors)).not.toContain(rejectedPcn);
    expect(t.logs.some((line) => line.includes('CANARY-BAD-VALUE'))).toBe(false);
  });

  it('answers a transmission in doubt: it becomes accepted and its claims sent, then accepted_999', async () => {
    const s = await scenario({ count: 2, inDoubt: true });
    expect(await statusesOf(s.claimIds)).toEqual(['queued', 'queued']);
    const { file } = await receive(s.partner, file999(s.bytes, ++replyIsa13));
    expect(file.state).toBe('applied');
    expect(await transmissionState(s.transmissionId)).toBe('accepted');
    expect((await events(s.claimIds[0])).map((event) => event.status)).toEqual([
      'received',
      'queued',
      'sent',
      'accepted_999',
    ]);
  });

  it('quarantines a 999 whose AK102 or AK202 matches nothing, and a partly matching one, applying nothing', async () => {
    const s = await scenario({ count: 2 });
    const unknownGroup = await receive(
      s.partner,
      file999(s.bytes, ++replyIsa13, {
        edit: (ack) => {
          ack.functionalGroup.groupControlNumber = '987654';
        },
      }),
    );
    expect(unknownGroup.file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_UNMATCHED_GS06' });
    expect(unknownGroup.file.quarantineDetail).toContain('AK102 987654');

    const partly = await receive(
      s.partner,
      file999(s.bytes, ++replyIsa13, {
        edit: (ack) => {
          ack.transactionSetResponses.push({
            ...ack.transactionSetResponses[0],
            controlNumber: '8888',
          });
        },
      }),
    );
    expect(partly.file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_UNMATCHED_ST02' });
    expect(partly.file.quarantineDetail).toContain('partially matched, nothing applied');
    expect(partly.file.quarantineDetail).toContain('AK202 8888');
    expect(await statusesOf(s.claimIds)).toEqual(['sent', 'sent']);
    expect(await transmissionState(s.transmissionId)).toBe('delivered');

    // Another partner's 999 never reaches these claims, even with matching control numbers.
    const other = await partners.create(s.orgId, partnerInput({ payerIds: ['SANDBOX2'] }), actor);
    const elsewhere = await receive(other, file999(s.bytes, ++replyIsa13));
    expect(elsewhere.file.quarantineCode).toBe('ACK_UNMATCHED_GS06');
    expect(await statusesOf(s.claimIds)).toEqual(['sent', 'sent']);
  });
});

describe('transmissions not (yet) delivered', () => {
  it('defers a 999 that arrives while its file is still uploading, past the automatic attempt limit, and applies it on the first tick after delivery', async () => {
    const s = await scenario({ count: 1, stopAt: 'uploading' });
    const text = file999(s.bytes, ++replyIsa13);
    const bytes = Buffer.from(text);
    const fileId = (await inbound.store({
      partnerId: s.partner.id,
      orgId: s.orgId,
      remoteName: 'early.x12',
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      classification: classifyInboundFile(bytes),
    })) as string;
    // A delivery record can stay open for a whole lease (a crashed worker): many ticks, never given up.
    for (let tick = 0; tick < MAX_AUTOMATIC_PROCESS_ATTEMPTS + 2; tick++) {
      expect(await inbound.process(fileId)).toMatchObject({ outcome: 'deferred', state: 'stored' });
    }
    const [stored] = (await t.dataSource.query(
      `SELECT state, process_count AS "processCount" FROM inbound_files WHERE id = $1`,
      [fileId],
    )) as { state: string; processCount: number }[];
    expect(stored).toEqual({ state: 'stored', processCount: 0 });
    expect(await statusesOf(s.claimIds)).toEqual(['queued']);

    await t.dataSource.transaction(async (manager: EntityManager) => {
      await transmissions.transition(manager, s.transmissionId, 'uploading', 'delivered');
      const [row] = (await manager.query(`SELECT file_name FROM transmissions WHERE id = $1`, [
        s.transmissionId,
      ])) as { file_name: string }[];
      await delivery.markClaimsSent(manager, s.transmissionId, row.file_name, 'sftp');
    });
    // What the inbound tick runs after collecting: the stored file is picked up again without an admin.
    expect(await inbound.processPending()).toMatchObject({ processed: 1, deferred: 0, failed: 0 });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_999']);
    expect(t.logs.some((line) => line.includes('inbound file deferred'))).toBe(true);
  });

  it('quarantines an acknowledgment for a dead-letter transmission for an admin', async () => {
    const s = await scenario({ count: 1, stopAt: 'dead_letter' });
    const { file } = await receive(s.partner, file999(s.bytes, ++replyIsa13));
    expect(file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_TRANSMISSION_DEAD_LETTER' });
    expect(await statusesOf(s.claimIds)).toEqual(['queued']);
    expect(await transmissionState(s.transmissionId)).toBe('dead_letter');
  });

  it('defers a 277CA that arrives while its file is still uploading and applies it after delivery', async () => {
    const s = await scenario({ count: 2, stopAt: 'uploading' });
    const ack = file277CA(s.bytes, ++replyIsa13, {
      reject: new Map([[s.pcns[1], [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]),
    });
    const early = await receive(s.partner, ack);
    // Before: the send was not a candidate, so the file was quarantined as ACK_UNMATCHED_CLM01.
    expect(early.result).toMatchObject({ outcome: 'deferred', state: 'stored' });
    expect(early.file).toMatchObject({ state: 'stored', quarantineCode: null });
    expect(await statusesOf(s.claimIds)).toEqual(['queued', 'queued']);

    await recordDelivery(s.transmissionId);
    expect(await inbound.processPending()).toMatchObject({ processed: 1, deferred: 0, failed: 0 });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca', 'rejected_277ca']);
    expect((await events(s.claimIds[1])).map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'rejected_277ca/277ca',
    ]);
  });

  it('defers a 277CA for a resent claim whose new file is still uploading, instead of matching the old send', async () => {
    const s = await scenario({ count: 1 });
    const reject = new Map([[s.pcns[0], [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]);
    expect((await receive(s.partner, file277CA(s.bytes, ++replyIsa13, { reject }))).file.state).toBe(
      'applied',
    );
    expect(await statusesOf(s.claimIds)).toEqual(['rejected_277ca']);
    // An admin fixed the claim and queued it again (what the resend leaves behind); it goes in a new file.
    await t.dataSource.query(`UPDATE claims SET status = 'queued' WHERE id = $1`, [s.claimIds[0]]);
    const built = await batching.buildDue({ orgId: s.orgId });
    expect(built.files).toHaveLength(1);
    const resent = built.files[0].transmissionId;
    await t.dataSource.transaction(async (manager: EntityManager) => {
      await transmissions.transition(manager, resent, 'built', 'uploading');
    });
    const [row] = (await t.dataSource.query(`SELECT bytes FROM transmissions WHERE id = $1`, [resent])) as {
      bytes: Buffer;
    }[];

    // The payer answers the new file before its delivery is recorded. Before: the old (delivered) send was
    // the latest acknowledgeable one, the claim no longer on it, so the file was applied and the answer lost.
    const early = await receive(s.partner, file277CA(row.bytes, ++replyIsa13));
    expect(early.result).toMatchObject({ outcome: 'deferred', state: 'stored' });
    expect(await statusesOf(s.claimIds)).toEqual(['queued']);

    await recordDelivery(resent);
    expect(await inbound.processPending()).toMatchObject({ processed: 1, deferred: 0, failed: 0 });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca']);
    expect((await events(s.claimIds[0])).at(-1)).toMatchObject({
      status: 'accepted_277ca',
      source: '277ca',
      details: { transmissionId: resent },
    });
  });

  it('quarantines a 277CA for a dead-letter transmission for an admin, as a 999', async () => {
    const s = await scenario({ count: 1, stopAt: 'dead_letter' });
    const { file } = await receive(s.partner, file277CA(s.bytes, ++replyIsa13));
    // Before: ACK_UNMATCHED_CLM01, which hides that the file waits on the dead letter.
    expect(file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_TRANSMISSION_DEAD_LETTER' });
    expect(await statusesOf(s.claimIds)).toEqual(['queued']);
  });
});

describe('TA1', () => {
  it('R rejects the interchange: claims rejected_ta1 with the note, transmission rejected, ISA13 result stored', async () => {
    const s = await scenario({ count: 2 });
    const { file } = await receive(s.partner, ta1File(s.bytes, 'R', '024', ++replyIsa13));
    expect(file).toMatchObject({ kind: 'TA1', state: 'applied' });
    expect(await statusesOf(s.claimIds)).toEqual(['rejected_ta1', 'rejected_ta1']);
    expect(await transmissionState(s.transmissionId)).toBe('rejected');
    expect((await claimRows(s.claimIds)).map((row) => row.transmissionId)).toEqual([null, null]);
    const [interchange] = await transmissions.interchangesOf(s.transmissionId);
    expect(interchange).toMatchObject({ ta1Status: 'R', ta1NoteCode: '024' });
    expect((await events(s.claimIds[0])).at(-1)).toMatchObject({
      status: 'rejected_ta1',
      source: 'ta1',
      details: {
        transmissionId: s.transmissionId,
        acknowledgmentCode: 'R',
        noteCode: '024',
        noteDescription: 'Invalid Interchange Content (e.g., Invalid GS Segment)',
      },
    });
    // A 999 for a rejected interchange changes nothing more.
    const before = await eventCounts(s);
    expect((await receive(s.partner, file999(s.bytes, ++replyIsa13))).file.state).toBe('applied');
    expect(await eventCounts(s)).toEqual(before);
    expect(await transmissionState(s.transmissionId)).toBe('rejected');
  });

  it('A notes the TA1 on the timeline without changing the status, once', async () => {
    const s = await scenario({ count: 1 });
    const { file } = await receive(s.partner, ta1File(s.bytes, 'A', '000', ++replyIsa13));
    expect(file.state).toBe('applied');
    expect(await statusesOf(s.claimIds)).toEqual(['sent']);
    expect(await transmissionState(s.transmissionId)).toBe('delivered');
    expect((await events(s.claimIds[0])).at(-1)).toMatchObject({
      status: 'sent',
      source: 'ta1',
      details: { acknowledgmentCode: 'A', noteCode: '000', noteDescription: 'No error' },
    });
    const before = await eventCounts(s);
    expect((await receive(s.partner, ta1File(s.bytes, 'A', '000', ++replyIsa13))).file.state).toBe('applied');
    expect(await eventCounts(s)).toEqual(before);
  });

  it('quarantines a TA1 for an unknown ISA13', async () => {
    const s = await scenario({ count: 1 });
    const text = ta1File(s.bytes, 'R', '024', ++replyIsa13).replace(/TA1\*\d{9}/, 'TA1*999999998');
    const { file } = await receive(s.partner, text);
    expect(file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_UNMATCHED_ISA13' });
    expect(file.quarantineDetail).toContain('TA101 999999998');
    expect(await statusesOf(s.claimIds)).toEqual(['sent']);
  });
});

describe('a TA1 in the same interchange as a 999 or 277CA', () => {
  const timeline = async (claimId: string) =>
    (await events(claimId)).map((event) => `${event.status}/${event.source}`);

  it('TA1 A with a 999: the claims end on the 999 answer, the TA1 noted before it', async () => {
    const s = await scenario({ count: 4, partner: { maxClaimsPerTransaction: 2 } });
    const sets = (await t.dataSource.query(
      `SELECT claim_id AS "claimId", st02 FROM transmission_claims WHERE transmission_id = $1 ORDER BY st02`,
      [s.transmissionId],
    )) as { claimId: string; st02: number }[];
    const st02s = [...new Set(sets.map((row) => row.st02))];
    const acceptedIds = sets.filter((row) => row.st02 === st02s[0]).map((row) => row.claimId);
    const rejectedIds = sets.filter((row) => row.st02 === st02s[1]).map((row) => row.claimId);
    const ack = file999(s.bytes, ++replyIsa13, {
      ta1: { code: 'A', noteCode: '000' },
      reject: new Map([[st02s[1], [clmError('22')]]]),
    });
    const { file } = await receive(s.partner, ack);
    expect(file).toMatchObject({ kind: '999', state: 'applied' });
    // Before: the TA1 took every claim's slot, so all four stayed sent and the 999 was lost.
    expect(await statusesOf(acceptedIds)).toEqual(['accepted_999', 'accepted_999']);
    expect(await statusesOf(rejectedIds)).toEqual(['rejected_999', 'rejected_999']);
    expect((await claimRows(rejectedIds)).map((row) => row.transmissionId)).toEqual([null, null]);
    expect(await transmissionState(s.transmissionId)).toBe('partially_accepted');
    const [interchange] = await transmissions.interchangesOf(s.transmissionId);
    expect(interchange).toMatchObject({ ta1Status: 'A', ta1NoteCode: '000' });
    const history = ['received/api', 'queued/api', 'sent/sftp', 'sent/ta1'];
    expect(await timeline(acceptedIds[0])).toEqual([...history, 'accepted_999/999']);
    expect(await timeline(rejectedIds[0])).toEqual([...history, 'rejected_999/999']);
    expect((await events(rejectedIds[0])).at(-1)?.details).toMatchObject({
      acknowledgmentCode: 'R',
      segmentErrors: [{ segmentId: 'CLM', position: '22' }],
    });

    // The journey reads the TA1 from its own source and the send time from the delivery, not the TA1.
    const response = await t.http
      .get(`/v1/claims/${acceptedIds[0]}`)
      .set('Authorization', `Bearer ${s.key}`)
      .expect(200);
    expect(response.body.journey.ta1).toMatchObject({ result: 'accepted', details: { noteCode: '000' } });
    expect(response.body.journey.acknowledgment999).toMatchObject({ result: 'accepted' });

    // The same file re-enveloped changes nothing more.
    const before = await eventCounts(s);
    const again = await receive(
      s.partner,
      file999(s.bytes, ++replyIsa13, {
        ta1: { code: 'A', noteCode: '000' },
        reject: new Map([[st02s[1], [clmError('22')]]]),
      }),
    );
    expect(again.file.state).toBe('applied');
    expect(await eventCounts(s)).toEqual(before);
  });

  it('TA1 A with a 277CA: a claim not yet answered by a 999 ends on the 277CA answer', async () => {
    const s = await scenario({ count: 2 });
    const ack = file277CA(s.bytes, ++replyIsa13, {
      ta1: { code: 'A', noteCode: '000' },
      reject: new Map([[s.pcns[1], [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]),
    });
    const { file } = await receive(s.partner, ack);
    expect(file).toMatchObject({ kind: '277CA', state: 'applied' });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca', 'rejected_277ca']);
    const rows = await claimRows(s.claimIds);
    expect(rows.find((row) => row.id === s.claimIds[0])?.payerClaimNumber).toBe(`PCN-${s.pcns[0]}`);
    expect(rows.find((row) => row.id === s.claimIds[1])?.transmissionId).toBeNull();
    const history = ['received/api', 'queued/api', 'sent/sftp', 'sent/ta1'];
    expect(await timeline(s.claimIds[0])).toEqual([...history, 'accepted_277ca/277ca']);
    expect(await timeline(s.claimIds[1])).toEqual([...history, 'rejected_277ca/277ca']);
    expect((await events(s.claimIds[1])).at(-1)?.details).toMatchObject({
      statuses: [{ categoryCode: 'A7', statusCode: '164' }],
    });
  });

  it('TA1 R with a 999 accepting: the interchange rejection stands, the 999 changes nothing', async () => {
    const s = await scenario({ count: 2 });
    const { file } = await receive(
      s.partner,
      file999(s.bytes, ++replyIsa13, { ta1: { code: 'R', noteCode: '024' } }),
    );
    expect(file.state).toBe('applied');
    expect(await statusesOf(s.claimIds)).toEqual(['rejected_ta1', 'rejected_ta1']);
    expect(await transmissionState(s.transmissionId)).toBe('rejected');
    expect(await timeline(s.claimIds[0])).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'rejected_ta1/ta1',
    ]);
  });
});

describe('277CA', () => {
  it('reaches claims a 999 accepted: accepted_277ca with the payer claim number, rejected_277ca with codes', async () => {
    const s = await scenario({ count: 3 });
    expect((await receive(s.partner, file999(s.bytes, ++replyIsa13))).file.state).toBe('applied');
    const rejectedPcn = s.pcns[1];
    const ack = file277CA(s.bytes, ++replyIsa13, {
      reject: new Map([[rejectedPcn, [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]),
    });
    const { file } = await receive(s.partner, ack);
    expect(file).toMatchObject({ kind: '277CA', state: 'applied', matchedOrgIds: [s.orgId] });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca', 'rejected_277ca', 'accepted_277ca']);
    const rows = await claimRows(s.claimIds);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(s.claimIds[0])?.payerClaimNumber).toBe(`PCN-${s.pcns[0]}`);
    expect(byId.get(s.claimIds[1])?.payerClaimNumber).toBeNull();
    expect(byId.get(s.claimIds[1])?.transmissionId).toBeNull();
    expect(byId.get(s.claimIds[0])?.transmissionId).toBe(s.transmissionId);
    const rejected = (await events(s.claimIds[1])).at(-1);
    expect(rejected).toMatchObject({ status: 'rejected_277ca', source: '277ca' });
    expect(rejected?.details.statuses).toEqual([
      {
        loop: '2200D',
        categoryCode: 'A7',
        categoryDescription: 'Acknowledged: rejected for invalid information',
        statusCode: '164',
        statusDescription: expect.any(String),
        entityCode: 'IL',
        entityDescription: expect.any(String),
        actionCode: 'U',
      },
    ]);
    expect((await events(s.claimIds[0])).map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'accepted_999/999',
      'accepted_277ca/277ca',
    ]);
    // The 999 decided the transmission; the 277CA does not move it.
    expect(await transmissionState(s.transmissionId)).toBe('accepted');

    const before = await eventCounts(s);
    const again = await receive(
      s.partner,
      file277CA(s.bytes, ++replyIsa13, {
        reject: new Map([[rejectedPcn, [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]),
      }),
    );
    expect(again.file.state).toBe('applied');
    expect(await eventCounts(s)).toEqual(before);
  });

  /** The 277CA with these claims' own status pending (P1:20, in process) instead of accepted (A2:20). */
  function withPending(text: string, pcns: readonly string[]): string {
    let out = text;
    for (const pcn of pcns) {
      const trace = out.indexOf(`TRN*2*${pcn}~`);
      const stc = out.indexOf('STC*A2:20*', trace);
      expect(trace).toBeGreaterThan(0);
      out = `${out.slice(0, stc)}STC*P1:20*${out.slice(stc + 'STC*A2:20*'.length)}`;
    }
    return out;
  }

  it('notes a pending status on the timeline without deciding the claim, once per repeated answer', async () => {
    const s = await scenario({ count: 2 });
    expect((await receive(s.partner, file999(s.bytes, ++replyIsa13))).file.state).toBe('applied');
    const first = withPending(file277CA(s.bytes, ++replyIsa13), [s.pcns[0]]);
    expect((await receive(s.partner, first)).file).toMatchObject({
      state: 'applied',
      matchedOrgIds: [s.orgId],
    });
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_999', 'accepted_277ca']);
    const note = (await events(s.claimIds[0])).at(-1);
    expect(note).toMatchObject({
      status: 'accepted_999',
      source: '277ca',
      details: {
        pending: true,
        transmissionId: s.transmissionId,
        statuses: [
          expect.objectContaining({
            loop: '2200D',
            categoryCode: 'P1',
            categoryDescription: 'Pending: in process',
            statusCode: '20',
          }),
        ],
      },
    });
    const journeyOf = async (claimId: string) =>
      (await t.http.get(`/v1/claims/${claimId}`).set('Authorization', `Bearer ${s.key}`).expect(200)).body
        .journey as Record<string, { result: string; source: string }>;
    let journey = await journeyOf(s.claimIds[0]);
    expect(journey.acknowledgment277CA).toMatchObject({ result: 'pending', source: '277ca' });
    // The note keeps the 999's status; the 999 step is still the 999's own answer.
    expect(journey.acknowledgment999).toMatchObject({ result: 'accepted', source: '999' });

    // Payers repeat a pending status until they decide: the same answer again adds nothing.
    const before = (await events(s.claimIds[0])).length;
    const onlyFirst = (pcn: string) => pcn === s.pcns[0];
    const again = withPending(file277CA(s.bytes, ++replyIsa13, { only: onlyFirst }), [s.pcns[0]]);
    expect((await receive(s.partner, again)).file.state).toBe('applied');
    expect(await events(s.claimIds[0])).toHaveLength(before);

    // The decision, when it comes, is the claim's answer.
    const decided = file277CA(s.bytes, ++replyIsa13, { only: onlyFirst });
    expect((await receive(s.partner, decided)).file.state).toBe('applied');
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca', 'accepted_277ca']);
    journey = await journeyOf(s.claimIds[0]);
    expect(journey.acknowledgment277CA).toMatchObject({ result: 'accepted', source: '277ca' });
    expect((await events(s.claimIds[0])).map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'accepted_999/999',
      'accepted_999/277ca',
      'accepted_277ca/277ca',
    ]);
  });

  it('a TA1 A and a pending status in one file are both noted, and the claim keeps its sending time', async () => {
    const s = await scenario({ count: 1 });
    const ack = withPending(file277CA(s.bytes, ++replyIsa13, { ta1: { code: 'A', noteCode: '000' } }), [
      s.pcns[0],
    ]);
    expect((await receive(s.partner, ack)).file.state).toBe('applied');
    expect(await statusesOf(s.claimIds)).toEqual(['sent']);
    const history = await events(s.claimIds[0]);
    expect(history.map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/sftp',
      'sent/ta1',
      'sent/277ca',
    ]);
    expect(history.at(-1)?.details).toMatchObject({ pending: true });
    const journey = (
      await t.http.get(`/v1/claims/${s.claimIds[0]}`).set('Authorization', `Bearer ${s.key}`).expect(200)
    ).body.journey as { sentAt: string; acknowledgment277CA: { result: string } };
    // Sent when the file went out, not when the notes came back.
    expect(journey.sentAt).toBe(new Date(history[2].at).toISOString());
    expect(journey.acknowledgment277CA).toMatchObject({ result: 'pending' });
  });

  it('a pending status for a claim of an in-doubt file proves the file arrived: delivered, claims sent', async () => {
    const s = await scenario({ count: 1, inDoubt: true });
    const ack = withPending(file277CA(s.bytes, ++replyIsa13), [s.pcns[0]]);
    expect((await receive(s.partner, ack)).file.state).toBe('applied');
    expect(await transmissionState(s.transmissionId)).toBe('delivered');
    expect(await statusesOf(s.claimIds)).toEqual(['sent']);
    expect((await events(s.claimIds[0])).map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/277ca',
      'sent/277ca',
    ]);
    expect((await events(s.claimIds[0])).at(-1)?.details).toMatchObject({ pending: true });
  });

  it('answers a transmission in doubt: it becomes delivered (never resent), its claims sent, then their 277CA outcome', async () => {
    const s = await scenario({ count: 2, inDoubt: true });
    const ack = file277CA(s.bytes, ++replyIsa13, {
      reject: new Map([[s.pcns[1], [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]]]),
    });
    expect((await receive(s.partner, ack)).file.state).toBe('applied');
    expect(await transmissionState(s.transmissionId)).toBe('delivered');
    expect(await statusesOf(s.claimIds)).toEqual(['accepted_277ca', 'rejected_277ca']);
    expect((await events(s.claimIds[0])).map((event) => `${event.status}/${event.source}`)).toEqual([
      'received/api',
      'queued/api',
      'sent/277ca',
      'accepted_277ca/277ca',
    ]);
    // An admin can no longer say the payer never got it.
    const refused = await t.http
      .post(`/v1/admin/transmissions/${s.transmissionId}/resolve`)
      .set('Authorization', `Bearer ${s.key}`)
      .send({ outcome: 'not-delivered' })
      .expect(409);
    expect(refused.body).toMatchObject({ error: { code: 'transmission_state_conflict' } });
    expect(await transmissionState(s.transmissionId)).toBe('delivered');
  });

  it('refuses an admin not-delivered for an in-doubt file the payer has answered a claim of', async () => {
    const s = await scenario({ count: 2, inDoubt: true });
    // An outcome recorded on a claim as sent in this file (as 835 posting will): proof the file arrived.
    await t.dataSource.transaction((manager: EntityManager) =>
      t.app.get(ClaimStatusService).record(manager, {
        orgId: s.orgId,
        claimIds: [s.claimIds[0]],
        status: 'paid',
        source: '835',
        details: { transmissionId: s.transmissionId },
      }),
    );
    const refused = await t.http
      .post(`/v1/admin/transmissions/${s.transmissionId}/resolve`)
      .set('Authorization', `Bearer ${s.key}`)
      .send({ outcome: 'not-delivered' })
      .expect(409);
    expect(refused.body).toMatchObject({ error: { code: 'transmission_already_acknowledged' } });
    expect(await transmissionState(s.transmissionId)).toBe('in_doubt');

    // Without any answer from the payer the admin's word decides: back to built.
    const other = await scenario({ count: 1, inDoubt: true, org: s, shared: s.partner });
    await t.http
      .post(`/v1/admin/transmissions/${other.transmissionId}/resolve`)
      .set('Authorization', `Bearer ${s.key}`)
      .send({ outcome: 'not-delivered' })
      .expect(200);
    expect(await transmissionState(other.transmissionId)).toBe('built');
  });

  it('quarantines a 277CA naming an unknown CLM01, applying none of its other claims', async () => {
    const s = await scenario({ count: 2 });
    const ack = file277CA(s.bytes, ++replyIsa13, {
      extra: [{ patientControlNumber: 'NOSUCHCLAIM', patient: { lastName: 'X' }, chargeAmount: '10.00' }],
    });
    const { file } = await receive(s.partner, ack);
    expect(file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_UNMATCHED_CLM01' });
    expect(file.quarantineDetail).toMatch(
      /^partially matched, nothing applied: 2 of 3 matched; .*2000D HL \d+/,
    );
    expect(file.quarantineDetail).not.toContain('NOSUCHCLAIM');
    expect(await statusesOf(s.claimIds)).toEqual(['sent', 'sent']);
    expect((await claimRows(s.claimIds)).map((row) => row.payerClaimNumber)).toEqual([null, null]);
  });

  it('quarantines a 277CA that rejects a whole batch at 2200B without naming claims', async () => {
    const s = await scenario({ count: 2 });
    const { file } = await receive(
      s.partner,
      file277CA(s.bytes, ++replyIsa13, {
        batchRejection: [{ categoryCode: 'A3', statusCode: '24', entityCode: '41' }],
      }),
    );
    expect(file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_277CA_BATCH_REJECTED' });
    expect(file.quarantineDetail).toContain('2200B HL 2 rejected');
    expect(await statusesOf(s.claimIds)).toEqual(['sent', 'sent']);
  });

  it('on a shared partner, narrows a CLM01 seen in two organisations by billing NPI, else quarantines', async () => {
    const shared = await partners.upsertShared(
      partnerInput({ name: `Shared ack partner ${randomBytes(3).toString('hex')}` }),
      {
        actor,
      },
    );
    const tag = `S${randomBytes(2).toString('hex')}`;
    const sameClaim = () => professionalClaim(1, { tag });
    const a = await scenario({ shared, claims: [sameClaim()] });
    const b = await scenario({ shared, claims: [sameClaim()] });
    expect(a.pcns).toEqual(b.pcns);
    expect(a.orgId).not.toBe(b.orgId);

    // Same CLM01, same billing NPI, same charge in both organisations: no way to tell, so quarantined.
    const ambiguous = await receive(shared, file277CA(a.bytes, ++replyIsa13));
    expect(ambiguous.file).toMatchObject({ state: 'quarantined', quarantineCode: 'ACK_AMBIGUOUS_CLM01' });
    expect(await statusesOf([a.claimIds[0], b.claimIds[0]])).toEqual(['sent', 'sent']);

    // A third organisation's claim with the same CLM01 but another billing NPI is told apart by it.
    const other = sameClaim();
    (other.billing as { npi: string }).npi = npi(77);
    const c = await scenario({ shared, claims: [other] });
    const narrowed = await receive(shared, file277CA(c.bytes, ++replyIsa13));
    expect(narrowed.file).toMatchObject({ state: 'applied', matchedOrgIds: [c.orgId] });
    expect(await statusesOf([a.claimIds[0], b.claimIds[0], c.claimIds[0]])).toEqual([
      'sent',
      'sent',
      'accepted_277ca',
    ]);
  });
});

describe('GET /v1/claims/:id journey', () => {
  it('shows received, the sending interchange, the 999 and 277CA results and the payer claim number', async () => {
    const s = await scenario({ count: 2 });
    await receive(s.partner, file999(s.bytes, ++replyIsa13));
    await receive(
      s.partner,
      file277CA(s.bytes, ++replyIsa13, {
        reject: new Map([[s.pcns[1], [{ categoryCode: 'A6', statusCode: '33', entityCode: 'IL' }]]]),
      }),
    );
    const [sent] = (await t.dataSource.query(
      `SELECT t.file_name AS "fileName", i.isa13, tc.gs06, tc.st02 FROM transmission_claims tc
         JOIN transmissions t ON t.id = tc.transmission_id
         JOIN transmission_interchanges i ON i.id = tc.interchange_id WHERE tc.claim_id = $1`,
      [s.claimIds[0]],
    )) as { fileName: string; isa13: number; gs06: number; st02: number }[];

    const accepted = await t.http
      .get(`/v1/claims/${s.claimIds[0]}`)
      .set('Authorization', `Bearer ${s.key}`)
      .expect(200);
    const journey = accepted.body.journey as Record<string, unknown>;
    expect(journey.receivedAt).toEqual(expect.any(String));
    expect(journey.queuedAt).toEqual(expect.any(String));
    expect(journey.sentAt).toEqual(expect.any(String));
    expect(journey.sends).toEqual([
      expect.objectContaining({
        transmissionId: s.transmissionId,
        fileName: sent.fileName,
        kind: '837P',
        state: 'accepted',
        isa13: String(sent.isa13).padStart(9, '0'),
        gs06: String(sent.gs06),
        st02: String(sent.st02).padStart(4, '0'),
        current: true,
        ta1: null,
      }),
    ]);
    expect(journey.acknowledgment999).toMatchObject({
      result: 'accepted',
      source: '999',
      details: { acknowledgmentCode: 'A', acknowledgmentDescription: 'Accepted' },
    });
    expect(journey.acknowledgment277CA).toMatchObject({
      result: 'accepted',
      details: { statuses: [{ categoryCode: 'A2', statusCode: '20', loop: '2200D' }] },
    });
    expect(journey.payerClaimNumber).toBe(`PCN-${s.pcns[0]}`);
    expect(accepted.body.status).toBe('accepted_277ca');

    const rejected = await t.http
      .get(`/v1/claims/${s.claimIds[1]}`)
      .set('Authorization', `Bearer ${s.key}`)
      .expect(200);
    expect(rejected.body.status).toBe('rejected_277ca');
    expect(rejected.body.journey.sends[0].current).toBe(false);
    expect(rejected.body.journey.payerClaimNumber).toBeNull();
    expect(rejected.body.journey.acknowledgment277CA).toMatchObject({
      result: 'rejected',
      details: {
        statuses: [
          {
            categoryCode: 'A6',
            categoryDescription: 'Acknowledged: rejected for missing information',
            statusCode: '33',
            statusDescription: expect.any(String),
            entityCode: 'IL',
          },
        ],
      },
    });

    // Another organisation sees none of it.
    const stranger = await t.createOrgWithKey('admin');
    await t.http
      .get(`/v1/claims/${s.claimIds[0]}`)
      .set('Authorization', `Bearer ${stranger.key}`)
      .expect(404);
  });

  it('shows a TA1 rejection with its note on the interchange', async () => {
    const s = await scenario({ count: 1 });
    await receive(s.partner, ta1File(s.bytes, 'R', '006', ++replyIsa13));
    const response = await t.http
      .get(`/v1/claims/${s.claimIds[0]}`)
      .set('Authorization', `Bearer ${s.key}`)
      .expect(200);
    expect(response.body.status).toBe('rejected_ta1');
    expect(response.body.journey.sends[0]).toMatchObject({
      state: 'rejected',
      current: false,
      ta1: { acknowledgmentCode: 'R', noteCode: '006', noteDescription: 'Invalid Interchange Sender ID' },
    });
    expect(response.body.journey.ta1).toMatchObject({ result: 'rejected', details: { noteCode: '006' } });
    expect(response.body.journey.acknowledgment999).toBeNull();
  });
});

describe('logs', () => {
  it('never carry patient names, member ids, bad element copies or raw X12', () => {
    const all = t.logs.join('\n');
    expect(all).toContain('acknowledgment applied');
    expect(all).toContain('acknowledgment quarantined');
    expect(all).not.toMatch(/SYNTH|CANARY|ISA\*|"MA\d|"MS[0-9a-f]/);
  });
});
