import { professionalClaimFixture, institutionalClaimFixture } from './claim-fixtures.spec-support';
import { buildFailures } from './claim-837.mapper';
import { claimBatchItems } from './claim-batch.body';
import { claimFacts, claimKindOf, intakeRows } from './claim-intake.mapper';
import { runEdits } from './edits/claim.edits';
import { claimFingerprint } from './edits/fingerprint';

const context = {
  today: '20240201',
  knownPayerIds: new Set(['SANDBOX1']),
  openPatientControlNumbers: new Set<string>(),
  existingFingerprints: new Set<string>(),
};

describe('claim intake mapper', () => {
  it('reads the facts of professional and institutional claims with their JSON paths', () => {
    const professional = claimFacts('professional', professionalClaimFixture());
    expect(professional.billingNpi).toEqual({ value: '1234567893', path: 'billing.npi' });
    expect(professional.lines[0].charge.path).toBe(
      'claimInformation.serviceLines[0].professionalService.lineItemChargeAmount',
    );
    expect(runEdits(professional, context)).toEqual([]);
    const institutional = claimFacts('institutional', institutionalClaimFixture());
    expect(institutional.diagnoses.map((field) => field.path)).toEqual([
      'claimInformation.principalDiagnosis.principalDiagnosisCode',
      'claimInformation.otherDiagnosisInformationList[0][0].otherDiagnosis',
    ]);
    expect(institutional.serviceDateFrom.path).toBe(
      'claimInformation.claimDateInformation.statementBeginDate',
    );
    expect(runEdits(institutional, context)).toEqual([]);
  });

  it('treats wrong types as absent (REQUIRED_FIELD), never throws', () => {
    const facts = claimFacts('professional', { billing: { npi: 42 }, subscriber: 'x', claimInformation: [] });
    expect(facts.billingNpi.value).toBe('42');
    expect(facts.memberId.value).toBeUndefined();
    expect(runEdits(facts, context).map((failure) => failure.code)).toContain('REQUIRED_FIELD');
  });

  it('infers the claim kind', () => {
    expect(claimKindOf(professionalClaimFixture())).toBe('professional');
    const { claimType: _ignored, ...institutional } = institutionalClaimFixture();
    expect(claimKindOf(institutional)).toBe('institutional');
  });

  it('builds rows in decimal strings and ISO dates', () => {
    const claim = professionalClaimFixture();
    const facts = claimFacts('professional', claim);
    const rows = intakeRows({
      orgId: '00000000-0000-4000-8000-000000000001',
      batchId: '00000000-0000-4000-8000-000000000002',
      batchIndex: 0,
      kind: 'professional',
      claim,
      facts,
      fingerprint: claimFingerprint(facts),
      at: new Date('2024-02-01T00:00:00Z'),
    });
    expect(rows.claim).toMatchObject({
      totalCharge: '150.5',
      serviceDateFrom: '2024-01-05',
      serviceDateTo: '2024-01-05',
      lineCount: 2,
    });
    expect(rows.lines.map((line) => line.chargeAmount)).toEqual(['100', '50.5']);
    expect(rows.diagnoses.map((diagnosis) => `${diagnosis.qualifier}:${diagnosis.code}`)).toEqual([
      'ABK:E119',
    ]);
    expect(rows.parties.subscriber.identityHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('X12_REQUIRED_ELEMENT names the missing field by path', () => {
    expect(buildFailures('professional', professionalClaimFixture())).toEqual([]);
    const claim = professionalClaimFixture();
    delete (claim.subscriber as Record<string, unknown>).gender;
    expect(buildFailures('professional', claim)).toEqual([
      expect.objectContaining({ code: 'X12_REQUIRED_ELEMENT', path: 'subscriber.gender' }),
    ]);
  });

  it('checks the batch container', () => {
    expect(claimBatchItems({ claims: [professionalClaimFixture()] })).toHaveLength(1);
    for (const body of [null, [], { claims: 1 }, { claims: [1] }, { claims: [], other: 1 }])
      expect(() => claimBatchItems(body)).toThrow();
  });
});
