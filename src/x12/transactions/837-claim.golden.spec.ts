/**
 * Golden files in edi-samples/837p and edi-samples/837i: each valid file reads into its expected JSON, and
 * read -> build -> write gives the same bytes; each malformed file gives the diagnostic codes listed beside it.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readX12, validateX12 } from '../read';
import { build837IInterchange, build837PInterchange } from './837-claim.interchange';
import type { Claim837InterchangeInput } from './837-claim.interchange';
import type { Interchange } from '../envelope/types';
import { read837P } from './837p-005010x222a1/837p.reader';
import { read837I } from './837i-005010x223a2/837i.reader';

const SAMPLES = join(__dirname, '../../../edi-samples');

function files(folder: string, malformed: boolean): string[] {
  return readdirSync(join(SAMPLES, folder))
    .filter((name) => name.endsWith('.x12') && name.startsWith('malformed-') === malformed)
    .map((name) => name.slice(0, -'.x12'.length));
}

/** The envelope values of a read interchange, so that writing it again gives the same ISA/GS. */
function envelopeOf(
  interchange: Interchange,
  text: string,
): Omit<Claim837InterchangeInput<never>, 'claims' | 'options'> {
  const isa = interchange.header.elements;
  const gs = interchange.groups[0].header.elements;
  return {
    interchange: {
      senderQualifier: isa[4],
      senderId: isa[5].trim(),
      receiverQualifier: isa[6],
      receiverId: isa[7].trim(),
      date: isa[8],
      time: isa[9],
      controlNumber: isa[12],
      acknowledgmentRequested: isa[13] === '1',
      usageIndicator: isa[14] as 'T' | 'P',
    },
    group: {
      applicationSender: gs[1],
      applicationReceiver: gs[2],
      date: gs[3],
      time: gs[4],
      controlNumber: gs[5],
    },
    transactionControlNumber: interchange.groups[0].transactions[0].controlNumber,
    lineBreak: text.includes('~\n'),
  };
}

describe.each([
  ['837p', read837P, build837PInterchange as (input: Claim837InterchangeInput<unknown>) => string],
  ['837i', read837I, build837IInterchange as (input: Claim837InterchangeInput<unknown>) => string],
] as const)('%s golden files', (folder, read, build) => {
  it.each(files(folder, false))('%s reads into its expected JSON and writes back the same bytes', (name) => {
    const text = readFileSync(join(SAMPLES, folder, `${name}.x12`), 'utf8');
    const { value: interchanges, diagnostics } = validateX12(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const interchange = interchanges[0];
    const result = read(interchange.groups[0].transactions[0], interchange.delimiters);
    expect(result.diagnostics).toEqual([]);
    const expected: unknown = JSON.parse(
      readFileSync(join(SAMPLES, folder, `${name}.expected.json`), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(expected);
    const rebuilt = build({
      ...envelopeOf(interchange, text),
      options: result.value.header,
      claims: result.value.claims,
    });
    expect(rebuilt).toBe(text);
  });

  const malformed = files(folder, true);
  if (malformed.length > 0) {
    it.each(malformed)('%s gives the diagnostic codes listed beside it', (name) => {
      const text = readFileSync(join(SAMPLES, folder, `${name}.x12`), 'utf8');
      const expected = JSON.parse(readFileSync(join(SAMPLES, folder, `${name}.expected.json`), 'utf8')) as {
        diagnostics: string[];
      };
      const codes = validateX12(text)
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.code);
      expect([...new Set(codes)].sort()).toEqual(expected.diagnostics);
    });
  }
});

it('a truncated 837P is reported by the reader too, never read as complete', () => {
  const text = readFileSync(join(SAMPLES, '837p', 'malformed-truncated.x12'), 'utf8');
  const interchange = readX12(text).value[0];
  const tx = interchange.groups[0].transactions[0];
  const { diagnostics } = read837P(tx, interchange.delimiters);
  expect(diagnostics.map((d) => d.code)).toContain('X12-837-INCOMPLETE');
});
