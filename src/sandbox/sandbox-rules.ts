/**
 * The sandbox payer's adjudication rules: pure, deterministic functions of a claim's content, so a test (or a
 * new user) can choose an outcome by choosing the data. Amounts are integer cents; percentages round half
 * up to the cent. The 999 is not rule-driven: it reports the real guide violations the X12 engine finds.
 *
 * | Rule | Stage | When                                                    | Outcome                                                         |
 * | ---- | ----- | ------------------------------------------------------- | --------------------------------------------------------------- |
 * | R1   | 277CA | subscriber member id ends in `99`                       | claim rejected: STC A7:164:IL (entity's contract/member number); no 835 |
 * | R2   | 277CA | claim charge (CLM02) is 0.00                            | claim rejected: STC A7:21 (information missing or invalid); no 835 |
 * | R3   | 835   | a line's procedure code is on DENY_LIST                 | line denied: SVC03 0.00, CAS CO with the list's CARC for the whole line charge |
 * | R4   | 835   | every line of the claim is denied (R3)                  | claim denied: CLP02 4, CLP04 0.00                              |
 * | R5   | 835   | member id ends in `1`                                   | deductible: CAS PR-1 on the first 50.00 of payable charges, line by line |
 * | R6   | 835   | member id ends in `2`                                   | coinsurance: CAS PR-2 of 20 % of each payable line              |
 * | R7   | 835   | member id ends in `3`                                   | copay: CAS PR-3 of 25.00 on the first payable line (at most its charge) |
 * | R8   | 835   | member id ends in `4`                                   | fee schedule: CAS CO-45 of 10 % of each payable line            |
 * | R9   | 835   | anything else accepted by the 277CA                     | paid in full: SVC03 = SVC02, CLP04 = CLP03                       |
 *
 * | E1   | 271   | 270 subscriber member id ends in `99`                   | AAA*Y**72*C (invalid member id) in the patient's loop           |
 * | E2   | 271   | any other 270 request                                   | EB*1 active coverage (IND) for the requested service types, plus the plan: EB*C deductible 50.00, EB*A coinsurance 20 %, EB*B copay 25.00 |
 *
 * DENY_LIST: A9270 -> CO-96 (non-covered charge), 97799 -> CO-204 (not covered under the benefit plan),
 * 99080 -> CO-97 (included in another service). CLP02 is 1, 2 or 3 by the claim's payer responsibility
 * (SBR01 P, S, T) unless R4 makes it 4. CLP05 (patient responsibility) is the sum of the PR adjustments.
 */

/** What the rules look at; the responder extracts it from an 837P or 837I claim. */
export interface ClaimFacts {
  /** CLM01. */
  patientControlNumber: string;
  /** 2010BA NM109. */
  memberId: string;
  /** SBR01: P primary, S secondary, T tertiary... */
  payerResponsibility: string;
  /** CLM02 in cents. */
  chargeCents: number;
  lines: LineFacts[];
}

export interface LineFacts {
  /** SV101-2 / SV202-2; undefined for an institutional line with a revenue code only. */
  procedureCode?: string;
  /** SV102 / SV203 in cents. */
  chargeCents: number;
}

export interface ClaimStatusCode {
  categoryCode: string;
  statusCode: string;
  entityCode?: string;
}

export type SandboxRuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';

export type AcknowledgmentDecision =
  { accepted: true } | { accepted: false; rule: SandboxRuleId; statuses: ClaimStatusCode[] };

export interface AdjustmentDecision {
  /** CAS01: CO contractual, PR patient responsibility. */
  group: 'CO' | 'PR';
  /** CARC. */
  reason: string;
  cents: number;
}

export interface LineDecision {
  chargeCents: number;
  paidCents: number;
  adjustments: AdjustmentDecision[];
  denied: boolean;
}

export interface PaymentDecision {
  /** Rules applied, in table order. */
  rules: SandboxRuleId[];
  outcome: 'paid' | 'partly-paid' | 'denied';
  /** CLP02. */
  claimStatusCode: string;
  chargeCents: number;
  paidCents: number;
  /** CLP05: sum of PR adjustments. */
  patientResponsibilityCents: number;
  lines: LineDecision[];
}

/** Procedure codes the sandbox payer never pays, with the CAS group and CARC of the denial (R3). */
export const DENY_LIST: Readonly<Record<string, { group: 'CO'; reason: string }>> = {
  A9270: { group: 'CO', reason: '96' }, // non-covered item or service
  '97799': { group: 'CO', reason: '204' }, // unlisted physical medicine: not covered under the plan
  '99080': { group: 'CO', reason: '97' }, // special reports: included in another service
};

export const DEDUCTIBLE_CENTS = 5_000;
export const COINSURANCE_PERCENT = 20;
export const COPAY_CENTS = 2_500;
export const FEE_SCHEDULE_REDUCTION_PERCENT = 10;

