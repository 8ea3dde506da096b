/**
 * The gateway's configuration: one schema, validated once at boot. This file is the only place that reads
 * `process.env`; everything else receives an `AppConfig`. Secrets (SECRETS_KEY, the password inside
 * DATABASE_URL) are wrapped in `Secret`, which prints as `[redacted]` through toString, JSON and util.inspect.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { isAbsolute, join, resolve } from 'node:path';

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The only way to read the value: greppable, so every use is deliberate. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DatabaseConfig {
  /** 'postgres' when DATABASE_URL is set, otherwise 'embedded' (PGlite under DATA_DIR/pglite). */
  mode: 'postgres' | 'embedded';
  /** The connection URL (embedded: filled in once the embedded server listens). Carries a password: secret. */
  url: Secret | undefined;
  /** Connection pool size. */
  poolSize: number;
}

export interface SchedulingConfig {
  /** How often the SFTP pipeline polls partners for inbound files, in seconds. */
  inboundPollSeconds: number;
  /** How often queued claims are batched and delivered, in seconds. */
  outboundTickSeconds: number;
  /** Whether this process runs scheduled jobs at all (API-only replicas set false). */
  enabled: boolean;
}

export interface DeliveryConfig {
  /** How long a worker owns a claimed transmission; after it, a crashed worker's file is due again. */
  leaseSeconds: number;
  /** Delivery attempts in total before dead-letter (the first one included). */
  maxAttempts: number;
  /** Backoff: the first retry waits up to this long (full jitter), doubling per failure up to the maximum. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
}

/** The built-in sandbox payer (src/sandbox): an SFTP server and a payer simulator in this process. */
export interface SandboxConfig {
  /** SANDBOX_ENABLED; default true on the embedded database, false with DATABASE_URL. */
  enabled: boolean;
  /** SANDBOX_SFTP_PORT on 127.0.0.1; 0 = any free port. */
  sftpPort: number;
  /** False when the port is the default (2222): if it is taken, the sandbox takes any free port instead. */
  sftpPortExplicit: boolean;
  /** SANDBOX_RESPONSE_DELAY_MS: how long the payer waits before answering a file. */
  responseDelayMs: number;
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: LogLevel;
  database: DatabaseConfig;
  /** 32-byte key for encrypting partner credentials at rest. */
  secretsKey: Secret;
  /** Where the key came from: 'environment' or the file generated under DATA_DIR. */
  secretsKeySource: 'environment' | 'generated-file';
  /** Largest accepted request body (JSON batches, raw X12 files), bytes. */
  bodyLimitBytes: number;
  scheduling: SchedulingConfig;
  delivery: DeliveryConfig;
  sandbox: SandboxConfig;
}

/** A configuration problem: names the variable, never echoes its value. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: readonly { variable: string; problem: string }[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.variable}: ${p.problem}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Environment = Readonly<Record<string, string | undefined>>;

/** Variables the schema knows; anything else in the environment is ignored. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'LOG_LEVEL',
  'SECRETS_KEY',
  'BODY_LIMIT_MB',
  'SCHEDULER_ENABLED',
  'INBOUND_POLL_SECONDS',
  'OUTBOUND_TICK_SECONDS',
  'DELIVERY_LEASE_SECONDS',
  'DELIVERY_MAX_ATTEMPTS',
  'DELIVERY_RETRY_BASE_SECONDS',
  'DELIVERY_RETRY_MAX_SECONDS',
  'SANDBOX_ENABLED',
  'SANDBOX_SFTP_PORT',
  'SANDBOX_RESPONSE_DELAY_MS',
] as const;

const SECRETS_KEY_FILE = 'secrets-key';

/**
 * Validates an environment (default: this process's) into an AppConfig. Throws ConfigError listing every
 * problem at once. On the embedded database with no SECRETS_KEY, generates one into DATA_DIR/secrets-key
 * (mode 0600) on first use and reads it back afterwards.
 */
export function loadConfig(environment: Environment = process.env): AppConfig {
  const problems: { variable: string; problem: string }[] = [];
  const text = (name: string): string | undefined => {
    const value = environment[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push({ variable: name, problem: `must be an integer from ${min} to ${max}` });
      return fallback;
    }
    return Number(raw);
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push({ variable: name, problem: 'must be true or false' });
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = text('HOST') ?? '0.0.0.0';
  const dataDirRaw = text('DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);

  const logLevelRaw = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(logLevelRaw)) logLevel = logLevelRaw as LogLevel;
  else problems.push({ variable: 'LOG_LEVEL', problem: `must be one of ${LOG_LEVELS.join(', ')}` });

  const databaseUrlRaw = text('DATABASE_URL');
  if (databaseUrlRaw !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(databaseUrlRaw);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      problems.push({ variable: 'DATABASE_URL', problem: 'must be a postgres:// or postgresql:// URL' });
    }
  }
  const poolSize = integer('DATABASE_POOL_SIZE', databaseUrlRaw === undefined ? 4 : 10, 2, 200);

  let secretsKey: Secret | undefined;
  let secretsKeySource: AppConfig['secretsKeySource'] = 'environment';
  const secretsKeyRaw = text('SECRETS_KEY');
  if (secretsKeyRaw !== undefined) {
    const decoded = decodeKey(secretsKeyRaw);
    if (!decoded)
      problems.push({ variable: 'SECRETS_KEY', problem: 'must be 32 bytes, base64 or 64 hex digits' });
    else secretsKey = new Secret(decoded.toString('base64'));
  } else if (databaseUrlRaw !== undefined) {
    problems.push({
      variable: 'SECRETS_KEY',
      problem: 'is required with DATABASE_URL (32 bytes, base64; e.g. `openssl rand -base64 32`)',
    });
  }

  const bodyLimitMb = integer('BODY_LIMIT_MB', 64, 1, 1024);
  const scheduling: SchedulingConfig = {
    enabled: boolean('SCHEDULER_ENABLED', true),
    inboundPollSeconds: integer('INBOUND_POLL_SECONDS', 60, 1, 86_400),
    outboundTickSeconds: integer('OUTBOUND_TICK_SECONDS', 30, 1, 86_400),
  };
  const delivery: DeliveryConfig = {
    leaseSeconds: integer('DELIVERY_LEASE_SECONDS', 900, 1, 86_400),
    maxAttempts: integer('DELIVERY_MAX_ATTEMPTS', 8, 1, 100),
    retryBaseSeconds: integer('DELIVERY_RETRY_BASE_SECONDS', 30, 0, 86_400),
    retryMaxSeconds: integer('DELIVERY_RETRY_MAX_SECONDS', 1_800, 0, 604_800),
  };
  if (delivery.retryMaxSeconds < delivery.retryBaseSeconds) {
    problems.push({
      variable: 'DELIVERY_RETRY_MAX_SECONDS',
      problem: 'must be >= DELIVERY_RETRY_BASE_SECONDS',
    });
  }

  const sandbox: SandboxConfig = {
    enabled: boolean('SANDBOX_ENABLED', databaseUrlRaw === undefined),
    sftpPort: integer('SANDBOX_SFTP_PORT', 2222, 0, 65535),
    sftpPortExplicit: text('SANDBOX_SFTP_PORT') !== undefined,
    responseDelayMs: integer('SANDBOX_RESPONSE_DELAY_MS', 2_000, 0, 3_600_000),
  };

  if (problems.length > 0) throw new ConfigError(problems);

  if (secretsKey === undefined) {
    // Embedded default: a key generated once into DATA_DIR, so a restart can still decrypt.
    secretsKey = new Secret(readOrCreateKeyFile(join(dataDir, SECRETS_KEY_FILE)));
    secretsKeySource = 'generated-file';
  }

  return {
    port,
    host,
    dataDir,
    logLevel,
    database: {
      mode: databaseUrlRaw === undefined ? 'embedded' : 'postgres',
      url: databaseUrlRaw === undefined ? undefined : new Secret(databaseUrlRaw),
      poolSize,
    },
    secretsKey,
    secretsKeySource,
    bodyLimitBytes: bodyLimitMb * 1024 * 1024,
    scheduling,
    delivery,
    sandbox,
  };
}

function decodeKey(raw: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) {
    const bytes = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

function readOrCreateKeyFile(path: string): string {
  if (existsSync(path)) {
    const decoded = decodeKey(readFileSync(path, 'utf8').trim());
    if (!decoded)
      throw new ConfigError([{ variable: 'SECRETS_KEY', problem: `the key file ${path} is unreadable` }]);
    return decoded.toString('base64');
  }
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}

/** A printable summary (no secrets) for the boot log line. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    dataDir: config.dataDir,
    logLevel: config.logLevel,
    database: config.database.mode,
    secretsKey: config.secretsKeySource,
    scheduler: config.scheduling.enabled,
    sandbox: config.sandbox.enabled,
  };
}
