/**
 * One benchmark measurement per process (run by x12.bench.ts from plain JavaScript, so the TypeScript
 * compiler's memory is not in the figures). Prints one JSON line: name, bytes, median ms, peak RSS.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { readX12, readX12Stream, SegmentScanner, visitX12 } from '../src/x12';

const TIMED_RUNS = 3;

export interface Measurement {
  name: string;
  bytes: number;
  /** Median of the timed runs in milliseconds; NaN when the measured code is not available. */
  ms: number;
  maxRssMb: number;
  note: string;
}

type Result = Omit<Measurement, 'maxRssMb'>;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One warm-up run, then TIMED_RUNS timed runs, each after a full GC (so runs do not pay for each other). */
function timed(run: () => string): { ms: number; note: string } {
  let note = run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    collectGarbage();
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

async function typed835(file: string, mode: 'visit' | 'model'): Promise<Result> {
  const bytes = readFileSync(file);
  const read835 = optionalExport<Read835>('../src/x12/transactions/835-005010x221a1/835.reader', 'read835');
  const name =
    mode === 'visit' ? 'typed 835 read (visitX12 + read835)' : 'typed 835 read via readX12 model (+ read835)';
  if (!read835) return { name, bytes: bytes.length, ms: NaN, note: 'read835 not available yet' };
  const { ms, note } = timed(() => {
    const models: unknown[] = [];
    if (mode === 'visit') {
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
  });
  return { name, bytes: bytes.length, ms, note };
}

const MEASUREMENTS: Record<string, (file: string) => Promise<Result>> = {
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

  // HOOK typed 835 read: read835 from src/x12/transactions/835-005010x221a1 (the 835 team's reader).
  // Bytes in, every Remittance835 model kept; each transaction set's segments are dropped once read.
  async read835(file) {
    return typed835(file, 'visit');
  },

  // The same through the whole envelope model (readX12 keeps every segment, then read835 on each set).
  async read835Model(file) {
    return typed835(file, 'model');
  },

  async nodeX12(file) {
    const bytes = readFileSync(file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { X12Parser } = require('node-x12') as typeof import('node-x12');
    const { ms, note } = timed(() => {
      const parsed = new X12Parser(true).parse(bytes.toString('utf8'));
      return `${Array.isArray(parsed) ? parsed.length : 1} interchange(s)`;
    });
    return { name: 'node-x12 1.7.1 X12Parser.parse (same file)', bytes: bytes.length, ms, note };
  },

  // HOOK 837P build of 20,000 claims: export `buildSynthetic837P(claims: number): string` from
  // src/x12/transactions/837p-005010x222a1/837p.bench-support.ts (the 837P team's builder) to wire it.
  async build837P() {
    const build = optionalExport<(claims: number) => string>(
      '../src/x12/transactions/837p-005010x222a1/837p.bench-support',
      'buildSynthetic837P',
    );
    const name = '837P build, 20,000 claims';
    if (!build) return { name, bytes: 0, ms: NaN, note: '837P builder not available yet' };
    let size = 0;
    const { ms, note } = timed(() => {
      size = Buffer.byteLength(build(20_000));
      return '20,000 claims';
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

export async function runMeasurement(name: string, file: string): Promise<Measurement> {
  const result = await MEASUREMENTS[name](file);
  return { ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (require.main === module) {
  runMeasurement(process.argv[2], process.argv[3]).then(
    (measurement) => process.stdout.write(`${JSON.stringify(measurement)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
