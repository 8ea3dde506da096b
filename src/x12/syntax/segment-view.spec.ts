import fc from 'fast-check';
import { parseCents } from '../money';
import { components } from './elements';
import { SegmentScanner } from './segment-scanner';
import { SegmentView } from './segment-view';
import type { Segment } from './types';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~';

/** What a reader can ask of a view, asked of every element while the view is current. */
function observe(view: SegmentView): unknown {
  const count = view.elementCount + 2; // and past the last element
  const at = [...Array(count).keys()];
  return {
    id: view.id,
    index: view.index,
    byteOffset: view.byteOffset,
    elements: at.map((i) => view.elementAt(i)),
    hasValue: at.map((i) => view.hasValue(i)),
    cents: at.map((i) => view.centsAt(i)),
    components: at.map((i) => view.componentsAt(i, ':')),
    all: view.toElements(),
  };
}

/** The same questions answered from a kept Segment by the plain array helpers. */
function expected(segment: Segment): unknown {
  const count = segment.elements.length + 2;
  const at = [...Array(count).keys()];
  return {
    id: segment.id,
    index: segment.index,
    byteOffset: segment.byteOffset,
    elements: at.map((i) => segment.elements[i]),
    hasValue: at.map((i) => (segment.elements[i] ?? '') !== ''),
    cents: at.map((i) => parseCents(segment.elements[i] ?? '')),
    components: at.map((i) => components(segment.elements[i] ?? '', { component: ':' })),
    all: segment.elements,
  };
}

function scan(input: string | Uint8Array): { seen: unknown[]; kept: Segment[] } {
  const seen: unknown[] = [];
  const kept: Segment[] = [];
  const scanner = new SegmentScanner({
    segment: (view) => {
      seen.push(observe(view));
      kept.push(view.toSegment());
    },
    diagnostic: () => undefined,
  });
  scanner.push(input);
  scanner.end();
  return { seen, kept };
}

const element = fc.oneof(
  fc.constantFrom('', '0', '12.5', '-3.25', '1.005', 'HC:99213:25', ':A', 'B:', '::', 'PCN0001'),
  fc.stringMatching(/^[A-Z0-9.:-]{0,14}$/),
);
const body = fc.array(
  fc.tuple(fc.constantFrom('CLP', 'SVC', 'CAS', 'N1', 'X9'), fc.array(element, { maxLength: 8 })),
  { maxLength: 12 },
);

describe('SegmentView', () => {
  it('answers, element by element, what a plain split of the segment answers (property)', () => {
    fc.assert(
      fc.property(body, (segments) => {
        const text = `${ISA}${segments.map(([id, elements]) => [id, ...elements].join('*')).join('~')}~IEA*0*000000001~`;
        const { seen, kept } = scan(text);
        expect(seen).toEqual(kept.map(expected));
        // the kept segments are what a plain split gives
        const bodySegments = kept.slice(1, -1);
        expect(bodySegments.map((segment) => [segment.id, ...segment.elements].join('*'))).toEqual(
          segments.map(([id, elements]) => [id, ...elements].join('*')),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads non-ASCII input (each segment decoded on its own) the same way', () => {
    const text = `${ISA}NM1*QC*1*MÜLLER*JOSÉ~AMT*B6*12.50~IEA*0*000000001~`;
    const { seen, kept } = scan(Buffer.from(text, 'utf8'));
    expect(kept[1].elements).toEqual(['QC', '1', 'MÜLLER', 'JOSÉ']);
    expect(seen).toEqual(kept.map(expected));
    expect((seen[2] as { cents: unknown[] }).cents[1]).toBe(1250);
  });

  it('is refilled for every segment: only toSegment() outlives the call', () => {
    const views: SegmentView[] = [];
    const copies: Segment[] = [];
    const scanner = new SegmentScanner({
      segment: (view) => {
        views.push(view);
        copies.push(view.toSegment());
      },
      diagnostic: () => undefined,
    });
    scanner.push(`${ISA}REF*6R*LINE0001~IEA*0*000000001~`);
    scanner.end();
    expect(new Set(views).size).toBe(1); // one view, reused
    expect(views[1].id).toBe('IEA'); // it now shows the last segment
    expect(copies.map((segment) => segment.id)).toEqual(['ISA', 'REF', 'IEA']);
    expect(copies[1].elements).toEqual(['6R', 'LINE0001']);
  });

  it('reads a kept Segment loaded into it', () => {
    const segment: Segment = {
      id: 'SVC',
      elements: ['HC:99213', '150', '', '1.005'],
      index: 7,
      byteOffset: 90,
    };
    const view = new SegmentView().load(segment);
    expect(observe(view)).toEqual(expected(segment));
    expect(view.centsAt(3)).toBeUndefined(); // a sub-cent amount is not an amount
    const copy = view.toSegment();
    expect(copy).toEqual(segment);
    expect(copy.elements).not.toBe(segment.elements); // a copy: the loaded segment is never shared
  });
});
