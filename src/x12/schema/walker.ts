/**
 * Schema walker: assigns every segment of a transaction set (ST..SE) to a loop instance, the way
 * implementation guides are read. A loop is entered by its trigger segment (children[0], identified by
 * segment id and qualifier values). For each segment the walker looks, in order: in the current loop
 * after the current position, in that loop's child loops (their triggers), then in each enclosing loop
 * after the child loop it is in (which also starts a new repetition of a sibling loop).
 *
 * Iterative (an explicit stack bounded by the schema's depth), no regular expressions: linear in the
 * number of segments times the schema's width. Reports SNIP 2 structure problems: unexpected segment,
 * required segment or loop missing, repeat over limit, not-used segment or loop present.
 */
import type { Diagnostic, DiagnosticLocation, Segment } from '../syntax/types';
import { components } from '../syntax/elements';
import { segmentLabel } from '../syntax/segment-ids';
import { diagnostic, loopName, segmentLocation } from '../validation/location';
import type { LoopDef, Repeat, SchemaNode, SegmentDef, TransactionSchema } from './types';

/** One occurrence of a loop with the segments it holds directly and its child loop instances. */
export interface LoopInstance {
  /** Guide loop id; '' for the transaction set level (ST, BHT, SE). */
  loopId: string;
  def: LoopDef;
  parent: LoopInstance | undefined;
  /** Segments directly in this loop, in order (the trigger first). */
  segments: Segment[];
  /** Child loop instances, in order. */
  loops: LoopInstance[];
}

export interface WalkResult {
  root: LoopInstance;
  diagnostics: Diagnostic[];
  /** The loop instance a segment was assigned to (root for header segments and unplaced ones). */
  loopOf(segment: Segment): LoopInstance | undefined;
  /** The schema segment a segment matched; undefined when it matched none (unexpected). */
  segmentDefOf(segment: Segment): SegmentDef | undefined;
}

interface Frame {
  instance: LoopInstance;
  /** Index in def.children of the last child matched (-1 before any). */
  position: number;
  /** Occurrences per child index: segments, or loop instances started. */
  counts: number[];
  isRoot: boolean;
}

/** Component separator only matters for composite qualifiers (HI01-1); callers pass the real one. */
export interface WalkOptions {
  location?: DiagnosticLocation;
  componentSeparator?: string;
}

