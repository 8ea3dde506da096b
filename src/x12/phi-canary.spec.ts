/**
 * PHI canary across the whole engine: every golden file (valid and malformed, every transaction set)
 * is broken one place at a time, with a canary string put in each segment-id position and in each
 * element and component position; validation (envelope, walker, elements, rules) and every typed
 * reader then run on it. No diagnostic message may contain the canary, and no location either: a
 * value read from input is data, and diagnostics name the place, never what stood there.
 * (A well-formed but unknown 3-character id is kept in `location.segmentId`, which a 999 IK301 must
 * echo; it must still never reach a message.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readX12, validateX12 } from './read';
import { readTransaction } from './transactions/readers';
import { readTa1Segment } from './transactions/ta1/ta1.reader';
import { KNOWN_SEGMENT_IDS, segmentLabel } from './syntax/segment-ids';
import { X12Error, type Diagnostic } from './syntax/types';
import { walkTransaction } from './schema/walker';
import { allGuides } from './transactions';

const SAMPLES = join(__dirname, '..', '..', 'edi-samples');
const CANARY = 'QQCANARYZX';
/** Well-formed as an X12 id, but no guide's: may stay in locations, never in messages. */
const SHORT_ID = 'QZQ';

interface Sample {
  name: string;
  text: string;
}

function samples(): Sample[] {
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(SAMPLES, folder.name))
        .filter((file) => file.endsWith('.x12'))
        .sort()
        .map((file) => ({
          name: `${folder.name}/${file}`,
          text: readFileSync(join(SAMPLES, folder.name, file), 'latin1'),
        })),
    );
}

interface Piece {
  /** One segment with its terminator and any line break after it. */
  text: string;
  element: string;
  component: string;
}

/** The file cut into segments, each with its own interchange's delimiters (files may mix them). */
function segmentsOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (let start = text.indexOf('ISA'); start >= 0; start = text.indexOf('ISA', from)) {
    if (start > from) pieces.push({ text: text.slice(from, start), element: '', component: '' });
    const element = text[start + 3];
    // ISA16 follows the 16th element separator (counted, since some golden ISAs are not fixed width)
    let at = start;
    for (let n = 0; n < 16; n++) at = text.indexOf(element, at + 1);
    const component = text[at + 1];
    const terminator = text[at + 2];
    from = start;
    for (let end = text.indexOf(terminator, from); end >= 0; end = text.indexOf(terminator, from)) {
      let next = end + 1;
      while (text[next] === '\r' || text[next] === '\n') next++;
      const segment = text.slice(from, next);
      pieces.push({ text: segment, element, component });
      from = next;
      if (segment.startsWith(`IEA${element}`)) break;
    }
    if (from === start) break; // an ISA with no terminator after it: the rest stays one piece
  }
  if (from < text.length) pieces.push({ text: text.slice(from), element: '', component: '' });
  return pieces;
}

/**
 * The envelope's control numbers are how a location names its interchange, group and transaction set
 * (and what a 999 or TA1 echoes): a canary put in an ISA, GS or ST element may show up in that header's
 * control-number field of the location (a header that is not fixed width is read tolerantly, so a
 * neighbouring element can end up in it), nowhere else.
 */
const CONTROL_NUMBER_FIELDS: Record<string, string> = {
  ISA: 'interchangeControlNumber',
  GS: 'groupControlNumber',
  ST: 'transactionControlNumber',
};

interface Variant {
  text: string;
  marker: string;
  /** The location field allowed to carry the marker (a control number put in its own element). */
  ownField?: string;
}

/**
 * Every single-place mutation of a file: each segment id, each element, each component. Segments
 * that repeat the id and element count of two earlier ones (the claims of a long 835) are skipped.
 */
function* variants(text: string, canary: string): Generator<Variant> {
  const pieces = segmentsOf(text);
  const shapes = new Map<string, number>();
  for (let s = 0; s < pieces.length; s++) {
    const { text: piece, element, component } = pieces[s];
    if (element === '') continue;
    const body = piece.replace(/[\r\n]+$/, '');
    const tail = piece.slice(body.length);
    const terminator = body.slice(-1);
    const parts = body.slice(0, -1).split(element);
    const shape = `${parts[0]}/${parts.length}`;
    const seen = shapes.get(shape) ?? 0;
    shapes.set(shape, seen + 1);
    if (seen >= 2) continue;
    const rebuild = (next: string[]) =>
      [...pieces.slice(0, s).map((p) => p.text), next.join(element) + terminator + tail]
        .concat(pieces.slice(s + 1).map((p) => p.text))
        .join('');
    yield { text: rebuild([canary, ...parts.slice(1)]), marker: canary };
    if (parts[0] !== 'ISA') yield { text: rebuild([SHORT_ID, ...parts.slice(1)]), marker: SHORT_ID };
    for (let e = 1; e < parts.length; e++) {
      if (parts[0] === 'ISA' && e === 16) continue; // ISA16 is the component separator itself
      const next = [...parts];
      next[e] = canary;
      const ownField = Object.hasOwn(CONTROL_NUMBER_FIELDS, parts[0])
        ? CONTROL_NUMBER_FIELDS[parts[0]]
        : undefined;
      yield { text: rebuild(next), marker: canary, ownField };
      const components = parts[e].split(component);
      if (components.length < 2) continue;
      for (let c = 0; c < components.length; c++) {
        const composite = [...components];
        composite[c] = canary;
        const withComponent = [...parts];
        withComponent[e] = composite.join(component);
        yield { text: rebuild(withComponent), marker: canary, ownField };
      }
    }
  }
}

