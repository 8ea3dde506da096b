/**
 * HL hierarchy of the 277CA, 270 and 271: splits a transaction body into its hierarchical levels
 * (each HL with the segments up to the next HL) and resolves HL02 parent links. Readers use it to
 * attach each level to its parent; the hierarchy rule uses it to report broken links.
 */
import type { Segment } from '../../syntax/types';

export interface HierarchicalLevel {
  /** HL01. */
  id: string;
  /** HL02 ('' for a top level). */
  parentId: string;
  /** HL03: 20 information source, 21 receiver, 19 provider, 22 subscriber/patient, 23 dependent. */
  levelCode: string;
  /** HL04: 1 when the level has children, 0 when it has none. */
  childCode: string;
  hl: Segment;
  /** The segments after the HL, up to the next HL (or SE). */
  body: Segment[];
}

export interface HierarchySplit {
  /** Segments before the first HL (BHT and anything unexpected), ST and SE excluded. */
  header: Segment[];
  levels: HierarchicalLevel[];
}

/** Split ST..SE into the header and the HL levels. ST and SE themselves are dropped. */
export function splitHierarchicalLevels(segments: readonly Segment[]): HierarchySplit {
  const header: Segment[] = [];
  const levels: HierarchicalLevel[] = [];
  for (const segment of segments) {
    if (segment.id === 'ST' || segment.id === 'SE') continue;
    if (segment.id === 'HL') {
      levels.push({
        id: segment.elements[0] ?? '',
        parentId: segment.elements[1] ?? '',
        levelCode: segment.elements[2] ?? '',
        childCode: segment.elements[3] ?? '',
        hl: segment,
        body: [],
      });
    } else if (levels.length === 0) {
      header.push(segment);
    } else {
      levels[levels.length - 1].body.push(segment);
    }
  }
  return { header, levels };
}
