/**
 * 271 (005010X279A1) situational rules (SNIP 4) and the guide registration.
 */
import type { TransactionGuide, TransactionRule } from '../guide.types';
import { DiagnosticCollector } from '../277ca-005010x214/diagnostics';
import { splitHierarchicalLevels } from '../277ca-005010x214/hierarchy';
import { eligibilityHierarchyRule, eligibilityPatientLevels } from '../270-005010x279a1/270.rules';
import { DIAGNOSTICS_271 as CODES } from './271.codes';
import { schema271, schema271For } from './271.schema';

/**
 * Every patient level (a dependent, or a subscriber without dependents) answers the inquiry: with at
 * least one EB benefit, or with an AAA saying why it cannot.
 */
export const benefitOrRejectionRule: TransactionRule = (input) => {
  const first = input.segments[0];
  const out = new DiagnosticCollector(input.location, first?.id === 'ST' ? first.index : undefined);
  for (const level of eligibilityPatientLevels(splitHierarchicalLevels(input.segments).levels)) {
    if (!level.body.some((segment) => segment.id === 'EB' || segment.id === 'AAA')) {
      const loop = level.levelCode === '22' ? 'C' : 'D';
      out.error(
        CODES.noBenefitOrRejection,
        `The patient's level (2000${loop}) has neither an EB benefit nor an AAA rejection.`,
        { segment: level.hl, loopId: `2000${loop}` },
        4,
      );
    }
  }
  return out.diagnostics;
};

/** LS*2120 and LE*2120 pair up inside each 2110 loop. */
export const lsLeRule: TransactionRule = (input) => {
  const first = input.segments[0];
  const out = new DiagnosticCollector(input.location, first?.id === 'ST' ? first.index : undefined);
  for (const level of splitHierarchicalLevels(input.segments).levels) {
    let open: (typeof level.body)[number] | undefined;
    for (const segment of level.body) {
      if (segment.id === 'LS') {
        if (open) out.error(CODES.unbalancedLsLe, 'LS*2120 opens again before its LE*2120.', { segment }, 2);
        open = segment;
      } else if (segment.id === 'LE') {
        if (!open) out.error(CODES.unbalancedLsLe, 'LE*2120 without a preceding LS*2120.', { segment }, 2);
        open = undefined;
      } else if (segment.id === 'EB' && open) {
        out.error(
          CODES.unbalancedLsLe,
          'LS*2120 is not closed by LE*2120 before the next EB.',
          { segment: open },
          2,
        );
        open = undefined;
      }
    }
    if (open) out.error(CODES.unbalancedLsLe, 'LS*2120 is not closed by LE*2120.', { segment: open }, 2);
  }
  return out.diagnostics;
};

/**
 * A level the payer rejects with AAA keeps the HL04 of the request (the TR3's own example answers
 * HL*2*1*21*1 with an AAA and no subscriber), so its HL04 is not held against the tree.
 */
export const hierarchy271Rule: TransactionRule = eligibilityHierarchyRule('X12-271', (level) =>
  level.body.some((segment) => segment.id === 'AAA'),
);

export const guide271: TransactionGuide = {
  schema: schema271,
  rules: [hierarchy271Rule, benefitOrRejectionRule, lsLeRule],
};

/** The same guide for payers that still label the 271 with the original 005010X279. */
export const guide271X279: TransactionGuide = { ...guide271, schema: schema271For('005010X279') };
