// Named queries over transmissions and their history. State changes only through transition() (and the
// delivery claim, which is the same compare-and-set done for many rows at once under SKIP LOCKED): each
// one is an UPDATE guarded by the expected state plus one transmission_events row, in the caller's
// transaction.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import type { TransmissionKind } from './transmission.entity';
import {
  canTransition,
  TransmissionNotFoundError,
  TransmissionStateConflictError,
  TransmissionTransitionInvalidError,
  type TransmissionState,
} from './transmission-state';

/** Columns a transition may set along with the state. */
export interface TransitionPatch {
  attempts?: number;
  nextAttemptAt?: Date;
  lastErrorCode?: string | null;
  remotePath?: string | null;
  deliveredAt?: Date | null;
  publishStartedAt?: Date | null;
}

export interface TransitionOptions {
  patch?: TransitionPatch;
  /**
   * Also require next_attempt_at to equal this instant: the delivery lease a worker was given when it
   * claimed the row. A worker whose lease was taken over loses the compare-and-set.
   */
  leaseUntil?: Date;
}

const PATCH_COLUMNS: Record<keyof TransitionPatch, string> = {
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastErrorCode: 'last_error_code',
  remotePath: 'remote_path',
  deliveredAt: 'delivered_at',
  publishStartedAt: 'publish_started_at',
};

/** What the delivery worker needs to send a claimed row (the bytes are loaded separately, per file). */
export interface ClaimedTransmission {
  id: string;
  orgId: string;
  partnerId: string;
  kind: TransmissionKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  /** Delivery attempts started, this one included (a crashed worker's attempt counts too). */
  attempts: number;
  previousState: TransmissionState;
  /** When an earlier attempt began publishing the file without its outcome being recorded, if one did. */
  publishStartedAt: Date | null;
  /** next_attempt_at as set by the claim: the lease the worker must still hold when it records the outcome. */
  leaseUntil: Date;
}

