import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  testDatabaseUrl,
  type TestApp,
} from '../support/test-app';
import { institutionalClaim, professionalClaim } from './claim-fixtures';

jest.setTimeout(180_000);

let t: TestApp;
let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });
type Claim = Record<string, Record<string, unknown>>;

beforeAll(async () => {
  t = await createTestApp();
  ({ key } = await t.createOrgWithKey('submitter'));
});
afterAll(async () => {
  await t?.close();
});

async function count(table: string): Promise<number> {
  const rows = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
  return rows[0].n;
}

describe('POST /v1/claim-batches', () => {
  it('stores claims that pass the edits as queued and rejects the rest with codes and paths', async () => {
    const bad = professionalClaim(2, { tag: 'A' }) as Claim;
    bad.billing.npi = '1234567890';
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
    expect(second.claimId).toBeUndefined();
    expect(third).toMatchObject({ index: 2, status: 'accepted' });

    const claim = await t.http.get(`/v1/claims/${first.claimId}`).set(auth()).expect(200);
    expect(claim.body).toMatchObject({
      id: first.claimId,
      status: 'queued',
      kind: 'professional',
      payerId: 'SANDBOX1',
      totalCharge: (professionalClaim(1, { tag: 'A' }) as Claim).claimInformation.claimChargeAmount,
    });
    expect(claim.body.timeline.map((event: { status: string }) => event.status)).toEqual([
      'received',
      'queued',
    ]);
    expect(claim.body.claim).toEqual(professionalClaim(1, { tag: 'A' }));
    const institutional = await t.http.get(`/v1/claims/${third.claimId}`).set(auth()).expect(200);
    expect(institutional.body).toMatchObject({ kind: 'institutional', totalCharge: '350.00', lineCount: 2 });

    const lines = await t.dataSource.query(
      'SELECT line_number, charge_amount::text AS charge, modifiers FROM claim_service_lines WHERE claim_id = $1 ORDER BY line_number',
      [first.claimId],
    );
    expect(lines).toHaveLength(2);
    expect(lines[0].modifiers).toEqual(['25']);
    expect(lines[1].modifiers).toEqual([]);
    const batch = await t.http.get(`/v1/claim-batches/${response.body.batchId}`).set(auth()).expect(200);
    expect(batch.body).toMatchObject({
      id: response.body.batchId,
      claimCount: 3,
      acceptedCount: 2,
      source: 'json',
    });
    expect(batch.body.results).toEqual(response.body.results);
    const audit = await t.dataSource.query(
      `SELECT action, object_id AS "objectId", details FROM audit_log WHERE object_type = 'claim_batch'`,
    );
    expect(audit).toContainEqual({
      action: 'claim_batch.create',
      objectId: response.body.batchId,
      details: { source: 'json', claimCount: 3, acceptedCount: 2, rejectedCount: 1 },
    });
  });

  it('Idempotency-Key: same body replays the answer and stores nothing; different body is 409', async () => {
    const body = { claims: [professionalClaim(10, { tag: 'I' }), professionalClaim(11, { tag: 'I' })] };
    const first = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .set('Idempotency-Key', 'retry-1')
      .send(body)
      .expect(202);
    const claimsBefore = await count('claims');
    const batchesBefore = await count('claim_batches');
    const again = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .set('Idempotency-Key', 'retry-1')
      .send(body)
      .expect(202);
    expect(again.body).toEqual(first.body);
    expect(await count('claims')).toBe(claimsBefore);
    expect(await count('claim_batches')).toBe(batchesBefore);

    const other = { claims: [professionalClaim(12, { tag: 'I' })] };
    const conflict = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .set('Idempotency-Key', 'retry-1')
      .send(other)
      .expect(409);
    expect(conflict.body.error.code).toBe('idempotency_key_reused');
    expect(await count('claims')).toBe(claimsBefore);

    // Keys are per organisation: another org may use the same key.
    const { key: otherKey } = await t.createOrgWithKey('submitter');
    await t.http
      .post('/v1/claim-batches')
      .set({ Authorization: `Bearer ${otherKey}` })
      .set('Idempotency-Key', 'retry-1')
      .send(other)
      .expect(202);
    await t.http.post('/v1/claim-batches').set(auth()).set('Idempotency-Key', '').send(other).expect(400);
  });

  it('refuses more than 5,000 claims with batch_too_large, and an empty batch', async () => {
    const claim = professionalClaim(1, { tag: 'X', lines: 1 });
    const response = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: Array.from({ length: 5001 }, () => claim) })
      .expect(400);
    expect(response.body.error).toMatchObject({
      code: 'batch_too_large',
      details: { claimCount: 5001, maxClaims: 5000 },
    });
    const empty = await t.http.post('/v1/claim-batches').set(auth()).send({ claims: [] }).expect(400);
    expect(empty.body.error.code).toBe('batch_empty');
    await t.http.post('/v1/claim-batches').set(auth()).send({ claims: 'nope' }).expect(400);
    await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [1, 2] })
      .expect(400);
  });

  it('accepts a full batch of 5,000 claims', async () => {
    const claims = Array.from({ length: 5000 }, (_, n) => professionalClaim(n, { tag: 'F', lines: 1 }));
    const response = await t.http.post('/v1/claim-batches').set(auth()).send({ claims }).expect(202);
    expect(response.body).toMatchObject({ claimCount: 5000, acceptedCount: 5000, rejectedCount: 0 });
  });

  it('patient control numbers are unique among open claims, across and within batches', async () => {
    await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [professionalClaim(1, { tag: 'U' })] })
      .expect(202);
    const again = professionalClaim(2, { tag: 'U' }) as Claim;
    again.claimInformation.patientControlNumber = (
      professionalClaim(1, { tag: 'U' }) as Claim
    ).claimInformation.patientControlNumber;
    const twinA = professionalClaim(3, { tag: 'U' }) as Claim;
    const twinB = professionalClaim(4, { tag: 'U' }) as Claim;
    twinB.claimInformation.patientControlNumber = twinA.claimInformation.patientControlNumber;
    const response = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [again, twinA, twinB] })
      .expect(202);
    expect(response.body.results.map((result: { status: string }) => result.status)).toEqual([
      'rejected',
      'accepted',
      'rejected',
    ]);
    expect(response.body.results[0].errors).toEqual([
      expect.objectContaining({
        code: 'PATIENT_CONTROL_NUMBER_NOT_UNIQUE',
        path: 'claimInformation.patientControlNumber',
      }),
    ]);
    expect(response.body.results[2].errors[0].code).toBe('PATIENT_CONTROL_NUMBER_NOT_UNIQUE');
  });

  it('flags a claim already submitted (DUPLICATE_CLAIM) and an unknown payer', async () => {
    const original = professionalClaim(1, { tag: 'D' }) as Claim;
    await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [original] })
      .expect(202);
    const resent = JSON.parse(JSON.stringify(original)) as Claim;
    resent.claimInformation.patientControlNumber = 'NEWPCN1';
    const unknown = professionalClaim(2, { tag: 'D', payerId: 'NOSUCHPAYER' });
    const response = await t.http
      .post('/v1/claim-batches')
      .set(auth())
      .send({ claims: [resent, unknown] })
      .expect(202);
    expect(response.body.results[0].errors.map((error: { code: string }) => error.code)).toEqual([
      'DUPLICATE_CLAIM',
    ]);
    expect(response.body.results[1].errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PAYER', path: 'tradingPartnerServiceId' }),
    ]);
  });

  it('a read-only key may read but not submit', async () => {
    const { key: readOnly } = await t.createOrgWithKey('read-only');
    await t.http
      .post('/v1/claim-batches')
      .set({ Authorization: `Bearer ${readOnly}` })
      .send({ claims: [professionalClaim(1)] })
      .expect(403);
    await t.http
      .get('/v1/claims')
      .set({ Authorization: `Bearer ${readOnly}` })
      .expect(200);
    await t.http.get('/v1/claims').expect(401);
  });
});

