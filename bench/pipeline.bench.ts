/**
 * Whole-pipeline benchmark (`npm run bench:pipeline`). Not a test: boots the gateway with the built-in
 * sandbox payer (answering with no delay) and a real OpenSSH sshd on 127.0.0.1 whose SFTP start directory
 * is the sandbox payer's own directory, points the sandbox trading partner at that sshd, then times each
 * stage for 20,000 synthetic professional claims:
 *
 *   intake      POST /v1/claim-batches over HTTP (batches of 1,000, 2 requests in flight)
 *   batching    BatchingService.buildDue: 837P files, control numbers from the ledger, bytes stored
 *   delivery    OutboundService.deliverDue: SFTP upload to OpenSSH (temporary name, verify, rename)
 *   payer       the sandbox reads each 837 and writes TA1, 999, 277CA and 835 into from-payer/
 *   collection  CollectionService.collectAll: download, store, classify, apply TA1/999/277CA to the claims
 *
 * and prints claims per second per stage and the total. Database: a fresh throwaway database on
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards), or the
 * embedded one with BENCH_EMBEDDED=1. Environment: BENCH_CLAIMS (20000), BENCH_BATCH (1000),
 * BENCH_CONCURRENCY (2), BENCH_SFTP=sandbox to use the sandbox payer's own ssh2 SFTP server instead of
 * OpenSSH (when /usr/sbin/sshd is not installed).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createGatewayApp } from '../src/app.module';
import { loadConfig } from '../src/config/config';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { CollectionService } from '../src/modules/inbound-files/collection.service';
import { OrganizationsService } from '../src/modules/organizations/organizations.service';
import { BatchingService } from '../src/modules/transmissions/batching/batching.service';
import { OutboundService } from '../src/modules/transmissions/batching/outbound.service';
import { TradingPartnersService } from '../src/modules/trading-partners/trading-partners.service';
import { SandboxService, sandboxPartnerInput } from '../src/sandbox/sandbox.service';
import { professionalClaim } from '../test/claims/claim-fixtures';
import { startSshd, type TestSshd } from '../test/support/sshd';

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED = process.env.BENCH_EMBEDDED === '1';
const SFTP_SERVER = process.env.BENCH_SFTP === 'sandbox' ? 'sandbox' : 'openssh';

interface Stage {
  name: string;
  seconds: number;
  note: string;
}

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function run(
  env: Record<string, string>,
): Promise<{ stages: Stage[]; statuses: Record<string, number> }> {
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    PORT: '0',
    SCHEDULER_ENABLED: 'false',
    SANDBOX_ENABLED: 'true',
    SANDBOX_SFTP_PORT: '0',
    SANDBOX_RESPONSE_DELAY_MS: '0',
    ...env,
  });
  const { app } = await createGatewayApp(config, { logDestination: { write: () => undefined } });
  let sshd: TestSshd | undefined;
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const actor = { type: 'system', job: 'bench' } as const;
    const org = await app.get(OrganizationsService).create(`Bench ${randomBytes(3).toString('hex')}`, actor);
    const { key } = await app.get(ApiKeysService).create(org.id, 'submitter', 'bench', actor);
    const dataSource = app.get(DataSource);
    const sandbox = app.get(SandboxService).running;
    if (!sandbox) throw new Error('the sandbox payer did not start');
    if (SFTP_SERVER === 'openssh') {
      sshd = await startSshd({ rootDir: sandbox.root });
      await app.get(TradingPartnersService).upsertShared({
        ...sandboxPartnerInput(sandbox),
        port: sshd.port,
        username: sshd.username,
        credential: { method: 'private-key', privateKey: sshd.privateKey },
        hostKeyFingerprint: sshd.hostKeyFingerprint,
      });
    }
    const stages: Stage[] = [];

    // Bodies prepared up front so the measurement is the gateway, not the generator.
    const bodies: string[] = [];
    for (let start = 0; start < TOTAL; start += BATCH) {
      const claims = [];
      for (let n = start; n < Math.min(TOTAL, start + BATCH); n++)
        claims.push(professionalClaim(n, { tag: 'P' }));
      bodies.push(JSON.stringify({ claims }));
    }

    // 1. intake over HTTP
    let started = process.hrtime.bigint();
    let accepted = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const response = await fetch(`http://127.0.0.1:${port}/v1/claim-batches`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
          });
          if (response.status !== 202) throw new Error(`batch answered ${response.status}`);
          accepted += ((await response.json()) as { acceptedCount: number }).acceptedCount;
        }
      }),
    );
    stages.push({ name: 'intake (HTTP)', seconds: seconds(started), note: `${accepted} accepted` });

    // 2. batching into 837P files
    started = process.hrtime.bigint();
    const built = await app.get(BatchingService).buildDue({ orgId: org.id });
    stages.push({
      name: 'batching (837P)',
      seconds: seconds(started),
      note: `${built.files.length} files, ${built.claimsBatched} claims`,
    });

    // 3. delivery over SFTP
    started = process.hrtime.bigint();
    const delivered = await app.get(OutboundService).deliverDue();
    stages.push({
      name: 'delivery (SFTP)',
      seconds: seconds(started),
      note: Object.entries(delivered.outcomes)
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', '),
    });

    // 4. the sandbox payer answers: four responses (TA1, 999, 277CA, 835) per 837 file
    started = process.hrtime.bigint();
    const expected = built.files.length * 4;
    const fromPayer = join(sandbox.root, 'from-payer');
    while (readdirSync(fromPayer).filter((name) => !name.startsWith('.')).length < expected) await sleep(50);
    stages.push({
      name: 'sandbox payer answers',
      seconds: seconds(started),
      note: `${expected} response files`,
    });

    // 5. collection: download, store, classify, apply the acknowledgments to the claims
    started = process.hrtime.bigint();
    const collection = app.get(CollectionService);
    let stored = 0;
    let processed = 0;
    while (stored < expected) {
      const report = await collection.collectAll({ stableForMs: 100 });
      stored += report.totals.stored;
      processed += report.totals.processed;
      if (report.totals.failedPartners > 0) throw new Error('collection failed for a partner');
    }
    stages.push({
      name: 'collection + apply',
      seconds: seconds(started),
      note: `${stored} files stored, ${processed} processed`,
    });

    const rows = (await dataSource.query(
      `SELECT status, count(*)::int AS count FROM claims WHERE org_id = $1 GROUP BY status ORDER BY status`,
      [org.id],
    )) as { status: string; count: number }[];
    return { stages, statuses: Object.fromEntries(rows.map((row) => [row.status, row.count])) };
  } finally {
    await app.close();
    await sshd?.stop();
  }
}

function print(database: string, stages: readonly Stage[], statuses: Record<string, number>): void {
  const total = stages.reduce((sum, stage) => sum + stage.seconds, 0);
  const rows = [
    ...stages.map((stage) => [
      stage.name,
      stage.seconds.toFixed(2),
      Math.round(TOTAL / stage.seconds).toLocaleString('en-US'),
      stage.note,
    ]),
    ['total', total.toFixed(2), Math.round(TOTAL / total).toLocaleString('en-US'), `target < 60 s`],
  ];
  const header = ['stage', 'seconds', 'claims/s', ''];
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => row[index].length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) =>
        index === 0 || index === 3 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]),
      )
      .join('  ');
  process.stdout.write(
    `\nPipeline benchmark: ${TOTAL.toLocaleString('en-US')} claims, ${database}, ${
      SFTP_SERVER === 'openssh' ? 'OpenSSH sshd' : 'the sandbox ssh2 server'
    } in front of the sandbox payer\n`,
  );
  process.stdout.write(`${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `claim statuses after collection: ${Object.entries(statuses)
      .map(([status, count]) => `${status} ${count}`)
      .join(', ')}\n`,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-pipeline-bench-'));
  try {
    if (EMBEDDED) {
      const result = await run({ DATA_DIR: dataDir });
      print('embedded database (PGlite)', result.stages, result.statuses);
      return;
    }
    const name = `gw_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      const result = await run({
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        SECRETS_KEY: randomBytes(32).toString('base64'),
      });
      print('PostgreSQL', result.stages, result.statuses);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `pipeline benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
