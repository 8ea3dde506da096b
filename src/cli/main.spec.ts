import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './main';
import { synthetic835 } from '../x12/testing/synthetic-835';

const dir = mkdtempSync(join(tmpdir(), 'x12gw-'));
const valid = join(dir, 'valid.835');
const cut = join(dir, 'cut.835');
const notX12 = join(dir, 'note.txt');
const text = synthetic835({ transactions: 1, claimsPerTransaction: 2, lineBreak: true });
writeFileSync(valid, text);
writeFileSync(cut, text.slice(0, text.indexOf('SE*')));
writeFileSync(notX12, 'not an interchange');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('x12gw', () => {
  it('validate: exit 0 for a clean file', async () => {
    const result = await run('x12', 'validate', valid);
    expect(result.code).toBe(0);
    expect(result.out).toContain('OK - 1 transaction set(s), 0 error(s)');
  });

  it('validate: exit 1 with located diagnostics for a cut-off file, never element values', async () => {
    const result = await run('x12', 'validate', cut);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/error\s+X12-ENV-SE-MISSING\s+ISA13=000000001 GS06=1 ST02=0001 ST #1 in set/);
    expect(result.out).not.toMatch(/DOE|JANE|PCN0/);
  });

  it('validate --json: machine-readable reports; exit 2 when a file is not X12 or unreadable', async () => {
    const result = await run('x12', 'validate', '--json', valid, notX12, join(dir, 'missing.835'));
    expect(result.code).toBe(2);
    const json = JSON.parse(result.out) as { files: { status: string }[] };
    expect(json.files.map((f) => f.status)).toEqual(['ok', 'not-x12', 'unreadable']);
  });

  it('parse: prints one entry per transaction set', async () => {
    const result = await run('x12', 'parse', valid);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      transactions: { transactionSet: string; transactionControlNumber: string }[];
    };
    expect(json.transactions).toHaveLength(1);
    expect(json.transactions[0]).toMatchObject({ transactionSet: '835', transactionControlNumber: '0001' });
  });

  it('build: unknown type is a usage error; missing input is unusable', async () => {
    expect((await run('x12', 'build', '999', valid)).code).toBe(2);
    expect((await run('x12', 'build', '837p', join(dir, 'missing.json'))).code).toBe(2);
  });

  it('prints usage for unknown commands', async () => {
    const result = await run('nope');
    expect(result.code).toBe(2);
    expect(result.err).toContain('x12 validate FILE...');
  });
});
