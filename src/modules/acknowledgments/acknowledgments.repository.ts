// Named queries that reconcile acknowledgments against the outbound ledger (transmissions, their
// interchanges and claims). Every read that leads to a write locks what it will change (FOR UPDATE), in the
// caller's transaction, so two files acknowledging the same transmission or claim are applied one after the
// other, never interleaved.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClaimStatus } from '../claims/claim-status';
import type { TransmissionState } from '../transmissions/transmission-state';

/** Our side of an interchange: the ISA sender and receiver we wrote (the acknowledgment's are swapped). */
export interface InterchangePair {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
}

export interface MatchedInterchange {
  interchangeId: string;
  isa13: number;
  ta1Status: string | null;
  ta1NoteCode: string | null;
  transmissionId: string;
  orgId: string;
  state: TransmissionState;
  fileName: string;
  /** Interchanges in the transmission's file (a TA1 answers one of them). */
  interchangeCount: number;
}

/** One claim of an acknowledged transaction set, as sent and as it is now. */
export interface SetClaim {
  claimId: string;
  orgId: string;
  transmissionId: string;
  interchangeId: string;
  isa13: number;
  gs06: number;
  st02: number;
  patientControlNumber: string;
  status: ClaimStatus;
  /** claims.transmission_id now: the claim may have moved on (rejected and resent). */
  currentTransmissionId: string | null;
}

export interface TransmissionRow {
  id: string;
  orgId: string;
  state: TransmissionState;
  fileName: string;
  /** Distinct (interchange, GS06) groups in the file: a 999 answers one of them. */
  groupCount: number;
}

/** A claim a 277CA may answer: the latest send of the claim through this partner. */
export interface Candidate277CA extends SetClaim {
  billingNpi: string;
  /** CLM02 as numeric(12,2) text. */
  totalCharge: string;
}

const SET_CLAIM_COLUMNS = `tc.claim_id AS "claimId", tc.org_id AS "orgId", tc.transmission_id AS "transmissionId",
  tc.interchange_id AS "interchangeId", i.isa13, tc.gs06, tc.st02,
  tc.patient_control_number AS "patientControlNumber", c.status,
  c.transmission_id AS "currentTransmissionId"`;

const PAIR_WHERE = `t.partner_id = $1 AND i.sender_qualifier = $2 AND i.sender_id = $3
  AND i.receiver_qualifier = $4 AND i.receiver_id = $5`;

function pairParameters(partnerId: string, pair: InterchangePair): unknown[] {
  return [partnerId, pair.senderQualifier, pair.senderId, pair.receiverQualifier, pair.receiverId];
}

@Injectable()
export class AcknowledgmentsRepository {
  /** Interchanges we sent to this partner with these ISA13s, their transmissions locked. */
  async lockInterchanges(
    manager: EntityManager,
    partnerId: string,
    pair: InterchangePair,
    isa13s: readonly number[],
  ): Promise<MatchedInterchange[]> {
    if (isa13s.length === 0) return [];
    return (await manager.query(
      `SELECT i.id AS "interchangeId", i.isa13, i.ta1_status AS "ta1Status", i.ta1_note_code AS "ta1NoteCode",
              t.id AS "transmissionId", t.org_id AS "orgId", t.state, t.file_name AS "fileName",
              (SELECT count(*)::int FROM transmission_interchanges x WHERE x.transmission_id = t.id)
                AS "interchangeCount"
         FROM transmission_interchanges i
         JOIN transmissions t ON t.id = i.transmission_id
        WHERE ${PAIR_WHERE} AND i.isa13 = ANY($6::int[])
        ORDER BY t.id, i.isa13
        FOR UPDATE OF t`,
      [...pairParameters(partnerId, pair), [...isa13s]],
    )) as MatchedInterchange[];
  }

  /** Claims of the interchange (every transaction set), locked. */
  async lockClaimsOfInterchange(manager: EntityManager, interchangeId: string): Promise<SetClaim[]> {
    return (await manager.query(
      `SELECT ${SET_CLAIM_COLUMNS}
         FROM transmission_claims tc
         JOIN transmission_interchanges i ON i.id = tc.interchange_id
         JOIN claims c ON c.id = tc.claim_id AND c.org_id = tc.org_id
        WHERE tc.interchange_id = $1
        ORDER BY tc.gs06, tc.st02, tc.claim_id
        FOR UPDATE OF c`,
      [interchangeId],
    )) as SetClaim[];
  }

