import { formatCents, moneyFromCents, moneyFromText, parseCents, sumCents } from './money';

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
