/**
 * 277CA (005010X214) situational rules (SNIP 4) and the guide registration.
 */
import type { Segment } from '../../syntax/types';
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
  const missingStc = (segment: Segment, loopId: string, what: string): void =>
    out.error(CODES.missingStc, `${what} has no STC status.`, { segment, loopId }, 4);
  for (const level of splitHierarchicalLevels(input.segments).levels) {
    if (level.levelCode !== 'PT' && level.levelCode !== '22') continue;
    const afterName = level.body[0]?.id === 'NM1' ? level.body.slice(1) : level.body;
    // 2200D repeats within 2000D: each claim starts at its TRN. Anything before the first TRN is a claim without one.
    if (afterName.length === 0 || afterName[0].id !== 'TRN') {
      out.error(
        CODES.missingTrn,
        'Claim level (2200D) has no TRN: the patient control number is missing.',
        { segment: level.hl, loopId: '2200D' },
        4,
      );
    }
    let claimOpener: Segment = level.hl;
    let claimHasStc = true;
    let lineOpener: Segment | undefined;
    let lineHasStc = true;
    const closeLine = (): void => {
      if (lineOpener && !lineHasStc) missingStc(lineOpener, '2220D', 'Service line (2220D)');
      lineOpener = undefined;
    };
    const closeClaim = (): void => {
      closeLine();
      if (!claimHasStc) missingStc(claimOpener, '2200D', 'Claim level (2200D)');
    };
    afterName.forEach((segment, index) => {
      if (segment.id === 'TRN' || index === 0) {
        if (index > 0) closeClaim();
        claimOpener = segment;
        claimHasStc = false;
      }
      if (segment.id === 'SVC') {
        closeLine();
        lineOpener = segment;
        lineHasStc = false;
      } else if (segment.id === 'STC') {
        if (lineOpener) lineHasStc = true;
        else claimHasStc = true;
      }
    });
    if (afterName.length > 0) closeClaim();
    else missingStc(level.hl, '2200D', 'Claim level (2200D)');
  }
  return out.diagnostics;
};

export const guide277CA: TransactionGuide = {
  schema: schema277CA,
  rules: [hierarchy277CARule, claimStatusRequiredRule],
};
