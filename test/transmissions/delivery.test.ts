// Delivery over SFTP at the pipeline level, against a real OpenSSH server: built transmissions become
// delivered files at the payer (exactly once), their claims become 'sent' once each with the control
// numbers that carry them, the state machine refuses lost races, and the admin API lists, shows, downloads,
// resolves and retries transmissions within the caller's organisation.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { encryptPartnerCredential } from '../../src/modules/trading-partners/partner-credentials';
import { DeliveryService } from '../../src/modules/transmissions/delivery/delivery.service';
import { TransmissionsRepository } from '../../src/modules/transmissions/transmissions.repository';
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
import { sha256Of } from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

let t: TestApp;
let sshd: TestSshd;
let delivery: DeliveryService;
let repository: TransmissionsRepository;
let org: { orgId: string; key: string };
let admin: string;

const TEST_ENV = {
  SCHEDULER_ENABLED: 'false',
  DELIVERY_RETRY_BASE_SECONDS: '0',
  DELIVERY_RETRY_MAX_SECONDS: '0',
  DELIVERY_MAX_ATTEMPTS: '3',
};

beforeAll(async () => {
  [t, sshd] = await Promise.all([createTestApp({ env: TEST_ENV }), startSshd()]);
  delivery = t.app.get(DeliveryService);
  repository = t.app.get(TransmissionsRepository);
  org = await t.createOrgWithKey('submitter');
  admin = (await t.createKey(org.orgId, 'admin')).key;
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

const asAdmin = (key = admin) => ({ Authorization: `Bearer ${key}` });

async function builtWithClaims(count: number, tag: string, renameAllowed = true) {
  const partner = await insertSftpPartner(t, sshd, { orgId: org.orgId, renameAllowed });
  const claimIds = await submitClaims(t, org.key, count, tag);
  const transmission = await insertBuiltTransmission(t, org.orgId, partner, claimIds);
  return { partner, claimIds, transmission };
}

describe('DeliveryService.deliverDue', () => {
  it('delivers a built transmission exactly once and marks each claim sent once with its control numbers', async () => {
    const { claimIds, transmission } = await builtWithClaims(3, 'D1');
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);

    const row = await transmissionRow(t, transmission.id);
    expect(row).toMatchObject({
      state: 'delivered',
      attempts: 1,
      lastErrorCode: null,
      remotePath: `outbound/${transmission.fileName}`,
    });
    expect(row.deliveredAt).not.toBeNull();
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [],
    });
    const remote = join(sshd.outboundDir, transmission.fileName);
    expect(sha256Of(readFileSync(remote))).toBe(transmission.sha256);
    expect(statSync(remote).mode & 0o777).toBe(0o600);
    expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading', 'uploading>delivered']);

    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    const events = (await t.dataSource.query(
      `SELECT source, details FROM claim_status_events WHERE claim_id = $1 AND status = 'sent'`,
      [claimIds[0]],
    )) as { source: string; details: Record<string, string> }[];
    expect(events).toEqual([
      {
        source: 'sftp',
        details: {
          transmissionId: transmission.id,
          isa13: String(transmission.isa13).padStart(9, '0'),
          gs06: expect.stringMatching(/^\d+$/),
          st02: expect.stringMatching(/^\d{4,9}$/),
          fileName: transmission.fileName,
        },
      },
    ]);

    // Nothing is due any more: a second run claims nothing and nothing changes at the payer.
    expect((await delivery.deliverDue()).claimed).toBe(0);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
  });

  it('renameAllowed=false: the final name plus a .done marker, once', async () => {
    const { claimIds, transmission } = await builtWithClaims(1, 'D2', false);
    const run = await delivery.deliverDue();
    expect(run.items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [`${transmission.fileName}.done`],
    });
    expect(await claimSendings(t, claimIds)).toEqual([{ status: 'sent', sentEvents: 1 }]);
  });

  it('delivers several files of one partner over one SFTP connection', async () => {
    const partner = await insertSftpPartner(t, sshd, { orgId: org.orgId });
    const first = await insertBuiltTransmission(
      t,
      org.orgId,
      partner,
      await submitClaims(t, org.key, 1, 'D3A'),
    );
    const second = await insertBuiltTransmission(
      t,
      org.orgId,
      partner,
      await submitClaims(t, org.key, 2, 'D3B'),
    );
    const logins = (): number => sshd.log().split('Accepted publickey').length - 1;
    const before = logins();
    const run = await delivery.deliverDue();
    expect(run.items.map((item) => item.outcome).sort()).toEqual(['delivered', 'delivered']);
    expect(logins() - before).toBe(1);
    for (const transmission of [first, second]) {
      expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    }
  });

  it('a file already at the payer (an earlier attempt crashed before recording) is recorded, not sent again', async () => {
    const { claimIds, transmission } = await builtWithClaims(2, 'D4');
    writeFileSync(join(sshd.outboundDir, transmission.fileName), transmission.bytes, { mode: 0o600 });
    const run = await delivery.deliverDue();
    expect(run.items.map((item) => item.outcome)).toEqual(['already-delivered']);
    expect((await transmissionRow(t, transmission.id)).state).toBe('delivered');
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
  });
});

