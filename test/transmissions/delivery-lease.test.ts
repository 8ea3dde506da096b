// The delivery lease across a partner group, against a real OpenSSH server and a clock the test moves: a
// worker renews its lease before every file of a group, the first included, because a group may start
// long after the run claimed its rows (behind other partners' groups). A file whose lease ran out and was
// taken over by another worker is skipped ('lease-lost') before a byte of it is sent. The same fixed clock
// shows that a transmission's moves made at one instant are listed in the order they were made.
import { FixedClock } from '../../src/common/clock';
import { DeliveryService } from '../../src/modules/transmissions/delivery/delivery.service';
import type { TransmissionState } from '../../src/modules/transmissions/transmission-state';
import { TransmissionsRepository } from '../../src/modules/transmissions/transmissions.repository';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import {
  copiesAtPayer,
  filesAtPayer,
  insertBuiltTransmission,
  insertSftpPartner,
  submitClaims,
  transmissionRow,
} from '../support/delivery-fixtures';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const LEASE_SECONDS = 600;
const clock = new FixedClock(new Date());
let t: TestApp;
let sshd: TestSshd;
let delivery: DeliveryService;
let repository: TransmissionsRepository;
let partners: TradingPartnersService;
let org: { orgId: string; key: string };

beforeAll(async () => {
  [t, sshd] = await Promise.all([
    createTestApp({
      env: { SCHEDULER_ENABLED: 'false', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) },
      clock,
    }),
    startSshd(),
  ]);
  delivery = t.app.get(DeliveryService);
  repository = t.app.get(TransmissionsRepository);
  partners = t.app.get(TradingPartnersService);
  org = await t.createOrgWithKey('submitter');
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

afterEach(() => jest.restoreAllMocks());

async function built(tag: string) {
  const partner = await insertSftpPartner(t, sshd, { orgId: org.orgId });
  const claimIds = await submitClaims(t, org.key, 1, tag);
  return insertBuiltTransmission(t, org.orgId, partner, claimIds);
}

/**
 * Runs `meanwhile` when the run reaches a partner group (it looks the partner up first): the moment
 * between claiming the rows and renewing the first file's lease.
 */
function atGroupStart(meanwhile: () => Promise<void>): void {
  const lookUp = partners.findById.bind(partners) as (...args: unknown[]) => Promise<unknown>;
  jest.spyOn(partners, 'findById').mockImplementationOnce((async (...args: unknown[]) => {
    await meanwhile();
    return lookUp(...args);
  }) as TradingPartnersService['findById']);
}

/** The test clock, never behind the wall clock the fixtures stamp new rows with. */
function clockAtLeastWallTime(): void {
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now())));
}

describe('delivery lease across a partner group', () => {
  it('the first file of a group that starts after its lease ended and was taken over is not uploaded', async () => {
    const transmission = await built('LG1');
    clockAtLeastWallTime();
    let takenOver = false;
    atGroupStart(async () => {
      // This worker's lease ends while other groups run; a second worker claims the file.
      clock.advance((LEASE_SECONDS + 1) * 1000);
      const now = clock.now();
      const second = await t.dataSource.transaction((manager) =>
        repository.claimDue(manager, now, new Date(now.getTime() + LEASE_SECONDS * 1000), 1_000, {
          worker: 'second',
        }),
      );
      takenOver = second.some((row) => row.id === transmission.id);
    });

    const run = await delivery.deliverDue();

    expect(takenOver).toBe(true);
    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'lease-lost' }),
    ]);
    // Skipped before any byte went out: not even a temporary .part file is left at the payer (a worker
    // that only checked its lease when publishing uploaded the whole file for nothing).
    expect(filesAtPayer(sshd.outboundDir, transmission.fileName)).toEqual({ final: [], other: [] });
    // The row is the second worker's: still uploading, its attempt counted, its lease.
    expect(await transmissionRow(t, transmission.id)).toMatchObject({ state: 'uploading', attempts: 2 });
    expect(t.logs.join('\n')).toContain('delivery lease lost before upload; skipped');

    // Once the second worker's lease has ended too, a run takes the file over and sends it once.
    clock.advance((LEASE_SECONDS + 1) * 1000);
    expect((await delivery.deliverDue()).items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
  });

  it('a group that starts after its lease ended, with no takeover, renews the lease and delivers', async () => {
    const transmission = await built('LG2');
    clockAtLeastWallTime();
    let leaseAtGroupStart: Date | undefined;
    atGroupStart(async () => {
      clock.advance((LEASE_SECONDS + 1) * 1000);
      leaseAtGroupStart = (await transmissionRow(t, transmission.id)).nextAttemptAt;
    });

    const run = await delivery.deliverDue();

    expect(run.items).toEqual([
      expect.objectContaining({ transmissionId: transmission.id, outcome: 'delivered' }),
    ]);
    // The claim's lease had already ended when the group began; the file went out under a renewed one.
    expect(leaseAtGroupStart!.getTime()).toBeLessThan(clock.now().getTime());
    const row = await transmissionRow(t, transmission.id);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + LEASE_SECONDS * 1000);
    expect(copiesAtPayer(sshd.outboundDir, transmission.bytes)).toBe(1);
  });
});

describe('transmission events', () => {
  it('lists the moves of a transmission in the order they were made, even at one instant', async () => {
    // The test clock does not move here, so every move below carries the same timestamp.
    const transmission = await built('LG3');
    const path: TransmissionState[] = [
      'built',
      ...Array.from({ length: 8 }, (): TransmissionState[] => ['uploading', 'in_doubt', 'built']).flat(),
      'uploading',
      'delivered',
    ];
    await t.dataSource.transaction(async (manager) => {
      for (let step = 1; step < path.length; step++)
        await repository.transition(manager, transmission.id, path[step - 1], path[step], { step });
    });
    const events = await repository.eventsOf(transmission.id);
    expect(new Set(events.map((event) => new Date(event.at).getTime())).size).toBe(1);
    expect(events.map((event) => `${event.fromState ?? ''}>${event.toState}`)).toEqual(
      path.slice(1).map((state, step) => `${path[step]}>${state}`),
    );
  });
});
