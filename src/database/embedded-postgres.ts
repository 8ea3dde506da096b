/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data under DATA_DIR/pglite,
 * served over the PostgreSQL wire protocol on 127.0.0.1 at a free port (embedded-postgres.server.ts, run as
 * a child process), so the gateway keeps the ordinary `pg` driver and runs the same migrations as on a real
 * PostgreSQL.
 *
 * PGlite runs one query at a time and, while one connection holds a transaction, every other connection
 * waits: keep each unit of work on one connection (a TypeORM transaction manager) and transactions short.
 * One DATA_DIR serves one gateway process; point several processes at a real PostgreSQL instead.
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildMessage } from './embedded-postgres.server';

export interface EmbeddedPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  /** Stops the socket server and closes PGlite (flushes its data to disk), then the child exits. Idempotent. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  const directory = join(dataDir, 'pglite');
  // Source checkouts run the .ts file through the same loader as `npm start`; a compiled build runs the .js.
  const script = join(__dirname, `embedded-postgres.server${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  const child = fork(script, [directory, String(maxConnections)], {
    execArgv: script.endsWith('.ts') ? ['-r', '@swc-node/register'] : [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error('the embedded database did not start in time')),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      } else fail(new Error(`the embedded database failed to start: ${message.message}`));
    });
    child.once('exit', (code) =>
      fail(
        new Error(`the embedded database exited during start (code ${code}): ${stderr.trim().slice(-500)}`),
      ),
    );
  });
  child.removeAllListeners('exit');
  // The child must not keep a finished parent alive; the IPC channel still reports its exit.
  child.unref();
  child.channel?.unref();
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      stopped ??= stopChild(child);
      return stopped;
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
  });
}
