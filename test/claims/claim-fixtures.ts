/**
 * Synthetic claims in the API's JSON shape (Change Healthcare / Stedi claim shape). Every value is made up;
 * NPIs carry valid check digits. `professionalClaim(n)` is unique per n (patient control number, member).
 */
import { npiCheckDigit } from '../../src/modules/claims/edits/code-shapes';

export function npi(seed: number): string {
  const first = String(100000000 + (seed % 899999999)).slice(0, 9);
  return first + npiCheckDigit(first);
}

export const BILLING_NPI = npi(1);
export const RENDERING_NPI = npi(2);

export interface ClaimOptions {
  lines?: number;
  /** CCYYMMDD service date. */
  serviceDate?: string;
  payerId?: string;
  tag?: string;
}

export function professionalClaim(n: number, options: ClaimOptions = {}): Record<string, unknown> {
  const lines = options.lines ?? 2;
  const serviceDate = options.serviceDate ?? '20240105';
  const tag = options.tag ?? 'T';
  const charges = Array.from({ length: lines }, (_, index) => 100 + ((n + index) % 50) * 3 + 0.25);
  const totalCents = charges.reduce((sum, charge) => sum + Math.round(charge * 100), 0);
  return {
    claimType: 'professional',
    tradingPartnerServiceId: options.payerId ?? 'SANDBOX1',
    tradingPartnerName: 'SANDBOX COMMERCIAL PAYER',
    submitter: {
      organizationName: 'SYNTHETIC BILLING',
      contactInformation: { name: 'SYNTHETIC CONTACT', phoneNumber: '5555550100' },
    },
    receiver: { organizationName: 'SANDBOX COMMERCIAL PAYER' },
    subscriber: {
      memberId: `M${tag}${n}`,
      paymentResponsibilityLevelCode: 'P',
      firstName: 'JANE',
      lastName: `SYNTH${tag}${n}`,
      gender: 'F',
      dateOfBirth: '19800101',
      address: { address1: '1 SYNTHETIC WAY', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
    },
    billing: {
      providerType: 'BillingProvider',
      npi: BILLING_NPI,
      employerId: '123456789',
      taxonomyCode: '207Q00000X',
      organizationName: 'SYNTHETIC CLINIC',
      address: { address1: '2 CLINIC RD', city: 'SPRINGFIELD', state: 'IL', postalCode: '627010000' },
    },
    rendering: {
      providerType: 'RenderingProvider',
      npi: RENDERING_NPI,
      firstName: 'ALEX',
      lastName: 'DOCTOR',
    },
    claimInformation: {
      claimFilingCode: 'CI',
      patientControlNumber: `P${tag}${n}`.slice(0, 20),
      claimChargeAmount: (totalCents / 100).toFixed(2),
      placeOfServiceCode: '11',
      claimFrequencyCode: '1',
      signatureIndicator: 'Y',
      planParticipationCode: 'A',
      benefitsAssignmentCertificationIndicator: 'Y',
      releaseInformationCode: 'Y',
      healthCareCodeInformation: [
        { diagnosisTypeCode: 'ABK', diagnosisCode: 'E119' },
        { diagnosisTypeCode: 'ABF', diagnosisCode: 'I10' },
      ],
      serviceLines: charges.map((charge, index) => ({
        serviceDate,
        providerControlNumber: `L${index + 1}`,
        professionalService: {
          procedureIdentifier: 'HC',
          procedureCode: index % 2 === 0 ? '99213' : '85025',
          procedureModifiers: index === 0 ? ['25'] : [],
          lineItemChargeAmount: charge.toFixed(2),
          measurementUnit: 'UN',
          serviceUnitCount: '1',
          compositeDiagnosisCodePointers: { diagnosisCodePointers: ['1'] },
        },
      })),
    },
  };
}

export function institutionalClaim(n: number, options: ClaimOptions = {}): Record<string, unknown> {
  const serviceDate = options.serviceDate ?? '20240105';
  const tag = options.tag ?? 'I';
  return {
    claimType: 'institutional',
    tradingPartnerServiceId: options.payerId ?? 'SANDBOX1',
    submitter: {
      organizationName: 'SYNTHETIC BILLING',
      contactInformation: { name: 'SYNTHETIC CONTACT', phoneNumber: '5555550100' },
    },
    receiver: { organizationName: 'SANDBOX COMMERCIAL PAYER' },
    subscriber: {
      memberId: `M${tag}${n}`,
      paymentResponsibilityLevelCode: 'P',
      firstName: 'JOHN',
      lastName: `SYNTH${tag}${n}`,
      gender: 'M',
      dateOfBirth: '19700101',
    },
    billing: {
      npi: BILLING_NPI,
      employerId: '123456789',
      organizationName: 'SYNTHETIC HOSPITAL',
      address: { address1: '3 HOSPITAL RD', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
    },
    attending: { npi: RENDERING_NPI, firstName: 'SAM', lastName: 'ATTENDING' },
    claimInformation: {
      claimFilingCode: 'CI',
      patientControlNumber: `P${tag}${n}`.slice(0, 20),
      claimChargeAmount: '350.00',
      placeOfServiceCode: '13',
      claimFrequencyCode: '1',
      planParticipationCode: 'A',
      benefitsAssignmentCertificationIndicator: 'Y',
      releaseInformationCode: 'Y',
      claimCodeInformation: { admissionTypeCode: '1', admissionSourceCode: '7', patientStatusCode: '01' },
      claimDateInformation: { statementBeginDate: serviceDate, statementEndDate: serviceDate },
      principalDiagnosis: { qualifierCode: 'ABK', principalDiagnosisCode: 'R69' },
      otherDiagnosisInformationList: [[{ qualifierCode: 'ABF', otherDiagnosis: 'I10' }]],
      serviceLines: [
        {
          serviceDate,
          lineItemControlNumber: 'L1',
          institutionalService: {
            serviceLineRevenueCode: '0450',
            procedureIdentifier: 'HC',
            procedureCode: '99283',
            lineItemChargeAmount: '250.00',
            measurementUnit: 'UN',
            serviceUnitCount: '1',
          },
        },
        {
          serviceDate,
          lineItemControlNumber: 'L2',
          institutionalService: {
            serviceLineRevenueCode: '0300',
            lineItemChargeAmount: '100.00',
            measurementUnit: 'UN',
            serviceUnitCount: '1',
          },
        },
      ],
    },
  };
}
