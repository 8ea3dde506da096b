/**
 * Golden files for the envelope layer (edi-samples/envelope): each file's envelope summary and
 * diagnostics equal its .expected.json (regenerate with UPDATE_GOLDEN=1 and review the diff), and
 * every golden file in edi-samples round-trips: reading then writing its segments gives the same bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readX12 } from '../read';
import { writeReadSegments } from '../syntax/segment-writer';
import { tokenize } from '../syntax/tokenize';
import { readTa1 } from '../transactions/ta1/ta1.reader';

const SAMPLES = join(__dirname, '../../../edi-samples');
const ENVELOPE = join(SAMPLES, 'envelope');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(x12|edi)$/.test(name) ? [path] : [];
  });
}

function summary(bytes: Buffer): unknown {
  const { value, diagnostics } = readX12(bytes);
  return {
    interchanges: value.map((interchange) => ({
      controlNumber: interchange.controlNumber,
      senderId: interchange.senderId,
      receiverId: interchange.receiverId,
      usageIndicator: interchange.usageIndicator,
      delimiters: interchange.delimiters,
      complete: interchange.trailer !== undefined,
      ta1: readTa1(interchange).value,
      groups: interchange.groups.map((group) => ({
        controlNumber: group.controlNumber,
        functionalIdentifier: group.functionalIdentifier,
        version: group.version,
        complete: group.trailer !== undefined,
        transactions: group.transactions.map((tx) => ({
          id: tx.id,
          controlNumber: tx.controlNumber,
          version: tx.version,
          segments: tx.segments.length,
          complete: tx.complete,
        })),
      })),
    })),
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      segmentId: d.location.segmentId,
      element: d.location.element,
    })),
  };
}

describe('envelope golden files', () => {
  const files = readdirSync(ENVELOPE).filter((name) => name.endsWith('.x12'));

  it('has golden files', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s matches its expected JSON', (name) => {
    const actual = summary(readFileSync(join(ENVELOPE, name)));
    const expectedPath = join(ENVELOPE, name.replace(/\.x12$/, '.expected.json'));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});

describe('round trip of every golden file', () => {
  const files = listFiles(SAMPLES);

  // Each segment written back from what was read equals the original bytes up to the next segment,
  // apart from layout (line breaks, indentation) after the terminator.
  it.each(files.map((path) => [path.slice(SAMPLES.length + 1), path]))('%s', (_name, path) => {
    const bytes = readFileSync(path);
    const { segments, delimiters } = tokenize(bytes).value;
    expect(segments.length).toBeGreaterThan(0);
    segments.forEach((segment, i) => {
      const next = segments[i + 1]?.byteOffset ?? bytes.length;
      const original = bytes.subarray(segment.byteOffset, next).toString('utf8');
      const written = writeReadSegments([segment], delimiters[i]);
      if (i === segments.length - 1 && !original.includes(delimiters[i].segment)) {
        expect(`${original.trimEnd()}${delimiters[i].segment}`).toBe(written); // unterminated last segment
      } else {
        expect(original.slice(0, written.length)).toBe(written);
        expect(original.slice(written.length)).toMatch(/^[\r\n\t ]*$/);
      }
    });
  });
});
