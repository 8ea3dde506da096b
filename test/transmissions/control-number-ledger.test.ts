// The control-number ledger against real PostgreSQL (a throwaway database created from TEST_DATABASE_URL, or
// on 127.0.0.1:5432, migrated with every committed migration): 20 concurrent transactions on separate
// connections, and 3 separate gateway processes, 1,000 numbers per worker, some rolled back, never produce a
// duplicate and leave no gap (a rolled-back transaction's numbers go back to the counter).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsUnderLock } from '../../src/database/data-source';
import {
  ControlNumberPair,
  ControlNumberRepository,
  formatIsa13,
  formatSt02,
} from '../../src/modules/transmissions/control-numbers/control-number.repository';

jest.setTimeout(120_000);

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `gw_cn_${process.pid}_${Date.now()}`;

// Runs on a real PostgreSQL whatever the run: TEST_DATABASE_URL's server, else 127.0.0.1:5432 (CI always has it).
let dataSource: DataSource;
const repository = new ControlNumberRepository();

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${databaseName}`);
  // The gateway's own DataSource options (every entity and committed migration), 24 pooled connections.
  dataSource = new DataSource(dataSourceOptions(urlFor(databaseName), 24, 'control-number-ledger-test'));
  await dataSource.initialize();
  await runMigrationsUnderLock(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

const pair = (senderId: string, receiverId = 'PAYER'): ControlNumberPair => ({
  senderQualifier: 'ZZ',
  senderId,
  receiverQualifier: 'ZZ',
  receiverId,
});

class Rollback extends Error {}

/** Runs test/support/control-number-child.ts as a separate Node process; resolves with its stdout. */
function runChild(input: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../support/control-number-child.ts')],
      {
        env: { ...process.env, CONTROL_NUMBER_CHILD_INPUT: JSON.stringify(input) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`)),
    );
  });
}

