import { readX12, visitX12 } from '../read';
import type { EnvelopeEvent } from './envelope-events';
import type { TransactionSegmentSink } from './envelope-assembler';
import { X12Error } from '../syntax/types';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~';
const GS = 'GS*HC*SENDER*RECEIVER*20260101*1200*1*X*005010X222A1~';
const TX = 'ST*837*0001*005010X222A1~BHT*0019~SE*3*0001~';
const VALID = `${ISA}${GS}${TX}GE*1*1~IEA*1*000000001~`;

function codes(input: string): string[] {
  return readX12(input).diagnostics.map((d) => d.code);
}

describe('envelope', () => {
  it('builds interchanges, groups and transaction sets', () => {
    const { value, diagnostics } = readX12(VALID);
    expect(diagnostics).toEqual([]);
    expect(value).toHaveLength(1);
    const [interchange] = value;
    expect(interchange).toMatchObject({
      controlNumber: '000000001',
      senderId: 'SENDER',
      receiverId: 'RECEIVER',
    });
    expect(interchange.trailer?.id).toBe('IEA');
    expect(interchange.groups[0]).toMatchObject({
      functionalIdentifier: 'HC',
      controlNumber: '1',
      version: '005010X222A1',
    });
    const tx = interchange.groups[0].transactions[0];
    expect(tx).toMatchObject({ id: '837', controlNumber: '0001', version: '005010X222A1', complete: true });
    expect(tx.segments.map((s) => s.id)).toEqual(['ST', 'BHT', 'SE']);
  });

  it('checks counts and control-number echoes', () => {
    const bad = `${ISA}${GS}ST*837*0001~BHT*0019~SE*9*0002~GE*2*9~IEA*3*000000002~`;
    const { diagnostics } = readX12(bad);
    expect(diagnostics.map((d) => [d.code, d.location.element])).toEqual([
      ['X12-ENV-SE01-COUNT', 'SE01'],
      ['X12-ENV-SE02-MISMATCH', 'SE02'],
      ['X12-ENV-GE01-COUNT', 'GE01'],
      ['X12-ENV-GE02-MISMATCH', 'GE02'],
      ['X12-ENV-IEA01-COUNT', 'IEA01'],
      ['X12-ENV-IEA02-MISMATCH', 'IEA02'],
    ]);
    expect(diagnostics[0].location).toMatchObject({
      interchangeControlNumber: '000000001',
      groupControlNumber: '1',
      transactionControlNumber: '0001',
      segmentId: 'SE',
      segmentPositionInTransaction: 3,
    });
    expect(diagnostics.every((d) => d.severity === 'error' && d.snip === 1)).toBe(true);
  });

  it.each([
    [
      'before SE',
      `${ISA}${GS}ST*837*0001~BHT*0019~`,
      ['X12-ENV-SE-MISSING', 'X12-ENV-GE-MISSING', 'X12-ENV-IEA-MISSING'],
    ],
    ['before GE', `${ISA}${GS}${TX}`, ['X12-ENV-GE-MISSING', 'X12-ENV-IEA-MISSING']],
    ['before IEA', `${ISA}${GS}${TX}GE*1*1~`, ['X12-ENV-IEA-MISSING']],
  ])('reports a file cut off %s as an error', (_name, input, expected) => {
    const { value, diagnostics } = readX12(input);
    expect(diagnostics.map((d) => d.code)).toEqual(expected);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(value[0].trailer).toBeUndefined();
  });

  it('marks a cut-off transaction set incomplete', () => {
    const { value } = readX12(`${ISA}${GS}ST*837*0001~BHT*0019~`);
    expect(value[0].groups[0].transactions[0]).toMatchObject({ complete: false });
  });

  it('checks ISA fields, naming elements but never values', () => {
    const isa = 'ISA*00**00**XX*SENDER*ZZ**2601*1200*^*00401*12345*2*X*:~';
    const { diagnostics } = readX12(
      `${isa}${GS.replace('005010X222A1', '005010X222A1')}${TX}GE*1*1~IEA*1*12345~`,
    );
    const found = diagnostics.map((d) => [d.code, d.location.element, d.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['X12-ENV-ISA-WIDTH', 'ISA02', 'warning'],
        ['X12-ENV-ISA-CODE', 'ISA05', 'error'],
        ['X12-ENV-ISA-REQUIRED', 'ISA08', 'error'],
        ['X12-ENV-ISA-DATE', 'ISA09', 'error'],
        ['X12-ENV-ISA12-VERSION', 'ISA12', 'warning'],
        ['X12-ENV-ISA13-FORMAT', 'ISA13', 'error'],
        ['X12-ENV-ISA-CODE', 'ISA14', 'error'],
        ['X12-ENV-ISA-CODE', 'ISA15', 'error'],
      ]),
    );
    for (const d of diagnostics) expect(d.message).not.toMatch(/SENDER|RECEIVER|2601/);
  });

  it('warns (only) when GS02/GS03 differ from ISA06/ISA08', () => {
    const { diagnostics } = readX12(VALID.replace('GS*HC*SENDER*RECEIVER', 'GS*HC*APP1*APP2'));
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['X12-ENV-GS-SENDER-MISMATCH', 'warning'],
      ['X12-ENV-GS-RECEIVER-MISMATCH', 'warning'],
    ]);
  });

  it('reports duplicate control numbers and misplaced segments', () => {
    const input = `${ISA}${GS}${TX}${TX}NTE*X~GE*2*1~${GS}GE*0*1~IEA*2*000000001~`;
    expect(codes(input)).toEqual([
      'X12-ENV-ST02-DUPLICATE',
      'X12-ENV-SEGMENT-OUTSIDE-TRANSACTION',
      'X12-ENV-GS06-DUPLICATE',
      'X12-ENV-GROUP-EMPTY',
    ]);
  });

  it('checks that a transaction set belongs in its GS01 group type', () => {
    const { diagnostics } = readX12(VALID.replace('ST*837*', 'ST*835*'));
    expect(diagnostics.map((d) => [d.code, d.location.element, d.severity])).toEqual([
      ['X12-ENV-GS01-MISMATCH', 'ST01', 'error'],
    ]);
  });

  it('skips a transaction set outside a group', () => {
    const input = `${ISA}${TX}IEA*0*000000001~`;
    const { value, diagnostics } = readX12(input);
    expect(diagnostics.map((d) => d.code)).toEqual(['X12-ENV-ST-OUTSIDE-GROUP']);
    expect(value[0].groups).toEqual([]);
  });

  it('keeps TA1 segments of an acknowledgment interchange', () => {
    const { value, diagnostics } = readX12(`${ISA}TA1*000000005*260101*1200*A*000~IEA*0*000000001~`);
    expect(diagnostics).toEqual([]);
    expect(value[0].ta1.map((s) => s.elements[0])).toEqual(['000000005']);
  });

  it('reports a missing IEA when a second ISA begins', () => {
    const { value, diagnostics } = readX12(`${ISA}${GS}${TX}GE*1*1~${VALID}`);
    expect(diagnostics.map((d) => d.code)).toEqual(['X12-ENV-IEA-MISSING']);
    expect(value).toHaveLength(2);
  });

  it('throws only for input without any ISA, or over the size limit', () => {
    expect(() => readX12('hello world')).toThrow(X12Error);
    expect(() => readX12('')).toThrow(expect.objectContaining({ code: 'X12-NOT-X12' }));
    expect(() => readX12(VALID, { maxBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'X12-TOO-LARGE' }),
    );
  });

  describe('a transaction sink', () => {
    /** Reads `input` with a sink that records what it is given: the header, then each segment after it. */
    function sinkRead(input: string) {
      const headers: string[] = [];
      const received: string[] = [];
      const events: EnvelopeEvent[] = [];
      const sink: TransactionSegmentSink = {
        segment: (view) => received.push([view.id, ...view.toElements()].join('*')),
      };
      visitX12(input, (event) => events.push(event), {
        transactionSink: ({ header }) => {
          headers.push([header.id, ...header.elements].join('*'));
          return sink;
        },
      });
      return { headers, received, events };
    }

    it('is given the ST as the header, then every segment after it through SE, and never the ST again', () => {
      const { headers, received, events } = sinkRead(VALID);
      expect(headers).toEqual(['ST*837*0001*005010X222A1']);
      expect(received).toEqual(['BHT*0019', 'SE*3*0001']);
      const transaction = events.find((event) => event.kind === 'transaction');
      // SE01 still counts the ST the sink did not receive; the set's segments went to the sink
      expect(events.filter((event) => event.kind === 'diagnostic')).toEqual([]);
      expect(transaction).toMatchObject({ transaction: { complete: true, segments: [] } });
    });

    it('gets nothing after a cut-off set, whose transaction event says it is incomplete', () => {
      const { received, events } = sinkRead(`${ISA}${GS}ST*837*0001*005010X222A1~BHT*0019~`);
      expect(received).toEqual(['BHT*0019']);
      expect(events.find((event) => event.kind === 'transaction')).toMatchObject({
        transaction: { complete: false },
      });
    });
  });
});