export function walkTransaction(
  schema: TransactionSchema,
  segments: readonly Segment[],
  options: WalkOptions = {},
): WalkResult {
  const base = options.location ?? {};
  const separator = { component: options.componentSeparator ?? ':' };
  const rootDef: LoopDef = {
    kind: 'loop',
    id: '',
    name: `${schema.id} transaction set`,
    usage: 'R',
    repeat: 1,
    children: schema.children,
  };
  const root: LoopInstance = { loopId: '', def: rootDef, parent: undefined, segments: [], loops: [] };
  const stack: Frame[] = [newFrame(root, true)];
  const diagnostics: Diagnostic[] = [];
  // one identity map (segment -> index in `segments`) and plain arrays: cheap on 400k-segment files
  const indexOf = new Map<Segment, number>();
  const loopAt: (LoopInstance | undefined)[] = new Array<LoopInstance | undefined>(segments.length);
  const defAt: (SegmentDef | undefined)[] = new Array<SegmentDef | undefined>(segments.length);

  const matches = (def: SegmentDef, segment: Segment): boolean => {
    if (def.id !== segment.id) return false;
    const qualifier = def.qualifier;
    if (!qualifier) return true;
    const raw = segment.elements[qualifier.element - 1] ?? '';
    const value =
      qualifier.component === undefined ? raw : (components(raw, separator)[qualifier.component - 1] ?? '');
    return qualifier.values.includes(value);
  };

  const closeFrame = (frame: Frame): void => {
    const children = frame.instance.def.children;
    const anchor = frame.instance.segments[0];
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (child.usage !== 'R' || frame.counts[k] > 0) continue;
      const where = anchor
        ? segmentLocation(base, anchor, (indexOf.get(anchor) ?? -1) + 1, frame.instance.loopId)
        : { ...base };
      if (child.kind === 'segment') {
        where.segmentId = child.id;
        diagnostics.push(
          diagnostic(
            'error',
            'X12-IG-SEGMENT-MISSING',
            2,
            missingSegmentMessage(child, frame.instance.loopId),
            where,
          ),
        );
      } else {
        where.loopId = child.id;
        where.segmentId = child.children[0]?.kind === 'segment' ? child.children[0].id : undefined;
        diagnostics.push(
          diagnostic(
            'error',
            'X12-IG-LOOP-MISSING',
            2,
            `Required loop ${child.id} (${child.name}) is missing in ${loopName(frame.instance.loopId)}`,
            where,
          ),
        );
      }
    }
  };

  segments.forEach((segment, i) => {
    const positionInTransaction = i + 1;
    indexOf.set(segment, i);
    const found = findPlace(stack, segment, matches);
    if (!found) {
      const frame = stack[stack.length - 1];
      frame.instance.segments.push(segment);
      loopAt[i] = frame.instance;
      const siblings = frame.instance.def.children;
      const allowedHere = siblings.some((c) => c.kind === 'segment' && matches(c, segment));
      const sameId = siblings.some((c) => c.kind === 'segment' && c.id === segment.id);
      const where = segmentLocation(base, segment, positionInTransaction, frame.instance.loopId);
      // a received id is data: named only when the guides define it (sameId/allowedHere imply that)
      const place = `${segmentLabel(segment.id)} at position ${positionInTransaction}`;
      const loop = loopName(frame.instance.loopId);
      diagnostics.push(
        allowedHere
          ? diagnostic(
              'error',
              'X12-IG-SEGMENT-ORDER',
              2,
              `${place} is out of the guide's order in ${loop}`,
              where,
            )
          : sameId
            ? diagnostic(
                'error',
                'X12-IG-SEGMENT-QUALIFIER',
                2,
                `${place} has a qualifier not allowed in ${loop}`,
                where,
              )
            : diagnostic(
                'error',
                'X12-IG-SEGMENT-UNEXPECTED',
                2,
                `${place} is not expected in ${loop}`,
                where,
              ),
      );
      return;
    }
    while (stack.length - 1 > found.depth) closeFrame(stack.pop() as Frame);
    const frame = stack[stack.length - 1];
    const child = frame.instance.def.children[found.childIndex];
    frame.position = found.childIndex;
    frame.counts[found.childIndex]++;
    const count = frame.counts[found.childIndex];
    let target = frame.instance;
    let segmentDef: SegmentDef;
    if (child.kind === 'loop') {
      const instance: LoopInstance = {
        loopId: child.id,
        def: child,
        parent: frame.instance,
        segments: [],
        loops: [],
      };
      frame.instance.loops.push(instance);
      const childFrame = newFrame(instance, false);
      childFrame.position = 0;
      childFrame.counts[0] = 1;
      stack.push(childFrame);
      target = instance;
      segmentDef = child.children[0] as SegmentDef;
      const where = () => segmentLocation(base, segment, positionInTransaction, child.id);
      if (child.usage === 'N') {
        diagnostics.push(
          diagnostic(
            'error',
            'X12-IG-LOOP-NOT-USED',
            2,
            `Loop ${child.id} is marked not used in this guide`,
            where(),
          ),
        );
      }
      if (overLimit(count, child.repeat)) {
        diagnostics.push(
          diagnostic(
            'error',
            'X12-IG-LOOP-REPEAT',
            2,
            `Loop ${child.id} occurs more than ${String(child.repeat)} times in ${loopName(frame.instance.loopId)}`,
            where(),
          ),
        );
      }
    } else {
      segmentDef = child;
      const where = () => segmentLocation(base, segment, positionInTransaction, frame.instance.loopId);
      if (overLimit(count, child.repeat)) {
        diagnostics.push(
          diagnostic(
            'error',
            'X12-IG-SEGMENT-REPEAT',
            2,
            `Segment ${child.id} occurs more than ${String(child.repeat)} times in ${loopName(frame.instance.loopId)}`,
            where(),
          ),
        );
      }
    }
    if (segmentDef.usage === 'N') {
      diagnostics.push(
        diagnostic(
          'error',
          'X12-IG-SEGMENT-NOT-USED',
          2,
          `Segment ${segmentDef.id} is marked not used in ${loopName(target.loopId)}`,
          segmentLocation(base, segment, positionInTransaction, target.loopId),
        ),
      );
    }
    target.segments.push(segment);
    loopAt[i] = target;
    defAt[i] = segmentDef;
  });
  while (stack.length > 0) closeFrame(stack.pop() as Frame);

  return {
    root,
    diagnostics,
    loopOf: (segment) => {
      const i = indexOf.get(segment);
      return i === undefined ? undefined : loopAt[i];
    },
    segmentDefOf: (segment) => {
      const i = indexOf.get(segment);
      return i === undefined ? undefined : defAt[i];
    },
  };
}

