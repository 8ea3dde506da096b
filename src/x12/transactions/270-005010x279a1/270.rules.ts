/**
 * 270 (005010X279A1) situational rules (SNIP 4) and the guide registration.
 */
import type { RuleInput, TransactionGuide, TransactionRule } from '../guide.types';
import { DiagnosticCollector } from '../277ca-005010x214/diagnostics';
import { splitHierarchicalLevels, type HierarchicalLevel } from '../277ca-005010x214/hierarchy';
import { hierarchyRule } from '../277ca-005010x214/hierarchy.rules';
import { DIAGNOSTICS_270 as CODES } from './270.codes';
import { schema270, schema270For } from './270.schema';

/** HL tree shared by the 270 and 271: 20 > 21 > 22 > 23. */
export function eligibilityHierarchyRule(
  prefix: string,
  skipChildCode?: (level: HierarchicalLevel) => boolean,
): TransactionRule {
  return hierarchyRule({
    prefix,
    skipChildCode,
    parents: { '20': [], '21': ['20'], '22': ['21'], '23': ['22'] },
    loopIds: { '20': '2000A', '21': '2000B', '22': '2000C', '23': '2000D' },
  });
}

function collector(input: RuleInput): DiagnosticCollector {
  const first = input.segments[0];
  return new DiagnosticCollector(input.location, first?.id === 'ST' ? first.index : undefined);
}

/** The patient levels: every 23, and every 22 that has no 23 below it. */
export function eligibilityPatientLevels(levels: readonly HierarchicalLevel[]): HierarchicalLevel[] {
  const withDependents = new Set(
    levels.filter((level) => level.levelCode === '23').map((level) => level.parentId),
  );
  return levels.filter(
    (level) => level.levelCode === '23' || (level.levelCode === '22' && !withDependents.has(level.id)),
  );
}

/**
 * X279A1: the patient's loop carries the trace (2000C/2000D TRN, echoed by the payer in the 271) and
 * at least one inquiry (2110C/2110D EQ).
 */
export const patientInquiryRule: TransactionRule = (input) => {
  const out = collector(input);
  for (const level of eligibilityPatientLevels(splitHierarchicalLevels(input.segments).levels)) {
    const loop = level.levelCode === '22' ? 'C' : 'D';
    if (!level.body.some((segment) => segment.id === 'TRN')) {
      out.error(
        CODES.missingTrn,
        `The patient's level (2000${loop}) has no TRN trace number.`,
        { segment: level.hl, loopId: `2000${loop}` },
        4,
      );
    }
    if (!level.body.some((segment) => segment.id === 'EQ')) {
      out.error(
        CODES.missingEq,
        `The patient's level has no EQ inquiry (loop 2110${loop}).`,
        { segment: level.hl, loopId: `2110${loop}` },
        4,
      );
    }
  }
  return out.diagnostics;
};

/**
 * X279A1: the dependent loop (2000D) is used only when the patient is not the subscriber. A dependent
 * whose INS02 is 18 (self), or whose name and birth date are the subscriber's, belongs in 2000C.
 */
export const dependentNotSubscriberRule: TransactionRule = (input) => {
  const out = collector(input);
  const { levels } = splitHierarchicalLevels(input.segments);
  const byId = new Map(levels.map((level) => [level.id, level]));
  for (const level of levels) {
    if (level.levelCode !== '23') continue;
    const ins = level.body.find((segment) => segment.id === 'INS');
    const subscriber = byId.get(level.parentId);
    const selfRelationship = ins !== undefined && ins.elements[1] === '18';
    if (selfRelationship || (subscriber && samePerson(subscriber, level))) {
      out.error(
        CODES.dependentIsSubscriber,
        'The dependent loop (2000D) describes the subscriber; the subscriber loop (2000C) must carry the inquiry.',
        { segment: ins ?? level.hl, loopId: '2000D', element: selfRelationship ? 'INS02' : undefined },
        4,
      );
    }
  }
  return out.diagnostics;
};

/** Same last name, first name and birth date (values compared, never reported). */
function samePerson(subscriber: HierarchicalLevel, dependent: HierarchicalLevel): boolean {
  const key = (level: HierarchicalLevel): string | undefined => {
    const nm1 = level.body.find((segment) => segment.id === 'NM1');
    const dmg = level.body.find((segment) => segment.id === 'DMG');
    if (!nm1 || !dmg || !dmg.elements[1]) return undefined;
    return [nm1.elements[2] ?? '', nm1.elements[3] ?? '', dmg.elements[1]].join('\u0000').toUpperCase();
  };
  const a = key(subscriber);
  return a !== undefined && a === key(dependent);
}

export const guide270: TransactionGuide = {
  schema: schema270,
  rules: [eligibilityHierarchyRule('X12-270'), patientInquiryRule, dependentNotSubscriberRule],
};

/** The same guide for senders that still label the 270 with the original 005010X279. */
export const guide270X279: TransactionGuide = { ...guide270, schema: schema270For('005010X279') };