describe('recording an outcome whose commit answer is lost', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the retry finds exactly what the first try wrote and counts it as recorded, once', async () => {
    const { claimIds, transmission } = await builtWithClaims(2, 'R1');
    const dataSource = t.app.get(DataSource);
    const real = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
    let lost = false;
    // The recording commits, then the connection drops before the worker hears back.
    jest.spyOn(dataSource, 'transaction').mockImplementation((async (...args: unknown[]) => {
      const result = await real(...args);
      if (!lost && (await transmissionRow(t, transmission.id)).state === 'delivered') {
        lost = true;
        throw new Error('Connection terminated unexpectedly');
      }
      return result;
    }) as DataSource['transaction']);

    const run = await delivery.deliverDue();

    expect(lost).toBe(true);
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);
    expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading', 'uploading>delivered']);
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(t.logs.join('\n')).toContain('recording the delivery outcome failed; trying again');
  });
});

describe('TransmissionsRepository.transition (compare-and-set)', () => {
  it('the second of two identical transitions loses with a coded conflict; forbidden moves are refused', async () => {
    const { transmission } = await builtWithClaims(1, 'S1');
    const dataSource = t.app.get(DataSource);
    await dataSource.transaction((manager) =>
      repository.transition(manager, transmission.id, 'built', 'uploading', { test: 'first' }),
    );
    await expect(
      dataSource.transaction((manager) =>
        repository.transition(manager, transmission.id, 'built', 'uploading', { test: 'second' }),
      ),
    ).rejects.toMatchObject({
      code: 'transmission_state_conflict',
      expected: 'built',
      actual: 'uploading',
    });
    await expect(
      dataSource.transaction((manager) =>
        repository.transition(manager, transmission.id, 'uploading', 'accepted'),
      ),
    ).rejects.toMatchObject({ code: 'transmission_transition_invalid' });
    // A stale lease loses too: the worker that claimed with another lease may not record.
    await expect(
      dataSource.transaction((manager) =>
        repository.transition(
          manager,
          transmission.id,
          'uploading',
          'dead_letter',
          {},
          {
            leaseUntil: new Date(0),
          },
        ),
      ),
    ).rejects.toMatchObject({ code: 'transmission_state_conflict', actual: 'uploading' });
    // One event per successful transition, none for the refused ones.
    expect(await transitionsOf(t, transmission.id)).toEqual(['built>uploading']);
    // Put it back out of the worker's way: nothing else in this file should pick it up.
    await dataSource.transaction((manager) =>
      repository.transition(manager, transmission.id, 'uploading', 'dead_letter', { test: 'park' }),
    );
  });
});

describe('delivery lease', () => {
  it('a lease is renewed only by the worker holding it, and only while uploading', async () => {
    const { transmission } = await builtWithClaims(1, 'L1');
    const now = new Date();
    const lease = new Date(now.getTime() + 60_000);
    const [claimed] = await t.dataSource
      .transaction((manager) => repository.claimDue(manager, now, lease, 1_000, { test: 'lease' }))
      .then((rows) => rows.filter((row) => row.id === transmission.id));
    expect(claimed).toMatchObject({ previousState: 'built', leaseUntil: lease });
    const later = new Date(lease.getTime() + 60_000);
    expect(await repository.renewLease(transmission.id, new Date(lease.getTime() - 1), later)).toBe(false);
    expect(await repository.renewLease(transmission.id, lease, later)).toBe(true);
    expect((await transmissionRow(t, transmission.id)).nextAttemptAt).toEqual(later);
    // The old lease no longer records anything.
    await expect(
      t.dataSource.transaction((manager) =>
        repository.transition(
          manager,
          transmission.id,
          'uploading',
          'dead_letter',
          {},
          { leaseUntil: lease },
        ),
      ),
    ).rejects.toMatchObject({ code: 'transmission_state_conflict' });
    await t.dataSource.transaction((manager) =>
      repository.transition(manager, transmission.id, 'uploading', 'dead_letter', {}, { leaseUntil: later }),
    );
    expect(await repository.renewLease(transmission.id, later, new Date(later.getTime() + 1))).toBe(false);
  });
});

