/**
 * Test support for the 277CA, 270 and 271 golden files in edi-samples/: read a golden file with the
 * engine's readX12, and write a body back inside the same envelope values, for byte-exact round trips.
 */
// eslint-disable-next-line no-restricted-imports -- test support only: specs read the golden files
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeInterchange } from '../../envelope/interchange-writer';
import type { Interchange, SegmentInput } from '../../envelope/types';
import type { Diagnostic } from '../../syntax/types';

export const SAMPLES_ROOT = join(__dirname, '..', '..', '..', '..', 'edi-samples');

export interface GoldenFile {
  name: string;
  text: string;
  expected: unknown;
}

/** Every NAME.x12 in edi-samples/<folder> with its NAME.expected.json. */
export function goldenFiles(folder: string): GoldenFile[] {
  const dir = join(SAMPLES_ROOT, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.x12'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.x12'.length);
      const expectedPath = join(dir, `${name}.expected.json`);
      return {
        name,
        text: readFileSync(join(dir, file), 'latin1'),
        expected: existsSync(expectedPath)
          ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown)
          : undefined,
      };
    });
}

/** Write `bodies` (one per transaction set, in order) inside the interchange's own envelope values. */
export function rewriteInterchange(
  interchange: Interchange,
  bodies: readonly SegmentInput[][],
  lineBreak: boolean,
): string {
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
          version: tx.segments[0]?.elements[2] ?? tx.version,
          body: bodies[next++],
        })),
      })),
    },
    { delimiters: interchange.delimiters, lineBreak },
  );
}

/** Drop undefined properties so models compare with JSON files. */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Distinct diagnostic codes, sorted. */
export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
}
