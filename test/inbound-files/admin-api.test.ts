// The admin API over HTTP after real collection from an OpenSSH sshd: admins see their organisation's
// partners' files and shared partners' files, nobody else's; the bytes of a shared partner's file go only to
// the organisation its matched transmissions belong to; downloads and reprocess requests are audited; an
// unreadable file is quarantined with a code and position and can be reprocessed. No raw X12 and no PHI
// (a canary inside the files) reaches the logs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CollectionService } from '../../src/modules/inbound-files/collection.service';
import { INBOUND_COLLECTION_INTERVAL } from '../../src/modules/inbound-files/collection.scheduler';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';
import { createPartner, FAST, sample, TestPartner } from './inbound-fixtures';

jest.setTimeout(120_000);

const CANARY = 'ZQXCANARYPHI';

let t: TestApp;
let sshd: TestSshd;
let orgA: { orgId: string; key: string };
let orgB: { orgId: string; key: string };
let submitterA: string;
let partnerA: TestPartner;
let shared: TestPartner;
const ids: Record<string, string> = {};

const bytes = {
  unreadable: Buffer.from(
    sample('envelope/malformed-counts-and-echoes.x12').toString('latin1').replace('BATCH6', CANARY),
    'latin1',
  ),
  era: Buffer.from(sample('835/paid.x12').toString('latin1').replace('TESTPATIENT', CANARY), 'latin1'),
  // A kind no acknowledgment handler takes, so its state does not depend on other modules.
  eligibility: sample('271/271-active-coverage.x12'),
};

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

async function fileId(partnerId: string, remoteName: string): Promise<string> {
  const rows: Array<{ id: string }> = await t.dataSource.query(
    'SELECT id FROM inbound_files WHERE partner_id = $1 AND remote_name = $2',
    [partnerId, remoteName],
  );
  return rows[0].id;
}

