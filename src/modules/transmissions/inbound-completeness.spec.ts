import { isCompleteInterchange } from './inbound-completeness';

const ISA =
  'ISA*00*          *00*          *ZZ*PAYER          *ZZ*GATEWAY        *261128*1200*^*00501*000000905*0*T*:~';
const BODY =
  'GS*FA*PAYER*GATEWAY*20261128*1200*905*X*005010X231A1~ST*999*0001*005010X231A1~SE*2*0001~GE*1*905~';
const IEA = 'IEA*1*000000905~';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('isCompleteInterchange', () => {
  it('accepts an interchange ending with IEA', () => {
    expect(ISA.length).toBe(106);
    expect(isCompleteInterchange(bytes(ISA + BODY + IEA))).toBe(true);
  });

  it('ignores trailing spaces, CR LF and line feeds after the IEA', () => {
    expect(isCompleteInterchange(bytes(ISA + BODY + IEA + '\r\n'))).toBe(true);
    expect(isCompleteInterchange(bytes(ISA + BODY + IEA + '\n\n  \t'))).toBe(true);
  });

  it('accepts segments separated by line breaks after each terminator', () => {
    const text = (ISA + BODY + IEA).replace(/~/g, '~\r\n');
    expect(isCompleteInterchange(bytes(text))).toBe(true);
  });

  it('accepts a line feed as the segment terminator', () => {
    const text = (ISA + BODY + IEA).replace(/~/g, '\n');
    expect(isCompleteInterchange(bytes(text))).toBe(true);
    expect(isCompleteInterchange(bytes(text + '\n\r\n'))).toBe(true);
    expect(isCompleteInterchange(bytes(text.slice(0, -1)))).toBe(false); // IEA without its terminator
  });

  it('uses the delimiters the ISA declares', () => {
    const text = (ISA + BODY + IEA).replace(/\*/g, '|').replace(/~/g, '\u0085');
    expect(isCompleteInterchange(bytes(text))).toBe(true);
  });

  it('finds the terminator by counting elements when the ISA is padded short', () => {
    const short = 'ISA*00**00**ZZ*PAYER*ZZ*GATEWAY*261128*1200*^*00501*000000905*0*T*:~';
    expect(isCompleteInterchange(bytes(short + BODY + IEA))).toBe(true);
  });

  it('accepts several interchanges when the last one is closed', () => {
    const one = ISA + BODY + IEA;
    expect(isCompleteInterchange(bytes(one + one))).toBe(true);
    expect(isCompleteInterchange(bytes(one + ISA + BODY))).toBe(false);
  });

  it('rejects a file truncated before IEA, inside IEA, or without its terminator', () => {
    expect(isCompleteInterchange(bytes(ISA + BODY))).toBe(false);
    expect(isCompleteInterchange(bytes(ISA + BODY + 'IEA*1*0000'))).toBe(false);
    expect(isCompleteInterchange(bytes(ISA + BODY + 'IEA*1*000000905'))).toBe(false);
    expect(isCompleteInterchange(bytes(ISA + BODY + 'IEA*1~'))).toBe(false);
    expect(isCompleteInterchange(bytes(ISA.slice(0, 50)))).toBe(false);
  });

  it('rejects empty input, whitespace and files that are not X12', () => {
    expect(isCompleteInterchange(new Uint8Array())).toBe(false);
    expect(isCompleteInterchange(bytes('  \r\n'))).toBe(false);
    expect(isCompleteInterchange(bytes('hello IEA*1*000000905~'))).toBe(false);
    expect(isCompleteInterchange(bytes('%PDF-1.7 ...'))).toBe(false);
  });

  it('rejects a segment that merely ends in IEA-like text', () => {
    expect(isCompleteInterchange(bytes(ISA + BODY + 'NTE*IEA*1*000000905~'))).toBe(false);
  });

  it('works on a subarray view of a larger buffer', () => {
    const whole = bytes('xxxx' + ISA + BODY + IEA + 'yyyy');
    expect(isCompleteInterchange(whole.subarray(4, whole.length - 4))).toBe(true);
  });

  it('stays linear on a large hostile input', () => {
    const hostile = bytes(ISA + '~'.repeat(2_000_000));
    const started = Date.now();
    expect(isCompleteInterchange(hostile)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
