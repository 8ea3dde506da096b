/**
 * Claims, their service lines and diagnoses. Every query takes the organisation id: a claim of another
 * organisation is indistinguishable from a claim that does not exist.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OPEN_CLAIM_STATUSES_SQL, type ClaimStatus } from '../claim-status';
import { bulkInsert, bulkInsertSql } from './bulk-insert';
import type { ClaimRow, DiagnosisRow, ServiceLineRow } from './claim-rows';

const insertClaims = bulkInsertSql<ClaimRow>('claims', [
  { name: 'id', type: 'uuid', value: (row) => row.id },
  { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
  { name: 'batch_id', type: 'uuid', value: (row) => row.batchId },
  { name: 'batch_index', type: 'int', value: (row) => row.batchIndex },
  { name: 'kind', type: 'text', value: (row) => row.kind },
  { name: 'status', type: 'text', value: (row) => row.status },
  { name: 'payer_id', type: 'text', value: (row) => row.payerId },
  { name: 'billing_provider_id', type: 'uuid', value: (row) => row.billingProviderId },
  { name: 'rendering_provider_id', type: 'uuid', value: (row) => row.renderingProviderId },
  { name: 'subscriber_id', type: 'uuid', value: (row) => row.subscriberId },
  { name: 'patient_id', type: 'uuid', value: (row) => row.patientId },
  { name: 'patient_control_number', type: 'text', value: (row) => row.patientControlNumber },
  { name: 'frequency_code', type: 'text', value: (row) => row.frequencyCode },
  { name: 'payer_claim_control_number', type: 'text', value: (row) => row.payerClaimControlNumber },
  { name: 'facility_code', type: 'text', value: (row) => row.facilityCode },
  { name: 'service_date_from', type: 'date', value: (row) => row.serviceDateFrom },
  { name: 'service_date_to', type: 'date', value: (row) => row.serviceDateTo },
  { name: 'total_charge', type: 'numeric', value: (row) => row.totalCharge },
  { name: 'line_count', type: 'int', value: (row) => row.lineCount },
  { name: 'fingerprint', type: 'text', value: (row) => row.fingerprint },
  { name: 'submitted', type: 'jsonb', value: (row) => row.submitted },
  { name: 'created_at', type: 'timestamptz', value: (row) => row.createdAt },
  { name: 'updated_at', type: 'timestamptz', value: (row) => row.createdAt },
]);

const insertLines = bulkInsertSql<ServiceLineRow>('claim_service_lines', [
  { name: 'id', type: 'uuid', value: (row) => row.id },
  { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
  { name: 'claim_id', type: 'uuid', value: (row) => row.claimId },
  { name: 'line_number', type: 'int', value: (row) => row.lineNumber },
  { name: 'procedure_code', type: 'text', value: (row) => row.procedureCode },
  { name: 'revenue_code', type: 'text', value: (row) => row.revenueCode },
  { name: 'modifiers', type: 'varchar[]', value: (row) => row.modifiers },
  { name: 'charge_amount', type: 'numeric', value: (row) => row.chargeAmount },
  { name: 'unit_count', type: 'numeric', value: (row) => row.unitCount },
  { name: 'service_date_from', type: 'date', value: (row) => row.serviceDateFrom },
  { name: 'service_date_to', type: 'date', value: (row) => row.serviceDateTo },
  { name: 'line_item_control_number', type: 'text', value: (row) => row.lineItemControlNumber },
  { name: 'national_drug_code', type: 'text', value: (row) => row.nationalDrugCode },
]);

const insertDiagnoses = bulkInsertSql<DiagnosisRow>('claim_diagnoses', [
  { name: 'id', type: 'uuid', value: (row) => row.id },
  { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
  { name: 'claim_id', type: 'uuid', value: (row) => row.claimId },
  { name: 'position', type: 'int', value: (row) => row.position },
  { name: 'qualifier', type: 'text', value: (row) => row.qualifier },
  { name: 'code', type: 'text', value: (row) => row.code },
]);

export interface ClaimSummary {
  id: string;
  batchId: string;
  kind: string;
  status: ClaimStatus;
  payerId: string;
  patientControlNumber: string;
  frequencyCode: string;
  totalCharge: string;
  lineCount: number;
  serviceDateFrom: string;
  serviceDateTo: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClaimDetail extends ClaimSummary {
  submitted: unknown;
}

export interface ClaimListFilter {
  status?: ClaimStatus;
  payerId?: string;
  /** Received at or after (inclusive). */
  from?: Date;
  /** Received before (exclusive). */
  to?: Date;
  /** Keyset position: claims strictly older than (createdAt, id). */
  after?: { createdAt: Date; id: string };
  limit: number;
}

