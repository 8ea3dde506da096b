/**
 * Providers and patients (subscribers and dependents), upserted at intake: one statement per table per
 * batch, keyed by (org, NPI) and (org, identity hash), returning the ids claims refer to.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bulkInsert, bulkInsertSql } from './bulk-insert';
import type { PatientRow, ProviderRow } from './claim-rows';

const upsertProviders = bulkInsertSql<ProviderRow & { at: Date }>(
  'providers',
  [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
    { name: 'npi', type: 'text', value: (row) => row.npi },
    { name: 'name', type: 'text', value: (row) => row.name },
    { name: 'tax_id', type: 'text', value: (row) => row.taxId },
    { name: 'taxonomy_code', type: 'text', value: (row) => row.taxonomyCode },
    { name: 'address', type: 'jsonb', value: (row) => row.address },
    { name: 'created_at', type: 'timestamptz', value: (row) => row.at },
    { name: 'updated_at', type: 'timestamptz', value: (row) => row.at },
  ],
  `ON CONFLICT (org_id, npi) DO UPDATE SET name = EXCLUDED.name,
     tax_id = COALESCE(EXCLUDED.tax_id, providers.tax_id),
     taxonomy_code = COALESCE(EXCLUDED.taxonomy_code, providers.taxonomy_code),
     address = COALESCE(EXCLUDED.address, providers.address), updated_at = EXCLUDED.updated_at
   RETURNING id, npi`,
);

const upsertPatients = bulkInsertSql<PatientRow & { at: Date }>(
  'patients',
  [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
    { name: 'role', type: 'text', value: (row) => row.role },
    { name: 'identity_hash', type: 'text', value: (row) => row.identityHash },
    { name: 'member_id', type: 'text', value: (row) => row.memberId },
    { name: 'first_name', type: 'text', value: (row) => row.firstName },
    { name: 'last_name', type: 'text', value: (row) => row.lastName },
    { name: 'birth_date', type: 'date', value: (row) => row.birthDate },
    { name: 'gender', type: 'text', value: (row) => row.gender },
    { name: 'address', type: 'jsonb', value: (row) => row.address },
    { name: 'created_at', type: 'timestamptz', value: (row) => row.at },
    { name: 'updated_at', type: 'timestamptz', value: (row) => row.at },
  ],
  `ON CONFLICT (org_id, identity_hash) DO UPDATE SET gender = COALESCE(EXCLUDED.gender, patients.gender),
     address = COALESCE(EXCLUDED.address, patients.address), updated_at = EXCLUDED.updated_at
   RETURNING id, identity_hash AS "identityHash"`,
);

@Injectable()
export class PartiesRepository {
  /** Upserts providers (one row per NPI; later rows win) and returns NPI -> provider id. */
  async upsertProviders(
    manager: EntityManager,
    rows: readonly ProviderRow[],
    at: Date,
  ): Promise<Map<string, string>> {
    const byNpi = new Map<string, ProviderRow & { at: Date }>();
    for (const row of rows) byNpi.set(row.npi, { ...row, at });
    // A stable order keeps concurrent upserts from deadlocking on each other's rows.
    const unique = [...byNpi.values()].sort((a, b) => (a.npi < b.npi ? -1 : a.npi > b.npi ? 1 : 0));
    const returned = await bulkInsert(manager, upsertProviders, unique);
    return new Map(returned.map((row) => [row.npi as string, row.id as string]));
  }

  /** Upserts subscribers and dependents and returns identity hash -> patient id. */
  async upsertPatients(
    manager: EntityManager,
    rows: readonly PatientRow[],
    at: Date,
  ): Promise<Map<string, string>> {
    const byHash = new Map<string, PatientRow & { at: Date }>();
    for (const row of rows) byHash.set(row.identityHash, { ...row, at });
    const unique = [...byHash.values()].sort((a, b) =>
      a.identityHash < b.identityHash ? -1 : a.identityHash > b.identityHash ? 1 : 0,
    );
    const returned = await bulkInsert(manager, upsertPatients, unique);
    return new Map(returned.map((row) => [row.identityHash as string, row.id as string]));
  }
}
