/**
 * The embedded database's own process: PGlite with its data under the given directory, served over the
 * PostgreSQL wire protocol by pglite-socket on 127.0.0.1 at a free port. Started by embedded-postgres.ts
 * with an IPC channel: it reports { type: 'ready', port } once listening, and on { type: 'stop' } (or when
 * the parent goes away, even if it was killed) it stops the server and closes PGlite so the data is flushed.
 *
 * A separate process because PGlite executes queries synchronously in WebAssembly (in-process it would
 * stall the HTTP event loop), and because its bundle uses native dynamic import(), which Jest cannot load.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

type ParentMessage = { type: 'stop' };
export type ChildMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };

/**
 * PGlite's files belong to one process: two writers would corrupt them. A lock file next to the data names
 * the owning process; a lock whose process is gone is taken over.
 */
function takeLock(directory: string): () => void {
  const lockFile = join(directory, '..', 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new Error(
          `the embedded database in ${directory} is in use by process ${owner} (a running gateway?): ` +
            'stop it first, or use a PostgreSQL server (DATABASE_URL) for several processes',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`cannot lock the embedded database in ${directory}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function serve(directory: string, maxConnections: number): Promise<void> {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const unlock = takeLock(directory);
  process.on('exit', unlock);
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await server.stop();
        await db.close();
      } finally {
        process.exit(0);
      }
    })();
    return stopping;
  };
  process.on('message', (message: ParentMessage) => {
    if (message?.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  const port = Number(server.getServerConn().split(':').pop());
  process.send?.({ type: 'ready', port } satisfies ChildMessage);
}

if (require.main === module) {
  const [directory, maxConnections] = process.argv.slice(2);
  serve(directory, Number(maxConnections) || 8).catch((error: unknown) => {
    process.send?.({
      type: 'error',
      message: error instanceof Error ? error.message : 'failed',
    } satisfies ChildMessage);
    process.exit(1);
  });
}
