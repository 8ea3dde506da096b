import { validateX12 } from '../../read';
import { writeInterchange } from '../../envelope/interchange-writer';
import { readX12 } from '../../read';
import type { Diagnostic } from '../../syntax/types';
import { acknowledgeGroup, acknowledgeReadGroup } from './999.acknowledge';
import { read999 } from './999.reader';
import { build999Body } from './999.writer';
import { ak9Consistency999 } from './999.rules';

const GROUP = {
  functionalIdentifier: 'HC',
  controlNumber: '1001',
  version: '005010X222A1',
  trailer: undefined,
};
const TX = (controlNumber: string) => ({ id: '837', controlNumber, version: '005010X222A1' });

function error(code: string, location: Diagnostic['location']): Diagnostic {
  return { severity: 'error', code, message: 'test', location };
}

describe('999 from engine diagnostics', () => {
  it('accepts a clean group: IK5 A, AK9 A', () => {
    const ack = acknowledgeGroup({
      group: GROUP,
      transactionControlNumber: '0001',
      transactions: [{ transaction: TX('0001'), diagnostics: [] }],
    });
    expect(
      build999Body(ack).map((segment) => [segment.id, ...segment.elements.filter((e) => e !== undefined)]),
    ).toEqual([
      ['AK1', 'HC', '1001', '005010X222A1'],
      ['AK2', '837', '0001', '005010X222A1'],
      ['IK5', 'A'],
      ['AK9', 'A', '1', '1', '1'],
    ]);
  });

  it('maps element and segment diagnostics to IK3/IK4 codes, one IK3 per segment', () => {
    const ack = acknowledgeGroup({
      group: GROUP,
      transactionControlNumber: '0001',
      transactions: [
        { transaction: TX('0001'), diagnostics: [] },
        {
          transaction: TX('0002'),
          diagnostics: [
            error('X12-IG-ELEMENT-CODE', {
              segmentId: 'CLM',
              segmentPositionInTransaction: 22,
              loopId: '2300',
              element: 'CLM05-3',
            }),
            error('X12-IG-ELEMENT-TOO-LONG', {
              segmentId: 'CLM',
              segmentPositionInTransaction: 22,
              loopId: '2300',
              element: 'CLM01',
            }),
            error('X12-IG-SEGMENT-MISSING', {
              segmentId: 'NM1',
              segmentPositionInTransaction: 9,
              loopId: '2010BA',
            }),
            error('X12-837-CLM02-BALANCE', {
              segmentId: 'CLM',
              segmentPositionInTransaction: 22,
              loopId: '2300',
              element: 'CLM02',
            }),
            {
              severity: 'warning',
              code: 'X12-IG-ELEMENT-CODE',
              message: 'w',
              location: { segmentId: 'DTP', segmentPositionInTransaction: 30, element: 'DTP01' },
            },
          ],
        },
        {
          transaction: TX('0003'),
          diagnostics: [error('X12-ENV-SE01-COUNT', { segmentId: 'SE', element: 'SE01' })],
        },
      ],
    });
    const [accepted, rejected, badCount] = ack.transactionSetResponses;
    expect(accepted.acknowledgmentCode).toBe('A');
    expect(rejected.acknowledgmentCode).toBe('R');
    expect(rejected.syntaxErrorCodes).toEqual(['5']);
    expect(rejected.segmentErrors).toEqual([
      { segmentId: 'NM1', position: '9', loopId: '2010', errorCode: '3', contexts: [], elementErrors: [] },
      {
        segmentId: 'CLM',
        position: '22',
        loopId: '2300',
        errorCode: '8',
        contexts: [],
        elementErrors: [
          { position: { element: '5', component: '3' }, errorCode: '7', contexts: [] },
          { position: { element: '1' }, errorCode: '5', contexts: [] },
          { position: { element: '2' }, errorCode: 'I12', contexts: [] },
        ],
      },
    ]);
    expect(badCount).toMatchObject({ acknowledgmentCode: 'R', syntaxErrorCodes: ['4'], segmentErrors: [] });
    expect(ack.groupResponse).toEqual({
      acknowledgmentCode: 'P',
      transactionSetsIncluded: '3',
      transactionSetsReceived: '3',
      transactionSetsAccepted: '1',
      syntaxErrorCodes: [],
    });
  });

  it('rejects the group on a group-level envelope error (AK905)', () => {
    const ack = acknowledgeGroup({
      group: GROUP,
      transactionControlNumber: '0001',
      transactions: [{ transaction: TX('0001'), diagnostics: [] }],
      groupDiagnostics: [error('X12-ENV-GE01-COUNT', { segmentId: 'GE', element: 'GE01' })],
    });
    expect(ack.groupResponse).toMatchObject({ acknowledgmentCode: 'R', syntaxErrorCodes: ['5'] });
  });

  it('round-trips a built 999 through writeInterchange and read999, and passes its own guide', () => {
    const received = [
      'ISA*00*          *00*          *ZZ*GATEWAYTEST    *ZZ*PAYERSIM       *260106*0900*^*00501*000000042*1*T*:~',
      'GS*HC*GATEWAYTEST*PAYERSIM*20260106*0900*42*X*005010X222A1~',
      'ST*837*0001*005010X222A1~',
      'BHT*0019*00*BATCH1*20260106*0900*CH~',
      'SE*3*0001~',
      'GE*1*42~',
      'IEA*1*000000042~',
    ].join('');
    const validated = validateX12(received);
    const interchange = validated.value[0];
    const ack = acknowledgeReadGroup(
      interchange.groups[0],
      validated.diagnostics,
      '0001',
      interchange.controlNumber,
    );
    expect(ack.transactionSetResponses[0].acknowledgmentCode).toBe('R');
    expect(ack.groupResponse.acknowledgmentCode).toBe('R');
    const text = writeInterchange({
      header: {
        senderQualifier: 'ZZ',
        senderId: 'PAYERSIM',
        receiverQualifier: 'ZZ',
        receiverId: 'GATEWAYTEST',
        date: '260106',
        time: '0905',
        controlNumber: 7,
        acknowledgmentRequested: false,
        usageIndicator: 'T',
      },
      groups: [
        {
          header: {
            functionalIdentifier: 'FA',
            applicationSender: 'PAYERSIM',
            applicationReceiver: 'GATEWAYTEST',
            date: '20260106',
            time: '0905',
            controlNumber: 7,
            version: '005010X231A1',
          },
          transactions: [
            { id: '999', controlNumber: '0001', version: '005010X231A1', body: build999Body(ack) },
          ],
        },
      ],
    });
    const reread = readX12(text);
    const tx = reread.value[0].groups[0].transactions[0];
    expect(read999(tx, reread.value[0].delimiters)).toEqual({ value: ack, diagnostics: [] });
    expect(validateX12(text).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });
});

describe('999 business unit context', () => {
  it('adds CTX*CLM01 for an IK3 inside an 837 claim, and none outside claims', () => {
    const received = [
      'ISA*00*          *00*          *ZZ*GATEWAYTEST    *ZZ*PAYERSIM       *260106*0900*^*00501*000000042*1*T*:~',
      'GS*HC*GATEWAYTEST*PAYERSIM*20260106*0900*42*X*005010X222A1~',
      'ST*837*0001*005010X222A1~',
      'HL*1**20*1~',
      'HL*2*1*22*0~',
      'CLM*PCN0042*100***11:B:9*Y*A*Y*Y~',
      'DTP*431*D8*20261301~',
      'SE*6*0001~',
      'GE*1*42~',
      'IEA*1*000000042~',
    ].join('');
    const read = readX12(received);
    const group = read.value[0].groups[0];
    const ack = acknowledgeGroup({
      group,
      transactionControlNumber: '0001',
      transactions: [
        {
          transaction: group.transactions[0],
          diagnostics: [
            error('X12-IG-ELEMENT-CODE', {
              segmentId: 'CLM',
              segmentPositionInTransaction: 4,
              loopId: '2300',
              element: 'CLM05-3',
            }),
            error('X12-IG-ELEMENT-DATE', {
              segmentId: 'DTP',
              segmentPositionInTransaction: 5,
              loopId: '2300',
              element: 'DTP03',
            }),
            error('X12-IG-SEGMENT-MISSING', {
              segmentId: 'NM1',
              segmentPositionInTransaction: 3,
              loopId: '2010BA',
            }),
          ],
        },
      ],
    });
    expect(ack.transactionSetResponses[0].segmentErrors.map((e) => [e.segmentId, e.contexts])).toEqual([
      ['NM1', []],
      ['CLM', [{ name: 'CLM01', reference: 'PCN0042' }]],
      ['DTP', [{ name: 'CLM01', reference: 'PCN0042' }]],
    ]);
  });
});

describe('999 AK9 consistency rule', () => {
  const input = (ak9: string) => {
    const text = `ISA*00*          *00*          *ZZ*A              *ZZ*B              *260106*0900*^*00501*000000001*0*T*:~GS*FA*A*B*20260106*0900*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~${ak9}~SE*4*0001~GE*1*1~IEA*1*000000001~`;
    const read = readX12(text);
    return {
      segments: read.value[0].groups[0].transactions[0].segments,
      delimiters: read.value[0].delimiters,
      location: {},
      loopOf: () => undefined,
    };
  };
  it.each([
    ['AK9*A*2*2*2', []],
    ['AK9*E*2*2*2', []],
    ['AK9*P*2*2*1', []],
    ['AK9*R*2*2*0', []],
    ['AK9*R*2*2*2*5', []],
    ['AK9*A*2*2*1', ['X12-999-AK9-CODE']],
    ['AK9*R*2*2*1', ['X12-999-AK9-CODE']],
    ['AK9*P*2*2*2', ['X12-999-AK9-CODE']],
    ['AK9*A*2*1*2', ['X12-999-AK9-COUNT']],
    ['AK9*A*2*X*2', ['X12-999-AK9-COUNT']],
  ])('%s', (ak9, codes) => {
    expect(ak9Consistency999(input(ak9)).map((diagnostic) => diagnostic.code)).toEqual(codes);
  });
});
