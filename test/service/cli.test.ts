// `x12gw org create` and `x12gw key create` work on the configured database (embedded DATA_DIR or
// DATABASE_URL), the printed key authenticates against the server, and an embedded DATA_DIR in use by a
// running gateway is refused rather than opened twice.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { createScratchDatabase, createTestApp, testDatabaseUrl } from '../support/test-app';

jest.setTimeout(120_000);

const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-cli-'));
const saved = { ...process.env };
let dropDatabase: (() => Promise<void>) | undefined;
let databaseUrl: string | undefined;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
  const adminUrl = testDatabaseUrl();
  if (adminUrl) {
    const scratch = await createScratchDatabase(adminUrl);
    dropDatabase = scratch.drop;
    databaseUrl = scratch.url;
    process.env.DATABASE_URL = scratch.url;
    process.env.SECRETS_KEY = randomBytes(32).toString('base64');
  }
});
afterAll(async () => {
  process.env = saved;
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

it('creates an organisation and a key that the server accepts', async () => {
  const org = await cli('org', 'create', 'Acme', 'Billing');
  expect(org.code).toBe(0);
  const orgId = /^organization ([0-9a-f-]{36}) "Acme Billing"$/m.exec(org.stdout)?.[1];
  expect(orgId).toBeDefined();

  const byName = await cli('key', 'create', 'Acme Billing', '--role', 'submitter');
  expect(byName.code).toBe(0);
  const byId = await cli('key', 'create', orgId!, '--role=admin', '--name', 'ops');
  expect(byId.code).toBe(0);
  const key = byId.stdout.trim().split('\n').pop()!;
  expect(key).toMatch(/^x12gw_live_/);

  const listed = await cli('org', 'list');
  expect(listed.stdout).toContain(`${orgId}\tAcme Billing`);

  const t = await createTestApp(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    const res = await t.http.get('/v1/api-keys').set('Authorization', `Bearer ${key}`).expect(200);
    expect(res.body.items.map((k: { role: string }) => k.role).sort()).toEqual(['admin', 'submitter']);
    const audit = await t.dataSource.query(
      `SELECT action, actor_type FROM audit_log WHERE org_id = $1 ORDER BY occurred_at`,
      [orgId],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'organization.created',
      'api_key.created',
      'api_key.created',
    ]);
    expect(audit.every((r: { actor_type: string }) => r.actor_type === 'cli')).toBe(true);

    if (t.mode === 'embedded') {
      // The running app owns DATA_DIR: the CLI refuses instead of opening the files twice.
      const busy = await cli('org', 'create', 'Second');
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use by process/);
    }
  } finally {
    await t.close();
  }
});

it('reports usage errors and unknown organisations with exit codes', async () => {
  expect((await cli('key', 'create', 'Acme Billing', '--role', 'owner')).code).toBe(2);
  expect((await cli('key', 'create')).code).toBe(2);
  expect((await cli('org', 'create')).code).toBe(2);
  const missing = await cli('key', 'create', 'No Such Office', '--role', 'admin');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('organization_not_found');
  const duplicate = await cli('org', 'create', 'Acme Billing');
  expect(duplicate.code).toBe(1);
  expect(duplicate.stderr).toContain('organization_name_taken');
});
