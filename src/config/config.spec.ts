import { inspect } from 'node:util';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, Secret } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'x12gw-config-'));

describe('loadConfig', () => {
  it('defaults to the embedded database, port 3000 and a generated secrets key (mode 0600, reused)', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      dataDir: dir,
      secretsKeySource: 'generated-file',
    });
    expect(config.database.mode).toBe('embedded');
    expect(statSync(join(dir, 'secrets-key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).secretsKey.reveal()).toBe(config.secretsKey.reveal());
    expect(Buffer.from(config.secretsKey.reveal(), 'base64')).toHaveLength(32);
  });

  it('switches to PostgreSQL with DATABASE_URL and then requires SECRETS_KEY', () => {
    const url = 'postgres://gw:hunter2-db-password@db.example:5432/gw';
    expect(() => loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir() })).toThrow(/SECRETS_KEY: is required/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({ DATABASE_URL: url, SECRETS_KEY: key, DATA_DIR: dataDir() });
    expect(config.database.mode).toBe('postgres');
    expect(config.database.url?.reveal()).toBe(url);
  });

  it('names every invalid variable and never prints a secret value', () => {
    const secretsKey = 'top-secret-key-value-not-32-bytes';
    const databaseUrl = 'mysql://user:hunter2-db-password@host/db';
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SECRETS_KEY: secretsKey, DATABASE_URL: databaseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SECRETS_KEY']);
    const printed = `${(error as Error).message} ${inspect(error)} ${JSON.stringify(error)}`;
    for (const leaked of [secretsKey, 'hunter2-db-password', 'eighty', 'loud'])
      expect(printed).not.toContain(leaked);
  });

  it('redacts secrets in toString, JSON and inspect', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    const key = readFileSync(join(dir, 'secrets-key'), 'utf8').trim();
    for (const printed of [
      String(config.secretsKey),
      JSON.stringify(config),
      inspect(config, { depth: 9 }),
    ]) {
      expect(printed).not.toContain(key);
      expect(printed).toContain('[redacted]');
    }
    expect(inspect(new Secret('abc'))).toBe('[redacted]');
  });
});
