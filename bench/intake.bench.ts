/**
 * Claim intake benchmark (`npm run bench:intake`). Not a test: boots the whole gateway, sends 20,000
 * synthetic professional claims in batches of 1,000 through `POST /v1/claim-batches` over HTTP, and prints
 * claims per second and p50/p99 batch latency as a table: first on a real PostgreSQL (a fresh throwaway
 * database on BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards),
 * then on the embedded database (PGlite in a temporary DATA_DIR).
 *
 * Environment: BENCH_CLAIMS (20000), BENCH_BATCH (1000), BENCH_CONCURRENCY (2 requests in flight),
 * BENCH_SKIP_POSTGRES / BENCH_SKIP_EMBEDDED=1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createGatewayApp } from '../src/app.module';
import { loadConfig } from '../src/config/config';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { OrganizationsService } from '../src/modules/organizations/organizations.service';
import { professionalClaim } from '../test/claims/claim-fixtures';

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Result {
  database: string;
  claims: number;
  accepted: number;
  seconds: number;
  latencies: number[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(database: string, env: Record<string, string>): Promise<Result> {
  const config = loadConfig({ LOG_LEVEL: 'info', PORT: '0', ...env });
  const { app } = await createGatewayApp(config, { logDestination: { write: () => undefined } });
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const actor = { type: 'system', job: 'bench' } as const;
    const org = await app.get(OrganizationsService).create(`Bench ${randomBytes(3).toString('hex')}`, actor);
    const { key } = await app.get(ApiKeysService).create(org.id, 'submitter', 'bench', actor);

    // Bodies are prepared up front so the measurement is the gateway, not the generator.
    const bodies: string[] = [];
    for (let start = 0; start < TOTAL; start += BATCH) {
      const claims = [];
      for (let n = start; n < Math.min(TOTAL, start + BATCH); n++)
        claims.push(professionalClaim(n, { tag: 'B' }));
      bodies.push(JSON.stringify({ claims }));
    }
    const post = async (body: string): Promise<{ ms: number; accepted: number }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(`http://127.0.0.1:${port}/v1/claim-batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body,
      });
      const json = (await response.json()) as { acceptedCount?: number };
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 202) throw new Error(`batch answered ${response.status}`);
      return { ms, accepted: json.acceptedCount ?? 0 };
    };

    // Warm-up: one small batch (JIT, prepared plans), not counted.
    await post(JSON.stringify({ claims: [professionalClaim(0, { tag: 'W' })] }));

    const latencies: number[] = [];
    let accepted = 0;
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const result = await post(body);
          latencies.push(result.ms);
          accepted += result.accepted;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { database, claims: TOTAL, accepted, seconds, latencies };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const results: Result[] = [];
  if (process.env.BENCH_SKIP_POSTGRES !== '1') {
    const name = `gw_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-bench-'));
      try {
        results.push(
          await run('PostgreSQL (DATABASE_URL)', {
            DATABASE_URL: url.toString(),
            DATA_DIR: dataDir,
            SECRETS_KEY: randomBytes(32).toString('base64'),
          }),
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-bench-'));
    try {
      results.push(await run('embedded (PGlite)', { DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const rows = results.map((result) => {
    const sorted = [...result.latencies].sort((a, b) => a - b);
    return [
      result.database,
      String(result.claims),
      String(result.accepted),
      result.seconds.toFixed(2),
      Math.round(result.claims / result.seconds).toLocaleString('en-US'),
      `${Math.round(percentile(sorted, 50))} ms`,
      `${Math.round(percentile(sorted, 99))} ms`,
    ];
  });
  const header = ['database', 'claims', 'accepted', 'seconds', 'claims/s', 'p50 batch', 'p99 batch'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  process.stdout.write(
    [
      `Claim intake: ${TOTAL} claims, batches of ${BATCH}, ${CONCURRENCY} requests in flight, HTTP on 127.0.0.1`,
      '',
      line(header),
      line(header.map(() => '---')),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