  /** Transmissions that carried functional group GS06 to this partner under this ISA pair (no lock). */
  async transmissionsOfGroup(
    manager: EntityManager,
    partnerId: string,
    pair: InterchangePair,
    gs06: number,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT tc.transmission_id AS id
         FROM transmission_claims tc
         JOIN transmission_interchanges i ON i.id = tc.interchange_id
         JOIN transmissions t ON t.id = tc.transmission_id
        WHERE ${PAIR_WHERE} AND tc.gs06 = $6`,
      [...pairParameters(partnerId, pair), gs06],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * Claims of the functional group GS06 that we sent to this partner under this ISA pair, locked. Lock
   * their transmissions first (lockTransmissions): transmission before claims is the order delivery uses.
   */
  async lockClaimsOfGroup(
    manager: EntityManager,
    partnerId: string,
    pair: InterchangePair,
    gs06: number,
  ): Promise<SetClaim[]> {
    return (await manager.query(
      `SELECT ${SET_CLAIM_COLUMNS}
         FROM transmission_claims tc
         JOIN transmission_interchanges i ON i.id = tc.interchange_id
         JOIN transmissions t ON t.id = tc.transmission_id
         JOIN claims c ON c.id = tc.claim_id AND c.org_id = tc.org_id
        WHERE ${PAIR_WHERE} AND tc.gs06 = $6
        ORDER BY tc.st02, tc.claim_id
        FOR UPDATE OF c`,
      [...pairParameters(partnerId, pair), gs06],
    )) as SetClaim[];
  }

  /**
   * Transmissions by id, in id order, locked unless `lock` is false (a 277CA only reads them: it never moves
   * a transmission, and taking transmission locks after claim locks would invert delivery's lock order).
   */
  async lockTransmissions(
    manager: EntityManager,
    ids: readonly string[],
    lock = true,
  ): Promise<TransmissionRow[]> {
    if (ids.length === 0) return [];
    return (await manager.query(
      `SELECT t.id, t.org_id AS "orgId", t.state, t.file_name AS "fileName",
              (SELECT count(*)::int FROM (SELECT DISTINCT interchange_id, gs06 FROM transmission_claims x
                 WHERE x.transmission_id = t.id) groups) AS "groupCount"
         FROM transmissions t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id ${lock ? 'FOR UPDATE OF t' : ''}`,
      [[...ids]],
    )) as TransmissionRow[];
  }

  /**
   * For each patient control number, the claims whose latest send through this partner carried it (one row
   * per claim, however often it was sent), with what a 277CA can be narrowed by: billing NPI and CLM02.
   * Locked. `orgId` narrows to one organisation (an organisation's own partner); null: every organisation
   * (a shared partner). Sends in every state count, built, uploading and dead letter included: the caller
   * defers or quarantines for those (as for a 999), where skipping them matched an older send or nothing.
   */
  async lockCandidates277CA(
    manager: EntityManager,
    partnerId: string,
    orgId: string | null,
    patientControlNumbers: readonly string[],
  ): Promise<Candidate277CA[]> {
    if (patientControlNumbers.length === 0) return [];
    return (await manager.query(
      `WITH latest AS (
         SELECT DISTINCT ON (tc.claim_id) tc.*
           FROM transmission_claims tc
           JOIN transmissions t ON t.id = tc.transmission_id
          WHERE t.partner_id = $1 AND ($2::uuid IS NULL OR tc.org_id = $2)
            AND tc.patient_control_number = ANY($3::text[])
          ORDER BY tc.claim_id, t.created_at DESC, t.id DESC)
       SELECT ${SET_CLAIM_COLUMNS}, p.npi AS "billingNpi", c.total_charge::text AS "totalCharge"
         FROM latest tc
         JOIN transmission_interchanges i ON i.id = tc.interchange_id
         JOIN claims c ON c.id = tc.claim_id AND c.org_id = tc.org_id
         JOIN providers p ON p.id = c.billing_provider_id
        ORDER BY tc.patient_control_number, tc.claim_id
        FOR UPDATE OF c`,
      [partnerId, orgId, [...patientControlNumbers]],
    )) as Candidate277CA[];
  }

  /**
   * The details of each claim's latest 277CA timeline entry that was a pending note (claims whose latest
   * 277CA entry is an answer, or who have none, are absent): a payer repeating the same pending status is
   * noted once.
   */
  async latestPending277CANotes(
    manager: EntityManager,
    claims: readonly { orgId: string; claimId: string }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    if (claims.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT DISTINCT ON (e.claim_id) e.claim_id AS "claimId", e.details
         FROM claim_status_events e
         JOIN unnest($1::uuid[], $2::uuid[]) AS wanted(org_id, claim_id)
           ON wanted.org_id = e.org_id AND wanted.claim_id = e.claim_id
        WHERE e.source = '277ca'
        ORDER BY e.claim_id, e.at DESC, e.sequence DESC`,
      [claims.map((claim) => claim.orgId), claims.map((claim) => claim.claimId)],
    )) as { claimId: string; details: Record<string, unknown> }[];
    return new Map(
      rows.filter((row) => row.details.pending === true).map((row) => [row.claimId, row.details]),
    );
  }

  async setTa1Result(
    manager: EntityManager,
    interchangeId: string,
    status: string,
    noteCode: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE transmission_interchanges SET ta1_status = $2, ta1_note_code = $3 WHERE id = $1`,
      [interchangeId, status, noteCode],
    );
  }

  /**
   * Unlinks payer-rejected claims from the transmission that carried them, so an admin can fix and send them
   * again (batching only picks queued claims, so nothing is resent automatically).
   */
  async unlinkFromTransmission(
    manager: EntityManager,
    transmissionId: string,
    claimIds: readonly string[],
  ): Promise<void> {
    if (claimIds.length === 0) return;
    await manager.query(
      `UPDATE claims SET transmission_id = NULL WHERE id = ANY($2::uuid[]) AND transmission_id = $1`,
      [transmissionId, [...claimIds]],
    );
  }

  /** Records the payer's claim numbers (277CA 2200D REF*1K). */
  async setPayerClaimNumbers(
    manager: EntityManager,
    numbers: readonly { claimId: string; orgId: string; payerClaimNumber: string }[],
  ): Promise<void> {
    if (numbers.length === 0) return;
    await manager.query(
      `UPDATE claims c SET payer_claim_number = v.number
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(id, org_id, number)
        WHERE c.id = v.id AND c.org_id = v.org_id`,
      [numbers.map((n) => n.claimId), numbers.map((n) => n.orgId), numbers.map((n) => n.payerClaimNumber)],
    );
  }
}
