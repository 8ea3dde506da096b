/**
 * Golden files in edi-samples/999: each NAME.x12 read with readX12 + read999 + the AK9 rules must give
 * NAME.expected.json; each valid one must write back to the same bytes.
 */
import { readX12, validateX12 } from '../../read';
import { writeInterchange } from '../../envelope/interchange-writer';
import { acknowledgeReadGroup } from './999.acknowledge';
import type { Interchange } from '../../envelope/types';
import type { Diagnostic } from '../../syntax/types';
import { goldenFiles, rewriteInterchange } from '../../../../test/support/x12-golden';
import type { Acknowledgment999 } from './999.model';
import { read999 } from './999.reader';
import { rules999 } from './999.rules';
import { build999Body } from './999.writer';
import { transactionOutcomes } from './999.outcomes';

interface Expected999 {
  diagnosticCodes: string[];
  transactions: Acknowledgment999[];
}

function readAll(text: string): {
  interchanges: Interchange[];
  acks: Acknowledgment999[];
  diagnostics: Diagnostic[];
} {
  const read = readX12(text);
  const diagnostics = [...read.diagnostics];
  const acks: Acknowledgment999[] = [];
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const result = read999(tx, interchange.delimiters, {
          interchangeControlNumber: interchange.controlNumber,
        });
        acks.push(result.value);
        diagnostics.push(...result.diagnostics);
        for (const rule of rules999) {
          diagnostics.push(
            ...rule({
              segments: tx.segments,
              delimiters: interchange.delimiters,
              location: {},
              loopOf: () => undefined,
            }),
          );
        }
      }
    }
  }
  return { interchanges: read.value, acks, diagnostics };
}

const golden = goldenFiles('999');
const VALID = [
  'accepted',
  'accepted-with-errors',
  'group-rejected',
  'partially-accepted',
  'ack-835-unbalanced-claim',
  'ack-835-truncated',
];

describe('999 golden files', () => {
  it('has the valid and malformed samples the suite relies on', () => {
    expect(golden.map((file) => file.name)).toEqual(
      expect.arrayContaining([...VALID, 'inconsistent-ak9', 'missing-ik5', 'truncated']),
    );
    for (const file of golden) expect(file.expected).toBeDefined();
  });

  it.each(golden.map((file) => [file.name, file] as const))(
    '%s reads as its expected JSON',
    (_name, file) => {
      const expected = file.expected as Expected999;
      const { acks, diagnostics } = readAll(file.text);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expected.diagnosticCodes);
      expect(JSON.parse(JSON.stringify(acks))).toEqual(expected.transactions);
    },
  );

  it.each(VALID)('%s round-trips byte for byte', (name) => {
    const file = golden.find((candidate) => candidate.name === name)!;
    const { interchanges, acks } = readAll(file.text);
    expect(rewriteInterchange(interchanges[0], acks.map(build999Body))).toBe(file.text);
  });
});

// Checked by hand against the files, independent of the JSON above.
describe('999 golden content, checked by hand', () => {
  const read = (name: string) => readAll(golden.find((file) => file.name === name)!.text);

  it('partially-accepted: AK1, three AK2 responses, IK3/IK4/CTX, AK9 P 3 3 1', () => {
    const [ack] = read('partially-accepted').acks;
    expect(ack.functionalGroup).toEqual({
      functionalIdentifier: 'HC',
      groupControlNumber: '1002',
      version: '005010X222A1',
    });
    expect(
      ack.transactionSetResponses.map((response) => [response.controlNumber, response.acknowledgmentCode]),
    ).toEqual([
      ['0001', 'A'],
      ['0002', 'R'],
      ['0003', 'R'],
    ]);
    const [claimError] = ack.transactionSetResponses[1].segmentErrors;
    expect(claimError).toMatchObject({ segmentId: 'CLM', position: '22', loopId: '2300', errorCode: '8' });
    expect(claimError.contexts).toEqual([{ name: 'CLM01', reference: 'PCN0002' }]);
    expect(claimError.elementErrors).toEqual([
      {
        position: { element: '5', component: '3' },
        elementReference: '1325',
        errorCode: '7',
        badElementCopy: '9',
        contexts: [],
      },
    ]);
    const [refError] = ack.transactionSetResponses[2].segmentErrors;
    expect(refError.errorCode).toBe('I6');
    expect(refError.contexts[0]).toEqual({
      name: 'SITUATIONAL TRIGGER',
      segmentId: 'CLM',
      segmentPosition: '38',
      loopId: '2300',
      elementPosition: { element: '5', component: '3' },
      elementReference: '1325',
    });
    expect(ack.transactionSetResponses[1].syntaxErrorCodes).toEqual(['5']);
    expect(ack.groupResponse).toEqual({
      acknowledgmentCode: 'P',
      transactionSetsIncluded: '3',
      transactionSetsReceived: '3',
      transactionSetsAccepted: '1',
      syntaxErrorCodes: [],
    });
  });

  it('group-rejected: IK5 R with a segment-count code, AK905 5', () => {
    const [ack] = read('group-rejected').acks;
    expect(ack.transactionSetResponses[0].syntaxErrorCodes).toEqual(['4']);
    expect(ack.transactionSetResponses[1].segmentErrors.map((error) => error.elementErrors.length)).toEqual([
      1, 2,
    ]);
    expect(ack.groupResponse.syntaxErrorCodes).toEqual(['5']);
  });

  it('diagnostics never quote values, including the IK404 bad element copy', () => {
    for (const file of golden) {
      for (const diagnostic of read(file.name).diagnostics) {
        for (const secret of ['PCN0', '1325', 'SITUATIONAL'])
          expect(diagnostic.message).not.toContain(secret);
      }
    }
  });
});

