import { AcknowledgmentPlan, nextTransmissionState } from './acknowledgment-plan';

describe('nextTransmissionState', () => {
  it('moves a delivered or in-doubt file to what an answer for the whole file says', () => {
    expect(nextTransmissionState('delivered', 'accepted', true)).toBe('accepted');
    expect(nextTransmissionState('delivered', 'partially_accepted', true)).toBe('partially_accepted');
    expect(nextTransmissionState('in_doubt', 'rejected', true)).toBe('rejected');
  });

  it('makes a file partially accepted when one of several groups is rejected, never rejected', () => {
    expect(nextTransmissionState('delivered', 'rejected', false)).toBe('partially_accepted');
    expect(nextTransmissionState('accepted', 'rejected', false)).toBe('partially_accepted');
    expect(nextTransmissionState('partially_accepted', 'accepted', false)).toBeUndefined();
  });

  it('stays when the answer repeats the state or would go backwards', () => {
    expect(nextTransmissionState('accepted', 'accepted', true)).toBeUndefined();
    expect(nextTransmissionState('rejected', 'accepted', true)).toBeUndefined();
    expect(nextTransmissionState('partially_accepted', 'accepted', true)).toBeUndefined();
    expect(nextTransmissionState('accepted', 'rejected', true)).toBe('rejected');
  });
});

describe('AcknowledgmentPlan', () => {
  it('is applicable when everything matched, quarantined with the first code when anything did not', () => {
    const plan = new AcknowledgmentPlan('999');
    plan.matchedAck(['org-1']);
    expect(plan.quarantine()).toBeUndefined();
    plan.unmatchedAck('ACK_UNMATCHED_ST02', 'AK202 7');
    plan.unmatchedAck('ACK_UNMATCHED_GS06', 'AK102 9');
    expect(plan.quarantine()).toEqual({
      code: 'ACK_UNMATCHED_ST02',
      detail: 'partially matched, nothing applied: 1 of 3 matched; AK202 7; AK102 9',
    });
  });

  it('keeps the first answer for a claim and chains planned transitions', () => {
    const plan = new AcknowledgmentPlan('ta1');
    expect(plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'rejected_ta1', details: {} })).toBe(true);
    expect(plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'sent', details: {} })).toBe(false);
    const transmission = { id: 't', fileName: 'f', state: 'in_doubt' as const };
    plan.moveTransmission(transmission, 'delivered', {});
    plan.moveTransmission(transmission, 'accepted', {});
    expect(plan.transitions.map((move) => `${move.from}->${move.to}`)).toEqual([
      'in_doubt->delivered',
      'delivered->accepted',
    ]);
    expect([...plan.provenDelivered.keys()]).toEqual(['t']);
  });

  it('a TA1 A/E note never takes the slot: a later 999 or 277CA answer is still planned, a second note not', () => {
    const plan = new AcknowledgmentPlan('999');
    const note = { orgId: 'o', claimId: 'c', status: 'sent' as const, details: {}, source: 'ta1' as const };
    expect(plan.changeClaim({ ...note, note: true })).toBe(true);
    expect(plan.changeClaim({ ...note, note: true })).toBe(false);
    expect(plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'accepted_999', details: {} })).toBe(true);
    expect(plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'rejected_999', details: {} })).toBe(false);
    // Once answered, a note for the claim adds nothing.
    expect(plan.changeClaim({ ...note, note: true })).toBe(false);
    expect(plan.claimChanges.map((change) => change.status)).toEqual(['sent', 'accepted_999']);
  });

  it('a TA1 R takes the slot: a 999 answer for the same claim in the file is dropped', () => {
    const plan = new AcknowledgmentPlan('999');
    expect(
      plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'rejected_ta1', details: {}, source: 'ta1' }),
    ).toBe(true);
    expect(plan.changeClaim({ orgId: 'o', claimId: 'c', status: 'accepted_999', details: {} })).toBe(false);
    expect(plan.claimChanges.map((change) => change.status)).toEqual(['rejected_ta1']);
  });

  it('a dead-letter block wins over everything', () => {
    const plan = new AcknowledgmentPlan('277ca');
    plan.blocked = { code: 'ACK_TRANSMISSION_DEAD_LETTER', detail: 'x' };
    expect(plan.quarantine()?.code).toBe('ACK_TRANSMISSION_DEAD_LETTER');
  });
});
