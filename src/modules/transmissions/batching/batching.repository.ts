// Named queries of the batching job: which queued claims wait for a file, locking one file's worth of them
// (FOR UPDATE SKIP LOCKED, so concurrent builders take disjoint claims), and recording the built
// transmission with its interchanges, claim rows, claim links and first event, all in the caller's
// transaction.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../../common/ids';
import type { SubmittedClaim } from '../../claims/claim-intake.mapper';
import type { ClaimKind } from '../../claims/claim-status';
import type { TransmissionKind, TransmissionState } from '../transmission.entity';

export interface AwaitingGroup {
  orgId: string;
  payerId: string;
  kind: ClaimKind;
  claims: number;
}

export interface LockedClaim {
  id: string;
  patientControlNumber: string;
  submitted: SubmittedClaim;
}

export interface NewTransmission {
  id: string;
  orgId: string;
  partnerId: string;
  kind: TransmissionKind;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  claimCount: number;
  at: Date;
}

export interface NewInterchange {
  id: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  isa13: number;
}

export interface NewTransmissionClaim {
  interchangeId: string;
  claimId: string;
  gs06: number;
  st02: number;
  patientControlNumber: string;
}

@Injectable()
export class BatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queued claims not in any transmission, counted per organisation, payer and kind (partial index). */
  async awaitingGroups(orgId?: string, manager?: EntityManager): Promise<AwaitingGroup[]> {
    const parameters: unknown[] = [];
    let scope = '';
    if (orgId !== undefined) {
      parameters.push(orgId);
      scope = 'AND org_id = $1';
    }
    return (await (manager ?? this.dataSource).query(
      `SELECT org_id AS "orgId", payer_id AS "payerId", kind, count(*)::int AS claims FROM claims
        WHERE status = 'queued' AND transmission_id IS NULL ${scope}
        GROUP BY org_id, payer_id, kind ORDER BY org_id, payer_id, kind`,
      parameters,
    )) as AwaitingGroup[];
  }

  /**
   * Locks up to `limit` waiting claims of one organisation, kind and set of payers, oldest first. Rows another
   * builder holds are skipped, and a row another builder linked meanwhile no longer matches (PostgreSQL
   * re-checks the WHERE on the locked version), so two builders never get the same claim.
   */
  async lockClaimsForFile(
    manager: EntityManager,
    scope: { orgId: string; payerIds: readonly string[]; kind: ClaimKind; limit: number },
  ): Promise<LockedClaim[]> {
    return (await manager.query(
      `SELECT id, patient_control_number AS "patientControlNumber", submitted FROM claims
        WHERE org_id = $1 AND payer_id = ANY($2::text[]) AND kind = $3
          AND status = 'queued' AND transmission_id IS NULL
        ORDER BY created_at, batch_id, batch_index, id
        LIMIT $4
        FOR UPDATE SKIP LOCKED`,
      [scope.orgId, [...scope.payerIds], scope.kind, scope.limit],
    )) as LockedClaim[];
  }

  async insertTransmission(manager: EntityManager, row: NewTransmission): Promise<void> {
    const state: TransmissionState = 'built';
    // next_attempt_at = now: delivery may pick the file up as soon as this transaction commits.
    await manager.query(
      `INSERT INTO transmissions (id, org_id, partner_id, kind, state, file_name, bytes, sha256, size_bytes,
         claim_count, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $11, $11)`,
      [
        row.id,
        row.orgId,
        row.partnerId,
        row.kind,
        state,
        row.fileName,
        row.bytes,
        row.sha256,
        row.bytes.length,
        row.claimCount,
        row.at,
      ],
    );
  }

  async insertInterchanges(
    manager: EntityManager,
    transmissionId: string,
    rows: readonly NewInterchange[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO transmission_interchanges (id, transmission_id, sender_qualifier, sender_id,
         receiver_qualifier, receiver_id, isa13)
       SELECT id, $1, sq, sid, rq, rid, isa13
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
           AS t(id, sq, sid, rq, rid, isa13)`,
      [
        transmissionId,
        rows.map((row) => row.id),
        rows.map((row) => row.senderQualifier),
        rows.map((row) => row.senderId),
        rows.map((row) => row.receiverQualifier),
        rows.map((row) => row.receiverId),
        rows.map((row) => row.isa13),
      ],
    );
  }

  async insertTransmissionClaims(
    manager: EntityManager,
    transmissionId: string,
    orgId: string,
    rows: readonly NewTransmissionClaim[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO transmission_claims (id, transmission_id, interchange_id, org_id, claim_id, gs06, st02,
         patient_control_number)
       SELECT id, $1, interchange_id, $2, claim_id, gs06, st02, pcn
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::int[], $8::text[])
           AS t(id, interchange_id, claim_id, gs06, st02, pcn)`,
      [
        transmissionId,
        orgId,
        rows.map(() => newId()),
        rows.map((row) => row.interchangeId),
        rows.map((row) => row.claimId),
        rows.map((row) => row.gs06),
        rows.map((row) => row.st02),
        rows.map((row) => row.patientControlNumber),
      ],
    );
  }

  /**
   * Points the claims at their transmission, only while they still wait (queued, no transmission). Returns
   * how many were linked: fewer than asked means a claim moved under us, and the caller rolls back.
   */
  async linkClaims(
    manager: EntityManager,
    orgId: string,
    transmissionId: string,
    claimIds: readonly string[],
    at: Date,
  ): Promise<number> {
    const [rows] = (await manager.query(
      `UPDATE claims SET transmission_id = $1, updated_at = $2
        WHERE org_id = $3 AND id = ANY($4::uuid[]) AND status = 'queued' AND transmission_id IS NULL
        RETURNING id`,
      [transmissionId, at, orgId, [...claimIds]],
    )) as [{ id: string }[], number];
    return rows.length;
  }

  /** The transmission's first event (null -> built). Details: ids, control numbers, counts only. */
  async appendBuiltEvent(
    manager: EntityManager,
    transmissionId: string,
    details: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO transmission_events (id, transmission_id, from_state, to_state, details, at)
       VALUES ($1, $2, NULL, 'built', $3::jsonb, $4)`,
      [newId(), transmissionId, JSON.stringify(details), at],
    );
  }

  /** Current states of these transmissions of the organisation (send-now reports them after delivery). */
  async statesOf(orgId: string, ids: readonly string[]): Promise<Map<string, TransmissionState>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, state FROM transmissions WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, [...ids]],
    )) as { id: string; state: TransmissionState }[];
    return new Map(rows.map((row) => [row.id, row.state]));
  }
}
