/**
 * Property tests: the 835 and 999 readers, the 835 balancing rules, the 999 rules and the 999 builder
 * never throw, whatever a mutated or truncated golden file holds. readX12 may throw only its own coded
 * X12Error (for input that lost its ISA).
 */
import fc from 'fast-check';
import { readX12 } from '../../read';
import { X12Error, type Result } from '../../syntax/types';
import { acknowledgeReadGroup } from '../999-005010x231a1/999.acknowledge';
import { read999 } from '../999-005010x231a1/999.reader';
import { rules999 } from '../999-005010x231a1/999.rules';
import { build999Body } from '../999-005010x231a1/999.writer';
import { read835 } from './835.reader';
import { rules835 } from './835.rules';
import { build835Body } from './835.writer';
import type { Remittance835 } from './835.model';
import { goldenFiles } from '../../../../test/support/x12-golden';

const SOURCES = [...goldenFiles('835'), ...goldenFiles('999')].map((file) => file.text);
const ALPHABET = [
  '*',
  ':',
  '^',
  '~',
  '\n',
  '-',
  '.',
  '0',
  '9',
  'A',
  'CLP',
  'SVC',
  'CAS',
  'PLB',
  'IK3',
  'IK4',
  'AK2',
  '',
];

type Mutation = {
  kind: 'delete' | 'insert' | 'replace' | 'truncate';
  at: number;
  text: string;
  length: number;
};

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'replace', 'truncate'),
  at: fc.nat(),
  text: fc.constantFrom(...ALPHABET),
  length: fc.integer({ min: 1, max: 40 }),
});

function mutate(source: string, mutations: Mutation[]): string {
  let text = source;
  for (const step of mutations) {
    const at = text.length === 0 ? 0 : step.at % text.length;
    if (step.kind === 'delete') text = text.slice(0, at) + text.slice(at + step.length);
    else if (step.kind === 'insert') text = text.slice(0, at) + step.text + text.slice(at);
    else if (step.kind === 'replace') text = text.slice(0, at) + step.text + text.slice(at + step.length);
    else text = text.slice(0, Math.max(at, 1));
  }
  return text;
}

/**
 * Write the remittance back. A read with errors may leave an amount without cents (unreadable, or its
 * segment missing): the writer then refuses with its coded error, and only then.
 */
function writeUnlessReadFailed(remittance: Result<Remittance835>): void {
  try {
    build835Body(remittance.value);
  } catch (error) {
    const readFailed = remittance.diagnostics.some((d) => d.severity === 'error');
    if (error instanceof X12Error && error.code === 'X12-INVALID-ARGUMENT' && readFailed) return;
    throw error;
  }
}

function exercise(text: string): void {
  let read;
  try {
    read = readX12(text);
  } catch (error) {
    if (error instanceof X12Error) return;
    throw error;
  }
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const input = {
          segments: tx.segments,
          delimiters: interchange.delimiters,
          location: {},
          loopOf: () => undefined,
        };
        const remittance = read835(tx, interchange.delimiters);
        for (const rule of rules835) rule(input);
        const ack = read999(tx, interchange.delimiters).value;
        for (const rule of rules999) rule(input);
        writeUnlessReadFailed(remittance);
        build999Body(ack);
      }
      build999Body(acknowledgeReadGroup(group, read.diagnostics, '0001'));
    }
  }
}

describe('835 and 999 readers under mutation', () => {
  it('never throw on mutated or truncated golden files', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SOURCES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          exercise(mutate(SOURCES[index], mutations));
        },
      ),
      { numRuns: 2000, seed: 835999 },
    );
  });

  it('report every truncation of a golden 835 or 999 inside a transaction set', () => {
    for (const source of SOURCES) {
      const bodyStart = source.indexOf('~', source.indexOf('\nST*')) + 1;
      const seStart = source.indexOf('\nSE*');
      for (let cut = bodyStart + 1; cut < seStart; cut += 7) {
        const read = readX12(source.slice(0, cut));
        const tx = read.value[0].groups[0].transactions[0];
        const delimiters = read.value[0].delimiters;
        const codes =
          tx.id === '835' ? read835(tx, delimiters).diagnostics : read999(tx, delimiters).diagnostics;
        expect(codes.map((diagnostic) => diagnostic.code)).toContain(
          tx.id === '835' ? 'X12-835-INCOMPLETE' : 'X12-999-INCOMPLETE',
        );
      }
    }
  });
});