export interface TransmissionSummary {
  id: string;
  orgId: string;
  partnerId: string;
  kind: TransmissionKind;
  state: TransmissionState;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  claimCount: number;
  attempts: number;
  nextAttemptAt: Date;
  lastErrorCode: string | null;
  remotePath: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransmissionEventView {
  fromState: TransmissionState | null;
  toState: TransmissionState;
  details: Record<string, unknown>;
  at: Date;
}

export interface TransmissionInterchangeView {
  id: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  isa13: number;
  ta1Status: string | null;
  ta1NoteCode: string | null;
}

/** One claim of a transmission with the control numbers of the transaction set that carries it. */
export interface TransmissionClaimRef {
  claimId: string;
  orgId: string;
  isa13: number;
  gs06: number;
  st02: number;
}

const SUMMARY_COLUMNS = `id, org_id AS "orgId", partner_id AS "partnerId", kind, state, file_name AS "fileName",
  sha256, size_bytes AS "sizeBytes", claim_count AS "claimCount", attempts, next_attempt_at AS "nextAttemptAt",
  last_error_code AS "lastErrorCode", remote_path AS "remotePath", delivered_at AS "deliveredAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class TransmissionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Moves one transmission from `from` to `to` (compare-and-set) and appends its event, in the caller's
   * transaction. Throws TransmissionTransitionInvalidError for a move the state machine forbids and
   * TransmissionStateConflictError when the row is not (or no longer) in `from`, or its lease changed.
   */
  async transition(
    manager: EntityManager,
    id: string,
    from: TransmissionState,
    to: TransmissionState,
    details: Record<string, unknown> = {},
    options: TransitionOptions = {},
  ): Promise<void> {
    if (!canTransition(from, to)) throw new TransmissionTransitionInvalidError(from, to);
    const at = this.clock.now();
    const parameters: unknown[] = [id, from, to, at];
    const sets = ['state = $3', 'updated_at = $4'];
    for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof TransitionPatch, string][]) {
      const value = options.patch?.[key];
      if (value === undefined) continue;
      parameters.push(value);
      sets.push(`${column} = $${parameters.length}`);
    }
    let guard = 'id = $1 AND state = $2';
    if (options.leaseUntil !== undefined) {
      parameters.push(options.leaseUntil);
      guard += ` AND next_attempt_at = $${parameters.length}`;
    }
    const [rows] = (await manager.query(
      `UPDATE transmissions SET ${sets.join(', ')} WHERE ${guard} RETURNING id`,
      parameters,
    )) as [{ id: string }[], number];
    if (rows.length === 0) throw await this.conflict(manager, id, from);
    await this.appendEvents(manager, [{ transmissionId: id, fromState: from, toState: to, details, at }]);
  }

  /**
   * Claims up to `limit` due transmissions (built or uploading, next_attempt_at <= now) that no other
   * worker holds, sets them 'uploading' with next_attempt_at = leaseUntil and one more attempt (counted when it
   * starts, so a worker that keeps crashing on a file still runs out of attempts), and records the events. Run it
   * in a short transaction of its own and commit before any network I/O: the row locks end at commit, the
   * lease keeps other workers away until it expires (a crashed worker's rows become due again after it).
   */
  async claimDue(
    manager: EntityManager,
    now: Date,
    leaseUntil: Date,
    limit: number,
    details: Record<string, unknown> = {},
  ): Promise<ClaimedTransmission[]> {
    const rows = (await manager.query(
      `WITH due AS (
         SELECT id, state AS previous_state FROM transmissions
          WHERE state IN ('built', 'uploading') AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE transmissions t
          SET state = 'uploading', attempts = t.attempts + 1, next_attempt_at = $2, updated_at = $1
         FROM due WHERE t.id = due.id
       RETURNING t.id, t.org_id AS "orgId", t.partner_id AS "partnerId", t.kind, t.file_name AS "fileName",
         t.sha256, t.size_bytes AS "sizeBytes", t.attempts, due.previous_state AS "previousState",
         t.publish_started_at AS "publishStartedAt"`,
      [now, leaseUntil, limit],
    )) as [Omit<ClaimedTransmission, 'leaseUntil'>[], number];
    const claimed = rows[0].map((row) => ({ ...row, leaseUntil }));
    await this.appendEvents(
      manager,
      claimed.map((row) => ({
        transmissionId: row.id,
        fromState: row.previousState,
        toState: 'uploading' as const,
        details: { ...details, attempt: row.attempts, leaseUntil: leaseUntil.toISOString() },
        at: now,
      })),
    );
    return claimed;
  }

  /**
   * Extends a worker's lease on a claimed row (compare-and-set on the lease it holds); false when the lease
   * was taken over meanwhile. Not a state change, so no event. Used before each file of a partner's group,
   * so a long run does not lose the files it has not reached yet.
   */
  renewLease(id: string, heldLease: Date, newLease: Date): Promise<boolean> {
    return this.updateUnderLease(id, heldLease, 'next_attempt_at', newLease);
  }

  /**
   * Commits that the worker holding the lease is about to publish the file (rename or .done marker).
   * Throws TransmissionStateConflictError when the lease was taken over: then the worker must not publish.
   */
  async markPublishing(id: string, heldLease: Date, at: Date): Promise<void> {
    if (!(await this.updateUnderLease(id, heldLease, 'publish_started_at', at))) {
      throw await this.conflict(this.dataSource.manager, id, 'uploading');
    }
  }

  /** Sets one column of an 'uploading' row, only while the caller still holds the lease it was given. */
  private async updateUnderLease(
    id: string,
    heldLease: Date,
    column: 'next_attempt_at' | 'publish_started_at',
    value: Date,
  ): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE transmissions SET ${column} = $3
        WHERE id = $1 AND state = 'uploading' AND next_attempt_at = $2 RETURNING id`,
      [id, heldLease, value],
    )) as [{ id: string }[], number];
    return rows.length === 1;
  }

  /** The error for a lost compare-and-set, naming the state the row is actually in. */
  /** The row's state and next_attempt_at (a worker's lease while uploading), or undefined when missing. */
  async stateAndLeaseOf(id: string): Promise<{ state: TransmissionState; nextAttemptAt: Date } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT state, next_attempt_at AS "nextAttemptAt" FROM transmissions WHERE id = $1`,
      [id],
    )) as { state: TransmissionState; nextAttemptAt: Date }[];
    return row;
  }

  private async conflict(
    manager: EntityManager,
    id: string,
    expected: TransmissionState,
  ): Promise<TransmissionStateConflictError> {
    const found = (await manager.query(`SELECT state FROM transmissions WHERE id = $1`, [id])) as {
      state: TransmissionState;
    }[];
    return new TransmissionStateConflictError(id, expected, found[0]?.state);
  }

  /**
   * Whether the payer has answered this transmission: a TA1 on one of its interchanges, or an acknowledgment
   * or remittance outcome recorded on one of its claims as sent in it (claims a rejection unlinked included).
   */
  async hasPayerResponse(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM transmission_interchanges WHERE transmission_id = $1 AND ta1_status IS NOT NULL)
           OR EXISTS (SELECT 1 FROM transmission_claims tc
                        JOIN claim_status_events e ON e.org_id = tc.org_id AND e.claim_id = tc.claim_id
                       WHERE tc.transmission_id = $1
                         AND e.source IN ('ta1', '999', '277ca', '835')
                         AND e.details->>'transmissionId' = $1::text) AS answered`,
      [id],
    )) as { answered: boolean }[];
    return rows[0]?.answered === true;
  }

  /** The stored file of a transmission (read outside any transaction, right before uploading it). */
  async fileOf(id: string, manager?: EntityManager): Promise<{ bytes: Buffer; sha256: string } | undefined> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT bytes, sha256 FROM transmissions WHERE id = $1`,
      [id],
    )) as { bytes: Buffer; sha256: string }[];
    return rows[0];
  }

  /** The organisation's transmission, or undefined (also for another organisation's id). */
  async findForOrg(
    orgId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<TransmissionSummary | undefined> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${SUMMARY_COLUMNS} FROM transmissions WHERE org_id = $1 AND id = $2`,
      [orgId, id],
    )) as TransmissionSummary[];
    return rows[0];
  }

  /** Like findForOrg but locks the row until the caller's transaction ends (admin actions). */
  async lockForOrg(manager: EntityManager, orgId: string, id: string): Promise<TransmissionSummary> {
    const rows = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM transmissions WHERE org_id = $1 AND id = $2 FOR UPDATE`,
      [orgId, id],
    )) as TransmissionSummary[];
    if (rows[0] === undefined) throw new TransmissionNotFoundError();
    return rows[0];
  }

  /** The organisation's transmissions, newest first, keyset-paged on (created_at, id). */
  async listForOrg(
    orgId: string,
    filter: { states?: readonly TransmissionState[]; after?: { createdAt: Date; id: string }; limit: number },
  ): Promise<TransmissionSummary[]> {
    const parameters: unknown[] = [orgId];
    const where = ['org_id = $1'];
    if (filter.states !== undefined && filter.states.length > 0) {
      parameters.push([...filter.states]);
      where.push(`state = ANY($${parameters.length}::text[])`);
    }
    if (filter.after !== undefined) {
      parameters.push(filter.after.createdAt, filter.after.id);
      where.push(`(created_at, id) < ($${parameters.length - 1}, $${parameters.length}::uuid)`);
    }
    parameters.push(filter.limit);
    return (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM transmissions WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    )) as TransmissionSummary[];
  }

  async eventsOf(transmissionId: string): Promise<TransmissionEventView[]> {
    return (await this.dataSource.query(
      `SELECT from_state AS "fromState", to_state AS "toState", details, at FROM transmission_events
        WHERE transmission_id = $1 ORDER BY at, sequence`,
      [transmissionId],
    )) as TransmissionEventView[];
  }

  async interchangesOf(transmissionId: string): Promise<TransmissionInterchangeView[]> {
    return (await this.dataSource.query(
      `SELECT id, sender_qualifier AS "senderQualifier", sender_id AS "senderId",
              receiver_qualifier AS "receiverQualifier", receiver_id AS "receiverId", isa13,
              ta1_status AS "ta1Status", ta1_note_code AS "ta1NoteCode"
         FROM transmission_interchanges WHERE transmission_id = $1 ORDER BY isa13`,
      [transmissionId],
    )) as TransmissionInterchangeView[];
  }

  /**
   * The transmission's claims that are still waiting to be marked sent (status queued and linked to this
   * transmission), with their control numbers. A claim already moved on is not returned, so 'sent' is
   * recorded once even if delivery is confirmed twice (a worker, then an admin).
   */
  async claimsAwaitingSent(manager: EntityManager, transmissionId: string): Promise<TransmissionClaimRef[]> {
    return (await manager.query(
      `SELECT tc.claim_id AS "claimId", tc.org_id AS "orgId", i.isa13, tc.gs06, tc.st02
         FROM transmission_claims tc
         JOIN transmission_interchanges i ON i.id = tc.interchange_id
         JOIN claims c ON c.id = tc.claim_id AND c.org_id = tc.org_id
        WHERE tc.transmission_id = $1 AND c.status = 'queued' AND c.transmission_id = $1
        ORDER BY i.isa13, tc.gs06, tc.st02, tc.claim_id
        FOR UPDATE OF c`,
      [transmissionId],
    )) as TransmissionClaimRef[];
  }

  private async appendEvents(
    manager: EntityManager,
    events: {
      transmissionId: string;
      fromState: TransmissionState | null;
      toState: TransmissionState;
      details: Record<string, unknown>;
      at: Date;
    }[],
  ): Promise<void> {
    if (events.length === 0) return;
    const values: string[] = [];
    const parameters: unknown[] = [];
    for (const event of events) {
      const base = parameters.length;
      values.push(
        `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb, $${base + 6})`,
      );
      parameters.push(
        newId(),
        event.transmissionId,
        event.fromState,
        event.toState,
        JSON.stringify(event.details),
        event.at,
      );
    }
    await manager.query(
      `INSERT INTO transmission_events (id, transmission_id, from_state, to_state, details, at)
       VALUES ${values.join(', ')}`,
      parameters,
    );
  }
}