const SUMMARY_COLUMNS = `c.id, c.batch_id AS "batchId", c.kind, c.status, c.payer_id AS "payerId",
  c.patient_control_number AS "patientControlNumber", c.frequency_code AS "frequencyCode",
  c.total_charge::text AS "totalCharge", c.line_count AS "lineCount",
  to_char(c.service_date_from, 'YYYY-MM-DD') AS "serviceDateFrom",
  to_char(c.service_date_to, 'YYYY-MM-DD') AS "serviceDateTo",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

@Injectable()
export class ClaimsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertClaims(
    manager: EntityManager,
    claims: readonly ClaimRow[],
    lines: readonly ServiceLineRow[],
    diagnoses: readonly DiagnosisRow[],
  ): Promise<void> {
    await bulkInsert(manager, insertClaims, claims);
    await bulkInsert(manager, insertLines, lines);
    await bulkInsert(manager, insertDiagnoses, diagnoses);
  }

  /** Which of these patient control numbers belong to an open claim of the organisation. */
  async findOpenPatientControlNumbers(
    orgId: string,
    patientControlNumbers: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (patientControlNumbers.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT DISTINCT patient_control_number AS value FROM claims
        WHERE org_id = $1 AND patient_control_number = ANY($2::text[]) AND status IN (${OPEN_CLAIM_STATUSES_SQL})`,
      [orgId, [...new Set(patientControlNumbers)]],
    )) as { value: string }[];
    return new Set(rows.map((row) => row.value));
  }

  /**
   * Which of these content fingerprints the organisation already submitted. Claims a payer rejected (999 or
   * 277CA) or that were voided do not count: sending the same content again is how they get fixed.
   */
  async findExistingFingerprints(
    orgId: string,
    fingerprints: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (fingerprints.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT DISTINCT fingerprint AS value FROM claims
        WHERE org_id = $1 AND fingerprint = ANY($2::text[])
          AND status NOT IN ('voided', 'rejected_999', 'rejected_277ca')`,
      [orgId, [...new Set(fingerprints)]],
    )) as { value: string }[];
    return new Set(rows.map((row) => row.value));
  }

  async findById(orgId: string, claimId: string): Promise<ClaimDetail | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, c.submitted FROM claims c WHERE c.org_id = $1 AND c.id = $2`,
      [orgId, claimId],
    )) as ClaimDetail[];
    return rows[0];
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(orgId: string, filter: ClaimListFilter): Promise<ClaimSummary[]> {
    const where = ['c.org_id = $1'];
    const params: unknown[] = [orgId];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.status) add((p) => `c.status = ${p}`, filter.status);
    if (filter.payerId) add((p) => `c.payer_id = ${p}`, filter.payerId);
    if (filter.from) add((p) => `c.created_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `c.created_at < ${p}`, filter.to);
    if (filter.after) {
      params.push(filter.after.createdAt, filter.after.id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    return (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM claims c WHERE ${where.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    )) as ClaimSummary[];
  }

  /**
   * Queued claims of one payer for the outbound batcher, oldest first, locked so that concurrent gateway
   * processes never pick the same claim (call inside a transaction; record `sent` in the same one).
   */
  async findQueuedForBatch(
    manager: EntityManager,
    orgId: string,
    payerId: string,
    limit = 5000,
  ): Promise<ClaimDetail[]> {
    return (await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, c.submitted FROM claims c
        WHERE c.org_id = $1 AND c.payer_id = $2 AND c.status = 'queued'
        ORDER BY c.created_at, c.batch_index, c.id
        LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [orgId, payerId, limit],
    )) as ClaimDetail[];
  }

  /** (org, payer) pairs that have queued claims: what the outbound tick iterates over. */
  async findPayersWithQueuedClaims(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ orgId: string; payerId: string; count: number }[]> {
    return (await manager.query(
      `SELECT org_id AS "orgId", payer_id AS "payerId", count(*)::int AS count FROM claims
        WHERE status = 'queued' GROUP BY org_id, payer_id ORDER BY org_id, payer_id`,
    )) as { orgId: string; payerId: string; count: number }[];
  }

  /** Claims of the organisation by patient control number (277CA / 835 reconciliation), newest first. */
  async findByPatientControlNumber(
    orgId: string,
    patientControlNumber: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ClaimSummary[]> {
    return (await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM claims c WHERE c.org_id = $1 AND c.patient_control_number = $2
        ORDER BY c.created_at DESC, c.id DESC`,
      [orgId, patientControlNumber],
    )) as ClaimSummary[];
  }
}
