// Allocates control numbers inside the caller's transaction (the one that records the interchange), so a
// rolled-back interchange returns its numbers and a committed one owns them for all history. Never random,
// never from the clock.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorKind } from '../../../common/errors/domain-error';
import { ControlNumberKind } from './control-number.entity';

/** ISA13 and GS06 are at most 9 digits; ST02 is 4-9 characters. Numbers never wrap around. */
export const MAX_CONTROL_NUMBER = 999_999_999;

export interface ControlNumberPair {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
}

export type ControlNumberErrorCode =
  'control_numbers_exhausted' | 'control_number_outside_transaction' | 'control_number_invalid_request';

const KIND_BY_CODE: Record<ControlNumberErrorCode, ErrorKind> = {
  // Numbers never wrap: an admin must move the pair to new ids (409, not retryable).
  control_numbers_exhausted: 'conflict',
  // A programming error: allocation outside the recording transaction could leak numbers.
  control_number_outside_transaction: 'internal',
  control_number_invalid_request: 'invalid',
};

export class ControlNumberError extends DomainError {
  constructor(code: ControlNumberErrorCode, message: string) {
    super(code, KIND_BY_CODE[code], message);
  }
}

function normalisePair(pair: ControlNumberPair): ControlNumberPair {
  // ISA06/ISA08 are space-padded to 15: the ledger keys on the trimmed value so padding never splits a counter.
  const normalised = {
    senderQualifier: pair.senderQualifier.trim(),
    senderId: pair.senderId.trim(),
    receiverQualifier: pair.receiverQualifier.trim(),
    receiverId: pair.receiverId.trim(),
  };
  for (const [field, value] of Object.entries(normalised)) {
    const limit = field.endsWith('Qualifier') ? 2 : 15;
    if (value.length === 0 || value.length > limit) {
      throw new ControlNumberError(
        'control_number_invalid_request',
        `${field} must be 1-${limit} characters`,
      );
    }
  }
  return normalised;
}

/** ISA13: exactly nine digits. */
export function formatIsa13(value: number): string {
  return String(value).padStart(9, '0');
}

/** GS06: one to nine digits, no padding needed. */
export function formatGs06(value: number): string {
  return String(value);
}

/** ST02: four to nine characters. */
export function formatSt02(value: number): string {
  return String(value).padStart(4, '0');
}

@Injectable()
export class ControlNumberRepository {
  /**
   * Allocates `count` consecutive numbers of one kind for a sender/receiver pair. `manager` must be the
   * caller's transactional EntityManager: the counter row stays locked until that transaction ends.
   */
  async allocate(
    manager: EntityManager,
    pair: ControlNumberPair,
    kind: ControlNumberKind,
    count: number,
    reference: string | null = null,
  ): Promise<number[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new ControlNumberError(
        'control_number_outside_transaction',
        'allocate inside the transaction that records the interchange',
      );
    }
    if (!Number.isInteger(count) || count < 1 || count > 100_000) {
      throw new ControlNumberError(
        'control_number_invalid_request',
        'count must be an integer from 1 to 100000',
      );
    }
    const key = normalisePair(pair);
    const params = [key.senderQualifier, key.senderId, key.receiverQualifier, key.receiverId, kind];
    const where =
      'sender_qualifier = $1 AND sender_id = $2 AND receiver_qualifier = $3 AND receiver_id = $4 AND kind = $5';

    await manager.query(
      `INSERT INTO control_number_counters (sender_qualifier, sender_id, receiver_qualifier, receiver_id, kind, next_value)
       VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT DO NOTHING`,
      params,
    );
    // The bound sits in the WHERE clause: an exhausted counter matches no row and is left untouched.
    // Structured result: TypeORM returns UPDATE results as [rows, count] otherwise.
    const updated = await runner.query(
      `UPDATE control_number_counters SET next_value = next_value + $6, updated_at = now()
       WHERE ${where} AND next_value + $6 <= ${MAX_CONTROL_NUMBER + 1} RETURNING next_value - $6 AS first`,
      [...params, count],
      true,
    );
    const rows = updated.records as Array<{ first: string }>;
    if (rows.length === 0) {
      throw new ControlNumberError(
        'control_numbers_exhausted',
        `${kind} numbers for this sender/receiver are used up`,
      );
    }
    const first = Number(rows[0].first);
    const last = first + count - 1;
    await manager.query(
      `INSERT INTO control_number_allocations
         (sender_qualifier, sender_id, receiver_qualifier, receiver_id, kind, number, reference)
       SELECT $1, $2, $3, $4, $5, n, $8 FROM generate_series($6::bigint, $7::bigint) AS n`,
      [...params, first, last, reference],
    );
    return Array.from({ length: count }, (_, index) => first + index);
  }

  /** Highest committed number of a kind, or 0 (for admin views and tests). */
  async lastAllocated(
    manager: EntityManager,
    pair: ControlNumberPair,
    kind: ControlNumberKind,
  ): Promise<number> {
    const key = normalisePair(pair);
    const rows: Array<{ last: string | null }> = await manager.query(
      `SELECT max(number) AS last FROM control_number_allocations
       WHERE sender_qualifier = $1 AND sender_id = $2 AND receiver_qualifier = $3 AND receiver_id = $4 AND kind = $5`,
      [key.senderQualifier, key.senderId, key.receiverQualifier, key.receiverId, kind],
    );
    return Number(rows[0]?.last ?? 0);
  }
}
