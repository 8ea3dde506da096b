// A claim's whole journey for GET /v1/claims/:id: received and queued, every transmission that carried it
// (file name, ISA13, GS06, ST02, TA1 result), the latest 999 answer with its errors, the latest 277CA answer
// with its codes, and the payer's claim number. Built from the claim's own timeline (the acknowledgment
// details recorded there) plus one scoped query over the transmissions ledger.
import type { DataSource, EntityManager } from 'typeorm';
import { describeTa1Acknowledgment, describeTa1Note } from '../../x12';
import type { ClaimStatusSource } from '../claims/claim-status';
import type { StatusEventView } from '../claims/repositories/claim-status-events.repository';
import {
  formatGs06,
  formatIsa13,
  formatSt02,
} from '../transmissions/control-numbers/control-number.repository';
import type { TransmissionState } from '../transmissions/transmission-state';

export interface ClaimSendView {
  transmissionId: string;
  fileName: string;
  kind: string;
  /** The transmission's state now. */
  state: TransmissionState;
  isa13: string;
  gs06: string;
  st02: string;
  builtAt: Date;
  deliveredAt: Date | null;
  /** The TA1 for this interchange, when one came back. */
  ta1: {
    acknowledgmentCode: string;
    description: string | null;
    noteCode: string | null;
    noteDescription: string | null;
  } | null;
  /** True for the transmission that carries the claim now (false after a payer rejection or a resend). */
  current: boolean;
}

export interface AcknowledgmentStep {
  /** 'pending' only for a 277CA that neither accepted nor rejected the claim (a P category, say). */
  result: 'accepted' | 'rejected' | 'pending';
  at: Date;
  source: ClaimStatusSource;
  /** The acknowledgment as recorded on the timeline: codes, descriptions, positions; never values. */
  details: Record<string, unknown>;
}

export interface ClaimJourney {
  receivedAt: Date | null;
  queuedAt: Date | null;
  sentAt: Date | null;
  sends: ClaimSendView[];
  ta1: AcknowledgmentStep | null;
  acknowledgment999: AcknowledgmentStep | null;
  acknowledgment277CA: AcknowledgmentStep | null;
  payerClaimNumber: string | null;
}

interface SendRow {
  transmissionId: string;
  fileName: string;
  kind: string;
  state: TransmissionState;
  isa13: number;
  gs06: number;
  st02: number;
  builtAt: Date;
  deliveredAt: Date | null;
  ta1Status: string | null;
  ta1NoteCode: string | null;
  current: boolean;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** The transmissions that carried the organisation's claim, oldest first, and its payer claim number. */
export async function loadClaimSends(
  db: Queryable,
  orgId: string,
  claimId: string,
): Promise<{ sends: SendRow[]; payerClaimNumber: string | null }> {
  const sends = (await db.query(
    `SELECT t.id AS "transmissionId", t.file_name AS "fileName", t.kind, t.state, i.isa13, tc.gs06, tc.st02,
            t.created_at AS "builtAt", t.delivered_at AS "deliveredAt", i.ta1_status AS "ta1Status",
            i.ta1_note_code AS "ta1NoteCode", (c.transmission_id IS NOT DISTINCT FROM t.id) AS current
       FROM transmission_claims tc
       JOIN transmissions t ON t.id = tc.transmission_id
       JOIN transmission_interchanges i ON i.id = tc.interchange_id
       JOIN claims c ON c.id = tc.claim_id AND c.org_id = tc.org_id
      WHERE tc.org_id = $1 AND tc.claim_id = $2
      ORDER BY t.created_at, t.id`,
    [orgId, claimId],
  )) as SendRow[];
  const [claim] = (await db.query(
    `SELECT payer_claim_number AS "payerClaimNumber" FROM claims WHERE org_id = $1 AND id = $2`,
    [orgId, claimId],
  )) as { payerClaimNumber: string | null }[];
  return { sends, payerClaimNumber: claim?.payerClaimNumber ?? null };
}

/**
 * The latest answer of one kind: the last timeline entry from `source` with the accepted or rejected
 * status, or a pending note (a 277CA that decided nothing; it keeps the claim's status, so the source
 * tells it from, say, the 999's own accepted_999 entry).
 */
function lastStep(
  timeline: readonly StatusEventView[],
  source: ClaimStatusSource,
  accepted: string,
  rejected: string,
): AcknowledgmentStep | null {
  for (let index = timeline.length - 1; index >= 0; index--) {
    const event = timeline[index];
    if (event.source !== source) continue;
    const pending = event.details.pending === true;
    if (pending || event.status === accepted || event.status === rejected) {
      return {
        result: pending ? 'pending' : event.status === accepted ? 'accepted' : 'rejected',
        at: event.at,
        source: event.source,
        details: event.details,
      };
    }
  }
  return null;
}

function firstAt(timeline: readonly StatusEventView[], status: string): Date | null {
  return timeline.find((event) => event.status === status)?.at ?? null;
}

export function buildClaimJourney(
  timeline: readonly StatusEventView[],
  loaded: { sends: SendRow[]; payerClaimNumber: string | null },
): ClaimJourney {
  const ta1Events = timeline.filter((event) => event.source === 'ta1');
  const lastTa1 = ta1Events[ta1Events.length - 1];
  return {
    receivedAt: firstAt(timeline, 'received'),
    queuedAt: firstAt(timeline, 'queued'),
    // When the claim went out: not a TA1 or 277CA note, which keeps the status 'sent' without sending.
    sentAt:
      timeline
        .filter(
          (event) => event.status === 'sent' && event.source !== 'ta1' && event.details.pending !== true,
        )
        .at(-1)?.at ?? null,
    sends: loaded.sends.map((row) => ({
      transmissionId: row.transmissionId,
      fileName: row.fileName,
      kind: row.kind,
      state: row.state,
      isa13: formatIsa13(row.isa13),
      gs06: formatGs06(row.gs06),
      st02: formatSt02(row.st02),
      builtAt: row.builtAt,
      deliveredAt: row.deliveredAt,
      ta1:
        row.ta1Status === null
          ? null
          : {
              acknowledgmentCode: row.ta1Status,
              description: describeTa1Acknowledgment(row.ta1Status) ?? null,
              noteCode: row.ta1NoteCode,
              noteDescription: row.ta1NoteCode === null ? null : (describeTa1Note(row.ta1NoteCode) ?? null),
            },
      current: row.current,
    })),
    ta1: lastTa1
      ? {
          result: lastTa1.status === 'rejected_ta1' ? 'rejected' : 'accepted',
          at: lastTa1.at,
          source: lastTa1.source,
          details: lastTa1.details,
        }
      : null,
    acknowledgment999: lastStep(timeline, '999', 'accepted_999', 'rejected_999'),
    acknowledgment277CA: lastStep(timeline, '277ca', 'accepted_277ca', 'rejected_277ca'),
    payerClaimNumber: loaded.payerClaimNumber,
  };
}
