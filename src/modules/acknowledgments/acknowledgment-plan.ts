// What applying one acknowledgment file will change, gathered before anything is written: a file applies
// completely or not at all. Matching fills the plan; any unmatched acknowledgment (or a transmission that
// cannot be acknowledged) turns the whole file into a quarantine, and nothing of it is applied.
import type { ClaimStatus, ClaimStatusSource } from '../claims/claim-status';
import { canTransition, type TransmissionState } from '../transmissions/transmission-state';

export interface PlannedClaimChange {
  orgId: string;
  claimId: string;
  status: ClaimStatus;
  details: Record<string, unknown>;
  /** Set for payer rejections: the claim is unlinked from this transmission. */
  unlinkFrom?: string;
  /** Who said it when not the file's own kind: a TA1 carried in a 999 or 277CA interchange is 'ta1'. */
  source?: ClaimStatusSource;
  /**
   * A timeline entry that leaves the status as it is (TA1 A or E: the envelope arrived). It answers nothing
   * about the claim, so it never takes the claim's slot.
   */
  note?: boolean;
}

export interface PlannedTransition {
  transmissionId: string;
  fileName: string;
  from: TransmissionState;
  to: TransmissionState;
  details: Record<string, unknown>;
}

/** What an acknowledgment says about the part of a file it answers. */
export type FileOutcome = 'accepted' | 'partially_accepted' | 'rejected';

/**
 * The state a transmission moves to when an acknowledgment answers part of it (`wholeFile` false: one of
 * several groups or interchanges) or all of it; undefined when it stays. A partial answer never rejects
 * the whole file: rejecting one group of several makes the file partially accepted.
 */
export function nextTransmissionState(
  current: TransmissionState,
  outcome: FileOutcome,
  wholeFile: boolean,
): TransmissionState | undefined {
  let target: TransmissionState = outcome;
  if (!wholeFile && outcome !== 'accepted') target = 'partially_accepted';
  if (!wholeFile && outcome === 'accepted' && current === 'partially_accepted') return undefined;
  if (target === current) return undefined;
  return canTransition(current, target) ? target : undefined;
}

export class AcknowledgmentPlan {
  readonly unmatched: { code: string; where: string }[] = [];
  readonly claimChanges: PlannedClaimChange[] = [];
  readonly transitions: PlannedTransition[] = [];
  readonly ta1Results: { interchangeId: string; status: string; noteCode: string }[] = [];
  readonly payerClaimNumbers: { claimId: string; orgId: string; payerClaimNumber: string }[] = [];
  readonly orgIds = new Set<string>();
  /** Transmissions the file proves arrived while they were in doubt: their queued claims become sent. */
  readonly provenDelivered = new Map<string, string>();
  /** Set when a matched transmission cannot take an acknowledgment (dead letter). */
  blocked?: { code: string; detail: string };
  /** Acknowledgments (TA1s, transaction sets, claims) read, and those that matched the ledger. */
  total = 0;
  matched = 0;
  private readonly decided = new Set<string>();
  private readonly noted = new Set<string>();
  private readonly states = new Map<string, TransmissionState>();

  constructor(readonly source: ClaimStatusSource) {}

  unmatchedAck(code: string, where: string): void {
    this.total += 1;
    this.unmatched.push({ code, where });
  }

  matchedAck(orgIds: Iterable<string>): void {
    this.total += 1;
    this.matched += 1;
    for (const orgId of orgIds) this.orgIds.add(orgId);
  }

  /**
   * Plans a claim change. A claim answered twice in one file keeps the first answer. TA1s are planned before
   * the file's 999 or 277CA, so a TA1 R (the payer refused the envelope) wins over a 999 or 277CA for the
   * same claims, while a TA1 A/E is only a note (one per claim and source) and the 999 or 277CA answer
   * still applies.
   */
  changeClaim(change: PlannedClaimChange): boolean {
    if (this.decided.has(change.claimId)) return false;
    // Notes are kept one per claim and source: a TA1 A note and a 277CA pending note both stand.
    const key = change.note ? `${change.source ?? this.source}:${change.claimId}` : change.claimId;
    const seen = change.note ? this.noted : this.decided;
    if (seen.has(key)) return false;
    seen.add(key);
    this.claimChanges.push(change);
    return true;
  }

  /** The transmission's state as planned so far (the locked row's state before any planned move). */
  stateOf(transmissionId: string, locked: TransmissionState): TransmissionState {
    return this.states.get(transmissionId) ?? locked;
  }

  moveTransmission(
    transmission: { id: string; fileName: string; state: TransmissionState },
    to: TransmissionState | undefined,
    details: Record<string, unknown>,
  ): void {
    if (to === undefined) return;
    const from = this.stateOf(transmission.id, transmission.state);
    if (from === 'in_doubt') this.provenDelivered.set(transmission.id, transmission.fileName);
    this.transitions.push({
      transmissionId: transmission.id,
      fileName: transmission.fileName,
      from,
      to,
      details,
    });
    this.states.set(transmission.id, to);
  }

  /** The quarantine reason when the file cannot be applied as a whole, else undefined. */
  quarantine(): { code: string; detail: string } | undefined {
    if (this.blocked) return this.blocked;
    if (this.unmatched.length === 0) return undefined;
    const first = this.unmatched[0];
    const shown = this.unmatched
      .slice(0, 5)
      .map((entry) => entry.where)
      .join('; ');
    const more = this.unmatched.length > 5 ? `; ${this.unmatched.length - 5} more` : '';
    const partial = this.matched > 0 ? `partially matched, nothing applied: ` : '';
    return {
      code: first.code,
      detail: `${partial}${this.matched} of ${this.total} matched; ${shown}${more}`.slice(0, 500),
    };
  }
}
