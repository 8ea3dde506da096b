/**
 * Shape checks for the codes a claim carries. Every pattern is anchored and free of nested
 * quantifiers, so no input can make it backtrack (claim JSON is untrusted input).
 */

/** NPI check digit: Luhn over the 9 leading digits prefixed with the card issuer id 80840. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  // Walk right to left; every second digit (starting with the one left of the check digit) doubles.
  for (let index = digits.length - 1, position = 0; index >= 0; index--, position++) {
    let digit = digits.charCodeAt(index) - 48;
    if (position % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The check digit that makes the 9 given digits a valid NPI (used by fixtures and generators). */
export function npiCheckDigit(firstNine: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (isValidNpi(`${firstNine}${digit}`)) return String(digit);
  }
  throw new RangeError('firstNine must be nine digits');
}

/**
 * ICD-10-CM code shape, without the dot (as X12 HI carries it): a letter, a digit, an alphanumeric,
 * then up to four alphanumerics. `U` codes are valid (U07.1). Dots are tolerated and ignored.
 */
export function isIcd10CmShape(code: string): boolean {
  return (
    /^[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/.test(code) || /^U[0-9]{2}(?:\.?[0-9A-Z]{1,4})?$/.test(code)
  );
}

/** CPT (5 digits, or 4 digits + F/T/U category II/III/PLA) or HCPCS level II (letter + 4 digits). */
export function isProcedureCodeShape(code: string): boolean {
  return /^(?:\d{5}|\d{4}[FTU]|[A-V]\d{4})$/.test(code);
}

/** Procedure modifiers are two alphanumerics (25, 59, LT, GT...). */
export function isModifierShape(modifier: string): boolean {
  return /^[0-9A-Z]{2}$/.test(modifier);
}

/** Revenue codes on institutional lines: four digits (0450), three accepted and zero-padded by payers. */
export function isRevenueCodeShape(code: string): boolean {
  return /^\d{4}$/.test(code);
}

/**
 * CMS place of service codes in use (01-99 minus unassigned values). Kept as a set so the edit is
 * an exact lookup, not a range guess.
 */
export const PLACE_OF_SERVICE_CODES: ReadonlySet<string> = new Set([
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '31',
  '32',
  '33',
  '34',
  '41',
  '42',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '65',
  '66',
  '71',
  '72',
  '81',
  '99',
]);

export function isPlaceOfServiceCode(code: string): boolean {
  return PLACE_OF_SERVICE_CODES.has(code);
}

/** Institutional facility type code (first two digits of the type of bill, CLM05-1 on 837I). */
export function isFacilityTypeCode(code: string): boolean {
  return /^[1-8][1-9]$/.test(code);
}

/** CCYYMMDD or CCYY-MM-DD calendar date; returns the CCYYMMDD form, or undefined when not a real date. */
export function normalizeDate(text: string): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  )
    return undefined;
  return `${year}${month}${day}`;
}
