import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';

describe('sandbox configuration', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-config-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const secretsKey = Buffer.alloc(32, 7).toString('base64');

  it('is on by default on the embedded database, off with DATABASE_URL, and SANDBOX_ENABLED wins', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).sandbox).toEqual({
      enabled: true,
      sftpPort: 2222,
      sftpPortExplicit: false,
      responseDelayMs: 2_000,
    });
    const postgres = {
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://u@127.0.0.1/db',
      SECRETS_KEY: secretsKey,
    };
    expect(loadConfig(postgres).sandbox.enabled).toBe(false);
    expect(loadConfig({ ...postgres, SANDBOX_ENABLED: 'true' }).sandbox.enabled).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, SANDBOX_ENABLED: 'no' }).sandbox.enabled).toBe(false);
  });

  it('takes the port (0 = any free port; explicit ports never fall back) and the response delay', () => {
    expect(
      loadConfig({ DATA_DIR: dataDir, SANDBOX_SFTP_PORT: '0', SANDBOX_RESPONSE_DELAY_MS: '0' }).sandbox,
    ).toEqual({ enabled: true, sftpPort: 0, sftpPortExplicit: true, responseDelayMs: 0 });
  });

  it('names each bad variable without echoing its value', () => {
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dataDir,
        SANDBOX_ENABLED: 'maybe',
        SANDBOX_SFTP_PORT: '70000',
        SANDBOX_RESPONSE_DELAY_MS: '-1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.variable).sort()).toEqual([
      'SANDBOX_ENABLED',
      'SANDBOX_RESPONSE_DELAY_MS',
      'SANDBOX_SFTP_PORT',
    ]);
    expect((error as ConfigError).message).not.toContain('70000');
  });
});
