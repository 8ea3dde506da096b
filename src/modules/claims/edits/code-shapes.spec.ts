import {
  isIcd10CmShape,
  isModifierShape,
  isPlaceOfServiceCode,
  isProcedureCodeShape,
  isRevenueCodeShape,
  isValidNpi,
  normalizeDate,
  npiCheckDigit,
} from './code-shapes';

describe('isValidNpi', () => {
  it('accepts NPIs whose Luhn check over 80840 + number holds', () => {
    expect(isValidNpi('1234567893')).toBe(true); // CMS's published example
    expect(isValidNpi(`123456789${npiCheckDigit('123456789')}`)).toBe(true);
  });
  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678931')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });
  it('has exactly one check digit per nine-digit prefix', () => {
    for (const prefix of ['100000000', '987654321', '555555555']) {
      const valid = [...'0123456789'].filter((digit) => isValidNpi(prefix + digit));
      expect(valid).toHaveLength(1);
    }
  });
});

describe('code shapes', () => {
  it('ICD-10-CM', () => {
    for (const code of ['E119', 'E11.9', 'J45909', 'S72001A', 'Z0000', 'U071', 'R69'])
      expect(isIcd10CmShape(code)).toBe(true);
    for (const code of ['', '123', 'E1', 'e119', 'U1A', 'E119000X', '99213'])
      expect(isIcd10CmShape(code)).toBe(false);
  });
  it('CPT/HCPCS and modifiers', () => {
    for (const code of ['99213', '0001F', '0213T', 'J1100', 'G0008'])
      expect(isProcedureCodeShape(code)).toBe(true);
    for (const code of ['9921', '992133', 'W1234', 'j1100', ''])
      expect(isProcedureCodeShape(code)).toBe(false);
    expect(isModifierShape('25')).toBe(true);
    expect(isModifierShape('LT')).toBe(true);
    expect(isModifierShape('L')).toBe(false);
    expect(isModifierShape('lt')).toBe(false);
  });
  it('place of service and revenue codes', () => {
    expect(isPlaceOfServiceCode('11')).toBe(true);
    expect(isPlaceOfServiceCode('02')).toBe(true);
    expect(isPlaceOfServiceCode('30')).toBe(false);
    expect(isPlaceOfServiceCode('1')).toBe(false);
    expect(isRevenueCodeShape('0450')).toBe(true);
    expect(isRevenueCodeShape('450')).toBe(false);
  });
  it('dates', () => {
    expect(normalizeDate('20240131')).toBe('20240131');
    expect(normalizeDate('2024-01-31')).toBe('20240131');
    expect(normalizeDate('20240230')).toBeUndefined();
    expect(normalizeDate('2024-1-3')).toBeUndefined();
  });
});
