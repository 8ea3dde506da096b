import type { EntityManager } from 'typeorm';

/**
 * One multi-row INSERT per table: the rows travel as ONE JSON parameter and `json_to_recordset` turns it back
 * into typed rows, so a batch of any size is a single statement with one parameter (no 65,535-parameter
 * limit, one plan, one round trip), and nested JSON (the submitted claim) is not escaped twice.
 */
export interface BulkColumn<Row> {
  name: string;
  /** PostgreSQL type of the column in the record definition, e.g. `uuid`, `text`, `numeric`, `jsonb`. */
  type: string;
  value: (row: Row) => unknown;
}

export function bulkInsertSql<Row>(
  table: string,
  columns: readonly BulkColumn<Row>[],
  suffix = '',
): (rows: readonly Row[]) => [string, unknown[]] {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const definition = columns.map((column) => `"${column.name}" ${column.type}`).join(', ');
  const sql =
    `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS r(${definition}) ${suffix}`.trim();
  return (rows) => {
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const column of columns) record[column.name] = column.value(row) ?? null;
      return record;
    });
    return [sql, [JSON.stringify(records)]];
  };
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
