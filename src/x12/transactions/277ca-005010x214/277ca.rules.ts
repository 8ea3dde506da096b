/**
 * 277CA (005010X214) situational rules (SNIP 4) and the guide registration.
 */
import type { RuleInput, TransactionGuide, TransactionRule } from '../guide.types';
import { DIAGNOSTICS_277CA as CODES } from './277ca.codes';
import { schema277CA } from './277ca.schema';
import { DiagnosticCollector } from './diagnostics';
import { splitHierarchicalLevels } from './hierarchy';
import { hierarchyRule } from './hierarchy.rules';

export const hierarchy277CARule: TransactionRule = hierarchyRule({
  prefix: 'X12-277CA',
  // 2000A source > 2000B receiver > 2000C billing provider > 2000D patient (PT; 22 tolerated on read).
  parents: { '20': [], '21': ['20'], '19': ['21'], PT: ['19'] },
  withoutChildCode: ['PT'],
  loopIds: { '20': '2000A', '21': '2000B', '19': '2000C', PT: '2000D' },
});

/**
 * Every 2000D claim needs a 2200D TRN (its TRN02 echoes CLM01, the key to reconcile the claim) and at
 * least one STC; every 2220D service line needs an STC.
 */
export const claimStatusRequiredRule: TransactionRule = (input: RuleInput) => {
  const first = input.segments[0];
  const out = new DiagnosticCollector(input.location, first?.id === 'ST' ? first.index : undefined);
  for (const level of splitHierarchicalLevels(input.segments).levels) {
    if (level.levelCode !== 'PT' && level.levelCode !== '22') continue;
    const firstSvc = level.body.findIndex((segment) => segment.id === 'SVC');
    const claimPart = firstSvc < 0 ? level.body : level.body.slice(0, firstSvc);
    if (!claimPart.some((segment) => segment.id === 'TRN')) {
      out.error(
        CODES.missingTrn,
        'Claim level (2200D) has no TRN: the patient control number is missing.',
        { segment: level.hl, loopId: '2200D' },
        4,
      );
    }
    if (!claimPart.some((segment) => segment.id === 'STC')) {
      out.error(
        CODES.missingStc,
        'Claim level (2200D) has no STC status.',
        { segment: level.hl, loopId: '2200D' },
        4,
      );
    }
    if (firstSvc < 0) continue;
    let svc = level.body[firstSvc];
    let hasStc = false;
    for (const segment of level.body.slice(firstSvc + 1).concat([{ ...svc, id: 'SVC-END' }])) {
      if (segment.id === 'SVC' || segment.id === 'SVC-END') {
        if (!hasStc)
          out.error(
            CODES.missingStc,
            'Service line (2220D) has no STC status.',
            { segment: svc, loopId: '2220D' },
            4,
          );
        svc = segment;
        hasStc = false;
      } else if (segment.id === 'STC') hasStc = true;
    }
  }
  return out.diagnostics;
};

export const guide277CA: TransactionGuide = {
  schema: schema277CA,
  rules: [hierarchy277CARule, claimStatusRequiredRule],
};
