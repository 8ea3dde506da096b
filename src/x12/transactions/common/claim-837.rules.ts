/**
 * SNIP type 3 (balancing) and type 4 (situational) rules the 837P and 837I guides share, plus HL tree
 * integrity. Each rule reads the segments and the loop ids the schema walker assigned; none throws and
 * no message carries an element value.
 */
import { parseCents } from '../../money';
import { elementValue } from '../../syntax/elements';
import type { Diagnostic, Segment } from '../../syntax/types';
import { diagnostic, segmentLocation } from '../../validation/location';
import type { RuleInput, TransactionRule } from '../guide.types';

interface Placed {
  segment: Segment;
  /** 1-based position in the transaction set (ST = 1). */
  position: number;
  loopId: string | undefined;
}

interface ServiceLine {
  lx: Placed;
  segments: Placed[];
}

interface OtherSubscriber {
  /** 2320 SBR. */
  sbr: Placed;
  /** 2330B NM109 other payer primary identifier, when present. */
  payerIdentifier?: string;
  /** Segments of the 2320 loop itself (CAS, AMT, OI ...). */
  segments: Placed[];
}

interface Claim {
  clm: Placed;
  /** Segments of loop 2300 itself (not of its child loops). */
  claimSegments: Placed[];
  lines: ServiceLine[];
  /** The 2000B SBR of the subscriber the claim belongs to. */
  subscriberSBR?: Placed;
  /** 2320 loops (other payers), in order. */
  otherSubscribers: OtherSubscriber[];
}

// Several rules read the same claims and HL tree: compute them once per transaction set.
const claimsCache = new WeakMap<readonly Segment[], Claim[]>();
const hierarchyCache = new WeakMap<readonly Segment[], HierarchicalLevel[]>();

/** Split the transaction into claims (CLM to the next CLM, HL or SE) and their service lines (LX). */
export function claimsOf(input: RuleInput): Claim[] {
  const cached = claimsCache.get(input.segments);
  if (cached) return cached;
  const claims: Claim[] = [];
  claimsCache.set(input.segments, claims);
  let claim: Claim | undefined;
  let line: ServiceLine | undefined;
  let subscriberSBR: Placed | undefined;
  input.segments.forEach((segment, i) => {
    const placed: Placed = { segment, position: i + 1, loopId: input.loopOf(segment) };
    if (segment.id === 'SBR' && placed.loopId === '2000B') subscriberSBR = placed;
    if (segment.id === 'CLM') {
      claim = { clm: placed, claimSegments: [placed], lines: [], subscriberSBR, otherSubscribers: [] };
      line = undefined;
      claims.push(claim);
      return;
    }
    if (segment.id === 'HL' || segment.id === 'SE') {
      claim = undefined;
      line = undefined;
      return;
    }
    if (!claim) return;
    if (segment.id === 'LX') {
      line = { lx: placed, segments: [placed] };
      claim.lines.push(line);
      return;
    }
    if (line) line.segments.push(placed);
    else if (placed.loopId === '2300' || placed.loopId === undefined) claim.claimSegments.push(placed);
    else if (segment.id === 'SBR' && placed.loopId === '2320') {
      claim.otherSubscribers.push({ sbr: placed, segments: [] });
    } else if (placed.loopId === '2320')
      claim.otherSubscribers[claim.otherSubscribers.length - 1]?.segments.push(placed);
    else if (segment.id === 'NM1' && placed.loopId === '2330B') {
      const other = claim.otherSubscribers[claim.otherSubscribers.length - 1];
      if (other) other.payerIdentifier = segment.elements[8] ?? '';
    }
  });
  return claims;
}

function at(input: RuleInput, placed: Placed, element?: string) {
  return segmentLocation(input.location, placed.segment, placed.position, placed.loopId, element);
}

/**
 * SNIP 3: CLM02 equals the sum of the service line charges (SV102 in 837P, SV203 in 837I), compared
 * in integer cents. Amounts that do not parse are left to element validation.
 */
