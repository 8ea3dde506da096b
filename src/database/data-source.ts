/**
 * The one DataSource definition, used by the app (DatabaseModule), the CLI and the migration scripts.
 * Entities are discovered from src/modules/** /*.entity.ts and migrations from migrations/*.ts, so a feature
 * module adds a table by adding an entity file and generating a migration (`npm run migration:generate`).
 * `synchronize` is always false: the schema only changes through reviewed migrations.
 */
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

// src/ when run from source (npm start, jest), dist/ when compiled; migrations/ sits beside it in the repo.
const SOURCE_ROOT = join(__dirname, '..');
const REPOSITORY_ROOT = join(SOURCE_ROOT, '..');
const EXTENSION = __filename.endsWith('.ts') ? 'ts' : 'js';
export const ENTITY_GLOBS = [join(SOURCE_ROOT, 'modules', '**', `*.entity.${EXTENSION}`)];
export const MIGRATION_GLOBS = [join(REPOSITORY_ROOT, 'migrations', `*.${EXTENSION}`)];

/** A DataSource that also owns the embedded server (if any) and stops it after its own connections close. */
export class GatewayDataSource extends DataSource {
  embedded: EmbeddedPostgres | undefined;

  override async destroy(): Promise<void> {
    try {
      if (this.isInitialized) await super.destroy();
    } finally {
      await this.embedded?.stop();
      this.embedded = undefined;
    }
  }
}

export function dataSourceOptions(
  url: string,
  poolSize: number,
  applicationName = 'x12-gateway',
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITY_GLOBS,
    migrations: MIGRATION_GLOBS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+; PGlite has no uuid-ossp.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: { max: poolSize, application_name: applicationName, connectionTimeoutMillis: 30_000 },
  };
}

/**
 * Starts the embedded server if the configuration asks for it, then builds (not initialises) the DataSource.
 * The caller initialises it and runs migrations (see runMigrationsUnderLock).
 */
export async function createDataSource(
  config: AppConfig,
  applicationName?: string,
): Promise<GatewayDataSource> {
  let embedded: EmbeddedPostgres | undefined;
  let url: string;
  if (config.database.mode === 'embedded') {
    // One more socket slot than the pool: the migration lock holds its own connection.
    embedded = await startEmbeddedPostgres(config.dataDir, config.database.poolSize + 2);
    url = embedded.url;
  } else {
    url = config.database.url!.reveal();
  }
  const dataSource = new GatewayDataSource(dataSourceOptions(url, config.database.poolSize, applicationName));
  dataSource.embedded = embedded;
  return dataSource;
}

/** createDataSource + initialize + migrations under the advisory lock; stops the embedded server on failure. */
export async function openDatabase(config: AppConfig, applicationName?: string): Promise<GatewayDataSource> {
  const dataSource = await createDataSource(config, applicationName);
  try {
    await dataSource.initialize();
    await runMigrationsUnderLock(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Arbitrary constant naming the gateway's migration lock ("x12gw" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x7831326777;

/**
 * Runs pending migrations while holding a session-level PostgreSQL advisory lock on a dedicated connection,
 * so several gateway processes booting at once migrate exactly once: the others wait, then find nothing to do.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
