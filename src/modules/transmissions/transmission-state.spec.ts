import { TRANSMISSION_STATES } from './transmission.entity';
import {
  canTransition,
  DUE_STATES,
  isTransmissionState,
  TRANSMISSION_TRANSITIONS,
  TransmissionStateConflictError,
  TransmissionTransitionInvalidError,
} from './transmission-state';

describe('transmission state machine', () => {
  it('covers every state, and every target is a known state', () => {
    expect(Object.keys(TRANSMISSION_TRANSITIONS).sort()).toEqual([...TRANSMISSION_STATES].sort());
    for (const targets of Object.values(TRANSMISSION_TRANSITIONS)) {
      for (const target of targets) expect(TRANSMISSION_STATES).toContain(target);
    }
  });

  it.each([
    ['built', 'uploading'],
    ['uploading', 'uploading'],
    ['uploading', 'delivered'],
    ['uploading', 'in_doubt'],
    ['uploading', 'dead_letter'],
    ['delivered', 'accepted'],
    ['delivered', 'partially_accepted'],
    ['delivered', 'rejected'],
    ['in_doubt', 'delivered'],
    ['in_doubt', 'built'],
    ['in_doubt', 'accepted'],
    ['dead_letter', 'built'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['built', 'delivered'],
    ['built', 'dead_letter'],
    ['uploading', 'built'],
    ['uploading', 'accepted'],
    ['delivered', 'uploading'],
    ['delivered', 'built'],
    ['dead_letter', 'uploading'],
    ['dead_letter', 'delivered'],
    ['rejected', 'built'],
    ['accepted', 'built'],
  ] as const)('refuses %s -> %s (never resent blindly, never skips the upload)', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('only built and uploading rows are picked up by the delivery worker', () => {
    expect([...DUE_STATES].sort()).toEqual(['built', 'uploading']);
  });

  it('recognises states', () => {
    expect(isTransmissionState('in_doubt')).toBe(true);
    expect(isTransmissionState('sent')).toBe(false);
    expect(isTransmissionState(undefined)).toBe(false);
  });

  it('errors carry stable codes and no values beyond states and the id', () => {
    const conflict = new TransmissionStateConflictError('id-1', 'uploading', 'delivered');
    expect(conflict).toMatchObject({ code: 'transmission_state_conflict', kind: 'conflict' });
    expect(conflict.message).toBe('The transmission is delivered, not uploading.');
    expect(new TransmissionTransitionInvalidError('built', 'accepted')).toMatchObject({
      code: 'transmission_transition_invalid',
      kind: 'conflict',
    });
  });
});