export function claimChargeBalances(
  lineSegmentId: 'SV1' | 'SV2',
  chargeElement: 'SV102' | 'SV203',
): TransactionRule {
  return (input) => {
    const out: Diagnostic[] = [];
    for (const claim of claimsOf(input)) {
      const total = parseCents(claim.clm.segment.elements[1] ?? '');
      if (total === undefined) continue;
      let sum = 0;
      let readable = true;
      for (const line of claim.lines) {
        for (const placed of line.segments) {
          if (placed.segment.id !== lineSegmentId) continue;
          const charge = parseCents(elementValue(placed.segment, chargeElement, input.delimiters));
          if (charge === undefined) readable = false;
          else sum += charge;
        }
      }
      if (readable && sum !== total) {
        out.push(
          diagnostic(
            'error',
            'X12-837-CLM02-BALANCE',
            3,
            `CLM02 at position ${claim.clm.position} does not equal the sum of ${chargeElement} of the claim's service lines`,
            at(input, claim.clm, 'CLM02'),
          ),
        );
      }
    }
    return out;
  };
}

/** SNIP 4: 2300 REF*F8 (payer claim control number) present exactly when CLM05-3 is 7 or 8. */
export const payerClaimControlNumberWhenReplacingOrVoiding: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const frequency = elementValue(claim.clm.segment, 'CLM05-3', input.delimiters);
    const f8 = claim.claimSegments.find((p) => p.segment.id === 'REF' && p.segment.elements[0] === 'F8');
    const replacingOrVoiding = frequency === '7' || frequency === '8';
    if (replacingOrVoiding && !f8) {
      out.push(
        diagnostic(
          'error',
          'X12-837-REF-F8-REQUIRED',
          4,
          `Claim at position ${claim.clm.position} replaces or voids a claim (CLM05-3) but has no REF*F8 payer claim control number`,
          at(input, claim.clm, 'CLM05-3'),
        ),
      );
    } else if (!replacingOrVoiding && f8) {
      out.push(
        diagnostic(
          'error',
          'X12-837-REF-F8-NOT-ALLOWED',
          4,
          `REF*F8 at position ${f8.position} is only allowed when CLM05-3 is 7 or 8`,
          at(input, f8, 'REF01'),
        ),
      );
    }
  }
  return out;
};

/** 2400 REF*6R line item control numbers are unique within a claim (277CA and 835 echo them back). */
export const lineItemControlNumbersUnique: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const seen = new Set<string>();
    for (const line of claim.lines) {
      for (const placed of line.segments) {
        if (placed.segment.id !== 'REF' || placed.segment.elements[0] !== '6R' || placed.loopId === '2430')
          continue;
        const value = placed.segment.elements[1] ?? '';
        if (value === '') continue;
        if (seen.has(value)) {
          out.push(
            diagnostic(
              'error',
              'X12-837-REF-6R-DUPLICATE',
              4,
              `REF*6R at position ${placed.position} repeats a line item control number used earlier in the same claim`,
              at(input, placed, 'REF02'),
            ),
          );
        }
        seen.add(value);
      }
    }
  }
  return out;
};

/** At most `limit` service lines per claim (837P 50, 837I 999). */
export function serviceLineLimit(limit: number): TransactionRule {
  return (input) => {
    const out: Diagnostic[] = [];
    for (const claim of claimsOf(input)) {
      if (claim.lines.length <= limit) continue;
      const first = claim.lines[limit].lx;
      out.push(
        diagnostic(
          'error',
          'X12-837-SERVICE-LINES-LIMIT',
          4,
          `Claim at position ${claim.clm.position} has ${claim.lines.length} service lines; the guide allows ${limit}`,
          at(input, first),
        ),
      );
    }
    return out;
  };
}

interface HierarchicalLevel {
  placed: Placed;
  id: string;
  parentId: string;
  level: string;
  childCode: string;
  children: HierarchicalLevel[];
  /** SBR02 of a subscriber level (2000B). */
  relationship?: string;
  /** A claim (CLM) follows this HL before the next HL. */
  hasClaims: boolean;
}

/** Levels each HL03 may hang under: 2000B under 2000A, 2000C under 2000B. */
const PARENT_LEVEL: Record<string, string> = { '22': '20', '23': '22' };

