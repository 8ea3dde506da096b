/**
 * Registry of implementation guides, looked up by ST01 + guide version (ST03, or GS08 when ST03 is
 * absent). To add a guide: import it and add one line to GUIDES.
 */
import { guide835 } from './835-005010x221a1/835.guide';
import { guide999 } from './999-005010x231a1/999.guide';
import { guide837I } from './837i-005010x223a2/837i.guide';
import { guide837P } from './837p-005010x222a1/837p.guide';
import type { TransactionGuide } from './guide.types';
import { guide277CA } from './277ca-005010x214/277ca.rules';
import { guide270, guide270X279 } from './270-005010x279a1/270.rules';
import { guide271, guide271X279 } from './271-005010x279a1/271.rules';

const GUIDES: readonly TransactionGuide[] = [
  guide837P,
  guide837I,
  guide835,
  guide999,
  guide277CA,
  guide270,
  guide271,
  guide270X279,
  guide271X279,
  // one line per guide
];

const extraGuides: TransactionGuide[] = [];

/** Add a guide at run time (tests, plug-ins). Built-in guides belong in GUIDES above. */
export function registerGuide(guide: TransactionGuide): void {
  extraGuides.push(guide);
}

/** Every registered guide, built-in first. */
export function allGuides(): readonly TransactionGuide[] {
  return [...GUIDES, ...extraGuides];
}

/** The guide for a transaction set id (ST01, e.g. `837`) and version (e.g. `005010X222A1`). */
export function guideFor(transactionSetId: string, version: string): TransactionGuide | undefined {
  for (const guide of [...GUIDES, ...extraGuides]) {
    if (guide.schema.transactionSet === transactionSetId && guide.schema.version === version) return guide;
  }
  return undefined;
}
