/**
 * Cross-check of our hand-written implementation-guide schemas against pyx12's XML maps (reference data
 * in ../shared/reference/pyx12-maps, outside the repository): loop by loop, the loop ids, usage, repeat
 * limits and the usage and repeat of each loop's segments. Where the map and the guide disagree the
 * guide wins, and the difference is listed in that row's `exceptions` with the reason.
 *
 * To add a transaction set: one row in COMPARISONS.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { TransactionSchema } from '../schema/types';
import { schema835 } from './835-005010x221a1/835.schema';
import { schema837I } from './837i-005010x223a2/837i.schema';
import { schema837P } from './837p-005010x222a1/837p.schema';
import {
  type LoopOutline,
  elementsOfMap,
  elementsOfSchema,
  outlineOfMap,
  outlineOfSchema,
  parseXml,
} from './pyx12-map.spec-support';

/** Repository root is three levels above this folder; shared/ sits beside the repository. */
const MAPS = path.resolve(__dirname, '../../../../shared/reference/pyx12-maps');

/** A known, intended difference: `path` of the loop, and what differs (`usage`, `repeat`, `segments`, `loop`, `trigger`). */
interface MapException {
  path: string;
  field: 'usage' | 'repeat' | 'segments' | 'loop' | 'trigger';
  reason: string;
}

interface Comparison {
  schema: TransactionSchema;
  mapFile: string;
  exceptions: readonly MapException[];
  /** Also compare every element's and component's usage and code values (opt in per schema). */
  elements?: { exceptions: readonly ElementException[] };
}

/** An intended element-level difference: `loopPath|ref` and what differs. */
interface ElementException {
  at: string;
  field: 'usage' | 'codes';
  reason: string;
}

// 837P element-level differences where we follow the guide (005010X222A1) rather than the map
const ELEMENT_EXCEPTIONS_837P: readonly ElementException[] = [
  {
    at: '|ST03',
    field: 'usage',
    reason: 'ST03 (implementation convention reference) is required in every 5010 guide',
  },
  {
    at: '|BHT06',
    field: 'codes',
    reason: 'BHT06 31 (subrogation demand) is a 5010 claim or encounter identifier',
  },
  ...['2000A/2000B/2300/2400', '2000A/2000B/2000C/2300/2400'].flatMap((loopPath) =>
    ['SV504', 'SV505', 'SV506'].map((ref) => ({
      at: `${loopPath}|${ref}`,
      field: 'usage' as const,
      reason:
        'DME rental/purchase price and rental unit indicator are required only when the DME is rented or bought',
    })),
  ),
];

const COMPARISONS: readonly Comparison[] = [
  {
    schema: schema837P,
    mapFile: '837.5010.X222.A1.xml',
    exceptions: [],
    elements: { exceptions: ELEMENT_EXCEPTIONS_837P },
  },
  { schema: schema837I, mapFile: '837Q3.I.5010.X223.A1.xml', exceptions: [], elements: { exceptions: [] } },
  { schema: schema835, mapFile: '835.5010.X221.A1.xml', exceptions: [] },
];

function byPath(outlines: LoopOutline[]): Map<string, LoopOutline> {
  return new Map(outlines.map((o) => [o.path, o]));
}

describe.each(COMPARISONS.map((c) => [c.schema.id, c] as const))(
  '%s schema against pyx12 map',
  (_id, comparison) => {
    const document = parseXml(readFileSync(path.join(MAPS, comparison.mapFile), 'utf8'));
    const map = byPath(outlineOfMap(document));
    const ours = byPath(outlineOfSchema(comparison.schema));
    const excepted = (loopPath: string, field: MapException['field']) =>
      comparison.exceptions.some((e) => e.path === loopPath && e.field === field);

    it('declares the same loops', () => {
      const missing = [...map.keys()].filter((p) => !ours.has(p) && !excepted(p, 'loop'));
      const extra = [...ours.keys()].filter((p) => !map.has(p) && !excepted(p, 'loop'));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('gives each loop the same usage and repeat', () => {
      const differences: string[] = [];
      for (const [loopPath, mine] of ours) {
        const theirs = map.get(loopPath);
        if (!theirs) continue;
        if (mine.usage !== theirs.usage && !excepted(loopPath, 'usage')) {
          differences.push(`${loopPath} usage ${mine.usage} vs map ${theirs.usage}`);
        }
        if (mine.repeat !== theirs.repeat && !excepted(loopPath, 'repeat')) {
          differences.push(`${loopPath} repeat ${mine.repeat} vs map ${theirs.repeat}`);
        }
      }
      expect(differences).toEqual([]);
    });

    it('gives each loop the same segments, with the same usage and repeat', () => {
      const differences: string[] = [];
      for (const [loopPath, mine] of ours) {
        const theirs = map.get(loopPath);
        if (!theirs || excepted(loopPath, 'segments')) continue;
        if (mine.segments.join(',') !== theirs.segments.join(',')) {
          differences.push(
            `${loopPath || 'header'}: ours [${mine.segments.join(', ')}] map [${theirs.segments.join(', ')}]`,
          );
        }
      }
      expect(differences).toEqual([]);
    });

    it('identifies each loop by the same trigger qualifier values', () => {
      const differences: string[] = [];
      for (const [loopPath, mine] of ours) {
        const theirs = map.get(loopPath);
        if (!theirs || excepted(loopPath, 'trigger')) continue;
        for (const [ref, values] of Object.entries(mine.triggerCodes)) {
          const mapValues = theirs.triggerCodes[ref];
          if (mapValues && mapValues.join(',') !== values.join(',')) {
            differences.push(`${loopPath} ${ref} ours [${values.join(',')}] map [${mapValues.join(',')}]`);
          }
        }
      }
      expect(differences).toEqual([]);
    });

    it('compares a real outline (the map was read)', () => {
      expect(map.size).toBeGreaterThan(2);
      expect(ours.size).toBeGreaterThan(2);
    });

    const elementCheck = comparison.elements;
    // opt in per schema (rows with `elements`): element-level data is checked where it was reviewed
    if (elementCheck) {
      it('gives each element and component the same usage and code values', () => {
        const exceptions = elementCheck?.exceptions ?? [];
        const excused = (at: string, field: ElementException['field']) =>
          exceptions.some((e) => e.at === at && e.field === field);
        const theirs = elementsOfMap(document);
        const differences: string[] = [];
        for (const [loopPath, segments] of elementsOfSchema(comparison.schema)) {
          segments.forEach((elements, index) => {
            const mapElements = theirs.get(loopPath)?.[index];
            if (!mapElements) return;
            for (const [ref, mine] of elements) {
              const other = mapElements.get(ref);
              const at = `${loopPath}|${ref}`;
              if (!other) {
                if (mine.usage !== 'N') differences.push(`${at} not in map`);
                continue;
              }
              if (mine.usage !== other.usage && !excused(at, 'usage')) {
                differences.push(`${at} usage ${mine.usage} vs map ${other.usage}`);
              }
              // code lists of used elements; where we leave codes open (external code lists) the map may list some
              const compareCodes = mine.usage !== 'N' && mine.codes.length > 0 && other.codes.length > 0;
              if (compareCodes && mine.codes.join(',') !== other.codes.join(',') && !excused(at, 'codes')) {
                differences.push(`${at} codes [${mine.codes.join(',')}] vs map [${other.codes.join(',')}]`);
              }
            }
          });
        }
        expect(differences).toEqual([]);
      });
    }

    it('lists only exceptions that are still needed', () => {
      for (const exception of comparison.exceptions) {
        expect(ours.has(exception.path) || map.has(exception.path)).toBe(true);
      }
    });
  },
);
