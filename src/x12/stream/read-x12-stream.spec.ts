import { Readable } from 'node:stream';
import { readX12 } from '../read';
import { synthetic835 } from '../testing/synthetic-835';
import { collectX12Stream } from './collect-x12-stream';
import { readX12Stream } from './read-x12-stream';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~';
const GS = 'GS*HC*SENDER*RECEIVER*20260101*1200*1*X*005010X222A1~';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function* split(bytes: Uint8Array, at: number): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, at);
  yield bytes.subarray(at);
}

/** Whole-input result, or the thrown error's code. */
function whole(bytes: Uint8Array): unknown {
  try {
    return readX12(bytes);
  } catch (error) {
    return { thrown: (error as { code?: string }).code };
  }
}

async function streamed(source: AsyncIterable<Uint8Array>): Promise<unknown> {
  try {
    return await collectX12Stream(readX12Stream(source));
  } catch (error) {
    return { thrown: (error as { code?: string }).code };
  }
}

const SAMPLES: Record<string, string> = {
  crlfMultibyte: `\ufeff  ${ISA}\r\n${GS}\r\nST*837*0001*005010X222A1~\r\nNM1*IL*1*MÜLLER*JOSÉ~\r\nSE*3*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n`,
  twoInterchanges: `${ISA}${GS}ST*837*0001~SE*2*0001~GE*1*1~IEA*1*000000001~\n${ISA.replace(/\*/g, '|').replace(':~', '}\x1d')}GS|HC|SENDER|RECEIVER|20260101|1200|2|X|005010X222A1\x1dGE|0|2\x1dIEA|1|000000001\x1d`,
  truncated: `${ISA}${GS}ST*837*0001~NM1*IL*1*€€~SE*3`,
  junk: `junk before${ISA}~~${GS}ST*837*0001~gs~SE*3*0001~GE*1*1~IEA*1*000000001~trailing junk IS`,
  newlineTerminator: `${ISA.replace(':~', ':\n')}${GS.replace('~', '\n')}GE*0*1\nIEA*1*000000001`,
  notX12: 'hello, this is not an interchange',
  malformedIsa: 'ISA*00*short~GS*HC~',
};

describe('readX12Stream', () => {
  it.each(Object.entries(SAMPLES))(
    '%s: every two-chunk split gives the whole-input result',
    async (_name, text) => {
      const bytes = Buffer.from(text, 'utf8');
      const expected = whole(bytes);
      for (let at = 0; at <= bytes.length; at++) {
        expect(await streamed(split(bytes, at))).toEqual(expected);
      }
    },
  );

  it.each([1, 7, 1024, 65536])('chunks of %i bytes give the whole-input result', async (size) => {
    const text = `junk\r\n${synthetic835({ transactions: 3, claimsPerTransaction: 40, lineBreak: true })}${SAMPLES.crlfMultibyte}${SAMPLES.truncated}`;
    const bytes = Buffer.from(text, 'utf8');
    expect(await streamed(chunks(bytes, size))).toEqual(whole(bytes));
  });

  it('reads a Node Readable and yields transactions with their envelope headers', async () => {
    const text = synthetic835({ transactions: 2, claimsPerTransaction: 3 });
    const kinds: string[] = [];
    for await (const event of readX12Stream(Readable.from([Buffer.from(text)]))) {
      kinds.push(event.kind);
      if (event.kind === 'transaction') {
        expect(event.interchange.controlNumber).toBe('000000001');
        expect(event.group.controlNumber).toBe('1');
        expect(event.transaction.complete).toBe(true);
      }
    }
    expect(kinds).toEqual([
      'interchange-start',
      'group-start',
      'transaction',
      'transaction',
      'group-end',
      'interchange-end',
    ]);
  });

  it('enforces maxBytes while streaming', async () => {
    const bytes = Buffer.from(SAMPLES.crlfMultibyte);
    await expect(collectX12Stream(readX12Stream(chunks(bytes, 10), { maxBytes: 50 }))).rejects.toMatchObject({
      code: 'X12-TOO-LARGE',
    });
  });
});
