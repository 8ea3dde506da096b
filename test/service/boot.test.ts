// Boot behaviour: the first embedded start seeds a demo organisation whose admin key lands in
// DATA_DIR/demo-api-key (mode 0600) and is not recreated on the second start; migrations are idempotent
// and safe when two gateways boot against one PostgreSQL at once; bad configuration stops `npm start` with
// the variable named and no secret printed; SIGTERM shuts the server down cleanly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  createScratchDatabase,
  createTestApp,
  LOCAL_POSTGRES_URL,
  testDatabaseUrl,
} from '../support/test-app';

jest.setTimeout(120_000);
const ROOT = join(__dirname, '..', '..');

describe('demo organisation on first embedded start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the demo admin key once (mode 0600) and keeps it on the second start', async () => {
    const first = await createTestApp({ dataDir, seedDemo: true });
    let key: string;
    try {
      expect(first.mode).toBe('embedded');
      expect(first.demo).toBeDefined();
      const file = join(dataDir, 'demo-api-key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      key = readFileSync(file, 'utf8').trim();
      expect(key).toBe(first.demo!.key);
      const res = await first.http.get('/v1/api-keys').set('Authorization', `Bearer ${key}`).expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].role).toBe('admin');
      // The key was printed by main.ts only, never logged.
      expect(first.logs.join('\n')).not.toContain(key);
    } finally {
      await first.close();
    }

    const second = await createTestApp({ dataDir, seedDemo: true });
    try {
      expect(second.demo).toBeUndefined();
      expect(readFileSync(join(dataDir, 'demo-api-key'), 'utf8').trim()).toBe(key);
      const orgs = await second.dataSource.query('SELECT count(*)::int AS n FROM organizations');
      expect(orgs[0].n).toBe(1);
      // Data survived the restart, and the key still works.
      await second.http.get('/v1/api-keys').set('Authorization', `Bearer ${key}`).expect(200);
      const stored = await second.dataSource.query('SELECT key_hash FROM api_keys');
      expect(stored[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    } finally {
      await second.close();
    }
  });
});

// Concurrency needs a real PostgreSQL server (an embedded DATA_DIR belongs to one process): TEST_DATABASE_URL's,
// else the machine's on 127.0.0.1:5432, whatever the run (never skipped).
const adminUrl = testDatabaseUrl() ?? LOCAL_POSTGRES_URL;

describe('migrations under concurrent boot', () => {
  it('two gateways booting at once against one fresh database migrate exactly once', async () => {
    const scratch = await createScratchDatabase(adminUrl);
    try {
      const apps = await Promise.all([
        createTestApp({ databaseUrl: scratch.url }),
        createTestApp({ databaseUrl: scratch.url }),
      ]);
      try {
        const applied = await apps[0].dataSource.query('SELECT name FROM typeorm_migrations ORDER BY id');
        const names = applied.map((r: { name: string }) => r.name);
        expect(new Set(names).size).toBe(names.length);
        expect([...names].sort()).toEqual(apps[0].dataSource.migrations.map((m) => m.name).sort());
        for (const t of apps) await t.http.get('/health/ready').expect(200);
      } finally {
        await Promise.all(apps.map((t) => t.close()));
      }
      // A third boot finds nothing to do.
      const third = await createTestApp({ databaseUrl: scratch.url });
      try {
        const count = await third.dataSource.query('SELECT count(*)::int AS n FROM typeorm_migrations');
        expect(count[0].n).toBe(third.dataSource.migrations.length);
      } finally {
        await third.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});

function runMain(env: Record<string, string>, untilOutput?: RegExp) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = untilOutput
    ? new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no match for ${untilOutput}: ${stdout} ${stderr}`)),
          60_000,
        );
        child.stdout.on('data', () => {
          if (untilOutput.test(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
        void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
      })
    : Promise.resolve();
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

describe('npm start', () => {
  it('refuses bad configuration naming the variable, without printing secret values', async () => {
    const secret = 'Zm9vYmFyLXNlY3JldC12YWx1ZS10aGF0LWlzLXRvby1zaG9ydA';
    const run = runMain({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'x12gw-badcfg-')),
      SECRETS_KEY: secret,
      DATABASE_URL: 'postgres://u:db-password-canary@127.0.0.1:1/x',
      PORT: '99999',
    });
    expect(await run.exited).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stderr).toMatch(/SECRETS_KEY/);
    expect(stderr).toMatch(/PORT/);
    expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toContain('db-password-canary');
  });

  it('starts on the embedded database, prints the demo key once, and exits cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'x12gw-start-'));
    try {
      const run = runMain({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }, /gateway listening/);
      await run.ready;
      const key = readFileSync(join(dataDir, 'demo-api-key'), 'utf8').trim();
      await new Promise((r) => setTimeout(r, 200));
      const { stdout } = run.output();
      expect(stdout.split(key).length - 1).toBe(1);
      const jsonLines = stdout.split('\n').filter((l) => l.startsWith('{'));
      for (const line of jsonLines) expect(line).not.toContain(key);
      run.child.kill('SIGTERM');
      const code = await run.exited;
      expect(code === 0 || code === null).toBe(true);
      // The embedded database process stopped before the gateway exited (it removes its lock on exit).
      expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
      expect(run.output().stderr).toBe('');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
