// Pipeline-level SFTP faults against a real OpenSSH server: each test drives DeliveryService over
// transmissions rows and real claims, and ends with every claim 'sent' exactly once, or its transmission
// visibly in dead_letter or in_doubt (listed by the admin API), and never a second copy of the interchange at
// the payer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DeliveryService } from '../../src/modules/transmissions/delivery/delivery.service';
import { SftpConnection } from '../../src/modules/transmissions/sftp/sftp-connection';
import {
  claimSendings,
  copiesAtPayer,
  filesAtPayer,
  insertBuiltTransmission,
  insertSftpPartner,
  submitClaims,
  transitionsOf,
  transmissionRow,
  type BuiltTransmission,
  type PartnerOptions,
} from '../support/delivery-fixtures';
import { syntheticFile, waitForGrowingFile } from '../support/sftp-fixtures';
import { startSshd, TestSshd } from '../support/sshd';
import { startTcpFaultProxy, TcpFaultProxy } from '../support/tcp-fault-proxy';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let sshd: TestSshd;
let noRenameSshd: TestSshd;
let delivery: DeliveryService;
let org: { orgId: string; key: string };
let admin: string;
const proxies: TcpFaultProxy[] = [];

beforeAll(async () => {
  [t, sshd, noRenameSshd] = await Promise.all([
    createTestApp({
      env: {
        SCHEDULER_ENABLED: 'false',
        // Retries are due at once, so each deliverDue() below is exactly one more attempt.
        DELIVERY_RETRY_BASE_SECONDS: '0',
        DELIVERY_RETRY_MAX_SECONDS: '0',
        DELIVERY_MAX_ATTEMPTS: '3',
      },
    }),
    startSshd(),
    startSshd({ internalSftpArgs: ['-P', 'rename,posix-rename'] }),
  ]);
  delivery = t.app.get(DeliveryService);
  org = await t.createOrgWithKey('submitter');
  admin = (await t.createKey(org.orgId, 'admin')).key;
});

afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  await t?.close();
  await sshd?.stop();
  await noRenameSshd?.stop();
});

interface Scenario {
  claimIds: string[];
  transmission: BuiltTransmission;
  partnerId: string;
}

async function scenario(
  tag: string,
  partnerOptions: Partial<PartnerOptions> = {},
  options: { server?: TestSshd; claims?: number; bytes?: Buffer } = {},
): Promise<Scenario> {
  const partner = await insertSftpPartner(t, options.server ?? sshd, { orgId: org.orgId, ...partnerOptions });
  const claimIds = await submitClaims(t, org.key, options.claims ?? 2, tag);
  const transmission = await insertBuiltTransmission(t, org.orgId, partner, claimIds, {
    bytes: options.bytes,
  });
  return { claimIds, transmission, partnerId: partner.id };
}

async function expectSentOnce(claimIds: string[]): Promise<void> {
  expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'sent', sentEvents: 1 })));
}

async function expectNotSent(claimIds: string[]): Promise<void> {
  expect(await claimSendings(t, claimIds)).toEqual(claimIds.map(() => ({ status: 'queued', sentEvents: 0 })));
}

async function deadLetterIds(state = 'dead_letter'): Promise<string[]> {
  const response = await t.http
    .get('/v1/admin/transmissions')
    .query({ state, limit: 500 })
    .set('Authorization', `Bearer ${admin}`)
    .expect(200);
  return (response.body.items as { id: string }[]).map((item) => item.id);
}