describe('control-number ledger on PostgreSQL', () => {
  it('20 concurrent transactions on separate connections x 1,000 numbers: no duplicate, no gap', async () => {
    const key = pair('CONCURRENT');
    const workers = 20;
    const perWorker = 1_000;
    const batch = 25;
    let rolledBack = 0;
    const committed: number[][] = await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        const mine: number[] = [];
        let transaction = 0;
        while (mine.length < perWorker) {
          transaction += 1;
          // Every 7th transaction fails after allocating: its numbers must come back, not leave a gap.
          const fail = (worker + transaction) % 7 === 0;
          try {
            const numbers = await dataSource.transaction(async (manager) => {
              const allocated = await repository.allocate(manager, key, 'ISA13', batch, `w${worker}`);
              if (fail) throw new Rollback();
              return allocated;
            });
            mine.push(...numbers);
          } catch (error) {
            if (!(error instanceof Rollback)) throw error;
            rolledBack += 1;
          }
        }
        return mine;
      }),
    );
    const all = committed.flat().sort((a, b) => a - b);
    expect(rolledBack).toBeGreaterThan(0);
    expect(all).toHaveLength(workers * perWorker);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(1);
    expect(all[all.length - 1]).toBe(workers * perWorker); // contiguous: 1..20000

    const [{ count, distinct, max }] = await dataSource.query(
      `SELECT count(*)::int AS count, count(DISTINCT number)::int AS distinct, max(number)::int AS max
       FROM control_number_allocations WHERE sender_id = 'CONCURRENT' AND kind = 'ISA13'`,
    );
    expect({ count, distinct, max }).toEqual({ count: 20_000, distinct: 20_000, max: 20_000 });
    const [{ next }] = await dataSource.query(
      `SELECT next_value::int AS next FROM control_number_counters WHERE sender_id = 'CONCURRENT' AND kind = 'ISA13'`,
    );
    expect(next).toBe(20_001);
  });

  it('3 gateway processes x 7 concurrent transactions x 1,000 numbers: no duplicate, no gap', async () => {
    const processes = 3;
    const input = {
      url: urlFor(databaseName),
      workers: 7,
      perWorker: 1_000,
      batch: 20,
      senderId: 'THREE-PROCS',
    };
    const outputs = await Promise.all(
      Array.from({ length: processes }, (_, processIndex) => runChild({ ...input, processIndex })),
    );
    const all = outputs.flatMap((output) => JSON.parse(output) as number[]).sort((a, b) => a - b);
    const expected = processes * input.workers * input.perWorker;
    expect(all).toHaveLength(expected);
    expect(new Set(all).size).toBe(expected);
    expect(all[0]).toBe(1);
    expect(all[all.length - 1]).toBe(expected);
    const [{ count, distinct }] = await dataSource.query(
      `SELECT count(*)::int AS count, count(DISTINCT number)::int AS distinct
       FROM control_number_allocations WHERE sender_id = 'THREE-PROCS'`,
    );
    expect({ count, distinct }).toEqual({ count: expected, distinct: expected });
  });

  it('keeps separate counters per sender/receiver pair and kind, and ignores ISA space padding', async () => {
    const numbers = await dataSource.transaction(async (manager) => ({
      a: await repository.allocate(manager, pair('SENDER-A'), 'ISA13', 2),
      aPadded: await repository.allocate(manager, pair('SENDER-A       '), 'ISA13', 1),
      aGs: await repository.allocate(manager, pair('SENDER-A'), 'GS06', 1),
      b: await repository.allocate(manager, pair('SENDER-A', 'OTHER'), 'ISA13', 1),
    }));
    expect(numbers).toEqual({ a: [1, 2], aPadded: [3], aGs: [1], b: [1] });
    expect(formatIsa13(numbers.aPadded[0])).toBe('000000003');
    expect(formatSt02(numbers.aGs[0])).toBe('0001');
  });

  it('refuses to allocate outside a transaction', async () => {
    await expect(repository.allocate(dataSource.manager, pair('NOTX'), 'ISA13', 1)).rejects.toMatchObject({
      code: 'control_number_outside_transaction',
    });
  });

  it('never wraps around: an exhausted counter fails with a coded error and is left untouched', async () => {
    const key = pair('NEARLY-FULL');
    await dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 1));
    await dataSource.query(
      `UPDATE control_number_counters SET next_value = 999999999 WHERE sender_id = 'NEARLY-FULL' AND kind = 'ISA13'`,
    );
    await expect(
      dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 2)),
    ).rejects.toMatchObject({ code: 'control_numbers_exhausted' });
    expect(await dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 1))).toEqual([
      999_999_999,
    ]);
  });

  it('a PostgreSQL connection killed mid-transaction: the allocation is undone and the numbers are reused, no gap', async () => {
    const key = pair('TERMINATED');
    expect(await dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 3))).toEqual([
      1, 2, 3,
    ]);
    const killed = dataSource.transaction(async (manager) => {
      const numbers = await repository.allocate(manager, key, 'ISA13', 5);
      const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
      await admin(`SELECT pg_terminate_backend(${Number(pid)})`);
      return numbers;
    });
    await expect(killed).rejects.toThrow();
    // The next transaction gets 4..8 again: the killed one never committed, so it used nothing.
    expect(await dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 5))).toEqual([
      4, 5, 6, 7, 8,
    ]);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM control_number_allocations WHERE sender_id = 'TERMINATED'`,
    );
    expect(count).toBe(8);
  });

  it('the allocations primary key makes a duplicate impossible to write', async () => {
    const key = pair('DUPLICATE');
    const [number] = await dataSource.transaction((manager) => repository.allocate(manager, key, 'ISA13', 1));
    await expect(
      dataSource.query(
        `INSERT INTO control_number_allocations (sender_qualifier, sender_id, receiver_qualifier, receiver_id, kind, number)
         VALUES ('ZZ', 'DUPLICATE', 'ZZ', 'PAYER', 'ISA13', $1)`,
        [number],
      ),
    ).rejects.toThrow(/pk_control_number_allocations/);
  });
});
