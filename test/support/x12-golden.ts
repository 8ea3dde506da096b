/**
 * Test support for the engine's golden files in edi-samples/: read every NAME.x12 with its expected JSON,
 * and write bodies back inside the same envelope values, for byte-exact round trips. It lives outside
 * src/x12 because it reads files; the engine itself does no I/O.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeInterchange } from '../../src/x12/envelope/interchange-writer';
import type { Interchange, SegmentInput } from '../../src/x12/envelope/types';
import type { Diagnostic } from '../../src/x12/syntax/types';

export const SAMPLES_ROOT = join(__dirname, '..', '..', 'edi-samples');

export interface GoldenFile {
  name: string;
  text: string;
  expected: unknown;
}

/** Every NAME.x12 in edi-samples/<folder>, with its NAME.expected.json when present. */
export function goldenFiles(folder: string): GoldenFile[] {
  const directory = join(SAMPLES_ROOT, folder);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.x12'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.x12'.length);
      const expectedPath = join(directory, `${name}.expected.json`);
      return {
        name,
        text: readFileSync(join(directory, file), 'latin1'),
        expected: existsSync(expectedPath)
          ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown)
          : undefined,
      };
    });
}

/** Writes one body per transaction set (in order) inside the interchange's own ISA/GS/ST values. */
export function rewriteInterchange(interchange: Interchange, bodies: readonly SegmentInput[][]): string {
  const isa = interchange.header.elements;
  let next = 0;
  return writeInterchange(
    {
      header: {
        authorizationQualifier: isa[0],
        authorization: isa[1].trimEnd(),
        securityQualifier: isa[2],
        security: isa[3].trimEnd(),
        senderQualifier: isa[4],
        senderId: isa[5].trimEnd(),
        receiverQualifier: isa[6],
        receiverId: isa[7].trimEnd(),
        date: isa[8],
        time: isa[9],
        controlNumber: isa[12],
        acknowledgmentRequested: isa[13] === '1',
        usageIndicator: isa[14] === 'P' ? 'P' : 'T',
      },
      groups: interchange.groups.map((group) => ({
        header: {
          functionalIdentifier: group.functionalIdentifier,
          applicationSender: group.applicationSender,
          applicationReceiver: group.applicationReceiver,
          date: group.header.elements[3],
          time: group.header.elements[4],
          controlNumber: group.controlNumber,
          version: group.version,
        },
        transactions: group.transactions.map((tx) => ({
          id: tx.id,
          controlNumber: tx.controlNumber,
          // ST03 as it stood (the 835 guide does not use it; the 999 requires it)
          version: tx.segments[0]?.elements[2] ?? '',
          body: bodies[next++],
        })),
      })),
    },
    { delimiters: interchange.delimiters, lineBreak: true },
  );
}

/** Drops undefined properties so models compare with JSON files. */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Distinct diagnostic codes, sorted. */
export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
}
