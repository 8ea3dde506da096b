/**
 * Shape checks for X12 data element types, written as character scans (no regular expressions, so no
 * backtracking on hostile input). Values are checked, never echoed.
 */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** N0/N1/N2: optional leading minus, then digits only (the decimal point is implied). */
export function isNumeric(value: string): boolean {
  let i = value.startsWith('-') ? 1 : 0;
  if (i >= value.length) return false;
  for (; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/** R: optional leading minus, digits with at most one decimal point, at least one digit. */
export function isDecimal(value: string): boolean {
  let i = value.startsWith('-') ? 1 : 0;
  let digits = 0;
  let points = 0;
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigit(code)) digits++;
    else if (code === 46 && points === 0) points++;
    else return false;
  }
  return digits > 0;
}

/** Length as X12 counts it for numerics: sign and decimal point do not count. */
export function numericLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) if (isDigit(value.charCodeAt(i))) length++;
  return length;
}

function digitsValue(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i);
    if (!isDigit(code)) return -1;
    n = n * 10 + (code - 48);
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** DT: CCYYMMDD (8) or YYMMDD (6), a real calendar date. YYMMDD years are taken as 20YY for leap years. */
export function isDate(value: string): boolean {
  if (value.length !== 8 && value.length !== 6) return false;
  const yearDigits = value.length - 4;
  const year = digitsValue(value, 0, yearDigits);
  const month = digitsValue(value, yearDigits, yearDigits + 2);
  const day = digitsValue(value, yearDigits + 2, yearDigits + 4);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const fullYear = value.length === 6 ? 2000 + year : year;
  return day <= daysInMonth(fullYear, month);
}

/** TM: HHMM, HHMMSS, or HHMMSS followed by 1-2 decimal seconds digits. */
export function isTime(value: string): boolean {
  if (value.length !== 4 && value.length < 6) return false;
  if (value.length > 8) return false;
  const hours = digitsValue(value, 0, 2);
  const minutes = digitsValue(value, 2, 4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
  if (value.length === 4) return true;
  const seconds = digitsValue(value, 4, 6);
  if (seconds < 0 || seconds > 59) return false;
  return digitsValue(value, 6, value.length) >= 0;
}

/** A date range `CCYYMMDD-CCYYMMDD` (DTP02 RD8), start not after end. */
export function isDateRange(value: string): boolean {
  if (value.length !== 17 || value.charCodeAt(8) !== 45) return false;
  const start = value.slice(0, 8);
  const end = value.slice(9);
  return isDate(start) && isDate(end) && start <= end;
}

/** Control characters (below space, DEL) are outside the X12 basic and extended character sets. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 32 || code === 127) return true;
  }
  return false;
}
