import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLogEntity } from './audit-log.entity';

export type NewAuditLogEntry = Omit<AuditLogEntity, 'id'>;

/**
 * Append-only by construction: this class can add entries and read them, nothing else. (A test asserts it
 * has no update or delete method; a database trigger refuses UPDATE/DELETE/TRUNCATE anyway.)
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts one entry, on the caller's transaction when `manager` is given. */
  async append(entry: NewAuditLogEntry, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values(entry as QueryDeepPartialEntity<AuditLogEntity>)
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0].id;
  }

  /** Newest first. */
  async listForOrganization(orgId: string, limit: number): Promise<AuditLogEntity[]> {
    return this.dataSource.manager
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.org_id = :orgId', { orgId })
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
