import { readX12 } from '../../read';
import { writeSegment } from '../../syntax/segment-writer';
import { X12Error } from '../../syntax/types';
import type { SegmentInput } from '../../envelope/types';
import type { ProfessionalClaim } from '../837-claim.model';
import { generateProfessionalClaims } from '../837-claim.generator';
import { build837PInterchange } from '../837-claim.interchange';
import { BUILD_OPTIONS_837, ENVELOPE_837 } from '../837-claim.spec-support';
import { build837PBody } from './837p.builder';
import { read837P } from './837p.reader';

const write = (body: readonly SegmentInput[]): string =>
  body.map((segment) => writeSegment(segment)).join('');
const ids = (body: readonly SegmentInput[]): string[] => body.map((segment) => segment.id);
const hls = (body: readonly SegmentInput[]): string[] =>
  body.filter((segment) => segment.id === 'HL').map((segment) => segment.elements.join('*'));

function claim(overrides: (claim: ProfessionalClaim) => void = () => {}): ProfessionalClaim {
  const [generated] = generateProfessionalClaims(1, 11);
  overrides(generated);
  return generated;
}

describe('build837PBody', () => {
  it('writes a hand-checked single claim', () => {
    const single: ProfessionalClaim = {
      tradingPartnerServiceId: 'PAYER0001',
      tradingPartnerName: 'TEST HEALTH PLAN',
      submitter: {
        organizationName: 'TEST BILLING',
        contactInformation: { name: 'EDI DESK', phoneNumber: '5555550100' },
      },
      receiver: { organizationName: 'TEST CLEARINGHOUSE' },
      subscriber: {
        memberId: 'MBR000001',
        paymentResponsibilityLevelCode: 'P',
        firstName: 'JANE',
        lastName: 'TESTPATIENT',
        gender: 'F',
        dateOfBirth: '19800101',
        address: { address1: '123 TEST ST', city: 'TESTTOWN', state: 'NY', postalCode: '10001' },
      },
      billing: {
        npi: '1234567893',
        employerId: '123456789',
        organizationName: 'TEST CLINIC',
        address: { address1: '1 CLINIC WAY', city: 'TESTTOWN', state: 'NY', postalCode: '10001' },
      },
      claimInformation: {
        claimFilingCode: 'CI',
        patientControlNumber: 'PCN0001',
        claimChargeAmount: '125.00',
        placeOfServiceCode: '11',
        claimFrequencyCode: '1',
        signatureIndicator: 'Y',
        planParticipationCode: 'A',
        benefitsAssignmentCertificationIndicator: 'Y',
        releaseInformationCode: 'Y',
        healthCareCodeInformation: [{ diagnosisTypeCode: 'ABK', diagnosisCode: 'J069' }],
        serviceLines: [
          {
            serviceDate: '20250110',
            providerControlNumber: 'LINE0001',
            professionalService: {
              procedureIdentifier: 'HC',
              procedureCode: '99213',
              lineItemChargeAmount: '125.00',
              measurementUnit: 'UN',
              serviceUnitCount: '1',
              compositeDiagnosisCodePointers: { diagnosisCodePointers: ['1'] },
            },
          },
        ],
      },
    };
    const body = build837PBody(
      { claims: [single] },
      { ...BUILD_OPTIONS_837, submitterIdentification: 'SUB01', receiverIdentification: 'RCV01' },
    );
    expect(write(body)).toBe(
      [
        'BHT*0019*00*BATCH0001*20250115*1200*CH~',
        'NM1*41*2*TEST BILLING*****46*SUB01~',
        'PER*IC*EDI DESK*TE*5555550100~',
        'NM1*40*2*TEST CLEARINGHOUSE*****46*RCV01~',
        'HL*1**20*1~',
        'NM1*85*2*TEST CLINIC*****XX*1234567893~',
        'N3*1 CLINIC WAY~',
        'N4*TESTTOWN*NY*10001~',
        'REF*EI*123456789~',
        'HL*2*1*22*0~',
        'SBR*P*18*******CI~',
        'NM1*IL*1*TESTPATIENT*JANE****MI*MBR000001~',
        'N3*123 TEST ST~',
        'N4*TESTTOWN*NY*10001~',
        'DMG*D8*19800101*F~',
        'NM1*PR*2*TEST HEALTH PLAN*****PI*PAYER0001~',
        'CLM*PCN0001*125.00***11:B:1*Y*A*Y*Y~',
        'HI*ABK:J069~',
        'LX*1~',
        'SV1*HC:99213*125.00*UN*1***1~',
        'DTP*472*D8*20250110~',
        'REF*6R*LINE0001~',
      ].join(''),
    );
  });

  it('groups claims into HLs by billing provider and subscriber, with parent ids and HL04 child codes', () => {
    const first = claim();
    const sameSubscriber = claim((c) => (c.claimInformation.patientControlNumber = 'PCN2'));
    const otherSubscriber = claim((c) => {
      c.subscriber = { ...c.subscriber, memberId: 'MBR000099' };
      c.claimInformation.patientControlNumber = 'PCN3';
    });
    const otherBilling = claim((c) => {
      c.billing = { ...c.billing, npi: '1245319599' };
      c.claimInformation.patientControlNumber = 'PCN4';
    });
    const dependent = claim((c) => {
      c.dependent = {
        firstName: 'TESTCHILD',
        lastName: 'TESTPATIENT',
        gender: 'U',
        dateOfBirth: '20150101',
        relationshipToSubscriberCode: '19',
        address: { address1: '123 TEST ST', city: 'TESTTOWN', state: 'NY', postalCode: '10001' },
      };
      c.claimInformation.patientControlNumber = 'PCN5';
    });
    const body = build837PBody(
      { claims: [first, sameSubscriber, otherSubscriber, otherBilling, dependent] },
      BUILD_OPTIONS_837,
    );
    expect(hls(body)).toEqual([
      '1**20*1',
      '2*1*22*0', // first and sameSubscriber
      '3*1*22*0', // otherSubscriber
      '4*1*22*1', // the subscriber again, now with a dependent patient
      '5*4*23*0',
      '6**20*1', // otherBilling
      '7*6*22*0',
    ]);
    expect(ids(body).filter((id) => id === 'CLM')).toHaveLength(5);
  });

  it('writes the patient loop (2000C, SBR02 empty) only when the patient is not the subscriber', () => {
    const self = build837PBody({ claims: [claim()] }, BUILD_OPTIONS_837);
    expect(ids(self)).not.toContain('PAT');
    expect(self.find((s) => s.id === 'SBR')?.elements[1]).toBe('18');
    const withDependent = build837PBody(
      {
        claims: [
          claim((c) => {
            c.dependent = {
              lastName: 'TESTPATIENT',
              gender: 'F',
              dateOfBirth: '20150101',
              relationshipToSubscriberCode: '19',
              address: { address1: '123 TEST ST', city: 'TESTTOWN', state: 'NY', postalCode: '10001' },
            };
          }),
        ],
      },
      BUILD_OPTIONS_837,
    );
    expect(ids(withDependent)).toContain('PAT');
    expect(withDependent.find((s) => s.id === 'SBR')?.elements[1]).toBe('');
  });

  it('writes REF*F8 exactly when CLM05-3 is 7 or 8, and refuses a replacement without it', () => {
    const refs = (c: ProfessionalClaim) =>
      build837PBody({ claims: [c] }, BUILD_OPTIONS_837)
        .filter((s) => s.id === 'REF' && s.elements[0] === 'F8')
        .map((s) => s.elements[1]);
    expect(refs(claim())).toEqual([]);
    for (const frequency of ['7', '8']) {
      const replacing = claim((c) => {
        c.claimInformation.claimFrequencyCode = frequency;
        c.claimInformation.claimSupplementalInformation = { claimControlNumber: 'PAYERCLM1' };
      });
      expect(refs(replacing)).toEqual(['PAYERCLM1']);
    }
    const missing = claim((c) => (c.claimInformation.claimFrequencyCode = '7'));
    expect(() => build837PBody({ claims: [missing] }, BUILD_OPTIONS_837)).toThrow(X12Error);
    const original = claim(
      (c) => (c.claimInformation.claimSupplementalInformation = { claimControlNumber: 'X' }),
    );
    expect(() => build837PBody({ claims: [original] }, BUILD_OPTIONS_837)).toThrow(X12Error);
  });

  it('refuses input it cannot write with X12-INVALID-ARGUMENT and no element values in the message', () => {
    const canary = 'CANARYVALUE';
    const bad = claim((c) => {
      c.subscriber.lastName = canary;
      c.claimInformation.claimChargeAmount = `${canary}1.5`;
    });
    try {
      build837PBody({ claims: [bad] }, BUILD_OPTIONS_837);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(X12Error);
      expect((error as X12Error).code).toBe('X12-INVALID-ARGUMENT');
      expect((error as X12Error).message).not.toContain(canary);
    }
    expect(() => build837PBody({ claims: [] }, BUILD_OPTIONS_837)).toThrow(X12Error);
  });
});

describe('read837P', () => {
  it('is the inverse of the builder for 300 generated claims', () => {
    const claims = generateProfessionalClaims(300, 5);
    const text = build837PInterchange({ ...ENVELOPE_837, claims });
    const interchange = readX12(text).value[0];
    const { value, diagnostics } = read837P(interchange.groups[0].transactions[0], interchange.delimiters);
    expect(diagnostics).toEqual([]);
    expect(value.header).toEqual(BUILD_OPTIONS_837);
    // Claims come back grouped by HL: compare by patient control number.
    const byPcn = (list: ProfessionalClaim[]) =>
      [...list].sort((a, b) =>
        a.claimInformation.patientControlNumber.localeCompare(b.claimInformation.patientControlNumber),
      );
    expect(JSON.parse(JSON.stringify(byPcn(value.claims)))).toEqual(
      JSON.parse(JSON.stringify(byPcn(claims))),
    );
  });
});
