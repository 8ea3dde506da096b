/**
 * One benchmark measurement per process (run by x12.bench.ts from plain JavaScript, so the TypeScript
 * compiler's memory is not in the figures). Prints one JSON line: name, bytes, median ms, peak RSS.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { readX12, readX12Stream, SegmentScanner, visitRemittances835, visitX12 } from '../src/x12';

const TIMED_RUNS = 5;

export interface Measurement {
  name: string;
  bytes: number;
  /** Median of the timed runs in milliseconds; NaN when the measured code is not available. */
  ms: number;
  maxRssMb: number;
  note: string;
}

type Result = Omit<Measurement, 'maxRssMb'>;

/** How long to let V8's background threads finish freeing the last run's memory (see settle). */
const SETTLE_MS = 1000;

/**
 * A full GC, then a pause. The GC returns before V8's background threads have swept and unmapped what
 * it freed; without the pause that work (about 700 MB after a node-x12 parse) runs during the next
 * timed run and is charged to it, whichever reader that is. Measured: the typed read timed right
 * after a node-x12 run took 400-510 ms without the pause and 290-370 ms with it.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One warm-up run, then TIMED_RUNS timed runs, each after settle() (so runs do not pay for each other). */
function timed(run: () => string): { ms: number; note: string } {
  let note = run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    settle();
    const started = performance.now();
    note = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), note };
}

/** Dynamic hook: another team's export, or undefined while it does not exist yet. */
function optionalExport<T>(modulePath: string, name: string): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(modulePath) as Record<string, unknown>;
    return typeof loaded[name] === 'function' ? (loaded[name] as T) : undefined;
  } catch {
    return undefined;
  }
}

type Read835 = (tx: unknown, delimiters: unknown) => { value: unknown };

const TYPED_835_NAME = 'typed 835 read (visitRemittances835)';
const MODES = {
  stream: TYPED_835_NAME,
  visit: 'typed 835 read (visitX12, then read835 per set)',
  model: 'typed 835 read via readX12 model (+ read835)',
} as const;
type Mode = keyof typeof MODES;
const NODE_X12_NAME = 'node-x12 1.7.1 X12Parser.parse (same file)';

/** Bytes in, every Remittance835 model kept (as a caller posting the remittance would). */
function typed835Run(bytes: Buffer, read835: Read835, mode: Mode): string {
  const models: unknown[] = [];
  if (mode === 'stream') {
    visitRemittances835(bytes, (remittance) => models.push(remittance.value));
  } else if (mode === 'visit') {
    visitX12(bytes, (event) => {
      if (event.kind === 'transaction')
        models.push(read835(event.transaction, event.interchange.delimiters).value);
    });
  } else {
    for (const interchange of readX12(bytes).value) {
      for (const group of interchange.groups) {
        for (const tx of group.transactions) models.push(read835(tx, interchange.delimiters).value);
      }
    }
  }
  return `${models.length} Remittance835 models kept`;
}

/** node-x12's whole-file parse of the same bytes (its API takes a string, so decoding is included). */
function nodeX12Run(bytes: Buffer): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { X12Parser } = require('node-x12') as typeof import('node-x12');
  const parsed = new X12Parser(true).parse(bytes.toString('utf8'));
  return `${Array.isArray(parsed) ? parsed.length : 1} interchange(s), parse tree kept`;
}

function loadRead835(): Read835 | undefined {
  return optionalExport<Read835>('../src/x12/transactions/835-005010x221a1/835.reader', 'read835');
}

async function typed835(file: string, mode: Mode): Promise<Result> {
  const bytes = readFileSync(file);
  const read835 = loadRead835();
  const name = MODES[mode];
  if (!read835) return { name, bytes: bytes.length, ms: NaN, note: 'read835 not available yet' };
  const { ms, note } = timed(() => typed835Run(bytes, read835, mode));
  return { name, bytes: bytes.length, ms, note };
}

