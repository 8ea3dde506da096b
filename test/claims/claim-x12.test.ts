/**
 * The raw 837 path (POST /v1/claim-batches/x12) and the one-rule-set property: claims that pass the edits
 * build an 837 (mapper + engine builder) that the engine's validation accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build837Interchange } from '../../src/modules/claims/claim-837.mapper';
import { validateX12 } from '../../src/x12/read';
import {
  generateInstitutionalClaims,
  generateProfessionalClaims,
} from '../../src/x12/transactions/837-claim.generator';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

let t: TestApp;
let auth: { Authorization: string };
const sample = (path: string) => readFileSync(join(__dirname, '..', '..', 'edi-samples', path), 'utf8');

const ENVELOPE = {
  interchange: {
    senderQualifier: 'ZZ',
    senderId: 'SUBMIT0001',
    receiverQualifier: 'ZZ',
    receiverId: 'SANDBOX1',
    date: '240110',
    time: '1200',
    controlNumber: 1,
    acknowledgmentRequested: true,
    usageIndicator: 'T' as const,
  },
  group: {
    applicationSender: 'SUBMIT0001',
    applicationReceiver: 'SANDBOX1',
    date: '20240110',
    time: '1200',
    controlNumber: 1,
  },
  transactionControlNumber: '0001',
  options: { referenceIdentification: 'BATCH1', creationDate: '20240110', creationTime: '1200' },
};

beforeAll(async () => {
  t = await createTestApp();
  auth = { Authorization: `Bearer ${(await t.createOrgWithKey('submitter')).key}` };
  // The generator's payer ids are the organisation's own payers here.
  const payerIds = new Set(
    [...generateProfessionalClaims(300, 11), ...generateInstitutionalClaims(300, 12)].map(
      (claim) => claim.tradingPartnerServiceId,
    ),
  );
  for (const payerId of payerIds) {
    await t.dataSource.query(
      `INSERT INTO payers (id, org_id, payer_id, name, claim_filing_indicator) VALUES (gen_random_uuid(), NULL, $1, 'GENERATED PAYER', 'CI') ON CONFLICT DO NOTHING`,
      [payerId],
    );
  }
});
afterAll(async () => {
  await t?.close();
});

describe('POST /v1/claim-batches/x12', () => {
  it('stores the claims of a valid 837P file like JSON claims', async () => {
    const text = sample('837p/multiple-claims-and-subscribers.x12');
    const response = await t.http
      .post('/v1/claim-batches/x12')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send(text);
    // Payers of the golden file are not sandbox payers: the edits say so per claim, the file itself was read.
    expect(response.status).toBe(202);
    expect(response.body.claimCount).toBe(4);
    // Claims 1 and 2 of the golden file have the same content: the second is flagged, the others stored.
    expect(response.body.acceptedCount).toBeGreaterThanOrEqual(1);
    for (const result of response.body.results) {
      for (const error of result.errors) expect(['UNKNOWN_PAYER', 'DUPLICATE_CLAIM']).toContain(error.code);
    }
  });

  it('accepts generated 837P and 837I files end to end and keeps the claims rebuildable', async () => {
    for (const [kind, claims] of [
      ['professional', generateProfessionalClaims(20, 21)],
      ['institutional', generateInstitutionalClaims(20, 22)],
    ] as const) {
      const text = build837Interchange(kind, claims as never, ENVELOPE);
      const response = await t.http
        .post('/v1/claim-batches/x12')
        .set(auth)
        .set('Content-Type', 'text/plain')
        .send(text)
        .expect(202);
      const rejected = response.body.results.filter(
        (result: { status: string }) => result.status === 'rejected',
      );
      // Generated service dates may lie after the test clock's today only if the generator says so: none do.
      expect(rejected).toEqual([]);
      const claim = await t.http.get(`/v1/claims/${response.body.results[0].claimId}`).set(auth).expect(200);
      expect(claim.body.kind).toBe(kind);
      // Rebuild from what was stored: the engine accepts it.
      const rebuilt = build837Interchange(kind, [claim.body.claim], ENVELOPE);
      expect(validateX12(rebuilt).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('a file the engine rejects gets 422 with the engine diagnostics (codes and places, no values)', async () => {
    const response = await t.http
      .post('/v1/claim-batches/x12')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send(sample('837p/malformed-truncated.x12'))
      .expect(422);
    expect(response.body.error.code).toBe('x12_rejected');
    expect(response.body.error.details.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of response.body.error.details.diagnostics) {
      expect(diagnostic).toEqual(
        expect.objectContaining({
          code: expect.any(String),
          severity: 'error',
          location: expect.any(Object),
        }),
      );
    }
    const notX12 = await t.http
      .post('/v1/claim-batches/x12')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(422);
    expect(notX12.body.error.code).toBe('x12_unreadable');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM claim_batches');
    await t.http
      .post('/v1/claim-batches/x12')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send(sample('837p/malformed-clm02-not-sum.x12'))
      .expect(422);
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM claim_batches');
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('one rule set: every claim that passes the edits builds an 837 the engine accepts', () => {
  it('300 generated professional and 300 institutional claims', async () => {
    for (const [kind, claims] of [
      ['professional', generateProfessionalClaims(300, 11)],
      ['institutional', generateInstitutionalClaims(300, 12)],
    ] as const) {
      const response = await t.http
        .post('/v1/claims/validate')
        .set(auth)
        .send({ claims: claims.map((claim) => ({ claimType: kind, ...claim })) })
        .expect(200);
      const passed = claims.filter((_, index) => response.body.results[index].status === 'accepted');
      expect(passed.length).toBeGreaterThanOrEqual(200);
      for (const claim of passed) {
        const text = build837Interchange(kind, [claim as never], ENVELOPE);
        const errors = validateX12(text).diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
      }
    }
  });
});
