/**
 * PHI canaries: every PHI field of the claims holds a unique marker, the claims go through every claim
 * endpoint (accepted, rejected by edits, refused with 409, malformed bodies, rejected X12), and no marker may
 * appear in the captured logs, nor in any error body or edit result (those carry codes and paths only).
 */
import { createTestApp, type TestApp } from '../support/test-app';
import { professionalClaim } from './claim-fixtures';

jest.setTimeout(120_000);

type Json = Record<string, unknown>;
let t: TestApp;
let auth: { Authorization: string };

/** Marker strings: letters that never occur in ids (uuids and hashes are lowercase hex). */
const CANARIES = {
  firstName: 'QZCANFIRST',
  lastName: 'QZCANLAST',
  memberId: 'QZCANMEMBER',
  groupNumber: 'QZCANGROUP',
  address1: 'QZCANSTREET',
  city: 'QZCANCITY',
  postalCode: '97531',
  phone: '5550197531',
  patientControlNumber: 'QZCANPCN',
  dependentFirst: 'QZCANDEPFIRST',
  dependentLast: 'QZCANDEPLAST',
  birthDate: '19230417',
  diagnosis: 'T8859XA',
  priorAuthorization: 'QZCANPRIORAUTH',
};
const MARKERS = [...Object.values(CANARIES), '1923-04-17'];

function canaryClaim(suffix: string): Json {
  const claim = professionalClaim(1, { tag: `C${suffix}` }) as Record<string, Json>;
  claim.subscriber = {
    ...claim.subscriber,
    firstName: CANARIES.firstName,
    lastName: CANARIES.lastName,
    memberId: `${CANARIES.memberId}${suffix}`,
    groupNumber: CANARIES.groupNumber,
    dateOfBirth: CANARIES.birthDate,
    address: {
      address1: CANARIES.address1,
      city: CANARIES.city,
      state: 'IL',
      postalCode: CANARIES.postalCode,
    },
  };
  claim.dependent = {
    firstName: CANARIES.dependentFirst,
    lastName: CANARIES.dependentLast,
    dateOfBirth: '19500101',
    gender: 'U',
    relationshipToSubscriberCode: '19',
    address: {
      address1: CANARIES.address1,
      city: CANARIES.city,
      state: 'IL',
      postalCode: CANARIES.postalCode,
    },
  };
  claim.submitter = {
    organizationName: 'SYNTHETIC BILLING',
    contactInformation: { name: 'X', phoneNumber: CANARIES.phone },
  };
  const information = claim.claimInformation;
  information.patientControlNumber = `${CANARIES.patientControlNumber}${suffix}`;
  information.claimSupplementalInformation = { priorAuthorizationNumber: CANARIES.priorAuthorization };
  information.healthCareCodeInformation = [{ diagnosisTypeCode: 'ABK', diagnosisCode: CANARIES.diagnosis }];
  return claim;
}

function expectNoCanary(text: string, where: string): void {
  for (const marker of MARKERS) {
    if (text.includes(marker)) throw new Error(`PHI canary ${marker} found in ${where}`);
  }
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'trace' } });
  auth = { Authorization: `Bearer ${(await t.createOrgWithKey('submitter')).key}` };
});
afterAll(async () => {
  await t?.close();
});

