import { readX12 } from '../read';
import { writeInterchange, type InterchangeInput } from './interchange-writer';
import { writeSegment } from '../syntax/segment-writer';
import { X12Error } from '../syntax/types';

const input: InterchangeInput = {
  header: {
    senderQualifier: 'ZZ',
    senderId: 'SENDER',
    receiverQualifier: 'ZZ',
    receiverId: 'RECEIVER',
    date: '260102',
    time: '0930',
    controlNumber: 123,
    acknowledgmentRequested: true,
    usageIndicator: 'T',
  },
  groups: [
    {
      header: {
        functionalIdentifier: 'HC',
        applicationSender: 'SENDER',
        applicationReceiver: 'RECEIVER',
        date: '20260102',
        time: '0930',
        controlNumber: 45,
        version: '005010X222A1',
      },
      transactions: [
        {
          id: '837',
          controlNumber: 1,
          version: '005010X222A1',
          body: [{ id: 'BHT', elements: ['0019', '00'] }],
        },
        {
          id: '837',
          controlNumber: '000000002',
          version: '005010X222A1',
          body: [
            { id: 'CLM', elements: ['A1', '10', undefined, undefined, ['11', 'B', '1'], '', ''] },
            { id: 'NTE', elements: ['ADD', 'X'] },
          ],
        },
      ],
    },
  ],
};

describe('writeInterchange', () => {
  it('pads the ISA, counts SE01/GE01/IEA01 and reads back without diagnostics', () => {
    const text = writeInterchange(input);
    expect(text.indexOf('GS*')).toBe(106);
    expect(text).toContain('*000000123*1*T*:~');
    expect(text).toContain('ST*837*0001*005010X222A1~BHT*0019*00~SE*3*0001~');
    expect(text).toContain('CLM*A1*10***11:B:1~');
    expect(text).toContain('SE*4*000000002~GE*2*45~IEA*1*000000123~');
    const { value, diagnostics } = readX12(text);
    expect(diagnostics).toEqual([]);
    expect(value[0].groups[0].transactions).toHaveLength(2);
  });

  it('writes line breaks and other delimiters when asked', () => {
    const text = writeInterchange(input, {
      lineBreak: '\r\n',
      delimiters: { element: '|', repetition: '^', component: '}', segment: '\x1d' },
    });
    expect(text.split('\x1d\r\n')).toHaveLength(12); // 11 segments, then ''
    expect(readX12(text).diagnostics).toEqual([]);
  });

  it('refuses values containing delimiters and bad control numbers, without echoing values', () => {
    expect(() => writeSegment({ id: 'NM1', elements: ['IL', 'SMITH~JOHN'] })).toThrow(X12Error);
    try {
      writeSegment({ id: 'NM1', elements: ['IL', 'SMITH*JOHN'] });
    } catch (error) {
      expect((error as X12Error).message).toBe('NM102 contains a delimiter character and cannot be written.');
    }
    expect(() => writeInterchange({ ...input, header: { ...input.header, controlNumber: 0 } })).toThrow(
      X12Error,
    );
    expect(() =>
      writeInterchange({ ...input, header: { ...input.header, controlNumber: '1234567890' } }),
    ).toThrow(X12Error);
    expect(() =>
      writeInterchange({ ...input, header: { ...input.header, senderId: 'X'.repeat(16) } }),
    ).toThrow(X12Error);
  });
});
