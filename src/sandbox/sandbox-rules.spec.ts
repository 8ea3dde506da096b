import {
  acknowledgeClaim,
  answerEligibility,
  adjudicateClaim,
  ClaimFacts,
  COPAY_CENTS,
  DEDUCTIBLE_CENTS,
  DENY_LIST,
  percentOf,
  PaymentDecision,
} from './sandbox-rules';

function claim(
  memberId: string,
  lines: [string | undefined, number][],
  payerResponsibility = 'P',
): ClaimFacts {
  return {
    patientControlNumber: 'PCN1',
    memberId,
    payerResponsibility,
    chargeCents: lines.reduce((sum, [, cents]) => sum + cents, 0),
    lines: lines.map(([procedureCode, chargeCents]) => ({ procedureCode, chargeCents })),
  };
}

/** Every line and the claim balance: charge - adjustments = paid; CLP05 = sum of PR. */
function expectBalanced(decision: PaymentDecision): void {
  for (const line of decision.lines) {
    const adjusted = line.adjustments.reduce((sum, adjustment) => sum + adjustment.cents, 0);
    expect(line.chargeCents - adjusted).toBe(line.paidCents);
    expect(line.paidCents).toBeGreaterThanOrEqual(0);
  }
  const all = decision.lines.flatMap((line) => line.adjustments);
  expect(decision.chargeCents - all.reduce((sum, a) => sum + a.cents, 0)).toBe(decision.paidCents);
  expect(decision.patientResponsibilityCents).toBe(
    all.filter((a) => a.group === 'PR').reduce((sum, a) => sum + a.cents, 0),
  );
}

describe('sandbox rules: 277CA', () => {
  it('R1: a member id ending in 99 is rejected with A7:164:IL', () => {
    expect(acknowledgeClaim(claim('MBR000099', [['99213', 10_000]]))).toEqual({
      accepted: false,
      rule: 'R1',
      statuses: [{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }],
    });
    // 9 alone, or 99 elsewhere, is not R1
    expect(acknowledgeClaim(claim('MBR000009', [['99213', 10_000]])).accepted).toBe(true);
    expect(acknowledgeClaim(claim('M99R00001', [['99213', 10_000]])).accepted).toBe(true);
  });

  it('R2: a claim charging 0.00 is rejected with A7:21', () => {
    expect(acknowledgeClaim(claim('MBR000005', [['99213', 0]]))).toEqual({
      accepted: false,
      rule: 'R2',
      statuses: [{ categoryCode: 'A7', statusCode: '21' }],
    });
  });

  it('accepts everything else', () => {
    expect(acknowledgeClaim(claim('MBR000001', [['99213', 1]]))).toEqual({ accepted: true });
  });
});

