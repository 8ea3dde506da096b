/**
 * Providers and patients (subscribers and dependents), upserted at intake, keyed by (org, NPI) and (org,
 * identity hash), returning the ids claims refer to. Two statements per table per batch: a read that finds
 * the rows that already exist unchanged, then an upsert of only the new or changed ones. An upsert locks
 * every row it touches until commit, so upserting unchanged rows made concurrent batches of one billing
 * office (which share their providers) wait for each other's whole transaction.
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

// Which incoming rows exist already with nothing to change: their ids, without locking them.
const UNCHANGED_PROVIDERS = `SELECT p.id, i.npi FROM json_to_recordset($1::json)
    AS i(npi text, name text, tax_id text, taxonomy_code text, address jsonb)
  JOIN providers p ON p.org_id = $2 AND p.npi = i.npi
  WHERE p.name IS NOT DISTINCT FROM i.name
    AND p.tax_id IS NOT DISTINCT FROM COALESCE(i.tax_id, p.tax_id)
    AND p.taxonomy_code IS NOT DISTINCT FROM COALESCE(i.taxonomy_code, p.taxonomy_code)
    AND p.address IS NOT DISTINCT FROM COALESCE(i.address, p.address)`;

const UNCHANGED_PATIENTS = `SELECT p.id, i.identity_hash AS "identityHash" FROM json_to_recordset($1::json)
    AS i(identity_hash text, gender text, address jsonb)
  JOIN patients p ON p.org_id = $2 AND p.identity_hash = i.identity_hash
  WHERE p.gender IS NOT DISTINCT FROM COALESCE(i.gender, p.gender)
    AND p.address IS NOT DISTINCT FROM COALESCE(i.address, p.address)`;

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
    if (unique.length === 0) return new Map();
    assertOneOrganisation(unique);
    const probe = unique.map((row) => ({
      npi: row.npi,
      name: row.name,
      tax_id: row.taxId,
      taxonomy_code: row.taxonomyCode,
      address: row.address ?? null,
    }));
    const unchanged = (await manager.query(UNCHANGED_PROVIDERS, [
      JSON.stringify(probe),
      unique[0].orgId,
    ])) as { id: string; npi: string }[];
    const ids = new Map(unchanged.map((row) => [row.npi, row.id]));
    const toWrite = unique.filter((row) => !ids.has(row.npi));
    for (const row of await bulkInsert(manager, upsertProviders, toWrite)) {
      ids.set(row.npi as string, row.id as string);
    }
    return ids;
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
    if (unique.length === 0) return new Map();
    assertOneOrganisation(unique);
    const probe = unique.map((row) => ({
      identity_hash: row.identityHash,
      gender: row.gender,
      address: row.address ?? null,
    }));
    const unchanged = (await manager.query(UNCHANGED_PATIENTS, [JSON.stringify(probe), unique[0].orgId])) as {
      id: string;
      identityHash: string;
    }[];
    const ids = new Map(unchanged.map((row) => [row.identityHash, row.id]));
    const toWrite = unique.filter((row) => !ids.has(row.identityHash));
    for (const row of await bulkInsert(manager, upsertPatients, toWrite)) {
      ids.set(row.identityHash as string, row.id as string);
    }
    return ids;
  }
}

/** A batch belongs to one organisation; the lookups are scoped by the first row's. */
function assertOneOrganisation(rows: readonly { orgId: string }[]): void {
  if (rows.some((row) => row.orgId !== rows[0].orgId)) throw new Error('party rows of several organisations');
}