function newFrame(instance: LoopInstance, isRoot: boolean): Frame {
  return { instance, position: -1, counts: instance.def.children.map(() => 0), isRoot };
}

interface Place {
  depth: number;
  childIndex: number;
}

/**
 * Where `segment` goes: innermost loop first (from its current position; segments with the same id
 * next to each other, such as a loop's several REF or DTP, may come in any order), then each enclosing
 * loop from the child loop it is in (inclusive: the same loop again is a new repetition).
 */
function findPlace(
  stack: readonly Frame[],
  segment: Segment,
  matches: (def: SegmentDef, segment: Segment) => boolean,
): Place | undefined {
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const frame = stack[depth];
    const children = frame.instance.def.children;
    let start = Math.max(frame.position, 0);
    if (depth === stack.length - 1) {
      start = sameIdRunStart(children, start, segment.id);
      // a loop's trigger segment starts a new loop instance; it never repeats inside the instance
      if (!frame.isRoot) start = Math.max(start, 1);
    }
    for (let k = start; k < children.length; k++) {
      if (!nodeMatches(children[k], segment, matches)) continue;
      return { depth, childIndex: bestInRun(frame, k, segment, matches) };
    }
  }
  return undefined;
}

/**
 * Several same-id siblings can match one segment (2400 PWK*CT fits both the line supplemental PWK and
 * the DME certificate PWK, whose PWK01 is only CT). Prefer the one with the narrowest qualifier that
 * still has room under its repeat limit; otherwise the first match.
 */
function bestInRun(
  frame: Frame,
  first: number,
  segment: Segment,
  matches: (def: SegmentDef, segment: Segment) => boolean,
): number {
  const children = frame.instance.def.children;
  const firstNode = children[first];
  if (firstNode.kind !== 'segment') return first;
  let best = first;
  let bestScore = specificity(firstNode, frame.counts[first]);
  for (let k = first + 1; k < children.length; k++) {
    const node = children[k];
    if (node.kind !== 'segment' || node.id !== segment.id) break;
    if (!matches(node, segment)) continue;
    const score = specificity(node, frame.counts[k]);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/** Higher is better: room left under the repeat limit first, then a narrower qualifier. */
function specificity(def: SegmentDef, count: number): number {
  const hasRoom = def.repeat === '>1' || count < def.repeat ? 1_000_000 : 0;
  const narrowness = def.qualifier ? 100_000 - def.qualifier.values.length : 0;
  return hasRoom + narrowness;
}

function nodeMatches(
  node: SchemaNode,
  segment: Segment,
  matches: (def: SegmentDef, segment: Segment) => boolean,
): boolean {
  if (node.kind === 'segment') return matches(node, segment);
  const trigger = node.children[0];
  return trigger !== undefined && trigger.kind === 'segment' && matches(trigger, segment);
}

function sameIdRunStart(children: readonly SchemaNode[], position: number, segmentId: string): number {
  const current = children[position];
  if (!current || current.kind !== 'segment' || current.id !== segmentId) return position;
  let start = position;
  while (start > 0) {
    const previous = children[start - 1];
    if (previous.kind !== 'segment' || previous.id !== segmentId) break;
    start--;
  }
  return start;
}

function overLimit(count: number, repeat: Repeat): boolean {
  return repeat !== '>1' && count > repeat;
}

function missingSegmentMessage(def: SegmentDef, loopId: string): string {
  const qualifier = def.qualifier ? ` (${def.name})` : '';
  return `Required segment ${def.id}${qualifier} is missing in ${loopName(loopId)}`;
}
