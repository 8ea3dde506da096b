import fc from 'fast-check';
import { formatCents, moneyFromCents, moneyFromText, parseCents, parseCentsIn, sumCents } from './money';

describe('money', () => {
  it.each([
    ['150', 15000],
    ['150.00', 15000],
    ['150.5', 15050],
    ['0.01', 1],
    ['.75', 75],
    ['12.340', 1234],
    ['-12.3', -1230],
    ['-0', 0],
    ['0', 0],
    ['007.10', 710],
    ['1.', 100],
  ])('parses %s to %d cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each([
    '',
    '-',
    '.',
    '12.345',
    '1,000.00',
    '+5',
    '1e3',
    ' 5',
    '5 ',
    '1.2.3',
    '--1',
    'abc',
    '12345678901234',
  ])('rejects %j', (text) => {
    expect(parseCents(text)).toBeUndefined();
  });

  it('adds without float drift (0.1 + 0.2)', () => {
    expect(sumCents([parseCents('0.1')!, parseCents('0.2')!])).toBe(30);
    expect(formatCents(sumCents([parseCents('0.1')!, parseCents('0.2')!]))).toBe('0.3');
  });

  it.each([
    [15000, '150'],
    [15050, '150.5'],
    [15055, '150.55'],
    [1, '0.01'],
    [0, '0'],
    [-1234, '-12.34'],
    [-5, '-0.05'],
  ])('formats %d cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('rejects non-integer cents when formatting', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it('builds Money both ways', () => {
    expect(moneyFromText('10.00')).toEqual({ value: '10.00', cents: 1000 });
    expect(moneyFromText('x')).toBeUndefined();
    expect(moneyFromCents(-250)).toEqual({ value: '-2.5', cents: -250 });
  });
});

describe('money properties', () => {
  it('formatCents then parseCents gives the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999_999, max: 9_999_999_999_999 }), (cents) => {
        expect(parseCents(formatCents(cents))).toBe(cents);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('agrees with a string-only reference on padded and unusual shapes', () => {
    const reference = (text: string): number | undefined => {
      const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
      if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
      const fraction = (match[3] ?? '').replace(/0+$/, '');
      const whole = match[2].replace(/^0+/, '');
      if (fraction.length > 2 || whole.length > 13) return undefined;
      const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
      return match[1] === '-' && cents !== 0 ? -cents : cents;
    };
    const digits = fc.stringMatching(/^[0-9]{0,16}$/);
    fc.assert(
      fc.property(
        fc.boolean(),
        digits,
        fc.option(fc.stringMatching(/^[0-9]{0,4}$/)),
        (negative, whole, fraction) => {
          const text = `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`;
          expect(parseCents(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('parseCents fast path', () => {
  /** The shapes the digit-by-digit fast path takes, as the regular expression it replaced spelled them. */
  const SIMPLE = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;
  function viaRegex(text: string): number | undefined {
    const match = SIMPLE.exec(text);
    if (!match) return undefined;
    const cents = Number(match[2]) * 100 + (match[3] === undefined ? 0 : Number(match[3].padEnd(2, '0')));
    return match[1] === '-' && cents !== 0 ? -cents : cents;
  }

  it('gives the same cents as the regular expression for every simple amount, and -0 never', () => {
    const amount = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,13}$/),
        fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
      )
      .map(
        ([minus, whole, fraction]) =>
          `${minus ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(amount, (text) => {
        const cents = parseCents(text);
        expect(cents).toBe(viaRegex(text));
        expect(Object.is(cents, -0)).toBe(false);
      }),
    );
  });

  it('leaves every other shape to the general walk', () => {
    expect(parseCents('12.')).toBe(1200);
    expect(parseCents('-.5')).toBe(-50);
    expect(parseCents('1'.repeat(14))).toBeUndefined();
    expect(parseCents('--1')).toBeUndefined();
  });
});

describe('parseCentsIn', () => {
  it('reads an amount inside a longer text exactly as parseCents reads it alone, whatever surrounds it', () => {
    const shapes = fc.oneof(
      fc.stringMatching(/^-?\d{0,14}(\.\d{0,4})?$/),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', '-', '.', '-.5', '12.', '1.005', '0.00', '-0'),
    );
    const surround = fc.constantFrom('', '*', '-', '1', '.', '9*', '*-', '5.');
    fc.assert(
      fc.property(surround, shapes, surround, (before, text, after) => {
        const line = `${before}${text}${after}`;
        const cents = parseCentsIn(line, before.length, before.length + text.length);
        expect(cents).toBe(parseCents(text));
      }),
      { numRuns: 2000 },
    );
  });
});
