/**
 * Property tests: mutated and truncated 277CA, 270 and 271 inputs never make the readers or the guide
 * rules throw; anything wrong comes back as diagnostics.
 */
import fc from 'fast-check';
import { readX12 } from '../../read';
import { X12Error } from '../../syntax/types';
import { read270 } from '../270-005010x279a1/270.reader';
import { guide270 } from '../270-005010x279a1/270.rules';
import { read271 } from '../271-005010x279a1/271.reader';
import { guide271 } from '../271-005010x279a1/271.rules';
import { read277CA } from './277ca.reader';
import { guide277CA } from './277ca.rules';
import { goldenFiles } from '../../../../test/support/x12-golden';

const samples = ['277ca', '270', '271'].flatMap((folder) => goldenFiles(folder).map((f) => f.text));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    with: fc.constantFrom('*', ':', '^', '~', '\n', 'X', '9', ''),
  }),
  fc.record({ kind: fc.constant('dropSegment' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateSegment' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  const at = change.at % Math.max(1, text.length);
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'replace':
      return text.slice(0, at) + change.with + text.slice(at + 1);
    case 'dropSegment':
    case 'duplicateSegment': {
      const segments = text.split('~');
      const index = change.at % segments.length;
      if (change.kind === 'dropSegment') segments.splice(index, 1);
      else segments.splice(index, 0, segments[index]);
      return segments.join('~');
    }
  }
}

function readEverything(text: string): number {
  let read;
  try {
    read = readX12(text);
  } catch (error) {
    if (error instanceof X12Error) return 0; // not X12 at all: the engine's own coded error
    throw error;
  }
  let diagnostics = read.diagnostics.length;
  for (const interchange of read.value) {
    for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
      const input = {
        segments: tx.segments,
        delimiters: interchange.delimiters,
        location: {},
        loopOf: () => undefined,
      };
      diagnostics += read277CA(tx, interchange.delimiters).diagnostics.length;
      diagnostics += read270(tx, interchange.delimiters).diagnostics.length;
      diagnostics += read271(tx, interchange.delimiters).diagnostics.length;
      for (const rule of [...guide277CA.rules, ...guide270.rules, ...guide271.rules])
        diagnostics += rule(input).length;
    }
  }
  return diagnostics;
}

describe('277CA/270/271 readers under mutation', () => {
  it('never throw anything but the engine coded error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (sample, changes) => {
          const text = changes.reduce(mutate, sample);
          expect(() => readEverything(text)).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('always report a truncation inside the interchange', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.nat(), (sample, at) => {
        const cut = 120 + (at % Math.max(1, sample.trimEnd().length - 130));
        expect(readEverything(sample.slice(0, cut))).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
