// The scheduled job: with scheduling enabled and INBOUND_POLL_SECONDS=1 the app collects a delivered file
// by itself; ticks go through runExclusively, so two ticks at once run collection once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  CollectionScheduler,
  INBOUND_COLLECTION_INTERVAL,
} from '../../src/modules/inbound-files/collection.scheduler';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';
import { createPartner, sample, storedFiles } from './inbound-fixtures';

jest.setTimeout(120_000);

let t: TestApp;
let sshd: TestSshd;

beforeAll(async () => {
  sshd = await startSshd();
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'true', INBOUND_POLL_SECONDS: '1' } });
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

it('collects on its own every INBOUND_POLL_SECONDS, one tick at a time', async () => {
  expect(t.app.get(SchedulerRegistry).doesExist('interval', INBOUND_COLLECTION_INTERVAL)).toBe(true);
  const org = await t.createOrg();
  const { partner, inboundDir } = await createPartner(t, sshd, org.id);
  writeFileSync(join(inboundDir, 'scheduled-999.x12'), sample('999/accepted.x12'));

  const deadline = Date.now() + 30_000;
  let rows = await storedFiles(t, partner.id);
  while (rows.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rows = await storedFiles(t, partner.id);
  }
  expect(rows.map((row) => [row.remote_name, row.kind])).toEqual([['scheduled-999.x12', '999']]);

  // Two ticks at once (plus the interval's own): collection runs at most once at a time.
  const scheduler = t.app.get(CollectionScheduler);
  const results = await Promise.all([scheduler.tick(), scheduler.tick()]);
  expect(results.filter((result) => result.ran).length).toBeLessThanOrEqual(1);
  expect(await storedFiles(t, partner.id)).toHaveLength(1);
});
