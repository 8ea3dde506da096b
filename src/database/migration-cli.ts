/**
 * Migration scripts (package.json):
 *   npm run migration:generate -- Name   diff the entities against a scratch database brought up to date with
 *                                        the committed migrations, and write migrations/<timestamp>-Name.ts
 *   npm run migration:generate -- Name --modules organizations,api-keys
 *                                        the same, limited to entities under those src/modules folders (for
 *                                        when other teams' entities are still in progress in the working tree)
 *   npm run migration:run                apply pending migrations (under the advisory lock) to the configured
 *                                        database (DATABASE_URL, or the embedded one under DATA_DIR)
 *   npm run migration:show               list migrations and whether each is applied
 *
 * `generate` always works against a real PostgreSQL: MIGRATION_GENERATE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres. It creates a throwaway database there and drops it afterwards,
 * so the diff never depends on the state of a developer's database. Review the SQL before committing, and
 * never edit a committed migration: add a new one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions, openDatabase, runMigrationsUnderLock } from './data-source';

async function generate(name: string | undefined, options: readonly string[]): Promise<number> {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write('usage: npm run migration:generate -- PascalCaseName\n');
    return 2;
  }
  const adminUrl =
    process.env.MIGRATION_GENERATE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `gw_migration_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const modulesAt = options.indexOf('--modules');
  const modules = modulesAt >= 0 ? (options[modulesAt + 1] ?? '').split(',').filter(Boolean) : [];
  const base = dataSourceOptions(url.toString(), 2, 'x12-gateway-migration-generate');
  const entities = modules.length
    ? modules.map((module) => join(__dirname, '..', 'modules', module, '**', '*.entity.{ts,js}'))
    : base.entities;
  const dataSource = new DataSource({ ...base, entities } as typeof base);
  try {
    await dataSource.initialize();
    await runMigrationsUnderLock(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write('No changes: the entities match the migrations.\n');
      return 0;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (text: string) =>
      '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const ups = sql.upQueries.map((query) => `    await queryRunner.query(${q(query.query)});`);
    const downs = sql.downQueries.reverse().map((query) => `    await queryRunner.query(${q(query.query)});`);
    const file = join(__dirname, '..', '..', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      [
        `import { MigrationInterface, QueryRunner } from 'typeorm';`,
        ``,
        `export class ${className} implements MigrationInterface {`,
        `  name = '${className}';`,
        ``,
        `  public async up(queryRunner: QueryRunner): Promise<void> {`,
        ...ups,
        `  }`,
        ``,
        `  public async down(queryRunner: QueryRunner): Promise<void> {`,
        ...downs,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    );
    process.stdout.write(`Wrote ${file}: review the SQL, run prettier, commit.\n`);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
}

async function run(): Promise<number> {
  const dataSource = await openDatabase(loadConfig(), 'x12-gateway-migration-run');
  await dataSource.destroy();
  process.stdout.write('Migrations are up to date.\n');
  return 0;
}

async function show(): Promise<number> {
  const config = loadConfig();
  const { createDataSource } = await import('./data-source');
  const dataSource = await createDataSource(config, 'x12-gateway-migration-show');
  try {
    await dataSource.initialize();
    const applied = new Set<string>();
    const hasTable = await dataSource.createQueryRunner().hasTable('typeorm_migrations');
    if (hasTable) {
      for (const row of (await dataSource.query('SELECT name FROM typeorm_migrations')) as {
        name: string;
      }[]) {
        applied.add(row.name);
      }
    }
    for (const migration of dataSource.migrations) {
      process.stdout.write(`${applied.has(migration.name ?? '') ? '[X]' : '[ ]'} ${migration.name}\n`);
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  switch (argv[0]) {
    case 'generate':
      return generate(argv[1], argv.slice(2));
    case 'run':
      return run();
    case 'show':
      return show();
    default:
      process.stderr.write('usage: migration-cli generate NAME | run | show\n');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`migration: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exitCode = 1;
  },
);