describe('a worker that keeps crashing on a file', () => {
  it('each claim counts an attempt; a takeover past the last attempt dead-letters instead of trying again', async () => {
    const { claimIds, transmission } = await builtWithClaims(1, 'L2');
    // Three workers claimed it and died without recording anything (their leases end at once here).
    for (let crash = 1; crash <= 3; crash += 1) {
      const now = new Date();
      const claimed = await t.dataSource.transaction((manager) =>
        repository.claimDue(manager, now, now, 1_000, { test: 'crashed worker' }),
      );
      expect(claimed.find((row) => row.id === transmission.id)).toMatchObject({ attempts: crash });
    }
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'dead-letter',
        code: 'delivery_lease_expired',
      }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'dead_letter', attempts: 4 });
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(0);
    expect(await claimSendings(t, claimIds)).toEqual([{ status: 'queued', sentEvents: 0 }]);
    // An admin retry starts over: the file goes out once.
    await t.http.post(`/v1/admin/transmissions/${transmission.id}/retry`).set(asAdmin()).expect(200);
    expect((await delivery.deliverDue()).items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(await claimSendings(t, claimIds)).toEqual([{ status: 'sent', sentEvents: 1 }]);
  });
});

describe('admin API /v1/admin/transmissions', () => {
  async function inDoubt(tag: string) {
    const built = await builtWithClaims(2, tag);
    await t.dataSource.transaction(async (manager) => {
      await repository.transition(manager, built.transmission.id, 'built', 'uploading', {});
      await repository.transition(manager, built.transmission.id, 'uploading', 'in_doubt', {
        code: 'TIMEOUT',
      });
    });
    return built;
  }

  it('lists by state with a cursor, shows one with events and interchanges but never its bytes', async () => {
    const { transmission } = await inDoubt('A1');
    const second = await inDoubt('A2');
    const page1 = await t.http
      .get('/v1/admin/transmissions')
      .query({ state: 'in_doubt', limit: 1 })
      .set(asAdmin())
      .expect(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toMatchObject({ id: second.transmission.id, state: 'in_doubt' });
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.http
      .get('/v1/admin/transmissions')
      .query({ state: 'in_doubt,dead_letter', limit: 1, cursor: page1.body.nextCursor })
      .set(asAdmin())
      .expect(200);
    expect(page2.body.items[0].id).toBe(transmission.id);

    const detail = await t.http.get(`/v1/admin/transmissions/${transmission.id}`).set(asAdmin()).expect(200);
    expect(detail.body).toMatchObject({
      id: transmission.id,
      state: 'in_doubt',
      claimCount: 2,
      sha256: transmission.sha256,
      interchanges: [{ isa13: String(transmission.isa13).padStart(9, '0'), ta1Status: null }],
    });
    expect(detail.body.events.map((e: { toState: string }) => e.toState)).toEqual(['uploading', 'in_doubt']);
    expect(detail.body).not.toHaveProperty('bytes');
    expect(JSON.stringify(detail.body)).not.toContain('ISA*');

    await t.http.get('/v1/admin/transmissions').query({ state: 'nonsense' }).set(asAdmin()).expect(400);
  });

  it('serves the stored file to an admin only, audited; other organisations get 404', async () => {
    const { transmission } = await inDoubt('A3');
    const response = await t.http
      .get(`/v1/admin/transmissions/${transmission.id}/file`)
      .set(asAdmin())
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha256Of(response.body as Buffer)).toBe(transmission.sha256);
    expect(response.headers['content-type']).toContain('application/edi-x12');
    expect(response.headers['x-content-sha256']).toBe(transmission.sha256);
    const audit = (await t.dataSource.query(
      `SELECT action, details FROM audit_log WHERE object_id = $1 AND action = 'transmission.file_downloaded'`,
      [transmission.id],
    )) as { action: string; details: Record<string, unknown> }[];
    expect(audit).toHaveLength(1);

    await t.http.get(`/v1/admin/transmissions/${transmission.id}/file`).set(asAdmin(org.key)).expect(403);
    await t.http.get(`/v1/admin/transmissions`).set(asAdmin(org.key)).expect(403);
    const other = await t.createOrgWithKey('admin');
    await t.http.get(`/v1/admin/transmissions/${transmission.id}`).set(asAdmin(other.key)).expect(404);
    await t.http.get(`/v1/admin/transmissions/${transmission.id}/file`).set(asAdmin(other.key)).expect(404);
    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set(asAdmin(other.key))
      .send({ outcome: 'delivered' })
      .expect(404);
    const otherList = await t.http.get('/v1/admin/transmissions').set(asAdmin(other.key)).expect(200);
    expect(otherList.body.items).toEqual([]);
  });

  it('resolve delivered: in_doubt -> delivered, claims sent once (source admin), audited; a second resolve is 409', async () => {
    const { transmission, claimIds } = await inDoubt('A4');
    const resolved = await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set(asAdmin())
      .send({ outcome: 'delivered' })
      .expect(200);
    expect(resolved.body).toMatchObject({ state: 'delivered' });
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    const sources = (await t.dataSource.query(
      `SELECT DISTINCT source FROM claim_status_events WHERE claim_id = ANY($1::uuid[]) AND status = 'sent'`,
      [claimIds],
    )) as { source: string }[];
    expect(sources).toEqual([{ source: 'admin' }]);
    const again = await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set(asAdmin())
      .send({ outcome: 'delivered' })
      .expect(409);
    expect(again.body.error.code).toBe('transmission_state_conflict');
    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set(asAdmin())
      .send({ outcome: 'maybe' })
      .expect(400);
    const audit = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'transmission.resolved'`,
      [transmission.id],
    )) as { n: number }[];
    expect(audit[0].n).toBe(1);
  });

  it('resolve not-delivered: back to built; the next run finds the file already at the payer and sends no second copy', async () => {
    const { transmission, claimIds } = await inDoubt('A5');
    // The admin was wrong: the rename did happen before the connection died.
    writeFileSync(join(sshd.outboundDir, transmission.fileName), transmission.bytes, { mode: 0o600 });
    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set(asAdmin())
      .send({ outcome: 'not-delivered' })
      .expect(200)
      .expect((response) => expect(response.body).toMatchObject({ state: 'built', attempts: 0 }));
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'already-delivered' }),
    ]);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
    expect(await transitionsOf(t, transmission.id)).toEqual([
      'built>uploading',
      'uploading>in_doubt',
      'in_doubt>built',
      'built>uploading',
      'uploading>delivered',
    ]);
  });

  it('retry: dead_letter -> built (audited), then delivered; retry of a non-dead-letter is 409', async () => {
    const wrongKey = sshd.generateUnauthorisedKey();
    const partner = await insertSftpPartner(t, sshd, { orgId: org.orgId, privateKey: wrongKey });
    const claimIds = await submitClaims(t, org.key, 1, 'A6');
    const transmission = await insertBuiltTransmission(t, org.orgId, partner, claimIds);
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'dead-letter',
        code: 'AUTH_FAILED',
      }),
    ]);
    const listed = await t.http
      .get('/v1/admin/transmissions')
      .query({ state: 'dead_letter' })
      .set(asAdmin())
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(transmission.id);

    // The partner's credential is fixed, then an admin retries.
    await t.dataSource.query(`UPDATE trading_partners SET credential_ciphertext = $2 WHERE id = $1`, [
      partner.id,
      encryptPartnerCredential(t.config.secretsKey.reveal(), partner.id, sshd.privateKey),
    ]);

    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/retry`)
      .set(asAdmin())
      .expect(200)
      .expect((response) =>
        expect(response.body).toMatchObject({ state: 'built', attempts: 0, lastErrorCode: null }),
      );
    await t.http.post(`/v1/admin/transmissions/${transmission.id}/retry`).set(asAdmin()).expect(409);
    const again = await delivery.deliverDue();
    expect(again.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);
    expect(await claimSendings(t, claimIds)).toEqual([{ status: 'sent', sentEvents: 1 }]);
    const audit = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'transmission.retried'`,
      [transmission.id],
    )) as { n: number }[];
    expect(audit[0].n).toBe(1);
  });
});
