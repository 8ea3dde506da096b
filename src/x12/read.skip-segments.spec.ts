/**
 * readX12's skipSegments: chosen transaction sets come without their segments, while the envelope is
 * read and checked exactly as before (same interchanges, groups, control numbers and diagnostics).
 */
import { readX12 } from './read';
import { synthetic835 } from './testing/synthetic-835';

const text = synthetic835({ transactions: 3, claimsPerTransaction: 5 });

describe('readX12 skipSegments', () => {
  it('drops the chosen sets’ segments and nothing else', () => {
    const whole = readX12(text);
    const skipped = readX12(text, { skipSegments: ({ header }) => header.elements[1] !== '0002' });
    expect(skipped.diagnostics).toEqual(whole.diagnostics);
    const sets = skipped.value[0].groups[0].transactions;
    expect(sets.map((set) => set.segments.length)).toEqual([
      0,
      whole.value[0].groups[0].transactions[1].segments.length,
      0,
    ]);
    expect(sets.map(({ segments: _segments, ...rest }) => rest)).toEqual(
      whole.value[0].groups[0].transactions.map(({ segments: _segments, ...rest }) => rest),
    );
  });

  it('still counts the skipped segments: a wrong SE01 or a cut-off set is reported', () => {
    const miscounted = text.replace(
      /SE\*(\d+)\*0002/,
      (_match, count: string) => `SE*${Number(count) - 1}*0002`,
    );
    const all = () => true;
    expect(readX12(miscounted, { skipSegments: all }).diagnostics.map((d) => d.code)).toEqual([
      'X12-ENV-SE01-COUNT',
    ]);
    const cut = text.slice(0, text.lastIndexOf('SE*'));
    const codes = readX12(cut, { skipSegments: all }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['X12-ENV-SE-MISSING', 'X12-ENV-IEA-MISSING']));
    expect(readX12(cut, { skipSegments: all }).value[0].groups[0].transactions.at(-1)?.complete).toBe(false);
  });
});
