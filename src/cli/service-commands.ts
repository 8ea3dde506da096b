/**
 * Service commands for x12gw: organisations and API keys, against the same database and migrations as the
 * server (DATABASE_URL, or the embedded database under DATA_DIR; on the embedded database stop the server
 * first, one process owns DATA_DIR at a time).
 *
 *   x12gw org create NAME
 *   x12gw org list
 *   x12gw key create ORG --role submitter|admin|read-only [--name LABEL]     ORG = organisation id or name
 */
import { userInfo } from 'node:os';
import type { AuditActor } from '../modules/audit/audit.service';
import type { ApiKeysService } from '../modules/api-keys/api-keys.service';
import { API_KEY_ROLES, isApiKeyRole } from '../modules/api-keys/api-key-role';
import type { OrganizationEntity } from '../modules/organizations/organization.entity';
import type { OrganizationsService } from '../modules/organizations/organizations.service';
import { EXIT_FAILED, EXIT_OK, EXIT_UNUSABLE, type Command, type CommandIo } from './command-table';

interface Services {
  organizations: OrganizationsService;
  apiKeys: ApiKeysService;
  listOrganizations(): Promise<OrganizationEntity[]>;
  actor: AuditActor;
}

/** Opens the database (migrating it under the lock), runs `work`, closes; maps errors to exit codes. */
async function withServices(io: CommandIo, work: (services: Services) => Promise<number>): Promise<number> {
  // Loaded on demand so the x12 file tools start without TypeORM and the database layer.
  const { SystemClock } = await import('../common/clock');
  const { DomainError } = await import('../common/errors/domain-error');
  const { ConfigError, loadConfig } = await import('../config/config');
  const { openDatabase } = await import('../database/data-source');
  const { ApiKeyRepository } = await import('../modules/api-keys/api-key.repository');
  const { ApiKeysService } = await import('../modules/api-keys/api-keys.service');
  const { AuditLogRepository } = await import('../modules/audit/audit-log.repository');
  const { AuditService } = await import('../modules/audit/audit.service');
  const { OrganizationEntity } = await import('../modules/organizations/organization.entity');
  const { OrganizationRepository } = await import('../modules/organizations/organization.repository');
  const { OrganizationsService } = await import('../modules/organizations/organizations.service');
  let dataSource;
  try {
    dataSource = await openDatabase(loadConfig(), 'x12gw-cli');
  } catch (error) {
    io.stderr(
      `x12gw: ${error instanceof ConfigError ? error.message : `cannot open the database (${describe(error)})`}\n`,
    );
    return EXIT_FAILED;
  }
  try {
    const clock = new SystemClock();
    const audit = new AuditService(new AuditLogRepository(dataSource), clock);
    const organizations = new OrganizationsService(dataSource, new OrganizationRepository(dataSource), audit);
    const apiKeys = new ApiKeysService(dataSource, new ApiKeyRepository(dataSource), audit, clock);
    let user: string | undefined;
    try {
      user = userInfo().username;
    } catch {
      user = undefined;
    }
    return await work({
      organizations,
      apiKeys,
      listOrganizations: () => dataSource.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } }),
      actor: { type: 'cli', user },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      io.stderr(`x12gw: ${error.code}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

/** Splits `--flag value` options from positional arguments. */
function parseOptions(args: readonly string[], flags: readonly string[]) {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flags.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) return { error: `${flag} needs a value` };
      options[flag] = value;
    } else if (arg.startsWith('--')) {
      return { error: `unknown option ${arg}` };
    } else positional.push(arg);
  }
  return { positional, options };
}

const orgCreate: Command = {
  path: ['org', 'create'],
  usage: 'org create NAME',
  summary: 'Create an organisation (billing office)',
  async run(args, io) {
    const name = args.join(' ').trim();
    if (!name) {
      io.stderr('usage: x12gw org create NAME\n');
      return EXIT_UNUSABLE;
    }
    return withServices(io, async ({ organizations, actor }) => {
      const organization = await organizations.create(name, actor);
      io.stdout(`organization ${organization.id} ${JSON.stringify(organization.name)}\n`);
      return EXIT_OK;
    });
  },
};

const orgList: Command = {
  path: ['org', 'list'],
  usage: 'org list',
  summary: 'List organisations (id and name)',
  async run(_args, io) {
    return withServices(io, async ({ listOrganizations }) => {
      for (const organization of await listOrganizations()) {
        io.stdout(`${organization.id}\t${organization.name}\n`);
      }
      return EXIT_OK;
    });
  },
};

const keyCreate: Command = {
  path: ['key', 'create'],
  usage: 'key create ORG --role submitter|admin|read-only [--name LABEL]',
  summary: 'Create an API key for an organisation (id or name); the key is printed once',
  async run(args, io) {
    const parsed = parseOptions(args, ['--role', '--name']);
    if ('error' in parsed || parsed.positional.length === 0) {
      io.stderr(`${'error' in parsed ? `x12gw: ${parsed.error}\n` : ''}usage: x12gw ${keyCreate.usage}\n`);
      return EXIT_UNUSABLE;
    }
    const role = parsed.options['--role'] ?? 'submitter';
    if (!isApiKeyRole(role)) {
      io.stderr(`x12gw: --role must be one of ${API_KEY_ROLES.join(', ')}\n`);
      return EXIT_UNUSABLE;
    }
    const orgRef = parsed.positional.join(' ');
    return withServices(io, async ({ organizations, apiKeys, actor }) => {
      const organization = await organizations.resolve(orgRef);
      const created = await apiKeys.create(organization.id, role, parsed.options['--name'] ?? null, actor);
      io.stdout(
        `api key ${created.record.id} role ${role} organization ${organization.id}\n` +
          `# shown once; store it now:\n${created.key}\n`,
      );
      return EXIT_OK;
    });
  },
};

export const SERVICE_COMMANDS: readonly Command[] = [orgCreate, orgList, keyCreate];
