// Collection against a real OpenSSH sshd playing the partner: files are collected, stored with their
// SHA-256 and classified; the same bytes are stored once (two names, or delivered again after deletion);
// a file without its IEA is never stored or processed as complete and is picked up once complete; files
// still being written are skipped; the remote copy goes only after the commit (a failed delete or move,
// and a failed insert, are both recovered on the next tick without a second row).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectionService } from '../../src/modules/inbound-files/collection.service';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';
import { createPartner, FAST, retirePartner, sample, storedFiles, TestPartner } from './inbound-fixtures';

jest.setTimeout(120_000);

let t: TestApp;
let sshd: TestSshd;
let collection: CollectionService;
let orgId: string;
const partners: TestPartner[] = [];

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function partner(options: Parameters<typeof createPartner>[3] = {}): Promise<TestPartner> {
  const created = await createPartner(t, sshd, orgId, options);
  partners.push(created);
  return created;
}

beforeAll(async () => {
  sshd = await startSshd();
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  collection = t.app.get(CollectionService);
  orgId = (await t.createOrg()).id;
});

afterEach(async () => {
  // Earlier partners are not polled again by later tests' passes.
  for (const created of partners.splice(0)) await retirePartner(t, created.partner);
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

describe('inbound collection', () => {
  it('collects each kind, stores bytes and SHA-256, classifies by envelope, then removes the remote files', async () => {
    const { partner: p, inboundDir } = await partner();
    const files: Record<string, Buffer> = {
      'a-ta1.x12': sample('envelope/ta1-accepted.x12'),
      'b-999.x12': sample('999/accepted.x12'),
      'c-277ca.x12': sample('277ca/277ca-accepted.x12'),
      'd-835.x12': sample('835/paid.x12'),
      'e-271.x12': sample('271/271-active-coverage.x12'),
      'f-837.x12': sample('837p/single-claim.x12'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(inboundDir, name), bytes);

    const report = await collection.collectAll(FAST);
    const mine = report.partners.find((entry) => entry.partnerId === p.id);
    expect(mine).toMatchObject({ listed: 6, stored: 6, duplicates: 0, disposed: 6, incomplete: 0 });
    expect(mine?.errorCode).toBeUndefined();
    expect(readdirSync(inboundDir)).toEqual([]);

    const rows = await storedFiles(t, p.id);
    expect(rows.map((row) => [row.remote_name, row.kind])).toEqual([
      ['a-ta1.x12', 'TA1'],
      ['b-999.x12', '999'],
      ['c-277ca.x12', '277CA'],
      ['d-835.x12', '835'],
      ['e-271.x12', '271'],
      ['f-837.x12', 'other'],
    ]);
    for (const row of rows) {
      const original = files[row.remote_name];
      expect(Buffer.compare(row.bytes, original)).toBe(0);
      expect(row.sha256).toBe(sha256(original));
      expect(row.size_bytes).toBe(original.length);
      // Every new file was processed once, right after its commit.
      expect(row.process_count).toBe(1);
      expect(row.processed_at).not.toBeNull();
    }
    const state = Object.fromEntries(rows.map((row) => [row.kind, row.state]));
    expect(state['835']).toBe('kept');
    expect(state['271']).toBe('kept');
    expect(state.other).toBe('stored');
  });

  it('the same bytes under two names, and again after deletion, are stored once', async () => {
    const { partner: p, inboundDir } = await partner();
    const bytes = sample('999/partially-accepted.x12');
    writeFileSync(join(inboundDir, 'ack-1.x12'), bytes);
    writeFileSync(join(inboundDir, 'ack-1-copy.x12'), bytes);

    const first = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(first).toMatchObject({ listed: 2, stored: 1, duplicates: 1, disposed: 2 });
    expect(readdirSync(inboundDir)).toEqual([]);

    // The partner delivers it again after we deleted it.
    writeFileSync(join(inboundDir, 'ack-1-again.x12'), bytes);
    const second = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(second).toMatchObject({ listed: 1, stored: 0, duplicates: 1, disposed: 1 });
    expect(readdirSync(inboundDir)).toEqual([]);

    const rows = await storedFiles(t, p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].sha256).toBe(sha256(bytes));
    expect(rows[0].process_count).toBe(1);
  });

  it('a truncated file (no IEA) is left on the server, never stored, and collected once it is complete', async () => {
    const { partner: p, inboundDir } = await partner();
    const full = sample('835/partially-paid.x12');
    const cut = full.length - 30; // inside the SE/GE/IEA trailer
    writeFileSync(join(inboundDir, 'era.x12'), full.subarray(0, cut));
    // The golden truncated files: cut off mid-transaction.
    writeFileSync(join(inboundDir, 'golden-835.x12'), sample('835/truncated.x12'));
    writeFileSync(join(inboundDir, 'golden-999.x12'), sample('999/truncated.x12'));

    const first = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(first).toMatchObject({ listed: 3, stored: 0, incomplete: 3, disposed: 0 });
    expect(readdirSync(inboundDir).sort()).toEqual(['era.x12', 'golden-835.x12', 'golden-999.x12']);
    expect(await storedFiles(t, p.id)).toEqual([]);

    // Still no IEA on the next tick: still not stored.
    await collection.collectAll(FAST);
    expect(await storedFiles(t, p.id)).toEqual([]);

    appendFileSync(join(inboundDir, 'era.x12'), full.subarray(cut));
    const done = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(done).toMatchObject({ listed: 3, stored: 1, incomplete: 2, disposed: 1 });
    const rows = await storedFiles(t, p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: '835', state: 'kept', sha256: sha256(full) });
    expect(readdirSync(inboundDir).sort()).toEqual(['golden-835.x12', 'golden-999.x12']);
  });

  it('a file that never gets its IEA is quarantined (not processed) once it has been unchanged for too long', async () => {
    const { partner: p, inboundDir } = await partner();
    const path = join(inboundDir, 'dead-upload.x12');
    const full = sample('999/accepted.x12');
    writeFileSync(path, full.subarray(0, full.length - 20));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path, twoHoursAgo, twoHoursAgo);

    const report = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(report).toMatchObject({ stored: 1, quarantined: 1, incomplete: 0, disposed: 1 });
    const rows = await storedFiles(t, p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'unreadable',
      state: 'quarantined',
      quarantine_code: 'INBOUND_INCOMPLETE',
      processed_at: null,
      process_count: 0,
    });
  });

  it('skips temporary names and files whose size changes between the two listings', async () => {
    const { partner: p, inboundDir } = await partner();
    writeFileSync(join(inboundDir, '.upload-1.x12'), sample('999/accepted.x12'));
    writeFileSync(join(inboundDir, 'upload-2.x12.part'), sample('999/accepted.x12'));
    writeFileSync(join(inboundDir, 'upload-3.x12.tmp'), sample('999/accepted.x12'));
    const growing = join(inboundDir, 'growing.x12');
    const full = sample('277ca/277ca-rejected.x12');
    writeFileSync(growing, full.subarray(0, 200));

    // The partner writes more while the gateway waits between its two listings.
    let step = 200;
    const writer = async (ms: number): Promise<void> => {
      appendFileSync(growing, full.subarray(step, step + 100));
      step += 100;
      await new Promise((resolve) => setTimeout(resolve, ms));
    };
    const first = (await collection.collectAll({ ...FAST, sleep: writer })).partners.find(
      (entry) => entry.partnerId === p.id,
    );
    expect(first).toMatchObject({ listed: 0, stored: 0 });
    expect(await storedFiles(t, p.id)).toEqual([]);

    appendFileSync(growing, full.subarray(step));
    const second = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(second).toMatchObject({ listed: 1, stored: 1 });
    expect((await storedFiles(t, p.id)).map((row) => [row.remote_name, row.kind])).toEqual([
      ['growing.x12', '277CA'],
    ]);
    // Temporary names were never touched.
    expect(readdirSync(inboundDir).sort()).toEqual([
      '.upload-1.x12',
      'upload-2.x12.part',
      'upload-3.x12.tmp',
    ]);
  });

  it('removes the remote file only after the commit: a refused delete leaves it, and the next tick does not store it twice', async () => {
    const { partner: p, inboundDir } = await partner();
    const bytes = sample('999/accepted-with-errors.x12');
    writeFileSync(join(inboundDir, 'ack.x12'), bytes);

    // The partner's server refuses deletes (internal-sftp -P remove): the gateway "dies" between its commit
    // and the remote delete.
    await sshd.restartWithOptions({ internalSftpArgs: ['-P', 'remove'] });
    try {
      const first = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
      expect(first).toMatchObject({ stored: 1, disposed: 0, disposalFailures: 1 });
      expect(existsSync(join(inboundDir, 'ack.x12'))).toBe(true);
      expect(await storedFiles(t, p.id)).toHaveLength(1);
    } finally {
      await sshd.restartWithOptions({});
    }

    const second = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(second).toMatchObject({ stored: 0, duplicates: 1, disposed: 1 });
    expect(existsSync(join(inboundDir, 'ack.x12'))).toBe(false);
    const rows = await storedFiles(t, p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].process_count).toBe(1); // the duplicate was not processed again
  });

  it('a failed insert leaves the remote file in place; the next tick stores and removes it', async () => {
    const { partner: p, inboundDir } = await partner();
    const bytes = sample('271/271-rejected.x12');
    writeFileSync(join(inboundDir, 'eligibility.x12'), bytes);

    await t.dataSource.query(`CREATE FUNCTION gw_test_refuse_inbound() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`);
    await t.dataSource.query(`CREATE TRIGGER gw_test_refuse_inbound BEFORE INSERT ON inbound_files
      FOR EACH ROW EXECUTE FUNCTION gw_test_refuse_inbound()`);
    try {
      const first = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
      expect(first).toMatchObject({ stored: 0, disposed: 0, errorCode: 'P0001' });
      expect(existsSync(join(inboundDir, 'eligibility.x12'))).toBe(true);
    } finally {
      await t.dataSource.query('DROP TRIGGER gw_test_refuse_inbound ON inbound_files');
      await t.dataSource.query('DROP FUNCTION gw_test_refuse_inbound()');
    }

    const second = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(second).toMatchObject({ stored: 1, disposed: 1 });
    expect(existsSync(join(inboundDir, 'eligibility.x12'))).toBe(false);
    expect((await storedFiles(t, p.id)).map((row) => row.kind)).toEqual(['271']);
  });

  it('moves collected files to the archive directory; a failed move is retried without a second row', async () => {
    const { partner: p, inboundDir, archiveDir } = await partner({ archive: true, createArchive: false });
    const bytes = sample('835/denied.x12');
    writeFileSync(join(inboundDir, 'era-denied.x12'), bytes);

    // The archive directory does not exist yet: the move fails after the commit.
    const first = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(first).toMatchObject({ stored: 1, disposed: 0, disposalFailures: 1 });
    expect(existsSync(join(inboundDir, 'era-denied.x12'))).toBe(true);

    mkdirSync(archiveDir);
    const second = (await collection.collectAll(FAST)).partners.find((entry) => entry.partnerId === p.id);
    expect(second).toMatchObject({ stored: 0, duplicates: 1, disposed: 1 });
    expect(readdirSync(inboundDir)).toEqual([]);
    expect(readdirSync(archiveDir)).toEqual(['era-denied.x12']);
    expect(await storedFiles(t, p.id)).toHaveLength(1);
  });

  it('an empty inbound directory is listed once, without the stability wait', async () => {
    const { partner: p } = await partner();
    let waits = 0;
    const report = await collection.collectAll({
      ...FAST,
      sleep: async () => {
        waits += 1;
      },
    });
    expect(report.partners.find((entry) => entry.partnerId === p.id)).toMatchObject({ listed: 0, stored: 0 });
    expect(waits).toBe(0);
  });

  it('one partner failing (wrong host key) does not stop the others, and the failure is coded', async () => {
    const broken = await partner({
      overrides: { hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    const healthy = await partner();
    writeFileSync(join(broken.inboundDir, 'x.x12'), sample('999/accepted.x12'));
    writeFileSync(join(healthy.inboundDir, 'y.x12'), sample('999/accepted.x12'));

    const report = await collection.collectAll(FAST);
    const failed = report.partners.find((entry) => entry.partnerId === broken.partner.id);
    const fine = report.partners.find((entry) => entry.partnerId === healthy.partner.id);
    expect(failed).toMatchObject({ errorCode: 'HOST_KEY_MISMATCH', stored: 0 });
    expect(fine).toMatchObject({ stored: 1, disposed: 1 });
    expect(fine?.errorCode).toBeUndefined();
    expect(report.totals.failedPartners).toBe(1);
    expect(existsSync(join(broken.inboundDir, 'x.x12'))).toBe(true);
    const warning = t
      .logRecords()
      .find(
        (line) =>
          line.msg === 'inbound collection failed for a partner' && line.partnerId === broken.partner.id,
      );
    expect(warning).toMatchObject({ errorCode: 'HOST_KEY_MISMATCH', listed: 0 });
  });
});