beforeAll(async () => {
  sshd = await startSshd();
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  orgA = await t.createOrgWithKey('admin');
  orgB = await t.createOrgWithKey('admin');
  submitterA = (await t.createKey(orgA.orgId, 'submitter')).key;
  partnerA = await createPartner(t, sshd, orgA.orgId);
  shared = await createPartner(t, sshd, null);
  writeFileSync(join(partnerA.inboundDir, 'broken.x12'), bytes.unreadable);
  writeFileSync(join(partnerA.inboundDir, 'era.x12'), bytes.era);
  writeFileSync(join(shared.inboundDir, 'shared-271.x12'), bytes.eligibility);
  const report = await t.app.get(CollectionService).collectAll(FAST);
  expect(report.totals).toMatchObject({ stored: 3, quarantined: 1, failedPartners: 0 });
  ids.unreadable = await fileId(partnerA.partner.id, 'broken.x12');
  ids.era = await fileId(partnerA.partner.id, 'era.x12');
  ids.shared = await fileId(shared.partner.id, 'shared-271.x12');
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

describe('admin inbound files API', () => {
  it('lists the organisation’s files and shared partners’ files, filtered by state and kind, never bytes', async () => {
    const listA = await t.http.get('/v1/admin/inbound-files').set(auth(orgA.key)).expect(200);
    expect(listA.body.items.map((file: { id: string }) => file.id).sort()).toEqual(
      [ids.unreadable, ids.era, ids.shared].sort(),
    );
    expect(JSON.stringify(listA.body)).not.toContain('"bytes"');
    const listB = await t.http.get('/v1/admin/inbound-files').set(auth(orgB.key)).expect(200);
    expect(listB.body.items.map((file: { id: string }) => file.id)).toEqual([ids.shared]);
    expect(listB.body.items[0]).toMatchObject({ sharedPartner: true, contentAvailable: false, kind: '271' });

    const quarantined = await t.http
      .get('/v1/admin/inbound-files?state=quarantined')
      .set(auth(orgA.key))
      .expect(200);
    expect(quarantined.body.items.map((file: { id: string }) => file.id)).toEqual([ids.unreadable]);
    const eras = await t.http.get('/v1/admin/inbound-files?kind=835').set(auth(orgA.key)).expect(200);
    expect(eras.body.items).toHaveLength(1);
    expect(eras.body.items[0]).toMatchObject({ id: ids.era, state: 'kept', sharedPartner: false });

    await t.http.get('/v1/admin/inbound-files?kind=837').set(auth(orgA.key)).expect(400);
  });

  it('pages with a cursor', async () => {
    const first = await t.http.get('/v1/admin/inbound-files?limit=2').set(auth(orgA.key)).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http
      .get(`/v1/admin/inbound-files?limit=2&cursor=${first.body.nextCursor}`)
      .set(auth(orgA.key))
      .expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((file: { id: string }) => file.id);
    expect(new Set(all).size).toBe(3);
    const bad = await t.http.get('/v1/admin/inbound-files?cursor=nonsense').set(auth(orgA.key)).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('shows an unreadable file quarantined with the diagnostic code and position, no values', async () => {
    const response = await t.http
      .get(`/v1/admin/inbound-files/${ids.unreadable}`)
      .set(auth(orgA.key))
      .expect(200);
    expect(response.body).toMatchObject({
      id: ids.unreadable,
      kind: 'unreadable',
      state: 'quarantined',
      quarantineCode: 'X12-ENV-SE01-COUNT',
      processCount: 0,
      contentAvailable: true,
      sizeBytes: bytes.unreadable.length,
      sha256: createHash('sha256').update(bytes.unreadable).digest('hex'),
    });
    expect(response.body.quarantineDetail).toMatch(/segment SE, element SE01/);
    expect(response.body.quarantineDetail).not.toContain(CANARY);
  });

  it('hides another organisation’s file (404 on every route) and refuses non-admin keys', async () => {
    for (const path of ['', '/content']) {
      const response = await t.http
        .get(`/v1/admin/inbound-files/${ids.era}${path}`)
        .set(auth(orgB.key))
        .expect(404);
      expect(response.body.error.code).toBe('inbound_file_not_found');
    }
    await t.http.post(`/v1/admin/inbound-files/${ids.era}/reprocess`).set(auth(orgB.key)).expect(404);
    await t.http.get('/v1/admin/inbound-files/not-a-uuid').set(auth(orgA.key)).expect(404);
    await t.http.get('/v1/admin/inbound-files').set(auth(submitterA)).expect(403);
    await t.http.get(`/v1/admin/inbound-files/${ids.era}/content`).set(auth(submitterA)).expect(403);
    await t.http.get('/v1/admin/inbound-files').expect(401);
  });

  it('downloads the raw bytes of an own file, audited', async () => {
    const response = await t.http
      .get(`/v1/admin/inbound-files/${ids.era}/content`)
      .set(auth(orgA.key))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(response.body as Buffer, bytes.era)).toBe(0);
    expect(response.headers['x-content-sha256']).toBe(createHash('sha256').update(bytes.era).digest('hex'));
    expect(response.headers['content-disposition']).toBe('attachment; filename="era.x12"');
    expect(response.headers['cache-control']).toBe('no-store');
    const audit: Array<{ action: string; org_id: string; details: Record<string, unknown> }> =
      await t.dataSource.query(
        `SELECT action, org_id, details FROM audit_log WHERE object_type = 'inbound_file' AND object_id = $1`,
        [ids.era],
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'inbound_file.content_downloaded', org_id: orgA.orgId });
    expect(audit[0].details).toMatchObject({ kind: '835', sizeBytes: bytes.era.length });
  });

  it('gives a shared partner’s bytes only to the one organisation its matched transmissions belong to', async () => {
    for (const org of [orgA, orgB]) {
      const refused = await t.http
        .get(`/v1/admin/inbound-files/${ids.shared}/content`)
        .set(auth(org.key))
        .expect(403);
      expect(refused.body.error.code).toBe('inbound_file_content_forbidden');
    }
    // What an acknowledgment handler reports when the file matched organisation A's transmissions only.
    await t.dataSource.query('UPDATE inbound_files SET matched_org_ids = $2 WHERE id = $1', [
      ids.shared,
      [orgA.orgId],
    ]);
    await t.http.get(`/v1/admin/inbound-files/${ids.shared}/content`).set(auth(orgA.key)).expect(200);
    await t.http.get(`/v1/admin/inbound-files/${ids.shared}/content`).set(auth(orgB.key)).expect(403);
    const viewB = await t.http.get(`/v1/admin/inbound-files/${ids.shared}`).set(auth(orgB.key)).expect(200);
    expect(viewB.body).toMatchObject({ sharedPartner: true, contentAvailable: false });
    expect(viewB.body).not.toHaveProperty('matchedOrgIds');

    // Matched to both organisations: the bytes carry both, so neither gets them.
    await t.dataSource.query('UPDATE inbound_files SET matched_org_ids = $2 WHERE id = $1', [
      ids.shared,
      [orgA.orgId, orgB.orgId],
    ]);
    await t.http.get(`/v1/admin/inbound-files/${ids.shared}/content`).set(auth(orgA.key)).expect(403);
  });

  it('reprocesses a quarantined file (audited) and refuses to reprocess an applied one', async () => {
    const response = await t.http
      .post(`/v1/admin/inbound-files/${ids.unreadable}/reprocess`)
      .set(auth(orgA.key))
      .expect(200);
    // The engine still cannot read it: still quarantined, with the same reason, one more attempt.
    expect(response.body).toMatchObject({
      state: 'quarantined',
      quarantineCode: 'X12-ENV-SE01-COUNT',
      processCount: 1,
    });
    expect(response.body.processedAt).toEqual(expect.any(String));
    const audit: Array<{ action: string }> = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE object_id = $1`,
      [ids.unreadable],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['inbound_file.reprocess_requested']);

    await t.dataSource.query(`UPDATE inbound_files SET state = 'applied' WHERE id = $1`, [ids.era]);
    const conflict = await t.http
      .post(`/v1/admin/inbound-files/${ids.era}/reprocess`)
      .set(auth(orgA.key))
      .expect(409);
    expect(conflict.body.error.code).toBe('inbound_file_already_applied');
  });

  it('with scheduling disabled no collection interval is registered', () => {
    expect(t.app.get(SchedulerRegistry).doesExist('interval', INBOUND_COLLECTION_INTERVAL)).toBe(false);
  });

  it('never writes raw X12 or the PHI canary to the logs', () => {
    const text = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(0);
    expect(text).toContain('inbound collection pass finished');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('ISA*00');
    expect(text).not.toContain('NM1*');
  });
});
