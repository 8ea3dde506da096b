import { readX12 } from '../../read';
import { readTa1 } from './ta1.reader';
import { replyHeader, ta1ForInterchange, writeTa1Interchange } from './ta1.writer';

const ISA =
  'ISA*00*          *00*          *ZZ*CLINIC         *ZZ*CLEARINGHOUSE  *260101*1200*^*00501*000000321*1*P*:~';
const GS = 'GS*HC*CLINIC*CLEARINGHOUSE*20260101*1200*1*X*005010X222A1~';

function answer(input: string) {
  const read = readX12(input);
  return ta1ForInterchange(read.value[0], read.diagnostics);
}

describe('TA1', () => {
  it('accepts a clean interchange with note 000', () => {
    expect(answer(`${ISA}${GS}ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000321~`)).toEqual({
      controlNumber: '000000321',
      date: '260101',
      time: '1200',
      acknowledgmentCode: 'A',
      noteCode: '000',
      noteDescription: 'No error',
    });
  });

  it.each([
    ['IEA02 mismatch', `${ISA}${GS}ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000322~`, '001'],
    ['IEA01 count', `${ISA}${GS}ST*837*0001~SE*2*0001~GE*1*1~IEA*2*000000321~`, '021'],
    ['cut off', `${ISA}${GS}ST*837*0001~`, '023'],
    ['bad ISA15', `${ISA.replace('*1*P*', '*1*X*')}IEA*0*000000321~`, '020'],
    ['version', `${ISA.replace('00501', '00401')}IEA*0*000000321~`, '000'],
  ])('%s gives note %s', (_name, input, note) => {
    const ta1 = answer(input);
    expect(ta1.noteCode).toBe(note);
    expect(ta1.acknowledgmentCode).toBe(note === '000' ? 'A' : 'R');
  });

  it('writes a TA1 interchange that reads back into the same TA1', () => {
    const received = readX12(`${ISA}${GS}ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000322~`);
    const ta1 = ta1ForInterchange(received.value[0], received.diagnostics);
    const header = replyHeader(received.value[0], { date: '260101', time: '1201', controlNumber: 900 });
    const text = writeTa1Interchange([ta1], header);
    expect(text).toContain('TA1*000000321*260101*1200*R*001~IEA*0*000000900~');
    const back = readX12(text);
    expect(back.diagnostics).toEqual([]);
    expect(back.value[0]).toMatchObject({ senderId: 'CLEARINGHOUSE', receiverId: 'CLINIC' });
    expect(readTa1(back.value[0])).toEqual({ value: [ta1], diagnostics: [] });
  });

  it('reports unknown TA104/TA105 codes', () => {
    const read = readX12(`${ISA}TA1*000000001*260101*1200*Q*999~IEA*0*000000321~`);
    expect(readTa1(read.value[0]).diagnostics.map((d) => d.location.element)).toEqual(['TA104', 'TA105']);
  });
});
