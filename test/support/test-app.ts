/**
 * Boots the whole gateway for an integration test, on a database of its own:
 *
 *  - embedded (default): PGlite under a fresh temporary DATA_DIR, exactly as `npm start` runs it;
 *  - real PostgreSQL when TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/postgres): a
 *    fresh database `gw_test_<random>` is created from that URL, migrated, and dropped by close().
 *
 * Usage (one app per test file is the cheap pattern; boot takes one to three seconds):
 *
 *   import { createTestApp, TestApp } from '../support/test-app';
 *   jest.setTimeout(60_000);
 *   let t: TestApp;
 *   beforeAll(async () => { t = await createTestApp(); });
 *   afterAll(async () => { await t?.close(); });
 *
 *   it('lists keys', async () => {
 *     const org = await t.createOrg('Acme Billing');
 *     const { key } = await t.createKey(org.id, 'admin');
 *     await t.http.get('/v1/api-keys').set('Authorization', `Bearer ${key}`).expect(200);
 *     expect(t.logs.some((line) => line.includes(key))).toBe(false);   // captured JSON log lines
 *   });
 *
 * `t.dataSource` is the app's own DataSource (query tables directly to assert what was stored). On the
 * embedded database keep each piece of work on one connection and do not hold a transaction open while
 * awaiting another query outside it: PGlite runs one transaction at a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createGatewayApp } from '../../src/app.module';
import type { Clock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/config/config';
import { seedDemoOrganizationOnFirstStart, type DemoSeed } from '../../src/demo-seed';
import type { ApiKeyRole } from '../../src/modules/api-keys/api-key-role';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import type { OrganizationEntity } from '../../src/modules/organizations/organization.entity';
import { OrganizationsService } from '../../src/modules/organizations/organizations.service';

export interface TestAppOptions {
  /**
   * Reuse a DATA_DIR, e.g. to boot twice over the same data. Not deleted by close(). Forces the embedded
   * database even when TEST_DATABASE_URL is set (for behaviour that only exists there, like the demo seed).
   */
  dataDir?: string;
  /** Reuse an existing real PostgreSQL database URL (not created or dropped by this helper). */
  databaseUrl?: string;
  /** Extra configuration variables (LOG_LEVEL, BODY_LIMIT_MB, ...). */
  env?: Record<string, string>;
  /** A fixed clock (see FixedClock in src/common/clock). */
  clock?: Clock;
  /** Run the first-start demo seed like main.ts does (embedded only). Default false. */
  seedDemo?: boolean;
}

export interface TestApp {
  app: NestExpressApplication;
  /** supertest bound to the app: `t.http.get('/v1/...')`. */
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  config: AppConfig;
  /** 'embedded' or 'postgres'. */
  mode: AppConfig['database']['mode'];
  /** Every JSON log line the app wrote, in order (live array). */
  logs: string[];
  /** The log lines parsed as JSON objects. */
  logRecords(): Record<string, unknown>[];
  /** The demo seed result when seedDemo was set and this was the first start. */
  demo: DemoSeed | undefined;
  createOrg(name?: string): Promise<OrganizationEntity>;
  /** Creates an API key; returns its id and the whole key (the only time it exists in clear). */
  createKey(orgId: string, role?: ApiKeyRole): Promise<{ id: string; key: string }>;
  /** Shorthand: a new organisation with one key of the given role. */
  createOrgWithKey(role?: ApiKeyRole, name?: string): Promise<{ orgId: string; keyId: string; key: string }>;
  close(): Promise<void>;
}

/** The real PostgreSQL admin URL when tests should run on it (TEST_DATABASE_URL), else undefined. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url.trim() === '' ? undefined : url.trim();
}

/** The machine's PostgreSQL (trust auth), for the tests that need a real server whatever the run. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** URL for another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on the server of `adminUrl` (CREATE/DROP DATABASE). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates `gw_test_<random>` on the given server; returns its URL and a dropper. When the server cannot be
 * reached the test fails (never skips) with a message saying what it needs.
 */
export async function createScratchDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gw_test_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    const host = new URL(adminUrl).host;
    throw new Error(
      `This test needs a real PostgreSQL at ${host} (embedded PGlite is one session, one process): ` +
        `start one there with trust auth, or set TEST_DATABASE_URL. Cause: ${(error as Error).message}`,
    );
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'x12gw-test-'));
    if (options.dataDir === undefined) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    // The sandbox payer stays off unless a test opts in: it registers a shared partner for SANDBOX1-3 that
    // would collide with the partners tests create for those payer ids.
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      PORT: '0',
      SANDBOX_ENABLED: 'false',
      ...options.env,
    };
    const adminUrl = testDatabaseUrl();
    if (options.databaseUrl !== undefined) {
      env.DATABASE_URL = options.databaseUrl;
    } else if (adminUrl !== undefined && options.dataDir === undefined) {
      const scratch = await createScratchDatabase(adminUrl);
      cleanups.push(() => scratch.drop());
      env.DATABASE_URL = scratch.url;
    }
    if (env.DATABASE_URL !== undefined && env.SECRETS_KEY === undefined) {
      env.SECRETS_KEY = randomBytes(32).toString('base64');
    }
    const config = loadConfig(env);

    const logs: string[] = [];
    const destination = { write: (line: string) => void logs.push(line.trimEnd()) };
    const { app } = await createGatewayApp(config, { logDestination: destination, clock: options.clock });
    cleanups.push(() => app.close());
    const demo = options.seedDemo ? await seedDemoOrganizationOnFirstStart(app, config) : undefined;

    const organizations = app.get(OrganizationsService);
    const apiKeys = app.get(ApiKeysService);
    const actor = { type: 'system', job: 'test' } as const;
    let orgCounter = 0;

    const t: TestApp = {
      app,
      http: request(app.getHttpServer()),
      dataSource: app.get(DataSource),
      config,
      mode: config.database.mode,
      logs,
      logRecords: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
      demo,
      createOrg: (name) =>
        organizations.create(name ?? `Test Org ${++orgCounter} ${randomBytes(3).toString('hex')}`, actor),
      createKey: async (orgId, role = 'submitter') => {
        const created = await apiKeys.create(orgId, role, `test ${role}`, actor);
        return { id: created.record.id, key: created.key };
      },
      createOrgWithKey: async (role = 'submitter', name) => {
        const organization = await t.createOrg(name);
        const { id, key } = await t.createKey(organization.id, role);
        return { orgId: organization.id, keyId: id, key };
      },
      close: runCleanups,
    };
    return t;
  } catch (error) {
    await runCleanups();
    throw error;
  }
}
