import fc from 'fast-check';
import { tokenize } from './tokenize';
import { ElementStrings } from './element-strings';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~';

function ids(input: string | Uint8Array): string[] {
  return tokenize(input).value.segments.map((segment) => segment.id);
}

describe('SegmentScanner', () => {
  it('takes delimiters from the ISA and keeps positions', () => {
    const input = `${ISA}GS*HC*A*B*20260101*1200*1*X*005010X222A1~ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000001~`;
    const { value, diagnostics } = tokenize(input);
    expect(diagnostics).toEqual([]);
    expect(value.delimiters[0]).toEqual({ element: '*', repetition: '^', component: ':', segment: '~' });
    expect(value.segments.map((s) => [s.id, s.index, s.byteOffset])).toEqual(
      ['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA'].map((id, index) => [id, index, input.indexOf(`${id}*`)]),
    );
    expect(value.segments[1].byteOffset).toBe(106);
    expect(value.segments[1].elements).toEqual([
      'HC',
      'A',
      'B',
      '20260101',
      '1200',
      '1',
      'X',
      '005010X222A1',
    ]);
  });

  it('accepts BOM, leading whitespace, CRLF and LF after terminators', () => {
    const body = ['GS*HC*A*B*20260101*1200*1*X*005010X222A1~', 'GE*0*1~', 'IEA*1*000000001~'];
    const input = `\ufeff \r\n${ISA}\r\n${body.join('\r\n')}\n`;
    const { value, diagnostics } = tokenize(input);
    expect(diagnostics).toEqual([]);
    expect(value.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'GE', 'IEA']);
    expect(value.segments[0].byteOffset).toBe(6);
  });

  it('accepts newline as the segment terminator and pipe/caret/brace styles', () => {
    const pipe = ISA.replace(/\*/g, '|').replace(':~', '}\n').replace('|^|', '|^|');
    expect(ids(`${pipe}GS|HC|A|B|20260101|1200|1|X|005010X222A1\nGE|0|1\nIEA|1|000000001\n`)).toEqual([
      'ISA',
      'GS',
      'GE',
      'IEA',
    ]);
    const { value } = tokenize(`${pipe}IEA|0|000000001\n`);
    expect(value.delimiters[0]).toEqual({ element: '|', repetition: '^', component: '}', segment: '\n' });
  });

  it('accepts a control character as terminator', () => {
    const input = `${ISA.replace(':~', ':\x1d')}IEA*0*000000001\x1d`;
    expect(ids(input)).toEqual(['ISA', 'IEA']);
  });

  it('finds ISA16 by counting separators when ISA fields are padded short', () => {
    const short = 'ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*260101*1200*U*00401*1*0*P*>~IEA*0*1~';
    const { value, diagnostics } = tokenize(short);
    expect(diagnostics).toEqual([]);
    expect(value.delimiters[0]).toEqual({ element: '*', repetition: null, component: '>', segment: '~' });
    expect(value.segments.map((s) => s.id)).toEqual(['ISA', 'IEA']);
  });

  it('reads several interchanges, each with its own delimiters', () => {
    const second = ISA.replace(/\*/g, '|').replace(':~', '}\x1d');
    const input = `${ISA}IEA*0*000000001~\n${second}IEA|0|000000001\x1d`;
    const { value } = tokenize(input);
    expect(value.segments.map((s) => s.id)).toEqual(['ISA', 'IEA', 'ISA', 'IEA']);
    expect(value.delimiters[3].element).toBe('|');
    expect(value.segments[3].elements).toEqual(['0', '000000001']);
  });

  it('reports text outside interchanges, empty segments, bad ids and an unterminated end', () => {
    const input = `junk${ISA}~gs*1~IEA*0*000000001`;
    const { value, diagnostics } = tokenize(input);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'X12-SYN-TEXT-OUTSIDE-INTERCHANGE',
      'X12-SYN-EMPTY-SEGMENT',
      'X12-SYN-SEGMENT-ID',
      'X12-SYN-UNTERMINATED-SEGMENT',
    ]);
    expect(diagnostics[0].location.byteOffset).toBe(0);
    expect(value.segments.map((s) => s.id)).toEqual(['ISA', 'gs', 'IEA']);
  });

  it('reports a malformed ISA without throwing', () => {
    const { value, diagnostics } = tokenize('ISA*00*too short~');
    expect(value.segments).toEqual([]);
    expect(value.isaCount).toBe(1);
    expect(diagnostics[0].code).toBe('X12-SYN-ISA-MALFORMED');
  });

  it('reads bytes, decoding multi-byte characters within a segment', () => {
    const input = Buffer.from(`${ISA}NM1*IL*1*MÜLLER~IEA*0*000000001~`, 'utf8');
    const { value } = tokenize(input);
    expect(value.segments[1].elements[2]).toBe('MÜLLER');
    expect(value.segments[2].byteOffset).toBe(106 + 'NM1*IL*1*MÜLLER~'.length + 1);
  });

  it('skips an over-long segment with a diagnostic', () => {
    const { value, diagnostics } = tokenize(`${ISA}NTE*${'x'.repeat(50)}~IEA*0*000000001~`, {
      maxSegmentBytes: 20,
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['X12-SYN-SEGMENT-TOO-LONG']);
    expect(value.segments.map((s) => s.id)).toEqual(['ISA', 'IEA']);
  });

  it('gives every segment the elements a plain split gives, repeated short values included', () => {
    // A small alphabet makes short values repeat and collide in the read's shared strings.
    const value = fc.stringMatching(/^[A-C0-9.]{0,16}$/);
    const segment = fc.tuple(fc.constantFrom('NM1', 'CAS', 'AB'), fc.array(value, { maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 60 }), (segments) => {
        const body = segments.map(([id, elements]) => [id, ...elements].join('*'));
        const { value: read, diagnostics } = tokenize(`${ISA}${body.join('~')}~IEA*0*000000001~`);
        expect(diagnostics).toEqual([]);
        const bodyRead = read.segments.slice(1, -1);
        expect(bodyRead.map((s) => [s.id, s.elements])).toEqual(
          segments.map(([id, elements]) => [id, elements.length === 0 ? [] : elements]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('ElementStrings', () => {
  it('returns exactly text.slice for every range, though equal-hash values meet in one slot', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[AB12*.:]{20,120}$/), (text) => {
        const strings = new ElementStrings();
        // Every range up to 14 characters: values of one length that differ only away from their first,
        // middle and last character share a slot, and must not be taken for each other.
        for (let start = 0; start < text.length; start++) {
          for (let end = start; end <= Math.min(text.length, start + 14); end++) {
            expect(strings.slice(text, start, end)).toBe(text.slice(start, end));
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