describe('POST /v1/claims/validate', () => {
  it('runs the same edits and stores nothing', async () => {
    const before = await count('claims');
    const bad = professionalClaim(1, { tag: 'V' }) as Claim;
    bad.claimInformation.claimChargeAmount = '1.00';
    (bad.claimInformation.healthCareCodeInformation as Record<string, unknown>[])[0].diagnosisCode = '12';
    const response = await t.http
      .post('/v1/claims/validate')
      .set(auth())
      .send({ claims: [professionalClaim(2, { tag: 'V' }), bad] })
      .expect(200);
    expect(response.body.results[0]).toEqual({ index: 0, status: 'accepted', errors: [] });
    expect(
      response.body.results[1].errors.map(
        (error: { code: string; path: string }) => `${error.code}@${error.path}`,
      ),
    ).toEqual([
      'DIAGNOSIS_CODE_SHAPE@claimInformation.healthCareCodeInformation[0].diagnosisCode',
      'CLAIM_TOTAL_MISMATCH@claimInformation.claimChargeAmount',
    ]);
    expect(await count('claims')).toBe(before);
  });

  it('reports missing required fields by path', async () => {
    const response = await t.http
      .post('/v1/claims/validate')
      .set(auth())
      .send({ claims: [{}] })
      .expect(200);
    const paths = response.body.results[0].errors.map(
      (error: { code: string; path: string }) => `${error.code}@${error.path}`,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'REQUIRED_FIELD@tradingPartnerServiceId',
        'REQUIRED_FIELD@billing.npi',
        'REQUIRED_FIELD@subscriber.memberId',
        'REQUIRED_FIELD@claimInformation.patientControlNumber',
        'NO_SERVICE_LINES@claimInformation.serviceLines',
      ]),
    );
  });
});

