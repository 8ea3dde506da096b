/**
 * Organisation B cannot read, list or change organisation A's claims or batches through any endpoint, and
 * cannot learn that they exist: every answer is the one B would get if A's data were absent (404, not 403;
 * A's patient control numbers and content fingerprints do not collide with B's).
 */
import { createTestApp, type TestApp } from '../support/test-app';
import { institutionalClaim, professionalClaim } from './claim-fixtures';

jest.setTimeout(120_000);

let t: TestApp;
let a: { Authorization: string };
let b: { Authorization: string };
let claimIds: string[];
let batchId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = { Authorization: `Bearer ${(await t.createOrgWithKey('submitter')).key}` };
  b = { Authorization: `Bearer ${(await t.createOrgWithKey('admin')).key}` };
  const response = await t.http
    .post('/v1/claim-batches')
    .set(a)
    .set('Idempotency-Key', 'shared-key')
    .send({ claims: [professionalClaim(1, { tag: 'O' }), institutionalClaim(2, { tag: 'O' })] })
    .expect(202);
  claimIds = response.body.results.map((result: { claimId: string }) => result.claimId);
  batchId = response.body.batchId;
});
afterAll(async () => {
  await t?.close();
});

describe('cross-organisation isolation', () => {
  it("GET /v1/claims/:id and /v1/claim-batches/:id of another org's objects are 404, like unknown ids", async () => {
    for (const id of claimIds) {
      const response = await t.http.get(`/v1/claims/${id}`).set(b).expect(404);
      expect(response.body.error.code).toBe('claim_not_found');
      await t.http.get(`/v1/claims/${id}`).set(a).expect(200);
    }
    const batch = await t.http.get(`/v1/claim-batches/${batchId}`).set(b).expect(404);
    expect(batch.body.error.code).toBe('claim_batch_not_found');
    await t.http.get(`/v1/claim-batches/${batchId}`).set(a).expect(200);
  });

  it("GET /v1/claims never lists another org's claims, whatever the filter", async () => {
    for (const query of [
      {},
      { status: 'queued' },
      { payerId: 'SANDBOX1' },
      { from: '2000-01-01', limit: 500 },
    ]) {
      const response = await t.http.get('/v1/claims').query(query).set(b).expect(200);
      expect(response.body.items).toEqual([]);
    }
    // A cursor made from A's claim does not reveal anything either.
    const page = await t.http.get('/v1/claims').query({ limit: 1 }).set(a).expect(200);
    expect(page.body.items).toHaveLength(1);
    const ownCursor = page.body.nextCursor as string;
    const other = await t.http.get('/v1/claims').query({ cursor: ownCursor }).set(b).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it("B's submissions neither collide with nor reveal A's claims (PCN, duplicate fingerprint, Idempotency-Key)", async () => {
    const sameContent = { claims: [professionalClaim(1, { tag: 'O' }), institutionalClaim(2, { tag: 'O' })] };
    const validation = await t.http.post('/v1/claims/validate').set(b).send(sameContent).expect(200);
    expect(validation.body.results.map((result: { status: string }) => result.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    // The same Idempotency-Key as A's: B gets a new batch of its own, not A's answer and not a 409.
    const response = await t.http
      .post('/v1/claim-batches')
      .set(b)
      .set('Idempotency-Key', 'shared-key')
      .send(sameContent)
      .expect(202);
    expect(response.body.batchId).not.toBe(batchId);
    expect(response.body.acceptedCount).toBe(2);
    // A's claims are untouched: still queued, still one 'received' + one 'queued' event each.
    for (const id of claimIds) {
      const claim = await t.http.get(`/v1/claims/${id}`).set(a).expect(200);
      expect(claim.body.status).toBe('queued');
      expect(claim.body.timeline).toHaveLength(2);
    }
    const listed = await t.http.get('/v1/claims').set(b).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      response.body.results.map((result: { claimId: string }) => result.claimId).sort(),
    );
  });

  it('the status writer ignores claim ids of another organisation', async () => {
    const { ClaimStatusService } = await import('../../src/modules/claims/claim-status.service');
    const status = t.app.get(ClaimStatusService);
    const otherOrg = await t.createOrg();
    const changed = await t.dataSource.transaction((manager) =>
      status.record(manager, { orgId: otherOrg.id, claimIds, status: 'sent', source: 'sftp' }),
    );
    expect(changed).toEqual([]);
    const claim = await t.http.get(`/v1/claims/${claimIds[0]}`).set(a).expect(200);
    expect(claim.body.status).toBe('queued');
  });
});
