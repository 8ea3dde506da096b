import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface PayerView {
  payerId: string;
  name: string;
  claimFilingIndicator: string;
  shared: boolean;
}

/** Payers visible to an organisation: its own plus the shared ones (org_id IS NULL, e.g. sandbox payers). */
@Injectable()
export class PayersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findKnownPayerIds(
    orgId: string,
    payerIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (payerIds.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT DISTINCT payer_id AS "payerId" FROM payers
        WHERE (org_id = $1 OR org_id IS NULL) AND payer_id = ANY($2::text[])`,
      [orgId, [...new Set(payerIds)]],
    )) as { payerId: string }[];
    return new Set(rows.map((row) => row.payerId));
  }

  async listForOrg(orgId: string): Promise<PayerView[]> {
    return (await this.dataSource.query(
      `SELECT payer_id AS "payerId", name, claim_filing_indicator AS "claimFilingIndicator",
              (org_id IS NULL) AS shared
         FROM payers WHERE org_id = $1 OR org_id IS NULL ORDER BY payer_id`,
      [orgId],
    )) as PayerView[];
  }
}
