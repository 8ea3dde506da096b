/**
 * Test support for the 835 and 999 golden files (edi-samples/835, edi-samples/999) and the shared
 * corpus: read files, and write bodies back inside the same envelope values for byte-exact round trips.
 */
// eslint-disable-next-line no-restricted-imports -- test support only: specs read the golden files
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeInterchange } from '../../envelope/interchange-writer';
import type { Interchange, SegmentInput } from '../../envelope/types';

export const SAMPLES_ROOT = join(__dirname, '..', '..', '..', '..', 'edi-samples');
export const CORPUS_ROOT = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'x12-corpus');

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

/** Files of one corpus folder (read-only, outside the repository); empty when the corpus is absent. */
export function corpusFiles(folder: string): { name: string; text: string }[] {
  const directory = join(CORPUS_ROOT, folder);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(directory, name), 'latin1') }));
}

/** Write one body per transaction set (in order) inside the interchange's own ISA/GS values. */
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
