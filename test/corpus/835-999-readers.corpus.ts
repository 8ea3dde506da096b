/**
 * The typed 835 and 999 readers over ../shared/x12-corpus (public samples from other projects, kept
 * outside the repository): every transaction set reads without an exception, every CLP becomes a claim,
 * no segment is left out of the model, balancing findings are the documented ones, and writing the model
 * back and reading it again gives the same model.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  build835Body,
  build999Body,
  claimsOf,
  read835,
  read999,
  readX12,
  rules835,
  type Acknowledgment999,
  type Remittance835,
} from '../../src/x12';
import { rewriteInterchange } from '../support/x12-golden';

const CORPUS = resolve(__dirname, '../../../shared/x12-corpus');

function files(folder: string): { name: string; text: string }[] {
  const directory = join(CORPUS, folder);
  return readdirSync(directory)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(directory, name), 'latin1') }));
}

/** Balancing findings in corpus 835s, each checked by hand against the file. */
const KNOWN_BALANCE_FINDINGS: Record<string, string[]> = {
  // SVC*HC*24599.00*...: the procedure was written with the element separator, so SVC02/SVC03 shift.
  'lfh__tertiary-payment.835': ['X12-835-SVC-BALANCE'],
  // CLP04 4000.00 but CLP03 4199.68 minus CAS 1201.68 is 2998.00 (the line pays 2998.00).
  'moov__835_sample2.txt': ['X12-835-CLP-BALANCE'],
  'moov__835_sample1.txt': ['X12-835-CLP-BALANCE'],
  'stupidedi__X221_case_3a.edi': ['X12-835-BPR-BALANCE'],
  // A truncated 'CLP*090909*22' segment: its amounts are missing, so balances cannot be computed.
  'oopfactory__835_Example1.txt': ['X12-835-BALANCE-UNCHECKED'],
};

/** Claim counts the files' own sources assert (edi-835-parser tests) or that we counted by hand. */
const CLAIM_COUNTS: Record<string, number> = {
  'edi835parser__emedny_sample.txt': 3,
  'edi835parser__united_healthcare_legacy_sample.txt': 2,
  'stupidedi__X221A1_pass_multiple-claims-single-check.edi': 9,
  'tastypackets__profee-multiple.edi': 468,
  'tigershark__5010-835-example-1.txt': 3,
};

describe('835 reader over the corpus', () => {
  it.each(files('835').map((file) => [file.name, file.text] as const))('%s', (name, text) => {
    const read = readX12(text);
    let claims = 0;
    let clpSegments = 0;
    const findings = new Set<string>();
    const models: Remittance835[] = [];
    let unreadableAmounts = false;
    for (const interchange of read.value) {
      for (const group of interchange.groups) {
        for (const tx of group.transactions) {
          const result = read835(tx, interchange.delimiters);
          models.push(result.value);
          if (result.diagnostics.some((diagnostic) => diagnostic.code === 'X12-835-AMOUNT-FORMAT')) {
            unreadableAmounts = true;
          }
          claims += claimsOf(result.value).length;
          clpSegments += tx.segments.filter((segment) => segment.id === 'CLP').length;
          expect(
            result.diagnostics.filter((diagnostic) => diagnostic.code === 'X12-835-SEGMENT-IGNORED'),
          ).toEqual([]);
          for (const rule of rules835) {
            const input = {
              segments: tx.segments,
              delimiters: interchange.delimiters,
              location: {},
              loopOf: () => undefined,
            };
            for (const diagnostic of rule(input)) findings.add(diagnostic.code);
          }
        }
      }
    }
    expect(claims).toBe(clpSegments);
    if (CLAIM_COUNTS[name] !== undefined) expect(claims).toBe(CLAIM_COUNTS[name]);
    expect([...findings].sort()).toEqual(KNOWN_BALANCE_FINDINGS[name] ?? []);

    // Write the models back and read them again: the same models. An amount that could not be read has
    // no cents to write: the writer refuses such a model with its coded error.
    if (unreadableAmounts) {
      expect(() => models.map(build835Body)).toThrow(
        expect.objectContaining({ code: 'X12-INVALID-ARGUMENT' }),
      );
    } else if (read.value.length === 1) {
      const rewritten = readX12(rewriteInterchange(read.value[0], models.map(build835Body)));
      const again = rewritten.value[0].groups.flatMap((group) =>
        group.transactions.map((tx) => read835(tx, rewritten.value[0].delimiters).value),
      );
      expect(again).toEqual(models);
    }
  });
});

/** AK2 responses and IK3 segment errors per 999 corpus file, counted by hand. */
const ACK_SHAPES: Record<string, { responses: number; segmentErrors: number; ak901: string }> = {
  'chsim__accept.999': { responses: 1, segmentErrors: 0, ak901: 'A' },
  'imsweb__x12_999_rejected.txt': { responses: 1, segmentErrors: 1, ak901: 'R' },
  'staedi__simple999.edi': { responses: 3, segmentErrors: 2, ak901: 'P' },
  'stupidedi__X231A1_pass_response-to-functional-group-containing-3-837s.edi': {
    responses: 3,
    segmentErrors: 2,
    ak901: 'P',
  },
};

describe('999 reader over the corpus', () => {
  it.each(files('999').map((file) => [file.name, file.text] as const))('%s', (name, text) => {
    const read = readX12(text);
    const acks: Acknowledgment999[] = [];
    for (const interchange of read.value) {
      for (const group of interchange.groups) {
        for (const tx of group.transactions) {
          const result = read999(tx, interchange.delimiters);
          expect(result.diagnostics).toEqual([]);
          acks.push(result.value);
        }
      }
    }
    expect(acks.length).toBeGreaterThan(0);
    const shape = ACK_SHAPES[name];
    if (shape) {
      const [ack] = acks;
      expect(ack.transactionSetResponses).toHaveLength(shape.responses);
      expect(ack.transactionSetResponses.flatMap((response) => response.segmentErrors)).toHaveLength(
        shape.segmentErrors,
      );
      expect(ack.groupResponse.acknowledgmentCode).toBe(shape.ak901);
    }
    if (read.value.length === 1) {
      const rewritten = readX12(rewriteInterchange(read.value[0], acks.map(build999Body)));
      const again = rewritten.value[0].groups.flatMap((group) =>
        group.transactions.map((tx) => read999(tx, rewritten.value[0].delimiters).value),
      );
      expect(again).toEqual(acks);
    }
  });
});
