/**
 * Small constructors for hand-written guide schemas (277CA, 270, 271), so that each schema reads like
 * the guide's segment tables: one line per element with usage, type, min/max length and codes.
 */
import type {
  ComponentDef,
  ElementDef,
  ElementType,
  LoopDef,
  Repeat,
  SchemaNode,
  SegmentDef,
  Usage,
} from '../../schema/types';

/** A simple element: `el('BHT01', 'Hierarchical Structure Code', 'R', 'ID', 4, 4, ['0085'])`. */
export function el(
  ref: string,
  name: string,
  usage: Usage,
  type: ElementType,
  min: number,
  max: number,
  codes?: readonly string[],
  repeat?: number,
): ElementDef {
  return { ref, name, usage, type, min, max, ...(codes ? { codes } : {}), ...(repeat ? { repeat } : {}) };
}

/** A component of a composite element. */
export function co(
  ref: string,
  name: string,
  usage: Usage,
  type: ElementType,
  min: number,
  max: number,
  codes?: readonly string[],
): ComponentDef {
  return { ref, name, usage, type, min, max, ...(codes ? { codes } : {}) };
}

/** A composite element (type/min/max are ignored for composites). */
export function composite(
  ref: string,
  name: string,
  usage: Usage,
  components: readonly ComponentDef[],
): ElementDef {
  return { ref, name, usage, type: 'AN', min: 1, max: 1, components };
}

/** A segment; `qualifier` tells same-id siblings apart (element number and selecting values). */
export function seg(
  id: string,
  name: string,
  usage: Usage,
  repeat: Repeat,
  elements: readonly ElementDef[],
  qualifier?: { element: number; values: readonly string[] },
): SegmentDef {
  return { kind: 'segment', id, name, usage, repeat, elements, ...(qualifier ? { qualifier } : {}) };
}

/** A loop; `children[0]` is its trigger segment. */
export function loop(
  id: string,
  name: string,
  usage: Usage,
  repeat: Repeat,
  children: readonly SchemaNode[],
): LoopDef {
  return { kind: 'loop', id, name, usage, repeat, children };
}
