// The transmission state machine: which state may follow which. Every change goes through
// TransmissionsRepository.transition, a compare-and-set on the current state that appends a
// transmission_events row, so two workers (or a worker and an admin) can never both move the same file.
import { DomainError } from '../../common/errors/domain-error';
import { TRANSMISSION_STATES, type TransmissionState } from './transmission.entity';

export { TRANSMISSION_STATES, type TransmissionState };

/**
 * Allowed transitions.
 * - uploading -> uploading: a retry after a failure (backoff) or a lease taken over after a crashed worker.
 * - in_doubt -> accepted | partially_accepted | rejected: an acknowledgment for the file proves it arrived.
 * - in_doubt -> built: an admin confirmed the payer does not have it (the next attempt still looks for the
 *   final name first, so even a wrong answer cannot produce a second copy with rename-based delivery).
 * - dead_letter -> built: an admin retry after fixing the cause.
 * - accepted / partially_accepted -> rejected | partially_accepted: a later, more specific acknowledgment
 *   (a 999 after a TA1) may downgrade the result; rejected is final.
 */
export const TRANSMISSION_TRANSITIONS: Readonly<Record<TransmissionState, readonly TransmissionState[]>> = {
  built: ['uploading'],
  uploading: ['uploading', 'delivered', 'in_doubt', 'dead_letter'],
  delivered: ['accepted', 'partially_accepted', 'rejected'],
  in_doubt: ['delivered', 'built', 'accepted', 'partially_accepted', 'rejected'],
  dead_letter: ['built'],
  accepted: ['partially_accepted', 'rejected'],
  partially_accepted: ['rejected'],
  rejected: [],
};

/** States the delivery worker picks up once next_attempt_at has passed. */
export const DUE_STATES: readonly TransmissionState[] = ['built', 'uploading'];

/** States an admin must act on. */
export const ATTENTION_STATES: readonly TransmissionState[] = ['in_doubt', 'dead_letter'];

export function canTransition(from: TransmissionState, to: TransmissionState): boolean {
  return TRANSMISSION_TRANSITIONS[from].includes(to);
}

export function isTransmissionState(value: unknown): value is TransmissionState {
  return typeof value === 'string' && (TRANSMISSION_STATES as readonly string[]).includes(value);
}

/** A transition the state machine does not allow (a programming error or a stale admin request). */
export class TransmissionTransitionInvalidError extends DomainError {
  constructor(from: TransmissionState, to: TransmissionState) {
    super('transmission_transition_invalid', 'conflict', `A transmission cannot go from ${from} to ${to}.`, {
      from,
      to,
    });
  }
}

/**
 * The compare-and-set lost: the transmission was not in the expected state (another worker or an admin
 * moved it first, or a lease was taken over). `actual` is the state found, undefined when the row is gone.
 */
export class TransmissionStateConflictError extends DomainError {
  constructor(
    readonly transmissionId: string,
    readonly expected: TransmissionState,
    readonly actual: TransmissionState | undefined,
  ) {
    super(
      'transmission_state_conflict',
      'conflict',
      `The transmission is ${actual ?? 'missing'}, not ${expected}.`,
      { transmissionId, expected, actual: actual ?? null },
    );
  }
}

export class TransmissionNotFoundError extends DomainError {
  constructor() {
    super('transmission_not_found', 'not_found', 'No such transmission.');
  }
}

/**
 * An admin said an in-doubt file never reached the payer, but the payer has already answered it (a TA1, or a
 * 999/277CA/835 outcome on one of its claims): resending it would give the payer a second copy.
 */
export class TransmissionAlreadyAcknowledgedError extends DomainError {
  constructor(transmissionId: string) {
    super(
      'transmission_already_acknowledged',
      'conflict',
      'The payer has acknowledged this transmission, so it was delivered; resolve it as delivered.',
      { transmissionId },
    );
  }
}
