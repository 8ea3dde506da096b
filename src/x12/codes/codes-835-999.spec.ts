import {
  describeAcknowledgmentCode,
  describeAk9Error,
  describeIk304,
  describeIk403,
  describeIk5Error,
} from './999-codes';
import { CARC_CODES, describeCarc } from './carc';
import { describeCasGroup } from './cas-group-codes';
import { describeClaimPaymentStatus } from './claim-payment-status-codes';
import { describePlbAdjustmentReason } from './plb-adjustment-reason-codes';
import { RARC_CODES, describeRarc } from './rarc';

describe('835 and 999 code lists', () => {
  it('describe the codes people meet most', () => {
    for (const code of [
      '1',
      '2',
      '3',
      '4',
      '5',
      '16',
      '18',
      '22',
      '23',
      '24',
      '26',
      '27',
      '29',
      '31',
      '45',
      '49',
      '50',
      '96',
      '97',
      '109',
      '119',
      '151',
      '167',
      '197',
      '204',
      '242',
      '253',
    ]) {
      expect(describeCarc(code)).toEqual(expect.any(String));
    }
    for (const code of ['M15', 'M51', 'MA01', 'MA04', 'MA130', 'N4', 'N20', 'N130', 'N362', 'N381']) {
      expect(describeRarc(code)).toEqual(expect.any(String));
    }
    for (const code of ['CO', 'PR', 'OA', 'PI', 'CR'])
      expect(describeCasGroup(code)).toEqual(expect.any(String));
    for (const code of ['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']) {
      expect(describeClaimPaymentStatus(code)).toEqual(expect.any(String));
    }
    for (const code of ['WO', 'L6', 'FB', '72', 'CS'])
      expect(describePlbAdjustmentReason(code)).toEqual(expect.any(String));
    expect(describeIk304('8')).toBe('Segment has data element errors');
    expect(describeIk403('7')).toBe('Invalid code value');
    expect(describeAcknowledgmentCode('P')).toMatch(/Partially/);
    expect(describeIk5Error('5')).toMatch(/segments in error/);
    expect(describeAk9Error('5')).toMatch(/transaction sets/);
  });

  it('return undefined for unknown codes, including Object prototype names', () => {
    for (const describe of [
      describeCarc,
      describeRarc,
      describeCasGroup,
      describeClaimPaymentStatus,
      describePlbAdjustmentReason,
      describeIk304,
      describeIk403,
      describeAcknowledgmentCode,
      describeIk5Error,
      describeAk9Error,
    ]) {
      expect(describe('ZZZ9')).toBeUndefined();
      expect(describe('toString')).toBeUndefined();
      expect(describe('')).toBeUndefined();
    }
  });

  it('hold sizeable CARC and RARC lists with non-empty descriptions', () => {
    expect(Object.keys(CARC_CODES).length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(RARC_CODES).length).toBeGreaterThanOrEqual(50);
    for (const text of [...Object.values(CARC_CODES), ...Object.values(RARC_CODES)])
      expect(text.length).toBeGreaterThan(5);
  });
});
