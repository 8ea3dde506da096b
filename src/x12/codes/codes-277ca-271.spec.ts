import { AAA_REJECT_REASONS, describeAaaFollowUpAction, describeAaaRejectReason } from './aaa-reject-reasons';
import {
  CLAIM_STATUS_CATEGORY_CODES,
  describeClaimStatusCategory,
  isAcceptanceCategory,
  isRejectionCategory,
} from './claim-status-category-codes';
import { CLAIM_STATUS_CODES, describeClaimStatus } from './claim-status-codes';
import {
  describeCoverageLevel,
  describeEligibilityBenefit,
  describeServiceType,
  describeTimePeriod,
  SERVICE_TYPE_CODES,
} from './eligibility-codes';
import { describeEntityIdentifier } from './entity-identifier-codes';

describe('277CA and 271 code lists', () => {
  it('describe the codes a billing office sees most', () => {
    expect(describeClaimStatusCategory('A2')).toMatch(/accepted/);
    expect(describeClaimStatusCategory('A7')).toMatch(/invalid/);
    expect(describeClaimStatus('562')).toMatch(/NPI/);
    expect(describeClaimStatus('673')).toMatch(/Patient control number/);
    expect(describeEntityIdentifier('85')).toBe('Billing provider');
    expect(describeEntityIdentifier('QC')).toBe('Patient');
    expect(describeAaaRejectReason('72')).toMatch(/id invalid or missing/);
    expect(describeAaaFollowUpAction('C')).toMatch(/resubmit/);
    expect(describeEligibilityBenefit('1')).toBe('Active coverage');
    expect(describeEligibilityBenefit('B')).toBe('Co-payment');
    expect(describeCoverageLevel('FAM')).toBe('Family');
    expect(describeServiceType('98')).toMatch(/office/);
    expect(describeTimePeriod('29')).toBe('Remaining');
  });

  it('return undefined for unknown codes, including object property names', () => {
    for (const describe of [
      describeClaimStatusCategory,
      describeClaimStatus,
      describeEntityIdentifier,
      describeAaaRejectReason,
      describeAaaFollowUpAction,
      describeEligibilityBenefit,
      describeCoverageLevel,
      describeServiceType,
      describeTimePeriod,
    ]) {
      expect(describe('ZZZ9')).toBeUndefined();
      expect(describe('toString')).toBeUndefined();
      expect(describe('__proto__')).toBeUndefined();
      expect(describe('')).toBeUndefined();
    }
  });

  it('cover the lists the brief asks for', () => {
    for (const code of [
      '0',
      '1',
      '3',
      '19',
      '20',
      '21',
      '33',
      '35',
      '145',
      '187',
      '247',
      '252',
      '454',
      '464',
      '562',
      '673',
    ]) {
      expect(CLAIM_STATUS_CODES[code]).toBeDefined();
    }
    expect(Object.keys(CLAIM_STATUS_CODES).length).toBeGreaterThanOrEqual(60);
    for (const code of [
      'A0',
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
      'A7',
      'A8',
      'DR01',
      'E0',
      'E4',
      'F0',
      'F4',
      'P0',
      'P5',
      'R0',
      'R9',
    ]) {
      expect(CLAIM_STATUS_CATEGORY_CODES[code]).toBeDefined();
    }
    for (const code of [
      '04',
      '15',
      '33',
      '35',
      '41',
      '42',
      '43',
      '58',
      '72',
      '73',
      '75',
      '80',
      '97',
      'AA',
      'AE',
      'T4',
    ]) {
      expect(AAA_REJECT_REASONS[code]).toBeDefined();
    }
    for (const code of ['1', '30', '33', '35', '47', '48', '50', '86', '88', '98', 'AL', 'MH', 'UC']) {
      expect(SERVICE_TYPE_CODES[code]).toBeDefined();
    }
  });

  it('classify categories as rejections or acceptance', () => {
    expect(['A3', 'A6', 'A7', 'A8'].every(isRejectionCategory)).toBe(true);
    expect(isRejectionCategory('A2')).toBe(false);
    expect(isAcceptanceCategory('A2')).toBe(true);
    expect(isAcceptanceCategory('A1')).toBe(false);
  });
});