/** `percent` % of `cents`, rounded half up to the cent, in integers only. */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100);
}

/** R1, R2: does the 277CA accept the claim? */
export function acknowledgeClaim(claim: ClaimFacts): AcknowledgmentDecision {
  if (claim.memberId.endsWith('99')) {
    return {
      accepted: false,
      rule: 'R1',
      statuses: [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }],
    };
  }
  if (claim.chargeCents === 0) {
    return { accepted: false, rule: 'R2', statuses: [{ categoryCode: 'A7', statusCode: '21' }] };
  }
  return { accepted: true };
}

function claimStatusFor(payerResponsibility: string): string {
  if (payerResponsibility === 'S') return '2';
  if (payerResponsibility === 'T') return '3';
  return '1';
}

/** R3..R9: how the 835 pays a claim the 277CA accepted. Every line balances: charge - CAS = paid. */
export function adjudicateClaim(claim: ClaimFacts): PaymentDecision {
  const rules = new Set<SandboxRuleId>();
  const lastDigit = claim.memberId.slice(-1);
  let deductibleLeft = DEDUCTIBLE_CENTS;
  let copayTaken = false;

  const lines: LineDecision[] = claim.lines.map((line) => {
    const denial = line.procedureCode === undefined ? undefined : DENY_LIST[line.procedureCode];
    if (denial !== undefined) {
      rules.add('R3');
      return {
        chargeCents: line.chargeCents,
        paidCents: 0,
        adjustments:
          line.chargeCents === 0
            ? []
            : [{ group: denial.group, reason: denial.reason, cents: line.chargeCents }],
        denied: true,
      };
    }
    const adjustments: AdjustmentDecision[] = [];
    let payable = line.chargeCents;
    const take = (group: 'CO' | 'PR', reason: string, wanted: number): void => {
      const cents = Math.min(wanted, payable);
      if (cents <= 0) return;
      adjustments.push({ group, reason, cents });
      payable -= cents;
    };
    if (lastDigit === '1') {
      rules.add('R5');
      const before = payable;
      take('PR', '1', deductibleLeft);
      deductibleLeft -= before - payable;
    } else if (lastDigit === '2') {
      rules.add('R6');
      take('PR', '2', percentOf(line.chargeCents, COINSURANCE_PERCENT));
    } else if (lastDigit === '3') {
      rules.add('R7');
      if (!copayTaken && payable > 0) {
        take('PR', '3', COPAY_CENTS);
        copayTaken = true;
      }
    } else if (lastDigit === '4') {
      rules.add('R8');
      take('CO', '45', percentOf(line.chargeCents, FEE_SCHEDULE_REDUCTION_PERCENT));
    }
    return { chargeCents: line.chargeCents, paidCents: payable, adjustments, denied: false };
  });

  const allDenied = lines.length > 0 && lines.every((line) => line.denied);
  if (allDenied) rules.add('R4');
  const paidCents = lines.reduce((sum, line) => sum + line.paidCents, 0);
  const patientResponsibilityCents = lines
    .flatMap((line) => line.adjustments)
    .filter((adjustment) => adjustment.group === 'PR')
    .reduce((sum, adjustment) => sum + adjustment.cents, 0);
  const lineCharges = lines.reduce((sum, line) => sum + line.chargeCents, 0);
  if (!allDenied && paidCents === lineCharges) rules.add('R9');
  const order: SandboxRuleId[] = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];
  return {
    rules: order.filter((rule) => rules.has(rule)),
    outcome: allDenied ? 'denied' : paidCents === lineCharges ? 'paid' : 'partly-paid',
    claimStatusCode: allDenied ? '4' : claimStatusFor(claim.payerResponsibility),
    // The sum of the lines, so the claim balances even if CLM02 disagreed (the 999 rejects that anyway).
    chargeCents: lineCharges,
    paidCents,
    patientResponsibilityCents,
    lines,
  };
}

export type EligibilityDecision =
  | { rule: 'E1'; kind: 'rejected'; rejectReasonCode: string; followUpActionCode: string }
  | { rule: 'E2'; kind: 'active'; serviceTypeCodes: string[] };

/** E1, E2: the 271's answer to one 270 request. */
export function answerEligibility(request: {
  memberId: string;
  serviceTypeCodes: readonly string[];
}): EligibilityDecision {
  if (request.memberId.endsWith('99')) {
    return { rule: 'E1', kind: 'rejected', rejectReasonCode: '72', followUpActionCode: 'C' };
  }
  const serviceTypeCodes = request.serviceTypeCodes.length > 0 ? [...request.serviceTypeCodes] : ['30'];
  return { rule: 'E2', kind: 'active', serviceTypeCodes };
}
