/**
 * X12 engine benchmark (`npm run bench:x12`). Not a test: prints a markdown table of MB/s and peak RSS,
 * then PASS/FAIL per target of issue 2.
 *
 * Generates its inputs with the engine's own writer: an 835 of >= 10 MB (30,000 varied claims, about
 * 12 MB) and a file of 20 such interchanges (about 245 MB) for the streamed read. Each measurement runs in its own child process from
 * plain JavaScript (the engine is transpiled once into .bench/), so each peak RSS
 * (process.resourceUsage().maxRSS) belongs to that measurement alone and excludes the TS compiler.
 * The typed 835 read and node-x12 are also timed together in one process, alternately, on the same
 * bytes: that run gives the speed ratio. The load average is printed before and after, because the
 * figures are only as good as the machine was quiet.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';
import { synthetic835 } from '../src/x12/testing/synthetic-835';
import type { Measurement } from './x12-bench-child';

const ROOT = join(__dirname, '..');
const BUILD = join(ROOT, '.bench', 'js');
const CLAIMS_PER_TRANSACTION = 1000;
const TRANSACTIONS = 30; // 30,000 claims, about 12 MB
const STREAM_COPIES = 20; // 20 interchanges of about 12 MB: about 245 MB

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Transpile src/x12 and the child script to CommonJS under .bench/js (same layout, so requires resolve). */
function transpile(): string {
  rmSync(BUILD, { recursive: true, force: true });
  for (const file of [...tsFiles(join(ROOT, 'src', 'x12')), join(ROOT, 'bench', 'x12-bench-child.ts')]) {
    const out = join(BUILD, relative(ROOT, file)).replace(/\.ts$/, '.js');
    const { code } = transformFileSync(file, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      swcrc: false,
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  return join(BUILD, 'bench', 'x12-bench-child.js');
}

function writeInputs(dir: string): { file835: string; file200: string } {
  const file835 = join(dir, 'bench.835');
  const file200 = join(dir, 'bench-200mb.835');
  writeFileSync(
    file835,
    synthetic835({ transactions: TRANSACTIONS, claimsPerTransaction: CLAIMS_PER_TRANSACTION }),
  );
  const fd = openSync(file200, 'w');
  for (let copy = 0; copy < STREAM_COPIES; copy++) {
    const text = synthetic835({
      transactions: TRANSACTIONS,
      claimsPerTransaction: CLAIMS_PER_TRANSACTION,
      interchangeControlNumber: copy + 1,
    });
    writeSync(fd, text);
  }
  closeSync(fd);
  return { file835, file200 };
}

function runChild(child: string, measure: string, file: string): Measurement[] {
  const output = execFileSync(process.execPath, ['--expose-gc', child, measure, file], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as Measurement[];
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

function row(m: Measurement): string {
  const measured = Number.isFinite(m.ms) && m.ms > 0;
  const mb = m.bytes / 1e6;
  const speed = measured ? (mb / (m.ms / 1000)).toFixed(1) : '-';
  return `| ${m.name} | ${mb.toFixed(1)} | ${measured ? m.ms.toFixed(0) : '-'} | ${speed} | ${m.maxRssMb.toFixed(0)} | ${m.note} |`;
}

function main(): void {
  const child = transpile();
  const dir = mkdtempSync(join(tmpdir(), 'x12-bench-'));
  try {
    const { file835, file200 } = writeInputs(dir);
    const loadBefore = load();
    const results = [
      'baseline',
      'tokenize',
      'readX12',
      'read835',
      'read835Visit',
      'read835Model',
      'nodeX12',
      'build837P',
    ].flatMap((name) => runChild(child, name, file835));
    const [typedTogether, nodeTogether] = runChild(child, 'compare835', file835);
    const streamed = runChild(child, 'stream', file200)[0];
    results.push(streamed);
    const loadAfter = load();
    const lines = [
      `Command: npm run bench:x12. Node ${process.version} ${process.platform}/${process.arch}. ` +
        `835 input: ${(statSync(file835).size / 1e6).toFixed(1)} MB, ` +
        `${TRANSACTIONS * CLAIMS_PER_TRANSACTION} claims in ${TRANSACTIONS} transaction sets. Streamed input: ` +
        `${(statSync(file200).size / 1e6).toFixed(1)} MB, ${STREAM_COPIES} interchanges. ms = median of 5 timed runs ` +
        'after one untimed warm-up run, a full GC and a 1 s pause before each (background freeing of the last run settles first); each row in its own process; peak RSS includes ' +
        `Node itself (see baseline). Load average (1/5/15 min) before: ${loadBefore}, after: ${loadAfter}.`,
      '',
      '| Measurement | MB | ms | MB/s | Peak RSS (MB) | Notes |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...results.map(row),
    ];
    const typed = results.find((r) => r.name.startsWith('typed 835 read (visitRemittances835'));
    const nodeX12 = results.find((r) => r.name.startsWith('node-x12'));
    const build = results.find((r) => r.name.startsWith('837P build'));
    lines.push('', 'Targets:');
    if (typedTogether && nodeTogether && Number.isFinite(typedTogether.ms)) {
      const together = nodeTogether.ms / typedTogether.ms;
      lines.push(
        `- ${verdict(together >= 5)} typed 835 read >= 5x node-x12's MB/s: ${together.toFixed(1)}x when timed ` +
          `alternately in one process (typed ${typedTogether.ms.toFixed(0)} ms, node-x12 ` +
          `${nodeTogether.ms.toFixed(0)} ms)` +
          (typed && nodeX12 && Number.isFinite(typed.ms)
            ? `; ${(nodeX12.ms / typed.ms).toFixed(1)}x from the separate rows above.`
            : '.'),
      );
    } else {
      lines.push('- FAIL typed 835 read >= 5x node-x12: the typed read is not available.');
    }
    lines.push(
      `- ${verdict(streamed.maxRssMb < 200)} streamed ${(streamed.bytes / 1e6).toFixed(0)} MB read with peak RSS ` +
        `< 200 MB: ${streamed.maxRssMb.toFixed(0)} MB.`,
    );
    if (build && Number.isFinite(build.ms)) {
      lines.push(
        `- ${verdict(build.ms < 1000)} 837P build of 20,000 claims < 1 s: ${build.ms.toFixed(0)} ms.`,
      );
    } else {
      lines.push('- FAIL 837P build < 1 s: the builder is not available.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
