/**
 * Independent cross-check: node-x12 1.7.1 and this engine read every golden file's segments and
 * elements the same way. node-x12 takes its delimiters from fixed ISA offsets and one delimiter set per
 * file, so files outside that (several delimiter sets, a BOM or text before the ISA, a short ISA) are
 * compared only where node-x12 can read them. node-x12 rewrites ISA13 and IEA02 as integers
 * (`000000042` -> `42`): the comparison does the same to ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { X12Parser, type X12FatInterchange, type X12Interchange, type X12Segment } from 'node-x12';
import { tokenize } from './syntax/tokenize';
import type { Segment } from './syntax/types';

const SAMPLES = join(__dirname, '../../edi-samples');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(x12|edi)$/.test(name) ? [path] : [];
  });
}

type Row = string[];

function normalise(id: string, elements: readonly string[]): Row {
  const values = [...elements];
  if (id === 'ISA' && values.length >= 13) values[12] = String(parseInt(values[12], 10));
  if (id === 'IEA' && values.length === 2) values[1] = String(parseInt(values[1], 10));
  return [id, ...values];
}

function ours(segments: readonly Segment[]): Row[] {
  return segments.map((segment) => normalise(segment.id, segment.elements));
}

function theirSegment(segment: X12Segment): Row {
  return [segment.tag, ...segment.elements.map((element) => element.value)];
}

/** node-x12 leaves a trailer undefined when the file was cut off before it (and reports nothing). */
function present(segments: readonly (X12Segment | undefined)[]): X12Segment[] {
  return segments.filter((segment): segment is X12Segment => segment !== undefined);
}

/** node-x12's segment reader (the step under its parse(); reached directly so cut-off files compare too). */
function theirSegments(text: string): Row[] {
  const parser = new X12Parser(false) as unknown as {
    _detectOptions(edi: string, options?: unknown): void;
    _options: { segmentTerminator: string; elementDelimiter: string };
    _parseSegments(edi: string, terminator: string, separator: string): X12Segment[];
  };
  parser._detectOptions(text);
  return parser
    ._parseSegments(text, parser._options.segmentTerminator, parser._options.elementDelimiter)
    .map(theirSegment);
}

/** node-x12's public model, flattened back to segments; undefined when its parse() fails. */
function theirModel(text: string): Row[] | undefined {
  let parsed: X12Interchange | X12FatInterchange;
  try {
    parsed = new X12Parser(true).parse(text);
  } catch {
    return undefined;
  }
  const interchanges = Array.isArray(parsed) ? [...parsed] : [parsed as X12Interchange];
  const rows: Row[] = [];
  for (const interchange of interchanges) {
    rows.push(theirSegment(interchange.header));
    for (const group of interchange.functionalGroups) {
      rows.push(theirSegment(group.header));
      for (const tx of group.transactions) {
        for (const segment of present([tx.header, ...tx.segments, tx.trailer]))
          rows.push(theirSegment(segment));
      }
      rows.push(...present([group.trailer]).map(theirSegment));
    }
    rows.push(...present([interchange.trailer]).map(theirSegment));
  }
  return rows;
}

/** node-x12 can only read files that start with a full-width ISA and keep one delimiter set. */
function readableByNodeX12(bytes: Buffer): boolean {
  const { segments, delimiters } = tokenize(bytes).value;
  if (segments.length === 0 || segments[0].byteOffset !== 0) return false;
  const first = JSON.stringify(delimiters[0]);
  if (delimiters.some((d) => JSON.stringify(d) !== first)) return false;
  const isaLength = bytes.indexOf(delimiters[0].segment, 0) + 1;
  return isaLength === 106;
}

const files = listFiles(SAMPLES).map((path) => [path.slice(SAMPLES.length + 1), path] as const);
const comparable = files.filter(([, path]) => readableByNodeX12(readFileSync(path)));

describe('node-x12 cross-check', () => {
  it('covers most golden files', () => {
    expect(comparable.length).toBeGreaterThanOrEqual(Math.ceil(files.length * 0.6));
  });

  it.each(comparable)('%s: same segments and elements', (_name, path) => {
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const mine = ours(tokenize(bytes).value.segments);
    expect(theirSegments(text)).toEqual(mine);
    const model = theirModel(text);
    if (model) expect(model).toEqual(mine.filter((row) => row[0] !== 'TA1'));
  });
});
