/**
 * The synthetic 835 the tests and the benchmark read: valid and balanced to the engine's own rules, the
 * same bytes for the same options, and varied like a real remittance (a benchmark on a file that
 * repeats one claim would flatter any reader that shares repeated values).
 */
import { validateX12 } from '../read';
import { claimsOf } from '../transactions/835-005010x221a1/835.model';
import { read835 } from '../transactions/835-005010x221a1/835.reader';
import { synthetic835 } from './synthetic-835';

describe('synthetic835', () => {
  const text = synthetic835({ transactions: 2, claimsPerTransaction: 400 });

  it('is valid: no diagnostic at all, SNIP 3 balancing included', () => {
    expect(validateX12(text).diagnostics).toEqual([]);
  });

  it('gives the same bytes for the same options', () => {
    expect(synthetic835({ transactions: 2, claimsPerTransaction: 400 })).toBe(text);
  });

  it('varies names, ids, amounts, lines, dates and outcomes from claim to claim', () => {
    const read = validateX12(text).value[0];
    const claims = read.groups[0].transactions.flatMap((tx) => claimsOf(read835(tx, read.delimiters).value));
    expect(claims).toHaveLength(800);
    const distinct = (values: string[]) => new Set(values).size;
    expect(distinct(claims.map((c) => c.patient?.lastName ?? ''))).toBeGreaterThan(500);
    expect(distinct(claims.map((c) => c.patient?.id ?? ''))).toBe(800);
    expect(distinct(claims.map((c) => String(c.chargeCents)))).toBeGreaterThan(200);
    expect(distinct(claims.map((c) => String(c.paymentCents)))).toBeGreaterThan(300);
    expect(distinct(claims.map((c) => String(c.serviceLines.length)))).toBe(4);
    expect(distinct(claims.map((c) => c.dates[0]?.date ?? ''))).toBeGreaterThan(50);
    expect(claims.some((c) => c.statusCode === '4' && c.paymentCents === 0)).toBe(true);
    expect(claims.some((c) => c.patientResponsibilityCents !== undefined)).toBe(true);
  });
});