/** HL levels in order, with SBR02 and whether claims follow. `children` is filled by each rule itself. */
function hierarchyOf(input: RuleInput): HierarchicalLevel[] {
  const cached = hierarchyCache.get(input.segments);
  if (cached) return cached.map((level) => ({ ...level, children: [] }));
  const levels: HierarchicalLevel[] = [];
  hierarchyCache.set(input.segments, levels);
  let current: HierarchicalLevel | undefined;
  input.segments.forEach((segment, i) => {
    if (segment.id === 'HL') {
      current = {
        placed: { segment, position: i + 1, loopId: input.loopOf(segment) },
        id: segment.elements[0] ?? '',
        parentId: segment.elements[1] ?? '',
        level: segment.elements[2] ?? '',
        childCode: segment.elements[3] ?? '',
        children: [],
        hasClaims: false,
      };
      levels.push(current);
    } else if (
      current &&
      segment.id === 'SBR' &&
      current.level === '22' &&
      current.relationship === undefined
    ) {
      current.relationship = segment.elements[1] ?? '';
    } else if (current && segment.id === 'CLM') {
      current.hasClaims = true;
    }
  });
  return levels;
}

/**
 * HL integrity: HL01 unique, HL02 names an earlier HL at the parent level, HL04 says 1 exactly when the
 * level has children (SNIP 2).
 */
export const hierarchicalLevelsConsistent: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  const levels = hierarchyOf(input);
  const byId = new Map<string, HierarchicalLevel>();
  for (const level of levels) {
    if (byId.has(level.id)) {
      out.push(
        diagnostic(
          'error',
          'X12-837-HL-ID-DUPLICATE',
          2,
          `HL at position ${level.placed.position} repeats an HL01 used earlier`,
          at(input, level.placed, 'HL01'),
        ),
      );
      continue;
    }
    if (level.parentId !== '') {
      const parent = byId.get(level.parentId);
      if (!parent) {
        out.push(
          diagnostic(
            'error',
            'X12-837-HL-PARENT-UNKNOWN',
            2,
            `HL02 at position ${level.placed.position} does not name an earlier HL01`,
            at(input, level.placed, 'HL02'),
          ),
        );
      } else {
        parent.children.push(level);
        const expected = PARENT_LEVEL[level.level];
        if (expected !== undefined && parent.level !== expected) {
          out.push(
            diagnostic(
              'error',
              'X12-837-HL-PARENT-LEVEL',
              2,
              `HL at position ${level.placed.position} hangs under a level its HL03 does not allow`,
              at(input, level.placed, 'HL02'),
            ),
          );
        }
      }
    }
    byId.set(level.id, level);
  }
  for (const level of byId.values()) {
    const hasChildren = level.children.length > 0;
    if ((level.childCode === '1') !== hasChildren && (level.childCode === '0' || level.childCode === '1')) {
      out.push(
        diagnostic(
          'error',
          'X12-837-HL-CHILD-CODE',
          2,
          `HL04 at position ${level.placed.position} does not match whether the level has child levels`,
          at(input, level.placed, 'HL04'),
        ),
      );
    }
  }
  return out;
};

/**
 * SNIP 4: the patient loop 2000C only when the patient is not the subscriber. SBR02 = 18 (self): claims
 * sit under 2000B and no 2000C follows. Otherwise SBR02 is empty, a 2000C is required, and claims sit
 * under it.
 */
export const patientLoopOnlyWhenPatientIsNotSubscriber: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  const levels = hierarchyOf(input);
  const byId = new Map<string, HierarchicalLevel>();
  for (const level of levels) if (!byId.has(level.id)) byId.set(level.id, level);
  for (const level of levels) {
    const parent = byId.get(level.parentId);
    if (parent && parent !== level) parent.children.push(level);
  }
  for (const subscriber of levels) {
    if (subscriber.level !== '22' || byId.get(subscriber.id) !== subscriber) continue;
    const patients = subscriber.children.filter((child) => child.level === '23');
    const isSelf = subscriber.relationship === '18';
    if (isSelf && patients.length > 0) {
      out.push(
        diagnostic(
          'error',
          'X12-837-PATIENT-IS-SUBSCRIBER',
          4,
          `Patient loop 2000C at position ${patients[0].placed.position} follows a subscriber whose SBR02 says the patient is the subscriber`,
          at(input, patients[0].placed),
        ),
      );
    } else if (!isSelf && (patients.length === 0 || subscriber.hasClaims)) {
      out.push(
        diagnostic(
          'error',
          'X12-837-PATIENT-LOOP-MISSING',
          4,
          `Subscriber at position ${subscriber.placed.position} is not the patient (SBR02 is not 18) but its claims are not in a patient loop 2000C`,
          at(input, subscriber.placed, 'SBR02'),
        ),
      );
    }
  }
  return out;
};