describe('GET /v1/claims', () => {
  it('filters by status and payer and pages with an opaque cursor', async () => {
    const { key: listKey } = await t.createOrgWithKey('submitter');
    const listAuth = { Authorization: `Bearer ${listKey}` };
    const ids: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const claims = Array.from({ length: 5 }, (_, n) =>
        professionalClaim(batch * 5 + n, { tag: 'L', payerId: batch === 2 ? 'SANDBOX2' : 'SANDBOX1' }),
      );
      const response = await t.http.post('/v1/claim-batches').set(listAuth).send({ claims }).expect(202);
      ids.push(...response.body.results.map((result: { claimId: string }) => result.claimId));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.http
        .get('/v1/claims')
        .query({ limit: 4, ...(cursor ? { cursor } : {}) })
        .set(listAuth)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(15);
    expect(new Set(seen)).toEqual(new Set(ids));

    const sandbox2 = await t.http
      .get('/v1/claims')
      .query({ payerId: 'SANDBOX2', status: 'queued' })
      .set(listAuth)
      .expect(200);
    expect(sandbox2.body.items).toHaveLength(5);
    expect(sandbox2.body.nextCursor).toBeNull();
    const none = await t.http.get('/v1/claims').query({ status: 'paid' }).set(listAuth).expect(200);
    expect(none.body.items).toEqual([]);
    const future = await t.http.get('/v1/claims').query({ from: '2999-01-01' }).set(listAuth).expect(200);
    expect(future.body.items).toEqual([]);
    const past = await t.http.get('/v1/claims').query({ to: '2000-01-01' }).set(listAuth).expect(200);
    expect(past.body.items).toEqual([]);

    const bad = await t.http.get('/v1/claims').query({ cursor: 'garbage' }).set(listAuth).expect(400);
    expect(bad.body.error.code).toBe('invalid_cursor');
    await t.http.get('/v1/claims').query({ status: 'nope' }).set(listAuth).expect(400);
    await t.http.get('/v1/claims').query({ limit: 0 }).set(listAuth).expect(400);
  });

  it('unknown or malformed ids are 404', async () => {
    await t.http.get('/v1/claims/00000000-0000-4000-8000-000000000000').set(auth()).expect(404);
    await t.http.get('/v1/claims/not-a-uuid').set(auth()).expect(404);
    await t.http.get('/v1/claim-batches/not-a-uuid').set(auth()).expect(404);
  });
});

describe('edi-samples/claims', () => {
  it('the README example batches are accepted', async () => {
    const { key: exampleKey } = await t.createOrgWithKey('submitter');
    for (const file of ['professional.json', 'institutional.json']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const body = require(`../../edi-samples/claims/${file}`) as { claims: unknown[] };
      const response = await t.http
        .post('/v1/claim-batches')
        .set({ Authorization: `Bearer ${exampleKey}` })
        .send(body)
        .expect(202);
      expect(response.body.results).toEqual([expect.objectContaining({ status: 'accepted', errors: [] })]);
    }
  });
});

