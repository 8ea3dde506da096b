import { createTestApp, type TestApp } from '../support/test-app';
import { institutionalClaim, professionalClaim } from './claim-fixtures';

jest.setTimeout(120_000);

let t: TestApp;
let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await createTestApp();
  ({ key } = await t.createOrgWithKey('submitter'));
});
afterAll(async () => {
  await t?.close();
});

describe('POST /v1/claim-batches', () => {
  it('stores claims that pass the edits as queued and rejects the rest with codes and paths', async () => {
    const bad = professionalClaim(2, { tag: 'A' });
    (bad.billing as Record<string, unknown>).npi = '1234567890';
    const response = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [professionalClaim(1, { tag: 'A' }), bad, institutionalClaim(3, { tag: 'A' })] })
      .expect(202);
    expect(response.body).toMatchObject({ claimCount: 3, acceptedCount: 2, rejectedCount: 1 });
    const [first, second, third] = response.body.results;
    expect(first).toMatchObject({ index: 0, status: 'accepted', errors: [] });
    expect(first.claimId).toEqual(expect.any(String));
    expect(second).toEqual({
      index: 1,
      status: 'rejected',
      errors: [expect.objectContaining({ code: 'NPI_CHECK_DIGIT', path: 'billing.npi' })],
    });
    expect(third).toMatchObject({ index: 2, status: 'accepted' });

    const claim = await t.http.get(`/v1/claims/${first.claimId}`).set(auth()).expect(200);
    expect(claim.body).toMatchObject({
      id: first.claimId,
      status: 'queued',
      kind: 'professional',
      payerId: 'SANDBOX1',
    });
    expect(claim.body.timeline.map((event: { status: string }) => event.status)).toEqual([
      'received',
      'queued',
    ]);
    expect(claim.body.claim).toEqual(professionalClaim(1, { tag: 'A' }));

    const lines = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM claim_service_lines WHERE claim_id = $1',
      [first.claimId],
    );
    expect(lines[0].n).toBe(2);
    const batch = await t.http.get(`/v1/claim-batches/${response.body.batchId}`).set(auth()).expect(200);
    expect(batch.body).toMatchObject({
      id: response.body.batchId,
      claimCount: 3,
      acceptedCount: 2,
      source: 'json',
    });
  });
});
