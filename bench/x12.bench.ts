/**
 * X12 engine benchmark (`npm run bench:x12`). Not a test: prints a markdown table of MB/s and peak RSS.
 *
 * Generates its inputs with the engine's own writer: an 835 of >= 10 MB (30,000 claims) and a ~200 MB
 * 835 file (20 interchanges) for the streamed read. Each measurement runs in its own child process from
 * plain JavaScript (the engine is transpiled once into .bench/), so each peak RSS
 * (process.resourceUsage().maxRSS) belongs to that measurement alone and excludes the TS compiler.
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
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';
import { synthetic835 } from '../src/x12/testing/synthetic-835';
import type { Measurement } from './x12-bench-child';

const ROOT = join(__dirname, '..');
const BUILD = join(ROOT, '.bench', 'js');
const CLAIMS_PER_TRANSACTION = 1000;
const TRANSACTIONS = 30; // 30,000 claims, about 10 MB
const STREAM_COPIES = 20; // 20 interchanges of about 10 MB: about 200 MB

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

function runChild(child: string, measure: string, file: string): Measurement {
  const output = execFileSync(process.execPath, ['--expose-gc', child, measure, file], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
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
    const results = [
      'baseline',
      'tokenize',
      'readX12',
      'read835',
      'read835Model',
      'nodeX12',
      'build837P',
    ].map((name) => runChild(child, name, file835));
    results.push(runChild(child, 'stream', file200));
    const lines = [
      `Node ${process.version} ${process.platform}/${process.arch}. 835 input: ${(statSync(file835).size / 1e6).toFixed(1)} MB, ` +
        `${TRANSACTIONS * CLAIMS_PER_TRANSACTION} claims in ${TRANSACTIONS} transaction sets. Streamed input: ` +
        `${(statSync(file200).size / 1e6).toFixed(1)} MB, ${STREAM_COPIES} interchanges. ms = median of 3 runs after a warm-up; ` +
        'each row in its own process; peak RSS includes Node itself (see baseline).',
      '',
      '| Measurement | MB | ms | MB/s | Peak RSS (MB) | Notes |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...results.map(row),
    ];
    const typed = results.find((r) => r.name.startsWith('typed 835 read (visitX12'));
    const nodeX12 = results.find((r) => r.name.startsWith('node-x12'));
    if (typed && nodeX12 && Number.isFinite(typed.ms)) {
      lines.push(
        '',
        `Typed 835 read: ${(nodeX12.ms / typed.ms).toFixed(1)}x node-x12's MB/s (target >= 5x).`,
      );
    }
    const streamed = results.at(-1);
    if (streamed)
      lines.push(
        `Streamed ${(streamed.bytes / 1e6).toFixed(0)} MB read: peak RSS ${streamed.maxRssMb.toFixed(0)} MB (target < 200 MB).`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