interface Outcome {
  diagnostics: Diagnostic[];
  /** The typed models (to prove the canary reached the readers). */
  models: unknown[];
}

/** Validation plus every typed reader; an X12Error counts as a diagnostic (its message is checked too). */
function runEngine(text: string): Outcome {
  const diagnostics: Diagnostic[] = [];
  const models: unknown[] = [];
  try {
    diagnostics.push(...validateX12(text).diagnostics);
    for (const interchange of readX12(text).value) {
      for (const ta1 of interchange.ta1) {
        const read = readTa1Segment(ta1, interchange);
        diagnostics.push(...read.diagnostics);
        models.push(read.value);
      }
      for (const group of interchange.groups) {
        for (const tx of group.transactions) {
          const read = readTransaction(tx, interchange) as { value?: unknown; diagnostics?: Diagnostic[] };
          if (read?.diagnostics) diagnostics.push(...read.diagnostics);
          if (read?.value) models.push(read.value);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof X12Error)) throw error;
    diagnostics.push({
      severity: 'error',
      code: error.code,
      message: error.message,
      location: error.location,
    });
  }
  return { diagnostics, models };
}

describe('PHI canary over every golden file', () => {
  const files = samples();

  it('finds golden files of every transaction set', () => {
    const folders = new Set(files.map((file) => file.name.split('/')[0]));
    for (const folder of ['270', '271', '277ca', '835', '837i', '837p', '999', 'envelope']) {
      expect(folders).toContain(folder);
    }
  });

  // a few thousand validations per file on a shared machine
  jest.setTimeout(120_000);

  it.each(files.map((file) => [file.name, file] as const))(
    '%s: no diagnostic names a canary put in any segment id, element or component',
    (_name, file) => {
      let mutations = 0;
      let reported = 0;
      let reachedModel = 0;
      const leaks: string[] = [];
      for (const variant of variants(file.text, CANARY)) {
        mutations++;
        const { diagnostics, models } = runEngine(variant.text);
        if (diagnostics.length > 0) reported++;
        if (models.some((model) => JSON.stringify(model).includes(CANARY))) reachedModel++;
        for (const diagnostic of diagnostics) {
          if (diagnostic.message.includes(variant.marker))
            leaks.push(`${diagnostic.code} message: ${diagnostic.message}`);
          const location: Record<string, unknown> = { ...diagnostic.location };
          if (variant.ownField) delete location[variant.ownField];
          if (variant.marker === CANARY && JSON.stringify(location).includes(CANARY))
            leaks.push(`${diagnostic.code} location: ${JSON.stringify(diagnostic.location)}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(mutations).toBeGreaterThan(10);
      // the broken files were noticed, and canaries did travel as far as the typed models
      expect(reported).toBeGreaterThan(mutations / 2);
      if (!file.name.startsWith('envelope/')) expect(reachedModel).toBeGreaterThan(0);
    },
  );
});

describe('segment ids in messages', () => {
  it('names only the ids of the guides (and the envelope), which are all listed', () => {
    const guideIds = new Set<string>();
    const collect = (nodes: readonly { kind: string; id: string; children?: unknown }[]): void => {
      for (const node of nodes) {
        if (node.kind === 'segment') guideIds.add(node.id);
        else collect(node.children as typeof nodes);
      }
    };
    for (const guide of allGuides()) collect(guide.schema.children);
    const known = new Set<string>(KNOWN_SEGMENT_IDS);
    expect([...guideIds].filter((id) => !known.has(id))).toEqual([]);
    expect([...known].filter((id) => !guideIds.has(id)).sort()).toEqual(['GE', 'GS', 'IEA', 'ISA', 'TA1']);
    expect(segmentLabel('NM1')).toBe('Segment NM1');
    expect(segmentLabel('ZQX')).toBe('A segment');
    expect(segmentLabel(CANARY)).toBe('A segment');
  });

  it('the walker reports an unknown segment by position and loop only', () => {
    const guide = allGuides().find((g) => g.schema.transactionSet === '835');
    if (!guide) throw new Error('835 guide missing');
    const segment = (id: string, index: number) => ({ id, elements: ['1'], index, byteOffset: index * 10 });
    const walk = walkTransaction(guide.schema, [segment('ST', 0), segment(CANARY, 1), segment('SE', 2)]);
    const unexpected = walk.diagnostics.find((d) => d.code === 'X12-IG-SEGMENT-UNEXPECTED');
    expect(unexpected?.message).toBe('A segment at position 2 is not expected in the transaction set header');
    expect(unexpected?.location.segmentPositionInTransaction).toBe(2);
    expect(unexpected?.location.segmentId).toBeUndefined();
  });
});
