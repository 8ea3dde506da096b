/**
 * SNIP 4 rule shared by the 277CA, 270 and 271: the HL tree must be consistent. HL01 unique; HL02
 * empty at the top level and otherwise naming an earlier HL of the level the guide puts above it;
 * HL04 (when used) 1 exactly when the level has children.
 */
import type { RuleInput, TransactionRule } from '../guide.types';
import { DiagnosticCollector } from './diagnostics';
import { splitHierarchicalLevels, type HierarchicalLevel } from './hierarchy';

export interface HierarchyRuleOptions {
  /** Code prefix, e.g. `X12-277CA` gives `X12-277CA-HL-PARENT`. */
  prefix: string;
  /** Allowed parent level codes per level code; an empty list means a top level (HL02 empty). */
  parents: Readonly<Record<string, readonly string[]>>;
  /** Level codes whose HL04 is not used by the guide (not checked). */
  withoutChildCode?: readonly string[];
  /** Levels whose HL04 is not checked, e.g. a 271 level rejected with AAA that echoes the request's HL04. */
  skipChildCode?: (level: HierarchicalLevel) => boolean;
  /** Loop id per level code, for diagnostics. */
  loopIds: Readonly<Record<string, string>>;
}

export function hierarchyRule(options: HierarchyRuleOptions): TransactionRule {
  return (input: RuleInput) => {
    const first = input.segments[0];
    const out = new DiagnosticCollector(input.location, first?.id === 'ST' ? first.index : undefined);
    const { levels } = splitHierarchicalLevels(input.segments);
    const seen = new Map<string, HierarchicalLevel>();
    const childCount = new Map<HierarchicalLevel, number>();
    for (const level of levels) {
      const loopId = options.loopIds[level.levelCode];
      const allowedParents = options.parents[level.levelCode];
      if (seen.has(level.id)) {
        out.error(
          `${options.prefix}-HL-DUPLICATE-ID`,
          'HL01 repeats the id of an earlier HL.',
          { segment: level.hl, loopId, element: 'HL01' },
          4,
        );
      }
      if (allowedParents === undefined) {
        out.error(
          `${options.prefix}-HL-LEVEL`,
          'HL03 is not a level this guide defines.',
          { segment: level.hl, element: 'HL03' },
          2,
        );
      } else if (allowedParents.length === 0) {
        if (level.parentId !== '') {
          out.error(
            `${options.prefix}-HL-PARENT`,
            'HL02 must be empty at the top level.',
            { segment: level.hl, loopId, element: 'HL02' },
            4,
          );
        }
      } else {
        const parent = seen.get(level.parentId);
        if (!parent) {
          out.error(
            `${options.prefix}-HL-PARENT`,
            'HL02 does not name an earlier HL01.',
            { segment: level.hl, loopId, element: 'HL02' },
            4,
          );
        } else if (!allowedParents.includes(parent.levelCode)) {
          out.error(
            `${options.prefix}-HL-PARENT-LEVEL`,
            'HL02 names a parent at a level the guide does not put above this one.',
            { segment: level.hl, loopId, element: 'HL02' },
            4,
          );
        } else {
          childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
        }
      }
      if (!seen.has(level.id)) seen.set(level.id, level);
    }
    for (const level of levels) {
      if (options.withoutChildCode?.includes(level.levelCode) || level.childCode === '') continue;
      if (options.skipChildCode?.(level)) continue;
      const hasChildren = (childCount.get(level) ?? 0) > 0;
      if ((level.childCode === '1') !== hasChildren) {
        out.error(
          `${options.prefix}-HL-CHILD-CODE`,
          'HL04 does not match whether the level has child levels.',
          { segment: level.hl, loopId: options.loopIds[level.levelCode], element: 'HL04' },
          4,
        );
      }
    }
    return out.diagnostics;
  };
}
