import type { EntityManager } from 'typeorm';

/**
 * One multi-row INSERT per table: each column travels as one array parameter and `unnest` turns the arrays
 * back into rows, so a batch of any size is a single statement with a fixed number of parameters (no
 * 65,535-parameter limit, one plan, one round trip).
 */
export interface BulkColumn<Row> {
  name: string;
  /** PostgreSQL array type of the parameter, e.g. `uuid[]`, `text[]`, `numeric[]`. */
  type: string;
  value: (row: Row) => unknown;
  /** Expression over the unnested value `u."<name>"` when the column needs a conversion (arrays of arrays). */
  select?: string;
}

export function bulkInsertSql<Row>(
  table: string,
  columns: readonly BulkColumn<Row>[],
  suffix = '',
): (rows: readonly Row[]) => [string, unknown[]] {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const params = columns.map((column, index) => `$${index + 1}::${column.type}`).join(', ');
  const selects = columns.map((column) => column.select ?? `u."${column.name}"`).join(', ');
  const sql =
    `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS u(${names}) ${suffix}`.trim();
  return (rows) => [sql, columns.map((column) => rows.map((row) => column.value(row)))];
}

export async function bulkInsert<Row>(
  manager: EntityManager,
  statement: (rows: readonly Row[]) => [string, unknown[]],
  rows: readonly Row[],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const [sql, params] = statement(rows);
  return (await manager.query(sql, params)) as Record<string, unknown>[];
}

/** JSON values travel as text and are cast per row (`jsonb[]` parameters are awkward for the driver). */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
