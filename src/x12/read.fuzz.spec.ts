/**
 * Property and fuzz tests of the reader's contract: any bytes in, a result out; the only exception is
 * the engine's own coded X12Error; truncation is always reported; 1 MB reads well under a second.
 */
import fc from 'fast-check';
import { readX12, validateX12 } from './read';
import { X12Error } from './syntax/types';
import { readX12Stream } from './stream/read-x12-stream';
import { collectX12Stream } from './stream/collect-x12-stream';
import { synthetic835 } from './testing/synthetic-835';

const SAMPLE = Buffer.from(
  `\ufeff${synthetic835({ transactions: 2, claimsPerTransaction: 2, lineBreak: true })}` +
    'ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |260101|1200|^|00501|000000002|0|T|}\x1d' +
    'GS|HC|SENDER|RECEIVER|20260101|1200|2|X|005010X222A1\x1dST|837|0001|005010X222A1\x1dNM1|IL|1|MÜLLER\x1d' +
    'SE|3|0001\x1dGE|1|2\x1dIEA|1|000000002\x1d',
  'utf8',
);

type Mutation = { at: number; kind: 'replace' | 'insert' | 'delete'; byte: number };

const SPECIAL_BYTES = [
  0x2a, 0x7e, 0x3a, 0x5e, 0x7c, 0x0d, 0x0a, 0x1d, 0x00, 0xff, 0xc3, 0x49, 0x53, 0x41, 0x20,
];

const mutationArbitrary = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('replace', 'insert', 'delete'),
  byte: fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.integer({ min: 0, max: 255 })),
});

function mutate(base: Uint8Array, mutations: readonly Mutation[]): Buffer {
  const bytes = Array.from(base);
  for (const mutation of mutations) {
    const at = bytes.length === 0 ? 0 : mutation.at % bytes.length;
    if (mutation.kind === 'replace' && bytes.length > 0) bytes[at] = mutation.byte;
    else if (mutation.kind === 'insert') bytes.splice(at, 0, mutation.byte);
    else bytes.splice(at, 1);
  }
  return Buffer.from(bytes);
}

/** The reader's result, or the code of an X12Error; anything else thrown fails the test. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (error instanceof X12Error) return { thrown: error.code };
    throw error;
  }
}

async function streamOutcome(bytes: Uint8Array, size: number): Promise<unknown> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  try {
    return await collectX12Stream(readX12Stream(chunks()));
  } catch (error) {
    if (error instanceof X12Error) return { thrown: error.code };
    throw error;
  }
}

describe('reader fuzzing', () => {
  it('mutated inputs never throw anything but X12Error (readX12 and validateX12)', () => {
    fc.assert(
      fc.property(fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (mutations) => {
        const bytes = mutate(SAMPLE, mutations);
        outcome(() => readX12(bytes));
        outcome(() => validateX12(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it('random bytes and random X12-ish text never throw anything but X12Error', () => {
    const x12ish = fc
      .array(
        fc.constantFrom(
          'ISA',
          '*',
          '~',
          ':',
          '^',
          '|',
          'GS',
          'ST',
          'SE',
          'GE',
          'IEA',
          '\r\n',
          '00501',
          ' ',
          '1',
        ),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), x12ish), (input) => {
        outcome(() => readX12(input));
      }),
      { numRuns: 1500 },
    );
  });

  it('mutated inputs stream to the same result as the whole-input read, for any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 300 }),
        async (mutations, size) => {
          const bytes = mutate(SAMPLE, mutations);
          expect(await streamOutcome(bytes, size)).toEqual(outcome(() => readX12(bytes)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every truncation is reported: an error before the IEA, at least a diagnostic up to its terminator', () => {
    const text = SAMPLE.toString('utf8').trimEnd();
    const bytes = Buffer.from(text, 'utf8');
    const lastIea = bytes.lastIndexOf('IEA');
    // Between two interchanges a cut leaves complete interchanges: nothing is missing there.
    const firstEnd = bytes.indexOf('IEA*1*000000001~') + 'IEA*1*000000001~'.length;
    const secondStart = bytes.indexOf('ISA|');
    for (let cut = 0; cut < bytes.length; cut++) {
      if (cut >= firstEnd && cut <= secondStart) continue;
      const result = outcome(() => readX12(bytes.subarray(0, cut)));
      if ('thrown' in (result as object)) {
        expect(result).toEqual({ thrown: 'X12-NOT-X12' });
        expect(cut).toBeLessThan(7); // BOM + "ISA" and no separator yet: not X12
        continue;
      }
      const diagnostics = (result as ReturnType<typeof readX12>).diagnostics;
      // Only the final terminator missing, or a next "ISA" without its separator yet: warnings suffice.
      const warningSuffices = cut === firstEnd - 1 || (cut > secondStart && cut < secondStart + 4);
      if (cut <= lastIea && !warningSuffices)
        expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
      else expect(diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('reads 1 MB inputs (valid, mutated and pathological) in well under a second of CPU', () => {
    const megabyte = 1024 * 1024;
    const repeat = (unit: string) => unit.repeat(Math.ceil(megabyte / unit.length)).slice(0, megabyte);
    const valid = Buffer.from(synthetic835({ transactions: 4, claimsPerTransaction: 800 }));
    expect(valid.length).toBeGreaterThan(megabyte * 0.9);
    const isa =
      'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260101*1200*^*00501*000000001*0*T*:~';
    const inputs: Uint8Array[] = [
      valid,
      mutate(valid, [
        { at: 5000, kind: 'replace', byte: 0x7e },
        { at: 90000, kind: 'delete', byte: 0 },
        { at: 400000, kind: 'insert', byte: 0x0a },
      ]),
      Buffer.from(
        repeat('ISA!ISA@ISA#ISA$ISA%ISA&ISA(ISA)ISA-ISA+ISA=ISA;ISA,ISA.ISA/ISA?ISA[ISA]ISA{ISA<ISA>'),
      ),
      Buffer.from(isa + repeat('ST*837*0001~')),
      Buffer.from(isa + repeat('~')),
      Buffer.from(isa + repeat('*')),
      Buffer.from(isa + repeat('AB~')),
      Buffer.from(isa + repeat('NM1*IL*1*A:B:C:D^E^F*')),
      Buffer.from(repeat('junk text without an interchange, ') + isa),
    ];
    for (const input of inputs) {
      // The process's own CPU time, not wall-clock time: other jobs on a loaded CI machine stretch the
      // wall clock (this failed once at load 15) but not the work this read does.
      const started = process.cpuUsage();
      outcome(() => readX12(input));
      const used = process.cpuUsage(started);
      const cpuMs = (used.user + used.system) / 1000;
      if (process.env.X12_FUZZ_TIMES) console.log(`${input.length} bytes: ${cpuMs.toFixed(0)} ms CPU`);
      expect(cpuMs).toBeLessThan(1000);
    }
  });
});