it('no PHI canary reaches the logs or any error body, through every claim endpoint', async () => {
  const errorBodies: string[] = [];
  const good = canaryClaim('A');
  const bad = canaryClaim('B') as Record<string, Json>;
  bad.billing = { ...bad.billing, npi: '1234567890' };
  bad.claimInformation.claimChargeAmount = '1.00';
  (bad.claimInformation as Json).patientControlNumber = `${CANARIES.patientControlNumber}${'X'.repeat(20)}`;
  (bad.claimInformation as Json).healthCareCodeInformation = [
    { diagnosisTypeCode: 'ABK', diagnosisCode: `${CANARIES.diagnosis}Q` },
  ];
  (bad.claimInformation.serviceLines as Json[])[0].serviceDate = '20991231';

  // Accepted and rejected claims in one batch; rejected results carry codes and paths only.
  const batch = await t.http
    .post('/v1/claim-batches')
    .set(auth)
    .set('Idempotency-Key', 'canary')
    .send({ claims: [good, bad] })
    .expect(202);
  expect(batch.body.results[0].status).toBe('accepted');
  expect(batch.body.results[1].status).toBe('rejected');
  expectNoCanary(JSON.stringify(batch.body.results[1]), 'the rejected claim result');

  // Replay, then the same key with another body (409).
  await t.http
    .post('/v1/claim-batches')
    .set(auth)
    .set('Idempotency-Key', 'canary')
    .send({ claims: [good, bad] })
    .expect(202);
  const conflict = await t.http
    .post('/v1/claim-batches')
    .set(auth)
    .set('Idempotency-Key', 'canary')
    .send({ claims: [bad] })
    .expect(409);
  errorBodies.push(JSON.stringify(conflict.body));

  // A second submission of the accepted claim: PCN taken and duplicate content.
  const duplicate = await t.http
    .post('/v1/claim-batches')
    .set(auth)
    .send({ claims: [good] })
    .expect(202);
  expect(duplicate.body.results[0].status).toBe('rejected');
  errorBodies.push(JSON.stringify(duplicate.body));

  const validation = await t.http
    .post('/v1/claims/validate')
    .set(auth)
    .send({ claims: [good, bad] })
    .expect(200);
  errorBodies.push(JSON.stringify(validation.body));

  // Malformed bodies: not JSON, wrong container, unknown fields, too many claims.
  for (const [body, type] of [
    [`{"claims":[{"subscriber":{"lastName":"${CANARIES.lastName}"`, 'application/json'],
    [JSON.stringify({ claims: good }), 'application/json'],
    [JSON.stringify({ claims: [good], extra: CANARIES.memberId }), 'application/json'],
    [JSON.stringify({ claims: Array.from({ length: 5001 }, () => good) }), 'application/json'],
  ] as const) {
    const response = await t.http.post('/v1/claim-batches').set(auth).set('Content-Type', type).send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    errorBodies.push(JSON.stringify(response.body));
  }

  // Raw X12: not X12 at all, and an interchange the engine rejects, both full of canaries.
  const notX12 = await t.http
    .post('/v1/claim-batches/x12')
    .set(auth)
    .set('Content-Type', 'text/plain')
    .send(`NM1*IL*1*${CANARIES.lastName}*${CANARIES.firstName}****MI*${CANARIES.memberId}~`)
    .expect(422);
  errorBodies.push(JSON.stringify(notX12.body));
  const brokenX12 =
    'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240105*1200*^*00501*000000001*0*T*:~' +
    'GS*HC*SUBMITTER*RECEIVER*20240105*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~' +
    `BHT*0019*00*${CANARIES.patientControlNumber}*20240105*1200*CH~NM1*IL*1*${CANARIES.lastName}*${CANARIES.firstName}****MI*${CANARIES.memberId}~` +
    `N3*${CANARIES.address1}~N4*${CANARIES.city}*IL*${CANARIES.postalCode}~DMG*D8*${CANARIES.birthDate}*F~` +
    `CLM*${CANARIES.patientControlNumber}*100***11:B:1~HI*ABK:${CANARIES.diagnosis}~SE*9*0001~GE*1*1~IEA*1*000000001~`;
  const rejected = await t.http
    .post('/v1/claim-batches/x12')
    .set(auth)
    .set('Content-Type', 'text/plain')
    .send(brokenX12)
    .expect(422);
  expect(rejected.body.error.details.diagnostics.length).toBeGreaterThan(0);
  errorBodies.push(JSON.stringify(rejected.body));

  // Reads: the caller's own claim comes back to the caller (that is the API), but nothing is logged.
  const claimId = batch.body.results[0].claimId as string;
  const detail = await t.http.get(`/v1/claims/${claimId}`).set(auth).expect(200);
  expect(JSON.stringify(detail.body.claim)).toContain(CANARIES.memberId);
  await t.http.get('/v1/claims').query({ payerId: 'SANDBOX1' }).set(auth).expect(200);
  await t.http.get(`/v1/claim-batches/${batch.body.batchId}`).set(auth).expect(200);
  const missing = await t.http.get(`/v1/claims/${CANARIES.memberId}`).set(auth).expect(404);
  errorBodies.push(JSON.stringify(missing.body));

  errorBodies.forEach((body, index) => expectNoCanary(body, `error body #${index}`));
  expect(t.logs.length).toBeGreaterThan(10);
  // The intake did log (ids and counts), so an empty log cannot pass this test by accident.
  expect(t.logs.some((line) => line.includes('claim batch received'))).toBe(true);
  expectNoCanary(t.logs.join('\n'), 'the logs');
  // The timeline and batch rows hold no PHI either.
  const events = await t.dataSource.query('SELECT details FROM claim_status_events');
  expectNoCanary(JSON.stringify(events), 'claim_status_events.details');
  const batches = await t.dataSource.query('SELECT results FROM claim_batches');
  expectNoCanary(JSON.stringify(batches), 'claim_batches.results');
});