describe('delivery faults against OpenSSH (pipeline level)', () => {
  it('sshd sessions killed mid-upload: retry scheduled (CONNECTION_LOST), the next run delivers once', async () => {
    const { claimIds, transmission } = await scenario(
      'F1',
      {},
      { bytes: syntheticFile(16 * 1024 * 1024).bytes },
    );
    const running = delivery.deliverDue();
    await waitForGrowingFile(join(sshd.outboundDir, `.${transmission.fileName}.part`), 1024 * 1024);
    expect(sshd.killSessions()).toBeGreaterThan(0);
    const run = await running;
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'retry', code: 'CONNECTION_LOST' }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({
      state: 'uploading',
      attempts: 1,
      lastErrorCode: 'CONNECTION_LOST',
    });
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName).final).toEqual([]);
    await expectNotSent(claimIds);

    const retry = await delivery.deliverDue();
    expect(retry.items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [],
    });
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    await expectSentOnce(claimIds);
    expect(await transitionsOf(t, transmission.id)).toEqual([
      'built>uploading',
      'uploading>uploading',
      'uploading>uploading',
      'uploading>delivered',
    ]);
  });

  it('a stalled connection (no packets) fails within the keepalive window, then delivers once', async () => {
    const proxy = await startTcpFaultProxy(sshd.host, sshd.port);
    proxies.push(proxy);
    const { claimIds, transmission } = await scenario(
      'F2',
      { host: proxy.host, port: proxy.port },
      { bytes: syntheticFile(16 * 1024 * 1024).bytes },
    );
    const started = Date.now();
    const running = delivery.deliverDue();
    await waitForGrowingFile(join(sshd.outboundDir, `.${transmission.fileName}.part`), 1024 * 1024);
    proxy.stall();
    const run = await running;
    // Keepalive every 5 s, 3 unanswered: the default connection settings notice a dead peer in about 20 s.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'retry',
        code: expect.stringMatching(/^(TIMEOUT|CONNECTION_LOST)$/),
      }),
    ]);
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName).final).toEqual([]);
    await expectNotSent(claimIds);

    proxy.resume();
    const retry = await delivery.deliverDue();
    expect(retry.items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName).other).toEqual([]);
    await expectSentOnce(claimIds);
  });

  it('wrong credentials: dead_letter (AUTH_FAILED) at once, listed for an admin, nothing at the payer', async () => {
    const { claimIds, transmission } = await scenario('F3', { privateKey: sshd.generateUnauthorisedKey() });
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'dead-letter',
        code: 'AUTH_FAILED',
      }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({
      state: 'dead_letter',
      attempts: 1,
      lastErrorCode: 'AUTH_FAILED',
    });
    expect(await deadLetterIds()).toContain(transmission.id);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(0);
    await expectNotSent(claimIds);
    // Dead-lettered rows are not picked up again until an admin acts.
    expect((await delivery.deliverDue()).claimed).toBe(0);
  });

  it('permission denied on the outbound directory: dead_letter (PERMISSION_DENIED), nothing written', async () => {
    const locked = join(sshd.rootDir, 'locked');
    mkdirSync(locked);
    sshd.makeUnwritable(locked);
    const { claimIds, transmission } = await scenario('F4', { outboundDir: 'locked' });
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'dead-letter',
        code: 'PERMISSION_DENIED',
      }),
    ]);
    expect(await deadLetterIds()).toContain(transmission.id);
    expect(copiesAtPayer(locked, transmission.bytes)).toBe(0);
    await expectNotSent(claimIds);
  });

  it('rename refused by the server (partner says renameAllowed): dead_letter, nothing left; after the partner is switched to .done markers an admin retry delivers once', async () => {
    const { claimIds, transmission, partnerId } = await scenario(
      'F5',
      { renameAllowed: true },
      { server: noRenameSshd },
    );
    const run = await delivery.deliverDue();
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'dead-letter',
        code: 'RENAME_REFUSED',
      }),
    ]);
    expect(filesAtPayer(noRenameSshd.outboundDir, transmission.fileName)).toEqual({ final: [], other: [] });
    await expectNotSent(claimIds);

    await t.dataSource.query(`UPDATE trading_partners SET rename_allowed = false WHERE id = $1`, [partnerId]);
    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const retry = await delivery.deliverDue();
    expect(retry.items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(filesAtPayer(noRenameSshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [`${transmission.fileName}.done`],
    });
    expect(copiesAtPayer(noRenameSshd.outboundDir, transmission.bytes)).toBe(1);
    await expectSentOnce(claimIds);
  });

  it('server disk full (put() reports success on a truncated file): retried, then dead_letter; after space is freed an admin retry delivers once', async () => {
    const tiny = join(sshd.rootDir, 'tiny');
    mkdirSync(tiny);
    const bytes = syntheticFile(256 * 1024).bytes;
    const asRoot = process.getuid?.() === 0;
    const { claimIds, transmission } = await scenario('F6', { outboundDir: 'tiny' }, { bytes });
    if (asRoot) {
      // A real full filesystem: a 64 KiB tmpfs; the SFTP write of 256 KiB is cut short while put() resolves.
      sshd.mountTinyDisk(tiny, 64 * 1024);
    } else {
      // Without root: the temporary name is a symlink to /dev/full (every write fails with ENOSPC).
      symlinkSync('/dev/full', join(tiny, `.${transmission.fileName}.part`));
    }
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const run = await delivery.deliverDue();
      expect(run.items).toEqual([
        expect.objectContaining({
          transmissionId: transmission.id,
          outcome: attempt < 3 ? 'retry' : 'dead-letter',
          code: 'REMOTE_TRUNCATED',
        }),
      ]);
      expect(filesAtPayer(tiny, transmission.fileName).final).toEqual([]);
    }
    expect(await transmissionRow(t, transmission.id)).toMatchObject({
      state: 'dead_letter',
      attempts: 3,
      lastErrorCode: 'REMOTE_TRUNCATED',
    });
    expect(await deadLetterIds()).toContain(transmission.id);
    await expectNotSent(claimIds);

    if (asRoot) execFileSync('mount', ['-o', 'remount,size=4m', tiny], { stdio: 'pipe' });
    else execFileSync('rm', ['-f', join(tiny, `.${transmission.fileName}.part`)]);
    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const retry = await delivery.deliverDue();
    expect(retry.items.map((item) => item.outcome)).toEqual(['delivered']);
    expect(filesAtPayer(tiny, transmission.fileName)).toEqual({ final: [transmission.fileName], other: [] });
    expect(copiesAtPayer(tiny, transmission.bytes)).toBe(1);
    await expectSentOnce(claimIds);
  });

  it('the connection stalls while the rename is in flight: in_doubt (never retried on its own), listed; the admin says not delivered and the next run delivers once', async () => {
    const proxy = await startTcpFaultProxy(sshd.host, sshd.port);
    proxies.push(proxy);
    const { claimIds, transmission } = await scenario('F7', { host: proxy.host, port: proxy.port });
    // The network stops at the moment the rename request leaves: its answer can never come back.
    const rename = jest.spyOn(SftpConnection.prototype, 'rename');
    const realRename = rename.getMockImplementation() ?? SftpConnection.prototype.rename;
    rename.mockImplementation(function (this: SftpConnection, from: string, to: string) {
      proxy.stall();
      return realRename.call(this, from, to);
    });
    let run: Awaited<ReturnType<DeliveryService['deliverDue']>>;
    try {
      run = await delivery.deliverDue();
    } finally {
      rename.mockRestore();
      proxy.resume();
    }
    expect(run.items).toEqual([
      expect.objectContaining({
        transmissionId: transmission.id,
        outcome: 'in-doubt',
        code: expect.stringMatching(/^(TIMEOUT|CONNECTION_LOST)$/),
      }),
    ]);
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'in_doubt' });
    expect(await deadLetterIds('in_doubt')).toContain(transmission.id);
    await expectNotSent(claimIds);
    expect((await delivery.deliverDue()).claimed).toBe(0);

    await t.http
      .post(`/v1/admin/transmissions/${transmission.id}/resolve`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ outcome: 'not-delivered' })
      .expect(200);
    const retry = await delivery.deliverDue();
    expect(retry.items.map((item) => item.outcome)).toEqual([
      expect.stringMatching(/^(already-)?delivered$/),
    ]);
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({
      final: [transmission.fileName],
      other: [],
    });
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
    await expectSentOnce(claimIds);
  });
});