/**
 * 837P SNIP 4: SV107 diagnosis code pointers point at one of the claim's diagnosis codes (HI*ABK/BK with
 * its HI02..HI12 ABF/BF), so each pointer is at most the number of diagnosis codes.
 */
export const diagnosisPointersResolve: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const diagnosis = claim.claimSegments.find(
      (p) =>
        p.segment.id === 'HI' && ['ABK', 'BK'].includes(elementValue(p.segment, 'HI01-1', input.delimiters)),
    );
    const diagnosisCount = diagnosis ? diagnosis.segment.elements.filter((value) => value !== '').length : 0;
    for (const line of claim.lines) {
      for (const placed of line.segments) {
        if (placed.segment.id !== 'SV1') continue;
        for (let component = 1; component <= 4; component++) {
          const pointer = elementValue(placed.segment, `SV107-${component}`, input.delimiters);
          if (pointer === '' || !/^\d{1,2}$/.test(pointer)) continue;
          const value = Number(pointer);
          if (value >= 1 && value <= diagnosisCount) continue;
          out.push(
            diagnostic(
              'error',
              'X12-837-DIAGNOSIS-POINTER',
              4,
              `SV107-${component} at position ${placed.position} points at a diagnosis the claim's HI does not carry`,
              at(input, placed, `SV107-${component}`),
            ),
          );
        }
      }
    }
  }
  return out;
};

/**
 * COB: each payer's responsibility sequence (SBR01) appears once per claim, across the subscriber's
 * 2000B SBR and the claim's 2320 SBRs (U, unknown, may repeat).
 */
export const payerResponsibilitySequenceUnique: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const seen = new Set<string>();
    const subscriberSequence = claim.subscriberSBR?.segment.elements[0] ?? '';
    if (subscriberSequence !== '') seen.add(subscriberSequence);
    for (const other of claim.otherSubscribers) {
      const sequence = other.sbr.segment.elements[0] ?? '';
      if (sequence === '' || sequence === 'U') continue;
      if (seen.has(sequence)) {
        out.push(
          diagnostic(
            'error',
            'X12-837-PAYER-SEQUENCE-DUPLICATE',
            4,
            `2320 SBR01 at position ${other.sbr.position} repeats a payer responsibility sequence already used by the claim`,
            at(input, other.sbr, 'SBR01'),
          ),
        );
      }
      seen.add(sequence);
    }
  }
  return out;
};

/** COB: 2430 SVD01 (the paying payer) is one of the claim's 2330B other payer identifiers (NM109). */
export const lineAdjudicationPayerKnown: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const payers = new Set(claim.otherSubscribers.map((other) => other.payerIdentifier ?? ''));
    for (const line of claim.lines) {
      for (const placed of line.segments) {
        if (placed.segment.id !== 'SVD') continue;
        const payer = placed.segment.elements[0] ?? '';
        if (payer === '' || payers.has(payer)) continue;
        out.push(
          diagnostic(
            'error',
            'X12-837-SVD01-OTHER-PAYER',
            4,
            `SVD01 at position ${placed.position} names no other payer of the claim's 2330B loops`,
            at(input, placed, 'SVD01'),
          ),
        );
      }
    }
  }
  return out;
};

/** Sum of a CAS segment's adjustment amounts (CAS03, 06, 09, 12, 15, 18), or undefined if one is unreadable. */
function casTotal(segment: Segment): number | undefined {
  let total = 0;
  for (let element = 3; element <= 18; element += 3) {
    const raw = segment.elements[element - 1] ?? '';
    if (raw === '') continue;
    const cents = parseCents(raw);
    if (cents === undefined) return undefined;
    total += cents;
  }
  return total;
}

