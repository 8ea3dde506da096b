import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { isUuid } from '../../common/ids';
import { AuditActor, AuditService } from '../audit/audit.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationRepository } from './organization.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates an organisation (names are unique) and audits it, in one transaction. */
  async create(name: string, actor: AuditActor, manager?: EntityManager): Promise<OrganizationEntity> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) {
      throw new ValidationFailedError([
        { path: '$.name', code: 'length', message: 'name must be 1 to 200 characters' },
      ]);
    }
    const work = async (tx: EntityManager) => {
      const organization = await this.organizations.insert(trimmed, tx);
      await this.audit.record(
        actor,
        'organization.created',
        'organization',
        organization.id,
        {},
        {
          orgId: organization.id,
          manager: tx,
        },
      );
      return organization;
    };
    try {
      return manager ? await work(manager) : await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('organization_name_taken', 'An organization with this name already exists.');
      }
      throw error;
    }
  }

  async get(id: string): Promise<OrganizationEntity> {
    const organization = isUuid(id) ? await this.organizations.findById(id) : null;
    if (!organization) throw new NotFoundError('organization');
    return organization;
  }

  /** By id, or else by exact name (the CLI accepts either). */
  async resolve(idOrName: string): Promise<OrganizationEntity> {
    const organization =
      (isUuid(idOrName) ? await this.organizations.findById(idOrName) : null) ??
      (await this.organizations.findByName(idOrName.trim()));
    if (!organization) throw new NotFoundError('organization');
    return organization;
  }

  count(): Promise<number> {
    return this.organizations.count();
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
