// The read path keeps its optimized code across a garbage collection (src/x12/keep-shape-alive.ts).
// Measured on the benchmark's 12 MB 835: a read after a GC took about 250 ms while a GC threw away the
// scanner's, the envelope assembler's and the 835 reader's optimized code, and about 205 ms since.
// V8's own trace says what it threw away: `--trace-deopt` prints "reason: weak objects" for each
// optimized function whose embedded shapes died in that GC.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthetic835 } from '../../src/x12/testing/synthetic-835';

jest.setTimeout(120_000);

/** Names of the functions whose optimized code V8 dropped for dead shapes between GC-BEGIN and GC-END. */
function droppedAtGc(output: string): string[] {
  const during = output.slice(output.indexOf('GC-BEGIN'), output.indexOf('GC-END'));
  const names = [
    ...during.matchAll(
      /SharedFunctionInfo (\S+)>\) \(opt id \d+\) for deoptimization, reason: weak objects/g,
    ),
  ];
  return [...new Set(names.map((match) => match[1]))].sort();
}

function optimizedBeforeGc(output: string): Set<string> {
  const before = output.slice(0, output.indexOf('GC-BEGIN'));
  return new Set(
    [...before.matchAll(/completed optimizing \S+ <JSFunction (\S+) /g)].map((match) => match[1]),
  );
}

describe('optimized read code after a garbage collection', () => {
  let dir: string;
  let output: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'x12-shapes-'));
    const file = join(dir, 'input.835');
    writeFileSync(file, synthetic835({ transactions: 4, claimsPerTransaction: 500 }));
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--trace-deopt',
        '--trace-opt',
        '-r',
        '@swc-node/register',
        join(__dirname, 'shapes-after-gc-child.ts'),
        file,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        cwd: join(__dirname, '..', '..'),
        // A clean environment: NODE_OPTIONS or a coverage run would change what V8 does and prints.
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    if (child.status !== 0) throw new Error(`the child failed (${child.status}): ${child.stderr}`);
    output = child.stdout;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ran the read path optimized before the GC and read again after it', () => {
    const optimized = optimizedBeforeGc(output);
    for (const name of ['emit', 'dispatch', 'readClp', 'readSvc', 'controlStep'])
      expect(optimized).toContain(name);
    expect(output).toContain('READ 4');
  });

  it('drops the control code, whose shapes had no idle object, and nothing of the read path', () => {
    const dropped = droppedAtGc(output);
    expect(dropped).toContain('controlStep');
    expect(dropped.filter((name) => !/^control/i.test(name))).toEqual([]);
  });
});
