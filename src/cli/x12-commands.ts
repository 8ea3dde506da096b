/** `x12gw x12 validate|parse|build`: thin wrappers over the engine for people debugging payer files. */
import { createReadStream, readFileSync } from 'node:fs';
import { X12Error, readTa1, readX12, validateX12Stream, type Diagnostic } from '../x12';
import { genericTransactionJson, readTransaction } from '../x12/transactions/readers';
import { EXIT_FAILED, EXIT_OK, EXIT_UNUSABLE, type Command, type CommandIo } from './command-table';
import { formatDiagnostic } from './format-diagnostic';
import { X12_BUILDERS, isBuilderType } from './x12-builders';

/** A hostile file can hold millions of problems: list this many per file, count the rest. */
const MAX_LISTED_DIAGNOSTICS = 10_000;

type FileStatus = 'ok' | 'errors' | 'not-x12' | 'unreadable';

interface FileReport {
  file: string;
  status: FileStatus;
  transactionSets: number;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** Diagnostics counted but not listed (beyond MAX_LISTED_DIAGNOSTICS). */
  notListed: number;
  /** Why the file could not be read at all (system error code or X12 error code; no content). */
  reason?: string;
}

function errorCode(error: unknown): string {
  if (error instanceof X12Error) return error.code;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

async function validateFile(file: string): Promise<FileReport> {
  const report: FileReport = {
    file,
    status: 'ok',
    transactionSets: 0,
    errors: 0,
    warnings: 0,
    diagnostics: [],
    notListed: 0,
  };
  try {
    for await (const event of validateX12Stream(createReadStream(file))) {
      if (event.kind === 'transaction') report.transactionSets++;
      if (event.kind !== 'diagnostic') continue;
      if (report.diagnostics.length < MAX_LISTED_DIAGNOSTICS) report.diagnostics.push(event.diagnostic);
      else report.notListed++;
      if (event.diagnostic.severity === 'error') report.errors++;
      if (event.diagnostic.severity === 'warning') report.warnings++;
    }
  } catch (error) {
    report.status = error instanceof X12Error && error.code === 'X12-NOT-X12' ? 'not-x12' : 'unreadable';
    report.reason = errorCode(error);
    return report;
  }
  report.status = report.errors > 0 ? 'errors' : 'ok';
  return report;
}

function printHuman(report: FileReport, io: CommandIo): void {
  if (report.status === 'not-x12' || report.status === 'unreadable') {
    io.stdout(
      `${report.file}: ${report.status === 'not-x12' ? 'not an X12 interchange' : 'cannot be read'} (${report.reason})\n`,
    );
    return;
  }
  io.stdout(
    `${report.file}: ${report.status === 'ok' ? 'OK' : 'ERRORS'} - ${report.transactionSets} transaction set(s), ${report.errors} error(s), ${report.warnings} warning(s)\n`,
  );
  for (const diagnostic of report.diagnostics) io.stdout(`  ${formatDiagnostic(diagnostic)}\n`);
  if (report.notListed > 0) io.stdout(`  ... ${report.notListed} more diagnostic(s) not listed\n`);
}

function splitFlags(args: readonly string[]): { files: string[]; flags: Set<string> } {
  const files: string[] = [];
  const flags = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('--')) flags.add(arg);
    else files.push(arg);
  }
  return { files, flags };
}

const validate: Command = {
  path: ['x12', 'validate'],
  usage: 'x12 validate FILE... [--json]',
  summary: 'Check syntax, envelopes and guides; exit 0 clean, 1 errors, 2 not X12 or unreadable',
  async run(args, io) {
    const { files, flags } = splitFlags(args);
    if (files.length === 0) {
      io.stderr(`usage: x12gw ${this.usage}\n`);
      return EXIT_UNUSABLE;
    }
    const reports: FileReport[] = [];
    for (const file of files) reports.push(await validateFile(file));
    if (flags.has('--json')) {
      io.stdout(`${JSON.stringify({ files: reports }, null, 2)}\n`);
    } else {
      for (const report of reports) printHuman(report, io);
    }
    if (reports.some((r) => r.status === 'not-x12' || r.status === 'unreadable')) return EXIT_UNUSABLE;
    return reports.some((r) => r.status === 'errors') ? EXIT_FAILED : EXIT_OK;
  },
};

const parse: Command = {
  path: ['x12', 'parse'],
  usage: 'x12 parse FILE',
  summary: 'Print the typed JSON of each transaction set (generic segments when no typed reader)',
  async run(args, io) {
    const { files } = splitFlags(args);
    if (files.length !== 1) {
      io.stderr(`usage: x12gw ${this.usage}\n`);
      return EXIT_UNUSABLE;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(files[0]);
    } catch (error) {
      io.stderr(`${files[0]}: cannot be read (${errorCode(error)})\n`);
      return EXIT_UNUSABLE;
    }
    try {
      const read = readX12(bytes);
      const transactions: unknown[] = [];
      const ta1: unknown[] = [];
      for (const interchange of read.value) {
        if (interchange.ta1.length > 0) ta1.push(...readTa1(interchange).value);
        for (const group of interchange.groups) {
          for (const tx of group.transactions) {
            transactions.push({
              interchangeControlNumber: interchange.controlNumber,
              groupControlNumber: group.controlNumber,
              transactionControlNumber: tx.controlNumber,
              transactionSet: tx.id,
              version: tx.version,
              model: readTransaction(tx, interchange) ?? genericTransactionJson(tx),
            });
          }
        }
      }
      io.stdout(
        `${JSON.stringify({ file: files[0], transactions, ta1, diagnostics: read.diagnostics }, null, 2)}\n`,
      );
      return EXIT_OK;
    } catch (error) {
      io.stderr(`${files[0]}: not an X12 interchange (${errorCode(error)})\n`);
      return EXIT_UNUSABLE;
    }
  },
};

const build: Command = {
  path: ['x12', 'build'],
  usage: 'x12 build 837p|837i|270 INPUT.json',
  summary: 'Build X12 from a typed JSON input and print it',
  async run(args, io) {
    const [type, file] = args;
    if (!type || !file || !isBuilderType(type)) {
      io.stderr(`usage: x12gw ${this.usage}\n`);
      return EXIT_UNUSABLE;
    }
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      io.stderr(
        `${file}: cannot be read as JSON (${error instanceof SyntaxError ? 'invalid JSON' : errorCode(error)})\n`,
      );
      return EXIT_UNUSABLE;
    }
    try {
      io.stdout(X12_BUILDERS[type](input));
      return EXIT_OK;
    } catch (error) {
      const where =
        error instanceof X12Error && error.location.element ? ` at ${error.location.element}` : '';
      io.stderr(`${type}: ${error instanceof Error ? error.message : 'build failed'}${where}\n`);
      return EXIT_FAILED;
    }
  },
};

export const X12_COMMANDS: readonly Command[] = [validate, parse, build];