const MEASUREMENTS: Record<string, (file: string) => Promise<Result | Result[]>> = {
  async baseline(file) {
    const bytes = readFileSync(file);
    return {
      name: 'baseline: Node + engine loaded, file in memory',
      bytes: bytes.length,
      ms: NaN,
      note: 'nothing parsed',
    };
  },

  async tokenize(file) {
    const bytes = readFileSync(file);
    const { ms, note } = timed(() => {
      let segments = 0;
      const scanner = new SegmentScanner({ segment: () => void segments++, diagnostic: () => undefined });
      scanner.push(bytes);
      scanner.end();
      return `${segments} segments`;
    });
    return { name: 'tokenize (SegmentScanner on bytes)', bytes: bytes.length, ms, note };
  },

  async readX12(file) {
    const bytes = readFileSync(file);
    const { ms, note } = timed(() => {
      const read = readX12(bytes);
      const sets = read.value.reduce(
        (n, i) => n + i.groups.reduce((m, g) => m + g.transactions.length, 0),
        0,
      );
      return `${sets} transaction sets, ${read.diagnostics.length} diagnostics`;
    });
    return { name: 'readX12 (syntax + envelope model)', bytes: bytes.length, ms, note };
  },

  // The typed 835 read: bytes in, every Remittance835 model kept; each segment is read into the model
  // as it is scanned and never kept (visitRemittances835).
  async read835(file) {
    return typed835(file, 'stream');
  },

  // visitX12 keeps each transaction set's segments until its SE, then read835 maps them.
  async read835Visit(file) {
    return typed835(file, 'visit');
  },

  // The same through the whole envelope model (readX12 keeps every segment, then read835 on each set).
  async read835Model(file) {
    return typed835(file, 'model');
  },

  async nodeX12(file) {
    const bytes = readFileSync(file);
    const { ms, note } = timed(() => nodeX12Run(bytes));
    return { name: NODE_X12_NAME, bytes: bytes.length, ms, note };
  },

  // The speed ratio: the typed read and node-x12 timed in ONE process, alternately (warm-up of each
  // first, then TIMED_RUNS rounds of typed-then-node-x12, settle() before every run), so that a change
  // in machine load hits both the same way.
  async compare835(file) {
    const bytes = readFileSync(file);
    const read835 = loadRead835();
    if (!read835) return [];
    typed835Run(bytes, read835, 'stream');
    nodeX12Run(bytes);
    const typed: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
      for (const [times, run] of [
        [typed, () => typed835Run(bytes, read835, 'stream')],
        [node, () => nodeX12Run(bytes)],
      ] as const) {
        settle();
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
    }
    return [
      { name: TYPED_835_NAME, bytes: bytes.length, ms: median(typed), note: 'interleaved with node-x12' },
      { name: NODE_X12_NAME, bytes: bytes.length, ms: median(node), note: 'interleaved with the typed read' },
    ];
  },

  // 837P build of 20,000 claims from typed claim objects: the claims are generated before the timing
  // (making test data is not building); timed is build837PInterchange, typed claims in, X12 text out.
  async build837P() {
    const support = '../src/x12/transactions/837p-005010x222a1/837p.bench-support';
    const makeInput = optionalExport<(claims: number) => unknown>(support, 'synthetic837PInput');
    const build = optionalExport<(input: unknown) => string>(
      '../src/x12/transactions/837-claim.interchange',
      'build837PInterchange',
    );
    const name = '837P build, 20,000 claims';
    if (!makeInput || !build) return { name, bytes: 0, ms: NaN, note: '837P builder not available yet' };
    const input = makeInput(20_000);
    let size = 0;
    const { ms, note } = timed(() => {
      size = Buffer.byteLength(build(input));
      return '20,000 claims (generated before timing)';
    });
    return { name, bytes: size, ms, note };
  },

  async stream(file) {
    const bytes = statSync(file).size;
    let sets = 0;
    let diagnostics = 0;
    const started = performance.now();
    for await (const event of readX12Stream(createReadStream(file, { highWaterMark: 64 * 1024 }))) {
      if (event.kind === 'transaction') sets++;
      if (event.kind === 'diagnostic') diagnostics++;
    }
    const ms = performance.now() - started;
    return {
      name: 'readX12Stream from disk (64 KiB chunks)',
      bytes,
      ms,
      note: `${sets} transaction sets, ${diagnostics} diagnostics, one pass`,
    };
  },
};

/** One or more results (compare835 gives two); each carries this process's peak RSS. */
export async function runMeasurement(name: string, file: string): Promise<Measurement[]> {
  const result = await MEASUREMENTS[name](file);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  return (Array.isArray(result) ? result : [result]).map((r) => ({ ...r, maxRssMb }));
}

if (require.main === module) {
  runMeasurement(process.argv[2], process.argv[3]).then(
    (measurements) => process.stdout.write(`${JSON.stringify(measurements)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