describe('sandbox rules: 835', () => {
  it('R3: a procedure code on the deny list is denied with its CARC under CO, the other lines paid', () => {
    const decision = adjudicateClaim(
      claim('MBR000000', [
        ['99213', 10_000],
        ['97799', 5_050],
      ]),
    );
    expect(decision.rules).toEqual(['R3']);
    expect(decision.outcome).toBe('partly-paid');
    expect(decision.claimStatusCode).toBe('1');
    expect(decision.lines[1]).toEqual({
      chargeCents: 5_050,
      paidCents: 0,
      adjustments: [{ group: 'CO', reason: '204', cents: 5_050 }],
      denied: true,
    });
    expect(decision.lines[0]).toMatchObject({ paidCents: 10_000, adjustments: [], denied: false });
    expect(decision.paidCents).toBe(10_000);
    expectBalanced(decision);
    for (const [code, denial] of Object.entries(DENY_LIST)) {
      const single = adjudicateClaim(claim('MBR000000', [[code, 1_000]]));
      expect(single.lines[0].adjustments).toEqual([
        { group: denial.group, reason: denial.reason, cents: 1_000 },
      ]);
    }
  });

  it('R4: every line denied makes the claim denied (CLP02 4, nothing paid)', () => {
    const decision = adjudicateClaim(
      claim('MBR000001', [
        ['A9270', 2_000],
        ['99080', 3_000],
      ]),
    );
    expect(decision.rules).toEqual(['R3', 'R4']);
    expect(decision.outcome).toBe('denied');
    expect(decision.claimStatusCode).toBe('4');
    expect(decision.paidCents).toBe(0);
    expect(decision.patientResponsibilityCents).toBe(0);
    expectBalanced(decision);
  });

  it('R5: member id ending in 1 pays after a 50.00 deductible (PR-1), spread over the lines in order', () => {
    const decision = adjudicateClaim(
      claim('MBR000001', [
        ['99213', 3_000],
        ['87880', 4_000],
      ]),
    );
    expect(decision.rules).toEqual(['R5']);
    expect(decision.outcome).toBe('partly-paid');
    expect(decision.lines.map((line) => line.adjustments)).toEqual([
      [{ group: 'PR', reason: '1', cents: 3_000 }],
      [{ group: 'PR', reason: '1', cents: DEDUCTIBLE_CENTS - 3_000 }],
    ]);
    expect(decision.paidCents).toBe(2_000);
    expect(decision.patientResponsibilityCents).toBe(DEDUCTIBLE_CENTS);
    expectBalanced(decision);
  });

  it('R6: member id ending in 2 pays 80 % (PR-2 coinsurance of 20 % per line, rounded half up)', () => {
    const decision = adjudicateClaim(
      claim('MBR000002', [
        ['99213', 10_000],
        ['87880', 5_050],
      ]),
    );
    expect(decision.rules).toEqual(['R6']);
    expect(decision.lines.map((line) => line.adjustments)).toEqual([
      [{ group: 'PR', reason: '2', cents: 2_000 }],
      [{ group: 'PR', reason: '2', cents: 1_010 }],
    ]);
    expect(decision.paidCents).toBe(12_040);
    expect(percentOf(1_003, 20)).toBe(201); // 200.6 -> 201
    expect(percentOf(1_002, 20)).toBe(200); // 200.4 -> 200
    expect(percentOf(1_001, 50)).toBe(501); // 500.5 -> 501
    expectBalanced(decision);
  });

  it('R7: member id ending in 3 takes a 25.00 copay (PR-3) on the first payable line, at most its charge', () => {
    const decision = adjudicateClaim(
      claim('MBR000003', [
        ['A9270', 1_000],
        ['99213', 10_000],
        ['87880', 500],
      ]),
    );
    expect(decision.rules).toEqual(['R3', 'R7']);
    expect(decision.lines[1].adjustments).toEqual([{ group: 'PR', reason: '3', cents: COPAY_CENTS }]);
    expect(decision.lines[2].adjustments).toEqual([]);
    expectBalanced(decision);
    const small = adjudicateClaim(claim('MBR000003', [['99213', 1_000]]));
    expect(small.lines[0]).toMatchObject({
      paidCents: 0,
      adjustments: [{ group: 'PR', reason: '3', cents: 1_000 }],
    });
    expect(small.outcome).toBe('partly-paid');
    expectBalanced(small);
  });

  it('R8: member id ending in 4 pays the fee schedule (CO-45 of 10 %)', () => {
    const decision = adjudicateClaim(claim('MBR000004', [['99213', 10_000]]));
    expect(decision.rules).toEqual(['R8']);
    expect(decision.lines[0].adjustments).toEqual([{ group: 'CO', reason: '45', cents: 1_000 }]);
    expect(decision.patientResponsibilityCents).toBe(0);
    expectBalanced(decision);
  });

  it('R9: anything else is paid in full; CLP02 follows SBR01 (P 1, S 2, T 3)', () => {
    const decision = adjudicateClaim(
      claim('MBR000000', [
        ['99213', 10_000],
        ['87880', 5_050],
      ]),
    );
    expect(decision).toMatchObject({
      rules: ['R9'],
      outcome: 'paid',
      claimStatusCode: '1',
      paidCents: 15_050,
    });
    expectBalanced(decision);
    expect(adjudicateClaim(claim('MBR000000', [['99213', 1]], 'S')).claimStatusCode).toBe('2');
    expect(adjudicateClaim(claim('MBR000000', [['99213', 1]], 'T')).claimStatusCode).toBe('3');
  });

  it('is deterministic and balances for every member digit and line mix', () => {
    const codes = [undefined, '99213', 'A9270', '97799', '87880'];
    for (let digit = 0; digit <= 9; digit++) {
      for (let n = 0; n < 40; n++) {
        const lines: [string | undefined, number][] = [];
        for (let l = 0; l <= n % 4; l++)
          lines.push([codes[(n + l) % codes.length], ((n * 7919 + l * 104_729) % 20_000) + 1]);
        const facts = claim(`MBR00000${digit}`, lines);
        const decision = adjudicateClaim(facts);
        expect(adjudicateClaim(facts)).toEqual(decision);
        expectBalanced(decision);
      }
    }
  });
});

describe('sandbox rules: 271', () => {
  it('E1: a member id ending in 99 gets AAA 72 (invalid member id), follow-up C', () => {
    expect(answerEligibility({ memberId: 'MBR000099', serviceTypeCodes: ['30'] })).toEqual({
      rule: 'E1',
      kind: 'rejected',
      rejectReasonCode: '72',
      followUpActionCode: 'C',
    });
  });

  it('E2: anything else is active coverage for the requested service types (30 when none)', () => {
    expect(answerEligibility({ memberId: 'MBR000001', serviceTypeCodes: ['98', 'UC'] })).toEqual({
      rule: 'E2',
      kind: 'active',
      serviceTypeCodes: ['98', 'UC'],
    });
    expect(answerEligibility({ memberId: 'MBR000001', serviceTypeCodes: [] })).toMatchObject({
      serviceTypeCodes: ['30'],
    });
  });
});
