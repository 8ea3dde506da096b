/**
 * Money at the X12 edge. X12 amounts (element type R) are decimal strings; inside the engine they are
 * integer cents. Never a float: parsing works on the digits, not through Number('12.34').
 */

/** An amount as read from (or to be written to) X12: the exact text and its value in integer cents. */
export interface Money {
  /** The decimal string as it stands in the element (kept so that writing gives the same bytes). */
  value: string;
  /** The same amount in integer cents. */
  cents: number;
}

/** Largest whole-unit part we accept: 13 digits keeps cents well inside Number.MAX_SAFE_INTEGER. */
const MAX_WHOLE_DIGITS = 13;

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const POINT = 0x2e;

/** Cents of `text[start, end)` when it is `-?\d{1,13}(\.\d{1,2})?`, or undefined for any other shape. */
function simpleCents(text: string, start: number, end: number): number | undefined {
  let position = text.charCodeAt(start) === MINUS && start < end ? start + 1 : start;
  const wholeStart = position;
  let whole = 0;
  let code = 0;
  while (position < end) {
    code = text.charCodeAt(position);
    if (code < ZERO || code > NINE) break;
    whole = whole * 10 + (code - ZERO);
    position++;
  }
  const wholeDigits = position - wholeStart;
  if (wholeDigits < 1 || wholeDigits > MAX_WHOLE_DIGITS) return undefined;
  let fraction = 0;
  if (position < end) {
    if (code !== POINT) return undefined;
    const decimals = end - position - 1;
    if (decimals < 1 || decimals > 2) return undefined;
    for (let i = position + 1; i < end; i++) {
      const digit = text.charCodeAt(i);
      if (digit < ZERO || digit > NINE) return undefined;
      fraction = fraction * 10 + (digit - ZERO);
    }
    if (decimals === 1) fraction *= 10;
  }
  const cents = whole * 100 + fraction;
  return wholeStart > start && cents !== 0 ? -cents : cents;
}

/**
 * Parse an X12 decimal string (`150`, `150.5`, `-12.30`, `.75`) to integer cents. Returns undefined for
 * anything else: empty, a sign other than a leading minus, exponents, spaces, more than two significant
 * decimal places (a sub-cent amount cannot be posted), or too many digits.
 */
export function parseCents(text: string): number | undefined {
  return parseCentsIn(text, 0, text.length);
}

/**
 * parseCents of `text[start, end)`, so that a reader can take an amount straight from the decoded input
 * without making its string first.
 */
export function parseCentsIn(text: string, start: number, end: number): number | undefined {
  // Fast path for the common shapes (`150`, `-12.3`, `150.25`): optional minus, 1-13 whole digits,
  // optional point with 1-2 decimals, read digit by digit (no regex, no substrings); anything else
  // takes the general walk below.
  const simple = simpleCents(text, start, end);
  if (simple !== undefined) return simple;
  return generalCents(start === 0 && end === text.length ? text : text.slice(start, end));
}

function generalCents(text: string): number | undefined {
  let position = 0;
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    position = 1;
  }
  let whole = '';
  let fraction = '';
  let seenPoint = false;
  for (; position < text.length; position++) {
    const character = text[position];
    if (character === '.') {
      if (seenPoint) return undefined;
      seenPoint = true;
    } else if (character >= '0' && character <= '9') {
      if (seenPoint) fraction += character;
      else whole += character;
    } else {
      return undefined;
    }
  }
  if (whole === '' && fraction === '') return undefined;
  // Trailing zeros beyond the cents are harmless (12.340); a third significant place is not (12.345).
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > 2) return undefined;
  const wholeDigits = whole.replace(/^0+/, '');
  if (wholeDigits.length > MAX_WHOLE_DIGITS) return undefined;
  const cents = Number(wholeDigits || '0') * 100 + Number(trimmedFraction.padEnd(2, '0'));
  return negative && cents !== 0 ? -cents : cents;
}

/**
 * Format integer cents as the shortest X12 decimal string: 15000 -> `150`, 15050 -> `150.5`,
 * -1234 -> `-12.34`. Throws RangeError for a non-integer or unsafe number (a programming error).
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('cents must be a safe integer');
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100);
  const fraction = String(absolute % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Money from its X12 text, or undefined when the text is not a valid amount. */
export function moneyFromText(value: string): Money | undefined {
  const cents = parseCents(value);
  return cents === undefined ? undefined : { value, cents };
}

/** Money from integer cents, with the shortest X12 text (for builders). */
export function moneyFromCents(cents: number): Money {
  return { value: formatCents(cents), cents };
}

/** Sum of integer cents (a named helper so that call sites read as money arithmetic). */
export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}