// Concurrent requests run on a real PostgreSQL whatever the run (a throwaway database on TEST_DATABASE_URL's
// server, else on 127.0.0.1:5432, which CI always has). On the embedded database pglite-socket 0.2.17 was seen to
// answer a concurrent connection wrongly (a valid API key got 401; 08P01/26000/34000 protocol errors) while
// another connection's transaction was open, so intake serialises submissions there (ClaimIntakeService) and
// the race these tests provoke cannot happen.
describe('concurrency (real PostgreSQL)', () => {
  // Shadows the file's app: these tests talk to their own gateway on a real PostgreSQL database.
  let t: TestApp;
  let scratch: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl() ?? LOCAL_POSTGRES_URL);
    t = await createTestApp({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await t?.close();
    await scratch?.drop();
  });

  it('two concurrent batches with the same patient control number: exactly one claim is accepted', async () => {
    const { key: raceKey } = await t.createOrgWithKey('submitter');
    const first = professionalClaim(1, { tag: 'R' }) as Claim;
    const second = professionalClaim(2, { tag: 'R' }) as Claim;
    second.claimInformation.patientControlNumber = first.claimInformation.patientControlNumber;
    const responses = await Promise.all(
      [first, second].map((claim) =>
        t.http
          .post('/v1/claim-batches')
          .set({ Authorization: `Bearer ${raceKey}` })
          .send({ claims: [claim] }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([202, 202]);
    const statuses = responses.map((response) => response.body.results[0].status).sort();
    expect(statuses).toEqual(['accepted', 'rejected']);
    const rejected = responses.find((response) => response.body.results[0].status === 'rejected')!;
    expect(rejected.body.results[0].errors[0].code).toBe('PATIENT_CONTROL_NUMBER_NOT_UNIQUE');
  });

  it('concurrent retries with the same Idempotency-Key store one batch and give the same answer', async () => {
    const { orgId, key: retryKey } = await t.createOrgWithKey('submitter');
    const body = { claims: [professionalClaim(1, { tag: 'K' })] };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http
          .post('/v1/claim-batches')
          .set({ Authorization: `Bearer ${retryKey}` })
          .set('Idempotency-Key', 'same')
          .send(body),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(responses.map((response) => response.body.batchId)).size).toBe(1);
    const stored = await t.dataSource.query('SELECT count(*)::int AS n FROM claims WHERE org_id = $1', [
      orgId,
    ]);
    expect(stored[0].n).toBe(1);
  });

  it('providers: a later batch renames and keeps what it leaves out; an unchanged provider is not rewritten', async () => {
    const { orgId, key: officeKey } = await t.createOrgWithKey('submitter');
    const send = async (claim: Claim) =>
      (
        await t.http
          .post('/v1/claim-batches')
          .set({ Authorization: `Bearer ${officeKey}` })
          .send({ claims: [claim] })
          .expect(202)
      ).body.results[0].status as string;
    const provider = async () =>
      (
        (await t.dataSource.query(
          `SELECT count(*) OVER ()::int AS rows, name, taxonomy_code AS taxonomy, updated_at AS "updatedAt"
             FROM providers WHERE org_id = $1 AND npi = $2`,
          [orgId, (professionalClaim(1, { tag: 'V' }) as Claim).billing.npi],
        )) as { rows: number; name: string; taxonomy: string | null; updatedAt: Date }[]
      )[0];

    expect(await send(professionalClaim(1, { tag: 'V' }) as Claim)).toBe('accepted');
    const first = await provider();
    expect(first).toMatchObject({ rows: 1, name: 'SYNTHETIC CLINIC', taxonomy: '207Q00000X' });

    const renamed = professionalClaim(2, { tag: 'V' }) as Claim;
    renamed.billing.organizationName = 'SYNTHETIC CLINIC RENAMED';
    delete renamed.billing.taxonomyCode;
    expect(await send(renamed)).toBe('accepted');
    const second = await provider();
    expect(second).toMatchObject({ rows: 1, name: 'SYNTHETIC CLINIC RENAMED', taxonomy: '207Q00000X' });
    expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());

    const same = professionalClaim(3, { tag: 'V' }) as Claim;
    same.billing.organizationName = 'SYNTHETIC CLINIC RENAMED';
    expect(await send(same)).toBe('accepted');
    expect((await provider()).updatedAt.getTime()).toBe(second.updatedAt.getTime());
  });

  it('an open batch transaction does not hold the providers another batch of the same office needs', async () => {
    const { orgId, key: officeKey } = await t.createOrgWithKey('submitter');
    const send = (claim: unknown) =>
      t.http
        .post('/v1/claim-batches')
        .set({ Authorization: `Bearer ${officeKey}` })
        .timeout(10_000)
        .send({ claims: [claim] });
    expect((await send(professionalClaim(1, { tag: 'L' }))).status).toBe(202);
    // Another batch of the office, still in its transaction, that wrote the same providers the way intake
    // writes a new or changed one (an upsert, which locks the row until commit).
    const { Client } = await import('pg');
    const holder = new Client({ connectionString: scratch.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query(
        `INSERT INTO providers (id, org_id, npi, name, created_at, updated_at)
           SELECT gen_random_uuid(), org_id, npi, name, now(), now() FROM providers WHERE org_id = $1
           ON CONFLICT (org_id, npi) DO UPDATE SET updated_at = providers.updated_at`,
        [orgId],
      );
      expect(locked.rowCount).toBe(2); // billing and rendering
      // Unchanged providers are only read: this batch goes through while the other is still open (it used
      // to wait for the other's commit, here forever: the request would time out).
      const second = await send(professionalClaim(2, { tag: 'L' }));
      expect(second.status).toBe(202);
      expect(second.body.results[0].status).toBe('accepted');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });
});

describe('OpenAPI', () => {
  it('/docs-json documents the claim endpoints and the claim shape', async () => {
    const response = await t.http.get('/docs-json').expect(200);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/claim-batches',
        '/v1/claim-batches/x12',
        '/v1/claim-batches/{id}',
        '/v1/claims',
        '/v1/claims/{id}',
        '/v1/claims/validate',
      ]),
    );
    expect(Object.keys(response.body.components.schemas)).toEqual(
      expect.arrayContaining(['ClaimDto', 'ClaimInformationDto', 'ServiceLineDto', 'ClaimBatchResponseDto']),
    );
  });
});