describe('999 outcomes for reconciliation', () => {
  it('flattens partially-accepted by AK102/AK202', () => {
    const file = golden.find((candidate) => candidate.name === 'partially-accepted')!;
    const [ack] = readAll(file.text).acks;
    expect(transactionOutcomes(ack)).toEqual([
      {
        groupControlNumber: '1002',
        transactionSetId: '837',
        transactionControlNumber: '0001',
        accepted: true,
        acknowledgmentCode: 'A',
        errors: [],
      },
      {
        groupControlNumber: '1002',
        transactionSetId: '837',
        transactionControlNumber: '0002',
        accepted: false,
        acknowledgmentCode: 'R',
        errors: [{ segmentId: 'CLM', position: '22', segmentErrorCode: '8', elementErrorCodes: ['7'] }],
      },
      {
        groupControlNumber: '1002',
        transactionSetId: '837',
        transactionControlNumber: '0003',
        accepted: false,
        acknowledgmentCode: 'R',
        errors: [{ segmentId: 'REF', position: '41', segmentErrorCode: 'I6', elementErrorCodes: [] }],
      },
    ]);
  });
});

describe('999 built by the gateway for received 835 golden files', () => {
  it.each([
    ['unbalanced-claim', 301],
    ['truncated', 302],
  ] as const)('acknowledging 835/%s gives edi-samples/999/ack-835-%s.x12', (name, control) => {
    const received = goldenFiles('835').find((file) => file.name === name)!;
    const validated = validateX12(received.text);
    const interchange = validated.value[0];
    const ack = acknowledgeReadGroup(
      interchange.groups[0],
      validated.diagnostics,
      '0001',
      interchange.controlNumber,
    );
    const text = writeInterchange(
      {
        header: {
          senderQualifier: 'ZZ',
          senderId: 'GATEWAYTEST',
          receiverQualifier: 'ZZ',
          receiverId: 'PAYERSIM',
          date: '260106',
          time: '1000',
          controlNumber: control,
          acknowledgmentRequested: false,
          usageIndicator: 'T',
        },
        groups: [
          {
            header: {
              functionalIdentifier: 'FA',
              applicationSender: 'GATEWAYTEST',
              applicationReceiver: 'PAYERSIM',
              date: '20260106',
              time: '1000',
              controlNumber: control,
              version: '005010X231A1',
            },
            transactions: [
              { id: '999', controlNumber: '0001', version: '005010X231A1', body: build999Body(ack) },
            ],
          },
        ],
      },
      { lineBreak: true },
    );
    expect(text).toBe(golden.find((file) => file.name === `ack-835-${name}`)!.text);
  });

  it('says by hand what each acknowledgment holds', () => {
    const [unbalanced] = readAll(golden.find((file) => file.name === 'ack-835-unbalanced-claim')!.text).acks;
    // CLP04 balance error: IK3 CLP at position 17 in loop 2100, IK4 element 4, implementation pattern failure
    expect(unbalanced.transactionSetResponses[0].segmentErrors).toEqual([
      {
        segmentId: 'CLP',
        position: '17',
        loopId: '2100',
        errorCode: '8',
        contexts: [],
        elementErrors: [{ position: { element: '4' }, errorCode: 'I12', contexts: [] }],
      },
    ]);
    const [truncated] = readAll(golden.find((file) => file.name === 'ack-835-truncated')!.text).acks;
    // SE missing: IK502 2 (trailer missing); GE missing: AK905 3 (group trailer missing)
    expect(truncated.transactionSetResponses[0].syntaxErrorCodes).toEqual(['2']);
    expect(truncated.groupResponse.syntaxErrorCodes).toEqual(['3']);
  });
});
