import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyRole } from './api-key-role';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ApiKeyEntity);
  }

  async insert(
    values: { orgId: string; prefix: string; keyHash: string; role: ApiKeyRole; name: string | null },
    manager?: EntityManager,
  ): Promise<ApiKeyEntity> {
    return this.repo(manager).save(
      this.repo(manager).create({ ...values, revokedAt: null, lastUsedAt: null }),
    );
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo().findOne({ where: { keyHash } });
  }

  findInOrganization(orgId: string, id: string, manager?: EntityManager): Promise<ApiKeyEntity | null> {
    return this.repo(manager).findOne({ where: { orgId, id } });
  }

  listForOrganization(orgId: string): Promise<ApiKeyEntity[]> {
    return this.repo().find({ where: { orgId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Sets revoked_at once; returns false when the key was already revoked (or is not the org's). */
  async revoke(orgId: string, id: string, at: Date, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ orgId, id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.repo().update({ id }, { lastUsedAt: at });
  }
}
