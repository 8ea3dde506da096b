/**
 * Deterministic synthetic 837 claims for benchmarks and property tests: the same seed gives the same
 * claims. No real people, providers or payers: names like TESTPATIENT, member ids MBR000001, NPIs with a
 * valid Luhn check digit over 80840 + the first nine digits. Money is built in integer cents.
 */
import { formatCents } from '../money';
import type {
  ClaimAddress,
  ClaimParties,
  ClaimProvider,
  InstitutionalClaim,
  InstitutionalServiceLine,
  ProfessionalClaim,
  ProfessionalServiceLine,
} from './837-claim.model';

/** mulberry32: a small 32-bit PRNG, enough for test data (never for anything secret). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 10-digit NPI whose check digit is the Luhn digit over 80840 + the nine given digits. */
export function npiFromNine(nine: string): string {
  const digits = `80840${nine}`;
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

const FIRST_NAMES = ['JANE', 'JOHN', 'ALEX', 'SAM', 'PAT', 'CHRIS', 'DANA', 'LEE'];
const DIAGNOSES = ['E119', 'I10', 'J069', 'R509', 'M545', 'Z0000', 'K219', 'E785', 'R51', 'N390'];
const PROCEDURES = ['99213', '99214', '99203', '87880', '85025', '80053', '93000', '36415'];
const REVENUE_CODES = ['0450', '0300', '0301', '0320', '0250', '0636', '0730'];
const NDCS = ['00000000001', '00000000002', '00000000003'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function testAddress(number: number): ClaimAddress {
  return {
    address1: `${100 + (number % 900)} TEST ST`,
    city: 'TESTTOWN',
    state: 'NY',
    postalCode: '100010001',
  };
}

class ClaimFactory {
  private readonly random: () => number;
  private readonly billingProviders: ClaimProvider[];

  constructor(seed: number) {
    this.random = seededRandom(seed);
    this.billingProviders = [0, 1, 2].map((index) => ({
      providerType: 'BillingProvider',
      npi: npiFromNine(`12345678${index}`),
      employerId: '123456789',
      taxonomyCode: '207Q00000X',
      organizationName: `TEST CLINIC ${index + 1}`,
      address: testAddress(index),
    }));
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  date(): string {
    return `2025${pad(this.between(1, 12), 2)}${pad(this.between(1, 28), 2)}`;
  }

  parties(index: number): ClaimParties {
    // About one subscriber in four has two claims in a row (same 2000B); one claim in five is for a dependent.
    const subscriberNumber = index - (index % 4 === 1 ? 1 : 0);
    const parties: ClaimParties = {
      tradingPartnerServiceId: 'PAYER0001',
      tradingPartnerName: 'TEST HEALTH PLAN',
      submitter: {
        organizationName: 'TEST BILLING SERVICE',
        submitterIdentification: 'SUBMIT0001',
        contactInformation: { name: 'EDI DESK', phoneNumber: '5555550100' },
      },
      receiver: { organizationName: 'TEST CLEARINGHOUSE', receiverIdentification: 'RECV0001' },
      subscriber: {
        memberId: `MBR${pad(subscriberNumber + 1, 6)}`,
        paymentResponsibilityLevelCode: 'P',
        firstName: FIRST_NAMES[subscriberNumber % FIRST_NAMES.length],
        lastName: 'TESTPATIENT',
        gender: subscriberNumber % 2 === 0 ? 'F' : 'M',
        dateOfBirth: `19${pad(50 + (subscriberNumber % 45), 2)}0101`,
        groupNumber: 'GRP0001',
        address: testAddress(subscriberNumber),
      },
      billing: this.billingProviders[subscriberNumber % this.billingProviders.length],
    };
    if (index % 5 === 3) {
      parties.dependent = {
        firstName: 'TESTCHILD',
        lastName: 'TESTPATIENT',
        gender: 'U',
        dateOfBirth: '20150101',
        relationshipToSubscriberCode: '19',
        address: testAddress(subscriberNumber),
      };
    }
    return parties;
  }

  frequency(index: number): { claimFrequencyCode: string; claimControlNumber?: string } {
    // One claim in ten replaces an earlier one: REF*F8 carries the payer's claim number
    return index % 10 === 7
      ? { claimFrequencyCode: '7', claimControlNumber: `PAYERCLM${pad(index, 8)}` }
      : { claimFrequencyCode: '1' };
  }
}

export function generateProfessionalClaims(count: number, seed = 1): ProfessionalClaim[] {
  const factory = new ClaimFactory(seed);
  const claims: ProfessionalClaim[] = [];
  for (let index = 0; index < count; index++) {
    const diagnosisCount = factory.between(1, 4);
    const diagnoses = Array.from({ length: diagnosisCount }, (_, n) => ({
      diagnosisTypeCode: n === 0 ? 'ABK' : 'ABF',
      diagnosisCode: DIAGNOSES[(index + n) % DIAGNOSES.length],
    }));
    const serviceDate = factory.date();
    let totalCents = 0;
    const lines: ProfessionalServiceLine[] = Array.from({ length: factory.between(1, 4) }, (_, n) => {
      const cents = factory.between(1000, 50000);
      totalCents += cents;
      const line: ProfessionalServiceLine = {
        serviceDate,
        providerControlNumber: `L${pad(index, 7)}${n + 1}`,
        professionalService: {
          procedureIdentifier: 'HC',
          procedureCode: factory.pick(PROCEDURES),
          lineItemChargeAmount: formatCents(cents),
          measurementUnit: 'UN',
          serviceUnitCount: String(factory.between(1, 3)),
          compositeDiagnosisCodePointers: {
            diagnosisCodePointers: [String(factory.between(1, diagnosisCount))],
          },
        },
      };
      if (n === 1 && index % 6 === 0) {
        line.drugIdentification = {
          serviceIdQualifier: 'N4',
          nationalDrugCode: factory.pick(NDCS),
          measurementUnitCode: 'UN',
          nationalDrugUnitCount: '1',
        };
      }
      return line;
    });
    const { claimFrequencyCode, claimControlNumber } = factory.frequency(index);
    const claim: ProfessionalClaim = {
      ...factory.parties(index),
      rendering: {
        providerType: 'RenderingProvider',
        npi: npiFromNine('198765432'),
        lastName: 'TESTDOCTOR',
        firstName: 'ALEX',
        taxonomyCode: '207Q00000X',
      },
      claimInformation: {
        claimFilingCode: 'CI',
        patientControlNumber: `PCN${pad(seed % 1000, 3)}${pad(index, 8)}`,
        claimChargeAmount: formatCents(totalCents),
        placeOfServiceCode: '11',
        claimFrequencyCode,
        signatureIndicator: 'Y',
        planParticipationCode: 'A',
        benefitsAssignmentCertificationIndicator: 'Y',
        releaseInformationCode: 'Y',
        healthCareCodeInformation: diagnoses,
        serviceLines: lines,
      },
    };
    if (claimControlNumber) claim.claimInformation.claimSupplementalInformation = { claimControlNumber };
    claims.push(claim);
  }
  return claims;
}

export function generateInstitutionalClaims(count: number, seed = 1): InstitutionalClaim[] {
  const factory = new ClaimFactory(seed);
  const claims: InstitutionalClaim[] = [];
  for (let index = 0; index < count; index++) {
    const inpatient = index % 3 === 0;
    const begin = factory.date();
    let totalCents = 0;
    const lines: InstitutionalServiceLine[] = Array.from({ length: factory.between(1, 5) }, (_, n) => {
      const cents = factory.between(5000, 250000);
      totalCents += cents;
      const line: InstitutionalServiceLine = {
        serviceDate: begin,
        lineItemControlNumber: `L${pad(index, 7)}${n + 1}`,
        institutionalService: {
          serviceLineRevenueCode: factory.pick(REVENUE_CODES),
          lineItemChargeAmount: formatCents(cents),
          measurementUnit: 'UN',
          serviceUnitCount: String(factory.between(1, 3)),
        },
      };
      if (!inpatient) {
        line.institutionalService.procedureIdentifier = 'HC';
        line.institutionalService.procedureCode = factory.pick(PROCEDURES);
      }
      return line;
    });
    const { claimFrequencyCode, claimControlNumber } = factory.frequency(index);
    const claim: InstitutionalClaim = {
      ...factory.parties(index),
      attending: {
        providerType: 'AttendingProvider',
        npi: npiFromNine('198765432'),
        lastName: 'TESTDOCTOR',
        firstName: 'SAM',
        taxonomyCode: '207R00000X',
      },
      claimInformation: {
        claimFilingCode: 'CI',
        patientControlNumber: `ICN${pad(seed % 1000, 3)}${pad(index, 8)}`,
        claimChargeAmount: formatCents(totalCents),
        // CLM05-1 facility type code: 11 hospital inpatient, 13 hospital outpatient
        placeOfServiceCode: inpatient ? '11' : '13',
        claimFrequencyCode,
        planParticipationCode: 'A',
        benefitsAssignmentCertificationIndicator: 'Y',
        releaseInformationCode: 'Y',
        claimDateInformation: inpatient
          ? {
              statementBeginDate: begin,
              statementEndDate: begin,
              admissionDateAndHour: `${begin}0800`,
              dischargeHour: '1400',
            }
          : { statementBeginDate: begin, statementEndDate: begin },
        // CL1 is required on every 837I claim: emergency inpatient stay, or an elective outpatient visit
        claimCodeInformation: inpatient
          ? { admissionTypeCode: '1', admissionSourceCode: '7', patientStatusCode: '01' }
          : { admissionTypeCode: '3', admissionSourceCode: '1', patientStatusCode: '01' },
        principalDiagnosis: {
          qualifierCode: 'ABK',
          principalDiagnosisCode: DIAGNOSES[index % DIAGNOSES.length],
        },
        otherDiagnosisInformationList: [
          [{ qualifierCode: 'ABF', otherDiagnosis: DIAGNOSES[(index + 1) % DIAGNOSES.length] }],
        ],
        serviceLines: lines,
      },
    };
    if (inpatient) {
      claim.claimInformation.admittingDiagnosis = { qualifierCode: 'ABJ', admittingDiagnosisCode: 'R509' };
    } else {
      claim.claimInformation.patientReasonForVisits = [
        { qualifierCode: 'APR', patientReasonForVisitCode: 'R509' },
      ];
    }
    if (claimControlNumber) claim.claimInformation.claimSupplementalInformation = { claimControlNumber };
    claims.push(claim);
  }
  return claims;
}
