/**
 * Runs a scheduled tick once across every gateway process sharing the database. @nestjs/schedule fires the
 * tick in each process; the first to take a session-level advisory lock runs it and the others skip it.
 * The lock lives on a dedicated connection that holds no transaction, so the work itself may use the pool
 * (in embedded mode too) and may do network I/O.
 *
 * An in-process guard comes first: it stops a tick that fires while this process still runs the previous
 * one, and it is the whole story on the embedded database, where every pool connection shares one PGlite
 * session (so session locks do not exclude each other) and only one process may open the data directory.
 */
import type { DataSource } from 'typeorm';

/** Namespace of the gateway's job locks (first key of the two-key advisory lock): "JOBS" in ASCII. */
export const JOB_LOCK_NAMESPACE = 0x4a4f4253;

export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false };

const runningInThisProcess = new Set<string>();

export async function runExclusively<T>(
  dataSource: DataSource,
  jobName: string,
  work: () => Promise<T>,
): Promise<ExclusiveRun<T>> {
  if (runningInThisProcess.has(jobName)) return { ran: false };
  runningInThisProcess.add(jobName);
  try {
    return await runUnderAdvisoryLock(dataSource, jobName, work);
  } finally {
    runningInThisProcess.delete(jobName);
  }
}

async function runUnderAdvisoryLock<T>(
  dataSource: DataSource,
  jobName: string,
  work: () => Promise<T>,
): Promise<ExclusiveRun<T>> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const rows: Array<{ locked: boolean }> = await lock.query(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
      [JOB_LOCK_NAMESPACE, jobName],
    );
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK_NAMESPACE, jobName]);
    }
  } finally {
    await lock.release();
  }
}