interface LineAdjudication {
  svd: Placed;
  /** CAS amounts of this 2430, in cents (undefined when one does not parse). */
  adjustments: number | undefined;
}

/** The 2430 loops of a service line, each SVD with the sum of the CAS that follow it. */
function adjudicationsOf(line: ServiceLine): LineAdjudication[] {
  const out: LineAdjudication[] = [];
  for (const placed of line.segments) {
    if (placed.segment.id === 'SVD') out.push({ svd: placed, adjustments: 0 });
    else if (placed.segment.id === 'CAS' && placed.loopId === '2430' && out.length > 0) {
      const current = out[out.length - 1];
      const amount = casTotal(placed.segment);
      current.adjustments =
        current.adjustments === undefined || amount === undefined ? undefined : current.adjustments + amount;
    }
  }
  return out;
}

/**
 * SNIP 3 COB balancing, line level: for each 2430, the line charge (SV102 / SV203) minus the 2430 CAS
 * amounts equals SVD02 (the other payer's paid amount). Bundled or unbundled lines (SVD06) are skipped.
 */
export function lineAdjudicationBalances(
  chargeSegmentId: 'SV1' | 'SV2',
  chargeElement: 'SV102' | 'SV203',
): TransactionRule {
  return (input) => {
    const out: Diagnostic[] = [];
    for (const claim of claimsOf(input)) {
      for (const line of claim.lines) {
        const service = line.segments.find((p) => p.segment.id === chargeSegmentId);
        const charge = service
          ? parseCents(elementValue(service.segment, chargeElement, input.delimiters))
          : undefined;
        if (charge === undefined) continue;
        for (const adjudication of adjudicationsOf(line)) {
          if ((adjudication.svd.segment.elements[5] ?? '') !== '') continue;
          const paid = parseCents(adjudication.svd.segment.elements[1] ?? '');
          if (paid === undefined || adjudication.adjustments === undefined) continue;
          if (charge - adjudication.adjustments === paid) continue;
          out.push(
            diagnostic(
              'error',
              'X12-837-COB-LINE-BALANCE',
              3,
              `SVD02 at position ${adjudication.svd.position} does not equal ${chargeElement} minus the line's 2430 CAS amounts`,
              at(input, adjudication.svd, 'SVD02'),
            ),
          );
        }
      }
    }
    return out;
  };
}

/**
 * SNIP 3 COB balancing, claim level: for each 2320 with a payer paid amount (AMT*D), CLM02 minus the
 * 2320 CAS amounts minus the 2430 CAS amounts of that payer's lines (SVD01 = 2330B NM109) equals AMT02.
 */
export const otherPayerPaidBalances: TransactionRule = (input) => {
  const out: Diagnostic[] = [];
  for (const claim of claimsOf(input)) {
    const charge = parseCents(claim.clm.segment.elements[1] ?? '');
    if (charge === undefined) continue;
    for (const other of claim.otherSubscribers) {
      const paidAmount = other.segments.find((p) => p.segment.id === 'AMT' && p.segment.elements[0] === 'D');
      const paid = paidAmount ? parseCents(paidAmount.segment.elements[1] ?? '') : undefined;
      if (!paidAmount || paid === undefined) continue;
      let adjustments: number | undefined = 0;
      for (const placed of other.segments) {
        if (placed.segment.id !== 'CAS') continue;
        const amount = casTotal(placed.segment);
        adjustments = adjustments === undefined || amount === undefined ? undefined : adjustments + amount;
      }
      for (const line of claim.lines) {
        for (const adjudication of adjudicationsOf(line)) {
          if ((adjudication.svd.segment.elements[0] ?? '') !== (other.payerIdentifier ?? '')) continue;
          adjustments =
            adjustments === undefined || adjudication.adjustments === undefined
              ? undefined
              : adjustments + adjudication.adjustments;
        }
      }
      if (adjustments === undefined || charge - adjustments === paid) continue;
      out.push(
        diagnostic(
          'error',
          'X12-837-COB-CLAIM-BALANCE',
          3,
          `AMT*D at position ${paidAmount.position} does not equal CLM02 minus the claim and line CAS amounts of that payer`,
          at(input, paidAmount, 'AMT02'),
        ),
      );
    }
  }
  return out;
};
